"""Hostile inputs (tests/hostile_corpus.py) through build_article and analyze: each becomes
the article it is or a rejection with its reason, and the good articles of the batch load."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.lib.extract.analysis import analyze
from pipelines.lib.limits import time_limit
from pipelines.lib.text.article import ArticleRecord, Rejection, build_article
from tests.hostile_corpus import hostile_cases, kind_of, write_hostile_corpus

INGESTED = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, write_hostile_corpus(folder)


def outcome(folder, name: str) -> ArticleRecord | Rejection:
    return build_article(name, kind_of(name), (folder / name).read_bytes(), INGESTED)


@pytest.mark.parametrize("name", sorted(hostile_cases()))
def test_a_hostile_input_is_an_article_or_a_rejection_with_its_reason(corpus, name):
    folder, expected = corpus
    expectation = expected[name]
    result = outcome(folder, name)
    if expectation.outcome == "rejected":
        assert isinstance(result, Rejection), f"{name} should be rejected, got an article: {result.body[:200]!r}"
        assert expectation.text in result.reason
        return
    assert isinstance(result, ArticleRecord), f"{name} should load, rejected: {result.reason}"
    for snippet in (expectation.text, *expectation.also):
        assert snippet in result.body
    for junk in expectation.absent:
        assert junk not in result.body and junk not in (result.title or ""), f"{junk!r} left in {name}"
    analysis = analyze(result.body, result.published_date, INGESTED, result.language or "id")
    body = result.body
    assert all(body[q.char_start : q.char_end] == q.text for q in analysis.quotes)
    assert all(body[f.char_start : f.char_end] == f.surface for f in analysis.figures)
    if expectation.speaker:
        assert expectation.speaker in {q.speaker for q in analysis.quotes}
    if expectation.figure:
        assert expectation.figure in {f.surface for f in analysis.figures}
    if expectation.quotes_in_one_paragraph:
        assert all("\n" not in q.text for q in analysis.quotes)


def test_the_good_articles_of_a_hostile_batch_load(corpus):
    """One batch, in file order, each document under a time limit (as the pipeline runs them):
    every article the corpus expects comes out as an article, every other input as a rejection."""
    folder, expected = corpus
    results = {}
    for path in sorted(folder.iterdir()):
        with time_limit(120):
            results[path.name] = outcome(folder, path.name)
    articles = {name for name, r in results.items() if isinstance(r, ArticleRecord)}
    assert articles == {name for name, e in expected.items() if e.outcome == "article"}
