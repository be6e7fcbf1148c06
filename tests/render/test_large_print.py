"""The large-print variant read back: A4, nothing smaller than 16 pt, its own contents numbers, PDF/UA-1."""

from __future__ import annotations

import re

import page
import pikepdf
import pytest

from booklet.render.variants import VARIANTS
from booklet.sources.library import read_library
from tests.conftest import PROJECT, SAMPLE_SLUG
from tests.pdfread import mm, page_texts, smallest_font_sizes


@pytest.fixture(scope="module")
def large_print(sample_outputs):
    return sample_outputs / f"{SAMPLE_SLUG}-large-print.pdf"


def test_pages_are_a4(large_print):
    with pikepdf.open(large_print) as pdf:
        assert all(mm(p.obj.MediaBox) == pytest.approx([0, 0, 210, 297], abs=0.01) for p in pdf.pages)


def test_no_text_is_smaller_than_16pt(large_print):
    sizes = smallest_font_sizes(large_print)
    assert min(sizes) >= 16, f"smallest text {min(sizes):.1f} pt on page {sizes.index(min(sizes)) + 1}"


def test_contents_numbers_are_its_own_pages(large_print, sample_outputs):
    root = PROJECT / "sources"
    library, _ = read_library(root, [root / SAMPLE_SLUG], variants=tuple(VARIANTS))
    texts = page_texts(large_print)
    contents = " ".join(texts[1].split())
    download_contents = " ".join(page_texts(sample_outputs / f"{SAMPLE_SLUG}-download.pdf")[1].split())
    assert contents != download_contents          # re-flowed with its own numbers, not a copy
    for section in library.booklets[SAMPLE_SLUG].sections:
        number = int(re.search(re.escape(section.title) + r"[ .]*(\d+)", contents).group(1))
        assert f"{section.number} {section.title}" in " ".join(texts[number - 1].split())


def test_large_print_passes_the_pdf_ua_validator(large_print):
    report = page.validate_pdf(str(large_print), profile="ua1")
    assert report.is_compliant, [f"{f.rule_id}: {f.message}" for f in report.failures]
