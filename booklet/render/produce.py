"""Turn one checked booklet into the finished files of the variants asked for, laying out each page sequence once."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pikepdf

from booklet.compose.strings import strings_for
from booklet.model import Manifest, Organisation
from booklet.render.finish import FinishContext, Padding
from booklet.render.hyphens import hyphenation_css
from booklet.render.fit import ROUNDS, Fitting, fit_figures, refit
from booklet.render.listen import listening, render_problems
from booklet.render.pages import PageStarts, page_starts
from booklet.render.pdf import finish_pdf, lay_out, render_draft_stamp, write_raw
from booklet.render.resolution import LowResolution, low_resolution_images
from booklet.render.softproof import HOUSE_CONDITION, HOUSE_PROFILE as HOUSE_FILE
from booklet.render.variants import VARIANTS, Produced, Variant, layout_of
from booklet.theme.css import print_inks, stamp_font_css, theme_css
from booklet.theme.scripts import direction
from booklet.theme.model import Theme

# The house CMYK profile: its file in the styles folder, identifier, condition.
HOUSE_PROFILE = (HOUSE_FILE, *HOUSE_CONDITION)


@dataclass(frozen=True)
class Layout:
    """One page sequence laid out and written once, before any variant finishes it (download and print
    share the A5 one). `back_cover` is the index of the back cover's first page, where padding goes."""

    raw: bytes
    pages: int
    back_cover: int
    low_resolution: tuple[LowResolution, ...]       # pictures under 300 ppi at the size laid out
    page_starts: PageStarts = ()                    # (page label, id of the element it starts at)


@dataclass(frozen=True)
class Setting:
    """Where the build reads from: the sources root and the styles folder, and the theme it uses."""

    root: Path
    styles: Path
    theme: Theme | None = None       # None: read from the root's _shared/theme.yml (or the house's)

    @property
    def used_theme(self) -> Theme:
        if self.theme is not None:
            return self.theme
        from booklet.theme.reader import load_theme
        return load_theme(self.root)


def produce(manifest: Manifest, organisation: Organisation, names: list[str], setting: Setting,
            composed: dict[str, str] | None = None) -> Iterator[Produced]:
    """Each named variant, in order, as soon as it is made. Variants sharing a layout finish the same
    written pages; a variant made from another reuses its finished PDF. `composed`: the HTML of a
    layout, by its variant's name, when the build composed it already (a worker only renders)."""
    setting = replace(setting, theme=setting.used_theme)     # read once, not at each use
    made: dict[str, Produced] = {}
    layouts: dict[str, Layout] = {}

    def make(name: str) -> Produced:
        if name not in made:
            made[name] = _make(VARIANTS[name], manifest, organisation, setting, make, laid_out)
        return made[name]

    def laid_out(variant: Variant) -> Layout:
        if variant.name not in layouts:
            html = (composed or {}).get(variant.name) or _compose(manifest, organisation, variant.name)
            layouts[variant.name] = _lay_out(
                variant, html, manifest, setting,
                lambda fitting: _compose(manifest, organisation, variant.name, fitting))
        return layouts[variant.name]

    for name in names:
        yield make(name)


def _make(variant: Variant, manifest: Manifest, organisation: Organisation, setting: Setting, make,
          laid_out) -> Produced:
    low: tuple[LowResolution, ...] = ()
    starts: PageStarts = ()
    with listening() as messages:
        if variant.made_from:
            context = _context(variant, manifest, setting)
            pdf = variant.derive(make(variant.made_from).pdf, context)
        else:
            layout_variant = layout_of(variant.name)
            layout = laid_out(layout_variant)
            context = _context(variant, manifest, setting,
                               _padding(variant, layout, layout_variant, manifest, setting))
            pdf = finish_pdf(layout.raw, finish=variant.finish, context=context)
            low = layout.low_resolution if variant.press else ()
            # The EPUB's page list follows the download's pages, and only a PDF's own layout knows them.
            starts = layout.page_starts if layout_variant is variant else ()
    sidecars = tuple(variant.sidecars(manifest, pdf, context).items()) if variant.sidecars else ()
    return Produced(variant.name, pdf, _count_pages(pdf), sidecars, low,
                    tuple(render_problems(messages, manifest)), starts)


