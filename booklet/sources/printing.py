"""Read the `print:` settings of a booklet.yml: bleed, crop marks, PDF/X standard, ICC profile and QR code."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from booklet.model import PrintSettings
from booklet.problems import Problems
from booklet.sources.yamlnodes import Fields, scalar

STANDARDS = ("pdf/x-4", "pdf/x-1a")
PRINT_KEYS = ("bleed", "crop_marks", "standard", "profile", "qr")
MAX_BLEED_MM = 10.0


def read_print_settings(node: yaml.Node | None, *, line: int, folder: Path, root: Path, path: Path,
                        problems: Problems) -> PrintSettings:
    """The settings, with defaults for what is not given; each problem is noted with its line."""
    if node is None:
        return PrintSettings()
    f = Fields(node, path, problems, where="print", line=line)
    defaults = PrintSettings()
    settings = PrintSettings(
        bleed_mm=_bleed(f, defaults.bleed_mm),
        crop_marks=f.flag("crop_marks", defaults.crop_marks),
        standard=f.choice("standard", STANDARDS) or defaults.standard,
        profile=_profile(f, folder, root),
        qr=f.flag("qr", defaults.qr))
    f.finish(PRINT_KEYS)
    return settings


def _bleed(f: Fields, default: float) -> float:
    node = f.node("bleed")
    if node is None:
        return default
    value = scalar(node) if isinstance(node, yaml.ScalarNode) else None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*mm\s*", str(value)) if value is not None else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        millimetres = float(value)
    elif match:
        millimetres = float(match.group(1))
    else:
        f.error(node, f"'bleed' should be a length in millimetres, like 3mm, not '{value}'")
        return default
    if not 0 <= millimetres <= MAX_BLEED_MM:
        f.error(node, f"'bleed' should be between 0mm and {MAX_BLEED_MM:g}mm (3mm is usual), not {millimetres:g}mm")
        return default
    return millimetres


def _profile(f: Fields, folder: Path, root: Path) -> Path | None:
    name = f.text("profile")
    if name is None:
        return None
    path = (folder / name).resolve()
    if not path.is_relative_to(root.resolve()):
        f.error(f.node("profile"), f"the profile '{name}' is outside the sources folder; copy it into {folder.name}/")
        return None
    if not path.is_file():
        f.error(f.node("profile"), f"there is no profile file '{name}' in {folder.name}/")
        return None
    head = path.read_bytes()[:20]
    if len(head) < 20 or head[16:20] != b"CMYK":
        f.error(f.node("profile"), f"'{name}' is not a CMYK ICC profile; ask the printer for their CMYK"
                " output profile (a .icc file)")
        return None
    return path
