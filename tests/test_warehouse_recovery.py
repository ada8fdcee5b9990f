"""The warehouse files at the start of a run: places that cannot be written are an error before any
work, and a damaged working warehouse is set aside and made again while the published file stays."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines import settings
from pipelines.cli import run
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.warehouse.recovery import damage, prepare_working
from tests.conftest import copy_seeds, resources_for


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def truncate(path: Path) -> None:
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)


def articles_processed(result: dg.ExecuteInProcessResult) -> int:
    return next(
        e.materialization.metadata["processed"].value
        for e in result.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey("articles")
    )


def count(database: Path, table: str) -> int:
    with duckdb.connect(str(database), read_only=True) as conn:
        return conn.execute(f"select count(*) from analytics.{table}").fetchall()[0][0]


@pytest.fixture
def loaded(workspace: Path) -> Path:
    """The seeds loaded and published once; returns the working warehouse."""
    copy_seeds(workspace / "inbox")
    assert run(resources=resources_for(workspace)).success
    return workspace / "work" / "warehouse.duckdb"


def test_a_truncated_working_warehouse_is_made_again_from_the_published_copy(workspace: Path, loaded: Path):
    published = workspace / "warehouse.duckdb"
    before = digest(published)
    truncate(loaded)
    assert "Could not read" in damage(loaded)
    messages = []
    prepare_working(loaded, published, messages.append)
    assert digest(published) == before  # only read
    assert damage(loaded) is None and digest(loaded) == before
    [aside] = loaded.parent.glob("warehouse.duckdb.damaged-*")
    assert str(aside) in messages[0] and "starts from the published copy" in messages[1]

    truncate(loaded)
    result = run(resources=resources_for(workspace))  # at the start of a run, the same
    assert result.success and articles_processed(result) == 0  # nothing held is read again
    assert count(published, "articles") == 5


def test_without_a_published_copy_the_run_starts_empty_and_reads_the_sources_again(workspace: Path, loaded: Path):
    (workspace / "warehouse.duckdb").unlink()
    loaded.write_bytes(b"\0" * 4096)
    result = run(resources=resources_for(workspace))
    assert result.success and articles_processed(result) == 5
    assert count(workspace / "warehouse.duckdb", "articles") == 5


def test_a_warehouse_another_process_holds_is_not_taken_for_damage(workspace: Path, loaded: Path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print(1, flush=True); "
         "time.sleep(60)", str(loaded)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        holder.stdout.readline()
        with pytest.raises(duckdb.Error, match="lock"):
            damage(loaded)
    finally:
        holder.kill()
        holder.wait()
    assert loaded.exists() and not list(loaded.parent.glob("*.damaged-*"))


def resources(workspace: Path, published: Path, work_dir: Path, raw_dir: Path | None = None) -> dict:
    return {
        "warehouse": WarehouseResource(path=str(published), work_dir=str(work_dir)),
        "sources": SourcesResource(path=str(workspace / "sources.yaml"), raw_dir=str(raw_dir or workspace / "raw")),
    }


def failure(workspace: Path, **places) -> str:
    """The run's error messages; the run must fail before it reads or publishes anything."""
    copy_seeds(workspace / "inbox")
    with pytest.raises(Exception) as raised:
        run(resources=resources(workspace, **places))
    error = raised.value
    messages = []
    while error is not None:
        messages.append(str(error))
        error = error.__cause__ or error.__context__
    assert not [p for p in workspace.rglob("*") if p.is_file() and p.suffix in (".tmp", ".gz")]
    assert not places["published"].is_file()
    return "\n".join(messages)


def test_a_warehouse_setting_that_names_a_directory_is_an_error_before_any_work(workspace: Path):
    (workspace / "published").mkdir()
    message = failure(workspace, published=workspace / "published", work_dir=workspace / "work")
    assert f"WARTA_WAREHOUSE: {workspace / 'published'} is a directory; it must name a file" in message


@pytest.mark.parametrize("setting", ["WARTA_WAREHOUSE", "WARTA_WORK_DIR", "WARTA_RAW_DIR"])
def test_a_folder_that_cannot_be_written_is_an_error_before_any_work(workspace: Path, setting: str):
    (workspace / "berkas").write_text("a file where a folder should be")
    blocked = workspace / "berkas" / "data"
    places = {"published": workspace / "warehouse.duckdb", "work_dir": workspace / "work", "raw_dir": None}
    places[{"WARTA_WAREHOUSE": "published", "WARTA_WORK_DIR": "work_dir", "WARTA_RAW_DIR": "raw_dir"}[setting]] = (
        blocked / "warehouse.duckdb" if setting == "WARTA_WAREHOUSE" else blocked
    )
    message = failure(workspace, **places)
    assert f"{setting}: cannot write in" in message


def test_a_working_warehouse_that_would_be_the_published_one_is_an_error(workspace: Path):
    message = failure(workspace, published=workspace / "warehouse.duckdb", work_dir=workspace)
    assert "the working warehouse would be the published one" in message


@pytest.mark.parametrize(
    ("variable", "value", "read"),
    [
        ("WARTA_MAX_BYTES", "lima juta", settings.max_bytes),
        ("WARTA_MAX_BYTES", "-1", settings.max_bytes),
        ("WARTA_MAX_BYTES", "2.5", settings.max_bytes),
        ("WARTA_MAX_SECONDS", "nan", settings.max_seconds),
        ("WARTA_MAX_SECONDS", "0", settings.max_seconds),
    ],
)
def test_a_limit_that_is_no_number_above_zero_is_an_error_naming_its_variable(monkeypatch, variable, value, read):
    monkeypatch.setitem(os.environ, variable, value)
    with pytest.raises(settings.SettingsError, match=f"{variable} must be a"):
        read()


@pytest.mark.parametrize("value", ["banyak", "64", "-64MB", "64 MBs"])
def test_a_duckdb_memory_that_is_no_size_is_an_error_naming_its_variable(monkeypatch, value):
    monkeypatch.setitem(os.environ, "WARTA_DUCKDB_MEMORY", value)
    with pytest.raises(settings.SettingsError, match="WARTA_DUCKDB_MEMORY must be a size"):
        settings.duckdb_memory()


@pytest.mark.parametrize("value", ["64MB", "1.5GB", "512 MiB", "2gb"])
def test_a_duckdb_memory_is_a_size_duckdb_reads(monkeypatch, value):
    monkeypatch.setitem(os.environ, "WARTA_DUCKDB_MEMORY", value)
    with duckdb.connect(":memory:", config={"memory_limit": settings.duckdb_memory()}) as conn:
        assert conn.execute("select current_setting('memory_limit')").fetchall()[0][0]
