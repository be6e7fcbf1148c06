"""Turn one checked booklet into the finished files of the variants asked for, making each shared base once."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from booklet.compose.document import compose_html
from booklet.compose.strings import strings_for
from booklet.model import Manifest, Organisation
from booklet.render.finish import FinishContext
from booklet.render.listen import listening, render_problems
from booklet.render.pdf import lay_out, render_draft_stamp, write_pdf
from booklet.render.pdfx import OutputProfile, PrintFinish
from booklet.render.resolution import LowResolution, low_resolution_images
from booklet.render.variants import VARIANTS, Variant
from booklet.theme import Theme, load_theme, theme_css
from booklet.theme.css import stamp_font_css

# The house CMYK profile: see styles/icc/PROVENANCE.md.
HOUSE_PROFILE = OutputProfile(path=Path("icc") / "ISOcoated_v2_300_bas.icc", identifier="FOGRA39",
                              condition="Offset printing, coated paper (ISO 12647-2:2004, FOGRA39)")


@dataclass(frozen=True)
class Produced:
    """One variant's finished PDF and the files that go beside it."""

    variant: str
    pdf: bytes
    pages: int
    sidecars: tuple[tuple[str, bytes], ...] = ()
    low_resolution: tuple[LowResolution, ...] = ()     # print variants: pictures under 300 ppi
    problems: tuple = ()                               # what the renderer could not draw (render/listen.py)


@dataclass(frozen=True)
class Setting:
    """Where the build reads from: the sources root and the styles folder, and the theme it uses."""

    root: Path
    styles: Path
    theme: Theme | None = None       # None: read from the root's _shared/theme.yml (or the house's)

    @property
    def used_theme(self) -> Theme:
        return self.theme or load_theme(self.root)


def produce(manifest: Manifest, organisation: Organisation, names: list[str], setting: Setting) -> list[Produced]:
    """Each named variant, in order; a variant made from another reuses its PDF rather than laying it out again."""
    made: dict[str, Produced] = {}

    def make(name: str) -> Produced:
        if name not in made:
            made[name] = _make(VARIANTS[name], manifest, organisation, setting, make)
        return made[name]

    return [make(name) for name in names]


def _make(variant: Variant, manifest: Manifest, organisation: Organisation, setting: Setting, make) -> Produced:
    context = _context(variant, manifest, setting)
    low: tuple[LowResolution, ...] = ()
    with listening() as messages:
        if variant.made_from:
            pdf = variant.derive(make(variant.made_from).pdf, context)
        else:
            pdf, low = _render(variant, manifest, organisation, setting, context)
    sidecars = tuple(variant.sidecars(manifest, pdf, context).items()) if variant.sidecars else ()
    return Produced(variant.name, pdf, _count_pages(pdf), sidecars, low,
                    tuple(render_problems(messages, manifest)))


def _context(variant: Variant, manifest: Manifest, setting: Setting) -> FinishContext:
    press = None
    if variant.press:
        settings = manifest.printing
        profile = OutputProfile.custom(settings.profile) if settings.profile else \
            OutputProfile(setting.styles / HOUSE_PROFILE.path, HOUSE_PROFILE.identifier, HOUSE_PROFILE.condition)
        press = PrintFinish(standard=settings.standard, bleed_mm=settings.bleed_mm,
                            crop_marks=settings.crop_marks, profile=profile)
    stamp = None
    if manifest.draft and not variant.made_from:
        stamp = render_draft_stamp(str(strings_for(manifest.language)["draft"]), language=manifest.language,
                                   size_mm=variant.page_mm, styles=setting.styles,
                                   opaque=press is not None and not press.standard.transparency,
                                   font_css=stamp_font_css(setting.used_theme), roots=(setting.root,))
    return FinishContext(title=manifest.title, language=manifest.language, draft_stamp=stamp, press=press)


def _render(variant: Variant, manifest: Manifest, organisation: Organisation, setting: Setting,
            context: FinishContext) -> tuple[bytes, tuple[LowResolution, ...]]:
    """Lay out once; if the page count must be a multiple of N, add the missing pages and lay out again.
    Print variants also measure their pictures at the size they are laid out."""
    pdf_variant = context.press.standard.value if context.press else variant.pdf_variant
    # The theme's colours (CMYK through the press's own profile for print), font and stylesheet.
    extra_css = theme_css(setting.used_theme, press_profile=context.press.profile.path if context.press else None)
    if context.press:
        extra_css += f"@page {{ bleed: {context.press.bleed_mm}mm; marks: none }}\n"

    def lay_out_with(pad: int):
        html = compose_html(manifest, organisation, variant=variant.name, pad_pages=pad)
        return lay_out(html, stylesheets=variant.stylesheets, extra_css=extra_css, pdf_variant=pdf_variant,
                       base=manifest.folder, roots=(setting.root, setting.styles), styles=setting.styles)

    rendered = lay_out_with(0)
    pad = -len(rendered.pages) % variant.pad_to
    if pad:
        rendered = lay_out_with(pad)
        if len(rendered.pages) % variant.pad_to:
            raise RuntimeError(f"padding {manifest.slug} to a multiple of {variant.pad_to} pages"
                               f" gave {len(rendered.pages)} pages")
    low = tuple(low_resolution_images(rendered)) if variant.press else ()
    return write_pdf(rendered, pdf_variant=pdf_variant, finish=variant.finish, context=context), low


def _count_pages(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)
