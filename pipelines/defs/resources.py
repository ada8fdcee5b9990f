"""Resources: the DuckDB warehouse and where the inputs are."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines import settings


class InboxResource(dg.ConfigurableResource):
    """The folder users drop articles (and ``.urls`` lists) into, and the raw store."""

    path: str
    raw_dir: str
    max_bytes: int = 5_000_000
    fetch_urls: bool = True


def build_resources() -> dict:
    """Resources from the environment: WARTA_INBOX, WARTA_WAREHOUSE, WARTA_RAW_DIR, WARTA_MAX_BYTES."""
    return {
        "warehouse": DuckDBResource(database=settings.warehouse()),
        "inbox": InboxResource(path=settings.inbox(), raw_dir=settings.raw_dir(), max_bytes=settings.max_bytes()),
    }


@dg.definitions
def resources() -> dg.Definitions:
    # Steps run in one process: DuckDB takes one writing process at a time, and the
    # extraction library is loaded once instead of once per step.
    return dg.Definitions(resources=build_resources(), executor=dg.in_process_executor)
