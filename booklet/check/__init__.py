"""Check booklets against the house standards (governance, accessibility, plain language, correctness, print).

`check()` reads the sources with the one reader and runs every rule in `rules.RULES`;
`gate_build()` is what `booklet build` runs before rendering. Loaded on first use, so the
reader can use the rules' registry without a circular import.
"""

__all__ = ["CheckReport", "CheckRequest", "check", "gate_build"]


def __getattr__(name: str):
    if name in __all__:
        from booklet.check import run
        return getattr(run, name)
    raise AttributeError(name)
