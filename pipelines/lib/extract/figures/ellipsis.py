"""Counts whose noun was said once for two numbers: "30 pemain lokal dan tiga asing" counts
three "pemain asing"; "lima orang tewas dan 12 luka-luka"
counts 12 "orang luka-luka". The second number is joined to the first count by a conjunction
and followed by a word that describes (an adjective or a state) rather than names a thing."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.figure import Figure, Reading
from pipelines.lib.extract.figures.numbers import NumberSpan
from pipelines.lib.extract.figures.qualifiers import qualified

_CLAUSE_END = set('.!?;:"“”()')


def _joined_to(doc: Document, sp: NumberSpan, previous: Figure) -> bool:
    """A conjunction stands right before the number (or its qualifier), and at most a few words, no clause end and
    no other number, part it from the count before."""
    lex = doc.lexicon
    at = sp.first - 1 - doc.match_before(sp.first, lex.qualifiers)  # "dan sekitar 20 lokal"
    joiner = doc.tok(at)
    if joiner is None or joiner.lower not in lex.ellipsis_joiners or not doc.spaced(at, at + 1):
        return False
    first = at
    while first > 0 and doc.tokens[first - 1].start >= previous.char_end:
        first -= 1
        if at - first > lex.ellipsis_max_gap:
            return False
    return not any(t.kind == "num" or t.text in _CLAUSE_END for t in doc.tokens[first:at])


def _describing_word(doc: Document, i: int) -> bool:
    """Token i is a lower-case adjective or state word ("internasional", "luka-luka")."""
    t = doc.tok(i)
    if t is None or t.kind != "word" or not t.text.islower() or not doc.spaced(i - 1, i):
        return False
    return t.lower in doc.lexicon.describing_words


def elided_count(doc: Document, sp: NumberSpan, previous: Figure | None) -> Figure | None:
    """The count ``sp`` states with the noun of the count ``previous`` (in the same text) left out."""
    if previous is None or previous.kind != "count" or not _joined_to(doc, sp, previous):
        return None
    if not _describing_word(doc, sp.last):
        return None
    word = doc.tokens[sp.last]
    unit = f"{previous.unit.split()[0]} {word.lower}"
    return qualified(doc, sp, Reading("count", sp.value, unit, sp.start, word.end, sp.first, sp.last + 1))
