"""A publisher's house style: read `_shared/theme.yml` over the house theme and turn it into CSS.

The names below load their module on first use: a render worker needs the CSS of a theme
it was handed, not the YAML reader.
"""

_WHERE = {"properties": "css", "theme_css": "css", "Role": "model", "Theme": "model",
          "HOUSE_THEME": "reader", "load_theme": "reader", "read_theme": "reader"}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        import importlib
        return getattr(importlib.import_module(f"booklet.theme.{_WHERE[name]}"), name)
    raise AttributeError(name)
