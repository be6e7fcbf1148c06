"""The handout read back: A4 landscape sides carrying the A5 pages in saddle-stitch order."""

from __future__ import annotations

import pikepdf
import pytest

from booklet.build import BuildRequest, build
from booklet.render.impose import saddle_stitch_order
from tests.conftest import MANIFEST, SAMPLE_SLUG
from tests.pdfread import bottom_number, mm, page_texts, text_in_halves


def _fold(pages: int) -> list[int]:
    """Stack the printed sheets, fold them, and read the pages in the order a reader meets them."""
    sides = saddle_stitch_order(pages)
    sheets = [(sides[i], sides[i + 1]) for i in range(0, len(sides), 2)]
    front_halves, back_halves = [], []
    for front, back in sheets:           # outermost sheet first
        # Folded, the right half of the front comes first, then the left half of the back...
        front_halves.append((front[1], back[0]))
        back_halves.append((back[1], front[0]))
    return [p for pair in front_halves for p in pair] + [p for pair in reversed(back_halves) for p in pair]


@pytest.mark.parametrize("pages", [4, 8, 12, 16, 28, 40])
def test_folding_the_sheets_gives_the_pages_in_order(pages):
    assert _fold(pages) == list(range(1, pages + 1))


def test_a_page_count_that_cannot_fold_is_refused():
    with pytest.raises(ValueError, match="multiple of 4"):
        saddle_stitch_order(10)


def _check_handout(handout, booklet_pages: int):
    with pikepdf.open(handout) as pdf:
        assert len(pdf.pages) == booklet_pages // 2
        for page in pdf.pages:
            assert mm(page.obj.MediaBox) == pytest.approx([0, 0, 297, 210], abs=0.01)
    order = saddle_stitch_order(booklet_pages)
    for (left_text, right_text), (left, right) in zip(text_in_halves(handout), order):
        for text, expected in ((left_text, left), (right_text, right)):
            number = bottom_number(text)
            if number is not None:       # the cover, blank and back pages carry no number
                assert number == expected, f"expected page {expected}, found {number}"


def test_the_sample_handout_follows_saddle_stitch_order(sample_outputs):
    with pikepdf.open(sample_outputs / f"{SAMPLE_SLUG}-print.pdf") as pdf:
        pages = len(pdf.pages)
    _check_handout(sample_outputs / f"{SAMPLE_SLUG}-handout.pdf", pages)


def test_a_padded_booklet_imposes_in_order(sources, tmp_path):
    root = sources()
    build(BuildRequest(root=root, output=tmp_path / "out", variants=("handout",)))
    handout = tmp_path / "out" / "demo" / "demo-handout.pdf"
    _check_handout(handout, 8)
    assert not (tmp_path / "out" / "demo" / "demo-print.pdf").exists()   # made, used, not asked for


def test_a_longer_booklet_imposes_in_order(sources, tmp_path):
    extra = "".join(f"  - s{i}.md\n" for i in range(6))
    files = {f"demo__s{i}_md": f"---\ntitle: Part {i}\n---\n\nWords for part {i}.\n" for i in range(6)}
    root = sources(demo__booklet_yml=MANIFEST + extra, **files)
    build(BuildRequest(root=root, output=tmp_path / "out", variants=("handout", "print")))
    with pikepdf.open(tmp_path / "out" / "demo" / "demo-print.pdf") as pdf:
        pages = len(pdf.pages)
    assert pages > 8
    _check_handout(tmp_path / "out" / "demo" / "demo-handout.pdf", pages)


def test_pages_keep_5mm_clear_of_the_sheet_edge(sample_outputs):
    with pikepdf.open(sample_outputs / f"{SAMPLE_SLUG}-handout.pdf") as pdf:
        content = pdf.pages[0].Contents.read_bytes().decode()
    # each placed page: "q s 0 0 s x y cm /L Do Q" (left) or "... /R Do Q" (right)
    for line in content.strip().splitlines():
        scale, _, _, _, x, y = (float(v) for v in line.split()[1:7])
        left, bottom = x / (72 / 25.4), y / (72 / 25.4)
        right, top = left + 148 * scale, bottom + 210 * scale
        assert bottom >= 4.99 and top <= 210 - 4.99
        if "/L Do" in line:
            assert left >= 4.99 and right == pytest.approx(148.5)     # meets the fold
        else:
            assert right <= 297 - 4.99 and left == pytest.approx(148.5)


def test_the_nurses_instructions_are_written(sample_outputs):
    text = (sample_outputs / f"{SAMPLE_SLUG}-handout.txt").read_text()
    assert "Flip on short edge" in text and "landscape" in text
    assert page_texts(sample_outputs / f"{SAMPLE_SLUG}-handout.pdf")
