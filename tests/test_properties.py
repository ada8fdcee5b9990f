"""Properties of the parsers on any text: no exception, offsets inside the text, and
``text[start:end]`` is exactly what was extracted.

Texts come from ``st.text()`` and from a soup of what news bodies are made of: Indonesian
words and names, speech verbs, digits with separators, "Rp", "triliun", "persen", month and
weekday names, every quotation mark, brackets, dashes and line breaks, in any order.
"""

from __future__ import annotations

import datetime as dt
import math
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipelines.lib.dates import find_date_mentions, find_publication_date, reference_date, resolve
from pipelines.lib.extract.analysis import analyze
from pipelines.lib.extract.figures.figures import extract_figures
from pipelines.lib.extract.figures.numbers import scan_numbers
from pipelines.lib.extract.figures.numerals import parse_numeral
from pipelines.lib.extract.quotes.marks import find_quoted
from pipelines.lib.extract.quotes.quotes import extract_quotes
from pipelines.lib.extract.sentences import paragraphs, sentences
from pipelines.lib.text.characters import strip_invisible

EXAMPLES = int(os.environ.get("WARTA_PROPERTY_EXAMPLES", "200"))  # more for a long hunt
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "Presiden Joko Widodo Putin Xi Jinping Menteri Keuangan Sri Mulyani kata ujar katanya imbuhnya "
    "mengatakan menyatakan menurut bahwa dan di ke dari pada yang itu tersebut Jakarta Beijing Rusia "
    "China Indonesia pemerintah anggaran naik turun sebesar sekitar lebih kurang hingga setidaknya "
    "orang hari bulan tahun pekan lalu depan ini silam setelah sebelum pukul WIB tiga dua puluh "
    "belas ratus ribu juta miliar triliun setengah sepertiga pertiganya persen Rp US$ USD $ dolar "
    "AS rupiah yuan kali ton km dosis Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari "
    "Maret Mei Agustus Desember Jan. Des ke-16 Covid-19 G20 minus bertemu kunjungan menelepon "
    "sepakat akan dijadwalkan"
).split()
NUMERALS = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(str),
    st.from_regex(r"\A\d{1,4}(?:[.,]\d{1,4}){0,6}\Z", fullmatch=True),
    st.sampled_from(["1.234.567.890.123.456", "9,99e999", "1e309", "9" * 400, "0,5", "1.500", "10.00", "2021"]),
)
MARKS = st.sampled_from(list("“”„«»\"'‘’()[]/-–—.,:;!?%") + ["...", "…"])
SPACES = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", "\u00a0", "\t"])
PIECE = st.one_of(st.sampled_from(WORDS), NUMERALS, MARKS, st.text(max_size=3))
SOUP = st.lists(st.tuples(PIECE, SPACES), max_size=60).map(lambda parts: "".join(p + s for p, s in parts))
TEXT = st.one_of(st.text(), SOUP)
REFERENCES = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
)


def inside(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


@SETTINGS
@given(TEXT)
@example("Utang Rp1.234.567.890.123.456 dan 9,99e999 serta 1e309 orang")
@example("Nilainya " + "9" * 5000 + " rupiah, atau 1." + ".".join(["000"] * 200) + " dolar AS")
def test_numbers_are_finite_and_their_surfaces_are_the_text(text):
    for span in scan_numbers(text):
        assert inside(text, span.start, span.end)
        assert text[span.start : span.end].strip() == text[span.start : span.end] != ""
        assert math.isfinite(span.value)


@SETTINGS
@given(st.one_of(TEXT, NUMERALS))
def test_parsing_a_number_never_fails_and_gives_a_finite_value(surface):
    for value in [parse_numeral(surface)] + [span.value for span in scan_numbers(surface)]:
        assert value is None or math.isfinite(value)


@SETTINGS
@given(TEXT)
@example("Utang Rp1." + ".".join(["999"] * 120) + " triliun, naik 1e309 persen")
def test_figures_are_finite_and_their_surfaces_are_the_text(text):
    for figure in extract_figures(text, repeats=True):
        assert inside(text, figure.char_start, figure.char_end)
        assert text[figure.char_start : figure.char_end] == figure.surface
        assert math.isfinite(figure.value)
        assert figure.kind in {"money", "percent", "count", "duration"}


@SETTINGS
@given(TEXT, REFERENCES)
@example("tiga hari setelah 2 Januari 0001, bulan lalu, 2 tahun lalu; 999 tahun sebelum itu", dt.date(1, 1, 1))
@example("pada 31 Desember 9999, bulan depan, pekan depan dan Senin depan", dt.date(9999, 12, 31))
def test_dates_are_found_inside_the_text_and_resolve_without_error(text, reference):
    mentions = find_date_mentions(text)
    anchor = None  # an offset ("delapan hari setelah") is resolved from the date before it
    for mention in mentions:
        assert inside(text, mention.start, mention.end)
        assert text[mention.start : mention.end] == mention.surface
        for future in (None, True, False):
            resolved = resolve(mention, reference, anchor=anchor, future=future)
            assert resolved is None or resolved.precision in {"day", "month", "year"}
        anchor = resolve(mention, reference, anchor=anchor) or anchor
    find_publication_date(text, reference, mentions=mentions)
    reference_date(text, reference, mentions=mentions)


@SETTINGS
@given(TEXT)
@example("“Kalimat yang tidak pernah ditutup, kata Putin.\n\nParagraf berikutnya berdiri sendiri.")
@example("«" * 3000 + "»" * 10 + "'a " * 2000)
def test_quoted_spans_are_the_text_and_an_unclosed_mark_stops_at_its_paragraph(text):
    for quoted in find_quoted(text):
        assert inside(text, quoted.start, quoted.end)
        assert text[quoted.start : quoted.end] == quoted.text
        if quoted.close_at is None:
            assert "\n" not in quoted.text
    for span in sentences(text) + paragraphs(text):
        assert inside(text, span.start, span.end) and text[span.start : span.end] == span.text


@SETTINGS
@given(TEXT)
@example("“Ekonomi tumbuh 5 persen,” kata Menteri Keuangan Sri Mulyani di Jakarta.\n\n“Belum selesai")
def test_quotes_are_the_text_between_their_offsets(text):
    for quote in extract_quotes(text):
        assert inside(text, quote.char_start, quote.char_end)
        assert text[quote.char_start : quote.char_end] == quote.text
        assert quote.kind in {"direct", "indirect"} and quote.speaker


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.none() | REFERENCES, st.sampled_from(["id", "en", "xx"]))
@example(
    "Pu\u200btin bertemu Xi pada Senin (3/2/2025).\n\n“Tidak pernah ditutup, kata dia\n\nRp9,99e999 naik 1e309 persen",
    None,
    "id",
)
def test_analysis_never_fails_on_any_body(body, published, language):
    body = strip_invisible(body)  # what cleaning leaves
    analysis = analyze(body, published, dt.date(2025, 1, 1), language)  # no lexicon of its own: Indonesian
    for quote in analysis.quotes:
        assert text_at(body, quote.char_start, quote.char_end) == quote.text
    for figure in analysis.figures:
        assert text_at(body, figure.char_start, figure.char_end) == figure.surface
    for mention in analysis.mentions:
        assert text_at(body, mention.start, mention.end) == mention.surface
    for event in analysis.events:
        assert inside(body, event.char_start, event.char_end)


def text_at(body: str, start: int, end: int) -> str:
    assert inside(body, start, end)
    return body[start:end]
