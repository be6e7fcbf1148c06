"""`booklet init` and `booklet new` write sources that check and build clean, and never overwrite anything."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from booklet.build import BuildRequest, build
from booklet.check import CheckRequest, check
from booklet.cli import main
from booklet.scaffold import ScaffoldError, init_sources, new_booklet

TODAY = dt.date(2026, 11, 21)


def test_init_writes_a_root_that_checks_and_builds_clean(tmp_path):
    root = tmp_path / "sources"
    written = init_sources(root, TODAY)
    assert sorted(p.relative_to(root).as_posix() for p in written) == [
        "_shared/organisation.yml", "_shared/theme.yml", "living-well/about.md", "living-well/booklet.yml",
        "living-well/next-steps.md"]
    report = check(CheckRequest(root=root, today=TODAY))
    assert [p for p in report.problems if p.severity != "note"] == []
    result = build(BuildRequest(root=root, output=tmp_path / "out", variants=("download",), today=TODAY))
    assert [b.path.name for b in result.built] == ["living-well-download.pdf"] and not result.warnings


def test_every_key_is_there_to_uncomment(tmp_path):
    root = tmp_path / "sources"
    init_sources(root, TODAY)
    manifest = (root / "living-well" / "booklet.yml").read_text()
    for key in ("subtitle:", "based_on:", "next:", "name:", "online:", "related:", "variants:", "print:",
                "bleed:", "crop_marks:", "standard:", "profile:", "checks:", "target_grade:", "contacts: [helpline]"):
        assert key in manifest, key
    theme = (root / "_shared" / "theme.yml").read_text()
    for key in ("colours:", "brand:", "tint:", "text:", "print_colours:", "font:", "family:", "regular:", "bold:",
                "italic:", "licence:", "stylesheet:"):
        assert key in theme, key
    assert yaml.safe_load(theme) is None                  # all commented: the house style until chosen
    organisation = (root / "_shared" / "organisation.yml").read_text()
    for key in ("logo:", "country:", "email:", "phone_note:", "hours:", "address:", "website:"):
        assert key in organisation, key


def test_new_adds_a_booklet_using_the_publishers_first_contact(tmp_path):
    root = tmp_path / "sources"
    init_sources(root, TODAY)
    written = new_booklet(root, "heart-failure", TODAY)
    assert [p.name for p in written] == ["booklet.yml", "about.md", "next-steps.md"]
    manifest = yaml.safe_load((root / "heart-failure" / "booklet.yml").read_text())
    assert manifest["title"] == "Heart failure" and manifest["reference"] == "HF-2026-01"
    assert manifest["contacts"] == ["helpline"] and manifest["review"]["reviewed"] == TODAY
    assert "::: contact helpline" in (root / "heart-failure" / "next-steps.md").read_text()
    report = check(CheckRequest(root=root, folders=(root / "heart-failure",), today=TODAY))
    assert [p for p in report.problems if p.severity != "note"] == []


def test_nothing_is_overwritten(tmp_path):
    root = tmp_path / "sources"
    init_sources(root, TODAY)
    (root / "living-well" / "about.md").write_text("edited")
    with pytest.raises(ScaffoldError, match="already holds booklet sources"):
        init_sources(root, TODAY)
    with pytest.raises(ScaffoldError, match="already exists"):
        new_booklet(root, "living-well", TODAY)
    assert (root / "living-well" / "about.md").read_text() == "edited"


@pytest.mark.parametrize("slug", ["Heart_Failure", "-x", "a b", "../up"])
def test_a_slug_must_be_a_folder_name(tmp_path, slug):
    init_sources(tmp_path / "sources", TODAY)
    with pytest.raises(ScaffoldError, match="lower-case letters, digits and hyphens"):
        new_booklet(tmp_path / "sources", slug, TODAY)


def test_new_needs_a_sources_root(tmp_path):
    with pytest.raises(ScaffoldError, match="is not a sources root"):
        new_booklet(tmp_path, "heart-failure", TODAY)
    assert list(tmp_path.iterdir()) == []


def test_the_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["init", "content"])
    assert first.exit_code == 0 and "wrote content/_shared/theme.yml" in first.output
    assert runner.invoke(main, ["new", "scans", "--sources", "content"]).exit_code == 0
    again = runner.invoke(main, ["new", "scans", "--sources", "content"])
    assert again.exit_code == 1 and "already exists; nothing was written" in again.output
    assert runner.invoke(main, ["init", "content"]).exit_code == 1
