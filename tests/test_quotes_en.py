"""English, the second language: an article in the shape of an Indonesian outlet's English edition in, its
quotes with their speakers out; the article's detected language chooses the lexicons."""

import datetime as dt

from pipelines.lib.extract.analysis import analyze
from pipelines.lib.extract.quotes.quotes import extract_quotes

ARTICLE = "\n\n".join(
    [
        "Farmers in Central Java brace for late harvest as rains persist",
        "Semarang, C Java (ANTARA) - Rice farmers in Central Java are bracing for a late harvest this year after "
        "weeks of heavy rain flooded thousands of hectares of paddy fields, a provincial official said on Monday.",
        '"Around 12,000 hectares are still under water, and most of the plants there will not survive," head of '
        "the Central Java Agriculture Office, Supriyanto Wibisono, told ANTARA in Semarang.",
        "Wibisono said the office had distributed free seeds to farmers whose crops were destroyed.",
        "According to Wibisono, the planting season could be pushed back by at least a month.",
        '"We are asking farmers not to sell their land in panic," he added. "The government will cover part of '
        'their losses."',
        "Demak District Head Eisti Nurhayati told reporters that her administration would repair two broken "
        "embankments along the Wulan River before the end of the month.",
        '"The pumps are running day and night," Nurhayati said.',
        "The repairs, she said, will cost about Rp4 billion.",
        "A farmer in Karanganyar village said his family had lost its entire crop.",
        '"We have nothing left to harvest this season," he said.',
    ]
)


def test_an_english_edition_article_yields_its_quotes_with_speakers():
    analysis = analyze(ARTICLE, dt.date(2024, 3, 4), dt.date(2024, 3, 4), "en")
    found = [(q.speaker, q.kind, q.cue, q.text[:40]) for q in analysis.quotes]
    assert found == [
        ("Supriyanto Wibisono", "direct", "told", "Around 12,000 hectares are still under w"),
        ("Supriyanto Wibisono", "indirect", "said", "the office had distributed free seeds to"),
        ("Supriyanto Wibisono", "indirect", "according to", "the planting season could be pushed back"),
        ("Supriyanto Wibisono", "direct", "added", "We are asking farmers not to sell their "),
        ("Supriyanto Wibisono", "direct", "added", "The government will cover part of their "),
        ("Eisti Nurhayati", "indirect", "told", "her administration would repair two brok"),
        ("Eisti Nurhayati", "direct", "said", "The pumps are running day and night"),
        ("Eisti Nurhayati", "indirect", "said", "will cost about Rp4 billion."),
    ]  # the farmer is nobody named: his words are nobody's


def test_speaker_before_or_after_the_verb():
    text = (
        "“We will not raise fares this year,” said Transport Minister Arief Wicaksono.\n\n"
        "“The subsidy stays,” Wicaksono said in Jakarta on Friday."
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text, language="en")] == [
        ("Arief Wicaksono", "We will not raise fares this year"),
        ("Arief Wicaksono", "The subsidy stays"),
    ]


def test_officials_without_a_name_are_nobody_named():
    text = "“The talks went well,” ministry officials said.\n\n“We expect a deal soon,” they said."
    assert extract_quotes(text, language="en") == []
