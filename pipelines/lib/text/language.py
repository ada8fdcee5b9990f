"""A cheap language guess for text without markup, from counts of frequent function words
(lexicon ``furniture.toml``, table ``language_guess``: one list per language)."""

from __future__ import annotations

from functools import cache

from pipelines.lib import lexicons
from pipelines.lib.text.lines import words


@cache
def function_words() -> dict[str, set[str]]:
    """Function words by language code."""
    lex = lexicons.load("furniture", "id")
    return {lang: set(ws) for lang, ws in lex.get("language_guess", {}).items()}


def guess_language(text: str) -> str | None:
    """The language with at least 3 function words in the first 5000 characters and twice as many
    as any other; None when no language stands out."""
    toks = [w.lower() for w in words(text[:5000])]
    counts = {lang: sum(t in stop for t in toks) for lang, stop in function_words().items()}
    ranked = sorted(counts.values(), reverse=True) + [0, 0]
    best = max(counts, key=counts.get, default=None)
    return best if best and ranked[0] >= 3 and ranked[0] >= 2 * ranked[1] else None
