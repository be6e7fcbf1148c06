"""Serve the output folder on 127.0.0.1 only, with a reload script and the latest problems added to each page served."""

from __future__ import annotations

import html
import http.server
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from booklet.serving.status import Snapshot, Status

EVENTS = "/__booklet/events"
HOST = "127.0.0.1"          # never another interface: this is an editor's preview, not a web server

# Added to pages as they are served, never to the files a build writes. It reloads the page when a
# round finishes; the problems are also written into the page itself, so they show without script.
RELOAD = """<script>
(function () {
  var seen = %d;
  var source = new EventSource("/__booklet/events?since=" + seen);
  source.onmessage = function (event) {
    var status = JSON.parse(event.data);
    if (status.version !== seen) { source.close(); location.reload(); }
  };
})();
</script>"""


def problems_panel(snapshot: Snapshot) -> str:
    if not snapshot.problems:
        return ""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in snapshot.problems)
    return ('<div role="alert" style="position:sticky;top:0;z-index:9;background:#fff;color:#1a1a1a;'
            'border:4px solid #8a4b00;padding:0.75rem 1rem;font:1rem/1.4 sans-serif">'
            "<p style=\"margin:0 0 0.5rem;font-weight:700\">The last save has problems: this page is the last"
            f" good build.</p><ul style=\"margin:0;padding-left:1.25rem\">{items}</ul></div>")


def served_page(markup: str, snapshot: Snapshot) -> str:
    """The page with the problems panel at the top of its body and the reload script at its end."""
    panel = problems_panel(snapshot)
    if panel:
        head, _, rest = markup.partition("<body")
        tag, _, body = rest.partition(">")
        markup = f"{head}<body{tag}>{panel}{body}" if rest else panel + markup
    return markup.replace("</body>", RELOAD % snapshot.version + "</body>", 1)


def listing(root: Path) -> str:
    """The served root when no catalogue is built there: a link to each booklet's web page."""
    links = "".join(f'<li><a href="{html.escape(p.parent.name)}/">{html.escape(p.parent.name)}</a></li>'
                    for p in sorted(root.glob("*/index.html")))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Booklets</title></head>'
            f"<body><main><h1>Booklets</h1><ul>{links}</ul></main></body></html>")


def make_handler(folder: Path, status: Status):
    root = folder.resolve()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:      # the terminal shows the rounds, not every request
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == EVENTS:
                return self._events(parts.query)
            if parts.path == "/" and not (root / "index.html").is_file():
                return self._send(200, served_page(listing(root), status.now).encode(), "text/html; charset=utf-8")
            target = self._file(unquote(parts.path))
            if target is None:
                return self._send(404, b"Not found", "text/plain; charset=utf-8")
            data = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                data = served_page(data.decode("utf-8", "replace"), status.now).encode("utf-8")
                kind += "; charset=utf-8"
            self._send(200, data, kind)

        def _file(self, path: str) -> Path | None:
            """A file inside the output folder, never one a link or `..` leads out of, nor the cache."""
            relative = path.lstrip("/")
            candidate = (root / relative).resolve()
            if candidate.is_dir():
                candidate = (candidate / "index.html").resolve()
            if not candidate.is_relative_to(root) or not candidate.is_file():
                return None
            if any(part.startswith(".") for part in candidate.relative_to(root).parts):
                return None
            return candidate

        def _events(self, query: str) -> None:
            since = next((int(v) for k, _, v in (p.partition("=") for p in query.split("&"))
                          if k == "since" and v.isdigit()), 0)
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            try:
                while not status.closed:
                    snapshot = status.wait_past(since, timeout=15)
                    self.wfile.write(f"data: {snapshot.as_json()}\n\n".encode())
                    self.wfile.flush()
                    since = snapshot.version
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def _send(self, code: int, data: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

    return Handler


def start_server(folder: Path, status: Status, port: int) -> http.server.ThreadingHTTPServer:
    """The server, answering in threads of its own; `port` 0 takes a free one (server_address says which)."""
    server = http.server.ThreadingHTTPServer((HOST, port), make_handler(folder, status))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="booklet-serve", daemon=True).start()
    return server
