"""Paragraphs that the chosen body lacks but two other algorithms agree on.

The chosen body (trafilatura's text, or the candidate that won in ``html_page.best_text``)
comes from one element of the page: a body split in two by a widget, a lead written above
that element or a section in a wrapper of its own is lost. The region around the body's
container (its parent, rendered as a reader sees it) and readability's text are two other
views of the page. A paragraph of the region is put back, in document order, when it is
prose (a sentence of 8 words or more, mostly not link text), readability has it too, and the
chosen body does not; a short subheading goes back with the paragraph under it. Put-back lines
go by runs (those between two body lines, or after the last): a run whose paragraphs average
fewer than ``MIN_RUN_WORDS`` words is a list of teasers or promos and stays out, and a run above
the body's first line goes back only as the article's lead, opening with its dateline. Both views
are cleaned like any candidate first (``html_candidates.clean_candidate``), so headline
lists, widgets and a second article never come back. Readability runs only when the region
holds news-sized prose that the body lacks, the cleaning only when readability holds it too.
"""

from __future__ import annotations

from copy import deepcopy

from trafilatura.external import try_readability

from pipelines.lib.text.furniture import Stripped
from pipelines.lib.text.html_lines import flat, render
from pipelines.lib.text.lines import ends_sentence, is_sentence, words

MIN_PROSE_WORDS = 8
MAX_SUBHEAD_WORDS = 12
MAX_LINKED = 0.5
EDGE = 50  # letters and digits of a line that tell it apart
MIN_RUN_WORDS = 18  # mean words of a put-back paragraph: a list of teasers or promos has fewer
MIN_RUN_CHARS = 2 * MIN_RUN_WORDS  # no line of that many words is shorter


def region_of(container):
    """The parent of the body's container (the container itself under <body>)."""
    if container is None:
        return None
    parent = container.getparent()
    return container if parent is None or parent.tag in ("body", "html") else parent


class Present:
    """Whether a line's letters and digits are already in a text (either way round: a body line
    may have lost its dateline, a region line may be a piece of a body paragraph; a long line
    counts when its first or last ``EDGE`` characters are there)."""

    def __init__(self, lines: list[str]):
        self.keys = [flat(x) for x in lines]
        self.joined = "\n".join(self.keys)

    def __contains__(self, line: str) -> bool:
        k = flat(line)
        if not k or k in self.joined or any(len(b) >= 2 * EDGE and b in k for b in self.keys):
            return True
        # a view may drop an inline link's text: the line's opening or closing letters are enough
        return len(k) >= 3 * EDGE and (k[:EDGE] in self.joined or k[-EDGE:] in self.joined)


def region_lines(container, box: list[tuple[str, float]]) -> list[str]:
    """The rendered lines, mostly not link text, of the region around the container (``box``:
    the container's own rendered lines, used for it rather than rendering it again, and enough
    alone when the region adds no paragraph's worth of words)."""
    region = region_of(container)
    if region is None:
        return []
    rendered = box
    if region is not container:
        extra = len(region.text_content().split()) - sum(len(t.split()) for t, _ in box)
        if extra >= MIN_RUN_WORDS:
            rendered = [line for child in region for line in (box if child is container else render(child))]
    return [t for t, linked in rendered if linked < MAX_LINKED]


def lacks_prose(body: list[str], region: list[str], min_words: int = MIN_PROSE_WORDS) -> list[str]:
    """The region's prose lines (``min_words`` words or more) that the body does not hold."""
    present = Present(body)
    return [x for x in region if len(words(x)) >= min_words and is_sentence(x, min_words) and x not in present]


def readability_text(tree) -> str:
    """readability's main text of the page, one line per block (empty when it fails)."""
    try:
        return "\n".join(t for t, linked in render(try_readability(deepcopy(tree))) if linked < MAX_LINKED)
    except Exception:  # readability is best effort
        return ""


