"""Polars frames shaped like the core tables (columns and types from ``sql/schema/``): rows from dicts,
from an article's analysis and from its actors."""

from __future__ import annotations

import hashlib

import polars as pl

from pipelines.lib.extract.actors.actors import Actor, actor_id
from pipelines.lib.extract.analysis import Analysis
from pipelines.lib.extract.sentences import sentence_at
from pipelines.lib.warehouse.schema import table_schema

EXTRACTION_TABLES = ("actor_mentions", "quotes", "figures", "events", "event_participants")


def frame(table: str, rows: list[dict]) -> pl.DataFrame:
    """``rows`` as a frame with the columns and types of core table ``table`` (missing keys are null)."""
    return pl.DataFrame(rows, schema=table_schema(table))


def row_id(prefix: str, *parts: object) -> str:
    return prefix + "_" + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def actor_rows(actors: list[Actor]) -> pl.DataFrame:
    rows = {
        a.name.lower(): {
            "actor_id": actor_id(a.name),
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "aliases": list(a.aliases),
        }
        for a in actors
    }
    return frame("actors", list(rows.values()))


def analysis_rows(article_id: str, analysis: Analysis) -> dict[str, list[dict]]:
    """Rows for every extraction table, for one article."""
    spans = analysis.sentences
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACTION_TABLES}
    for m in analysis.mentions:
        rows["actor_mentions"].append(
            {
                "article_id": article_id,
                "actor_id": actor_id(m.actor.name),
                "surface": m.surface,
                "char_start": m.start,
                "char_end": m.end,
                "role": m.role,
            }
        )
    for q in analysis.quotes:
        rows["quotes"].append(
            {
                "quote_id": row_id("quo", article_id, q.kind, q.char_start, q.char_end),
                "article_id": article_id,
                "speaker_id": actor_id(q.speaker),
                "kind": q.kind,
                "quote_text": q.text,
                "cue": q.cue,
                "addressee": q.addressee,
                "sentence": q.sentence,
                "char_start": q.char_start,
                "char_end": q.char_end,
                "speaker_mention": q.speaker_mention,
                "speaker_mention_start": q.speaker_start,
                "speaker_mention_end": q.speaker_end,
                "speaker_role": q.speaker_role,
            }
        )
    for f in analysis.figures:
        sentence = sentence_at(spans, f.char_start)
        rows["figures"].append(
            {
                "figure_id": row_id("fig", article_id, f.kind, f.char_start, f.char_end),
                "article_id": article_id,
                "kind": f.kind,
                "value": float(f.value),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "surface": f.surface,
                "sentence": sentence.text if sentence else None,
                "char_start": f.char_start,
                "char_end": f.char_end,
            }
        )
    for e in analysis.events:
        event_id = row_id("evt", article_id, e.event_type, e.char_start, e.trigger, e.date.iso() if e.date else None)
        rows["events"].append(
            {
                "event_id": event_id,
                "article_id": article_id,
                "event_type": e.event_type,
                "mode": e.mode,
                "status": e.status,
                "event_date": e.date.value if e.date else None,
                "date_precision": e.date.precision if e.date else None,
                "date_source": e.date_source,
                "is_date_contradiction": bool(e.date and e.date.is_contradiction),
                "date_note": e.date.note if e.date else None,
                "location": e.location,
                "trigger": e.trigger,
                "cameo_code": e.cameo_code,
                "sentence": e.sentence,
                "char_start": e.char_start,
                "char_end": e.char_end,
            }
        )
        for name in dict.fromkeys(e.participants):
            rows["event_participants"].append(
                {"event_id": event_id, "article_id": article_id, "actor_id": actor_id(name)}
            )
    return rows


def to_frames(rows: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    """One frame per extraction table."""
    return {name: frame(name, rows.get(name, [])) for name in EXTRACTION_TABLES}
