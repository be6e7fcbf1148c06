"""The placeholder rule: booklet import's TO FILL IN values are asked for, and block an approved booklet."""

from __future__ import annotations

import docx

from booklet.check import CheckRequest, check
from booklet.importer import import_document
from tests.importer.helpers import TODAY, sources_root


def imported(tmp_path):
    root = sources_root(tmp_path)
    d = docx.Document()
    d.add_heading("About", 1)
    d.add_paragraph("A short booklet.")
    d.save(tmp_path / "a.docx")
    return root, import_document(tmp_path / "a.docx", root, slug="short", today=TODAY).folder


def placeholders(root, folder):
    report = check(CheckRequest(root=root, folders=(folder,), output=root.parent / "out", today=TODAY))
    return [p for p in report.problems if p.rule == "placeholder"]


def test_a_draft_is_warned_at_each_placeholder_line(tmp_path):
    root, folder = imported(tmp_path)
    found = placeholders(root, folder)
    lines = (folder / "booklet.yml").read_text().splitlines()
    assert [p.severity for p in found] == ["warning", "warning"]
    assert all("TO FILL IN" in lines[p.line - 1] and not lines[p.line - 1].startswith("#") for p in found)


def test_an_approved_booklet_with_a_placeholder_is_an_error(tmp_path):
    root, folder = imported(tmp_path)
    path = folder / "booklet.yml"
    text = path.read_text().replace("status: draft", "status: approved").replace("# name: A. Person", "name: A. Person")
    path.write_text(text.replace("reference: TO FILL IN", "reference: SB-2026-01"))
    assert [p.severity for p in placeholders(root, folder)] == ["error"]


def test_a_manifest_whose_aliases_make_a_circle_is_walked_once(tmp_path):
    """`&a [*a]` is a list holding itself: the walk ends (it looped for ever before)."""
    root, folder = imported(tmp_path)
    path = folder / "booklet.yml"
    path.write_text(path.read_text() + "extra: &loop [TO FILL IN, *loop]\n")
    import threading
    done = []
    walker = threading.Thread(target=lambda: done.append(placeholders(root, folder)), daemon=True)
    walker.start()
    walker.join(timeout=60)
    assert done, "the placeholder rule did not finish"
