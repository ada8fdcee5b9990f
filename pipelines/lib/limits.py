"""A per-document time limit: ``with time_limit(30): build_article(...)``.

Hostile input is made harmless by the extractors themselves (size limit, bounded nesting,
no entity expansion, linear scans), but one slow document must still never hold up a
batch. ``time_limit`` interrupts the block with :class:`DocumentTimeout` once it has run
for ``seconds`` (wall-clock).

How: ``signal.setitimer(ITIMER_REAL)`` and a SIGALRM handler that raises. That is only
possible on the main thread of the main interpreter of a platform with SIGALRM (Linux,
macOS); anywhere else (a worker thread, Windows, a sub-interpreter) ``time_limit`` is a
no-op, and :func:`can_interrupt` says so beforehand. After the first alarm the timer keeps
firing every ``REFIRE_SECONDS``, so code that swallows exceptions with a broad
``except Exception`` (libraries do) is interrupted again right after. On exit the previous
SIGALRM handler and timer are restored; an enclosing ``time_limit`` keeps its own deadline
(the inner one never extends it).
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

REFIRE_SECONDS = 0.05


class DocumentTimeout(Exception):
    """A document took longer than its time limit."""


def can_interrupt() -> bool:
    """Whether ``time_limit`` can interrupt code here (main thread, SIGALRM available)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, what: str = "the document") -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block once it runs longer than ``seconds``.

    A no-op where signals cannot interrupt (see :func:`can_interrupt`) and for a limit that
    is not a positive finite number.
    """
    if not (can_interrupt() and 0 < seconds < math.inf):
        yield
        return
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
