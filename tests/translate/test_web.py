"""Web editions of a booklet and its translations link each other: hreflang alternates and a visible link to each language."""

import re

from booklet.build import BuildRequest, build
from tests.translate.library import SLUG


def test_each_language_version_links_the_others(translated):
    src = translated / "src"
    build(BuildRequest(root=src, output=translated / "output", folders=(src / SLUG, src / f"{SLUG}-cy"),
                       variants=("web",)))
    english = (translated / "output" / SLUG / "index.html").read_text()
    welsh = (translated / "output" / f"{SLUG}-cy" / "index.html").read_text()
    for page in (english, welsh):
        head = page.split("</head>")[0]
        assert '<link rel="alternate" hreflang="en-GB" href="../heart-failure/index.html">' in head
        assert '<link rel="alternate" hreflang="cy" href="../heart-failure-cy/index.html">' in head
    assert re.search(r'<a href="../heart-failure-cy/index.html" hreflang="cy" lang="cy">Cymraeg</a>', english)
    assert re.search(r'<a href="../heart-failure/index.html" hreflang="en-GB" lang="en-GB">English</a>', welsh)
    assert '<span lang="cy" aria-current="page">Cymraeg</span>' in welsh


def test_a_booklet_with_no_translation_has_no_language_links(workspace):
    src = workspace / "src"
    build(BuildRequest(root=src, output=workspace / "output", folders=(src / SLUG,), variants=("web",)))
    page = (workspace / "output" / SLUG / "index.html").read_text()
    assert "hreflang" not in page and 'class="languages"' not in page
