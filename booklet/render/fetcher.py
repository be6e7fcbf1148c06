"""Hand WeasyPrint only the files inside the sources root and styles folder, and nothing from the network."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.request import url2pathname

from booklet.render.engine import weasyprint  # noqa: F401  (first: loads WeasyPrint without its library search)
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from booklet.files import CONTENT_TYPES, MAX_PIXELS, build_file_refusal
from booklet.urls import urlsplit


class RefusedResource(FatalURLFetchingError):
    """A stylesheet, picture or font asked for something outside the allowed folders."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


class SafeFetcher(URLFetcher):
    """Serve `file:` URLs under the allowed folders and inline `data:` URLs; refuse the rest.

    Refusal is fatal (FatalURLFetchingError) because WeasyPrint would otherwise log a
    warning and quietly leave the picture or font out of the PDF.
    """

    def __init__(self, roots: tuple[Path, ...]):
        super().__init__(allowed_protocols=("file", "data"))
        self.roots = tuple(root.resolve() for root in roots)
        # WeasyPrint swallows even fatal errors raised while it draws an SVG, so every
        # refusal is also kept here for the caller to raise after rendering.
        self.refused: list[RefusedResource] = []

    def fetch(self, url: str, headers=None):
        try:
            return self._fetch(url, headers)
        except RefusedResource as refused:
            self.refused.append(refused)
            raise

    def _fetch(self, url: str, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedResource(url, "builds never use the network; copy the file into the sources")
        try:
            path = Path(url2pathname(urlsplit(url).path)).resolve()      # symbolic links followed here
        except (OSError, RuntimeError, ValueError):
            raise RefusedResource(url, "this name cannot be read as a file (a loop of links, or a NUL)") from None
        refusal = build_file_refusal(path, self.roots)
        if refusal:
            raise RefusedResource(url, refusal)
        data = path.read_bytes()
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        if content_type.startswith("image/") and not content_type.startswith("image/svg"):
            refusal = pixel_refusal(data)
            if refusal:
                raise RefusedResource(url, refusal)
        return URLFetcherResponse(path.as_uri(), data, {"Content-Type": content_type})


def pixel_refusal(data: bytes) -> str | None:
    """Why a raster picture is too big to decode (read from its header only), or None."""
    from PIL import Image
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        return f"this picture has more than {MAX_PIXELS // 1_000_000} million pixels, the most a picture may have"
    except Exception:       # not a picture Pillow reads: WeasyPrint reports it in its own way
        return None
    if width * height > MAX_PIXELS:
        return (f"this picture is {width} x {height} pixels ({width * height / 1e6:.0f} million); the most is"
                f" {MAX_PIXELS // 1_000_000} million: make it smaller (300 ppi at the printed size is enough)")
    return None
