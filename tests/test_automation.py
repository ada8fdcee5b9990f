"""Sensors, schedules and jobs as Dagster sees them: evaluated with Dagster's test helpers."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.defs.ingest.schedules import hourly_poll
from pipelines.defs.ingest.sensors import inbox_sensor


@pytest.fixture
def sources_file(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "inbox").mkdir()
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        "  - {name: inbox, inbox: inbox}\n"
        "  - {name: world, feed: 'https://example.com/rss.xml'}\n"
        "  - {name: picked, urls: ['https://example.com/a']}\n"
    )
    monkeypatch.setenv("WARTA_SOURCES", str(path))
    return path


def evaluate(cursor: str | None):
    context = dg.build_sensor_context(cursor=cursor)
    return inbox_sensor(context), context.cursor


def test_a_batch_of_new_files_requests_exactly_one_run_of_the_inbox(sources_file: Path):
    _, cursor = evaluate(None)  # the inbox as it is now
    for name in ("satu.txt", "dua.txt", "tiga.html"):
        (sources_file.parent / "inbox" / name).write_text("Judul\n\nIsi berita.\n")
    result, cursor = evaluate(cursor)
    assert isinstance(result, dg.RunRequest)
    assert result.run_config["ops"]["documents"]["config"]["sources"] == ["inbox"]
    again, _ = evaluate(cursor)
    assert isinstance(again, dg.SkipReason)


def test_nothing_changed_requests_no_run(sources_file: Path):
    (sources_file.parent / "inbox" / "satu.txt").write_text("Judul\n\nIsi berita.\n")
    _, cursor = evaluate(None)
    result, _ = evaluate(cursor)
    assert isinstance(result, dg.SkipReason)


def test_a_changed_file_requests_a_run(sources_file: Path):
    article = sources_file.parent / "inbox" / "satu.txt"
    article.write_text("Judul\n\nIsi berita.\n")
    _, cursor = evaluate(None)
    article.write_text("Judul\n\nIsi berita yang diperbarui.\n")
    result, _ = evaluate(cursor)
    assert isinstance(result, dg.RunRequest)


def test_the_hourly_poll_asks_for_the_web_sources_and_is_off_by_default(sources_file: Path):
    result = hourly_poll(dg.build_schedule_context())
    assert result.run_config["ops"]["documents"]["config"]["sources"] == ["world", "picked"]
    assert hourly_poll.default_status == dg.DefaultScheduleStatus.STOPPED
    assert hourly_poll.cron_schedule == "0 * * * *"


def test_the_definitions_hold_the_jobs_sensor_and_schedule():
    from pipelines.definitions import defs

    assert {"reingest", "reextract"} <= {job.name for job in defs.resolve_all_job_defs()}
    assert defs.resolve_sensor_def("inbox_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert defs.resolve_schedule_def("hourly_poll").job_name == "reingest"


def test_every_asset_that_writes_the_warehouse_is_in_the_writer_pool():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    pools = {key.to_user_string(): graph.get(key).pools for key in graph.get_all_asset_keys()}
    staged = pools.pop("staged_warc")  # the backfill's staged files: written with no warehouse connection
    assert all(pool == {"warehouse"} for pool in pools.values()), pools
    assert not staged
