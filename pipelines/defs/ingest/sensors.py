"""The inbox sensor: one `reingest` run for each batch of files added to or changed in an inbox folder."""

import hashlib
from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs.jobs import reingest
from pipelines.lib.ingest.inbox import file_status, inbox_files
from pipelines.lib.ingest.source_config import SourcesError, load_sources


def inbox_signature(folders: list[Path]) -> str:
    """Changes whenever a file in one of the folders is added, removed or modified."""
    digest = hashlib.sha256()
    for folder in folders:
        if folder.is_dir():
            for path, name in inbox_files(folder):
                status = file_status(path)
                digest.update(f"{folder}|{name}|{status.st_size}|{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(
    job=reingest,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Watches the inbox folders of the sources file and requests one `reingest` run of those sources when "
        "files are added, changed or removed; nothing when the folders are unchanged."
    ),
)
def inbox_sensor(context: dg.SensorEvaluationContext):
    try:
        inboxes = [source for source in load_sources(Path(settings.sources())).sources if source.kind == "inbox"]
    except SourcesError as error:
        return dg.SkipReason(str(error))
    if not inboxes:
        return dg.SkipReason("the sources file lists no inbox folder")
    signature = inbox_signature([Path(source.location) for source in inboxes])
    if signature == context.cursor:
        return dg.SkipReason("inbox folders unchanged")
    context.update_cursor(signature)
    return dg.RunRequest(
        run_key=signature,
        run_config={"ops": {"documents": {"config": {"sources": [source.name for source in inboxes]}}}},
        tags={"warta/trigger": "inbox"},
    )
