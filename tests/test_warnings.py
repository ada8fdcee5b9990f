"""What a run could not use shows as failed warning-level checks, with the reasons; previews show names."""

from __future__ import annotations

import dagster as dg

from tests.test_pipeline import materialize, metadata


def evaluation(result: dg.ExecuteInProcessResult, check: str) -> dg.AssetCheckEvaluation:
    return next(e for e in result.get_asset_check_evaluations() if e.check_name == check)


def test_a_rejected_input_fails_a_warning_check_with_its_reason_and_the_run_succeeds(analyst_run):
    _, result = analyst_run
    assert result.success
    check = evaluation(result, "every_input_became_an_article")
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["rejected"].value == check.metadata["rejected_this_run"].value == 1
    assert "inbox/empty.txt" in check.metadata["inputs"].value and "empty" in check.metadata["reasons"].value
    assert check.description.startswith("rejected inputs (1): inbox/empty.txt: empty")  # shown beside the status


def test_a_source_that_cannot_be_read_fails_a_warning_check_with_its_error(analyst_run):
    _, result = analyst_run
    check = evaluation(result, "every_source_was_read")
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["sources_failed"].value == 1
    assert "closed" in check.metadata["failed_sources"].value
    assert check.description.startswith("failed sources (1): closed: ")


def test_the_warning_checks_are_not_blocking():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    checks = {key.name: graph.get_check_spec(key) for key in graph.asset_check_keys}
    assert not checks["every_input_became_an_article"].blocking
    assert not checks["every_source_was_read"].blocking


def test_the_key_and_offset_checks_block_what_is_downstream():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    specs = [graph.get_check_spec(key) for key in graph.asset_check_keys]
    blocking = sorted(f"{s.asset_key.path[-1]}:{s.name}" for s in specs if s.blocking)
    assert blocking == [
        "actors:actor_id_unique_not_null", "articles:article_id_unique_not_null",
        "articles:article_signatures_article_id_unique_not_null", "events:event_id_unique_not_null",
        "figures:figure_id_unique_not_null", "figures:offsets_point_at_text", "quotes:offsets_point_at_text",
        "quotes:processing_article_id_and_stage_unique_not_null", "quotes:quote_id_unique_not_null",
    ]  # fmt: skip


def test_the_warning_stands_until_the_rejected_input_becomes_an_article(workspace):
    from tests.conftest import copy_seeds

    copy_seeds(workspace / "inbox")
    (workspace / "inbox" / "empty.txt").write_bytes(b"")
    first = materialize(workspace)
    assert not evaluation(first, "every_input_became_an_article").passed
    assert evaluation(first, "every_source_was_read").passed
    second = materialize(workspace)  # nothing new (say, the inbox sensor's first run): the input is still missing
    assert metadata(second, "articles", "processed") == 0
    check = evaluation(second, "every_input_became_an_article")
    assert not check.passed and check.metadata["rejected_this_run"].value == 0
    (workspace / "inbox" / "empty.txt").write_text(
        "Putin bertemu Xi\n\nPresiden Rusia Vladimir Putin bertemu Xi Jinping.\n"
    )
    assert evaluation(materialize(workspace), "every_input_became_an_article").passed


def test_previews_show_names_not_ids(analyst_run):
    _, result = analyst_run
    quotes = metadata(result, "quotes", "preview")
    assert quotes.splitlines()[0].startswith("| speaker |") and "Vladimir Putin" in quotes
    assert "speaker_id" not in quotes and "quote_id" not in quotes
    events = metadata(result, "events", "preview")
    assert "participants" in events.splitlines()[0] and "event_id" not in events
    for asset in ("articles", "actors", "figures", "timeline"):
        header = metadata(result, asset, "preview").splitlines()[0]
        assert "_id" not in header, (asset, header)
