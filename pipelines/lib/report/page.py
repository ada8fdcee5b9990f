"""The report page: one HTML file with its charts and the Vega JavaScript inlined, so it opens offline
(``writer`` decides when it is drawn)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib import metadata
from pathlib import Path

import altair as alt
import jinja2
import markupsafe
import polars as pl
import vl_convert

from pipelines.lib.report import charts
from pipelines.lib.report.data import ReportData
from pipelines.lib.report.files import write_atomically
from pipelines.lib.report.fingerprint import BUNDLE_PACKAGE, Stamp, stamp_tag

TEMPLATE = "report.html.j2"
REJECTED_ROWS_SHOWN = 200


def vega_bundle(cache: Path | None = None) -> str:
    """Vega, Vega-Lite and vega-embed as one script, shipped by vl-convert. Building it takes about a second and
    100 MiB, so with a ``cache`` folder it is kept there, one file per vl-convert version, and read back on later
    runs (a folder it cannot write to only costs the build again)."""
    if cache is None:
        return _built_bundle()
    path = Path(cache) / f"vega-bundle-{metadata.version(BUNDLE_PACKAGE)}.js"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    bundle = _built_bundle()
    try:
        write_atomically(path, bundle)
    except OSError:
        pass
    return bundle


@functools.cache
def _built_bundle() -> str:
    return vl_convert.javascript_bundle()


def script_json(value: object) -> str:
    """``value`` as JSON that can stand inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_specs(data: ReportData) -> dict[str, dict | None]:
    """Each chart of the page as a Vega-Lite specification (``None`` where there is nothing to draw)."""
    built = {
        "events": charts.events_over_time(data.timeline),
        "speakers": charts.most_quoted(data.quote_counts),
        **{f"figures_{kind}": charts.figures_of_kind(data.figures, kind) for kind in charts.FIGURE_KINDS},
        "rejected": charts.rejections_by_reason(data.rejected),
    }
    with alt.data_transformers.disable_max_rows():
        return {name: chart.to_dict() if chart is not None else None for name, chart in built.items()}


def quotes_by_speaker(quotes: pl.DataFrame) -> list[dict]:
    """The most-quoted speakers in order, each with their latest quotes."""
    speakers: dict[str, dict] = {}
    for row in quotes.iter_rows(named=True):
        entry = speakers.setdefault(row["speaker"], {"speaker": row["speaker"], "count": row["speaker_quotes"]})
        entry.setdefault("quotes", []).append(row)
    return list(speakers.values())


def render(
    data: ReportData, source: str, now: dt.datetime, fingerprint: str, bundle_cache: Path | None = None
) -> tuple[str, int]:
    """The page's HTML, stamped with ``fingerprint``, and the number of charts it draws (``bundle_cache``: see
    ``vega_bundle``)."""
    specs = chart_specs(data)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True, undefined=jinja2.StrictUndefined
    )
    drawn = {name: spec for name, spec in specs.items() if spec is not None}
    html = environment.get_template(TEMPLATE).render(
        stamp=markupsafe.Markup(stamp_tag(Stamp(fingerprint, len(drawn)))),
        source=source,
        generated_at=now.strftime("%Y-%m-%d %H:%M"),
        counts=data.counts,
        published_range=data.published_range,
        undated_events=data.undated_events,
        specs=drawn,
        figure_charts=[name for name in drawn if name.startswith("figures_")],
        specs_json=script_json(drawn),
        speakers=quotes_by_speaker(data.quotes),
        rejected=data.rejected.head(REJECTED_ROWS_SHOWN).iter_rows(named=True),
        rejected_total=data.rejected.height,
        rejected_shown=REJECTED_ROWS_SHOWN,
        vega_script=vega_bundle(bundle_cache),
    )
    return html, len(drawn)
