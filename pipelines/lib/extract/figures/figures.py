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
- **count**: a noun after it ("enam produsen", "150 juta dosis"); ``unit`` is the
  counted noun without a possessive suffix ("tiga pertemuannya" -> "pertemuan"),
  two words for a known compound or a joining modifier ("nota kesepahaman",
  "pernyataan bersama"), the noun after a classifier ("348 orang penumpang" ->
  "penumpang"). Only the head noun is taken: "14 pernyataan, protokol, ..."
  counts 14 "pernyataan".

Rules worth knowing (all the words involved are in ``lexicon/id/figures.toml``):

- ``surface`` spans the currency sign, the number, its scale and the unit
  word(s); it never includes the qualifier ("lebih dari 150 juta dosis" has the
  surface "150 juta dosis" and qualifier "more_than").
- Qualifiers come from the words right before the figure: lebih dari /
  melampaui / di atas (more_than), kurang dari / di bawah (less_than), sekitar /
  kira-kira / hampir (approx), hingga / sampai / maksimal (up_to).
  "setidaknya", "sedikitnya", "minimal" ("at least") are more_than.
  "mencapai" is none. "150 orang lebih" is more_than.
- Not figures: years ("tahun 2022", "pada 2001", a bare 1900-2100 numeral),
  dates ("15 Desember", "(15/12)"), clock times ("pukul 10.00", "08.45 WITA"),
  phone numbers, ordinals ("ke-16", "kedua"), labels ("pasal 5", "nomor 3"),
  model names ("Boeing 737"), measurements ("10 km", "5 ton").
