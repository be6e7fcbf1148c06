"""The build cache: a change rebuilds exactly the variants that depend on it, and nothing else."""

from __future__ import annotations

import shutil

import pytest

from booklet import cache
from booklet.build import STYLES, BuildRequest, build
from tests.conftest import MANIFEST

SNIPPET = "Words every booklet shares.\n"
WITH_SNIPPET = "---\ntitle: The first section\n---\n\nSome words.\n\n::: snippet shared\n"
TWO = "---\ntitle: Two\n---\n\nMore words.\n"
ALL = ("download", "print", "large-print", "handout")


@pytest.fixture
def library(sources, tmp_path):
    """Two booklets, a used and an unused snippet, a picture, and a private copy of the styles."""
    root = sources(demo__one_md=WITH_SNIPPET + "\n![A square](images/square.svg)\n",
                   _shared__snippets__shared_md=SNIPPET, _shared__snippets__unused_md=SNIPPET,
                   other__booklet_yml=MANIFEST.replace("Understanding tests", "Other tests"),
                   other__one_md="---\ntitle: Other one\n---\n\nOther words.\n",
                   other__two_md="---\ntitle: Other two\n---\n\nMore words.\n")
    (root / "demo" / "images").mkdir()
    (root / "demo" / "images" / "square.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20"/></svg>')
    styles = tmp_path / "styles"
    shutil.copytree(STYLES, styles)
    return root, styles


def run(root, styles, tmp_path, variants=("download", "large-print"), **options):
    result = build(BuildRequest(root=root, output=tmp_path / "out", styles=styles, variants=variants, **options))
    return sorted((b.slug, b.variant) for b in result.built if not b.fresh)


def test_nothing_changed_nothing_rebuilt(library, tmp_path):
    root, styles = library
    assert len(run(root, styles, tmp_path)) == 4
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.pdf")}
    assert run(root, styles, tmp_path) == []
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.pdf")} == before


def test_a_changed_section_rebuilds_its_booklet_only(library, tmp_path):
    root, styles = library
    run(root, styles, tmp_path)
    (root / "other" / "two.md").write_text("---\ntitle: Other two\n---\n\nChanged words.\n")
    assert run(root, styles, tmp_path) == [("other", "download"), ("other", "large-print")]


def test_a_snippet_rebuilds_the_booklets_that_use_it(library, tmp_path):
    root, styles = library
    run(root, styles, tmp_path)
    (root / "_shared" / "snippets" / "unused.md").write_text(SNIPPET + "\nMore.\n")
    assert run(root, styles, tmp_path) == []
    (root / "_shared" / "snippets" / "shared.md").write_text(SNIPPET + "\nMore.\n")
    assert run(root, styles, tmp_path) == [("demo", "download"), ("demo", "large-print")]


def test_a_picture_rebuilds_the_booklet_that_shows_it(library, tmp_path):
    root, styles = library
    run(root, styles, tmp_path)
    (root / "demo" / "images" / "square.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle r="10" cx="10" cy="10"/></svg>')
    assert run(root, styles, tmp_path) == [("demo", "download"), ("demo", "large-print")]


def test_a_stylesheet_rebuilds_the_variants_that_use_it(library, tmp_path):
    root, styles = library
    assert len(run(root, styles, tmp_path, ALL)) == 8
    with open(styles / "large-print.css", "a") as css:
        css.write("\nh2 { letter-spacing: 0.01em; }\n")
    assert run(root, styles, tmp_path, ALL) == [("demo", "large-print"), ("other", "large-print")]
    # The download's stylesheet lays out the print and handout pages too (one A5 layout); large
    # print has its own stylesheet after it, but reads download.css as well.
    with open(styles / "download.css", "a") as css:
        css.write("\nh2 { letter-spacing: 0.01em; }\n")
    assert len(run(root, styles, tmp_path, ALL)) == 8
    with open(styles / "booklet.css", "a") as css:
        css.write("\nh3 { letter-spacing: 0.01em; }\n")
    assert len(run(root, styles, tmp_path, ALL)) == 8


def test_a_new_tool_version_or_template_rebuilds_everything(library, tmp_path, monkeypatch):
    root, styles = library
    run(root, styles, tmp_path)
    template = tmp_path / "booklet.html"
    template.write_text("a changed template")
    monkeypatch.setattr(cache, "tool_files", lambda: [template])
    assert len(run(root, styles, tmp_path)) == 4


def test_force_rebuilds_everything(library, tmp_path):
    root, styles = library
    run(root, styles, tmp_path)
    assert len(run(root, styles, tmp_path, force=True)) == 4


def test_an_output_file_changed_by_hand_is_rebuilt(library, tmp_path):
    root, styles = library
    run(root, styles, tmp_path)
    (tmp_path / "out" / "demo" / "demo-download.pdf").write_bytes(b"not a PDF")
    assert run(root, styles, tmp_path) == [("demo", "download")]


def test_parallel_builds_give_the_same_files(library, tmp_path):
    root, styles = library
    one = build(BuildRequest(root=root, output=tmp_path / "one", styles=styles, variants=ALL, jobs=1))
    two = build(BuildRequest(root=root, output=tmp_path / "two", styles=styles, variants=ALL, jobs=2))
    assert len(one.built) == len(two.built) == 8
    for path in (tmp_path / "one").rglob("*.pdf"):
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()


def test_a_snippet_nested_three_deep_rebuilds_exactly_the_booklets_using_it(sources, tmp_path):
    """demo places outer, which places middle, which places inner; other places only middle's sibling."""
    root = sources(demo__one_md=WITH_SNIPPET.replace("shared", "outer"),
                   _shared__snippets__outer_md="Outer words.\n\n::: snippet middle\n",
                   _shared__snippets__middle_md="Middle words.\n\n::: snippet inner\n",
                   _shared__snippets__inner_md="Call 1800 200 700.\n",
                   _shared__snippets__sibling_md="Sibling words.\n",
                   other__booklet_yml=MANIFEST.replace("Understanding tests", "Other tests"),
                   other__one_md=WITH_SNIPPET.replace("shared", "sibling"), other__two_md=TWO,
                   third__booklet_yml=MANIFEST.replace("Understanding tests", "Third tests"),
                   third__one_md=WITH_SNIPPET.replace("shared", "middle"), third__two_md=TWO)
    styles = tmp_path / "styles"
    shutil.copytree(STYLES, styles)
    assert len(run(root, styles, tmp_path, ("download",))) == 3
    (root / "_shared" / "snippets" / "inner.md").write_text("Call 1800 200 701.\n")
    assert run(root, styles, tmp_path, ("download",)) == [("demo", "download"), ("third", "download")]
    assert run(root, styles, tmp_path, ("download",)) == []
    text = (tmp_path / "out" / "demo" / "demo-download.pdf").read_bytes()
    assert b"1800 200 700" not in text          # the old number is gone (fonts are subset, so test absence)


def test_the_cache_never_opens_a_pipe_or_a_link_out_of_the_sources(library, tmp_path):
    import os
    root, styles = library
    run(root, styles, tmp_path)
    os.mkfifo(root / "demo" / "notes.pipe")                     # would hang a read
    (root / "demo" / "secret.txt").symlink_to("/etc/hostname")  # outside the root
    assert run(root, styles, tmp_path) == []         # neither is an input: nothing hangs, nothing rebuilds


def test_each_booklet_yml_is_parsed_once_a_build_and_not_at_all_when_up_to_date(library, tmp_path, monkeypatch):
    from booklet.sources import sections, yamlnodes      # read_yaml lives in sections.py
    root, styles = library
    parsed = []
    original = yamlnodes.parse

    def counting(text, path, problems, **options):
        parsed.append(path.relative_to(root).as_posix())
        return original(text, path, problems, **options)

    monkeypatch.setattr(sections, "parse", counting)
    monkeypatch.setattr(yamlnodes, "parse", counting)
    run(root, styles, tmp_path)
    assert sorted(p for p in parsed if p.endswith("booklet.yml")) == ["demo/booklet.yml", "other/booklet.yml"]
    parsed.clear()
    assert run(root, styles, tmp_path) == [] and parsed == []


def test_the_input_walk_lists_what_rglob_and_refusal_allow(tmp_path):
    """One scandir walk stands in for Path.rglob plus `refusal` on every path: the same files, in order."""
    import os
    from booklet.sources.safe import refusal
    root = tmp_path / "root"
    folder = root / "demo"
    for name in ("one.md", ".hidden.md", ".cache/kept.md", "images/a.png", "images/__pycache__/x.pyc"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name)
    (tmp_path / "outside.md").write_text("outside")
    (folder / "out.md").symlink_to(tmp_path / "outside.md")            # leads out of the root
    (folder / "in.md").symlink_to(folder / "one.md")                   # stays inside
    (folder / "pictures").symlink_to(folder / "images")                # a folder: listed, not followed
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    os.mkfifo(folder / "notes.pipe")
    (root / "alias").symlink_to(folder)

    def by_rglob(start, within):
        if within is not None and refusal(start, within) != "is a folder, not a file":
            return []
        return sorted(p for p in start.rglob("*") if "__pycache__" not in p.parts and not p.name.startswith(".")
                      and (refusal(p, within) is None if within is not None else p.is_file()))

    for start, within in ((folder, root), (root / "alias", root), (folder, None), (root, root), (tmp_path, root),
                          (cache.PACKAGE, None)):
        assert cache._files_under(start, within) == by_rglob(start, within), (start, within)
    assert [p.name for p in cache._files_under(folder, root)] == ["kept.md", "a.png", "in.md", "one.md"]
