"""`booklet build` refuses what `booklet check` would call a body-text-size error, and writes nothing."""

from __future__ import annotations

import shutil

import pytest

from booklet.build import STYLES, BuildRequest, build
from booklet.problems import ContentError


def test_a_stylesheet_setting_text_under_the_minimum_stops_the_build(sources, tmp_path):
    styles = tmp_path / "styles"
    shutil.copytree(STYLES, styles)
    with (styles / "booklet.css").open("a", encoding="utf-8") as css:
        css.write("\nh2 { font-size: 9pt; }\n")
    root, output = sources(), tmp_path / "output"
    with pytest.raises(ContentError) as refused:
        build(BuildRequest(root=root, output=output, styles=styles, variants=("download",)))
    messages = [p.format(root) for p in refused.value.problems]
    assert any("body text on page" in m and "9 pt" in m and "[body-text-size]" in m for m in messages), messages
    assert not (output / "demo" / "demo-download.pdf").exists()
