"""Money, percentages and durations: a currency sign before the number ("Rp4 miliar",
"US$ 1,5 triliun"), or a unit word after it ("31%", "550 ribu dolar AS", "tiga hari");
a fraction with no unit is a share ("dua pertiganya" = 66.67 percent)."""

from __future__ import annotations

from fractions import Fraction

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Reading
from pipelines.lib.extract.figures.labels import label_follows
from pipelines.lib.extract.figures.numbers import NumberSpan


def currency_before(doc: Document, first: int) -> tuple[int, str] | None:
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
        code = doc.lexicon.currency_prefixes.get(sign)
        if code:
            if a > 0 and tokens[a - 1].end == tokens[a].start and tokens[a - 1].kind == "word":
                continue  # "XRp" is not a sign
            return a, code
    return None


def _range_upper_end(doc: Document, sp: NumberSpan) -> bool:
    """The number ends a dash range ("Rp 1-2 miliar"): the sign stands before the lower end."""
    first = sp.first
    prev = doc.tok(first - 1)
    return (
        prev is not None
        and prev.text in "-–"
        and prev.end == sp.start
        and first >= 2
        and doc.tokens[first - 2].kind == "num"
        and doc.tokens[first - 2].end == prev.start
    )


def money_before(doc: Document, sp: NumberSpan) -> Reading | None:
    """Money by a currency sign before the number (or before the lower end of its range)."""
    currency = currency_before(doc, sp.first)
    if currency is None and _range_upper_end(doc, sp):
        currency = currency_before(doc, sp.first - 2)
    if currency is None:
        return None
    sign_at, code = currency
    return Reading("money", sp.value, code, doc.tokens[sign_at].start, sp.end, sign_at)


def unit_after(doc: Document, sp: NumberSpan, following: str | None, label: str | None, year: bool) -> Reading | None:
    """A percentage, money or duration by the unit words right after the number; ``label``
    is the label word before it, ``year`` whether it looks like a year."""
    lex = doc.lexicon
    after = sp.last
    if doc.tok(after) is None or not doc.spaced(after - 1, after, 2):
        return None
    n = doc.match_after(after, lex.percent_words)  # "31%", "30 persen" ("%" may be glued)
    if n:
        return Reading("percent", sp.value, "percent", sp.start, doc.tokens[after + n - 1].end, sp.first)
    n = doc.match_after(after, lex.currency_words)
    if n:
        code = lex.currency_words[tuple(t.lower for t in doc.tokens[after : after + n])]
        return Reading("money", sp.value, code, sp.start, doc.tokens[after + n - 1].end, sp.first)
    if following in lex.durations and not year and _a_length_of_time(doc, sp, label):
        unit, factor = lex.durations[following]
        return Reading("duration", sp.value * factor, unit, sp.start, doc.tokens[after].end, sp.first)
    return None


def _a_length_of_time(doc: Document, sp: NumberSpan, label: str | None) -> bool:
    """The number and the time unit after it measure a length of time: not a label ("UU No. 20
    Tahun 2001"), a point in time ("80 tahun silam") or an anniversary ("peringatan 80 tahun")."""
    lex = doc.lexicon
    unit = sp.last
    if label is not None and label not in lex.durations:
        return False
    if label_follows(doc, unit, any_number=False):
        return False
    if doc.tok(unit + 1) is not None and doc.spaced(unit, unit + 1):
        if doc.match_after(unit + 1, lex.relative_time_after, 2):
            return False
    prev = doc.tok(sp.first - 1)
    return not (prev is not None and prev.lower in lex.anniversary_words and doc.spaced(sp.first - 1, sp.first))


def share(sp: NumberSpan) -> Reading:
    """A fraction with no unit after it, as a percentage: "separuh" = 50, "dua pertiga" = 66.67."""
    value = float(Fraction(sp.value).limit_denominator(1000) * 100)
    return Reading("percent", value, "percent", sp.start, sp.end, sp.first)
