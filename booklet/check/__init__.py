"""Check booklets against the house standards (governance, accessibility, plain language, correctness, print).

`check()` reads the sources leniently and runs every rule in `rules.RULES`; `gate_build()`
is what `booklet build` runs before rendering.
"""

from booklet.check.run import CheckReport, CheckRequest, check, gate_build

__all__ = ["CheckReport", "CheckRequest", "check", "gate_build"]
