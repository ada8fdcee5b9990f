"""Per-document work spreads over worker processes, in order, with the time limit held in each worker."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipelines.lib.limits import DocumentTimeout, time_limit
from pipelines.lib.workers import Workers, start_fork_server


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


def parent_and_preloaded(n: int) -> tuple[int, bool]:
    return os.getppid(), "pipelines.lib.text.article" in sys.modules  # this module does not import it


def test_every_pool_forks_its_workers_from_one_server_started_ahead_with_the_cleaning_code_loaded():
    start_fork_server()
    start_fork_server()
    with Workers(2) as first:
        results = first.map(parent_and_preloaded, list(range(16)))
    with Workers(2) as second:
        results += second.map(parent_and_preloaded, list(range(16)))
    assert len({parent for parent, _ in results} - {os.getpid()}) == 1
    assert all(loaded for _, loaded in results)


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


def started_marker(task: tuple[str, int]) -> int:
    folder, n = task
    open(os.path.join(folder, f"started-{n}"), "w").close()
    time.sleep(0.05)
    return n


def test_the_next_chunk_is_computed_while_the_caller_handles_this_one(tmp_path):
    chunks = [[(str(tmp_path), n) for n in range(k * 10, k * 10 + 10)] for k in range(3)]
    seen = []
    with Workers(2) as workers:
        for _, results in workers.map_chunks(started_marker, chunks):
            chunk = len(seen)
            seen.append(results)
            if chunk < 2:  # the caller is still busy with this chunk: the next one is in the pool already
                ahead = [tmp_path / f"started-{n}" for n in range(chunk * 10 + 10, chunk * 10 + 20)]
                deadline = time.monotonic() + 10
                while not any(p.exists() for p in ahead) and time.monotonic() < deadline:
                    time.sleep(0.01)
                assert any(p.exists() for p in ahead)
    assert seen == [list(range(k * 10, k * 10 + 10)) for k in range(3)]


def test_with_one_worker_chunks_are_computed_here_one_at_a_time(tmp_path):
    chunks = [[(str(tmp_path), n) for n in range(k * 3, k * 3 + 3)] for k in range(2)]
    with Workers(1) as workers:
        _, first = next(workers.map_chunks(started_marker, chunks))
        assert first == [0, 1, 2] and not (tmp_path / "started-3").exists()


OWNER = """
import os, sys, time
from pipelines.lib.workers import Workers
from tests.test_workers import square_and_pid
workers = Workers(2)
pids = {pid for _, pid in workers.map(square_and_pid, list(range(40)))}
print(" ".join(str(pid) for pid in pids), flush=True)
time.sleep(60)
"""


def holds_dagster(n: int) -> bool:
    return "dagster" in sys.modules


ENTRY_SCRIPT = """
import sys
from pipelines.cli import main  # as the `warta` script does: workers import the main script again
from pipelines.lib.workers import Workers
from tests.test_workers import holds_dagster
if __name__ == "__main__":
    with Workers(2) as workers:
        print("dagster" in sys.modules, any(workers.map(holds_dagster, list(range(16)))))
"""


def test_workers_started_under_the_warta_script_do_not_load_dagster(tmp_path):
    script = tmp_path / "warta"
    script.write_text(ENTRY_SCRIPT)
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_workers_end_when_the_process_that_started_them_is_killed():
    owner = subprocess.Popen([sys.executable, "-c", OWNER], stdout=subprocess.PIPE, text=True)
    pids = [int(pid) for pid in owner.stdout.readline().split()]
    assert len(pids) == 2 and owner.pid not in pids
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in pids)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as stat:  # a zombie has ended; it only waits for its parent to read it
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