def merged(body: list[str], region: list[str], support: list[str], opens_article=lambda line: False) -> list[str]:
    """``body`` with the region's supported prose lines (and their subheadings) put back in order:
    a run of them between or after body lines when its paragraphs are news-sized (``MIN_RUN_WORDS``
    on average: a list of teasers is not), before the first body line only as the article's lead
    (``opens_article``: it opens with a dateline)."""
    present, supported = Present(body), Present(support)
    out: list[str] = []
    at = 0  # body lines before `at` are placed
    run: list[str] = []  # supported lines since the last body line
    for line in [*region, None]:
        if line is None or line in present:
            while run and _is_subhead(run[-1]):  # a subheading goes back only with a paragraph under it
                run.pop()
            out += run if _accepted(run, lead=at == 0 and not out, opens_article=opens_article) else []
            run = []
            if line is not None:
                at = _place_up_to(out, body, at, line)
        elif line in supported and (is_sentence(line, MIN_PROSE_WORDS) or _is_subhead(line)):
            run.append(line)
    return out + body[at:]


def _is_subhead(line: str) -> bool:
    return len(words(line)) <= MAX_SUBHEAD_WORDS and not ends_sentence(line)


def _accepted(run: list[str], lead: bool, opens_article) -> bool:
    """A run of put-back lines: news-sized paragraphs; a lead opens the article."""
    prose = [len(words(x)) for x in run if not _is_subhead(x)]
    if not prose or sum(prose) < MIN_RUN_WORDS * len(prose):
        return False
    return not lead or opens_article(run[0])


def _place_up_to(out: list[str], body: list[str], at: int, line: str) -> int:
    """Append the body lines up to the one holding ``line`` (from ``at`` on); the new ``at``."""
    k = flat(line)
    for j in range(at, len(body)):
        b = flat(body[j])
        if k in b or (len(b) >= 2 * EDGE and b in k):
            out += body[at : j + 1]
            return j + 1
    return at


def agreed(tree, body: Stripped, container, box: list[tuple[str, float]], clean, captions=(), dated=None) -> Stripped:
    """``body`` with the paragraphs put back that the region and readability agree on (``box``:
    the container's rendered lines); ``clean`` turns a candidate text into a cleaned ``Stripped``.
    A lead put back brings the dateline's place and outlet along. The cheap checks come first
    (``worth_a_look``); readability runs, and both views are cleaned, only when they pass."""
    region = region_lines(container, box)
    if not body.lines or not worth_a_look(body.lines, region, captions, dated or (lambda line: False)):
        return body
    readability = readability_text(tree)
    if not any(x in Present([readability]) for x in lacks_prose(body.lines, region, MIN_RUN_WORDS)):
        return body
    cleaned = clean("\n".join(region))
    support = clean(readability).lines
    opened = cleaned.place is not None or cleaned.outlet is not None
    lines = merged(body.lines, cleaned.lines, support, lambda line: opened and line == cleaned.lines[0])
    if len(lines) == len(body.lines):
        return body
    if lines[0] != body.lines[0] and opened and body.place is None and body.outlet is None:
        removed = body.removed + [(k, x) for k, x in cleaned.removed if k == "dateline"]
        return Stripped(lines, removed, cleaned.place, cleaned.outlet)
    return Stripped(lines, body.removed, body.place, body.outlet)


def worth_a_look(body: list[str], region: list[str], captions, dated) -> bool:
    """The region holds a news-sized prose line that the body lacks and that could go back: not a
    photo caption, and above the body's first line only when it opens with a dateline (``dated``)."""
    present, captioned = Present(body), Present(list(captions))
    first = next((i for i, x in enumerate(region) if x in present), len(region))
    for i, line in enumerate(region):
        if len(line) < MIN_RUN_CHARS or not is_sentence(line, MIN_RUN_WORDS) or line in present:
            continue
        if line not in captioned and (i > first or dated(line)):
            return True
    return False
