"""WARC files written by the tests themselves (warcio), from real pages: responses, other records, broken ones."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Record:
    """A record to write: an HTTP response (``kind`` response), a request or warcinfo, or a truncated one."""

    url: str
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    kind: str = "response"  # response | request | warcinfo | truncated
    date: dt.datetime | None = None


CRAWLED_AT = dt.datetime(2024, 5, 16, 8, 30, tzinfo=dt.timezone.utc)  # a record gives no date: one crawl time for all


def page_records(folder: Path, date: dt.datetime | None = None) -> list[Record]:
    """One response per page listed in ``expected.json`` of a realdata folder, at the URL it was fetched from."""
    listed = json.loads((folder / "expected.json").read_text())
    return [Record(entry["url"], (folder / entry["file"]).read_bytes(), date=date) for entry in listed]


def write_warc(path: Path, records: list[Record]) -> Path:
    """A gzipped WARC file, one gzip member per record, as crawlers write them."""
    with path.open("wb") as stream:
        for record in records:
            stream.write(_member(record))
    return path


def _member(record: Record) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    date = (record.date or CRAWLED_AT).strftime("%Y-%m-%dT%H:%M:%SZ")
    if record.kind == "warcinfo":
        built = writer.create_warcinfo_record("test.warc.gz", {"software": "warta tests"})
    elif record.kind == "request":
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        built = writer.create_warc_record(record.url, "request", payload=io.BytesIO(b""), http_headers=headers)
    else:
        headers = StatusAndHeaders(
            f"{record.status} {'OK' if record.status == 200 else 'Not Found'}",
            [("Content-Type", record.content_type), ("Content-Length", str(len(record.body)))],
            protocol="HTTP/1.1",
        )
        built = writer.create_warc_record(
            record.url, "response", payload=io.BytesIO(record.body), http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )  # fmt: skip
    writer.write_record(built)
    data = buffer.getvalue()
    if record.kind == "truncated":  # the block stops short of its Content-Length, as in a cut download
        data = data[: len(data) // 2] + b"\r\n\r\n"
    return gzip.compress(data)
