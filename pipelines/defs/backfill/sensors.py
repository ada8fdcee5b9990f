"""The WARC sensor: registers every new file of the warc sources as a partition and backfills the batch."""

from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs.backfill.job import backfill
from pipelines.defs.backfill.partitions import warc_files
from pipelines.lib.backfill.partitions import warc_partitions
from pipelines.lib.ingest.source_config import SourcesError, load_sources


@dg.sensor(
    job=backfill,
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=(
        "Lists the files of the sources file's warc sources; files not registered yet become partitions of "
        "`backfill`, and one run stages and merges them. Off by default: archives are large."
    ),
)
def warc_sensor(context: dg.SensorEvaluationContext):
    try:
        listed = warc_partitions(load_sources(Path(settings.sources())))
    except SourcesError as error:
        return dg.SkipReason(str(error))
    new = sorted(set(listed) - set(context.instance.get_dynamic_partitions(warc_files.name)))
    if not new:
        return dg.SkipReason(f"no new WARC file ({len(listed)} listed)")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key="|".join(new),
                run_config={"ops": {"select_partitions": {"config": {"partitions": new}}}},
                tags={"warta/trigger": "warc"},
            )
        ],
        dynamic_partitions_requests=[warc_files.build_add_request(new)],
    )
