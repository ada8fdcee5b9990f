"""The article read from a page, and the error for a page without one."""

import pytest

from pipelines.lib.text.page import NoArticleText, require_text


def test_no_article_text_is_a_value_error():
    assert issubclass(NoArticleText, ValueError)


def test_a_body_without_words_is_no_article():
    assert require_text("Banjir merendam desa.") == "Banjir merendam desa."
    with pytest.raises(NoArticleText, match="no article text: only furniture"):
        require_text(" *** | ")
