"""Load Babel's CLDR data without its look-up of the computer's time zone, which reads system files.

Babel computes the local time zone when `babel.localtime` is first imported (it reads /etc/localtime,
/etc/timezone and /usr/share/zoneinfo), and any locale's data imports it: the pickled data hold
`babel.dates` objects, and `babel.dates` imports `babel.localtime`. A build reads no file outside the
sources and the package, and booklet writes dates, never times, so the local zone is never needed:
before Babel is loaded, `babel.localtime` is registered as a module that says UTC and opens nothing.
"""

from __future__ import annotations

import datetime as dt
import sys
import types


def _without_local_zone() -> None:
    if "babel.localtime" in sys.modules:
        return                   # already loaded by whoever imported Babel first: theirs stays
    zone = types.ModuleType("babel.localtime", "The UTC zone in place of the computer's (booklet.compose.cldr).")
    zone.LOCALTZ = dt.timezone.utc
    zone.get_localzone = lambda: dt.timezone.utc
    # What babel.util re-exports from it.
    zone.ZERO = zone.STDOFFSET = zone.DSTOFFSET = zone.DSTDIFF = dt.timedelta(0)
    sys.modules["babel.localtime"] = zone


_without_local_zone()

import babel  # noqa: E402  (after the module above is in place)

babel.localtime = sys.modules["babel.localtime"]
