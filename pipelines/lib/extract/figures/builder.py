"""Decide what one number of a text states: money, a percentage, a duration, a count, or
no figure at all (a date, a clock time, a name, a label, the lower end of a range)."""

from __future__ import annotations

from pipelines.lib.extract.figures.counts import read_count
from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Figure
from pipelines.lib.extract.figures.kinds import money_before, share, unit_after
from pipelines.lib.extract.figures.labels import label_before, year_like
from pipelines.lib.extract.figures.numbers import NumberSpan
from pipelines.lib.extract.figures.qualifiers import qualified


def _word_after(doc: Document, sp: NumberSpan) -> str | None:
    """The token right after the number, lower case, when at most two spaces part them."""
    nxt = doc.tok(sp.last)
    return nxt.lower if nxt is not None and doc.spaced(sp.last - 1, sp.last, 2) else None


def _date_time_or_name(doc: Document, sp: NumberSpan, following: str | None) -> bool:
    """ "15 Desember", "08.45 WITA", or a capitalized number word inside a sentence: number
    words are written in lower case there, so "Kepulauan Seribu" and "di Lima pekan lalu"
    are names (a headline excepted)."""
    if following in doc.lexicon.months or following in doc.lexicon.time_zones:
        return True
    if sp.is_words and doc.tokens[sp.first].text[0].isupper() and not doc.sentence_start(sp.first):
        return not doc.headline(sp.start)
    return False


def _range_lower_end(doc: Document, sp: NumberSpan) -> bool:
    """The lower end of a dash range ("Rp 1-2 miliar", "5-6 persen") has no unit of its own;
    the upper end takes the currency sign written before it."""
    after = sp.last
    nxt = doc.tok(after)
    dash_after = nxt is not None and nxt.text in "-–" and nxt.start == sp.end
    if dash_after and not sp.has_scale and doc.tok(after + 1) is not None and doc.tokens[after + 1].kind == "num":
        return doc.tokens[after + 1].start == nxt.end
    return False


def build_figure(doc: Document, sp: NumberSpan, previous: Figure | None = None) -> Figure | None:
    """The figure the number ``sp`` states in ``doc``, or None; ``previous`` is the figure
    before it in ``doc``."""
    following = _word_after(doc, sp)
    if _date_time_or_name(doc, sp, following) or _range_lower_end(doc, sp):
        return None
    label = label_before(doc, sp)
    year = year_like(sp)
    reading = money_before(doc, sp) or unit_after(doc, sp, following, label, year)
    if reading is None and sp.is_fraction:
        if following in doc.lexicon.fraction_idioms or label is not None:
            return None
        reading = share(sp)
    if reading is None:
        return read_count(doc, sp, following, label, year, previous)
    return qualified(doc, sp, reading)
