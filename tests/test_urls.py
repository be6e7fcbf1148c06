"""Addresses urllib refuses split without raising, keeping their scheme."""

from booklet.urls import urlsplit
from tests.safety.test_links import converted


def test_addresses_urllib_refuses_keep_their_scheme_and_nothing_else():
    assert urlsplit("https://[www.example.org/x").scheme == "https"
    assert urlsplit("https://[www.example.org/x").netloc == ""
    assert urlsplit("http://example.org:99999/").scheme == "http"
    assert urlsplit("[broken").path == "[broken"
    assert urlsplit("https://www.example.org/a?b#c").netloc == "www.example.org"


def test_a_markdown_link_or_picture_urllib_refuses_is_a_message_not_a_crash():
    _, problems = converted("Words.\n\n[a](http://[broken) and ![b](http://[x.png)\n")
    assert problems and all(p.startswith("demo/one.md:7: error:") for p in problems), problems
