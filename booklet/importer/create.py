"""Turn a Word file or a saved web page into a new draft booklet folder, written whole or not at all."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from booklet.check.governance import PLACEHOLDER
from booklet.compose.strings import catalogue_names, merged, supported_language
from booklet.importer.markdown import sections, slugify
from booklet.importer.model import Document, Heading, Kind, Omission
from booklet.importer.report import REPORT, report_text
from booklet.scaffold.create import SLUG, _text

MAX_BYTES = 100_000_000          # the file itself
MAX_EXPANDED = 500_000_000       # a Word file's parts, unpacked
MAX_RATIO = 100                  # ...and at most this many times the file's size (a real one is under 20)
DEFAULT_LANGUAGE = "en-GB"


class ImportError_(Exception):
    """The file cannot be imported, or the booklet cannot be written; nothing was written."""


@dataclass(frozen=True)
class Imported:
    folder: Path
    written: tuple[Path, ...]
    omissions: tuple[Omission, ...]
    tracked: tuple[Omission, ...]


def read_document(path: Path, changes: str | None) -> Document:
    """The document in the file, or one ImportError_ naming it."""
    if not path.is_file():
        raise ImportError_(f"{path}: error: there is no such file" if not path.exists()
                           else f"{path}: error: this is a folder, not a file to import")
    kind = path.suffix.lower()
    if kind not in (".docx", ".html", ".htm"):
        raise ImportError_(f"{path}: error: booklet can import a Word file (.docx) or a saved web page (.html),"
                           f" not a '{kind or 'no extension'}' file" + (" (save it from Word as .docx)"
                                                                        if kind in (".doc", ".rtf", ".odt") else ""))
    size = path.stat().st_size
    if size == 0:
        raise ImportError_(f"{path}: error: the file is empty (0 bytes)")
    if size > MAX_BYTES:
        raise ImportError_(f"{path}: error: the file is {size:,} bytes; files over {MAX_BYTES:,} are refused")
    data = path.read_bytes()
    if kind == ".docx":
        _check_zip(path, size)
        from booklet.importer.docx import read_docx
        try:
            document = read_docx(data, changes)
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
            raise ImportError_(f"{path}: error: this is not a Word document that can be read ({exc})") from None
        except Exception as exc:            # python-docx raises its own errors on a broken package
            raise ImportError_(f"{path}: error: this is not a Word document that can be read"
                               f" ({type(exc).__name__}: {exc})") from None
    else:
        if b"\0" in data[:4096]:
            raise ImportError_(f"{path}: error: this is not a web page (it holds binary data)")
        from booklet.importer.html import read_html
        try:
            document = read_html(data)
        except Exception as exc:            # lxml and the extractor raise several kinds on a broken page
            raise ImportError_(f"{path}: error: this web page cannot be read ({type(exc).__name__}: {exc})") from None
    if not any(True for _ in document.blocks):
        found = "; ".join(f"{o.kind.value}: {o.detail}" for o in document.omissions)
        raise ImportError_(f"{path}: error: there is no text in it to import" + (f" (only {found})" if found else ""))
    return document


def _check_zip(path: Path, size: int) -> None:
    if not zipfile.is_zipfile(path):
        raise ImportError_(f"{path}: error: this is not a Word file (a .docx is a zip package; this is not one)")
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportError_(f"{path}: error: this is not a Word file that can be read ({exc})") from None
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED or expanded > MAX_RATIO * size + 10_000_000:
        raise ImportError_(f"{path}: error: the file would expand to {expanded:,} bytes from {size:,}; a Word"
                           " file does not, so it is refused")
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise ImportError_(f"{path}: error: this zip file is not a Word document (it has no word/document.xml)")


def import_document(path: Path, root: Path, slug: str | None = None, changes: str | None = None,
                    force: bool = False, today: dt.date | None = None) -> Imported:
    if not (root / "_shared" / "organisation.yml").is_file():
        raise ImportError_(f"error: {root} is not a sources root (it has no _shared/organisation.yml); start one"
                           f" with `booklet init {root}`, or name yours with --sources DIR")
    if slug is not None and not SLUG.fullmatch(slug):
        raise ImportError_(f"error: '{slug}' cannot be a booklet's name: use lower-case letters, digits and"
                           " hyphens, like heart-failure")
    document = read_document(path, changes)
    if document.changes and changes is None:
        listed = "\n".join(f"{path}: {o.where}: {o.detail}" for o in document.changes)
        raise ImportError_(f"{path}: error: the document has {len(document.changes)} tracked"
                           f" change{'s' * (len(document.changes) != 1)}; decide them with --accept-changes or"
                           f" --reject-changes (or in Word), nothing was written:\n{listed}")
    blocks, title = list(document.blocks), document.title
    tops = [b for b in blocks if isinstance(b, Heading)]
    top = min((b.level for b in tops), default=1)
    firsts = [b for b in tops if b.level == top]
    if len(firsts) == 1 and blocks[0] is firsts[0] and len(tops) > 1:     # one top heading: the page's title
        from booklet.importer.model import plain
        title = title or " ".join(plain(firsts[0].inlines).split())
        blocks = blocks[1:]
    title = title or (" ".join(plain_first(tops).split()) if tops else path.stem.replace("-", " ").replace("_", " "))
    slug = slug or slugify(title) or slugify(path.stem) or "imported"
    folder = root / slug
    if folder.exists() and not force:
        raise ImportError_(f"{folder}: error: this booklet already exists; nothing was written (choose another"
                           " --slug, or replace it with --force)")
    omissions = list(document.omissions)
    language = document.language
    if language and not supported_language(language):
        omissions.append(Omission(Kind.LANGUAGE, "the document", f"its language '{language}' is not one this tool"
                                  f" has words for; {DEFAULT_LANGUAGE} was written: correct it in booklet.yml"))
        language = None
    elif language and not merged(language) and not any(
            (root / "_shared" / "strings" / f"{name}.yml").is_file() for name in catalogue_names(language)):
        omissions.append(Omission(Kind.LANGUAGE, "the document", f"the booklet's fixed words (contents, back cover)"
                                  f" have no translation into '{language}' yet, so it cannot build until they do: run"
                                  f" `booklet strings {language}` and save what you translate as _shared/strings/"
                                  f"{catalogue_names(language)[0]}.yml"))
    if not language:
        omissions.append(Omission(Kind.LANGUAGE, "the document", f"it does not say its language; {DEFAULT_LANGUAGE}"
                                  " was written: correct it in booklet.yml if need be"))
    files, changed = sections(blocks, document.notes, title)
    omissions += changed
    contents = {"booklet.yml": _manifest(title, language or DEFAULT_LANGUAGE, [f.name for f in files],
                                         today or dt.date.today())}
    contents.update({f.name: f.text for f in files})
    contents[REPORT] = report_text(path.name, omissions, changes, list(document.changes))
    written = _write(folder, contents, document.pictures, replace=force)
    return Imported(folder, written, tuple(omissions), tuple(document.changes))


def plain_first(headings) -> str:
    from booklet.importer.model import plain
    return plain(headings[0].inlines)


def _manifest(title: str, language: str, names: list[str], today: dt.date) -> str:
    """booklet new's commented manifest, with the importer's values and its placeholders to fill in."""
    import yaml
    quoted = yaml.safe_dump(title, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()
    text = _text("booklet.yml", dict(
        title=quoted, topic=title, slug="booklet", language=language, reference=PLACEHOLDER,
        published=f"{today.year:04d}-{today.month:02d}", reviewed=today.isoformat(), contacts=""))
    text = text.replace("    - role: Clinical Nurse Specialist", f"    - role: {PLACEHOLDER}  # who reviews it")
    text = text.replace(f"reviewed: {today.isoformat()}", f"reviewed: {today.isoformat()}   # {PLACEHOLDER}: the"
                        " import date, not a review")
    head, _, rest = text.partition("sections:")
    rest_lines = rest.split("\n")
    listed = "\n".join(f"  - {name}" for name in names)
    tail = "\n".join(line for line in rest_lines[1:] if not line.startswith("  - "))
    return (f"# Imported by `booklet import`: fill in each '{PLACEHOLDER}' (booklet check lists them)\n" + head
            + "sections:" + rest_lines[0] + "\n" + listed + "\n" + tail.rstrip("\n") + "\n")


def _write(folder: Path, contents: dict[str, str], pictures: dict[str, bytes], replace: bool) -> tuple[Path, ...]:
    """Write into a new folder beside the booklet's, then move it into place: never half a booklet."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".import-{folder.name}-", dir=folder.parent))
    try:
        for name, text in contents.items():
            (staging / name).write_text(text, encoding="utf-8")
        if pictures:
            (staging / "images").mkdir()
            for name, blob in pictures.items():
                (staging / "images" / name).write_bytes(blob)
        old = None
        if folder.exists() and replace:
            old = folder.parent / f".import-old-{folder.name}-{os.getpid()}"
            folder.rename(old)
        try:
            staging.rename(folder)
        except OSError:
            if old is not None:
                old.rename(folder)
            raise
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    names = [*contents, *(f"images/{n}" for n in pictures)]
    return tuple(folder / n for n in names)
