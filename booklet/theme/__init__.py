"""A publisher's house style: read `_shared/theme.yml` over the house theme and turn it into CSS."""

from booklet.theme.css import properties, theme_css
from booklet.theme.model import Role, Theme
from booklet.theme.reader import HOUSE_THEME, load_theme, read_theme

__all__ = ["HOUSE_THEME", "Role", "Theme", "load_theme", "properties", "read_theme", "theme_css"]
