"""Readers, crashes and concurrent runs: the published warehouse only ever holds complete runs.

Runs here are real `dagster job execute -j reingest` processes, as a user or the
daemon starts them, so that they can be killed and run side by side.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import ROOT, copy_seeds, shared

DAGSTER = str(Path(sys.executable).parent / "dagster")
TABLES = ("articles", "quotes", "figures", "events", "actors")


def fill_inbox(inbox: Path, copies: int = 4) -> None:
    """The seeds and the real pages, several times over under other names: enough work to interrupt."""
    realdata = shared("realdata", "id-news-dev")
    copy_seeds(inbox)
    for n in range(copies):
        for page in sorted(realdata.glob("*.html")):
            shutil.copy(page, inbox / f"{n}-{page.name}")


def environment(workspace: Path) -> dict:
    """The workspace's files, and a Dagster instance of its own with the project's dagster.yaml."""
    home = workspace / "dagster_home"
    fresh = not home.exists()
    if fresh:
        home.mkdir()
        shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env = env | {
        "DAGSTER_HOME": str(home),
        "WARTA_SOURCES": str(workspace / "sources.yaml"),
        "WARTA_WAREHOUSE": str(workspace / "warehouse.duckdb"),
        "WARTA_WORK_DIR": str(workspace / "work"),
        "WARTA_RAW_DIR": str(workspace / "raw"),
    }
    if fresh:
        # create the instance's storage now, as a DAGSTER_HOME in use has it: two processes creating
        # it at the same moment race on its tables (Dagster's own set-up, not something a run does)
        subprocess.run([DAGSTER, "run", "list", "--limit", "1"], env=env, check=True, capture_output=True)
    return env


def start_run(workspace: Path, **settings: str) -> subprocess.Popen:
    return subprocess.Popen(
        [DAGSTER, "job", "execute", "-m", "pipelines.definitions", "-j", "reingest"],
        env=environment(workspace) | settings,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=workspace,
    )


def run_to_end(workspace: Path) -> str:
    process = start_run(workspace)
    _, log = process.communicate(timeout=600)
    assert process.returncode == 0, log[-3000:]
    return log


def counts(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as conn:
        return {t: conn.execute(f"select count(*) from analytics.{t}").fetchall()[0][0] for t in TABLES}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def first_run(workspace: Path) -> Path:
    """The sample articles loaded and published; returns the published warehouse."""
    copy_seeds(workspace / "inbox")
    run_to_end(workspace)
    return workspace / "warehouse.duckdb"


def test_a_reader_keeps_its_session_and_the_old_state_during_a_run(workspace: Path):
    published = first_run(workspace)
    before = counts(published)
    fill_inbox(workspace / "inbox", copies=1)

    reader = duckdb.connect(str(published), read_only=True)
    run = start_run(workspace)
    seen_during_run = set()
    while run.poll() is None:
        seen_during_run.add(reader.execute("select count(*) from analytics.articles").fetchall()[0][0])
        time.sleep(0.2)
    assert run.returncode == 0, run.stderr.read()[-3000:]
    assert seen_during_run == {before["articles"]}
    assert reader.execute("select count(*) from analytics.articles").fetchall()[0][0] == before["articles"]
    reader.close()

    after = counts(published)  # a new connection sees the new state
    assert after["articles"] == before["articles"] + 13


KILL_POINTS = [
    "documents - STEP_SUCCESS",  # the poll is recorded, nothing cleaned yet
    "articles - STEP_START",  # cleaning and writing articles
    "extractions - STEP_START",  # extracting quotes, figures and events
    "timeline - STEP_START",  # rebuilding the timeline
]


def kill_at(workspace: Path, marker: str, delay: float = 0.05, **settings: str) -> None:
    run = start_run(workspace, **settings)
    for line in run.stderr:
        if marker in line:
            time.sleep(delay)
            run.send_signal(signal.SIGKILL)
            break
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, f"the run ended before {marker!r}"


def test_runs_killed_at_several_points_leave_the_published_warehouse_as_it_was(workspace: Path, tmp_path_factory):
    published = first_run(workspace)
    before = digest(published)
    fill_inbox(workspace / "inbox")

    for marker in KILL_POINTS:  # one crash after another, each at a later point
        kill_at(workspace, marker)
        assert digest(published) == before, marker  # readers still see the last complete run

    run_to_end(workspace)  # the next run completes the work
    reference = tmp_path_factory.mktemp("reference")
    shutil.copytree(workspace / "inbox", reference / "inbox")
    shutil.copy(workspace / "sources.yaml", reference / "sources.yaml")
    run_to_end(reference)
    assert counts(published) == counts(reference / "warehouse.duckdb")  # everything, exactly once
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute("select count(*) - count(distinct source) from core.articles").fetchall()[0][0] == 0


def test_a_run_killed_after_two_chunks_keeps_them_and_the_next_run_does_the_rest(workspace: Path):
    published = first_run(workspace)
    fill_inbox(workspace / "inbox", copies=3)  # 39 pages, in chunks of 10
    kill_at(workspace, "cleaned 20/39 documents", delay=0, WARTA_CHUNK_SIZE="10")
    with duckdb.connect(str(workspace / "work" / "warehouse.duckdb"), read_only=True) as conn:
        kept = conn.execute("select count(*) from core.articles").fetchall()[0][0]
    assert 5 + 20 <= kept < 5 + 39  # the two chunks written before the kill stay; the rest waits

    left = 5 + 39 - kept
    assert f"cleaned {left}/{left} documents" in run_to_end(workspace)  # only what was left is cleaned
    assert counts(published)["articles"] == 5 + 39
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute("select count(*) - count(distinct source) from core.articles").fetchall()[0][0] == 0


def test_a_run_killed_while_publishing_leaves_a_complete_warehouse(workspace: Path):
    published = first_run(workspace)
    old = counts(published)
    fill_inbox(workspace / "inbox", copies=1)
    kill_at(workspace, "published_warehouse - STEP_START", delay=0)
    assert counts(published)["articles"] in (old["articles"], old["articles"] + 13)  # old or new, never half
    run_to_end(workspace)
    assert counts(published)["articles"] == old["articles"] + 13


def test_two_runs_started_together_both_succeed_one_after_the_other(workspace: Path):
    fill_inbox(workspace / "inbox", copies=1)
    first, second = start_run(workspace), start_run(workspace)
    logs = [run.communicate(timeout=600)[1] for run in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], [log[-2000:] for log in logs]
    assert any("waiting for it to finish" in log for log in logs)
    assert counts(workspace / "warehouse.duckdb")["articles"] == 5 + 13
