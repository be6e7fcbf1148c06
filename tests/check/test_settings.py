"""`checks:` changes a rule's severity for one booklet (or turns it off); `target_grade:` sets the reading target."""

from __future__ import annotations

import pytest

from tests.check.conftest import found, run_check
from tests.conftest import MANIFEST

LATIN = "---\ntitle: One\n---\n\nAsk a nurse, e.g. at the clinic.\n"


def test_a_rule_is_a_warning_by_default(sources):
    root = sources(demo__one_md=LATIN)
    assert found(run_check(root), root) == [("demo/one.md", 5, "warning", "latin-abbreviation")]


@pytest.mark.parametrize("setting, expected", [
    ("error", [("demo/one.md", 5, "error", "latin-abbreviation")]),
    ("warning", [("demo/one.md", 5, "warning", "latin-abbreviation")]),
    ("off", []),
    ('"off"', []),
])
def test_checks_changes_the_severity(sources, setting, expected):
    root = sources(demo__booklet_yml=MANIFEST + f"checks:\n  latin-abbreviation: {setting}\n", demo__one_md=LATIN)
    assert found(run_check(root), root) == expected


@pytest.mark.parametrize("checks, line, message", [
    ("  latin-abbreviaton: off\n", 17, "there is no check rule 'latin-abbreviaton'; did you mean 'latin-abbreviation'?"),
    ("  long-sentence: loud\n", 17, "'long-sentence' should be error, warning or off, not 'loud'"),
    ("  review-overdue: off\n", 17, "the severity of 'review-overdue' cannot be changed (build with --allow-overdue"),
    ("  unknown-contact: warning\n", 17, "the severity of 'unknown-contact' cannot be changed: a booklet cannot"),
    ("  contrast: off\n", 17, "'contrast' checks the stylesheets, which every booklet shares"),
])
def test_bad_settings_are_errors_at_their_line(sources, checks, line, message):
    root = sources(demo__booklet_yml=MANIFEST + "checks:\n" + checks)
    report = run_check(root)
    assert found(report, root) == [("demo/booklet.yml", line, "error", "source")]
    assert report.problems[0].message.startswith(message)


def test_target_grade_is_the_booklets_own(sources):
    # Flesch-Kincaid grade 8.7: above the default target of 8.
    text = ("---\ntitle: One\n---\n\nYour treatment will be planned by a team of specialists who work together"
            " to decide what is most suitable for you. They will consider your general health and your personal"
            " circumstances.\n")
    root = sources(demo__one_md=text)
    report = run_check(root)
    assert found(report, root, "reading-grade") == [("demo/one.md", 2, "warning", "reading-grade")]
    assert "reads at grade 8.7, above this booklet's target of 8" in report.problems[0].message
    root = sources(demo__booklet_yml=MANIFEST + "target_grade: 9\n", demo__one_md=text)
    assert found(run_check(root), root, "reading-grade") == []


def test_a_bad_target_grade_is_an_error(sources):
    root = sources(demo__booklet_yml=MANIFEST + "target_grade: easy\n")
    assert found(run_check(root), root) == [("demo/booklet.yml", 16, "error", "source")]


def test_the_reader_accepts_the_check_keys(sources):
    from booklet.render.variants import VARIANTS
    from booklet.sources.folders import booklet_folders
    from booklet.sources.library import read_library
    root = sources(demo__booklet_yml=MANIFEST + "target_grade: 7\nchecks:\n  all-caps: error\n")
    library, warnings = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    assert "demo" in library.booklets and warnings == []


def test_checks_apply_to_the_builds_own_picture_measure_at_the_snippets_line(sources, tmp_path):
    import io

    from PIL import Image

    from booklet.build import BuildRequest, build
    from booklet.problems import ContentError
    from tests.conftest import MANIFEST
    root = sources(demo__booklet_yml=MANIFEST + "checks:\n  image-resolution: error\n",
                   demo__one_md="---\ntitle: One\n---\n\nWords.\n\n::: snippet square\n",
                   _shared__snippets__square_md="A square:\n\n![A coloured square](../images/small.png)\n")
    (root / "_shared" / "images").mkdir()
    picture = io.BytesIO()
    Image.new("RGB", (300, 300), (200, 40, 90)).save(picture, format="PNG")
    (root / "_shared" / "images" / "small.png").write_bytes(picture.getvalue())
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out", variants=("print",)))
    lines = [p.format(root) for p in caught.value.problems]
    assert len(lines) == 1 and lines[0].startswith(
        "_shared/snippets/square.md:3: error: the picture '../images/small.png' prints at 80 ppi at 95"), lines
    assert lines[0].endswith("[image-resolution]")
    assert not list((tmp_path / "out").rglob("*.pdf"))
