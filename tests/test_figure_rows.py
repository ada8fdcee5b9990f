"""analytics.figures: one row per mention, each with its own offsets and sentence; value_key groups
the mentions of one value in an article."""

import datetime as dt

import duckdb

from pipelines.lib.extract.analysis import analyze
from pipelines.lib.warehouse.frames import analysis_rows, to_frames
from pipelines.lib.warehouse.rows import insert_rows
from pipelines.lib.warehouse.schema import apply_schema, apply_views

BODY = (
    "Pengadilan menjatuhkan denda Rp 500 juta kepada 16 orang pengawal di perusahaan itu.\n\n"
    "Jaksa menyebut 16 pengawal itu menerima Rp 500 juta dari terdakwa."
)


def figure_rows():
    analysis = analyze(BODY, dt.date(2024, 3, 1), dt.date(2024, 3, 2))
    frames = to_frames(analysis_rows("art_1", analysis))
    with duckdb.connect(":memory:") as conn:
        apply_schema(conn)
        apply_views(conn)
        insert_rows(conn, "core.figures", frames["figures"])
        rows = conn.execute(
            "select value_key, surface, char_start, sentence from analytics.figures order by char_start"
        ).fetchall()
        grouped = conn.execute(
            "select value_key, count(*) from analytics.figures group by article_id, value_key order by 1"
        ).fetchall()
    return rows, grouped


def test_every_mention_is_a_row_with_its_offsets_and_sentence():
    rows, _ = figure_rows()
    assert [(surface, BODY[start : start + len(surface)]) for _, surface, start, _ in rows] == [
        (surface, surface) for _, surface, _, _ in rows
    ]
    assert [surface for _, surface, _, _ in rows] == ["Rp 500 juta", "16 orang pengawal", "16 pengawal", "Rp 500 juta"]
    assert rows[0][3].startswith("Pengadilan") and rows[3][3].startswith("Jaksa")


def test_value_key_groups_the_mentions_of_one_value():
    _, grouped = figure_rows()
    assert grouped == [("count:16.0:pengawal", 2), ("money:500000000.0:IDR", 2)]
