"""What the server tells the open pages: a version that moves on with each round, and that round's problems."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    version: int
    problems: tuple[str, ...] = ()

    def as_json(self) -> str:
        return json.dumps({"version": self.version, "problems": list(self.problems)})


class Status:
    """Shared by the rebuilding thread (which publishes) and the request threads (which wait)."""

    def __init__(self):
        self._snapshot = Snapshot(0)
        self._changed = threading.Condition()
        self.closed = False

    @property
    def now(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def publish(self, problems: tuple[str, ...]) -> Snapshot:
        with self._changed:
            self._snapshot = Snapshot(self._snapshot.version + 1, problems)
            self._changed.notify_all()
            return self._snapshot

    def wait_past(self, version: int, timeout: float) -> Snapshot:
        """The first snapshot newer than `version`, or the current one after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot.version > version or self.closed, timeout)
            return self._snapshot

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()
