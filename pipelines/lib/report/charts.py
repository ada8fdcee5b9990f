"""The report's charts: Vega-Lite specifications built with altair from the report's frames."""

from __future__ import annotations

import math

import altair as alt
import polars as pl

WIDTH = 820
FIGURE_KINDS = {  # kind -> (title, y scale: log for amounts that span magnitudes)
    "money": ("Money, by currency", "log"),
    "percent": ("Percentages", "log"),
    "count": ("Counts, by what is counted", "log"),
    "duration": ("Durations, by unit", "linear"),
}
# log-axis labels as an English reader reads amounts: 1k, 1M (million), 1B (billion), 1T (trillion)
AMOUNT_LABEL = (
    "abs(datum.value) >= 1e12 ? format(datum.value / 1e12, '~g') + 'T'"
    " : abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '~g') + 'B'"
    " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '~g') + 'M'"
    " : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '~g') + 'k'"
    " : format(datum.value, '~g')"
)
PADDING = 16  # pixels between the axes and the first and last marks
MONTHS_BY_MONTH = 36  # a timeline spanning more months is counted by year
COUNTED_UNITS_SHOWN = 8


def events_over_time(timeline: pl.DataFrame) -> alt.TopLevelMixin | None:
    """Each real-world event once, at its date, by type; the larger the mark, the more articles report it."""
    if timeline.is_empty():
        return None
    types = timeline.get_column("event_type").n_unique()
    points = (
        alt.Chart(timeline, title="Events over time (each real-world event once)")
        .mark_point(filled=True, opacity=0.75)
        .encode(
            x=alt.X("event_date:T", title="event date", scale=alt.Scale(padding=PADDING)),
            y=alt.Y("event_type:N", title=None),
            color=alt.Color("event_type:N", legend=None),
            size=alt.Size(
                "article_count:Q",
                title="articles reporting it",
                scale=alt.Scale(range=[60, 500], zero=False),
                legend=alt.Legend(format="d", tickMinStep=1),
            ),
            shape=alt.Shape("status:N", title="status"),
            tooltip=["event_date:T", "date_precision", "event_type", "status", "participants", "article_count"],
        )
        .properties(width=WIDTH, height=max(120, 34 * types))
        .interactive(bind_y=False)
    )
    return alt.vconcat(points, events_per_period(timeline)).resolve_scale(color="shared")


def events_per_period(timeline: pl.DataFrame) -> alt.Chart:
    """How many events of each type fall in each month, or in each year when the timeline spans years."""
    first, last = timeline.get_column("event_date").min(), timeline.get_column("event_date").max()
    by_month = (last.year - first.year) * 12 + last.month - first.month <= MONTHS_BY_MONTH
    unit, label = ("yearmonth", "month") if by_month else ("year", "year")
    return (
        alt.Chart(timeline, title=f"Events per {label}, by type")
        .mark_bar()
        .encode(
            x=alt.X(f"{unit}(event_date):O", title=label),
            y=alt.Y("count():Q", title="events", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("event_type:N", title="event type"),
            tooltip=[alt.Tooltip(f"{unit}(event_date):O", title=label), "event_type", "count():Q"],
        )
        .properties(width=WIDTH, height=180)
    )


def most_quoted(quote_counts: pl.DataFrame) -> alt.Chart | None:
    """The speakers quoted most, their quotes split into direct and indirect."""
    if quote_counts.is_empty():
        return None
    speakers = quote_counts.get_column("speaker").n_unique()
    return (
        alt.Chart(quote_counts, title="Who is quoted most")
        .mark_bar()
        .encode(
            x=alt.X("sum(quotes):Q", title="quotes", axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y(
                "speaker:N", sort=alt.EncodingSortField("speaker_quotes", op="max", order="descending"), title=None
            ),
            color=alt.Color("kind:N", title="kind", scale=alt.Scale(domain=["direct", "indirect"])),
            tooltip=["speaker", "kind", "quotes", alt.Tooltip("speaker_quotes", title="all quotes")],
        )
        .properties(width=WIDTH - 160, height=max(80, 24 * speakers))
    )


def figures_of_kind(figures: pl.DataFrame, kind: str) -> alt.Chart | None:
    """The figures of one kind at the publication date of their article, coloured by currency or unit."""
    title, scale_type = FIGURE_KINDS[kind]
    data = figures.filter(pl.col("kind") == kind)
    if scale_type == "log":
        data = data.filter(pl.col("value") > 0)
    if kind == "count":
        data = with_common_units(data)
    if data.is_empty():
        return None
    return (
        alt.Chart(data, title=title + (" (log scale)" if scale_type == "log" else ""))
        .mark_point(filled=True, opacity=0.7, size=60)
        .encode(
            x=alt.X(
                "published_date:T",
                title="publication date",
                scale=alt.Scale(padding=PADDING),
                axis=alt.Axis(format="%Y-%m", tickCount=8, labelOverlap=True),
            ),
            y=alt.Y(
                "value:Q",
                scale=alt.Scale(type=scale_type, padding=PADDING),
                axis=value_axis(data.get_column("value"), scale_type),
            ),
            color=alt.Color("unit:N", title="currency" if kind == "money" else "unit"),
            tooltip=["surface", "value", "unit", "qualifier", "published_date:T", "article_title", "site"],
        )
        .properties(width=WIDTH - 160, height=220)
        .interactive()
    )


def value_axis(values: pl.Series, scale_type: str) -> alt.Axis:
    """On a log axis, one tick per power of ten the values span, labelled as amounts (1k, 1M, 1B, 1T)."""
    if scale_type != "log":
        return alt.Axis(title="value")
    low, high = math.floor(math.log10(values.min())), math.ceil(math.log10(values.max()))
    return alt.Axis(title="value", values=[10.0**power for power in range(low, high + 1)], labelExpr=AMOUNT_LABEL)


def with_common_units(counts: pl.DataFrame) -> pl.DataFrame:
    """Counts of the most frequent counted nouns keep their unit; the rest are ``other``."""
    common = counts.get_column("unit").value_counts(sort=True).head(COUNTED_UNITS_SHOWN).get_column("unit")
    unit = pl.when(pl.col("unit").is_in(common.implode())).then(pl.col("unit")).otherwise(pl.lit("other"))
    return counts.with_columns(unit.alias("unit"))


def rejections_by_reason(rejected: pl.DataFrame) -> alt.Chart | None:
    if rejected.is_empty():
        return None
    return (
        alt.Chart(rejected, title="Rejected inputs, by reason")
        .mark_bar()
        .encode(
            x=alt.X("count():Q", title="inputs", axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("reason_kind:N", sort="-x", title=None),
            tooltip=["reason_kind", "count():Q"],
        )
        .properties(width=WIDTH - 260, height=max(60, 24 * rejected.get_column("reason_kind").n_unique()))
    )
