"""time_limit: a slow document is interrupted, a fast one is left alone, and whatever timer
and handler were there before are there again afterwards."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from pipelines.lib.limits import DocumentTimeout, can_interrupt, time_limit

pytestmark = pytest.mark.skipif(not can_interrupt(), reason="interrupting needs CPython or SIGALRM")


def slow_loop(seconds: float) -> int:
    """Pure-Python work that runs ``seconds`` unless interrupted."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        n += 1
    return n


def test_a_slow_pure_python_loop_is_interrupted():
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match="took longer than 0.2 s"):
        with time_limit(0.2):
            slow_loop(10)
    assert time.monotonic() - started < 2


def test_a_fast_block_runs_to_its_end_and_leaves_no_timer():
    with time_limit(5):
        assert sum(range(1000)) == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    slow_loop(0.1)  # no stray alarm afterwards


def test_code_that_swallows_the_timeout_is_interrupted_again():
    def stubborn():
        try:
            slow_loop(10)
        except Exception:  # a library's broad except swallows the first alarm
            pass
        slow_loop(10)  # and goes on working

    started = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with time_limit(0.1):
            stubborn()
    assert time.monotonic() - started < 2


def test_the_previous_handler_and_timer_are_restored():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with time_limit(5):
            slow_loop(0.1)
        handler = signal.getsignal(signal.SIGALRM)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0.2 < remaining < 0.55  # the outer timer goes on, less the time spent inside
        slow_loop(0.7)
        assert fired == [signal.SIGALRM]
        assert handler is not None and handler is signal.getsignal(signal.SIGALRM)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_an_inner_limit_never_extends_the_outer_one():
    with pytest.raises(DocumentTimeout, match="the batch took longer than 0.2 s"):
        with time_limit(0.2, "the batch"):
            with time_limit(30, "one document"):
                slow_loop(10)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def on_a_thread(work) -> list:
    """What ``work`` returned or raised, run on a thread of its own (as a Dask worker runs a step)."""
    outcome = []

    def run():
        try:
            outcome.append(work())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    return outcome


def test_on_another_thread_a_slow_loop_is_interrupted_too():
    def limited():
        with time_limit(0.2):
            return slow_loop(10)

    started = time.monotonic()
    (outcome,) = on_a_thread(limited)
    assert isinstance(outcome, DocumentTimeout) and str(outcome) == "the document took longer than 0.2 s"
    assert time.monotonic() - started < 2


def test_on_another_thread_swallowing_the_timeout_does_not_help():
    def stubborn():
        with time_limit(0.1):
            try:
                slow_loop(10)
            except Exception:
                pass
            return slow_loop(10)

    (outcome,) = on_a_thread(stubborn)
    assert isinstance(outcome, DocumentTimeout)


def test_on_another_thread_a_fast_block_leaves_nothing_behind():
    def one_document():
        try:
            with time_limit(0.001):
                slow_loop(0.001)
        except DocumentTimeout:
            pass

    def fast_then_slow():
        for _ in range(200):  # many limits that end just around their deadline
            one_document()
        slow_loop(0.3)  # no interruption arrives after the blocks
        return "finished"

    assert on_a_thread(fast_then_slow) == ["finished"]
    assert on_a_thread(lambda: _within(5, 0.1)) == ["finished"]


def _within(limit: float, work: float) -> str:
    with time_limit(limit):
        slow_loop(work)
    slow_loop(0.2)
    return "finished"


def test_on_another_thread_an_inner_limit_never_extends_the_outer_one():
    def nested():
        with time_limit(0.2, "the batch"):
            with time_limit(30, "one document"):
                slow_loop(10)

    (outcome,) = on_a_thread(nested)
    assert str(outcome) == "the batch took longer than 0.2 s"