def _context(variant: Variant, manifest: Manifest, setting: Setting, padding: Padding | None = None) -> FinishContext:
    press = None
    if variant.press:
        from booklet.render.pdfx import OutputProfile, PrintFinish
        settings = manifest.printing
        path, identifier, condition = HOUSE_PROFILE
        profile = OutputProfile.custom(settings.profile) if settings.profile else \
            OutputProfile(setting.styles / path, identifier, condition)
        press = PrintFinish(standard=settings.standard, bleed_mm=settings.bleed_mm, crop_marks=settings.crop_marks,
                            profile=profile, inks=print_inks(setting.used_theme, profile.path))
    stamp = None
    if manifest.draft and not variant.made_from:
        stamp = render_draft_stamp(str(strings_for(manifest.language, manifest.words)["draft"]), language=manifest.language,
                                   size_mm=variant.page_mm, styles=setting.styles,
                                   opaque=press is not None and not press.standard.transparency,
                                   font_css=stamp_font_css(setting.used_theme), roots=(setting.root,))
    return FinishContext(title=manifest.title, language=manifest.language, draft_stamp=stamp, press=press,
                         padding=padding)


def _compose(manifest: Manifest, organisation: Organisation, variant: str, fitting: Fitting = Fitting()) -> str:
    from booklet.compose.document import compose_html       # here: a worker is given the HTML
    html = compose_html(manifest, organisation, variant=variant, back_cover_items=fitting.back_cover_items)
    return fit_figures(html, fitting.figures)


def _lay_out(variant: Variant, html: str, manifest: Manifest, setting: Setting,
             recompose: Callable[[Fitting], str]) -> Layout:
    """Lay the booklet out with the variant's stylesheets and the theme's sRGB colours, and write it
    (tagged, if the variant is); pictures are measured at the size they are laid out. A layout with a
    back cover over one page, or a near-empty page before a tall picture, is composed and laid out
    again as render/fit.py says (a well-made booklet is laid out once)."""
    fitting = Fitting()
    for _ in range(ROUNDS):
        rendered = lay_out(html, stylesheets=_sheets(variant, manifest),
                           extra_css=theme_css(setting.used_theme) + hyphenation_css(manifest),
                           pdf_variant=variant.pdf_variant, base=manifest.folder,
                           roots=(setting.root, setting.styles), styles=setting.styles)
        back = next((i for i, page in enumerate(rendered.pages) if "sec-contact" in page.anchors),
                    len(rendered.pages) - 1)
        better = refit(rendered, fitting, back_cover=back)
        if better is None or better == fitting:
            break
        fitting = better
        html = recompose(fitting)
    raw = write_raw(rendered, pdf_variant=variant.pdf_variant)
    return Layout(raw, len(rendered.pages), back, tuple(low_resolution_images(rendered)),
                  page_starts(rendered))


def _padding(variant: Variant, layout: Layout, laid_out_as: Variant, manifest: Manifest,
             setting: Setting) -> Padding | None:
    """Notes pages (and a blank one) to bring the page count to a multiple of the variant's `pad_to`,
    laid out on their own with the same stylesheets, numbered from where they go: before the back cover.
    Exactly that many pages are put in, whatever a publisher's stylesheet does to them (finish.py)."""
    missing = -layout.pages % variant.pad_to
    if not missing:
        return None
    from booklet.compose.document import compose_notes_html
    html = compose_notes_html(manifest, pages=missing, first_page=layout.back_cover + 1)
    rendered = lay_out(html, stylesheets=_sheets(laid_out_as, manifest),
                       extra_css=theme_css(setting.used_theme) + hyphenation_css(manifest),
                       pdf_variant=None, base=manifest.folder, roots=(setting.root, setting.styles),
                       styles=setting.styles)
    return Padding(write_raw(rendered, pdf_variant=None), layout.back_cover, missing)


def _sheets(variant: Variant, manifest: Manifest) -> tuple[str, ...]:
    """The variant's stylesheets, and the mirrored margin boxes for a language written right to left."""
    return variant.stylesheets + (("rtl.css",) if direction(manifest.language) == "rtl" else ())


def _count_pages(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)
