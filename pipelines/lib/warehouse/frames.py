"""Polars frames shaped like the core tables: one schema per table, in one place."""

from __future__ import annotations

import hashlib

import polars as pl

from pipelines.lib.extract.actors.actors import Actor, actor_id
from pipelines.lib.extract.analysis import Analysis
from pipelines.lib.extract.sentences import sentence_at

ACTORS_SCHEMA = {
    "actor_id": pl.String,
    "name": pl.String,
    "kind": pl.String,
    "country": pl.String,
    "aliases": pl.List(pl.String),
}
S, N, D, T, B = pl.String, pl.Int64, pl.Date, pl.Datetime, pl.Boolean
TABLE_SCHEMAS = {
    "documents": {
        "source": S, "source_name": S, "kind": S, "url": S, "canonical_url": S, "page_number": pl.Int32,
        "content_hash": S, "byte_size": N, "raw_path": S, "language": S, "listed_updated_at": T,
        "file_signature": S, "error": S, "attempts": pl.Int32, "fetched_at": T,
    },
    "url_aliases": {"url": S, "source": S},
    "fetches": {
        "poll_id": S, "url": S, "source": S, "outcome": S, "http_status": pl.Int32, "error": S, "fetched_at": T,
    },
    "polls": {
        "poll_id": S, "run_id": S, "source_name": S, "source_kind": S, "location": S, "started_at": T,
        "finished_at": T, "urls_seen": pl.Int32, "urls_new": pl.Int32, "urls_updated": pl.Int32,
        "urls_unchanged": pl.Int32, "urls_duplicate": pl.Int32, "urls_failed": pl.Int32, "urls_deferred": pl.Int32,
        "error": S,
    },
    "articles": {
        "article_id": S, "source": S, "content_hash": S, "url": S, "site": S, "title": S, "published_date": D,
        "published_date_note": S, "is_published_date_contradiction": B, "language": S, "author": S,
        "dateline_place": S, "body": S, "word_count": pl.Int32, "extractor_version": S, "ingested_at": T,
    },
    "rejected": {"source": S, "content_hash": S, "reason": S, "byte_size": N, "extractor_version": S, "rejected_at": T},
    "processing": {"article_id": S, "stage": S, "content_hash": S, "extractor_version": S, "processed_at": T},
    "timeline": {
        "timeline_id": S, "event_type": S, "status": S, "event_date": D, "date_precision": S,
        "participants": pl.List(S), "article_ids": pl.List(S), "event_ids": pl.List(S),
    },
}  # fmt: skip


def frame(table: str, rows: list[dict]) -> pl.DataFrame:
    """``rows`` as a frame with the columns and types of ``table``."""
    return pl.DataFrame(rows, schema=TABLE_SCHEMAS[table])


SCHEMAS = {
    "actor_mentions": {
        "article_id": pl.String,
        "actor_id": pl.String,
        "surface": pl.String,
        "char_start": pl.Int32,
        "char_end": pl.Int32,
    },
    "quotes": {
        "quote_id": pl.String,
        "article_id": pl.String,
        "speaker_id": pl.String,
        "kind": pl.String,
        "quote_text": pl.String,
        "cue": pl.String,
        "addressee": pl.String,
        "sentence": pl.String,
        "char_start": pl.Int32,
        "char_end": pl.Int32,
    },
    "figures": {
        "figure_id": pl.String,
        "article_id": pl.String,
        "kind": pl.String,
        "value": pl.Float64,
        "unit": pl.String,
        "qualifier": pl.String,
        "surface": pl.String,
        "sentence": pl.String,
        "char_start": pl.Int32,
        "char_end": pl.Int32,
    },
    "events": {
        "event_id": pl.String,
        "article_id": pl.String,
        "event_type": pl.String,
        "mode": pl.String,
        "status": pl.String,
        "event_date": pl.Date,
        "date_precision": pl.String,
        "date_source": pl.String,
        "is_date_contradiction": pl.Boolean,
        "date_note": pl.String,
        "location": pl.String,
        "trigger": pl.String,
        "cameo_code": pl.String,
        "sentence": pl.String,
        "char_start": pl.Int32,
        "char_end": pl.Int32,
    },
    "event_participants": {"event_id": pl.String, "article_id": pl.String, "actor_id": pl.String},
}


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
    return pl.DataFrame(list(rows.values()), schema=ACTORS_SCHEMA)


def analysis_rows(article_id: str, analysis: Analysis) -> dict[str, list[dict]]:
    """Rows for every extraction table, for one article."""
    spans = analysis.sentences
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for m in analysis.mentions:
        rows["actor_mentions"].append(
            {
                "article_id": article_id,
                "actor_id": actor_id(m.actor.name),
                "surface": m.surface,
                "char_start": m.start,
                "char_end": m.end,
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
    return {name: pl.DataFrame(rows.get(name, []), schema=schema) for name, schema in SCHEMAS.items()}
