"""The response records of a WARC file, read as a stream (warcio): one record in memory at a time.

``read_responses(stream, max_bytes)`` yields a ``WarcResponse`` for every response record (any
status, any type: filtering is the caller's) and a ``WarcProblem`` for a record that cannot be
used: shorter than its ``Content-Length`` (truncated), failing its block digest, over
``max_bytes``, or a file that stops parsing (malformed or cut); after such a break nothing more of
the file is read. Nothing is raised for bad input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

CHUNK_BYTES = 1 << 16


@dataclass(frozen=True)
class WarcResponse:
    """One HTTP response as the crawler received it."""

    url: str  # WARC-Target-URI
    fetched_at: dt.datetime  # WARC-Date, naive UTC
    status: int | None
    content_type: str | None  # the media type alone, lowercased ("text/html")
    content_language: str | None
    content: bytes  # the payload, content and transfer encodings undone
    offset: int  # where the record starts in the (uncompressed or gzipped) file


@dataclass(frozen=True)
class WarcProblem:
    """A record, or the rest of a file, that cannot be read; ``url`` when the record named one."""

    url: str | None
    reason: str
    offset: int
    byte_size: int = 0


def read_responses(stream: BinaryIO, max_bytes: int) -> Iterator[WarcResponse | WarcProblem]:
    """Every response record of ``stream`` (gzipped per record or not), or the problem with it."""
    records = ArchiveIterator(stream, check_digests=True)
    offset = 0
    while True:
        try:
            record = next(records)
            offset = records.offset
            if record.rec_type != "response":
                continue
            yield _response(record, offset, max_bytes)
        except StopIteration:
            return
        except Exception as error:  # warcio and zlib raise many kinds on broken input
            yield WarcProblem(None, f"malformed WARC: {_said(error)}; the rest of the file is not read", offset)
            return


def _response(record, offset: int, max_bytes: int) -> WarcResponse | WarcProblem:
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
    declared = record.length or 0
    try:
        content = _read_capped(record.content_stream(), max_bytes)
        _drain(record.raw_stream)
    except Exception as error:  # a payload whose chunking or content encoding is broken
        return WarcProblem(url or None, f"malformed WARC record: {_said(error)}", offset, declared)
    missing = record.raw_stream.limit
    if missing > 0:
        reason = f"truncated WARC record: {missing} of {declared} bytes missing"
        return WarcProblem(url or None, reason, offset, declared - missing)
    if record.digest_checker.passed is False:
        return WarcProblem(url or None, "corrupt WARC record: the block digest does not match", offset, declared)
    if content is None:
        reason = f"oversized input: more than {max_bytes} bytes, the limit is {max_bytes} (WARTA_MAX_BYTES)"
        return WarcProblem(url or None, reason, offset, declared)
    if not url:
        return WarcProblem(None, "malformed WARC record: no WARC-Target-URI", offset, declared)
    headers = record.http_headers
    return WarcResponse(
        url=url,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        status=_status(headers.get_statuscode() if headers else None),
        content_type=_media_type(headers.get_header("Content-Type") if headers else None),
        content_language=headers.get_header("Content-Language") if headers else None,
        content=content,
        offset=offset,
    )


def _said(error: Exception) -> str:
    """The error's kind and the first line of its message, at most 200 characters."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return f"{type(error).__name__}: {lines[0][:200] if lines else ''}"


def _read_capped(stream, max_bytes: int) -> bytes | None:
    """The whole stream, or None as soon as it holds more than ``max_bytes``."""
    chunks, size = [], 0
    while chunk := stream.read(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _drain(stream) -> None:
    while stream.read(CHUNK_BYTES):
        pass


def _warc_date(value: str | None) -> dt.datetime:
    """WARC-Date (ISO 8601, UTC) as naive UTC; the Unix epoch when it is missing or unreadable."""
    try:
        moment = dt.datetime.fromisoformat((value or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime(1970, 1, 1)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def _status(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _media_type(value: str | None) -> str | None:
    return value.split(";", 1)[0].strip().lower() or None if value else None
