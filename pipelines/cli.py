"""``warta``: run the pipeline, summarise the warehouse, render its report, score it against a gold file.

Dagster is imported by the commands that use it, not with this module: the worker processes that clean and
extract import the entry script again (multiprocessing does that for the main module), and should not pay
for loading Dagster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipelines import settings
from pipelines.lib.workers import default_count, start_fork_server

if TYPE_CHECKING:
    import dagster as dg

SUMMARY_TABLES = ("articles", "rejected", "actors", "quotes", "figures", "events", "polls")
EXAMPLE_QUERY = (
    "select speaker, kind, left(quote_text, 60) as quote, published_date\n"
    "from analytics.quotes order by published_date nulls last limit 5;"
)


def run(
    reprocess: bool = False, resources: dict | None = None, sources: list[str] | None = None
) -> dg.ExecuteInProcessResult:
    """Run the `reingest` job (poll the sources, process what is new), or with ``reprocess`` the `reextract` job
    (clean and extract every stored document again, fetching nothing), in this process as one Dagster run
    (recorded under DAGSTER_HOME if set). With more than one worker, their fork server starts first, so that its
    imports overlap the loading of the definitions."""
    if (settings.workers() or default_count()) > 1:
        start_fork_server()
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.defs.resources import build_resources

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    ops = {} if reprocess else {"documents": {"config": {"sources": sources or []}}}
    job = defs.resolve_job_def("reextract" if reprocess else "reingest")
    return job.execute_in_process(
        run_config={"ops": ops, "loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        instance=instance,
        resources=resources or build_resources(),
    )


def summary(database: str) -> str:
    with duckdb.connect(database, read_only=True) as conn:
        counts = {t: conn.execute(f"select count(*) from analytics.{t}").fetchall()[0][0] for t in SUMMARY_TABLES}
        example = conn.sql(EXAMPLE_QUERY).pl()
    lines = [f"warehouse: {database}"]
    lines += [f"  {table:<9} {counts[table]:>6}" for table in SUMMARY_TABLES]
    lines += ["", "open it read-only while runs go on: make sql (the DuckDB CLI: duckdb -readonly " + database + ")"]
    lines += ["", "example query:", EXAMPLE_QUERY, str(example)]
    return "\n".join(lines)


def predictions(database: str) -> dict[str, dict]:
    """What the warehouse holds per input file name, in the shape the scorer reads."""
    with duckdb.connect(database, read_only=True) as conn:
        articles = conn.execute(
            "select article_id, source, body, title, strftime(published_date, '%Y-%m-%d'), site from analytics.articles"
        ).fetchall()
        quotes = conn.execute("select article_id, speaker, kind, quote_text from analytics.quotes").fetchall()
        figures = conn.execute("select article_id, kind, value, unit, surface from analytics.figures").fetchall()
        events = conn.execute(
            "select article_id, event_type, participants, strftime(event_date, '%Y-%m-%d'), date_precision, trigger "
            "from analytics.events"
        ).fetchall()
    width = {"day": 10, "month": 7, "year": 4}
    by_article: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"quotes": [], "figures": [], "events": []})
    for a, s, k, t in quotes:
        by_article[a]["quotes"].append({"speaker": s, "kind": k, "text": t})
    for a, k, v, u, s in figures:
        by_article[a]["figures"].append({"kind": k, "value": v, "unit": u, "surface": s})
    for a, t, p, d, pr, tr in events:
        by_article[a]["events"].append(
            {"type": t, "participants": list(p), "date": d[: width[pr]] if d else None, "trigger": tr}
        )
    return {
        source.rstrip("/").rsplit("/", 1)[-1]: {
            "body": body,
            "title": title,
            "published": published,
            "site": site,
            **by_article[article_id],
        }
        for article_id, source, body, title, published, site in articles
    }


def evaluate(gold_path: str, database: str) -> str:
    from pipelines.lib.eval.scoring import format_report, score

    gold = json.loads(Path(gold_path).read_text())
    return format_report(score(gold, predictions(database)))


def backfill_add(files: list[str], sources: list[str] | None = None) -> list[str]:
    """Register WARC files as partitions of the backfill job (those given, else every file of the warc
    sources); returns the files that were not registered before."""
    from pipelines.defs.backfill.partitions import warc_files
    from pipelines.lib.backfill.partitions import warc_partitions
    from pipelines.lib.ingest.source_config import load_sources

    listed = files or list(warc_partitions(load_sources(Path(settings.sources())), sources))
    import dagster as dg

    instance = dg.DagsterInstance.get()
    new = sorted(set(listed) - set(instance.get_dynamic_partitions(warc_files.name)))
    instance.add_dynamic_partitions(warc_files.name, new)
    return new


def backfill_list() -> str:
    """The registered partitions, each with what its staged set holds."""
    import dagster as dg

    from pipelines.defs.backfill.partitions import warc_files
    from pipelines.lib.backfill.staging import Staging

    staging = Staging(settings.staging())
    lines = []
    for partition in dg.DagsterInstance.get().get_dynamic_partitions(warc_files.name):
        manifest = staging.manifest(partition)
        counts = manifest.counts if manifest else {}
        staged = f"staged {manifest.staged_at[:19]}" if manifest else "not staged"
        lines.append(f"{partition}  {staged}  pages {counts.get('pages', 0)}  articles {counts.get('articles', 0)}")
    return "\n".join(lines) or "no partition registered (warta backfill add)"


def write_dictionary_docs() -> int:
    from pipelines.lib.warehouse.dictionary_docs import write_docs

    written = write_docs()
    print("\n".join(f"rewrote {path}" for path in written) or "README.md and docs/dictionary.md are up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="warta", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run_cmd = sub.add_parser("run", help="materialize every asset on the inbox, then print a summary")
    run_cmd.add_argument("--reprocess", action="store_true", help="redo every input (after an extractor upgrade)")
    sub.add_parser("summary", help="row counts and an example query")
    sub.add_parser("report", help="render report.html (charts) beside the warehouse")
    sub.add_parser("dictionary", help="rewrite the README's view table and docs/dictionary.md from the dictionary")
    eval_cmd = sub.add_parser("eval", help="score the warehouse against a gold file")
    eval_cmd.add_argument("gold", help="gold annotations (the format of shared/gold/seeds.json)")
    backfill_cmd = sub.add_parser("backfill", help="register WARC files as backfill partitions, or list them")
    backfill_cmd.add_argument("action", choices=["add", "list"])
    backfill_cmd.add_argument("files", nargs="*", help="WARC paths or URLs (default: the files of the warc sources)")
    backfill_cmd.add_argument("--source", action="append", help="only the files of this warc source")
    args = parser.parse_args(argv)
    database = settings.warehouse()
    if args.command == "dictionary":
        return write_dictionary_docs()
    if args.command == "backfill":
        if not os.environ.get("DAGSTER_HOME"):
            print("warta: set DAGSTER_HOME (the instance that keeps the partitions; make sets it)", file=sys.stderr)
            return 2
        if args.action == "add":
            new = backfill_add([str(Path(f).resolve()) if "://" not in f else f for f in args.files], args.source)
            print(f"{len(new)} new partitions" + "".join(f"\n  {partition}" for partition in new))
        else:
            print(backfill_list())
        return 0
    if args.command != "run" and not Path(database).exists():
        print(f"warta: no warehouse at {database}; build it with `make run` (or set WARTA_WAREHOUSE)", file=sys.stderr)
        return 2
    if args.command == "run":
        result = run(reprocess=args.reprocess)
        processed = next(
            (
                e.materialization.metadata["processed"].value
                for e in result.get_asset_materialization_events()
                if e.asset_key.path == ["articles"]
            ),
            0,
        )
        print(f"documents processed this run: {processed}")
        print(summary(database))
    elif args.command == "summary":
        print(summary(database))
    elif args.command == "report":
        from pipelines.lib.report.writer import write_report_of

        written = write_report_of(
            Path(database), bundle_cache=Path(settings.cache_dir()), memory_limit=settings.duckdb_memory()
        )
        state = "drawn" if written.redrawn else "unchanged"
        print(f"{written.path}: {written.charts} charts, {written.bytes} bytes, {state}; open it in a browser")
    elif args.command == "eval":
        print(evaluate(args.gold, database))
    return 0


if __name__ == "__main__":
    sys.exit(main())
