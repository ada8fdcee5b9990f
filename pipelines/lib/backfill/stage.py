"""One backfill partition: the pages of one WARC file cleaned and extracted into a staged set.

No warehouse is opened here: each kept record goes through ``process_document`` and its rows are
written, a part of ``chunk`` records at a time, under the staging root; the set counts once its
manifest is written (``staging.SetWriter``). The merge (``pipelines.lib.warehouse.staged_load``)
decides later which pages are new to the warehouse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable

from pipelines.lib.backfill.staging import STAGED_TABLES, Manifest, Staging
from pipelines.lib.ingest.polling import document_key
from pipelines.lib.ingest.source_config import Source
from pipelines.lib.ingest.warc_records import WarcProblem, WarcResponse
from pipelines.lib.ingest.warc_source import WarcRead, read_pages
from pipelines.lib.processed_document import process_document
from pipelines.lib.text.article import EXTRACTOR_VERSION
from pipelines.lib.text.detected_language import detected_language
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES, actor_rows

CHUNK = 200  # records per part file


def stage_warc_file(
    partition: str,
    source: Source,
    staging: Staging,
    max_bytes: int,
    max_seconds: float,
    chunk: int = CHUNK,
    progress: Callable[[str], None] | None = None,
) -> Manifest:
    """Stage the file ``partition`` (its location) of ``source``; returns the manifest of the new set."""
    writer = staging.writer(partition)
    read = WarcRead(partition)
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}|{source.hosts}|{source.languages}\n".encode())
    counts: Counter = Counter()
    batch = _empty_batch()
    for item in read_pages(source, partition, max_bytes, read, detected_language):
        digest.update(_fingerprint(item).encode())
        _add_item(batch, counts, item, source, max_bytes, max_seconds)
        if counts["records"] % chunk == 0:
            writer.write_part(batch)
            batch = _empty_batch()
            if progress:
                progress(f"{partition}: {counts['records']} records staged")
    writer.write_part(batch)
    counts.update({f"skipped_{reason}": n for reason, n in read.skipped.items()})
    return writer.commit(
        location=partition,
        source_name=source.name,
        language=source.language,
        staged_at=dt.datetime.now().isoformat(),
        extractor_version=EXTRACTOR_VERSION,
        digest=digest.hexdigest(),
        counts=dict(counts),
    )


def _empty_batch() -> dict[str, list[dict]]:
    return {table: [] for table in STAGED_TABLES}


def _fingerprint(item: WarcResponse | WarcProblem) -> str:
    if isinstance(item, WarcProblem):
        return f"{item.url}|{item.offset}|{item.reason}\n"
    return f"{item.url}|{item.fetched_at.isoformat()}|{hashlib.sha256(item.content).hexdigest()}\n"


def _add_item(batch, counts: Counter, item, source: Source, max_bytes: int, max_seconds: float) -> None:
    counts["records"] += 1
    if isinstance(item, WarcProblem):
        counts["problems"] += 1
        batch["records"].append(
            {"url": item.url, "offset": item.offset, "reason": item.reason, "byte_size": item.byte_size}
        )
        return
    content_hash = hashlib.sha256(item.content).hexdigest()
    batch["records"].append(
        {
            "url": item.url,
            "fetched_at": item.fetched_at,
            "status": item.status,
            "content_hash": content_hash,
            "content": item.content,
            "offset": item.offset,
            "byte_size": len(item.content),
        }
    )
    counts["pages"] += 1
    ingested = item.fetched_at.replace(tzinfo=dt.timezone.utc).astimezone().date()
    processed = process_document(
        document_key(item.url)[0], "html", item.content, ingested, source.language, max_bytes, max_seconds
    )
    if processed.article is None:
        counts["rejected"] += 1
        batch["rejected"].append(processed.result.__dict__)
        return
    counts["articles"] += 1
    batch["articles"].append(processed.article.__dict__)
    stamp = {"content_hash": content_hash}
    for table in EXTRACTION_TABLES:
        batch[table] += [{**row, **stamp} for row in processed.rows[table]]
        counts[table] += len(processed.rows[table])
    batch["actors"] += [{**row, **stamp} for row in actor_rows(processed.actors).to_dicts()]