- Counts need a noun right after the number (not a function word, adjective
  or me-/ber-/di-/ter- verb); "satu" and "se-" are counts only before a
  classifier ("satu orang tewas"; not "salah satu", "satu sama lain"); vague
  quantities ("puluhan", "ribuan") are not figures; a number with no unit at
  all is not a figure. "40 kali" (numerals only, not "3 kali lipat") is a count
  of "kali". A measurement with a scale word ("107 juta ton", "50 miliar meter
  kubik") is a count of its measure; small ones ("43 km") are left out.
- A minus ("-1,7%", "minus 2 persen") makes the value negative. A dash range
  ("5-6 persen", "Rp 1-2 miliar") gives its upper end, whose surface starts
  at the currency sign.
- Figures come in text order, each distinct (kind, value, unit) once, at its
  first mention; ``extract_figures(text, repeats=True)`` gives every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache

from pipelines.lib.extract.figures.numbers import NumberSpan, Token, _words, scan_numbers, tokenize
from pipelines.lib.lexicons import load

__all__ = ["Figure", "extract_figures"]


@dataclass(frozen=True)
class Figure:
    kind: str  # "money" | "percent" | "count" | "duration"
    value: float
    unit: str  # ISO 4217 (money), "percent", the counted noun, or year/month/week/day/hour
    qualifier: str | None  # "more_than" | "less_than" | "approx" | "up_to" | None
    surface: str  # text[char_start:char_end]
    char_start: int
    char_end: int


def _phrase(s: str) -> tuple[str, ...]:
    return tuple(t.lower for t in tokenize(s))


@dataclass(frozen=True)
class _Lex:
    currency_prefixes: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    percent_words: frozenset[tuple[str, ...]]
    durations: dict[str, tuple[str, float]]
    qualifiers: dict[tuple[str, ...], str | None]
    post_more_word: str
    post_more_followers: frozenset[str]
    labels: frozenset[str]
    months: frozenset[str]
    time_zones: frozenset[str]
    measures: frozenset[str]
    min_word_value: float
    classifiers: frozenset[str]
    two_word_units: frozenset[tuple[str, ...]]
    joining_modifiers: frozenset[str]
    stopwords: frozenset[str]
    verb_prefixes: tuple[str, ...]
    verb_min_length: int
    verb_exceptions: frozenset[str]
    fraction_idioms: frozenset[str]
    function_words: frozenset[str]
    qualifier_words: frozenset[str]
    count_not_after: frozenset[str]
    possessive_suffixes: tuple[str, ...]
    scaled_measures_are_counts: bool
    two_word_measures: frozenset[tuple[str, ...]]
    times_word: str
    one_not_after: frozenset[str]
    times_not_before: frozenset[str]
    not_possessive: frozenset[str]


@cache
def _lex(language: str) -> _Lex:
    lex = load("figures", language)
    count = lex.get("count", {})
    nf = lex.get("not_figures", {})
    qualifiers = {_phrase(k): (v or None) for k, v in lex.get("qualifiers", {}).items()}
    return _Lex(
        currency_prefixes={k.lower(): v for k, v in lex.get("currency_prefixes", {}).items()},
        currency_words={_phrase(k): v for k, v in lex.get("currency_words", {}).items()},
        percent_words=frozenset(_phrase(p) for p in lex.get("percent", {}).get("words", [])),
        durations={k.lower(): (v[0], float(v[1])) for k, v in lex.get("durations", {}).items()},
        qualifiers=qualifiers,
        post_more_word=lex.get("postposed_more_than", {}).get("word", "lebih"),
        post_more_followers=frozenset(lex.get("postposed_more_than", {}).get("followed_by", [])),
        labels=frozenset(w.lower() for w in lex.get("labels", {}).get("words", [])),
        months=frozenset(w.lower() for w in nf.get("months", [])),
        time_zones=frozenset(w.lower() for w in nf.get("time_zones", [])),
        measures=frozenset(w.lower() for w in nf.get("measures", [])),
        min_word_value=float(count.get("min_word_value", 2)),
        classifiers=frozenset(count.get("classifiers", [])),
        two_word_units=frozenset(_phrase(p) for p in count.get("two_word_units", [])),
        joining_modifiers=frozenset(count.get("joining_modifiers", [])),
        stopwords=frozenset(count.get("stopwords", [])),
        verb_prefixes=tuple(count.get("verb_prefixes", [])),
        verb_min_length=int(count.get("verb_prefix_min_length", 6)),
        verb_exceptions=frozenset(count.get("verb_prefix_exceptions", [])),
        fraction_idioms=frozenset(count.get("fraction_idioms", [])),
        function_words=frozenset(w.lower() for w in count.get("function_words", [])),
        qualifier_words=frozenset(w for p in qualifiers for w in p),
        count_not_after=frozenset(w.lower() for w in count.get("not_after", [])),
        possessive_suffixes=tuple(count.get("possessive_suffixes", ["nya"])),
        scaled_measures_are_counts=bool(nf.get("scaled_measures_are_counts", False)),
        two_word_measures=frozenset(_phrase(p) for p in nf.get("two_word_measures", [])),
        times_word=count.get("times_word", "kali"),
        one_not_after=frozenset(count.get("one_not_after", [])),
        times_not_before=frozenset(count.get("times_not_before", [])),
        not_possessive=frozenset(count.get("not_possessive", [])),
    )


_SENTENCE_BREAK = set(".!?\"“”‘’'(:;[")


class _Doc:
    """A text with its tokens and the helpers the rules need."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self.tokens = tokenize(text)
        self.lex = _lex(language)
        self.words = _words(language)
        self._headline_cache: dict[int, bool] = {}

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def spaced(self, a: int, b: int, max_gap: int = 1) -> bool:
        """Tokens a and b (a < b adjacent) are separated by at most max_gap
        whitespace characters and no line break."""
        gap = self.text[self.tokens[a].end : self.tokens[b].start]
        return len(gap) <= max_gap and gap.strip() == "" and "\n" not in gap

    def match_after(self, i: int, phrases, max_len: int = 4) -> int:
        """Length of the longest phrase (tuple of lowercase tokens) starting at
        token i, its words separated by single spaces; 0 when none."""
        for n in range(max_len, 0, -1):
            if i + n > len(self.tokens):
                continue
            seq = tuple(t.lower for t in self.tokens[i : i + n])
            if seq in phrases and all(self.spaced(k, k + 1) for k in range(i, i + n - 1)):
                return n
        return 0

    def match_before(self, i: int, phrases, max_len: int = 4) -> int:
        """Length of the longest phrase ending right before token i."""
        for n in range(max_len, 0, -1):
            if i - n < 0:
                continue
            seq = tuple(t.lower for t in self.tokens[i - n : i])
            if seq in phrases and all(self.spaced(k, k + 1, 2) for k in range(i - n, i)):
                return n
        return 0

    def sentence_start(self, i: int) -> bool:
        """Token i opens a sentence, a line or a quotation."""
        if i == 0:
            return True
        prev = self.tokens[i - 1]
        if "\n" in self.text[prev.end : self.tokens[i].start]:
            return True
        return prev.kind == "sym" and prev.text in _SENTENCE_BREAK

    def headline(self, pos: int) -> bool:
        """The line around ``pos`` is written in title case (a headline)."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if line_start in self._headline_cache:
            return self._headline_cache[line_start]
        line_end = self.text.find("\n", pos)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
        result = len(line) <= 250 and len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6
        self._headline_cache[line_start] = result
        return result


# ---------------------------------------------------------------- the rules


def _currency_before(doc: _Doc, first: int) -> tuple[int, str] | None:
    """(index of the first token of the currency sign, ISO code) when a
    currency sign or code stands right before token ``first``."""
    tokens = doc.tokens
    for n in (3, 2, 1):
        if first - n < 0:
            continue
        a, b = first - n, first - 1
        if any(tokens[k].end != tokens[k + 1].start for k in range(a, b)):
            continue  # a sign is written without inner spaces
        gap = doc.text[tokens[b].end : tokens[first].start]
        if len(gap) > 2 or gap.strip() or "\n" in gap:
            continue
        sign = doc.text[tokens[a].start : tokens[b].end].lower()
        code = doc.lex.currency_prefixes.get(sign)
        if code:
            if a > 0 and tokens[a - 1].end == tokens[a].start and tokens[a - 1].kind == "word":
                continue  # "XRp" is not a sign
            return a, code
    return None


def _qualifier(doc: _Doc, first: int) -> str | None:
    n = doc.match_before(first, doc.lex.qualifiers)
    if n:
        return doc.lex.qualifiers[tuple(t.lower for t in doc.tokens[first - n : first])]
    return None


def _postposed_more(doc: _Doc, after: int) -> bool:
    t = doc.tok(after)
    if t is None or t.lower != doc.lex.post_more_word or not doc.spaced(after - 1, after):
        return False
    nxt = doc.tok(after + 1)
    return nxt is None or nxt.kind == "sym" or nxt.lower in doc.lex.post_more_followers


def _strip_possessive(word: str, lex: _Lex) -> str:
    if word in lex.not_possessive:
        return word
    for suffix in lex.possessive_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _noun_like(doc: _Doc, i: int, headline: bool) -> bool:
    """Could token i be a counted noun?"""
    t = doc.tok(i)
    if t is None or t.kind != "word":
        return False
    lex = doc.lex
    low = t.lower
    base = _strip_possessive(low, lex)
    if low in lex.stopwords or base in lex.stopwords:
        return False
    if doc.words.is_number_word(low) or low in lex.months or low in lex.measures:
        return False
    if low in lex.durations or low in lex.time_zones:
        return False
    if len(low) >= lex.verb_min_length and low.startswith(lex.verb_prefixes):
        if low not in lex.verb_exceptions and base not in lex.verb_exceptions:
            return False
    text = t.text
    if text.islower():
        return True
    if text.isupper() and 2 <= len(text) <= 6 and text.isalpha():
        return True  # acronyms: "5 WNI", "3 ABK"
    return headline and text[0].isupper()


def _count(doc: _Doc, sp: NumberSpan) -> tuple[str, int] | None:
    """(unit, index of the token after the unit) for a count, or None."""
    lex = doc.lex
    j = sp.last
    if doc.tok(j) is None or not doc.spaced(j - 1, j):
        return None
    headline = doc.headline(sp.start)
    if not _noun_like(doc, j, headline):
        return None
    end = j + 1
    unit_tokens = [j]
    nxt = doc.tok(j + 1)
    if doc.tokens[j].lower in lex.classifiers and nxt is not None and doc.spaced(j, j + 1):
        if nxt.text.islower() and _noun_like(doc, j + 1, headline) and nxt.lower not in lex.classifiers:
            unit_tokens, end = [j + 1], j + 2
    head = unit_tokens[-1]
    nxt = doc.tok(head + 1)
    if nxt is not None and nxt.kind == "word" and doc.spaced(head, head + 1):
        pair = (doc.tokens[head].lower, nxt.lower)
        if pair in lex.two_word_units or (
            nxt.lower in lex.joining_modifiers and doc.tokens[head].lower not in lex.classifiers
        ):
            unit_tokens.append(head + 1)
            end = head + 2
    words = [doc.tokens[k].lower for k in unit_tokens]
    words[-1] = _strip_possessive(words[-1], lex)
    if len(words) == 1 and doc.tokens[unit_tokens[0]].text.isupper():
        words = [doc.tokens[unit_tokens[0]].text]
    return " ".join(words), end


def _label_follows(doc: _Doc, unit: int, any_number: bool = True) -> bool:
    """The unit word at token ``unit`` labels what follows it rather than
    measuring the number before it: a numeral right after it ("pasal 5 ayat 2";
    for durations only a year: "UU No. 20 Tahun 2001", so that "4 tahun 6
    bulan" stays two durations), or a run of capitals ("7 HARI MENEMBUS
    WAKTU", a title)."""
    nxt = doc.tok(unit + 1)
    if nxt is None or not doc.spaced(unit, unit + 1):
        return False
    if nxt.kind == "num":
        return any_number or (nxt.text.isdigit() and len(nxt.text) == 4 and 1900 <= int(nxt.text) <= 2100)
    word = doc.tokens[unit].text
    return word.isupper() and len(word) > 2 and nxt.kind == "word" and nxt.text.isupper() and len(nxt.text) > 2


def _name_before(doc: _Doc, first: int) -> bool:
    """A capitalized word right before the number that is not a sentence
    opener or a function word: "Boeing 737", "Kepulauan Seribu"."""
    prev = doc.tok(first - 1)
    if prev is None or prev.kind != "word" or not prev.text[0].isupper():
        return False
    if not doc.spaced(first - 1, first):
        return False
    if prev.lower in doc.lex.function_words or prev.lower in doc.lex.qualifier_words:
        return False
    return not doc.headline(prev.start)


def _one_with_classifier(doc: _Doc, sp: NumberSpan) -> bool:
    """ "satu orang tewas" is a count; "salah satu", "satu sama lain", "satu hal" are not."""
    nxt, prev = doc.tok(sp.last), doc.tok(sp.first - 1)
    if nxt is None or nxt.lower not in doc.lex.classifiers or not nxt.text.islower():
        return False
    return sp.value == 1 and not (prev is not None and prev.lower in doc.lex.one_not_after)


def _measure(doc: _Doc, sp: NumberSpan, start: int) -> Figure | None:
    """A scaled measurement ("107 juta ton") as a count of its measure."""
    lex = doc.lex
    if not (lex.scaled_measures_are_counts and sp.has_scale):
        return None
    n = doc.match_after(sp.last, lex.two_word_measures, 2) or 1
    last = sp.last + n
    unit = " ".join(t.lower for t in doc.tokens[sp.last : last])
    end = doc.tokens[last - 1].end
    return Figure("count", float(sp.value), unit, _qualifier(doc, sp.first), doc.text[start:end], start, end)


def _times(doc: _Doc, sp: NumberSpan, start: int) -> Figure | None:
    """ "40 kali": a count of occurrences, for numerals only, not "3 kali lipat"."""
    lex = doc.lex
    if sp.is_words or not doc.spaced(sp.last - 1, sp.last):
        return None
    after = doc.tok(sp.last + 1)
    if after is not None and after.lower in lex.times_not_before:
        return None
    end = doc.tokens[sp.last].end
    qualifier = _qualifier(doc, sp.first)
    return Figure("count", float(sp.value), lex.times_word, qualifier, doc.text[start:end], start, end)


def _figure(doc: _Doc, sp: NumberSpan) -> Figure | None:
    lex = doc.lex
    tokens = doc.tokens
    first, after = sp.first, sp.last
    start, end = sp.start, sp.end
    value = sp.value
    prev = doc.tok(first - 1)
    nxt = doc.tok(after)
    nxt_low = nxt.lower if nxt is not None and doc.spaced(after - 1, after, 2) else None

    if nxt_low in lex.months or nxt_low in lex.time_zones:
        return None  # "15 Desember", "08.45 WITA"
    # number words are written in lower case inside a sentence: a capitalized
    # one is a name ("Kepulauan Seribu", "di Lima pekan lalu"), except in a headline
    if sp.is_words and tokens[first].text[0].isupper() and not doc.sentence_start(first):
        if not doc.headline(sp.start):
            return None

    # a range written with a dash: "Rp 1-2 miliar", "5-6 persen". The lower
    # end has no unit of its own and is left out; the upper end takes the
    # currency sign written before the lower end.
    dash_after = nxt is not None and nxt.text in "-–" and nxt.start == sp.end
    if dash_after and not sp.has_scale and doc.tok(after + 1) is not None and doc.tokens[after + 1].kind == "num":
        if doc.tokens[after + 1].start == nxt.end:
            return None
    kind = unit = None
    qual_from = first
    currency = _currency_before(doc, first)
    if (
        currency is None
        and prev is not None
        and prev.text in "-–"
        and prev.end == sp.start
        and first >= 2
        and doc.tokens[first - 2].kind == "num"
        and doc.tokens[first - 2].end == prev.start
    ):
        currency = _currency_before(doc, first - 2)
    if currency is not None:
        kind, unit = "money", currency[1]
        qual_from = currency[0]
        start = tokens[currency[0]].start
    label_at = first - 1
    if prev is not None and prev.text == "." and label_at > 0 and tokens[label_at - 1].end == prev.start:
        label_at -= 1  # "No. 20"
    labelled = (
        label_at >= 0
        and tokens[label_at].lower in lex.labels
        and (
            "\n" not in doc.text[tokens[label_at].end : sp.start]
            and len(doc.text[tokens[label_at].end : sp.start]) <= 3
        )
    )
    year_like = (
        sp.numeral is not None
        and sp.numeral.isdigit()
        and len(sp.numeral) == 4
        and 1900 <= value <= 2100
        and not sp.has_scale
    )

    if kind is None and nxt is not None:
        # percent: "31%", "30 persen" ("%" may be glued)
        gap_ok = doc.spaced(after - 1, after, 2)
        n = doc.match_after(after, lex.percent_words) if gap_ok else 0
        if n:
            kind, unit = "percent", "percent"
            end = tokens[after + n - 1].end
        if kind is None and gap_ok:
            n = doc.match_after(after, lex.currency_words)
            if n:
                kind, unit = "money", lex.currency_words[tuple(t.lower for t in tokens[after : after + n])]
                end = tokens[after + n - 1].end
        if (
            kind is None
            and gap_ok
            and nxt_low in lex.durations
            and not (labelled and tokens[label_at].lower not in lex.durations)
            and not year_like
            and not _label_follows(doc, after, any_number=False)
        ):
            unit, factor = lex.durations[nxt_low]
            kind, value = "duration", value * factor
            end = nxt.end
    if kind is None and sp.is_fraction:
        if nxt_low in lex.fraction_idioms or labelled:
            return None
        kind, unit = "percent", "percent"
        value = float(Fraction(value).limit_denominator(1000) * 100)
    if kind is None:
        if labelled or sp.is_fraction:
            return None
        if sp.is_words and value < lex.min_word_value and not _one_with_classifier(doc, sp):
            return None
        if year_like and nxt_low not in lex.classifiers:
            return None
        if _name_before(doc, first):
            return None
        if nxt_low in lex.measures:
            return _measure(doc, sp, start)
        if nxt_low == lex.times_word:
            return _times(doc, sp, start)
        if prev is not None and prev.lower in lex.count_not_after:
            return None  # "setiap 100 orang": the base of a ratio
        found = _count(doc, sp)
        if found is None:
            return None
        unit, last = found
        if _label_follows(doc, last - 1):
            return None  # "5 ayat 2": the noun labels the next number
        kind = "count"
        end = tokens[last - 1].end
        after = last
    else:
        after = next((k for k in range(after, len(tokens)) if tokens[k].start >= end), len(tokens))

    qualifier = _qualifier(doc, qual_from)
    if qualifier is None and _postposed_more(doc, after):
        qualifier = "more_than"
    return Figure(kind, float(value), unit, qualifier, doc.text[start:end], start, end)


def extract_figures(text: str, language: str = "id", repeats: bool = False) -> list[Figure]:
    """Money, percentages, counts and durations stated in ``text``, in text order.

    A figure stated again (same kind, value and unit: a headline repeated in
    the body, "peringatan 80 tahun" four times) is returned once, at its first
    mention; ``repeats=True`` returns every mention.

    >>> [(f.kind, f.value, f.unit) for f in extract_figures("Perdagangan naik 31% menjadi $123 miliar.")]
    [('percent', 31.0, 'percent'), ('money', 123000000000.0, 'USD')]
    """
    figures = []
    seen: set[tuple[str, float, str]] = set()
    for offset, part in _numeric_lines(text, language):
        doc = _Doc(part, language)
        for sp in scan_numbers(part, language, doc.tokens):
            fig = _figure(doc, sp)
            if fig is None:
                continue
            key = (fig.kind, fig.value, fig.unit)
            if not repeats and key in seen:
                continue
            seen.add(key)
            figures.append(replace(fig, char_start=fig.char_start + offset, char_end=fig.char_end + offset))
    return figures


_LINE = re.compile(r"[^\n]+")


@cache
def _number_cue(language: str) -> re.Pattern:
    """A digit, or a whole number word ("enam", "sepertiga", "dua pertiganya")."""
    w = _words(language)
    words = {*w.digits, *w.teen, *w.group_words, *w.se_scales, *w.fractions, *w.half}
    words |= {w.denominator_prefix + d for d in w.digits}
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    suffixes = "|".join(map(re.escape, w.suffixes))
    return re.compile(rf"\d|(?<![^\W\d_])(?:{alternatives})(?:{suffixes})?(?![^\W\d_])", re.IGNORECASE)


def _numeric_lines(text: str, language: str) -> list[tuple[int, str]]:
    """The lines (paragraphs) that hold a digit or a number word; figures never span lines."""
    cue = _number_cue(language)
    return [(m.start(), m.group(0)) for m in _LINE.finditer(text) if cue.search(m.group(0))]
