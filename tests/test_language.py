"""The cheap language guess from function words."""

from pipelines.lib.text.language import guess_language


def test_language_guess_from_function_words():
    assert guess_language("Presiden mengatakan bahwa kerja sama yang dibangun dengan China akan diperkuat") == "id"
    assert guess_language("The president said that the deal with China was signed in the capital") == "en"
    assert guess_language("Putin Xi") is None
