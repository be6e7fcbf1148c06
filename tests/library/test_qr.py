"""The QR code on the back cover: it scans to the online address, in black ink alone on paper, inside the trim."""

from __future__ import annotations

import page as page_validator
import pikepdf
import pypdfium2 as pdfium
import pytest
import zxingcpp

from booklet.render.impose import impose_handout
from tests.library.conftest import ALPHA_ONLINE
from tests.library.inks import painted_paths

DPI = 300
MM = 25.4
QUIET_MODULES = 4


def render(path_or_bytes, page_index: int):
    document = pdfium.PdfDocument(path_or_bytes)
    page = document[page_index if page_index >= 0 else len(document) + page_index]
    image = page.render(scale=DPI / 72).to_pil().convert("L")
    document.close()
    return image


def qr_paths(page: pikepdf.Page):
    """Paths of the page drawn as many runs at once: the QR code (text and frames have a few subpaths)."""
    return [p for p in painted_paths(page) if p.subpaths >= 50]


@pytest.fixture(scope="module")
def output(built_library):
    return built_library[1]


def test_the_code_on_the_back_cover_scans_to_the_online_address(output):
    image = render(output / "alpha" / "alpha-print.pdf", -1)
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes] == [ALPHA_ONLINE]


def test_it_is_20_mm_or_wider_with_a_clear_quiet_zone_and_inside_the_trim(output):
    path = output / "alpha" / "alpha-print.pdf"
    image = render(path, -1)
    code = zxingcpp.read_barcodes(image)[0]
    modules = 17 + 4 * int(code.extra["Version"])
    corners = [code.position.top_left, code.position.top_right, code.position.bottom_right, code.position.bottom_left]
    left, right = min(p.x for p in corners), max(p.x for p in corners)
    top, bottom = min(p.y for p in corners), max(p.y for p in corners)
    module = (right - left) / modules
    assert (modules + 2 * QUIET_MODULES) * module / DPI * MM >= 20
    quiet = round(QUIET_MODULES * module) - 2          # less two pixels of anti-aliasing at the symbol's edge
    box = (left - quiet, top - quiet, right + quiet, bottom + quiet)
    band = [image.getpixel((x, y)) for x in range(box[0], box[2]) for y in range(box[1], box[3])
            if not (left - 2 <= x <= right + 2 and top - 2 <= y <= bottom + 2)]
    assert min(band) > 240, "something is printed in the quiet zone"
    with pikepdf.open(path) as pdf:
        page = pdf.pages[-1]
        media, trim = [float(v) for v in page.mediabox], [float(v) for v in page.trimbox]
    scale = DPI / 72          # the rendering covers the media box, top down
    trim_px = ((trim[0] - media[0]) * scale, (media[3] - trim[3]) * scale,
               (trim[2] - media[0]) * scale, (media[3] - trim[1]) * scale)
    assert trim_px[0] < box[0] and trim_px[1] < box[1] and box[2] < trim_px[2] and box[3] < trim_px[3]


def test_it_is_drawn_in_black_ink_alone(output):
    with pikepdf.open(output / "alpha" / "alpha-print.pdf") as pdf:
        found = qr_paths(pdf.pages[-1])
    assert len(found) == 1
    path = found[0]
    for colour in ([path.stroke, path.fill] if path.paint == "both" else [getattr(path, path.paint)]):
        assert colour == ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0))


@pytest.mark.parametrize("slug", ["beta", "gamma"])      # beta: print: qr: false; gamma: no online:
def test_no_code_when_turned_off_or_without_an_address(output, slug):
    assert zxingcpp.read_barcodes(render(output / slug / f"{slug}-print.pdf", -1)) == []
    with pikepdf.open(output / slug / f"{slug}-print.pdf") as pdf:
        assert qr_paths(pdf.pages[-1]) == []


def test_the_handout_carries_the_same_code(output):
    """The handout imposes the print pages: the back cover shares the first side of sheet one with the cover."""
    handout = impose_handout((output / "alpha" / "alpha-print.pdf").read_bytes(), title="Understanding tests")
    assert [c.text for c in zxingcpp.read_barcodes(render(handout, 0))] == [ALPHA_ONLINE]


def test_the_download_has_the_same_back_cover_with_a_live_link(output):
    """Download and print share one layout, and a downloaded copy is often printed at home."""
    with pikepdf.open(output / "alpha" / "alpha-download.pdf") as pdf:
        page = pdf.pages[-1]
        uris = [str(a.A.URI) for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A]
        assert ALPHA_ONLINE in uris
        assert len(qr_paths(page)) == 1
    assert [c.text for c in zxingcpp.read_barcodes(render(output / "alpha" / "alpha-download.pdf", -1))] \
        == [ALPHA_ONLINE]
    report = page_validator.validate_pdf(str(output / "alpha" / "alpha-download.pdf"), profile="ua1")
    assert report.is_compliant, [f"{f.rule_id}: {f.message}" for f in report.failures]


def test_a_wrong_qr_setting_is_an_error_at_its_line(sources):
    from booklet.problems import ContentError
    from booklet.sources.library import read_library
    from tests.conftest import MANIFEST
    root = sources(demo__booklet_yml=MANIFEST + "online: https://www.example.org/demo\nprint:\n  qr: sometimes\n")   # line 18
    with pytest.raises(ContentError) as raised:
        read_library(root, [root / "demo"], variants=("print",))
    assert [(p.line, p.message) for p in raised.value.problems] == [(18, "'qr' should be true or false")]
