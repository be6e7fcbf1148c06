"""The print variant read back: PDF/X keys, boxes, CMYK only, output intent, padding, job sheet."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil

import pikepdf
import pytest
from PIL import Image

from booklet.build import BuildRequest, build
from booklet.problems import ContentError
from tests.conftest import MANIFEST, PROJECT, SAMPLE_SLUG
from tests.pdfread import cmyk_colours, fill_colours_of_text, mm, page_texts, rgb_uses

HOUSE_PROFILE = PROJECT / "booklet" / "styles" / "icc" / "ISOcoated_v2_300_bas.icc"


@pytest.fixture(scope="module")
def sample_print(sample_outputs):
    return sample_outputs / f"{SAMPLE_SLUG}-print.pdf"


def build_demo(sources, tmp_path, print_settings: str = "", **files):
    root = sources(demo__booklet_yml=MANIFEST + print_settings, **files)
    result = build(BuildRequest(root=root, output=tmp_path / "out", variants=("print",)))
    return tmp_path / "out" / "demo" / "demo-print.pdf", result


def test_boxes_are_a5_trim_with_3mm_bleed_and_room_for_marks(sample_print):
    with pikepdf.open(sample_print) as pdf:
        for page in pdf.pages:
            trim, bleed, media = mm(page.obj.TrimBox), mm(page.obj.BleedBox), mm(page.obj.MediaBox)
            assert [trim[2] - trim[0], trim[3] - trim[1]] == pytest.approx([148, 210], abs=0.01)
            assert [b - t for b, t in zip(bleed, trim)] == pytest.approx([-3, -3, 3, 3], abs=0.01)
            assert media[0] < bleed[0] and media[2] > bleed[2]      # crop marks sit outside the bleed


def test_pdfx4_keys_in_info_and_xmp(sample_print):
    with pikepdf.open(sample_print) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert pdf.docinfo.Trapped == "/False"
        assert str(pdf.docinfo.Title) == "Understanding metastatic breast cancer"
        with pdf.open_metadata() as xmp:
            assert xmp["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert pdf.pdf_version >= "1.6"


def test_output_intent_is_a_four_component_cmyk_profile(sample_print):
    with pikepdf.open(sample_print) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        profile = intent.DestOutputProfile
        data = profile.read_bytes()
        assert int(profile.N) == 4
        assert data[16:20] == b"CMYK" and data[12:16] == b"prtr"     # colour space and class in the ICC header
        assert data == HOUSE_PROFILE.read_bytes()


def test_no_rgb_anywhere(sample_print):
    with pikepdf.open(sample_print) as pdf:
        assert rgb_uses(pdf) == []


def test_body_text_is_black_ink_only_and_ink_stays_under_300_percent(sample_print):
    with pikepdf.open(sample_print) as pdf:
        text_colours = fill_colours_of_text(pdf)
        colours = cmyk_colours(pdf)
    body = max(set(text_colours), key=text_colours.count)
    assert body == ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0))
    assert all(sum(c) <= 3.0 + 1e-6 for c in colours), sorted(colours, key=sum)[-3:]


def test_fonts_are_embedded(sample_print):
    with pikepdf.open(sample_print) as pdf:
        descriptors = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"]
        assert descriptors
        assert all(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors)


def test_no_links_or_other_annotations_on_print_pages(sample_print):
    with pikepdf.open(sample_print) as pdf:
        assert not any("/Annots" in page.obj for page in pdf.pages)


def test_page_count_is_a_multiple_of_4_and_the_back_cover_is_last(sample_print):
    texts = page_texts(sample_print)
    assert len(texts) % 4 == 0
    assert texts[-1].lstrip().startswith("Contact us")


def test_a_short_booklet_is_padded_with_notes_then_a_blank_page(sources, tmp_path):
    path, _ = build_demo(sources, tmp_path)
    texts = [" ".join(t.split()) for t in page_texts(path)]
    assert len(texts) == 8                                 # 6 pages of content, padded
    assert texts[5].startswith("Notes")
    assert texts[6] in ("", "DRAFT")                       # blank inside the back cover (but for the mark)
    assert texts[7].startswith("Contact us")
    assert re.search(r"\b6$", texts[5].replace(" DRAFT", ""))   # numbered where it was put in
    assert re.search(r"Contact us[ .]*Back cover", texts[1])     # the same words in every variant


def test_the_cover_runs_into_the_bleed_and_inner_pages_do_not(sample_print):
    """The print pages are the download's: the cover's background is grown past the trim by the bleed."""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(str(sample_print))
    with pikepdf.open(sample_print) as pdf:
        media = [float(v) for v in pdf.pages[0].mediabox]
        trim = [float(v) for v in pdf.pages[0].trimbox]
    scale = 2
    inside_bleed = ((trim[0] - media[0] - 1.5 * 72 / 25.4) * scale, (media[3] - trim[3] + 40) * scale)
    outside_bleed = ((trim[0] - media[0] - 4 * 72 / 25.4) * scale, (media[3] - trim[3] + 40) * scale)
    cover, inner = (document[i].render(scale=scale).to_pil().convert("RGB") for i in (0, 5))
    assert max(cover.getpixel(inside_bleed)) < 200          # the brand colour, 1.5 mm past the trim
    assert min(cover.getpixel(outside_bleed)) > 240         # white beyond the 3 mm bleed
    assert min(inner.getpixel(inside_bleed)) > 240          # a text page has nothing in its bleed


def test_job_sheet_describes_the_file(sample_outputs, sample_print):
    sheet = json.loads((sample_outputs / f"{SAMPLE_SLUG}-print.json").read_text())
    with pikepdf.open(sample_print) as pdf:
        pages = len(pdf.pages)
    assert sheet["pages"] == pages and sheet["sheets"] == pages // 4
    assert sheet["sha256"] == hashlib.sha256(sample_print.read_bytes()).hexdigest()
    assert sheet["trim_mm"] == {"width": 148.0, "height": 210.0}
    assert sheet["bleed_mm"] == 3.0
    assert sheet["binding"] == "saddle stitch"
    assert sheet["pdf_standard"] == "PDF/X-4"
    assert sheet["output_intent"]["identifier"] == "FOGRA39"
    assert sheet["reference"] == "MBC-2026-01"
    text = (sample_outputs / f"{SAMPLE_SLUG}-print.txt").read_text()
    assert f"Pages:          {pages} ({pages // 4} sheets folded), saddle stitch" in text


def test_pdfx1a_on_request(sources, tmp_path):
    path, _ = build_demo(sources, tmp_path, "print:\n  standard: pdf/x-1a\n")
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF-1.4")
    assert b"/ObjStm" not in raw and b"/XRefStm" not in raw
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-1a:2003"
        states = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and ("/ca" in o or "/CA" in o)]
        assert all(float(s.get("/ca", 1)) == 1 and float(s.get("/CA", 1)) == 1 for s in states)
        assert rgb_uses(pdf) == []


def test_bleed_and_crop_marks_are_set_in_the_manifest(sources, tmp_path):
    path, _ = build_demo(sources, tmp_path, "print:\n  bleed: 5mm\n  crop_marks: false\n")
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0].obj
        assert [b - t for b, t in zip(mm(page.BleedBox), mm(page.TrimBox))] == pytest.approx([-5, -5, 5, 5], abs=0.01)
        assert mm(page.MediaBox) == mm(page.BleedBox)


def test_the_printers_own_profile_is_used(sources, tmp_path):
    root = sources()
    shutil.copy(HOUSE_PROFILE, root / "demo" / "printer.icc")
    path, _ = build_demo(sources, tmp_path, "print:\n  profile: printer.icc\n")
    with pikepdf.open(path) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert str(intent.OutputConditionIdentifier) == "Custom"
        assert "basICColor" in str(intent.Info)


@pytest.mark.parametrize("settings, message", [
    ("print:\n  profile: screen.icc\n", "'screen.icc' is not a CMYK ICC profile"),
    ("print:\n  profile: missing.icc\n", "there is no profile file 'missing.icc'"),
    ("print:\n  bleed: lots\n", "'bleed' should be a length in millimetres, like 3mm, not 'lots'"),
    ("print:\n  standard: pdf/x-3\n", "'standard' should be one of pdf/x-4, pdf/x-1a, not 'pdf/x-3'"),
    ("print:\n  crop-marks: no\n", "unknown key 'crop-marks' in print; did you mean 'crop_marks'?"),
])
def test_print_settings_are_checked(sources, tmp_path, settings, message):
    root = sources()
    (root / "demo" / "screen.icc").write_bytes(_srgb_profile())
    with pytest.raises(ContentError) as caught:
        build_demo(sources, tmp_path, settings)
    messages = [p.format(root) for p in caught.value.problems]
    line = MANIFEST.count("\n") + 2
    assert any(m.startswith(f"demo/booklet.yml:{line}: error: {message}") for m in messages), messages


def _srgb_profile() -> bytes:
    from PIL import ImageCms
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 90)).save(out, format="PNG")
    return out.getvalue()


def test_a_low_resolution_picture_is_a_warning_naming_file_line_and_ppi(sources, tmp_path):
    section = "---\ntitle: One\n---\n\nWords.\n\n![A coloured square](images/small.png)\n"
    root = sources(demo__one_md=section)
    (root / "demo" / "images").mkdir()
    (root / "demo" / "images" / "small.png").write_bytes(_png(300, 300))
    path, result = build_demo(sources, tmp_path, demo__one_md=section)
    warnings = [w.format(root) for w in result.warnings]
    assert any(w.startswith("demo/one.md:7: warning: the picture 'images/small.png' prints at 80 ppi")
               for w in warnings), warnings
    with pikepdf.open(path) as pdf:       # the picture itself is CMYK now
        assert rgb_uses(pdf) == []


def test_strict_makes_the_warning_an_error_and_writes_nothing(sources, tmp_path):
    section = "---\ntitle: One\n---\n\n![A coloured square](images/small.png)\n"
    root = sources(demo__one_md=section)
    (root / "demo" / "images").mkdir()
    (root / "demo" / "images" / "small.png").write_bytes(_png(300, 300))
    with pytest.raises(ContentError) as caught:
        build(BuildRequest(root=root, output=tmp_path / "out", variants=("print",), strict=True))
    assert "ppi" in str([p.message for p in caught.value.problems])
    assert not list((tmp_path / "out").rglob("*.pdf"))


@pytest.mark.parametrize("css", [".notes-line { height: 60mm; }", ".notes-page, .blank-page { display: none; }"])
def test_padding_stays_exact_whatever_a_stylesheet_does_to_the_notes(sources, tmp_path, css):
    """Notes pages that run long are cut to the pages needed; Notes hidden away leave blank pages."""
    root = sources()
    (root / "_shared" / "house.css").write_text(css + "\n")
    (root / "_shared" / "theme.yml").write_text("stylesheet: house.css\n")
    path, _ = build_demo(sources, tmp_path)
    texts = [" ".join(t.split()) for t in page_texts(path)]
    assert len(texts) == 8
    assert texts[7].startswith("Contact us")
