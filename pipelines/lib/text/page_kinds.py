"""What kind of page an HTML page is: an article, a photo gallery, a video page or a listing of
headlines. Told from the page's shape, never from its address or outlet:

- video: the page says so (``og:type`` video.*), or it holds a player (<video>, an embedded
  player frame) and little prose;
- gallery: three captions or more whose words outnumber the body's prose (a page of photos
  with a short intro), three photo credits or more inside the text's paragraphs (captions
  flattened into the text), or a body that is its captions;
- listing: a body without prose (a table, a description) beside many headline links whose
  words outnumber it several times (a short article with a long related list stays an article);
- article: anything else.
"""

from __future__ import annotations

import re

from pipelines.lib.text.furniture import Stripped
from pipelines.lib.text.html_parts import PageParts
from pipelines.lib.text.lines import is_sentence, words

KINDS = ("article", "gallery", "video", "listing")
MIN_CAPTIONS = 3
VIDEO_MAX_PROSE = 150
MIN_PROSE_WORDS = 20  # fewer words in sentences: a page without prose (html_page.without_prose)
LISTING_MIN_LINKS = 20
LISTING_MAX_WORDS = 120
LISTING_LINK_SHARE = 4  # headline-link words per body word
PLAYER = re.compile(r"video|player|youtube\.com/embed|youtube-nocookie|vimeo|dailymotion", re.I)


def og_type(tree) -> str:
    return tree.xpath("string(//meta[@property='og:type']/@content)").strip().lower()


def has_player(tree) -> bool:
    """A <video> element, or a frame whose address names an embedded player."""
    return next(tree.iter("video"), None) is not None or any(
        PLAYER.search(frame.get("src", "") or frame.get("data-src", "")) for frame in tree.iter("iframe")
    )


def caption_share(parts: PageParts, default: Stripped) -> tuple[int, int]:
    """(captions, their words): the page's caption elements, or the captions cleaned out of
    trafilatura's text when the page marks none."""
    removed = [x for kind, x in default.removed if kind == "caption"]
    marked = [c for c in parts.credits if is_sentence(c, 4) or len(words(c)) >= 6]
    best = max((marked, removed), key=lambda found: sum(len(words(x)) for x in found))
    return len(best), sum(len(words(x)) for x in best)


def page_kind(
    tree, body: Stripped, prose: int, default: Stripped, parts: PageParts, from_captions: bool = False
) -> str:
    """One of ``KINDS`` for a page whose cleaned body is ``body`` with ``prose`` words in sentences
    (``default``: trafilatura's text cleaned, with what was removed from it)."""
    fallback = prose < MIN_PROSE_WORDS
    if og_type(tree).startswith("video") or (has_player(tree) and prose < VIDEO_MAX_PROSE):
        return "video"
    captions, caption_words = caption_share(parts, default)
    inline_credits = sum(kind == "credit" for kind, _ in default.removed)
    if from_captions or inline_credits >= MIN_CAPTIONS or (captions >= MIN_CAPTIONS and caption_words >= prose):
        return "gallery"
    linked = sum(len(words(x)) for kind, x in default.removed if kind == "furniture")
    total = sum(len(words(x)) for x in body.lines)
    many_links = len(parts.links) >= LISTING_MIN_LINKS and linked >= LISTING_LINK_SHARE * total
    if fallback and many_links and total < LISTING_MAX_WORDS:
        return "listing"
    return "article"
