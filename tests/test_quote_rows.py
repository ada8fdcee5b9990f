"""The warehouse rows of quotes and actors: who is named where, in what role, in which language."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.cli import run
from tests.conftest import resources_for
from tests.test_quotes_en import ARTICLE as ENGLISH

INDONESIAN = "\n\n".join(
    [
        "Warga Sukamaju Mengungsi",
        "Kepala Desa Sukamaju H Ujang Suryana mengatakan sebanyak 40 keluarga mengungsi ke balai desa sejak "
        "Senin malam karena air sungai meluap.",
        "“Kami sudah minta bantuan tenda dan makanan ke kabupaten,” katanya.",
        "Ujang menambahkan, air mulai surut pada Selasa sore.",
    ]
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    workspace = tmp_path_factory.mktemp("quote-rows")
    (workspace / "inbox").mkdir()
    (workspace / "sources.yaml").write_text("sources:\n  - name: inbox\n    inbox: inbox\n")
    (workspace / "inbox" / "english.txt").write_text(ENGLISH)
    (workspace / "inbox" / "desa.txt").write_text(INDONESIAN)
    run(resources=resources_for(workspace))
    return workspace / "warehouse.duckdb"


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def test_each_article_is_read_in_its_own_language(warehouse: Path):
    rows = query(warehouse, "select language, speaker from analytics.quotes order by language, char_start")
    assert {language for language, _ in rows} == {"en", "id"}
    assert [s for language, s in rows if language == "en"][:2] == ["Supriyanto Wibisono", "Supriyanto Wibisono"]
    assert {s for language, s in rows if language == "id"} == {"Ujang Suryana"}


def test_a_quote_keeps_the_words_that_name_its_speaker_and_the_role_given(warehouse: Path):
    rows = query(
        warehouse,
        """
        select a.body, q.speaker_mention, q.speaker_mention_start, q.speaker_mention_end, q.speaker_role
        from analytics.quotes q join analytics.articles a using (article_id)
        where a.language = 'id' order by q.char_start""",
    )
    assert [(mention, role) for _, mention, _, _, role in rows] == [
        ("Ujang Suryana", "Kepala Desa Sukamaju"),
        ("katanya", "Kepala Desa Sukamaju"),
        ("Ujang", "Kepala Desa Sukamaju"),
    ]
    assert all(body[start:end] == mention for body, mention, start, end, _ in rows)


def test_an_actor_keeps_every_name_and_role_it_was_given(warehouse: Path):
    [(aliases, roles)] = query(warehouse, "select aliases, roles from analytics.actors where name = 'Ujang Suryana'")
    assert set(aliases) == {"Ujang Suryana", "Ujang"} and roles == ["Kepala Desa Sukamaju"]
