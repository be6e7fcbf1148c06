"""Watch mode's rebuild rounds, driven directly: no file-system events, no sleeping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booklet import build as build_module
from booklet import publishing
from booklet.build import STYLES, BuildRequest, build
from booklet.problems import ContentError
from booklet.watch import Watcher


def make_watcher(root, tmp_path):
    lines: list[str] = []
    request = BuildRequest(root=root, output=tmp_path / "out", variants=("download", "large-print"))
    return Watcher(request, lines.append), lines


def test_a_saved_edit_rebuilds_and_replaces_the_pdf(sources, tmp_path):
    root = sources()
    watcher, lines = make_watcher(root, tmp_path)
    first = watcher.rebuild()
    assert first.ok and len(first.written) == 2
    pdf = tmp_path / "out" / "demo" / "demo-download.pdf"
    before = pdf.read_bytes()
    (root / "demo" / "one.md").write_text("---\ntitle: The first section\n---\n\nSome changed words.\n")
    second = watcher.rebuild([root / "demo" / "one.md"])
    assert second.ok
    assert [p.name for p in second.written] == ["demo-download.pdf", "demo-large-print.pdf"]  # download first
    assert pdf.read_bytes() != before
    assert not list(pdf.parent.glob(".*.tmp"))          # replaced whole, no half-written file left


def test_a_round_with_nothing_changed_writes_nothing(sources, tmp_path):
    watcher, _ = make_watcher(sources(), tmp_path)
    watcher.rebuild()
    assert watcher.rebuild().written == ()


def test_a_mistake_is_reported_and_watching_goes_on(sources, tmp_path):
    root = sources()
    watcher, lines = make_watcher(root, tmp_path)
    watcher.rebuild()
    pdf = tmp_path / "out" / "demo" / "demo-download.pdf"
    before = pdf.read_bytes()
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\n::: contact nobody\n")
    broken = watcher.rebuild([root / "demo" / "two.md"])
    assert not broken.ok
    assert any("demo/two.md:5: error:" in line and "nobody" in line for line in lines), lines
    assert pdf.read_bytes() == before                    # the last good PDF stays
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\nFixed.\n")
    assert watcher.rebuild([root / "demo" / "two.md"]).ok
    assert pdf.read_bytes() != before


def test_a_theme_mistake_is_reported_once(sources, tmp_path):
    """The round reads the theme for its colours and measures it in the check gate: one report."""
    root = sources(_shared__theme_yml='colours:\n  brand: "teal"\n')
    watcher, lines = make_watcher(root, tmp_path)
    broken = watcher.rebuild()
    assert not broken.ok
    assert len([line for line in lines if "theme.yml:2: error:" in line]) == 1, lines


def test_output_and_editor_temporary_files_are_ignored(sources, tmp_path):
    root = sources()
    watcher, _ = make_watcher(root, tmp_path)
    changed = [tmp_path / "out" / "demo" / "demo-download.pdf", root / "demo" / ".one.md.swp",
               root / "demo" / "one.md~", root / "demo" / "one.md"]
    assert watcher.relevant(changed) == [root / "demo" / "one.md"]


def test_a_manifest_saved_as_latin1_is_reported_and_watching_goes_on(sources, tmp_path):
    root = sources()
    watcher, lines = make_watcher(root, tmp_path)
    assert watcher.rebuild().ok
    manifest = root / "demo" / "booklet.yml"
    manifest.write_bytes(manifest.read_text().replace("Understanding", "Caf\xe9").encode("latin-1"))
    failed = watcher.rebuild([manifest])
    assert not failed.ok
    assert [line for line in failed.problems if "UTF-8" in line] == [
        f"{manifest}:1: error: this file is not saved as UTF-8 text (byte 10); save it as UTF-8 [source]"]
    manifest.write_text(manifest.read_bytes().decode("latin-1").replace("Caf\xe9", "Understanding"))
    assert watcher.rebuild([manifest]).ok


def test_a_round_writes_the_pdf_before_reading_its_text_size_and_reports_what_a_build_does(sources, tmp_path,
                                                                                         monkeypatch):
    """The editor sees the new PDF sooner; the text-size error still ends the round, as a build's would."""
    styles = tmp_path / "styles"
    shutil.copytree(STYLES, styles)
    with (styles / "booklet.css").open("a", encoding="utf-8") as css:
        css.write("\nh2 { font-size: 9pt; }\n")
    root = sources()
    with pytest.raises(ContentError) as refused:
        build(BuildRequest(root=root, output=tmp_path / "built", styles=styles, variants=("download",)))
    events = []
    publish, measure = publishing.publish, build_module.text_size_problem
    monkeypatch.setattr(publishing, "publish", lambda *a: events.append("publish") or publish(*a))
    monkeypatch.setattr(build_module, "text_size_problem", lambda *a: events.append("measure") or measure(*a))
    lines: list[str] = []
    watcher = Watcher(BuildRequest(root=root, output=tmp_path / "out", styles=styles, variants=("download",)),
                      lines.append)
    round_ = watcher.rebuild()
    assert not round_.ok and events == ["publish", "measure"]
    assert round_.problems == tuple(p.format(Path.cwd()) for p in refused.value.problems)
    assert any("[body-text-size]" in line for line in round_.problems)
