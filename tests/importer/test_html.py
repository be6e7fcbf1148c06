"""booklet import on web pages written here: the main content only, the rest reported, remote pictures not fetched."""

from __future__ import annotations

import base64

from booklet.importer import import_document
from booklet.importer.report import REPORT
from tests.importer.helpers import TODAY, built_text, missing_words, png, sources_root

ARTICLE = """
<h1>Eating well during treatment</h1>
<p>Treatment can change how food tastes. Eating <strong>small meals</strong> often can help, and
<em>cold food</em> may taste better than hot food. Your dietitian can give you advice that suits you.</p>
<h2>Foods to try</h2>
<ul><li>Soups and smoothies<ul><li>Add milk for more protein</li></ul></li><li>Soft fruit such as bananas</li></ul>
<p>Ask your nurse about <a href="https://www.example.org/diet">our guide to eating well</a> before your
next appointment, and keep a note of what you eat each day for a week or two.</p>
<h2>When to get help</h2>
<table><tr><th>Sign</th><th>What to do</th></tr><tr><td>Weight loss</td><td>Tell your team</td></tr></table>
<p>If you cannot eat for more than a day, or you feel very weak, call the hospital straight away.</p>
<p><img src="data:image/png;base64,{picture}" alt="A bowl of soup on a table"></p>
<p><img src="https://cdn.example.org/smoothie.jpg" alt="A glass of smoothie"></p>
"""

PAGE = """<!doctype html><html lang="en-IE"><head><title>Eating well during treatment | Example Charity</title></head>
<body>
<div id="cookie-banner"><p>We use cookies to improve this site. Accept all cookies?</p><button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li><li><a href="/donate">Donate now</a></li></ul></nav>
<main><article>{article}</article></main>
<aside class="sidebar"><h3>Related</h3><p><a href="/shop">Visit our charity shop</a></p></aside>
<footer><p>Registered charity 12345. Copyright Example Charity.</p><div class="share">Share on Facebook</div></footer>
</body></html>"""


def page(tmp_path):
    picture = base64.b64encode(png().getvalue()).decode()
    path = tmp_path / "eating.html"
    path.write_text(PAGE.format(article=ARTICLE.format(picture=picture)), encoding="utf-8")
    return path


def test_a_web_page_keeps_its_main_content_and_reports_the_rest(tmp_path):
    root = sources_root(tmp_path)
    result = import_document(page(tmp_path), root, today=TODAY)
    folder = root / "eating-well-during-treatment"
    assert result.folder == folder
    text = "\n".join(p.read_text() for p in sorted(folder.glob("0*.md")))
    assert [p.name for p in sorted(folder.glob("0*.md"))] == ["01-foods-to-try.md", "02-when-to-get-help.md"] \
        or "title: Foods to try" in text
    assert "**small meals**" in text and "*cold food*" in text
    assert "- Soups and smoothies\n    - Add milk for more protein\n- Soft fruit such as bananas" in text
    assert "[our guide to eating well](https://www.example.org/diet)" in text
    assert "| Sign | What to do |\n|---|---|\n| Weight loss | Tell your team |" in text
    assert "![A bowl of soup on a table](images/picture-1.png)" in text
    for left_out in ("cookies", "About us", "charity shop", "Registered charity", "Share on Facebook"):
        assert left_out not in text
    report = (folder / REPORT).read_text()
    for left_out in ("We use cookies", "About us", "Visit our charity shop", "Registered charity",
                     "https://cdn.example.org/smoothie.jpg"):
        assert left_out in report, left_out
    for kept in ("Soups and smoothies", "Add milk", "Weight loss", "Tell your team"):   # a list's, a table's words
        assert kept not in report, kept
    assert "language: en-IE" in (folder / "booklet.yml").read_text()
    assert "title: Eating well during treatment" in (folder / "booklet.yml").read_text()


def test_the_imported_page_builds_with_all_its_main_text(tmp_path):
    root = sources_root(tmp_path)
    folder = import_document(page(tmp_path), root, today=TODAY).folder
    import lxml.html
    words = lxml.html.fragment_fromstring(ARTICLE.format(picture=""), create_parent="div").itertext()
    words = " ".join(words)
    assert missing_words(words.replace("Eating well during treatment", ""), built_text(root, folder, tmp_path / "o")) == []


def test_a_link_to_a_heading_in_the_page_becomes_a_link_in_the_booklet_and_one_to_a_paragraph_stays_words(tmp_path):
    root = sources_root(tmp_path)
    article = ARTICLE.format(picture="").replace(
        "<p>Ask your nurse", '<p>See <a href="#help">when to get help</a>, <a href="#try">what to try</a> and'
        ' <a href="#weak">the warning</a>. Ask your nurse').replace(
        "<h2>Foods to try</h2>", '<section id="try"><h2>Foods to try</h2>').replace(
        "<h2>When to get help</h2>", '</section><h2><a name="help"></a>When to get help</h2>').replace(
        "<p>If you cannot eat", '<p id="weak">If you cannot eat')
    path = tmp_path / "linked.html"
    path.write_text(PAGE.format(article=article), encoding="utf-8")
    result = import_document(path, root, today=TODAY)
    sections = {p.name: p.read_text() for p in result.folder.glob("0*.md")}
    assert "See [when to get help](#s-03-when-to-get-help), [what to try](#s-02-foods-to-try) and the warning." \
        in sections["02-foods-to-try.md"]
    report = (result.folder / REPORT).read_text()
    assert "- other, paragraph 9, under 'Foods to try': a link to a place inside the document that" \
           " is not a heading ('weak'), kept as plain text: 'the warning'" in report
    built_text(root, result.folder, tmp_path / "output")       # check finds every link's target: it builds
