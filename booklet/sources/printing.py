"""Read the `print:` settings of a booklet.yml: bleed, crop marks, PDF/X standard, ICC profile and QR code."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from booklet.model import PdfxStandard, PrintSettings
from booklet.problems import Problems
from booklet.sources.keys import PRINT
from booklet.sources.safe import Refusal, refusal
from booklet.sources.yamlnodes import Fields, written

MAX_BLEED_MM = 10.0


def read_print_settings(node: yaml.Node | None, *, line: int, folder: Path, root: Path, path: Path,
                        problems: Problems, reads: set[Path]) -> PrintSettings:
    """The settings, with defaults for what is not given; each problem is noted with its line."""
    if node is None:
        return PrintSettings()
    f = Fields(node, path, problems, PRINT, line=line)
    defaults = PrintSettings()
    return PrintSettings(
        bleed_mm=_bleed(f, defaults.bleed_mm),
        crop_marks=f.flag("crop_marks"),
        standard=PdfxStandard(f.choice("standard") or defaults.standard),
        profile=_profile(f, folder, root, reads),
        qr=f.flag("qr"))


def _bleed(f: Fields, default: float) -> float:
    node = f.node("bleed")
    if node is None:
        return default
    value = written(node) or ""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(mm)?", value)
    if not match:
        f.error(node, f"'bleed' should be a length in millimetres, like 3mm, not '{value}'")
        return default
    millimetres = float(match.group(1))
    if not 0 <= millimetres <= MAX_BLEED_MM:
        f.error(node, f"'bleed' should be between 0mm and {MAX_BLEED_MM:g}mm (3mm is usual), not {millimetres:g}mm")
        return default
    return millimetres


def _profile(f: Fields, folder: Path, root: Path, reads: set[Path]) -> Path | None:
    name = f.text("profile")
    if name is None:
        return None
    path = folder / name
    reason = refusal(path, root)
    if reason is Refusal.MISSING:
        f.error(f.node("profile"), f"there is no profile file '{name}' in {folder.name}/")
        return None
    if reason is not None:
        f.error(f.node("profile"), f"the profile '{name}' {reason}; copy the printer's .icc file into {folder.name}/")
        return None
    with path.open("rb") as file:
        head = file.read(20)
    reads.add(path)
    if len(head) < 20 or head[16:20] != b"CMYK":
        f.error(f.node("profile"), f"'{name}' is not a CMYK ICC profile; ask the printer for their CMYK"
                " output profile (a .icc file)")
        return None
    return path.resolve()
