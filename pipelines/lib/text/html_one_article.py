"""A body that runs over several <article> elements (a blog's index, an infinite scroll that
appends the next story) keeps only the first article's lines.

The body's lines of ``MIN_LINE_WORDS`` words or more are matched to the <article> elements of
the page that hold prose (none inside another); when they lie in two or more of them, the body
ends before the first line of the second. Lines in none of them (a lead above, a caption) or in
several do not decide; a body left without prose keeps its text (``html_page.without_prose``).
"""

from __future__ import annotations

from pipelines.lib.text.furniture import Stripped
from pipelines.lib.text.html_lines import flat
from pipelines.lib.text.lines import words

MIN_ARTICLE_WORDS = 40
MIN_LINE_WORDS = 8


def prose_articles(tree) -> list[str]:
    """The ``flat`` text of each outermost <article> of ``MIN_ARTICLE_WORDS`` words or more, in order."""
    found = []
    for el in tree.iter("article"):
        text = el.text_content()
        if len(text.split()) >= MIN_ARTICLE_WORDS and not any(a.tag == "article" for a in el.iterancestors()):
            found.append(text)
    return [flat(text) for text in found] if len(found) >= 2 else []


def owner(line: str, articles: list[str]) -> int | None:
    """The index of the only article whose text holds ``line`` (None: in none or in several)."""
    k = flat(line)
    holders = [i for i, text in enumerate(articles) if k and k in text]
    return holders[0] if len(holders) == 1 else None


def first_article(tree, body: Stripped) -> Stripped:
    """``body`` up to where its prose passes into a second <article>."""
    articles = prose_articles(tree)
    if len(articles) < 2:
        return body
    first = None
    for n, line in enumerate(body.lines):
        i = owner(line, articles) if len(words(line)) >= MIN_LINE_WORDS else None
        if i is None:
            continue
        if first is None:
            first = i
        elif i != first:
            removed = body.removed + [("furniture", x) for x in body.lines[n:]]
            return Stripped(body.lines[:n], removed, body.place, body.outlet)
    return body
