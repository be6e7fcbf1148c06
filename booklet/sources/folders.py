"""Find the booklets under a sources root: kept apart so that finding them loads nothing else."""

from __future__ import annotations

from pathlib import Path


def booklet_folders(root: Path) -> list[Path]:
    """Every booklet under the root: a folder not starting with _ or . that holds a booklet.yml."""
    return sorted(p for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")) and (p / "booklet.yml").is_file())
