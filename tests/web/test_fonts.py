"""The web page's fonts: cut to the characters used, the fallback only for what the house font lacks, kept between builds."""

from __future__ import annotations

import pytest

from booklet import STYLES
from booklet.theme.reader import load_theme
from booklet.web.fonts import faces, subsets


def test_each_face_draws_only_what_the_faces_before_it_lack():
    made = dict((face.name, data) for face, data in subsets(faces(load_theme(None), STYLES), "Plain words"))
    assert set(made) == {"fonts/AtkinsonHyperlegible-Regular.woff", "fonts/AtkinsonHyperlegible-Bold.woff"}
    greek = {face.name for face, _ in subsets(faces(load_theme(None), STYLES), "Plain words and Ωμέγα")}
    assert "fonts/DejaVuSans.woff" in greek
    assert all(data[:4] == b"wOFF" and len(data) < 20_000 for data in made.values())


def test_a_kept_subset_is_read_back_not_cut_again(tmp_path, monkeypatch):
    found = faces(load_theme(None), STYLES)
    first = subsets(found, "Some words", tmp_path)
    assert len(list(tmp_path.iterdir())) == 2
    import booklet.web.fonts as fonts

    def refuse(*args):
        raise AssertionError("a kept subset was cut again")
    monkeypatch.setattr(fonts, "_subset", refuse)
    assert subsets(found, "Some words", tmp_path) == first
    with pytest.raises(AssertionError, match="cut again"):     # new characters: a new subset
        subsets(found, "Some new words with a Q", tmp_path)


def test_the_store_keeps_the_subsets_used_last_and_no_more(tmp_path, monkeypatch):
    import os

    import booklet.web.fonts as fonts
    monkeypatch.setattr(fonts._prune, "__defaults__", (3,))       # keep three
    found = faces(load_theme(None), STYLES)[:1]                   # the house font's regular face alone
    for age, text in ((30, "a"), (20, "ab"), (10, "abc")):        # three subsets, "a" the oldest
        subsets(found, text, tmp_path)
        newest = max(tmp_path.glob("*.woff"), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, (newest.stat().st_mtime - age,) * 2)
    cut = fonts._subset

    def refuse(*args):
        raise AssertionError("cut again")
    monkeypatch.setattr(fonts, "_subset", refuse)
    subsets(found, "a", tmp_path)                                 # kept, and now the newest used
    monkeypatch.setattr(fonts, "_subset", cut)
    subsets(found, "abcd", tmp_path)                              # a fourth: "ab", used longest ago, goes
    assert len(list(tmp_path.glob("*.woff"))) == 3
    monkeypatch.setattr(fonts, "_subset", refuse)
    subsets(found, "a", tmp_path)
    subsets(found, "abc", tmp_path)
    with pytest.raises(AssertionError, match="cut again"):
        subsets(found, "ab", tmp_path)
