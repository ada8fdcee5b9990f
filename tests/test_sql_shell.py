"""The published warehouse opens in the DuckDB command line the lock file installs (`make sql`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.lib.warehouse.publishing import (
    PUBLISHED_STORAGE_VERSION,
    WORKING_CONFIG,
    in_published_storage,
    publish,
)

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"


def cli(database: Path, sql: str) -> str:
    """Run ``sql`` in the DuckDB CLI on ``database`` opened read-only; returns its CSV output."""
    done = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-csv", str(database), "-c", sql],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def storage_version_number(database: Path) -> int:
    """The storage version in a DuckDB file's header (after the checksum, the magic bytes DUCK)."""
    header = database.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    return int.from_bytes(header[12:20], "little")


def test_the_cli_is_the_registry_one_of_the_1x_line():
    done = subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("v1."), done.stdout


def test_the_cli_opens_the_published_warehouse_and_queries_every_view(analyst_run):
    workspace, _ = analyst_run
    published = workspace / "warehouse.duckdb"
    views = cli(published, "select view_name from duckdb_views() where schema_name = 'analytics' order by 1")
    views = views.split()[1:]
    assert {"articles", "quotes", "figures", "events", "actors", "timeline", "rejected", "polls", "fetches"} <= set(
        views
    )
    for view in views:
        assert cli(published, f"select count(*) from analytics.{view}").split()[1].isdigit(), view
    top = cli(published, "select speaker, count(*) from analytics.quotes group by 1 order by 2 desc limit 5")
    assert top.splitlines()[1].startswith("Vladimir Putin,")


@pytest.mark.parametrize(
    "config",
    [WORKING_CONFIG, {}],
    ids=["a working file in the published storage, copied byte for byte", "an older one, copied catalog by catalog"],
)
def test_the_published_file_keeps_the_tables_keys_and_comments(tmp_path: Path, config: dict):
    working = tmp_path / "work.duckdb"
    with duckdb.connect(str(working), config=config) as conn:
        conn.execute("create schema core; create table core.t (id varchar primary key, n integer)")
        conn.execute("insert into core.t values ('a', 1), ('b', 2)")
        conn.execute("create schema analytics; create view analytics.v as select * from core.t")
        conn.execute("comment on column analytics.v.n is 'how many'")
    published = tmp_path / "published.duckdb"
    assert publish(working, published) == published.stat().st_size
    assert cli(published, "select sum(n) from analytics.v").split()[1] == "3"
    assert "how many" in cli(published, "select comment from duckdb_columns() where column_name = 'n'")
    with duckdb.connect(str(published), read_only=True) as conn:
        keys = "select count(*) from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
        assert conn.execute(keys).fetchall() == [(1,)]
    assert PUBLISHED_STORAGE_VERSION == "v1.0.0"
    assert storage_version_number(published) == 64  # what DuckDB 1.0 writes and every 1.x client reads
    assert not list(tmp_path.glob(".published.duckdb.*"))  # no copy or log left beside it
    assert in_published_storage(working) == bool(config)


def test_a_copy_left_by_a_killed_publication_is_removed(tmp_path: Path):
    working = tmp_path / "work.duckdb"
    duckdb.connect(str(working)).close()
    (tmp_path / ".published.duckdb.999.tmp").write_bytes(b"half")
    (tmp_path / ".published.duckdb.999.tmp.wal").write_bytes(b"half")
    publish(working, tmp_path / "published.duckdb")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["published.duckdb", "work.duckdb"]
