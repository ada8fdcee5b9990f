"""The hourly poll of the web sources (feeds, sitemaps, URL lists) of the sources file."""

from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs.jobs import reingest
from pipelines.lib.ingest.source_config import SourcesError, load_sources


@dg.schedule(
    job=reingest,
    cron_schedule="0 * * * *",
    execution_timezone="Asia/Jakarta",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description=(
        "Every hour: poll the feeds, sitemaps and URL lists of the sources file (each at most once per its "
        "interval_minutes) and process what is new. Off until switched on in the UI: it fetches from other "
        "people's sites, which should be a deliberate choice once the sources file lists them."
    ),
)
def hourly_poll(context: dg.ScheduleEvaluationContext):
    try:
        web = [source.name for source in load_sources(Path(settings.sources())).sources if source.is_web]
    except SourcesError as error:
        return dg.SkipReason(str(error))
    if not web:
        return dg.SkipReason("the sources file lists no feed, sitemap or URL list")
    return dg.RunRequest(
        run_config={"ops": {"documents": {"config": {"sources": web}}}},
        tags={"warta/trigger": "schedule"},
    )
