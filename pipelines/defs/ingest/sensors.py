"""Re-ingest when the inbox changes, and once a day for the URLs it lists."""

import hashlib
from pathlib import Path

import dagster as dg

from pipelines import settings

pipeline_job = dg.define_asset_job(
    "pipeline_job",
    selection=dg.AssetSelection.all(),
    description="Ingest the inbox and rebuild everything downstream; one run handles the whole batch.",
)


def inbox_signature(inbox: Path) -> str:
    """Changes whenever a file in the inbox is added, removed or modified."""
    digest = hashlib.sha256()
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(inbox)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(
    job=pipeline_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts one pipeline run when files are added to, changed in or removed from the inbox.",
)
def inbox_sensor(context: dg.SensorEvaluationContext):
    inbox = Path(settings.inbox())
    if not inbox.is_dir():
        return dg.SkipReason(f"inbox {inbox} does not exist")
    signature = inbox_signature(inbox)
    if signature == context.cursor:
        return dg.SkipReason("inbox unchanged")
    context.update_cursor(signature)
    return dg.RunRequest(run_key=signature)


daily_reingest = dg.ScheduleDefinition(
    name="daily_reingest",
    job=pipeline_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Jakarta",
    description="Every morning: fetch the URLs listed in .urls files again and process what changed.",
)
