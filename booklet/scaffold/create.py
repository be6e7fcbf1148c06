"""Write a new sources root or booklet from the commented templates in scaffold/files, never over an existing file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from string import Template

import yaml

FILES = Path(__file__).resolve().parent / "files"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SAMPLE_SLUG = "living-well"
LANGUAGE = "en-GB"


class ScaffoldError(Exception):
    """What was asked would overwrite something, or has nowhere to go; nothing was written."""


def init_sources(root: Path, today: dt.date | None = None) -> list[Path]:
    """A new sources root: the publisher's details, a commented theme and one sample booklet."""
    shared = root / "_shared"
    if (shared / "organisation.yml").exists() or (root / "booklet.yml").exists():
        raise ScaffoldError(f"{root} already holds booklet sources; nothing was written"
                            " (add a booklet to it with `booklet new SLUG --sources DIR`)")
    files = {shared / "organisation.yml": _text("organisation.yml"), shared / "theme.yml": _text("theme.yml")}
    files.update(_booklet_files(root, SAMPLE_SLUG, ("helpline",), today or dt.date.today()))
    return _write_all(files)


def new_booklet(root: Path, slug: str, today: dt.date | None = None) -> list[Path]:
    """A new booklet folder in an existing sources root: a commented manifest and two sections."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(f"'{slug}' cannot be a booklet's name: use lower-case letters, digits and hyphens,"
                            " like heart-failure (it becomes the folder and the PDFs' names)")
    if not (root / "_shared" / "organisation.yml").is_file():
        raise ScaffoldError(f"{root} is not a sources root (it has no _shared/organisation.yml); start one with"
                            f" `booklet init {root}`, or name yours with --sources DIR")
    if (root / slug).exists():
        raise ScaffoldError(f"{root / slug} already exists; nothing was written (choose another name)")
    return _write_all(_booklet_files(root, slug, _contact_ids(root), today or dt.date.today()))


def _booklet_files(root: Path, slug: str, contacts: tuple[str, ...], today: dt.date) -> dict[Path, str]:
    title = slug.replace("-", " ").capitalize()
    initials = "".join(word[0] for word in slug.split("-")).upper()[:4]
    contact = contacts[0] if contacts else None
    values = dict(
        title=title, topic=title[0].lower() + title[1:], slug=slug, language=LANGUAGE,
        reference=f"{initials}-{today.year}-01", published=f"{today.year:04d}-{today.month:02d}",
        reviewed=today.isoformat(),
        contacts=(f"contacts: [{contact}]            # optional: contact panels on the back cover,"
                  " ids from organisation.yml\n") if contact else "",
        contact=f"::: contact {contact}\n\n" if contact else "")
    folder = root / slug
    return {folder / "booklet.yml": _text("booklet.yml", values), folder / "about.md": _text("about.md", values),
            folder / "next-steps.md": _text("next-steps.md", values)}


def _contact_ids(root: Path) -> tuple[str, ...]:
    """The publisher's contact ids, read leniently: a broken organisation.yml is `booklet check`'s to report."""
    try:
        data = yaml.safe_load((root / "_shared" / "organisation.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ()
    contacts = data.get("contacts") if isinstance(data, dict) else None
    return tuple(str(key) for key in contacts) if isinstance(contacts, dict) else ()


def _text(name: str, values: dict[str, str] | None = None) -> str:
    text = (FILES / name).read_text(encoding="utf-8")
    return Template(text).substitute(values) if values is not None else text


def _write_all(files: dict[Path, str]) -> list[Path]:
    existing = [path for path in files if path.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0]} already exists; nothing was written")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as stream:      # "x": never over a file made meanwhile
            stream.write(text)
    return list(files)
