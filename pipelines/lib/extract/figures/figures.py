"""Figures stated in Indonesian news: money, percentages, counts and durations.

``extract_figures(text)`` finds every number (see ``numbers.py``) and decides
from the words around it what it measures:

- **money**: a currency sign or code before it ("$123 miliar", "USD200 miliar",
  "US$ 1,5 triliun", "Rp4 miliar", "€3 juta") or a currency name after it
  ("550 ribu dolar AS", "10 juta yuan", "5 miliar rubel"). ``value`` is in units
  of the currency, ``unit`` its ISO 4217 code. Plain "dolar" is USD.
- **percent**: "%", "persen" after it ("31%", "0,5 persen"); also a fraction
  with no unit after it, read as a share ("dua pertiganya" = 66.67,
  "separuh penduduk" = 50), except idioms ("setengah hati").
- **duration**: a time unit after it ("tiga hari", "11 bulan", "dua dekade" =
  20 year, "1 abad" = 100 year); ``unit`` is year/month/week/day/hour/minute/second.
- **count**: a noun phrase after it ("enam produsen", "150 juta dosis vaksin");
  ``unit`` is the counted noun and the words that describe it, ending at a
  function word, an adverb, a predicate, a verb, a name or punctuation ("dua
  unit mobil dinas milik pemda" -> "mobil dinas", "40 warga kini" -> "warga"),
  the noun after a classifier ("348 orang penumpang" -> "penumpang"), without a
  possessive suffix ("tiga pertemuannya" -> "pertemuan"); see ``noun_phrase.py``.
  "14 pernyataan, protokol, ..." counts 14 "pernyataan".

Rules worth knowing (all the words involved are in ``lexicon/id/figures.toml``):

- ``surface`` spans the currency sign, the number, its scale and the unit
  word(s); it never includes the qualifier ("lebih dari 40 juta bibit" has the
  surface "40 juta bibit" and qualifier "more_than").
- Qualifiers come from the words right before the figure: lebih dari /
  melampaui / di atas (more_than), kurang dari / di bawah (less_than), sekitar /
  kira-kira / hampir (approx), hingga / sampai / maksimal (up_to).
  "setidaknya", "sedikitnya", "minimal" ("at least") are more_than.
  "mencapai" is none. "150 orang lebih" is more_than.
- Not figures: years ("tahun 2022", "pada 2001", a bare 1900-2100 numeral),
  dates ("15 Desember", "(15/12)"), clock times ("pukul 10.00", "08.45 WITA"),
  phone numbers, ordinals ("ke-16", "kedua"), labels ("pasal 5", "nomor 3"),
  model names ("Boeing 737"), measurements ("10 km", "5 ton").
- Counts need a noun right after the number (not a function word, adverb,
  adjective or me-/ber-/di-/ter- verb); "satu" and "se-" are counts only before a
  classifier ("satu orang tewas"; not "salah satu", "satu sama lain"); vague
  quantities ("puluhan", "ribuan") are not figures; a number with no unit at
  all is not a figure. "40 kali", "lima kali" (not "3 kali lipat", "empat
  kali lebih besar") is a count of "kali". A measurement with a scale word
  ("107 juta ton", "50 miliar meter kubik") is a count of its measure; small
  ones ("43 km") are left out.
- "setahun", "sebulan", "sepekan" are durations of one (``fused.py``), not
  in "sebulan sekali" (a frequency).
- A number after a conjunction and before an adjective or a state word shares
  the noun of the count before it: "30 pemain lokal dan tiga asing"
  counts 3 "pemain asing" (``ellipsis.py``).
- Page furniture left in a body gives no figures: counters ("5.713 views",
  "Dibaca 1.093 kali"), timestamps ("2 jam lalu") and the lists of headlines
  they come with (``page_lines.py``).
- A minus ("-1,7%", "minus 2 persen") makes the value negative. A dash range
  ("5-6 persen", "Rp 1-2 miliar") gives its upper end, whose surface starts
  at the currency sign.
- Every mention is a figure of its own, in text order, with its own offsets: a
  value stated in the lead and again in a quote is two figures.
  ``extract_figures(text, repeats=False)`` keeps the first mention of each
  (kind, value, unit) only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipelines.lib.extract.figures.builder import build_figure
from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Figure
from pipelines.lib.extract.figures.figure_words import figure_words
from pipelines.lib.extract.figures.fused import fused_durations
from pipelines.lib.extract.figures.number_words import number_words
from pipelines.lib.extract.figures.numbers import scan_numbers
from pipelines.lib.extract.figures.page_lines import furniture_lines

__all__ = ["Figure", "extract_figures"]


def extract_figures(text: str, language: str = "id", repeats: bool = True) -> list[Figure]:
    """Money, percentages, counts and durations stated in ``text``, in text order, one per mention.

    With ``repeats=False`` a figure stated again (same kind, value and unit) is
    returned once, at its first mention.

    >>> [(f.kind, f.value, f.unit) for f in extract_figures("Perdagangan naik 31% menjadi $123 miliar.")]
    [('percent', 31.0, 'percent'), ('money', 123000000000.0, 'USD')]
    """
    figures = []
    seen: set[tuple[str, float, str]] = set()
    for offset, part in _numeric_lines(text, language):
        for fig in _line_figures(Document(part, language)):
            key = (fig.kind, fig.value, fig.unit)
            if not repeats and key in seen:
                continue
            seen.add(key)
            figures.append(replace(fig, char_start=fig.char_start + offset, char_end=fig.char_end + offset))
    return figures


def _line_figures(doc: Document) -> list[Figure]:
    """The figures of one line, in text order: every number read in turn (a count may share
    the noun of the figure before it), and the durations written as one word ("setahun")."""
    found = []
    previous = None
    for sp in scan_numbers(doc.text, doc.language, doc.tokens):
        fig = build_figure(doc, sp, previous)
        if fig is not None:
            found.append(fig)
            previous = fig
    fused = fused_durations(doc)
    return sorted(found + fused, key=lambda f: f.char_start) if fused else found


_LINE = re.compile(r"[^\n]+")


_DIGIT = re.compile(r"\d")


@cache
def _number_word_cue(language: str) -> re.Pattern:
    """A whole number word in lower case ("enam", "sepertiga", "dua pertiganya", "setahun")."""
    w = number_words(language)
    words = {*w.digits, *w.teen, *w.group_words, *w.se_scales, *w.fractions, *w.half}
    words |= set(figure_words(language).fused_durations)
    words |= {w.denominator_prefix + d for d in w.digits}
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    suffixes = "|".join(map(re.escape, w.suffixes))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?:{suffixes})?(?![^\W\d_])")


def _has_number(line: str, word_cue: re.Pattern) -> bool:
    """A digit, or a number word (matched on the lower-cased line: a case-blind pattern is slower)."""
    return _DIGIT.search(line) is not None or word_cue.search(line.lower()) is not None


def _numeric_lines(text: str, language: str) -> list[tuple[int, str]]:
    """The lines (paragraphs) that hold a digit or a number word, page furniture left out
    (``page_lines.py``); figures never span lines."""
    word_cue = _number_word_cue(language)
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0).strip()]
    numeric = [i for i, (_, line) in enumerate(lines) if _has_number(line, word_cue)]
    if not numeric:
        return []
    furniture = furniture_lines([line for _, line in lines], language)
    return [lines[i] for i in numeric if i not in furniture]
