"""The wheel is the whole tool: built, installed into a fresh virtual environment and run outside the checkout.

It takes one to two minutes (a build, an install, four variants of two booklets), so it is marked
`wheel` and runs only when the environment variable CI is set (.ci/run sets it): by hand,
`CI=1 pytest tests/test_wheel.py`. pip may use its cache for the dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROJECT

pytestmark = [pytest.mark.wheel,
              pytest.mark.skipif(not os.environ.get("CI"),
                                 reason="builds and installs a wheel (a minute or two): set CI=1 to run it")]
VARIANTS = ("download", "print", "large-print", "handout")


def run(*command, cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert done.returncode == 0, f"{' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with only the wheel (and its dependencies) installed: its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(PROJECT), cwd=work)
    wheel = next((work / "dist").glob("booklet-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("booklet/styles/booklet.css", "booklet/styles/theme.yml", "booklet/styles/fonts/OFL.txt",
                   "booklet/styles/icc/ISOcoated_v2_300_bas.icc", "booklet/templates/booklet.html",
                   "booklet/scaffold/files/booklet.yml", "booklet/strings/en.yml",
                   "booklet/strings/zh-Hans.yml"):
        assert needed in names, needed
    assert any(name.endswith("/licenses/LICENSE") for name in names)
    venv.create(work / "venv", with_pip=True)
    bin_folder = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    run(str(bin_folder / "python"), "-m", "pip", "install", "-q", "-c", str(PROJECT / "constraints.txt"), str(wheel),
        cwd=work)
    return bin_folder


def test_init_new_build_and_check_outside_the_checkout(installed, tmp_path):
    booklet = str(installed / "booklet")
    run(booklet, "init", cwd=tmp_path)
    run(booklet, "new", "scans", cwd=tmp_path)
    built = run(booklet, "build", cwd=tmp_path)
    for slug in ("living-well", "scans"):
        for variant in VARIANTS:
            assert (tmp_path / "output" / slug / f"{slug}-{variant}.pdf").stat().st_size > 10_000, built
    checked = run(booklet, "check", cwd=tmp_path)
    assert "No problems found in 2 booklets" in checked
    # The contrast rule really runs from the wheel: a pale brand is an error at its line in theme.yml.
    theme = tmp_path / "sources" / "_shared" / "theme.yml"
    theme.write_text('colours:\n  brand: "#9fc5e8"\n')
    failed = subprocess.run([booklet, "check"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1 and "sources/_shared/theme.yml:2: error: " in failed.stdout, failed.stdout
    assert "[contrast]" in failed.stdout
    # The tool ran from the wheel's copy in the virtual environment, not from this checkout.
    where = run(str(installed / "python"), "-c", "import booklet; print(booklet.__file__)", cwd=tmp_path)
    assert not Path(where.strip()).is_relative_to(PROJECT)
