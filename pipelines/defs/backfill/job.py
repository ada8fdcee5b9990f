"""The `backfill` job: WARC files (partitions) cleaned and extracted in parallel steps, then merged by one writer.

``select_partitions`` picks the files of the run; each of the ``WARTA_BACKFILL_STEPS`` partition steps
stages its share of them into Parquet (no warehouse connection, no writer lock); ``merge_staged``, the
only step that needs the warehouse (and so the only one that takes the writer lock), loads every staged
set not loaded yet, processes what stays pending, rebuilds the timeline and views, and publishes.
"""

import datetime as dt
from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs.backfill.executor import backfill_executor
from pipelines.defs.backfill.partitions import StagingResource, warc_files
from pipelines.defs.extract.assets import TABLE_OF_ASSET
from pipelines.defs.resources import SourcesResource, WarehouseResource
from pipelines.lib.backfill.partitions import source_of
from pipelines.lib.backfill.stage import stage_warc_file
from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.text.article import EXTRACTOR_VERSION
from pipelines.lib.text.pages import Page
from pipelines.lib.warehouse import rows
from pipelines.lib.warehouse.articles import CleaningTask, clean_and_store, pending_pages
from pipelines.lib.warehouse.extractions import extract_pending
from pipelines.lib.warehouse.schema import apply_views
from pipelines.lib.warehouse.staged_load import load_staged
from pipelines.lib.warehouse.timeline_rows import refresh_timeline
from pipelines.lib.workers import Workers

PUBLISHED_TABLES = {"articles": "core.articles", **TABLE_OF_ASSET, "timeline": "core.timeline"}


class BackfillConfig(dg.Config):
    partitions: list[str] = []
    """WARC files (registered partitions) to stage. Empty: the run's partition when it has one (a launch from
    the partitions tab or a backfill), else every registered partition not staged by this extractor version."""


@dg.op(description="The WARC files this run stages: given, the run's partition, or every one not staged yet.")
def select_partitions(context: dg.OpExecutionContext, config: BackfillConfig, staging: StagingResource) -> list:
    registered = context.instance.get_dynamic_partitions(warc_files.name)
    unknown = sorted(set(config.partitions) - set(registered))
    if unknown:
        raise dg.Failure(f"not registered as partitions (add them with `warta backfill add`): {', '.join(unknown)}")
    if config.partitions:
        return sorted(set(config.partitions))
    if context.has_partition_key:
        return list(context.partition_keys)
    area = staging.staging()
    return [key for key in sorted(registered) if _needs_staging(area.manifest(key))]


def _needs_staging(manifest) -> bool:
    return manifest is None or manifest.extractor_version != EXTRACTOR_VERSION


def partition_step(share: int, shares: int) -> dg.OpDefinition:
    """The step that stages every ``shares``-th selected file, starting with file ``share``."""

    @dg.op(
        name=f"stage_partitions_{share}",
        description=f"Clean and extract share {share + 1} of {shares} of the selected WARC files into staged Parquet.",
        tags={"warta/step": "partition"},
    )
    def stage_partitions(
        context: dg.OpExecutionContext, selected: list, sources: SourcesResource, staging: StagingResource
    ) -> list:
        sources_file, area, staged = sources.load(), staging.staging(), []
        for partition in selected[share::shares]:
            manifest = stage_warc_file(
                partition, source_of(partition, sources_file), area, sources.max_bytes, sources.max_seconds,
                chunk=sources.chunk_size, progress=context.log.info,
            )  # fmt: skip
            context.log_event(dg.AssetMaterialization("staged_warc", partition=partition, metadata={**manifest.counts}))
            staged.append(partition)
        return staged

    return stage_partitions


@dg.op(
    description="The single writer: load every staged set not loaded yet, process what stays pending, "
    "rebuild the timeline and the views, publish.",
)
def merge_staged(
    context: dg.OpExecutionContext,
    staged: list,
    warehouse: WarehouseResource,
    sources: SourcesResource,
    staging: StagingResource,
) -> dg.Nothing:
    now, store = dt.datetime.now(), RawStore(Path(sources.raw_dir))

    def task(page: Page) -> CleaningTask:
        return CleaningTask(page, sources.raw_dir, now.date(), sources.max_bytes, sources.max_seconds)

    # The merge runs in this step's process: on the Dask executor that is a worker, a daemon process that may
    # not start others, and the partitions were cleaned and extracted by the partition steps already.
    with warehouse.get_connection() as conn, Workers(1) as workers:
        loaded = load_staged(conn, staging.staging(), store, context.run_id, now)
        for partition in loaded:
            context.log.info(
                f"merged {partition.partition}: {partition.articles} articles, {partition.rejected} rejected"
            )
        # what stays pending: pages of multi-page articles, sets of another extractor version
        clean_and_store(conn, pending_pages(conn), task, workers, now, context.log.info, sources.chunk_size)
        extract_pending(conn, sources.max_seconds, now, context.log.info, workers, sources.chunk_size)
        refresh_timeline(conn)
        apply_views(conn)
        counts = {asset: rows.count(conn, table) for asset, table in PUBLISHED_TABLES.items()}
    warehouse.publish()
    merged = {"partitions_merged": len(loaded), "articles_loaded": sum(p.articles for p in loaded)}
    for asset, count in counts.items():
        context.log_event(dg.AssetMaterialization(asset, metadata={"dagster/row_count": count, **merged}))
    context.log_event(dg.AssetMaterialization("published_warehouse", metadata={"path": warehouse.path, **merged}))


def backfill_job(executor: dg.ExecutorDefinition, shares: int) -> dg.JobDefinition:
    @dg.job(
        name="backfill",
        partitions_def=warc_files,
        executor_def=executor,
        description=(
            "Backfill from web archives: the selected WARC files (partitions) are cleaned and extracted in "
            f"{shares} parallel steps into staged Parquet files, then one writer step merges what is new and publishes."
        ),
    )
    def backfill():
        selected = select_partitions()
        merge_staged([partition_step(share, shares)(selected) for share in range(shares)])

    return backfill


backfill = backfill_job(backfill_executor(), settings.backfill_steps())
