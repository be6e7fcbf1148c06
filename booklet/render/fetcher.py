"""Hand WeasyPrint only the files inside the sources root and styles folder, and nothing from the network."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from booklet.render.engine import weasyprint  # noqa: F401  (first: loads WeasyPrint without its library search)
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("font/ttf", ".ttf")


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
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise RefusedResource(url, "this file is outside the sources and styles folders")
        if not path.is_file():
            raise RefusedResource(url, "there is no such file")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})
