"""The qualifier of a figure: "lebih dari", "sekitar", "hingga" before it, "lebih" after it."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Figure, Reading
from pipelines.lib.extract.figures.numbers import NumberSpan


def qualifier_before(doc: Document, first: int) -> str | None:
    """The qualifier written right before token ``first`` ("more_than", "approx", ...), or None."""
    n = doc.match_before(first, doc.lexicon.qualifiers)
    if n:
        return doc.lexicon.qualifiers[tuple(t.lower for t in doc.tokens[first - n : first])]
    return None


def postposed_more(doc: Document, after: int) -> bool:
    """ "lebih" right after the figure ("150 orang lebih") as the clause ends."""
    t = doc.tok(after)
    if t is None or t.lower != doc.lexicon.post_more_word or not doc.spaced(after - 1, after):
        return False
    nxt = doc.tok(after + 1)
    return nxt is None or nxt.kind == "sym" or nxt.lower in doc.lexicon.post_more_followers


def qualified(doc: Document, sp: NumberSpan, reading: Reading) -> Figure:
    """The figure ``reading`` states, with the qualifier written before or after it."""
    after = reading.after
    if after is None:
        tokens = doc.tokens
        after = next((k for k in range(sp.last, len(tokens)) if tokens[k].start >= reading.end), len(tokens))
    qualifier = qualifier_before(doc, reading.qualifier_at)
    if qualifier is None and postposed_more(doc, after):
        qualifier = "more_than"
    surface = doc.text[reading.start : reading.end]
    return Figure(reading.kind, float(reading.value), reading.unit, qualifier, surface, reading.start, reading.end)
