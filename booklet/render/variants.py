"""The registry of output variants: adding a variant is one entry here plus its stylesheet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from booklet.render.finish import FinishContext, finish_accessible, finish_press
from booklet.render.resolution import LowResolution

if TYPE_CHECKING:
    import pikepdf


# The steps below load pikepdf and Pillow when they run: listing variants (or finding that
# nothing needs building) stays quick.
def impose_handout(pdf: bytes, ctx: FinishContext) -> bytes:
    from booklet.render.impose import impose_handout as impose
    from booklet.theme.scripts import direction
    return impose(pdf, title=ctx.title, right_to_left=direction(ctx.language) == "rtl")


def print_job_sheet(*args) -> dict[str, bytes]:
    from booklet.render.jobsheet import print_job_sheet as sheet
    return sheet(*args)


def handout_sheet(*args) -> dict[str, bytes]:
    from booklet.render.jobsheet import handout_sheet as sheet
    return sheet(*args)


def web_edition(context) -> dict[str, bytes]:
    from booklet.editions import make_web_edition
    return make_web_edition(context)


def epub_edition(context) -> dict[str, bytes]:
    from booklet.editions import make_epub_edition
    return make_epub_edition(context)


@dataclass(frozen=True)
class Produced:
    """One variant's finished PDF and the files that go beside it. Defined here, not where it is made,
    so that a build receiving it from a worker process does not load the engine to read it."""

    variant: str
    pdf: bytes
    pages: int
    sidecars: tuple[tuple[str, bytes], ...] = ()
    low_resolution: tuple[LowResolution, ...] = ()     # print variants: pictures under 300 ppi
    problems: tuple = ()                               # what the renderer could not draw (render/listen.py)
    page_starts: tuple = ()                            # variants laying out their own pages: render/pages.py


@dataclass(frozen=True)
class Variant:
    """One kind of PDF made from the same booklet.

    A variant either lays the booklet out with its own stylesheets, or finishes the pages
    another variant `laid_out_as` (print takes the download's A5 pages: one layout, other
    colours, bleed and padding), or is `made_from` another variant's finished PDF by
    `derive` (the handout reuses the print pages)."""

    name: str
    description: str
    stylesheets: tuple[str, ...] = ()     # under styles/, applied in order
    pdf_variant: str | None = None        # WeasyPrint's own variant, if any
    finish: Callable[["pikepdf.Pdf", FinishContext], dict] | None = None   # returns save options
    page_mm: tuple[float, float] = (148, 210)
    accessible: bool = False              # tagged for screen readers (PDF/UA-1)
    press: bool = False                   # PDF/X: standard, bleed and profile come from `print:`
    pad_to: int = 1                       # page count rounded up to a multiple of this
    laid_out_as: str | None = None
    made_from: str | None = None
    derive: Callable[[bytes, FinishContext], bytes] | None = None
    sidecars: Callable[..., dict[str, bytes]] | None = None   # files written beside the PDF
    # An edition is no PDF: it is made in the build's own process, without the layout engine, from the
    # booklet and the finished files of the variants it `needs` (editions.py); `file` is its main file.
    edition: Callable[..., dict[str, bytes]] | None = None
    needs: tuple[str, ...] = ()
    file: str | None = None               # None: <slug>-<name>.pdf; "{slug}" stands for the slug
    links_others: bool = False            # it links every other variant of the booklet (the web page)

    def file_name(self, slug: str) -> str:
        """The variant's main file in output/<slug>/."""
        return (self.file or "{slug}-" + self.name + ".pdf").replace("{slug}", slug)


VARIANTS: dict[str, Variant] = {
    variant.name: variant for variant in (
        Variant(
            name="download",
            description="A5 for the website: PDF/UA-1, tagged, live links and bookmarks",
            stylesheets=("fonts.css", "booklet.css", "download.css"),
            pdf_variant="pdf/ua-1",
            finish=finish_accessible,
            accessible=True,
        ),
        Variant(
            name="print",
            description="A5 for print shops: PDF/X-4 (or X-1a), CMYK, 3 mm bleed, crop marks,"
                        " pages a multiple of 4, with a job sheet",
            laid_out_as="download",
            finish=finish_press,
            press=True,
            pad_to=4,
            sidecars=print_job_sheet,
        ),
        Variant(
            name="large-print",
            description="A4 for readers with low vision: 18 pt text, PDF/UA-1",
            stylesheets=("fonts.css", "booklet.css", "download.css", "large-print.css"),
            pdf_variant="pdf/ua-1",
            finish=finish_accessible,
            page_mm=(210, 297),
            accessible=True,
        ),
        Variant(
            name="handout",
            description="A4 landscape for office printers: the print pages two to a side in"
                        " saddle-stitch order; print double-sided, flip on the short edge, fold",
            made_from="print",
            derive=impose_handout,
            sidecars=handout_sheet,
        ),
        Variant(
            name="epub",
            description="reflowable EPUB 3 for e-readers and reading apps: EPUB Accessibility 1.1,"
                        " with the download's page numbers",
            edition=epub_edition,
            needs=("download",),
            file="{slug}.epub",
        ),
        Variant(
            name="web",
            description="a web page that reflows on phones, WCAG 2.2 AA: index.html with its pictures,"
                        " stylesheet and fonts in the booklet's folder, linking the other files",
            stylesheets=("web.css",),
            edition=web_edition,
            file="index.html",
            links_others=True,
        ),
    )
}


def lineage(name: str) -> tuple[Variant, ...]:
    """The variant, then each it is made from or laid out as: handout, print, download."""
    chain = [VARIANTS[name]]
    while chain[-1].made_from or chain[-1].laid_out_as:
        chain.append(VARIANTS[chain[-1].made_from or chain[-1].laid_out_as])
    return tuple(chain)


def layout_of(name: str) -> Variant:
    """The variant whose stylesheets lay out `name`'s pages: print and handout use the download's."""
    return lineage(name)[-1]
