"""Shared fixtures: the sample material in ../shared (or WARTA_SHARED), and a pipeline run in a temporary folder."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

# Test runs go to an ephemeral Dagster instance, not the repository's run history.
os.environ.pop("DAGSTER_HOME", None)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED") or ROOT.parent / "shared")
SEEDS = ROOT / "data" / "inbox"


def shared(*parts: str) -> Path:
    """A path under the shared folder; the test is skipped when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def http_server():
    """A real HTTP server on localhost serving the real Indonesian pages of ../shared/realdata."""
    root = shared("realdata", "id-news-dev")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty inbox named in a sources file, and room for the raw store and the warehouse."""
    (tmp_path / "inbox").mkdir()
    (tmp_path / "sources.yaml").write_text("sources:\n  - name: inbox\n    inbox: inbox\n")
    return tmp_path


def resources_for(workspace: Path, max_bytes: int = 200_000, max_seconds: float = 60.0) -> dict:
    """The pipeline's resources on a workspace: published warehouse.duckdb, work/, raw/, sources.yaml."""
    from pipelines.defs.resources import SourcesResource, WarehouseResource

    return {
        "warehouse": WarehouseResource(path=str(workspace / "warehouse.duckdb"), work_dir=str(workspace / "work")),
        "sources": SourcesResource(
            path=str(workspace / "sources.yaml"),
            raw_dir=str(workspace / "raw"),
            max_bytes=max_bytes,
            max_seconds=max_seconds,
        ),
    }


def copy_seeds(inbox: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, inbox / path.name)


@pytest.fixture(scope="session")
def analyst_run(tmp_path_factory) -> tuple[Path, object]:
    """One run shared by the analyst-side tests: the samples, one empty file (rejected) and a feed on a closed
    local port (a source that fails). Returns the workspace and the run's result."""
    from pipelines.cli import run

    workspace = tmp_path_factory.mktemp("analyst")
    (workspace / "inbox").mkdir()
    copy_seeds(workspace / "inbox")
    (workspace / "inbox" / "empty.txt").write_bytes(b"")
    (workspace / "sources.yaml").write_text(
        "fetch: {host_delay_seconds: 0, retries: 0, timeout_seconds: 2}\n"
        "sources:\n  - name: inbox\n    inbox: inbox\n"
        f"  - name: closed\n    feed: http://127.0.0.1:{closed_port()}/feed.xml\n    allow_private: true\n"
    )
    return workspace, run(resources=resources_for(workspace))


def closed_port() -> int:
    """A local TCP port with nothing listening on it."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
