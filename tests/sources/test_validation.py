"""Every kind of mistake an editor can make is reported as FILE:LINE: error: MESSAGE, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.problems import ContentError
from booklet.render.variants import VARIANTS
from booklet.sources.folders import booklet_folders
from booklet.sources.library import read_library
from tests.conftest import MANIFEST


def problems(root: Path) -> list[str]:
    """The lines, without the rule ids (tests/sources/test_rules.py and the golden pairs check those)."""
    with pytest.raises(ContentError) as caught:
        read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    return [p.format(root).removesuffix(f" [{p.rule}]") for p in caught.value.problems]


def manifest_with(old: str, new: str) -> str:
    assert old in MANIFEST, old
    return MANIFEST.replace(old, new)


def test_valid_sources_read_without_problems(sources):
    root = sources()
    library, warnings = read_library(root, booklet_folders(root), variants=tuple(VARIANTS))
    demo = library.booklets["demo"]
    assert [s.title for s in demo.sections] == ["The first section", "The second section"]
    assert [s.number for s in demo.sections] == [1, 2]
    assert demo.review.next.isoformat() == "2029-10-01"  # default: three years after the review
    assert warnings == []


def test_unknown_key_is_named_with_a_suggestion(sources):
    root = sources(demo__booklet_yml=manifest_with("reference: TST-01", "referense: TST-01"))
    assert problems(root) == [
        "demo/booklet.yml:1: error: booklet.yml is missing 'reference'",
        "demo/booklet.yml:3: error: unknown key 'referense' in booklet.yml; did you mean 'reference'?",
    ]


def test_missing_key(sources):
    root = sources(demo__booklet_yml=manifest_with("evidence: References are available on request.\n", ""))
    assert problems(root) == ["demo/booklet.yml:1: error: booklet.yml is missing 'evidence'"]


def test_wrong_type(sources):
    root = sources(demo__booklet_yml=manifest_with("numbered: true", "numbered: yes please"))
    assert problems(root) == ["demo/booklet.yml:12: error: 'numbered' should be true or false"]


def test_bad_date(sources):
    root = sources(demo__booklet_yml=manifest_with("reviewed: 2026-10-01", "reviewed: 2026-13-01"))
    assert problems(root) == [
        "demo/booklet.yml:7: error: 'reviewed' should be a date written YYYY-MM-DD, like 2026-10-01, not '2026-13-01'"]


def test_bad_publication_month(sources):
    root = sources(demo__booklet_yml=manifest_with("published: 2026-11", "published: November 2026"))
    assert problems(root) == ["demo/booklet.yml:5: error: 'published' should be a month (YYYY-MM, like"
                              " 2026-11) or a date (YYYY-MM-DD) between 1900 and 2199, not 'November 2026'"]


def test_next_review_before_last(sources):
    root = sources(demo__booklet_yml=manifest_with("reviewed: 2026-10-01", "reviewed: 2026-10-01\n  next: 2025-01-01"))
    assert problems(root) == ["demo/booklet.yml:8: error: the next review (2025-01-01) must come after"
                              " the last review (2026-10-01)"]


def test_missing_section_file_suggests_the_near_name(sources):
    root = sources(demo__booklet_yml=manifest_with("  - two.md", "  - tow.md"))
    assert problems(root) == ["demo/booklet.yml:15: error: there is no section file 'tow.md' in demo/;"
                              " did you mean 'two.md'?"]


def test_duplicate_section(sources):
    root = sources(demo__booklet_yml=manifest_with("  - two.md", "  - two.md\n  - one.md"))
    assert problems(root) == ["demo/booklet.yml:16: error: 'one.md' is listed twice in 'sections'"
                              " (first at line 14); list each section once"]


def test_unknown_contact_in_manifest(sources):
    root = sources(demo__booklet_yml=manifest_with("contacts: [helpline]", "contacts: [helpline, helpdesk]"))
    assert problems(root) == ["demo/booklet.yml:11: error: there is no contact 'helpdesk' in"
                              " _shared/organisation.yml (there is: helpline, centres)"]


def test_unknown_contact_in_section(sources):
    root = sources(demo__two_md="---\ntitle: Two\n---\n\nText.\n\n::: contact helpdesk\n")
    assert problems(root) == ["demo/two.md:7: error: there is no contact 'helpdesk' in"
                              " _shared/organisation.yml (there is: helpline, centres)"]


def test_unknown_snippet_as_section_and_inline(sources):
    root = sources(demo__booklet_yml=manifest_with("  - two.md", "  - two.md\n  - snippet: nothing"),
                   demo__one_md="---\ntitle: One\n---\n\n::: snippet missing\n")
    assert problems(root) == [
        "demo/booklet.yml:16: error: there is no shared snippet 'nothing' (looked for _shared/snippets/nothing.md)",
        "demo/one.md:5: error: there is no shared snippet 'missing' (looked for _shared/snippets/missing.md)",
    ]


def test_missing_image_and_missing_alt(sources):
    root = sources(demo__one_md="---\ntitle: One\n---\n\nText.\n\n![](images/body.svg)\n")
    assert problems(root) == [
        "demo/one.md:7: error: the image 'images/body.svg' has no alt text: describe it in ![...],"
        " or mark it {decorative} if it adds nothing a reader would miss",
        "demo/one.md:7: error: there is no image file 'images/body.svg' (looked for demo/images/body.svg)",
    ]


def test_approved_booklet_needs_reviewer_names(sources):
    root = sources(demo__booklet_yml=manifest_with("status: draft", "status: approved"))
    assert problems(root) == ["demo/booklet.yml:9: error: the reviewer 'Consultant' needs a 'name:' because"
                              " the booklet is approved (or set 'status: draft' until the review is done)"]


def test_unknown_variant(sources):
    root = sources(demo__booklet_yml=MANIFEST + "variants: [download, poster]\n")
    assert problems(root) == [f"demo/booklet.yml:16: error: there is no variant 'poster'; the variants are:"
                              f" {', '.join(VARIANTS)}"]


def test_yaml_syntax_error(sources):
    root = sources(demo__booklet_yml=manifest_with("title: Understanding tests", "title: [Understanding"))
    found = problems(root)
    assert len(found) == 1 and found[0].startswith("demo/booklet.yml:2: error: this is not valid YAML")


def test_section_without_title(sources):
    root = sources(demo__one_md="Just words, no front matter.\n")
    assert problems(root) == ["demo/one.md:1: error: this section has no title: start the file with\n"
                              "---\ntitle: The section's title\n---"]


def test_top_level_heading_inside_a_section(sources):
    root = sources(demo__one_md="---\ntitle: One\n---\n\n# Another title\n")
    assert problems(root) == ["demo/one.md:5: error: headings inside a section start at '##'"
                              " (the section title is the '#' heading)"]


def test_missing_organisation(sources):
    root = sources()
    (root / "_shared" / "organisation.yml").unlink()
    assert problems(root) == [
        "_shared/organisation.yml:1: error: the publisher's details are missing: create this file"
        " with at least 'name:', 'website:' and 'feedback:' (see docs/keys.md)",
        "demo/booklet.yml:11: error: there is no contact 'helpline' in _shared/organisation.yml",
        "demo/two.md:6: error: there is no contact 'helpline' in _shared/organisation.yml (there is: none yet)",
    ]


def test_several_errors_in_several_files_reported_together(sources):
    root = sources(demo__booklet_yml=manifest_with("language: en-IE", "language: 42").replace("TST-01", ""),
                   demo__two_md="---\ntitle: Two\ntitel: x\n---\n\n![x](http://example.org/a.png)\n")
    assert problems(root) == [
        "demo/booklet.yml:2: error: 'language: 42' is not a language tag CLDR knows; use one like en-IE, ga,"
        " cy or pl (a BCP 47 tag: language, then script or region)",
        "demo/booklet.yml:3: error: 'reference' should be text, not empty",
        "demo/two.md:3: error: unknown key 'titel' in the front matter; did you mean 'title'?",
        "demo/two.md:6: error: the image 'http://example.org/a.png' is not a file in the sources: copy it"
        " into the booklet's images/ folder and link it as images/NAME (builds never use the network)",
    ]
