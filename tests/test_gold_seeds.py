"""The sample articles through the whole pipeline, scored by the rules of shared/gold/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.cli import predictions, run
from pipelines.lib.eval.scoring import score
from tests.conftest import copy_seeds, resources_for, shared


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    gold = json.loads(shared("gold", "seeds.json").read_text())
    workspace: Path = tmp_path_factory.mktemp("seeds")
    (workspace / "inbox").mkdir()
    (workspace / "sources.yaml").write_text("sources:\n  - name: inbox\n    inbox: inbox\n")
    copy_seeds(workspace / "inbox")
    database = str(workspace / "warehouse.duckdb")
    run(resources=resources_for(workspace, max_bytes=5_000_000))
    return score(gold, predictions(database)), predictions(database)


def test_every_document_is_present_with_a_clean_body(report):
    result, _ = report
    assert result.documents_missing == []
    assert result.body_failures == []


def test_quotes_beat_published_extractors(report):
    result, _ = report
    assert result.quotes.precision >= 0.95
    assert result.direct_quotes.recall >= 0.97
    assert result.quotes.recall >= 0.9
    assert result.speakers_correct / result.speakers_checked >= 0.9
    assert result.forbidden_hits == []


def test_figures_are_precise_and_complete(report):
    result, _ = report
    assert result.figures.precision >= 0.95
    assert result.figures.recall >= 0.95


def test_events_are_found_with_their_dates(report):
    result, _ = report
    assert result.events.recall >= 0.9
    assert result.events.precision >= 0.8
    assert result.dates_correct / result.dates_checked >= 0.9


def dated(predicted, doc: str, kind: str, people: set[str]) -> list[str]:
    return [e["date"] for e in predicted[doc]["events"] if e["type"] == kind and people <= set(e["participants"])]


def test_the_putin_xi_video_call_of_15_december_2021_is_an_event(report):
    _, predicted = report
    assert dated(predicted, "002_7c72821d792b7904.txt", "call", {"Vladimir Putin", "Xi Jinping"}) == ["2021-12-15"]


def test_dates_resolved_by_offset_weekday_and_missing_year(report):
    _, predicted = report
    # eight days before 15 December 2021
    assert "2021-12-07" in dated(predicted, "002_7c72821d792b7904.txt", "call", {"Vladimir Putin", "Joe Biden"})
    # "Senin (20/3)" in a text dated "Rabu (22/3/2024)": the weekday puts it in 2023
    assert "2023-03-20" in dated(predicted, "003_43ffd336c9f1e26f.txt", "visit", {"Xi Jinping"})
    # "Selasa (21/1)" with no year and no publication date: the last 21 January that was a Tuesday
    assert "2025-01-21" in dated(predicted, "004_8ea2e4786c536e84.txt", "call", {"Xi Jinping", "Vladimir Putin"})


def test_titles_publication_dates_and_sites_match_the_gold(report):
    result, _ = report
    assert result.metadata_errors == []
