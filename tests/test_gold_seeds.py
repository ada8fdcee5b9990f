"""The sample articles through the whole pipeline, scored by the rules of shared/gold/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dagster_duckdb import DuckDBResource

from pipelines.cli import predictions, run
from pipelines.defs.resources import InboxResource
from pipelines.lib.scoring import score
from tests.conftest import copy_seeds, shared


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    gold = json.loads(shared("gold", "seeds.json").read_text())
    workspace: Path = tmp_path_factory.mktemp("seeds")
    (workspace / "inbox").mkdir()
    copy_seeds(workspace / "inbox")
    database = str(workspace / "warehouse.duckdb")
    run(resources={"warehouse": DuckDBResource(database=database),
                   "inbox": InboxResource(path=str(workspace / "inbox"), raw_dir=str(workspace / "raw"))})
    return score(gold, predictions(database)), predictions(database)


def test_every_document_is_present_with_a_clean_body(report):
    result, _ = report
    assert result.documents_missing == []
    assert result.body_failures == []


def test_direct_quotes_are_found(report):
    result, _ = report
    assert result.direct_quotes.recall >= 0.9


def test_quotes_beat_published_extractors(report):
    result, _ = report
    assert result.quotes.f1 >= 0.84
    assert result.forbidden_hits == []


def test_figures_are_precise_and_complete(report):
    result, _ = report
    assert result.figures.precision >= 0.8
    assert result.figures.recall >= 0.8


def test_the_putin_xi_video_call_of_15_december_2021_is_an_event(report):
    _, predicted = report
    calls = [e for e in predicted["002_7c72821d792b7904.txt"]["events"]
             if e["type"] == "call" and {"Vladimir Putin", "Xi Jinping"} <= set(e["participants"])]
    assert [e["date"] for e in calls] == ["2021-12-15"]


def test_events_are_found_with_their_dates(report):
    result, _ = report
    assert result.events.recall >= 0.8
    assert result.dates_correct / result.dates_checked >= 0.75
