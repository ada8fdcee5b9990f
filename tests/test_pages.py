"""Multi-page articles: pages in order become one article; ``page=all`` stands for them all."""

from __future__ import annotations

import datetime as dt

from pipelines.lib.text.article import ArticleRecord, Rejection, build_article
from pipelines.lib.text.pages import Page, assemble

URL = "https://example.com/berita/putin-di-beijing"
TEXTS = {
    f"{URL}": "Putin tiba di Beijing\n\nPresiden Rusia Vladimir Putin tiba di Beijing pada Kamis pagi.\n",
    f"{URL}?page=2": "Putin tiba di Beijing\n\nIa lalu bertemu Presiden China Xi Jinping di Balai Agung Rakyat.\n",
    f"{URL}?page=all": "Putin tiba di Beijing\n\nSeluruh halaman berita dalam satu halaman.\n",
}


def build(page: Page) -> ArticleRecord | Rejection:
    return build_article(page.source, "text", TEXTS.get(page.source, "").encode(), dt.date(2024, 5, 16))


def page(source: str, number: int) -> Page:
    return Page(source, "text", URL, number, "0" * 64, "id")


def test_the_pages_of_an_article_become_one_article_in_page_order():
    (article,) = assemble([page(URL, 1), page(f"{URL}?page=2", 2)], build).accepted
    assert article.source == URL
    assert article.body.index("tiba di Beijing pada Kamis") < article.body.index("bertemu Presiden China")


def test_the_page_holding_all_pages_is_preferred():
    (article,) = assemble([page(f"{URL}?page=all", 0), page(URL, 1), page(f"{URL}?page=2", 2)], build).accepted
    assert "Seluruh halaman" in article.body and "Kamis pagi" not in article.body


def test_an_article_none_of_whose_pages_holds_text_is_emptied_with_a_rejection_per_page():
    assembly = assemble([page(f"{URL}?page=3", 3)], build)
    assert assembly.accepted == [] and len(assembly.emptied) == 1
    assert "empty" in assembly.rejected[0].reason
