"""booklet catalogue on a built library: the entries, the files' facts, the links, freshness and reproducibility."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pikepdf
import pytest
from click.testing import CliRunner

from booklet.cli import main


class Links(HTMLParser):
    """Every href and src of a page, and the alt text of its pictures."""

    def __init__(self):
        super().__init__()
        self.targets, self.alts, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.targets += [attrs[k] for k in ("href", "src") if k in attrs]
        if tag == "img":
            self.alts.append(attrs.get("alt"))
        self.scripts += tag == "script"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def catalogue(built_library, tmp_path_factory):
    """The public catalogue, written into a copy of the built output."""
    root, built = built_library
    output = tmp_path_factory.mktemp("catalogue") / "output"
    shutil.copytree(built, output)
    result = run("catalogue", "--sources", str(root), "--output", str(output))
    assert result.exit_code == 0, result.output
    return root, output


def test_lists_the_approved_booklets_with_the_files_own_facts(catalogue):
    _, output = catalogue
    data = json.loads((output / "catalogue.json").read_text())
    assert [b["slug"] for b in data["booklets"]] == ["beta", "alpha"]      # by title; the draft left out
    alpha = data["booklets"][1]
    assert (alpha["title"], alpha["reference"], alpha["status"]) == ("Understanding tests", "ALP-01", "approved")
    assert (alpha["last_reviewed"], alpha["next_review"], alpha["published"]) == ("2026-10-01", "2029-10-01", "2026-11")
    assert alpha["publisher"] == "Example Health Charity"
    for booklet in data["booklets"]:
        assert [f["variant"] for f in booklet["files"]] == ["download", "print"]
        for entry in booklet["files"]:
            path = output / entry["href"]
            data_bytes = path.read_bytes()
            assert entry["size"] == len(data_bytes)
            assert entry["sha256"] == hashlib.sha256(data_bytes).hexdigest()
            with pikepdf.open(path) as pdf:
                assert entry["pages"] == len(pdf.pages)
        thumbnail = output / booklet["thumbnail"]["href"]
        assert thumbnail.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert booklet["thumbnail"]["alt"] == f"Cover of the booklet {booklet['title']}"


def test_the_page_links_resolve_to_the_files_and_say_what_they_are(catalogue):
    _, output = catalogue
    html = (output / "index.html").read_text()
    page = Links()
    page.feed(html)
    local = [t for t in page.targets if not urlsplit(t).scheme and not t.startswith("#")]
    assert sorted(local) == sorted(["alpha/alpha-cover.png", "alpha/alpha-download.pdf", "alpha/alpha-print.pdf",
                                    "beta/beta-cover.png", "beta/beta-download.pdf", "beta/beta-print.pdf"])
    fonts = re.findall(r'url\("([^"]+)"\)', html)
    assert fonts == ["fonts/AtkinsonHyperlegible-Regular.ttf", "fonts/AtkinsonHyperlegible-Bold.ttf"]
    assert all((output / unquote(t)).is_file() for t in local + fonts)
    assert (output / "fonts" / "OFL.txt").is_file()
    assert all(alt and alt.startswith("Cover of the booklet") for alt in page.alts)
    assert page.scripts == 0
    data = json.loads((output / "catalogue.json").read_text())
    download = data["booklets"][1]["files"][0]
    kb = round(download["size"] / 1024)
    assert f"Download<span class=\"visually-hidden\">: Understanding tests,</span> <span class=\"file-details\">" \
           f"(PDF, A5, {kb} KB, {download['pages']} pages)" in html
    assert "Scans and what they show" not in html and "Review register" not in html


def test_nothing_is_rewritten_when_nothing_shown_changed_and_bytes_are_reproducible(catalogue, tmp_path):
    root, output = catalogue
    before = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    result = run("catalogue", "--sources", str(root), "--output", str(output))
    assert result.exit_code == 0 and result.output.startswith("up to date")
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()} == before
    again = tmp_path / "again"
    shutil.copytree(output, again)
    for name in ("index.html", "catalogue.json", "alpha/alpha-cover.png"):
        (again / name).unlink()
    assert run("catalogue", "--sources", str(root), "--output", str(again)).exit_code == 0
    for name in ("index.html", "catalogue.json", "alpha/alpha-cover.png"):
        assert (again / name).read_bytes() == (output / name).read_bytes()


def test_a_changed_pdf_changes_its_facts(catalogue, tmp_path):
    root, output = catalogue
    changed = tmp_path / "out"
    shutil.copytree(output, changed)
    print_pdf = changed / "beta" / "beta-print.pdf"
    with pikepdf.open(print_pdf, allow_overwriting_input=True) as pdf:
        del pdf.pages[-1]
        pdf.save(print_pdf)
    cover = (changed / "beta" / "beta-cover.png").stat().st_mtime_ns
    result = run("catalogue", "--sources", str(root), "--output", str(changed))
    assert "(2 booklets; 1 draft left out (--drafts lists them); 2 files changed)" in result.output
    assert (changed / "beta" / "beta-cover.png").stat().st_mtime_ns == cover     # its download PDF is the same
    entry = json.loads((changed / "catalogue.json").read_text())["booklets"][0]["files"][1]
    assert entry["size"] == print_pdf.stat().st_size
    assert "made from other sources" in result.output         # the build cache no longer vouches for it


def test_drafts_adds_the_draft_and_the_register(catalogue, tmp_path):
    root, output = catalogue
    internal = tmp_path / "internal"
    shutil.copytree(output, internal)
    result = run("catalogue", "--sources", str(root), "--output", str(internal), "--drafts", "--today", "2027-06-01")
    assert result.exit_code == 0, result.output
    data = json.loads((internal / "catalogue.json").read_text())
    assert [b["slug"] for b in data["booklets"]] == ["beta", "gamma", "alpha"] and data["drafts_included"]
    html = (internal / "index.html").read_text()
    assert "Review register" in html and "noindex" in html
    assert html.index("Blood tests explained</td>") < html.index("Understanding tests</td>")   # by next review


def test_a_booklet_not_built_names_the_command_to_run(catalogue, tmp_path):
    root, output = catalogue
    partial = tmp_path / "partial"
    shutil.copytree(output, partial)
    (partial / "alpha" / "alpha-print.pdf").unlink()
    (partial / "index.html").unlink()
    result = CliRunner().invoke(main, ["catalogue", "--sources", str(root), "--output", str(partial)])
    assert result.exit_code == 1
    assert "alpha-print.pdf: error: 'Understanding tests' has no print PDF yet: run `booklet build" in result.stderr
    assert f"{root / 'alpha'} --output {partial}`" in result.stderr
    assert not (partial / "index.html").exists()
