"""Durations of one written as one word with "se-" ("one"): "setahun" (a year), "sebulan",
"sepekan", "sehari" -- not a frequency ("sebulan sekali"), a point in time ("setahun lalu")
or an anniversary, nor a capitalized word inside a sentence (a name)."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Figure
from pipelines.lib.extract.figures.qualifiers import qualifier_before


def _a_length_of_time(doc: Document, i: int) -> bool:
    lex = doc.lexicon
    t = doc.tokens[i]
    if t.text[0].isupper() and not doc.sentence_start(i) and not doc.headline(t.start):
        return False
    nxt = doc.tok(i + 1)
    if nxt is not None and doc.spaced(i, i + 1):
        if nxt.lower in lex.fused_not_before or doc.match_after(i + 1, lex.relative_time_after, 2):
            return False
    prev = doc.tok(i - 1)
    return prev is None or prev.lower not in lex.anniversary_words


def fused_durations(doc: Document) -> list[Figure]:
    """The durations written as one "se-" word in ``doc``, in text order."""
    lex = doc.lexicon
    found = []
    for i, t in enumerate(doc.tokens):
        word = lex.fused_durations.get(t.lower) if t.kind == "word" else None
        if word is None or not _a_length_of_time(doc, i):
            continue
        unit, factor = lex.durations[word]
        found.append(Figure("duration", factor, unit, qualifier_before(doc, i), t.text, t.start, t.end))
    return found
