"""Turn a booklet's `online:` address into a vector QR code, as an SVG data URI for the back cover."""

from __future__ import annotations

import functools

QUIET_ZONE_MODULES = 4        # ISO/IEC 18004 asks for four modules of light margin round the code


@functools.lru_cache(maxsize=64)
def qr_data_uri(address: str) -> str:
    """The code for `address` drawn in black paths (the press file turns black into 100 % K alone).

    Error correction M survives a scuffed rack copy; the SVG has a viewBox and no size, so the
    stylesheet decides how big it prints; the quiet zone is inside the drawing, so that width
    includes it."""
    import segno              # loaded here: only the print variant has a QR code (and segno loads urllib, ssl)
    code = segno.make(address, error="m", micro=False, boost_error=False)
    return code.svg_data_uri(scale=1, border=QUIET_ZONE_MODULES, dark="#000", light=None, omitsize=True,
                             svgclass=None, lineclass=None, encode_minimal=False)
