"""A per-document time limit: ``with time_limit(30): build_article(...)``.

Hostile input is made harmless by the extractors themselves (size limit, bounded nesting,
no entity expansion, linear scans), but one slow document must still never hold up a
batch. ``time_limit`` interrupts the block with :class:`DocumentTimeout` once it has run
for ``seconds`` (wall-clock).

How, on the main thread of a platform with SIGALRM (Linux, macOS): ``signal.setitimer(ITIMER_REAL)``
and a SIGALRM handler that raises. On any other thread (a Dask worker runs its tasks in threads):
a watcher thread that, at the deadline, has CPython raise the exception in the limited thread
(``PyThreadState_SetAsyncExc``). Both interrupt Python code between two bytecodes, neither a single
long call into C, which is why the extractors bound their own work. Where neither is possible
(another Python implementation, a sub-interpreter) ``time_limit`` is a no-op, and
:func:`can_interrupt` says so beforehand. After the first interruption it is repeated every
``REFIRE_SECONDS``, so code that swallows exceptions with a broad ``except Exception`` (libraries
do) is interrupted again right after. On exit nothing of the limit is left behind: the previous
SIGALRM handler and timer are restored, a watcher stops and takes back an exception not raised
yet; an enclosing ``time_limit`` keeps its own deadline (the inner one never extends it).
"""

from __future__ import annotations

import ctypes
import math
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

REFIRE_SECONDS = 0.05


class DocumentTimeout(Exception):
    """A document took longer than its time limit."""


def can_interrupt() -> bool:
    """Whether ``time_limit`` can interrupt code here (by SIGALRM on the main thread, else by a watcher)."""
    return _on_signal_thread() or sys.implementation.name == "cpython"


def _on_signal_thread() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def time_limit(seconds: float, what: str = "the document") -> AbstractContextManager[None]:
    """Raise :class:`DocumentTimeout` in the block once it runs longer than ``seconds``.

    A no-op where nothing can interrupt (see :func:`can_interrupt`) and for a limit that
    is not a positive finite number.
    """
    if not (can_interrupt() and 0 < seconds < math.inf):
        return nullcontext()
    if _on_signal_thread():
        return _signal_limit(seconds, what)
    return _WatchedLimit(seconds, what)


@contextmanager
def _signal_limit(seconds: float, what: str) -> Iterator[None]:
    started = time.monotonic()
    deadline = started + seconds
    try:
        previous_handler = signal.getsignal(signal.SIGALRM)
        previous_delay, previous_interval = signal.getitimer(signal.ITIMER_REAL)
    except ValueError:  # not the main interpreter
        yield
        return
    outer_deadline = started + previous_delay if previous_delay else math.inf

    def on_alarm(signum, frame):
        now = time.monotonic()
        if now >= outer_deadline and outer_deadline <= deadline and callable(previous_handler):
            return previous_handler(signum, frame)  # the enclosing limit came first
        if now >= deadline:
            raise DocumentTimeout(f"{what} took longer than {seconds:g} s")
        return None  # an alarm for an outer timer whose handler is not ours to run: wait

    try:
        signal.signal(signal.SIGALRM, on_alarm)
    except ValueError:  # a sub-interpreter
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, min(seconds, previous_delay or math.inf), REFIRE_SECONDS)
    try:
        yield
    finally:
        _restore(previous_handler, previous_delay, previous_interval, started)


def _restore(handler, delay: float, interval: float, started: float) -> None:
    """Stop this limit's timer, then put back the enclosing handler and timer.

    An alarm may still be handled while the timer is stopped (Python runs handlers between
    bytecodes): its DocumentTimeout is dropped and the stopping done again. An enclosing
    timer already due fires right after.
    """
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, handler)
            break
        except DocumentTimeout:
            continue
    if delay:
        remaining = delay - (time.monotonic() - started)
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-6), interval)


class _WatchedLimit:
    """The limit on a thread other than the main one: a watcher raises in this thread at the deadline.

    The watcher raises this limit's own subclass of DocumentTimeout (an enclosing limit's passes through
    untouched), and only while the block runs: ``inside`` is true and the frame that entered the block is still
    on the thread's stack (so never into a later thread that reuses the identifier). No lock is shared with
    the limited thread, which an interruption could leave held: the watcher raises the flag ``firing`` before
    it looks at ``inside``; the thread, leaving, lowers ``inside``, waits while ``firing`` is up, then takes
    back an interruption not raised yet. Either the watcher sees the block left, or the thread sees it firing.
    An interruption that lands on the very first step of leaving leaves the ``with`` as the timeout it is;
    the watcher then stops once the function that entered the block returns (callers limit one call).
    """

    def __init__(self, seconds: float, what: str):
        self.seconds, self.what = seconds, what
        self.ours = type("DocumentTimeout", (DocumentTimeout,), {})
        self.thread, self.left = threading.get_ident(), threading.Event()
        self.inside, self.firing = True, False

    def __enter__(self) -> None:
        self.frame = sys._getframe(1)
        threading.Thread(target=self._watch, name="warta-time-limit", daemon=True).start()

    def __exit__(self, kind, error, traceback) -> bool:
        foreign = self._leave()
        if kind is not None and issubclass(kind, self.ours):
            raise DocumentTimeout(f"{self.what} took longer than {self.seconds:g} s") from None
        if foreign is not None:
            raise foreign
        return False

    def _leave(self) -> DocumentTimeout | None:
        """Stop the watcher; an enclosing limit's timeout raised meanwhile is returned, to raise once out."""
        foreign = None
        while True:
            try:
                self.inside = False
                while self.firing:
                    time.sleep(0.0005)
                _raise_in(self.thread, None)
                self.left.set()
                return foreign
            except DocumentTimeout as error:  # raised while leaving: leave again
                foreign = foreign if isinstance(error, self.ours) else error

    def _watch(self) -> None:
        delay = self.seconds
        while not self.left.wait(delay):
            self.firing = True
            try:
                if not (self.inside and self._block_is_running()):
                    return
                _raise_in(self.thread, self.ours)
            finally:
                self.firing = False
            delay = REFIRE_SECONDS

    def _block_is_running(self) -> bool:
        frame = sys._current_frames().get(self.thread)
        while frame is not None and frame is not self.frame:
            frame = frame.f_back
        return frame is not None


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    pending = ctypes.py_object(exception) if exception else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), pending)
