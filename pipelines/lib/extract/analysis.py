"""Everything warta extracts from one clean article body, in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipelines.lib import lexicons
from pipelines.lib.dates import find_date_mentions, reference_date
from pipelines.lib.extract.actors.actors import Actor, ArticleActors, Mention
from pipelines.lib.extract.events.events import Event, extract_events
from pipelines.lib.extract.figures.figures import Figure, extract_figures
from pipelines.lib.extract.quotes.marks import find_quoted
from pipelines.lib.extract.quotes.quotes import Quote, extract_quotes
from pipelines.lib.extract.sentences import Span, sentences


@dataclass(frozen=True)
class Analysis:
    reference: dt.date  # the date relative expressions were resolved against
    actors: list[Actor]
    mentions: list[Mention]
    quotes: list[Quote]
    figures: list[Figure]
    events: list[Event]
    sentences: list[Span]


def analyze(body: str, published: dt.date | None, ingested: dt.date, language: str | None = "id") -> Analysis:
    """Quotes, figures, events and actors of ``body``, read with the lexicons of ``language`` (the
    article's detected language; Indonesian when none was detected, and for any lexicon the language
    has none of).

    Dates resolve against the publication date; an article without one is
    placed at the latest weekday-checked date it states ("Selasa (21/1)"),
    else at the ingestion date.
    """
    language = language or lexicons.FALLBACK_LANGUAGE
    dates = find_date_mentions(body, language)
    spans = sentences(body, language)
    reference = published or reference_date(body, ingested, language, dates)
    actors = ArticleActors.scan(body, reference.year, language, spans)
    quoted = find_quoted(body, language)
    quotes = extract_quotes(body, actors, language, spans, quoted)
    masked = [(q.char_start, q.char_end) for q in quotes if q.kind == "direct"] + [(q.start, q.end) for q in quoted]
    events = extract_events(body, actors, reference, published, masked, language, dates, spans)
    figures = extract_figures(body, language)
    return Analysis(reference, _all_actors(actors, quotes, events), actors.mentions, quotes, figures, events, spans)


def _all_actors(actors: ArticleActors, quotes: list[Quote], events: list[Event]) -> list[Actor]:
    """Every actor the records refer to: named, speaking or taking part."""
    found = {a.name: a for a in actors.actors()}
    for quote in quotes:
        found.setdefault(
            quote.speaker, actors.lexicon.by_name.get(quote.speaker.lower()) or Actor(quote.speaker, quote.speaker_kind)
        )
    for event in events:
        for name in event.participants:
            found.setdefault(name, actors.lexicon.by_name.get(name.lower()) or Actor(name, "person"))
    return list(found.values())
