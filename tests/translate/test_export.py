"""Export: every passage a reader sees, once, at its file and line, as XLIFF 2 or PO, with ids that do not change."""

from lxml import etree

from booklet.translate.units import extract
from tests.translate.library import SLUG, run

NS = "{urn:oasis:names:tc:xliff:document:2.0}"


def _units(workspace):
    tree = etree.parse(str(workspace / "translations" / f"{SLUG}.cy.xlf"))
    return tree.getroot(), {u.get("id"): u for u in tree.iter(NS + "unit")}


def test_every_passage_is_a_unit_at_its_file_and_line(workspace):
    assert run("translate", "export", SLUG, "--to", "cy", "--sources", "src")[0] == 0
    root, units = _units(workspace)
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en-GB", "cy")
    sources = {uid: "".join(u.find(f"{NS}segment/{NS}source").itertext()) for uid, u in units.items()}
    for wanted in ("Living with heart failure", "A guide for patients and carers", "Our sources are listed on our website.",
                   "Heart Failure Specialist Nurse", "Eating well with a heart condition", "What you can ask for",
                   "The basics", "A heart with arrows showing blood flowing out", "How blood leaves the heart",
                   "Artwork: Pumpwell Studio", "Diuretics", "Ring straight away", "B-type natriuretic peptide",
                   "Weigh yourself every morning, before breakfast.", "Use a pill box if it helps."):
        assert wanted in sources.values(), wanted
    # the shared passage placed inline is translated where it stands, from its own file
    signs = next(u for u in units.values() if "chest pain" in "".join(u.itertext()))
    assert "_shared/snippets/signs.md:1" in signs.find(f"{NS}notes").findtext(NS + "note")
    for unit in units.values():
        where = unit.find(f"{NS}notes").findtext(NS + "note")
        path, line = where.rsplit(":", 1)
        text = (workspace / "src" / path).read_text().split("\n")[int(line) - 1]
        words = "".join(unit.find(f"{NS}segment/{NS}source").itertext()).split()
        assert words[0].strip("*[") in text or words[0] in text, (where, words)
    alt = units["basics.alt1"].find(f"{NS}notes")
    assert "Alt text" in "".join(alt.itertext())


def test_markup_is_placeholders_and_contacts_and_numbers_are_not_text(workspace):
    run("translate", "export", SLUG, "--to", "cy", "--sources", "src")
    _, units = _units(workspace)
    text = etree.tostring(units["basics.li2"]).decode()
    assert '<pc id="1"' in text and "https://www.nhs.uk" not in "".join(
        units["basics.li2"].find(f"{NS}segment/{NS}source").itertext())
    phone = units["daily.p1"].find(f"{NS}segment/{NS}source")
    assert "0161" not in "".join(phone.itertext()) and phone.find(NS + "ph") is not None
    every = " ".join("".join(u.find(f"{NS}segment/{NS}source").itertext()) for u in units.values())
    assert "Ask a heart nurse anything" not in every and "contact" not in every


def test_ids_are_the_same_for_the_same_sources(workspace):
    first = [p.id for p in extract(workspace / "src" / SLUG, workspace / "src").passages]
    again = [p.id for p in extract(workspace / "src" / SLUG, workspace / "src").passages]
    assert first == again and len(set(first)) == len(first)
    assert "booklet.title" in first and "basics.p1" in first and "daily.td1" in first


def test_po_carries_the_same_units(workspace):
    assert run("translate", "export", SLUG, "--to", "pl", "--format", "po", "--sources", "src")[0] == 0
    text = (workspace / "translations" / f"{SLUG}.pl.po").read_text()
    assert 'msgctxt "basics.li2"' in text and "#: src/" not in text and f"#: {SLUG}/basics.md:14" in text
    assert "Language: pl" in text and "{1}the NHS page{/1}" in text


def test_an_unknown_booklet_or_language_is_refused(workspace):
    code, out = run("translate", "export", "nothing", "--to", "cy", "--sources", "src")
    assert code == 2 and "no booklet 'nothing'" in out
    code, out = run("translate", "export", SLUG, "--to", "xx-nonsense-tag", "--sources", "src")
    assert code == 2 and "CLDR" in out
