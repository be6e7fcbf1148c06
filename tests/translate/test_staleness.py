"""A change to one source passage makes check name exactly that translated passage; export marks just that unit again."""

import re

from lxml import etree

from booklet.check.run import CheckRequest, check
from tests.translate.filling import NS, fill_xliff
from tests.translate.library import SLUG, run

TRANSLATED = f"{SLUG}-cy"


def _stale(root):
    report = check(CheckRequest(root=root / "src", folders=(root / "src" / TRANSLATED,)))
    return [p for p in report.problems if p.rule == "stale-translation"]


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_nothing_is_flagged_while_the_source_is_unchanged(translated):
    assert _stale(translated) == []
    _edit(translated / "src" / SLUG / "daily.md", "- Keep moving", "\n\n- Keep moving")   # moved, same words
    assert _stale(translated) == []


def test_one_changed_paragraph_is_one_flag_at_its_translated_line(translated):
    _edit(translated / "src" / SLUG / "basics.md", "Your nurse will check your weight.",
          "Your nurse will check your weight and blood pressure.")
    found = _stale(translated)
    assert len(found) == 1
    problem = found[0]
    translated_file = translated / "src" / TRANSLATED / "basics.md"
    assert problem.path == translated_file and problem.severity == "warning"
    assert "Yourwch nursewch willwch checkwch" in translated_file.read_text().split("\n")[problem.line - 1]
    assert f"{SLUG}/basics.md:20" in problem.message
    # export marks just that unit as needing translation, keeping the other targets
    assert run("translate", "export", SLUG, "--to", "cy", "--sources", "src")[0] == 0
    tree = etree.parse(str(translated / "translations" / f"{SLUG}.cy.xlf"))
    states = {u.get("id"): u.find(NS + "segment").get("state") for u in tree.iter(NS + "unit")}
    assert [uid for uid, state in states.items() if state == "initial"] == ["basics.p2"]
    assert all(u.find(f"{NS}segment/{NS}target") is not None for u in tree.iter(NS + "unit"))
    # translated again and imported: in step once more
    fill_xliff(translated / "translations" / f"{SLUG}.cy.xlf", only={"basics.p2"})
    assert run("translate", "import", f"translations/{SLUG}.cy.xlf", "--sources", "src")[0] == 0
    assert _stale(translated) == []
    assert "blood pressure" in (translated / "src" / TRANSLATED / "basics.md").read_text().replace("wch", "")


def test_a_stale_passage_is_an_error_once_the_translation_is_approved(translated):
    manifest = translated / "src" / TRANSLATED / "booklet.yml"
    text = manifest.read_text().replace("status: draft", "status: approved")
    manifest.write_text(re.sub(r"(- role: .*)", r"\1\n    name: Dr B. Person", text))
    _edit(translated / "src" / SLUG / "booklet.yml", "Our sources are listed", "Our sources are all listed")
    found = _stale(translated)
    assert [(p.path.name, p.severity) for p in found] == [("booklet.yml", "error")]
    code, out = run("check", str(translated / "src" / TRANSLATED), "--sources", "src")
    assert code == 1 and "booklet.evidence" in out


def test_an_untouched_stale_unit_stays_flagged_after_import(translated):
    _edit(translated / "src" / SLUG / "daily.md", "Slow the heart", "Slow the heartbeat")
    run("translate", "export", SLUG, "--to", "cy", "--sources", "src")
    assert run("translate", "import", f"translations/{SLUG}.cy.xlf", "--sources", "src")[0] == 0
    assert [p.message.split()[2] for p in _stale(translated)] == ["(daily.td4)"]


def test_a_new_source_passage_is_named_and_import_asks_for_a_new_export(translated):
    _edit(translated / "src" / SLUG / "daily.md", "- Keep moving, gently.", "- Keep moving, gently.\n- Sleep well.")
    found = _stale(translated)
    assert len(found) == 1 and "not yet translated: daily.li4" in found[0].message
    code, out = run("translate", "import", f"translations/{SLUG}.cy.xlf", "--sources", "src")
    assert code == 1 and "1 unit of the source is not in this file: daily.li4 (heart-failure/daily.md:19)" in out
    assert "export again" in out
