"""One writer at a time: an exclusive lock on a file beside the working warehouse.

Dagster's run queue already serializes runs it launches (dagster.yaml); this lock
also covers runs started outside the queue (``warta run``, ``dagster job execute``).
A second writer waits for the first instead of failing; the lock is released by the
operating system when its holder exits, even after SIGKILL.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path


class LockTimeout(TimeoutError):
    pass


class RunLock:
    def __init__(self, path: Path, timeout_seconds: float = 3600.0, poll_seconds: float = 0.2):
        self.path = Path(path)
        self.timeout_seconds = timeout_seconds
        self.poll_seconds = poll_seconds
        self._fd: int | None = None

    def acquire(self, on_wait: Callable[[str], None] | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout_seconds
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise LockTimeout(f"another run held {self.path} for more than {self.timeout_seconds:g} s")
                if not waited and on_wait:
                    on_wait(f"another run is writing the warehouse ({self.path}); waiting for it to finish")
                waited = True
                time.sleep(self.poll_seconds)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
