"""The fingerprint of a report: what it shows and the code that draws it, stamped into the page.

A run that changes nothing the report shows (a poll with nothing new) finds the same fingerprint in
the page it wrote last and leaves the page as it is, without loading the charting libraries. The
fingerprint covers the data (every frame and number of ``ReportData``), the warehouse's name, the files
that shape the page (template, charts, page) and the version of the Vega bundle it inlines.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
from importlib import metadata
from pathlib import Path

import polars as pl

from pipelines.lib.report.data import ReportData

HERE = Path(__file__).parent
DRAWING_FILES = ("report.html.j2", "charts.py", "page.py", "data.py")
BUNDLE_PACKAGE = "vl-convert-python"
HEAD_BYTES = 4096  # the stamp is in the page's <head>
STAMP = re.compile(r'<meta name="warta-report" content="([0-9a-f]{64}) (\d+)">')


@dataclasses.dataclass(frozen=True)
class Stamp:
    fingerprint: str
    charts: int


def report_fingerprint(data: ReportData, source: str) -> str:
    """sha256 of everything that decides what the page looks like."""
    digest = hashlib.sha256(f"{source}\n{metadata.version(BUNDLE_PACKAGE)}\n".encode())
    for name in DRAWING_FILES:
        digest.update((HERE / name).read_bytes())
    for field in dataclasses.fields(data):
        value = getattr(data, field.name)
        digest.update(field.name.encode())
        digest.update(value.write_csv().encode() if isinstance(value, pl.DataFrame) else repr(value).encode())
    return digest.hexdigest()


def stamp_tag(stamp: Stamp) -> str:
    """The <meta> element that carries the stamp in the page."""
    return f'<meta name="warta-report" content="{html.escape(stamp.fingerprint)} {stamp.charts}">'


def read_stamp(page: Path) -> Stamp | None:
    """The stamp of the page at ``page``; None when there is no page or it carries none."""
    try:
        with page.open("rb") as stream:
            head = stream.read(HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    found = STAMP.search(head)
    return Stamp(found.group(1), int(found.group(2))) if found else None
