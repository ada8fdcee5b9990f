"""Per-document work spreads over worker processes, in order, with the time limit held in each worker."""

import os
import time

from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.workers import Workers


def square_and_pid(n: int) -> tuple[int, int]:
    time.sleep(0.01)
    return n * n, os.getpid()


def slow_unless_small(n: int) -> str:
    try:
        with time_limit(0.2):
            time.sleep(5 if n == 3 else 0)
    except DocumentTimeout:
        return "too slow"
    return "done"


def test_results_come_back_in_order_from_more_than_one_process():
    with Workers(2) as workers:
        results = workers.map(square_and_pid, list(range(40)))
    assert [square for square, _ in results] == [n * n for n in range(40)]
    assert len({pid for _, pid in results} - {os.getpid()}) == 2


def test_a_few_items_are_done_here_without_starting_a_pool():
    with Workers(2) as workers:
        results = workers.map(square_and_pid, [1, 2, 3])
        assert not workers.running
    assert {pid for _, pid in results} == {os.getpid()}


def test_the_time_limit_holds_inside_a_worker():
    started = time.perf_counter()
    with Workers(2) as workers:
        outcomes = workers.map(slow_unless_small, list(range(10)))
    assert outcomes == ["done"] * 3 + ["too slow"] + ["done"] * 6
    assert time.perf_counter() - started < 4
