"""Strip page furniture from article text: the shared core of the clean-text stage.

``strip_lines`` works line by line (a line is a paragraph) on text that came out of an
HTML extractor or a plain-text dump. It removes what is not the article ("Baca juga"
links, captions and photo credits, editor lines, tag lists, app banners, site menus and
breadcrumbs, navigation / share / comment / counter links, related-headline lists after a
heading or closing the text) and the outlet dateline at the start of the first paragraph,
whose place it returns. Patterns live in the lexicon ``furniture.toml``; whole lines are
judged by ``line_kinds``, datelines by ``datelines``, runs of lines (headline lists with
timestamps, counter widgets, a second article) by ``furniture_blocks``. A "Baca juga" link
glued to the article's next sentence is cut at the link's end (the page's link texts tell
it, else a word glued to the next sentence) and the sentence stays.

Decisions: editor initials closing an article ("(dam)", "(kpl/pur/tch)") are removed, also
on a line of their own, and a source/editor code ("(Ant/I-1)") is cut wherever it closes a
line; a closing list of lowercase tag lines is removed, so is a closing run of Title-Case
headlines after the last sentence (a subheading is followed by text, so it is never at the
end and is kept); a line repeated verbatim is kept once; a line that closes with a photo
credit ("... Kamis. (REUTERS/Nama)", "... Moskow. ANTARA/Nama/aa") is a caption, while a
credit before a sentence's final stop is only cut; captions, date lines, bylines with a date
and the dateline go to ``header_of`` (they carry dates), everything else removed only to
``Stripped.removed``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from pipelines.lib.text.datelines import find_dateline, tidy_place
from pipelines.lib.text.furniture_blocks import counter_lines, headline_list_lines, second_article_start
from pipelines.lib.text.furniture_rules import FurnitureRules, rules
from pipelines.lib.text.html_lines import flat
from pipelines.lib.text.line_kinds import credit_caption, line_kind
from pipelines.lib.text.lines import ends_sentence, is_headline, is_sentence, is_tag_line, normalise, words
from pipelines.lib.text.outlets import byline_outlet

END_MARKER = re.compile(r"\s*\*{3,}\s*$")  # "***" glued to the last sentence
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")
GLUED = re.compile(r"[^\W\d_]*[a-z]{2}(?=[A-Z][a-z])")  # "TerakhirSebagai": a headline glued to the next sentence
ALNUM = re.compile(r"[^\W_]")
TAIL_START = re.compile(r"[.!?…\"”](?=\s+\S)")  # a sentence end with more text after it
CLOSING_NAMES = re.compile(r"[.!?]\s+((?:[A-Z][\w.&-]*\s*){1,4})$")  # "... dua pekan. Warta Agro"
MIN_LINKED_HEADLINE = 10  # letters and digits
HEADER_KINDS = ("dateline", "caption", "credit", "date", "duplicate")
Removed = list[tuple[str, str]]  # (kind, fragment)


@dataclass
class Stripped:
    lines: list[str]
    removed: list[tuple[str, str]]  # (kind, fragment)
    place: str | None = None
    outlet: str | None = None


def strip_lines(text: str, language: str = "id", headlines: Collection[str] = ()) -> Stripped:
    """The article paragraphs of ``text``, what was removed (by kind) and the dateline's place and outlet.

    ``headlines``: the page's link texts as ``html_lines.flat`` keys, telling where a "Baca juga"
    link glued to the next sentence ends."""
    r = rules(language)
    out = Stripped([], [])
    seen: set[str] = set()
    for line in without_blocks(list(outside_related_lists(text, r, out.removed)), r, out.removed):
        line = cut_editor_code(cut_leading_read_also(line, r, headlines, out.removed), r, out.removed)
        if line is None:
            continue
        if kind := furniture_kind(line, r, seen):
            out.removed.append((kind, line))
            continue
        seen.add(line)
        line = cut_dateline(cut_inline_furniture(line, r, out.removed, headlines), r, out)
        if line and words(line):
            out.lines.append(line)
    cut_closing_furniture(out, r)
    return out


def outside_related_lists(text: str, r: FurnitureRules, removed: Removed) -> Iterator[str]:
    """The normalised non-empty lines of ``text`` but related-list headings ("Baca juga:") and the
    short or unfinished lines under them, which go to ``removed``."""
    in_list = False
    for raw in text.splitlines():
        line = normalise(raw)
        if not line:
            continue
        if r.list_heading.match(line):
            removed.append(("furniture", line))
            in_list = True
            continue
        if in_list and (not line.endswith((".", "”", '"')) or len(words(line)) < 8):
            removed.append(("furniture", line))
            continue
        in_list = False
        yield line


def without_blocks(lines: list[str], r: FurnitureRules, removed: Removed) -> list[str]:
    """The lines without headline lists, counter widgets and a second article (``furniture_blocks``)."""
    start = second_article_start(lines, r)
    if start is not None:
        removed += [("furniture", x) for x in lines[start:]]
        lines = lines[:start]
    drop = headline_list_lines(lines, r) | counter_lines(lines)
    removed += [("furniture", lines[i]) for i in sorted(drop)]
    return [x for i, x in enumerate(lines) if i not in drop]


def headline_end(rest: str, headlines: Collection[str]) -> int | None:
    """Where a linked headline that opens ``rest`` ends: the longest page link text it starts with,
    else a word glued to the next sentence ("...Laga TerakhirSebagai informasi")."""
    opening = flat(rest[:400])
    linked = max((h for h in headlines if len(h) >= MIN_LINKED_HEADLINE and opening.startswith(h)), key=len, default="")
    if linked:
        return next((m.end() for i, m in enumerate(ALNUM.finditer(rest)) if i == len(linked) - 1), None)
    for i, token in enumerate(re.finditer(r"\S+", rest)):
        if i >= 25:
            break
        if (m := GLUED.match(token.group(0))) and m.end() < len(token.group(0)):
            return token.start() + m.end()
    return None


def cut_leading_read_also(line: str, r: FurnitureRules, headlines: Collection[str], removed: Removed) -> str:
    """A paragraph that opens with a "Baca juga: <headline>" link glued to a sentence of the
    article keeps the sentence; one that is only the link stays whole (it is furniture)."""
    m = r.read_also.match(line)
    if not m or (end := headline_end(line[m.end() :], headlines)) is None:
        return line
    rest = line[m.end() + end :].strip()
    if not is_sentence(rest, 6):
        return line
    removed.append(("furniture", line[: m.end() + end].strip()))
    return rest


def cut_editor_code(line: str, r: FurnitureRules, removed: Removed) -> str | None:
    """The line without a closing source/editor code ("... katanya. (Ant/I-1)"); None when no word is left."""
    if not r.editor_code or not (m := r.editor_code.search(line)):
        return line
    removed.append(("furniture", m.group(0).strip()))
    line = line[: m.start()].rstrip()
    return line if words(line) else None


def furniture_kind(line: str, r: FurnitureRules, seen: set[str]) -> str | None:
    """The kind of a whole line that is not article text: a line kind, a reporter line, a repeat."""
    kind = line_kind(line, r)
    if kind is None and byline_outlet(line) is not None:
        kind = "furniture"
    if kind is None and line in seen and len(words(line)) >= 8:
        kind = "duplicate"
    return kind


def strip_read_also(line: str, r: FurnitureRules, headlines: Collection[str] = ()) -> tuple[str, list[str]]:
    """Cut an inline 'Baca juga: <Headline>' out of a paragraph: up to the end of a page link it
    opens with, else of a headline glued to the next sentence, else of a Title-Case run."""
    m = r.read_also.search(line)
    if not m or m.start() == 0:
        return line, []
    if (linked := headline_end(line[m.end() :], headlines)) is not None:
        end = m.end() + linked
        return (line[: m.start()] + " " + line[end:]).strip(), [line[m.start() : end].strip()]
    tokens, end = list(re.finditer(r"\S+", line[m.end() :])), m.end()
    taken = 0
    for t in tokens:
        w = t.group(0)
        if not (w[0].isupper() or w[0].isdigit() or w[0] in "\"“'‘(" or len(w) <= 3):
            break
        taken += 1
        end = m.end() + t.end()
        if w[-1] in "?!":
            break
    if taken < len(tokens) and taken > 1 and line[end - 1] not in "?!":  # last capital starts the next sentence
        end = m.end() + tokens[taken - 1].start()
    return (line[: m.start()] + " " + line[end:]).strip(), [line[m.start() : end].strip()]


def cut_credits(line: str, r: FurnitureRules, removed: Removed) -> str:
    """The paragraph without inline photo credits, and without a closing one that names a photo
    ("... ini (REUTERS/Nama)."): a source such as "(Kementan/BPS)." stays."""
    removed += [("credit", m.group(0)) for m in r.credit.finditer(line)]
    line = r.credit.sub(" ", line)
    m = credit_caption(line, r)[1]
    if m and m.group(0).lstrip().startswith("(") and r.credit_photo and r.credit_photo.search(m.group(0)):
        removed.append(("credit", m.group(0).strip().rstrip(".").strip()))
        line = line[: m.start()] + (" ." if m.group(0).rstrip().endswith(".") else "")
    return line


def cut_inline_furniture(line: str, r: FurnitureRules, removed: Removed, headlines: Collection[str] = ()) -> str:
    """The paragraph without 'Baca juga' links, photo credits, CMS embeds and a closing "***"."""
    line, cut = strip_read_also(line, r, headlines)
    removed += [("furniture", c) for c in cut]
    line = cut_credits(line, r, removed)
    if r.embed:
        removed += [("furniture", m.group(0)) for m in r.embed.finditer(line)]
        line = r.embed.sub(" ", line)
    line = SPACE_BEFORE_PUNCTUATION.sub(r"\1", normalise(line))
    line = cut_counter_tail(line, r, removed)
    if m := END_MARKER.search(line):
        removed.append(("furniture", m.group(0).strip()))
        line = line[: m.start()]
    return line


def cut_counter_tail(line: str, r: FurnitureRules, removed: Removed) -> str:
    """The paragraph without a closing tail, after its last sentence, that holds counters or
    timestamps and no sentence end ("... di tepi sungai. 1,2 rb Bagikan Terpopuler 1 Judul 12.345 views")."""
    ends = list(TAIL_START.finditer(line))
    if not ends:
        return line
    tail = line[ends[-1].end() :]
    if len(words(tail)) < 4 or not ((r.counter_word and r.counter_word.search(tail)) or r.relative_age.search(tail)):
        return line
    removed.append(("furniture", tail.strip()))
    return line[: ends[-1].end()].rstrip()


def cut_dateline(line: str, r: FurnitureRules, out: Stripped) -> str:
    """The first paragraph without its outlet dateline, whose place and outlet go to ``out``."""
    if out.lines or out.place is not None or out.outlet is not None or not (m := find_dateline(line, r)):
        return line
    out.removed.append(("dateline", m.group(0).strip()))
    out.place, out.outlet = tidy_place(m.groupdict().get("place")), m.groupdict().get("outlet")
    return line[m.end() :].strip()


def cut_closing_furniture(out: Stripped, r: FurnitureRules) -> None:
    """Remove what closes the text: a tag list, linked headlines after the last paragraph, editor initials."""
    while out.lines and is_tag_line(out.lines[-1]):  # "rusia", "li qiang"
        out.removed.append(("furniture", out.lines.pop()))
    n = len(out.lines)
    while n > 1 and is_headline(out.lines[n - 1]):
        n -= 1
    if n < len(out.lines) and ends_sentence(out.lines[n - 1]):
        out.removed += [("furniture", x) for x in out.lines[n:]]
        del out.lines[n:]
    if out.lines and (m := r.initials.search(out.lines[-1])):
        out.removed.append(("furniture", m.group(0).strip()))
        out.lines[-1] = out.lines[-1][: m.start()].strip()
        if not words(out.lines[-1]):
            out.lines.pop()


def caption_body(captions: list[str], language: str = "id") -> Stripped:
    """The captions of a gallery as its body: each without its photo credits, the credits kept
    for the header (they may carry a date)."""
    r = rules(language)
    out = Stripped([], [])
    for caption in captions:
        line = cut_credits(normalise(caption), r, out.removed)
        if m := credit_caption(line, r)[1]:
            out.removed.append(("caption", m.group(0).strip()))
            line = line[: m.start()]
        if m := CLOSING_NAMES.search(line):  # what is left of a credit after the caption's last stop
            out.removed.append(("caption", m.group(1).strip()))
            line = line[: m.start(1)]
        if words(line := SPACE_BEFORE_PUNCTUATION.sub(r"\1", normalise(line))):
            out.lines.append(line)
    return out


def header_of(s: Stripped, *extra: str | None) -> str:
    """Text that is not body but may carry metadata (dates): extra lines, datelines, captions, date lines."""
    keep = [e for e in extra if e] + [f for k, f in s.removed if k in HEADER_KINDS]
    return "\n".join(dict.fromkeys(keep))
