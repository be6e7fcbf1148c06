"""The review register lists each translation right after its source, with whether it is in step."""

from tests.translate.library import SLUG, run


def test_the_register_shows_the_translation_beside_its_source_and_its_standing(translated):
    code, out = run("reviews", "--sources", "src")
    lines = [line for line in out.splitlines() if SLUG in line]
    assert "NHT-HF-04 " in lines[0] and "NHT-HF-04-CY" in lines[1] and len(lines) == 2
    assert "translation of heart-failure: in step" in lines[1]
    basics = translated / "src" / SLUG / "basics.md"
    basics.write_text(basics.read_text().replace("Tiredness", "Feeling tired"))
    out = run("reviews", "--sources", "src")[1]
    assert "translation of heart-failure: 1 passage out of step" in out


def test_the_catalogue_lists_the_translation_after_its_source_with_its_standing(translated):
    import json

    from booklet.build import BuildRequest, build
    src = translated / "src"
    build(BuildRequest(root=src, output=translated / "output", folders=(src / SLUG, src / f"{SLUG}-cy")))
    code, out = run("catalogue", "--sources", "src", "--output", "output", "--drafts")
    assert code == 0, out
    listed = json.loads((translated / "output" / "catalogue.json").read_text())["booklets"]
    assert [b["slug"] for b in listed] == [SLUG, f"{SLUG}-cy"]
    assert listed[1]["translation_of"] == SLUG and listed[1]["in_step"] is True
    assert "translation_of" not in listed[0]
    page = (translated / "output" / "index.html").read_text()
    assert "<dt>Translation</dt><dd>Translation of heart-failure: in step</dd>" in page
    assert '<h2 id="title-heart-failure-cy" lang="cy">' in page
