"""booklet serve: the output folder on 127.0.0.1 only, a save reaches the page, a broken save keeps the last good one."""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path

import pytest

from booklet.serving.server import EVENTS, HOST, served_page
from booklet.serving.status import Snapshot, Status
from tests.serving.conftest import get


def test_the_page_is_served_with_a_reload_script_the_file_does_not_have(served, tmp_path):
    _, port, _ = served
    status, body = get(port, "/demo/")
    assert status == 200 and EVENTS in body and "The first section" in body
    assert EVENTS not in (tmp_path / "output" / "demo" / "index.html").read_text()
    assert get(port, "/demo/demo-download.pdf")[0] == 200


def test_nothing_outside_the_output_folder_is_served(served, tmp_path):
    _, port, _ = served
    (tmp_path / "secret.txt").write_text("not for the browser")
    (tmp_path / "output" / "demo" / "link.txt").symlink_to(tmp_path / "secret.txt")
    for path in ("/../secret.txt", "/demo/../../secret.txt", "/%2e%2e/secret.txt", "/demo/link.txt",
                 "/.booklet-cache/demo.json"):
        status, body = get(port, path)
        assert status == 404 and "not for the browser" not in body, path


def test_the_server_listens_on_the_loopback_address_only(served):
    session, port, _ = served
    import socket
    with socket.socket() as probe:
        probe.settimeout(2)
        # Any address of this machine but loopback is refused (there may be none: then nothing to test).
        others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
        for address in others - {"127.0.0.1"}:
            assert probe.connect_ex((address, port)) != 0


def test_a_save_reaches_the_page_first_then_the_pdfs(served, tmp_path):
    session, port, root = served
    before = get(port, "/demo/")[1]
    since = session.status.now.version
    (root / "demo" / "one.md").write_text("---\ntitle: The first section\n---\n\nFreshly saved words.\n")
    started = time.perf_counter()
    first, rest = session.saved()
    assert first.ok and rest is not None and rest.ok
    assert first.seconds < time.perf_counter() - started
    page = get(port, "/demo/")[1]
    assert "Freshly saved words." in page and page != before
    assert session.status.now.version == since + 2          # each round moves the open page on


def test_a_broken_save_shows_its_error_and_keeps_the_last_good_page(served, tmp_path):
    session, port, root = served
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\n::: contact nobody\n")
    first, rest = session.saved()
    assert not first.ok and rest is None
    status, page = get(port, "/demo/")
    assert status == 200 and 'role="alert"' in page and "two.md:5" in page and "nobody" in page
    assert "The first section" in page                      # the last good page, under the message
    (root / "demo" / "two.md").write_text("---\ntitle: Two\n---\n\nMended.\n")
    first, rest = session.saved()
    assert first.ok and 'role="alert"' not in get(port, "/demo/")[1]


def test_the_event_stream_tells_an_open_page_when_a_round_ends(served):
    session, port, _ = served
    since = session.status.now.version
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", f"{EVENTS}?since={since}")
    response = connection.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    session.status.publish(("a.md:3: error: something",))
    line = response.fp.readline().decode()
    connection.close()
    assert json.loads(line.removeprefix("data: ")) == {"version": since + 1, "problems": ["a.md:3: error: something"]}


def test_served_page_puts_the_problems_first_and_the_script_last():
    page = served_page("<html><body class=x><p>Text</p></body></html>", Snapshot(4, ("x.md:1: error: <bad>",)))
    assert page.index('role="alert"') < page.index("<p>Text") < page.index("<script>")
    assert "&lt;bad&gt;" in page and "seen = 4" in page
    assert "alert" not in served_page("<body></body>", Snapshot(1))
    assert Status().now.version == 0
