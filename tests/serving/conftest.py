"""A served session on a small library, for the server's tests and the real browser's."""

from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from booklet.build import BuildRequest
from booklet.serving.server import HOST, start_server
from booklet.serving.session import Session


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


@pytest.fixture
def served(sources, tmp_path):
    """A session on a small library (download and web only), its first build done and its server up."""
    root = sources(demo__booklet_yml=(Path(sources().joinpath("demo", "booklet.yml")).read_text()
                                      + "variants: [download, web]\n"))
    session = Session(BuildRequest(root=root, output=tmp_path / "output"), lambda line: None)
    assert session.round(session.full).ok
    server = start_server(tmp_path / "output", session.status, 0)
    yield session, server.server_address[1], root
    session.status.close()
    server.shutdown()
    server.server_close()
