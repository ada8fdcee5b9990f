"""Pure per-document work spread over the machine's cores.

``Workers(n).map(fn, items)`` runs ``fn`` on every item in a pool of ``n`` worker processes and
returns the results in the order of the items; ``map_chunks(fn, chunks)`` does it chunk after chunk,
the next chunk already in the pool while the caller writes this one's results, so the workers do not
wait on the writer; ``fn`` and the items must pickle (module-level
functions, plain data). The pool starts on the first map that has enough work for it and lives
until the ``with`` block ends, so a run pays its start-up once, and a run with little or nothing
to do never starts it. With one worker everything runs in this process. Workers are started by a
fork server (a fresh interpreter that has imported the cleaning and extraction code), not forked from
a process that holds a database connection and threads, and end by themselves when the process that
started them is killed. ``start_fork_server()`` starts that server ahead of the first pool, so that its
imports overlap the caller's own start-up. Each worker runs ``fn`` on its main thread, so the
per-document time limit holds there.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

OWNER_CHECK_SECONDS = 1.0
TASKS_PER_WORKER = 16  # per chunk: small tasks, so that no worker waits long on another's last one
PRELOAD = ["pipelines.lib.text.article", "pipelines.lib.extract.analysis", "pipelines.lib.warehouse.frames"]


def default_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def start_fork_server() -> None:
    """Start the fork server the pools' workers come from, if it is not running yet; it imports the code the
    workers run on a core of its own while this process goes on."""
    multiprocessing.forkserver.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()


class Workers:
    def __init__(self, count: int | None = None, min_items_per_worker: int = 4):
        self.count = max(1, count or default_count())
        self.min_items = self.count * min_items_per_worker
        self._pool: ProcessPoolExecutor | None = None

    @property
    def running(self) -> bool:
        """Whether the pool's processes have been started."""
        return self._pool is not None

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return self._submitted(fn, items)()

    def map_chunks(self, fn: Callable[[T], R], chunks: Iterable[Sequence[T]]) -> Iterator[tuple[Sequence[T], list[R]]]:
        """Each chunk with ``map(fn, chunk)``, in order; chunk k+1 is handed to the pool before the results of
        chunk k are given back, so at most two chunks are in flight."""
        ahead: tuple[Sequence[T], Callable[[], list[R]]] | None = None
        for items in chunks:
            submitted = (items, self._submitted(fn, items))
            if ahead is not None:
                yield ahead[0], ahead[1]()
            ahead = submitted
        if ahead is not None:
            yield ahead[0], ahead[1]()

    def _submitted(self, fn: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
        """The results of ``fn`` on ``items``, to collect: already computing in the pool, or computed here
        when asked (one worker, or too little work to start the pool for)."""
        if self.count == 1 or (self._pool is None and len(items) < self.min_items):
            return lambda: [fn(item) for item in items]
        chunksize = max(1, len(items) // (self.count * TASKS_PER_WORKER))
        results = self._started().map(fn, items, chunksize=chunksize)
        return lambda: list(results)

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            start_fork_server()
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(
                max_workers=self.count, mp_context=context, initializer=watch_owner, initargs=(os.getpid(),)
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def watch_owner(owner: int, every: float = OWNER_CHECK_SECONDS) -> None:
    """In a worker: end this process once the process that started the pool is gone (killed, so it could not
    shut the pool down), instead of waiting for work forever."""

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(owner, 0)
            except (ProcessLookupError, PermissionError):  # gone, or its number taken by another user's process
                os._exit(0)

    threading.Thread(target=watch, name="warta-owner-watch", daemon=True).start()
