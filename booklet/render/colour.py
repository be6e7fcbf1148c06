"""Turn every RGB colour in a PDF into CMYK for one output profile: content streams, shadings and images."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name
from PIL import Image, ImageCms

MAX_INK = 3.0          # total area coverage, 300 %, for coated offset (standards.md)
RGB_SPACES = (Name.DeviceRGB, Name.CalRGB)
CMYK = tuple[float, float, float, float]


class CmykConverter:
    """sRGB to the press's CMYK through its ICC profile, with greys kept to black ink alone; the
    `exact` colours (a theme's, with the inks it asks for) print as given."""

    def __init__(self, profile: Path, exact: tuple[tuple[tuple[int, int, int], CMYK], ...] = ()):
        self.profile = profile
        self._transform = ImageCms.buildTransform(
            ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(profile)), "RGB", "CMYK",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
        # The first of two theme colours with the same sRGB wins (docs/theme.md).
        self._cache: dict[tuple[int, int, int], CMYK] = {}
        for rgb, cmyk in exact:
            self._cache.setdefault(tuple(rgb), tuple(float(v) for v in cmyk))

    def colour(self, r: float, g: float, b: float) -> tuple[float, float, float, float]:
        key = tuple(max(0, min(255, round(v * 255))) for v in (r, g, b))
        if key not in self._cache:
            self._cache[key] = self._convert(*key)
        return self._cache[key]

    def _convert(self, r: int, g: int, b: int) -> tuple[float, float, float, float]:
        if r == g == b:
            # Black text and grey rules print in K alone: no registration trouble, no rich black.
            return 0.0, 0.0, 0.0, round(1 - r / 255, 4)
        pixel = ImageCms.applyTransform(Image.new("RGB", (1, 1), (r, g, b)), self._transform).getpixel((0, 0))
        return limit_ink(tuple(v / 255 for v in pixel))

    def image(self, image: Image.Image) -> Image.Image:
        return ImageCms.applyTransform(image.convert("RGB"), self._transform)


@lru_cache(maxsize=8)
def converter_for(profile: Path, exact: tuple = ()) -> CmykConverter:
    """One converter per profile (and theme) and process: building a LittleCMS transform is not free."""
    return CmykConverter(profile, exact)


def limit_ink(cmyk: tuple[float, ...]) -> tuple[float, float, float, float]:
    """Scale cyan, magenta and yellow down until the total ink is within MAX_INK; black is kept."""
    c, m, y, k = cmyk
    total = c + m + y + k
    if total > MAX_INK:
        scale = (MAX_INK - k) / (c + m + y)
        c, m, y = c * scale, m * scale, y * scale
    return tuple(round(v, 4) for v in (c, m, y, k))


def convert_document(pdf: pikepdf.Pdf, converter: CmykConverter, page_edit=None) -> None:
    """Rewrite every content stream, shading and image of the document in CMYK. `page_edit(page)`
    may give a further edit of each page's own instructions (it returns whether it changed any),
    made on the same parse: the print pass grows the page's edge-to-edge fills into the bleed."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        _convert_stream_owner(pdf, page.obj, converter, seen, page_edit(page) if page_edit else None)
        for annot in page.obj.get("/Annots", Array()):
            for appearance in annot.get("/AP", Dictionary()).values():
                if isinstance(appearance, pikepdf.Stream):
                    _convert_stream_owner(pdf, appearance, converter, seen)
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and obj.get("/CS") in RGB_SPACES and obj.get("/S") == Name.Transparency:
            obj.CS = Name.DeviceCMYK     # transparency groups blend in the press's colour space


def _convert_stream_owner(pdf, owner, converter, seen, edit=None) -> None:
    """A page, Form XObject or tiling pattern: its own operators, then everything its resources hold."""
    key = owner.objgen
    if key != (0, 0):
        if key in seen:
            return
        seen.add(key)
    _rewrite_operators(pdf, owner, converter, edit)
    group = owner.get("/Group")
    if group is not None and group.get("/S") == Name.Transparency and _is_rgb(group.get("/CS")):
        group.CS = Name.DeviceCMYK       # a group written inside its form's dictionary, not on its own
    resources = owner.get("/Resources", Dictionary())
    for xobject in resources.get("/XObject", Dictionary()).values():
        if xobject.get("/Subtype") == Name.Form:
            _convert_stream_owner(pdf, xobject, converter, seen)
        elif xobject.get("/Subtype") == Name.Image:
            _convert_image(pdf, xobject, converter, seen)
    for pattern in resources.get("/Pattern", Dictionary()).values():
        if int(pattern.get("/PatternType", 0)) == 1:
            _convert_stream_owner(pdf, pattern, converter, seen)
        elif "/Shading" in pattern:
            _convert_shading(pattern.Shading, converter, seen)
    for shading in resources.get("/Shading", Dictionary()).values():
        _convert_shading(shading, converter, seen)
    for name, space in list(resources.get("/ColorSpace", Dictionary()).items()):
        if _is_rgb(space):
            resources.ColorSpace[name] = Name.DeviceCMYK


def _is_rgb(space) -> bool:
    if space in RGB_SPACES:
        return True
    if isinstance(space, Array) and len(space) == 2 and space[0] == Name.ICCBased:
        return int(space[1].get("/N", 0)) == 3
    if isinstance(space, Array) and len(space) >= 1 and space[0] == Name.CalRGB:
        return True
    return False


def _rewrite_operators(pdf, owner, converter, edit=None) -> None:
    """rg/RG become k/K; sc/scn in an RGB space become four CMYK values in DeviceCMYK."""
    spaces = owner.get("/Resources", Dictionary()).get("/ColorSpace", Dictionary())
    fill_rgb = stroke_rgb = False
    changed, out = False, []
    for operands, operator in pikepdf.parse_content_stream(owner):
        op = str(operator)
        if op in ("rg", "RG"):
            operands, operator = list(converter.colour(*map(float, operands))), pikepdf.Operator(
                "k" if op == "rg" else "K")
            changed = True
        elif op in ("cs", "CS"):
            space = operands[0]
            rgb = _is_rgb(space) or (isinstance(space, Name) and space in spaces and _is_rgb(spaces[space]))
            if op == "cs":
                fill_rgb = rgb
            else:
                stroke_rgb = rgb
            if rgb:
                operands, changed = [Name.DeviceCMYK], True
        elif op in ("sc", "scn", "SC", "SCN") and (fill_rgb if op.islower() else stroke_rgb) \
                and len(operands) == 3:
            operands, changed = list(converter.colour(*map(float, operands))), True
        out.append(pikepdf.ContentStreamInstruction(operands, operator))
    if edit is not None:
        changed = edit(out) or changed
    if changed:
        data = pikepdf.unparse_content_stream(out)
        if isinstance(owner, pikepdf.Stream):
            owner.write(data)
        else:
            owner.Contents = pdf.make_stream(data)


def _convert_shading(shading, converter, seen) -> None:
    if shading.objgen != (0, 0):
        if shading.objgen in seen:
            return
        seen.add(shading.objgen)
    if not _is_rgb(shading.get("/ColorSpace")):
        return
    shading.ColorSpace = Name.DeviceCMYK
    if "/Background" in shading:
        shading.Background = Array(converter.colour(*map(float, shading.Background)))
    functions = shading.get("/Function")
    for function in (functions if isinstance(functions, Array) else [functions]):
        if function is not None:
            _convert_function(function, converter)


def _convert_function(function, converter) -> None:
    """Exponential (type 2) functions carry their end colours; stitching (type 3) holds more of them."""
    kind = int(function.get("/FunctionType", -1))
    if kind == 2:
        function.C0 = Array(converter.colour(*map(float, function.get("/C0", [0, 0, 0]))))
        function.C1 = Array(converter.colour(*map(float, function.get("/C1", [1, 1, 1]))))
        if "/Range" in function:
            function.Range = Array([0, 1] * 4)
    elif kind == 3:
        for part in function.Functions:
            _convert_function(part, converter)
        if "/Range" in function:
            function.Range = Array([0, 1] * 4)


def _convert_image(pdf, xobject, converter, seen) -> None:
    if xobject.objgen in seen or not _is_rgb(xobject.get("/ColorSpace")):
        return
    seen.add(xobject.objgen)
    image = pikepdf.PdfImage(xobject).as_pil_image()
    cmyk = converter.image(image)
    # Stored raw here; saving compresses it losslessly (Flate), so nothing is lost twice.
    xobject.write(cmyk.tobytes(), filter=None)
    for key in ("/DecodeParms", "/Decode"):
        if key in xobject:
            del xobject[key]
    xobject.ColorSpace = Name.DeviceCMYK
    xobject.BitsPerComponent = 8
