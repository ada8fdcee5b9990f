"""The hostile corpus (tests/hostile_corpus.py) as one batch through the whole pipeline.

Each hostile input becomes an article or a row of analytics.rejected with its reason,
the run succeeds, and the good articles of the same batch load.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.cli import run
from tests.conftest import resources_for
from tests.hostile_corpus import write_hostile_corpus


def test_a_batch_of_hostile_inputs_loads_what_is_good_and_rejects_the_rest_with_reasons(workspace: Path):
    expectations = write_hostile_corpus(workspace / "inbox")
    result = run(resources=resources_for(workspace, max_bytes=5_000_000, max_seconds=30))
    assert result.success
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as conn:
        bodies = dict(conn.execute("select source, body from analytics.articles").fetchall())
        reasons = dict(conn.execute("select source, reason from analytics.rejected").fetchall())
    for name, expected in expectations.items():
        source = f"inbox/{name}"
        if expected.outcome == "article":
            assert source in bodies, (name, reasons.get(source))
            assert expected.text in bodies[source], name
        else:
            assert source in reasons, (name, "loaded as an article")
            assert expected.text in reasons[source], (name, reasons[source])
    assert len(bodies) + len(reasons) == len(expectations)  # nothing lost
