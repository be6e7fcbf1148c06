"""Find what a picture, the logo or a `style` attribute would fetch, and refuse what the build's fetcher refuses."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from booklet.check.subject import Finding, Subject
from booklet.problems import Problem
from booklet.check.text import constructs
from booklet.model import Kind
from booklet.files import file_refusal
from booklet.sources.safe import readable
from booklet.urls import urlsplit

# Anything an SVG or a style may load: href/xlink:href/src attributes, CSS url(...) and @import.
REFERENCE = re.compile(r"""(?:\b(?:xlink:)?href|\bsrc)\s*=\s*["']([^"']*)["']|url\(\s*["']?([^"')\s]*)|"""
                       r"""@import\s+["']([^"']*)["']""", re.I)
STYLE = re.compile(r"""\bstyle\s*=\s*(["'])(.*?)\1""", re.I | re.S)
SVG_LIMIT = 5_000_000        # bytes of an SVG read to look for references


def refused_resources(subject: Subject):
    """The rule: every resource a picture, a style attribute or the logo would load must lie inside the
    sources root and be a regular file (or be inline `data:`); reported at the line that named it."""
    for section in subject.sections:
        # A `{style="..."}` attribute list: the attribute as written, found on its own line.
        for offset, line in enumerate(section.body.splitlines()):
            for match in STYLE.finditer(line):
                for reason in _reasons(_references(match.group(2)), section.path.parent, subject.root):
                    yield Finding(section.path, section.body_line + offset, f"the style attribute {reason}",
                                  severity="error")
    for _, image in constructs(subject.sections, Kind.IMAGE):
        src = image.target
        if not src or urlsplit(src).scheme or not src.lower().endswith(".svg"):
            continue
        for reason in _inside_svg(image.path.parent / unquote(urlsplit(src).path), subject.root):
            yield Finding(image.path, image.line, f"the picture '{src}' {reason}", severity="error")
    organisation = subject.organisation
    if organisation is not None and organisation.logo is not None and organisation.logo.suffix.lower() == ".svg":
        path = subject.root / "_shared" / "organisation.yml"
        for reason in _inside_svg(organisation.logo, subject.root):
            yield Finding(path, _logo_line(path), f"the logo '{organisation.logo.name}' {reason}", severity="error")


def _inside_svg(picture: Path, root: Path) -> list[str]:
    if not readable(picture, root):
        return []                       # missing, outside or not a file: the reader's to report
    try:
        with open(picture, "rb") as stream:
            text = stream.read(SVG_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return []
    return _reasons(_references(text), picture.parent, root)


def _references(text: str) -> list[str]:
    return [next(g for g in match.groups() if g is not None) for match in REFERENCE.finditer(text)]


def _reasons(references: list[str], base: Path, root: Path) -> list[str]:
    """Why each reference would be refused, once each, in the order written."""
    reasons: list[str] = []
    for reference in dict.fromkeys(r.strip() for r in references):
        if not reference or reference.startswith("#"):
            continue
        parts = urlsplit(reference)
        scheme = parts.scheme.lower()
        if scheme == "data":
            continue
        if scheme not in ("", "file"):
            reasons.append(f"loads '{reference}' from the network, which builds never use: copy the file into"
                           " the sources")
            continue
        target = Path(unquote(parts.path))
        try:
            target = (target if target.is_absolute() else base / target).resolve()
        except (OSError, RuntimeError, ValueError):
            reasons.append(f"loads '{reference}', which cannot be read as a file")
            continue
        if not target.is_relative_to(root.resolve()):
            reasons.append(f"loads '{reference}', which is outside the sources folder")
        elif (refusal := file_refusal(target)) and "no such" not in refusal:
            reasons.append(f"loads '{reference}': {refusal}")
    return reasons


def _logo_line(path: Path) -> int:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, 1) if re.match(r"\s*logo\s*:", line)), 1)


def svg_naming(url: str, sections, logo: Path | None, organisation_path: Path, root: Path
               ) -> tuple[Path, int] | None:
    """Where the renderer's refused `url` was named: the line of the SVG picture (or the logo) that loads it."""
    wanted = unquote(urlsplit(url).path).rsplit("/", 1)[-1] or url
    for _, image in constructs(sections, Kind.IMAGE):
        src = image.target
        if src and not urlsplit(src).scheme and src.lower().endswith(".svg") and \
                _loads(image.path.parent / unquote(urlsplit(src).path), wanted, root):
            return image.path, image.line
    if logo is not None and _loads(logo, wanted, root):
        return organisation_path, _logo_line(organisation_path)
    return None


def _loads(picture: Path, wanted: str, root: Path) -> bool:
    if not readable(picture, root):
        return False
    try:
        with open(picture, "rb") as stream:
            text = stream.read(SVG_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return False
    return any(reference.rstrip("/").endswith(wanted) for reference in _references(text))


def refusal_problem(manifest, organisation, url: str, reason: str) -> Problem:
    """A resource the renderer refused, at the line naming it, or naming the SVG picture or logo it is in."""
    shared = manifest.folder.parent / "_shared" / "organisation.yml"
    inside = svg_naming(url, manifest.sections, getattr(organisation, "logo", None), shared, manifest.folder.parent)
    if inside is not None:
        return Problem(inside[0], inside[1], f"a picture there loads '{url}': {reason}", rule="refused-resource")
    name = Path(unquote(urlsplit(url).path)).name or url
    for _, image in constructs(manifest.sections, Kind.IMAGE):
        if Path(unquote(urlsplit(image.target).path)).name == name:
            return Problem(image.path, image.line, f"the picture '{image.target}' cannot be used: {reason}",
                           rule="refused-resource")
    others = sorted(manifest.folder.parent.glob("*/booklet.yml"))       # a related booklet's `online:`
    for path in [manifest.folder / "booklet.yml", manifest.folder.parent / "_shared" / "organisation.yml", *others]:
        try:
            lines = [] if file_refusal(path) else path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, text in enumerate(lines, 1):
            if name in text:
                return Problem(path, number, f"this needs '{url}': {reason}", rule="refused-resource")
    return Problem(manifest.folder / "booklet.yml", 1, f"'{url}' was refused: {reason}", rule="refused-resource")
