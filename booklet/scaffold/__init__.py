"""Start a publisher's sources: `booklet init` writes a new sources root, `booklet new` a new booklet in one."""

from booklet.scaffold.create import ScaffoldError, init_sources, new_booklet

__all__ = ["ScaffoldError", "init_sources", "new_booklet"]
