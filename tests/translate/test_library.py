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
