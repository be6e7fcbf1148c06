"""A publisher's house style: read `_shared/theme.yml` over the house theme (reader.py) and turn it
into CSS (css.py); model.py holds what passes between them."""
