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
