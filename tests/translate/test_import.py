"""Import: a filled file becomes a translated booklet that builds in every variant; a damaged one is refused whole."""

import re

import pytest
from lxml import etree

from booklet.build import BuildRequest, build
from tests.pdfread import page_texts
from tests.translate.filling import NS, fill_xliff, welsh_looking
from tests.translate.library import SLUG, run

TRANSLATED = f"{SLUG}-cy"


def test_the_translated_booklet_builds_in_every_variant_in_its_language(translated):
    folder = translated / "src" / TRANSLATED
    manifest = (folder / "booklet.yml").read_text()
    assert "translation_of: heart-failure" in manifest and "language: cy" in manifest
    assert "reference: NHT-HF-04-CY" in manifest and "status: draft" in manifest
    assert "Livingwch withwch heartwch failurewch" in manifest
    basics = (folder / "basics.md").read_text()
    assert "[the NHS pagewch](https://www.nhs.uk/conditions/heart-failure/)" in basics
    assert '{credit="Artworkwch: Pumpwellwch Studiowch"}' in basics and "[^w]: Weighwch" in basics
    result = build(BuildRequest(root=translated / "src", output=translated / "output", folders=(folder,)))
    variants = {b.variant for b in result.built}
    assert variants == {"download", "print", "large-print", "handout", "web", "epub"}
    for built in result.built:
        if built.path.suffix == ".pdf":
            text = " ".join(page_texts(built.path))
            for word in ("Livingwch", "Whatwch heartwch", "Diureticswch", "Takewch yourwch tabletswch",
                         "Callwch 999", "secondwch opinionwch"):
                assert word in re.sub(r"\s+", " ", text), (built.variant, word)
    web = (translated / "output" / TRANSLATED / "index.html").read_text()
    assert 'lang="cy"' in web and "Diureticswch" in web and 'alt="A heartwch withwch arrowswch' in web


def _damage(path, uid, change):
    tree = etree.parse(str(path))
    unit = next(u for u in tree.iter(NS + "unit") if u.get("id") == uid)
    change(unit.find(f"{NS}segment/{NS}target"))
    tree.write(str(path))


def _drop_first_pc(target):
    pc = target.find(NS + "pc")
    parent = pc.getparent()
    parent.text = (parent.text or "") + "".join(pc.itertext()) + (pc.tail or "")
    parent.remove(pc)


def _rename_ph(target):
    target.find(NS + "ph").set("id", "7")


def _empty(target):
    for child in list(target):
        target.remove(child)
    target.text = ""


@pytest.mark.parametrize("uid, change, said", [
    ("basics.li2", _drop_first_pc, "missing: {1}…{/1}"),
    ("daily.p1", _rename_ph, "{7/} is not a placeholder of the source"),
    ("basics.p1", _empty, "has no translation"),
])
def test_a_damaged_file_is_refused_naming_the_unit_and_nothing_is_written(workspace, uid, change, said):
    run("translate", "export", SLUG, "--to", "cy", "--sources", "src")
    path = workspace / "translations" / f"{SLUG}.cy.xlf"
    fill_xliff(path)
    _damage(path, uid, change)
    code, out = run("translate", "import", str(path), "--sources", "src")
    assert code == 1
    line = next(line for line in out.splitlines() if uid in line)
    assert re.match(rf"{re.escape(str(path))}:\d+: error: unit {re.escape(uid)} \({SLUG}/\w+\.md:\d+\)", line), line
    assert said in line and "Traceback" not in out
    assert not (workspace / "src" / TRANSLATED).exists()


def test_a_damaged_update_leaves_the_translated_booklet_as_it_was(translated):
    folder = translated / "src" / TRANSLATED
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    path = translated / "translations" / f"{SLUG}.cy.xlf"
    fill_xliff(path, change=lambda t: t.upper())
    _damage(path, "basics.li2", _drop_first_pc)
    assert run("translate", "import", str(path), "--sources", "src")[0] == 1
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_file_that_is_not_xliff_is_one_clear_line(workspace):
    (workspace / "bad.xlf").write_text("<xliff><unit>")
    code, out = run("translate", "import", "bad.xlf", "--sources", "src")
    assert code == 1 and out.startswith("bad.xlf:1: error:") and "Traceback" not in out


def test_po_round_trip_and_a_damaged_token(workspace):
    import polib
    run("translate", "export", SLUG, "--to", "pl", "--format", "po", "--sources", "src")
    path = workspace / "translations" / f"{SLUG}.pl.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = welsh_looking(entry.msgid).replace("wch", "ość")
    po.save()
    assert run("translate", "import", str(path), "--sources", "src")[0] == 0
    assert "[the NHS pageość](https://www.nhs.uk" in (workspace / "src" / f"{SLUG}-pl" / "basics.md").read_text()
    po = polib.pofile(str(path))
    po.find("basics.li2", by="msgctxt").msgstr = "{2}broken{/1}"
    po.save()
    code, out = run("translate", "import", str(path), "--sources", "src")
    assert code == 1 and "unit basics.li2" in out
