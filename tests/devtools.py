"""Drive a real headless Chromium through the DevTools protocol on a pipe, for what a page does once open.

`--dump-dom` returns when a page has loaded, so it cannot see a page reload itself, nor be told to
run no script. Chromium's `--remote-debugging-pipe` reads protocol commands on its fd 3 and
writes answers on its fd 4, each a JSON message ended by a NUL byte: no client library needed.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from tests.browser import CHROMIUM, FLAGS


class DevTools:
    """One browser with one page, attached; `call` sends a command to the page and waits for its answer."""

    def __init__(self, profile: Path, width: int = 390, height: int = 844):
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def onto_3_and_4():                 # in the child, before exec: the fds Chromium reads and writes
            read, write = os.dup(commands_read), os.dup(answers_write)   # above 4, so neither is overwritten
            os.dup2(read, 3)
            os.dup2(write, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE if os.environ.get("DEVTOOLS_DEBUG") else subprocess.DEVNULL,
            preexec_fn=onto_3_and_4, close_fds=False)
        os.close(commands_read)
        os.close(answers_write)
        self._buffer, self._next, self.events = b"", 0, []
        self.session = None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method: str, timeout: float = 30, **params) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if self.session is not None and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _read(self, deadline: float) -> dict:
        import select
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._answers], [], [], left)[0]:
                raise TimeoutError("the browser did not answer")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise EOFError("the browser closed its pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def shown(self) -> str:
        """The page's visible text; "" while it is between two documents (reloading)."""
        try:
            return self.evaluate("document.body ? document.body.innerText : ''") or ""
        except RuntimeError:
            return ""

    def open(self, url: str, timeout: float = 30) -> None:
        """Go to `url` and wait until it has loaded."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for(lambda: any(e.get("method") == "Page.loadEventFired" for e in self.events), timeout)

    def wait_for(self, condition, timeout: float = 15, every: float = 0.02) -> float:
        """Poll `condition` (events arriving meanwhile); the seconds it took to hold."""
        started = time.monotonic()
        while not condition():
            if time.monotonic() - started > timeout:
                raise TimeoutError("the page never got there")
            try:
                self.events.append(self._read(time.monotonic() + every))
            except TimeoutError:
                pass
        return time.monotonic() - started

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (OSError, RuntimeError, TimeoutError, EOFError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._answers):
            os.close(fd)
