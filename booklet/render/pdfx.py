"""Finish the shared A5 pages for the print shop: untagged, CMYK only, output intent, bleed, crop marks, PDF/X keys."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from PIL import ImageCms

from booklet.model import PdfxStandard
from booklet.render.bleed import grower
from booklet.render.colour import convert_document, converter_for
from booklet.render.hyphens import soften_text_hyphens

MM = 72 / 25.4
MARK_LENGTH_MM = 5.0        # crop mark length, drawn beyond the bleed
MARK_GAP_MM = 1.0           # room left outside the marks
MARK_WIDTH_PT = 0.25


@dataclass(frozen=True)
class OutputProfile:
    """The CMYK printing condition named in the PDF/X output intent."""

    path: Path
    identifier: str                 # OutputConditionIdentifier, e.g. FOGRA39
    condition: str                  # a human description of the printing condition
    registry: str = "http://www.color.org"

    @classmethod
    def custom(cls, path: Path) -> "OutputProfile":
        """A printer's own profile: named 'Custom', described by the profile itself."""
        description = ImageCms.getProfileDescription(ImageCms.getOpenProfile(str(path))).strip()
        return cls(path=path, identifier="Custom", condition=description or path.name, registry="")


@dataclass(frozen=True)
class PrintFinish:
    """What the print finishing needs: the standard, the boxes and the profile."""

    standard: PdfxStandard
    bleed_mm: float
    crop_marks: bool
    profile: OutputProfile
    inks: tuple = ()            # the theme's sRGB colours and the CMYK each prints in (theme/css.py)


def finish_for_press(pdf: pikepdf.Pdf, job: PrintFinish, *, title: str) -> dict:
    """Apply every print fix in place; returns the save options the standard needs."""
    soften_text_hyphens(pdf)      # the text layer as the download's: a file for the press is still searched
    _untag(pdf)
    # One parse of each page: colours to inks, and edge-to-edge fills grown into the bleed.
    convert_document(pdf, converter_for(job.profile.path, job.inks), lambda page: grower(page, job.bleed_mm * MM))
    if not job.standard.transparency:
        _make_opaque(pdf)
    for page in pdf.pages:
        _set_boxes(pdf, page, job)
    _add_output_intent(pdf, job.profile)
    version, pdf_version = job.standard.title, job.standard.pdf_version
    _set_metadata(pdf, title, version)
    if not job.standard.transparency:
        # PDF/X-1a is PDF 1.4: no object streams, no compressed cross-reference.
        return {"force_version": pdf_version, "object_stream_mode": pikepdf.ObjectStreamMode.disable}
    return {"min_version": pdf_version}


def _untag(pdf: pikepdf.Pdf) -> None:
    """The pages come from the download's tagged layout: paper needs no structure tree, and PDF/X
    allows no links or notes on the printed area (the structure would point at removed links)."""
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        for key in ("/Annots", "/StructParents", "/Tabs"):
            if key in page.obj:
                del page.obj[key]


def _make_opaque(pdf: pikepdf.Pdf) -> None:
    """PDF/X-1a allows no transparency: every graphics state is made fully opaque."""
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and ("/ca" in obj or "/CA" in obj or "/SMask" in obj) \
                and obj.get("/Type") in (None, Name.ExtGState):
            for key in ("/ca", "/CA"):
                if key in obj:
                    obj[key] = 1
            if obj.get("/SMask") not in (None, Name("/None")) and obj.get("/Type") == Name.ExtGState:
                obj.SMask = Name("/None")


def _set_boxes(pdf: pikepdf.Pdf, page: pikepdf.Page, job: PrintFinish) -> None:
    """TrimBox is the A5 page; BleedBox adds the bleed; MediaBox adds room for the crop marks."""
    x0, y0, x1, y1 = (float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox))
    bleed = job.bleed_mm * MM
    page.obj.TrimBox = Array([x0, y0, x1, y1])
    page.obj.BleedBox = Array([x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed])
    if not job.crop_marks:
        page.obj.MediaBox = page.obj.BleedBox
        return
    gap = max(bleed, 3 * MM)            # marks start outside the bleed, never on it
    room = gap + (MARK_LENGTH_MM + MARK_GAP_MM) * MM
    page.obj.MediaBox = Array([x0 - room, y0 - room, x1 + room, y1 + room])
    _draw_crop_marks(pdf, page, (x0, y0, x1, y1), gap, MARK_LENGTH_MM * MM)


def _draw_crop_marks(pdf, page, trim, gap, length) -> None:
    x0, y0, x1, y1 = trim
    lines = []
    for x, y, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        lines.append(f"{x + sx * gap:.3f} {y:.3f} m {x + sx * (gap + length):.3f} {y:.3f} l S")
        lines.append(f"{x:.3f} {y + sy * gap:.3f} m {x:.3f} {y + sy * (gap + length):.3f} l S")
    resources = page.obj.Resources
    if "/ColorSpace" not in resources:
        resources.ColorSpace = Dictionary()
    # Registration colour: the marks print on every plate, so every plate can be trimmed.
    resources.ColorSpace[Name("/BookletAll")] = Array([
        Name.Separation, Name("/All"), Name.DeviceCMYK,
        Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1)])
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(
        ("Q\nq /BookletAll CS 1 SCN %.2f w 0 J [] 0 d\n%s\nQ\n" % (MARK_WIDTH_PT, "\n".join(lines))).encode()))


def _add_output_intent(pdf: pikepdf.Pdf, profile: OutputProfile) -> None:
    icc = pdf.make_stream(profile.path.read_bytes())
    icc.N = 4
    intent = Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFX,
                        OutputConditionIdentifier=String(profile.identifier),
                        Info=String(profile.condition), DestOutputProfile=icc)
    if profile.registry:
        intent.RegistryName = String(profile.registry)
    if profile.identifier == "Custom":
        intent.OutputCondition = String(profile.condition)
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


def _set_metadata(pdf: pikepdf.Pdf, title: str, version: str) -> None:
    """PDF/X keys in Info and XMP, and nothing that changes from one build to the next."""
    pdf.docinfo.Title = String(title)
    pdf.docinfo.GTS_PDFXVersion = String(version)
    if version.startswith("PDF/X-1a"):
        pdf.docinfo.GTS_PDFXConformance = String(version)
    pdf.docinfo.Trapped = Name("/False")
    created = str(pdf.docinfo.get("/CreationDate", ""))
    # The document ID is made from the title and date, not a random UUID.
    stable_id = hashlib.sha256(f"{title}|{version}|{created}".encode()).hexdigest()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if "pdfuaid:part" in meta:
            del meta["pdfuaid:part"]          # the untagged print file makes no PDF/UA claim
        meta["dc:title"] = title
        meta["pdfxid:GTS_PDFXVersion"] = version
        meta["pdfx:GTS_PDFXVersion"] = version
        meta["pdfx:GTS_PDFXConformance"] = version
        meta["xmpMM:RenditionClass"] = "proof:pdf"
        meta["xmpMM:VersionID"] = "1"
        meta["pdf:Trapped"] = "False"
        meta["xmpMM:DocumentID"] = f"uuid:{stable_id[:8]}-{stable_id[8:12]}-{stable_id[12:16]}-" \
                                   f"{stable_id[16:20]}-{stable_id[20:32]}"
        if "xmp:ModifyDate" in meta:
            meta["xmp:MetadataDate"] = meta["xmp:ModifyDate"]
