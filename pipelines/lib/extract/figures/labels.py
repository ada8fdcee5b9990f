"""Numbers that name rather than measure: "pasal 5", "UU No. 20 Tahun 2001", "Boeing 737",
"iPhone 15", "Xiaomi 14 Ultra", a year, a unit word labelling the number after it ("ayat 2")."""

from __future__ import annotations

from pipelines.lib.extract.figures.document import Document
from pipelines.lib.extract.figures.numbers import NumberSpan


def label_before(doc: Document, sp: NumberSpan) -> str | None:
    """The label word right before the number ("pasal 5", "No. 20"), lower case, or None."""
    tokens = doc.tokens
    prev = doc.tok(sp.first - 1)
    label_at = sp.first - 1
    if prev is not None and prev.text == "." and label_at > 0 and tokens[label_at - 1].end == prev.start:
        label_at -= 1  # "No. 20"
    if label_at < 0 or tokens[label_at].lower not in doc.lexicon.labels:
        return None
    gap = doc.text[tokens[label_at].end : sp.start]
    return tokens[label_at].lower if "\n" not in gap and len(gap) <= 3 else None


def year_like(sp: NumberSpan) -> bool:
    """Four bare digits from 1900 to 2100 without a scale: a year more likely than a quantity."""
    return (
        sp.numeral is not None
        and sp.numeral.isdigit()
        and len(sp.numeral) == 4
        and 1900 <= sp.value <= 2100
        and not sp.has_scale
    )


def label_follows(doc: Document, unit: int, any_number: bool = True) -> bool:
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


def _mixed_case(word: str) -> bool:
    """ "iPhone", "PlayStation", "eFishery": a capital after the first letter beside lower-case ones."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def name_before(doc: Document, first: int) -> bool:
    """A name right before the number: a capitalized word that is not a sentence opener or a
    function word ("Boeing 737", "Kepulauan Seribu"), or, in a headline too, a brand written in
    mixed case ("iPhone 15")."""
    prev = doc.tok(first - 1)
    if prev is None or prev.kind != "word" or not doc.spaced(first - 1, first):
        return False
    if _mixed_case(prev.text):
        return True
    if not prev.text[0].isupper():
        return False
    if prev.lower in doc.lexicon.function_words or prev.lower in doc.lexicon.qualifier_words:
        return False
    return not doc.headline(prev.start)


def model_after(doc: Document, last: int) -> bool:
    """A capitalized model word right after the number makes it part of a product's name
    ("Xiaomi 14 Ultra", "Galaxy Tab 9 Plus"), in a headline too."""
    nxt = doc.tok(last)
    if nxt is None or nxt.kind != "word" or not doc.spaced(last - 1, last):
        return False
    return nxt.text[0].isupper() and nxt.lower in doc.lexicon.model_words
