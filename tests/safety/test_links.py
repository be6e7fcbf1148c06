"""Every link, whatever its class or origin, meets one allow-list; tel: links become E.164; the PDF is guarded last."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from booklet.markdown.context import MarkdownContext
from booklet.markdown.convert import convert
from booklet.problems import Problems
from booklet.render.linkguard import UnsafeLink, guard_links

CTX = MarkdownContext(path=Path("demo/one.md"), body_line=5, root=Path("/nowhere"), anchor="one", language="en-IE",
                      region="IE", contacts={}, snippets={}, booklets={})


def converted(text: str) -> tuple[str, list[str]]:
    problems = Problems()
    html = convert(text, CTX, problems)
    return html, [p.format() for p in problems.items]


@pytest.mark.parametrize("text, line", [
    ("Intro.\n\n[call us](javascript:alert(1)){.footnote}\n", 7),
    ("[see](file:///etc/passwd){.footnote .x}\n", 5),
    ("Words.\n\n[by reference][r]\n\n[r]: javascript:alert(1)\n", 9),
    ("[x](https://example.org){href=\"javascript:alert(1)\"}\n", 5),
    ("[x](JaVaScRiPt:alert(1))\n", 5),
    ("[x](data:text/html,hi)\n", 5),
])
def test_a_link_outside_the_allow_list_is_an_error_at_its_line_and_never_reaches_the_html(text, line):
    html, problems = converted(text)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"demo/one.md:{line}: error: the link"), problems
    assert "javascript:" not in html.lower() and "file:" not in html and "data:" not in html


def test_allowed_links_pass_and_footnotes_still_work():
    html, problems = converted("[a](https://example.org) [b](mailto:a@example.org) [c](#one)[^1]\n\n[^1]: Note.\n")
    assert problems == []
    assert 'href="https://example.org"' in html and 'href="mailto:a@example.org"' in html
    assert 'href="#one-fn-1"' in html


def test_tel_links_become_international_with_the_region():
    html, problems = converted("Call [the helpline](tel:1800200700) or [Dublin](tel:01%20555%201234).\n")
    assert problems == []
    assert 'href="tel:+3531800200700"' in html and 'href="tel:+35315551234"' in html


def test_a_tel_link_that_is_no_phone_number_is_left_to_the_phone_number_rule():
    html, problems = converted("Words.\n\n[call](tel:12)\n")
    assert problems == [] and 'href="tel:12"' in html


def _pdf_with_link(uri: str) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri))))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annotation]))
    return pdf


@pytest.mark.parametrize("uri", ["javascript:alert(1)", "file:///etc/passwd", "booklet:other", " JAVASCRIPT:x"])
def test_the_last_line_of_defence_refuses_any_other_scheme_in_the_pdf(uri):
    with pytest.raises(UnsafeLink):
        guard_links(_pdf_with_link(uri))


def test_the_last_line_of_defence_lets_allowed_links_through():
    for uri in ("https://example.org", "mailto:a@example.org", "tel:+3531800200700"):
        guard_links(_pdf_with_link(uri))


def test_an_address_from_another_booklet_meets_the_allow_list_too(sources, tmp_path):
    """`online:` of a linked or related booklet is read from its own booklet.yml: never a way round the list."""
    from click.testing import CliRunner

    from booklet.cli import main
    from tests.conftest import MANIFEST, SECTION_ONE
    other = MANIFEST.replace("status: draft", "status: draft\nonline: javascript:alert(1)")
    root = sources(demo__one_md=SECTION_ONE + "\nSee [the other booklet](booklet:other).\n",
                   other__booklet_yml=other, other__one_md=SECTION_ONE, other__two_md=SECTION_ONE)
    result = CliRunner().invoke(main, ["build", str(root / "demo"), "--output", str(tmp_path / "out"),
                                       "--variant", "download", "--today", "2026-11-20", "--no-check"])
    assert result.exit_code == 1, result.output
    assert "one.md:11: error: the booklet 'other' gives 'online: javascript:alert(1)'" in result.output
    related = MANIFEST + "related:\n  - slug: other\n"
    root = sources(demo__booklet_yml=related, other__booklet_yml=other, other__one_md=SECTION_ONE,
                   other__two_md=SECTION_ONE)
    result = CliRunner().invoke(main, ["build", str(root / "demo"), "--output", str(tmp_path / "out"),
                                       "--variant", "download", "--today", "2026-11-20", "--no-check"])
    assert result.exit_code == 1, result.output
    assert "javascript:alert(1)" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out" / "demo").exists()


def test_the_built_pdf_carries_the_international_number_and_only_allowed_links(sources, tmp_path):
    from click.testing import CliRunner

    from booklet.cli import main
    from booklet.render.linkguard import PDF_SCHEMES, link_uris
    from booklet.urls import link_scheme
    from tests.conftest import SECTION_ONE
    root = sources(demo__one_md=SECTION_ONE + "\nCall [the helpline](tel:1800200700) or read [more](https://www.example.org).\n")
    result = CliRunner().invoke(main, ["build", str(root / "demo"), "--output", str(tmp_path / "out"),
                                       "--variant", "download", "--today", "2026-11-20"])
    assert result.exit_code == 0, result.output
    with pikepdf.open(tmp_path / "out" / "demo" / "demo-download.pdf") as pdf:
        uris = list(link_uris(pdf))
    assert "tel:+3531800200700" in uris and "https://www.example.org" in uris
    assert "tel:1800200700" not in uris and all(link_scheme(uri) in PDF_SCHEMES for uri in uris)


def test_an_address_urllib_refuses_is_an_error_in_build_and_check_not_a_crash(sources, tmp_path):
    # Found by the property-based test: `http://[broken` made urllib raise inside the checks.
    from click.testing import CliRunner

    from booklet.cli import main
    from tests.conftest import SECTION_ONE
    root = sources(demo__one_md=SECTION_ONE + "\nSee [a page](http://[broken).\n")
    for command in (["check"], ["build", "--output", str(tmp_path / "out"), "--variant", "download"]):
        result = CliRunner().invoke(main, [*command, str(root / "demo"), "--today", "2026-11-20"])
        assert result.exit_code == 1, result.output
        assert "failed while" not in result.output and "Traceback" not in result.output, result.output
        assert any(line.startswith(f"{root / 'demo' / 'one.md'}:11: error:") and "http://[broken" in line
                   for line in result.output.splitlines()), result.output
