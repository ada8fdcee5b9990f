"""The pipeline end to end: real Dagster definitions, a real DuckDB file, real HTTP on localhost."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipelines.cli import run, summary
from pipelines.lib.warehouse.publishing import in_published_storage
from tests.conftest import copy_seeds, resources_for

EXPECTED_COLUMNS = {
    "articles": "article_id source url site title published_date language body word_count ingested_at",
    "quotes": "quote_id article_id speaker speaker_id kind quote_text cue sentence char_start char_end published_date",
    "figures": "figure_id article_id kind value unit qualifier surface sentence char_start char_end published_date",
    "events": "event_id article_id event_type mode status event_date date_precision location participants trigger "
    "sentence published_date",
    "actors": "actor_id name kind aliases",
}


def materialize(workspace: Path, reprocess: bool = False) -> dg.ExecuteInProcessResult:
    return run(reprocess=reprocess, resources=resources_for(workspace))


def metadata(result: dg.ExecuteInProcessResult, asset: str, key: str):
    for event in result.get_asset_materialization_events():
        if event.asset_key == dg.AssetKey(asset):
            return event.materialization.metadata[key].value
    raise KeyError(asset)


def query(workspace: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def counts(workspace: Path) -> dict[str, int]:
    return {
        t: query(workspace, f"select count(*) from analytics.{t}")[0][0]
        for t in ("articles", "rejected", "quotes", "figures", "events", "actors")
    }


def test_samples_load_and_a_second_run_processes_nothing(workspace: Path):
    copy_seeds(workspace / "inbox")
    first = materialize(workspace)
    assert first.success and first.dagster_run.job_name == "reingest"
    assert metadata(first, "articles", "processed") == 5
    loaded = counts(workspace)
    assert loaded["articles"] == 5 and loaded["quotes"] > 20 and loaded["figures"] > 10 and loaded["events"] > 5

    second = materialize(workspace)
    assert metadata(second, "articles", "processed") == 0
    assert metadata(second, "quotes", "articles_processed") == 0
    assert counts(workspace) == loaded
    assert metadata(first, "report", "redrawn") and not metadata(second, "report", "redrawn")
    assert in_published_storage(workspace / "work" / "warehouse.duckdb")  # so publishing copies the file


def test_every_asset_check_passes(workspace: Path):
    copy_seeds(workspace / "inbox")
    result = materialize(workspace)
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == 11  # 9 blocking (keys, offsets), 2 warnings (rejected inputs, failed sources)
    assert all(evaluation.passed for evaluation in evaluations), [e.check_name for e in evaluations if not e.passed]


def test_views_have_the_public_columns(workspace: Path):
    copy_seeds(workspace / "inbox")
    materialize(workspace)
    for view, columns in EXPECTED_COLUMNS.items():
        present = {row[0] for row in query(workspace, f"describe analytics.{view}")}
        assert set(columns.split()) <= present, (view, set(columns.split()) - present)
    body, start, end, text = query(
        workspace,
        """
        select a.body, q.char_start, q.char_end, q.quote_text
        from analytics.quotes q join analytics.articles a using (article_id) limit 1""",
    )[0]
    assert body[start:end] == text


def test_a_changed_input_replaces_its_rows(workspace: Path):
    inbox = workspace / "inbox"
    copy_seeds(inbox)
    materialize(workspace)
    target = inbox / "002_7c72821d792b7904.txt"
    target.write_text(
        "Putin dan Xi bertemu\n\n"
        "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing pada Senin (3/2/2025).\n\n"
        "“Hubungan kami berada pada titik tertinggi sepanjang sejarah,” kata Putin kepada Xi.\n"
    )
    result = materialize(workspace)
    assert metadata(result, "articles", "processed") == 1
    rows = query(
        workspace,
        """
        select q.speaker, q.quote_text from analytics.quotes q join analytics.articles a using (article_id)
        where a.source = 'inbox/002_7c72821d792b7904.txt'""",
    )
    assert rows == [("Vladimir Putin", "Hubungan kami berada pada titik tertinggi sepanjang sejarah")]
    assert query(workspace, "select count(*) from analytics.articles")[0][0] == 5


def test_bad_inputs_are_rejected_with_a_reason_and_the_rest_loads(workspace: Path):
    inbox = workspace / "inbox"
    copy_seeds(inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inbox / "latin1.txt").write_bytes("Judul\n\nBerita tentang caf\xe9 di Jakarta.".encode("latin-1"))
    (inbox / "huge.txt").write_text("Judul\n\n" + "Kalimat berita yang panjang sekali. " * 10_000)
    (inbox / "listing.html").write_text(
        "<html><body><ul>"
        + "".join(f"<li><a href='/b/{i}'>Judul berita nomor {i}</a></li>" for i in range(30))
        + "</ul></body></html>"
    )
    (inbox / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    result = materialize(workspace)
    assert result.success
    reasons = dict(query(workspace, "select source, reason from analytics.rejected"))
    reasons = {source.removeprefix("inbox/"): reason for source, reason in reasons.items()}
    assert set(reasons) == {"empty.txt", "image.html", "latin1.txt", "huge.txt", "listing.html", "notes.docx"}
    assert "empty" in reasons["empty.txt"]
    assert "PNG" in reasons["image.html"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "oversized" in reasons["huge.txt"]
    assert "no article text" in reasons["listing.html"]
    assert query(workspace, "select count(*) from analytics.articles")[0][0] == 5


def test_an_article_too_slow_to_extract_becomes_a_rejection_and_the_rest_loads(workspace: Path, monkeypatch):
    from pipelines.lib.limits import DocumentTimeout
    from pipelines.lib.warehouse import extractions

    analyze = extractions.analyze

    def slow_on_one(body, *args):
        if "sains" in body:  # in one sample only
            raise DocumentTimeout("the document")
        return analyze(body, *args)

    monkeypatch.setattr(extractions, "analyze", slow_on_one)
    copy_seeds(workspace / "inbox")
    result = materialize(workspace)
    assert result.success
    rejected = query(workspace, "select source, reason from analytics.rejected")
    assert [source for source, _ in rejected] == ["inbox/003_43ffd336c9f1e26f.txt"]
    assert rejected[0][1].startswith("too slow: extraction")
    assert query(workspace, "select count(*) from analytics.articles") == [(4,)]
    assert query(workspace, "select count(*) from core.processing where article_id not in (select article_id"
                 " from core.articles)") == [(0,)]  # fmt: skip


def test_urls_are_fetched_over_http(workspace: Path, http_server: str):
    (workspace / "sources.yaml").write_text(
        "fetch: {host_delay_seconds: 0}\n"
        "sources:\n  - name: picked\n    allow_private: true\n    urls:\n"
        f"      - {http_server}/antara-singlepage.html\n      - {http_server}/kompas-singlepage5.html\n"
    )
    materialize(workspace)
    rows = dict(query(workspace, "select source, body from analytics.articles"))
    assert set(rows) == {f"{http_server}/antara-singlepage.html", f"{http_server}/kompas-singlepage5.html"}
    assert "29 penerbangan" in rows[f"{http_server}/antara-singlepage.html"]
    assert query(workspace, "select count(*) from analytics.figures where kind = 'money' and unit = 'IDR'")[0][0] >= 1


def test_reprocess_redoes_every_input(workspace: Path):
    copy_seeds(workspace / "inbox")
    materialize(workspace)
    result = materialize(workspace, reprocess=True)
    assert result.dagster_run.job_name == "reextract"
    assert metadata(result, "articles", "processed") == 5
    assert metadata(result, "quotes", "articles_processed") == 5


def test_frames_have_the_columns_and_types_of_the_sql_tables():
    from pipelines.lib.warehouse.frames import frame
    from pipelines.lib.warehouse.schema import apply_schema

    with duckdb.connect(":memory:") as conn:
        apply_schema(conn)
        declared = conn.execute(
            "select table_name, list(column_name order by column_index) from duckdb_columns()"
            " where schema_name = 'core' group by 1"
        ).fetchall()
    assert len(declared) > 10
    for table, columns in declared:
        assert frame(table, []).columns == columns
    assert (
        dict(frame("articles", []).schema).items()
        >= {
            "published_date": pl.Date,
            "word_count": pl.Int32,
            "duplicate_similarity": pl.Float64,
            "is_published_date_contradiction": pl.Boolean,
            "ingested_at": pl.Datetime("us"),
        }.items()
    )
    assert frame("documents", []).schema["byte_size"] == pl.Int64
    assert frame("timeline", []).schema["participants"] == pl.List(pl.String)


def test_one_asset_alone_on_a_new_warehouse_finds_the_core_tables(workspace: Path):
    from pipelines.definitions import defs

    result = dg.materialize(
        defs.assets, resources=resources_for(workspace), selection=dg.AssetSelection.assets("timeline")
    )
    assert result.success
    with duckdb.connect(str(workspace / "work" / "warehouse.duckdb"), read_only=True) as conn:
        assert conn.execute("select count(*) from core.timeline").fetchall() == [(0,)]
        assert conn.execute("select count(*) from core.documents").fetchall() == [(0,)]


def test_summary_names_the_warehouse_and_an_example_query(workspace: Path):
    copy_seeds(workspace / "inbox")
    materialize(workspace)
    text = summary(str(workspace / "warehouse.duckdb"))
    assert "warehouse.duckdb" in text and "select" in text and "quotes" in text


def test_the_timeline_lists_an_event_once_with_every_article_reporting_it(workspace: Path):
    inbox = workspace / "inbox"
    copy_seeds(inbox)
    (inbox / "second-report.txt").write_text(
        "Putin dan Xi bicara lewat video\n\n"
        "Kamis, 16 Desember 2021 10:00 WIB\n\n"
        "Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping berbicara melalui tautan video "
        "pada Rabu (15/12).\n\n"
        "Keduanya membahas tekanan Barat, kata juru bicara Kremlin Dmitry Peskov.\n"
    )
    materialize(workspace)
    rows = query(
        workspace,
        """
        select article_count, participants from analytics.timeline
        where event_type = 'call' and event_date = date '2021-12-15'""",
    )
    assert len(rows) == 1
    article_count, participants = rows[0]
    assert article_count == 2
    assert {"Vladimir Putin", "Xi Jinping"} <= set(participants)


@pytest.mark.parametrize(
    "asset",
    [
        "documents",
        "articles",
        "actors",
        "quotes",
        "figures",
        "events",
        "timeline",
        "analytics_views",
        "published_warehouse",
        "report",
    ],
)
def test_every_asset_says_its_grain_and_kinds(asset: str):
    from pipelines.definitions import defs

    spec = next(s for s in defs.resolve_all_asset_specs() if s.key == dg.AssetKey(asset))
    assert spec.description and spec.kinds
    assert asset in ("analytics_views", "published_warehouse", "report") or "one row per" in spec.description.lower()
