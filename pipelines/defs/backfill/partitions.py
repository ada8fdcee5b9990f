"""The backfill's partitions (one per WARC file), its staging resource and the asset its steps stage."""

import dagster as dg

from pipelines import settings
from pipelines.lib.backfill.staging import Staging

warc_files = dg.DynamicPartitionsDefinition(name="warc_files")


class StagingResource(dg.ConfigurableResource):
    """The staging root of backfill partitions: a folder, or an fsspec URL (WARTA_STAGING)."""

    root: str

    def staging(self) -> Staging:
        return Staging(self.root)


staged_warc = dg.AssetSpec(
    "staged_warc",
    group_name="backfill",
    kinds={"parquet"},
    partitions_def=warc_files,
    description=(
        "One staged set of Parquet files per WARC file (partition): its records, articles, rejections and "
        "extraction rows, written by the `backfill` job's partition steps and merged into the warehouse by its "
        "writer step. Each materialization reports the partition's counts."
    ),
)


@dg.definitions
def backfill_resources() -> dg.Definitions:
    return dg.Definitions(assets=[staged_warc], resources={"staging": StagingResource(root=settings.staging())})
