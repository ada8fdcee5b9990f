"""Resources: the warehouse (a working copy for runs, a published copy for readers) and the sources."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import PrivateAttr

from pipelines import settings
from pipelines.lib.ingest.source_config import SourcesFile, load_sources
from pipelines.lib.warehouse.publishing import WORKING_CONFIG, publish
from pipelines.lib.warehouse.recovery import prepare_working
from pipelines.lib.warehouse.run_lock import RunLock
from pipelines.lib.warehouse.schema import apply_schema


class WarehouseResource(dg.ConfigurableResource):
    """DuckDB warehouse. A run checks that it can write both files, takes the writer lock for its whole
    length, makes a damaged or missing ``<work_dir>/warehouse.duckdb`` again from the published copy,
    creates the core tables missing from it and writes there; the last asset publishes that file
    atomically to ``path``, the file analysts open read-only."""

    path: str
    work_dir: str
    lock_timeout_seconds: float = 6 * 3600
    memory_limit: str = settings.DUCKDB_MEMORY
    """DuckDB's memory for the working warehouse: cached blocks beyond it are dropped, large operations spill."""
    cache_dir: str | None = None
    """Files every warehouse on the machine shares (the report's Vega script); None: WARTA_CACHE_DIR's default."""
    _lock: RunLock | None = PrivateAttr(default=None)

    @property
    def working_path(self) -> Path:
        return Path(self.work_dir) / "warehouse.duckdb"

    @property
    def shared_cache(self) -> Path:
        return Path(self.cache_dir or settings.cache_dir())

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self.check_places()
        self._lock = RunLock(Path(self.work_dir) / "writer.lock", self.lock_timeout_seconds)
        log = context.log.info if context.log else print
        self._lock.acquire(on_wait=log)
        try:
            prepare_working(self.working_path, Path(self.path), context.log.warning if context.log else print)
            with self.get_connection() as conn:
                apply_schema(conn)  # the core tables exist before any asset of the run reads or writes them
        except BaseException:
            self._lock.release()
            raise

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock is not None:
            self._lock.release()

    def check_places(self) -> None:
        """Before any work: the published file and the working folder are places this run can write."""
        settings.check_file_place("WARTA_WAREHOUSE", self.path)
        settings.check_folder("WARTA_WORK_DIR", self.work_dir)
        if self.working_path.resolve() == Path(self.path).resolve():
            raise settings.SettingsError(
                f"WARTA_WORK_DIR: the working warehouse would be the published one, {self.path}"
            )

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.working_path.parent.mkdir(parents=True, exist_ok=True)
        conn = duckdb.connect(str(self.working_path), config=WORKING_CONFIG | {"memory_limit": self.memory_limit})
        try:
            yield conn
        finally:
            conn.close()

    def publish(self) -> int:
        return publish(self.working_path, Path(self.path))


class SourcesResource(dg.ConfigurableResource):
    """The sources file (inbox folders, feeds, sitemaps, URL lists), the raw store and the per-document limits."""

    path: str
    raw_dir: str
    max_bytes: int = 5_000_000
    max_seconds: float = 60.0
    workers: int = 0
    """Processes that clean and extract documents side by side (0: one per core)."""
    chunk_size: int = 200
    """Documents cleaned, and articles extracted, per chunk written and committed."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Before any work: the raw store is a folder this run can write, and the limits are numbers above 0."""
        settings.check_folder("WARTA_RAW_DIR", self.raw_dir)
        settings.positive_number("WARTA_MAX_BYTES", self.max_bytes, whole=True)
        settings.positive_number("WARTA_MAX_SECONDS", self.max_seconds)
        settings.positive_number("WARTA_CHUNK_SIZE", self.chunk_size, whole=True)

    def load(self) -> SourcesFile:
        return load_sources(Path(self.path))


def build_resources() -> dict:
    """Resources from the environment: WARTA_SOURCES, WARTA_WAREHOUSE, WARTA_WORK_DIR, WARTA_DUCKDB_MEMORY,
    WARTA_CACHE_DIR, WARTA_RAW_DIR, WARTA_MAX_BYTES, WARTA_MAX_SECONDS, WARTA_WORKERS, WARTA_CHUNK_SIZE."""
    return {
        "warehouse": WarehouseResource(
            path=settings.warehouse(),
            work_dir=settings.work_dir(),
            memory_limit=settings.duckdb_memory(),
            cache_dir=settings.cache_dir(),
        ),
        "sources": SourcesResource(
            path=settings.sources(),
            raw_dir=settings.raw_dir(),
            max_bytes=settings.max_bytes(),
            max_seconds=settings.max_seconds(),
            workers=settings.workers(),
            chunk_size=settings.chunk_size(),
        ),
    }


@dg.definitions
def resources() -> dg.Definitions:
    # Steps run in one process: the writer lock is held for the whole run, and the
    # extraction library is loaded once instead of once per step.
    return dg.Definitions(resources=build_resources(), executor=dg.in_process_executor)
