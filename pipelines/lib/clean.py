"""Strip page furniture from article text: the shared core of the clean-text stage.

``strip_furniture`` works line by line (a line is a paragraph) on text that
came out of an HTML extractor or a plain-text dump. It removes what is not the
article ("Baca juga" links, captions and photo credits, editor lines, tag lists,
app banners, related-headline lists after a heading) and the outlet dateline at
the start of the first paragraph, whose place it returns. Patterns live in the
lexicon ``furniture.toml``; this module only holds the general shapes.

Decisions: editor initials closing an article ("(dam)", "(kpl/pur/tch)") are
removed; subheadings inside the body are kept; a line repeated verbatim is kept
once; captions, date lines and the dateline go to ``header_text`` (they carry
dates), everything else removed goes only to ``Page.removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipelines.lib import lexicons


@dataclass(frozen=True)
class Page:
    title: str | None
    body: str  # clean article text, paragraphs separated by "\n\n"
    site: str | None
    author: str | None
    language: str | None
    url: str | None
    dateline_place: str | None
    metadata_date: str | None
    header_text: str
    removed: tuple[str, ...]


class NoArticleText(ValueError):
    """No article text remains (empty, only furniture, or a listing page)."""


DASH = r"\s*[-–—]+\s*"
TLD = r"(?:co\.id|or\.id|web\.id|my\.id|go\.id|ac\.id|sch\.id|com|net|org|info|news|tv|io|biz|id|co)"
DOMAIN = re.compile(rf"(?<![\w@/.-])((?:[a-z0-9][a-z0-9-]*\.)+{TLD})(?![\w-])", re.I)
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CAP = r"[A-Z][\w'’.-]*"
DATELINES = [  # (regex, kind); groups: place, outlet
    re.compile(rf"(?P<place>{_CAP}(?:,? {_CAP}){{0,3}})(?:, (?P<date>\d{{1,2}} \w+ \d{{4}}))?\s*"
               rf"\((?P<outlet>[^()]{{2,40}})\){DASH}"),
    re.compile(rf"(?P<place>{_CAP}(?: {_CAP}){{0,3}}), (?P<outlet>[A-Z][\w.-]*[A-Za-z]){DASH}"),
    re.compile(rf"(?P<outlet>(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+{TLD}){DASH}", re.I),
    re.compile(rf"(?P<place>[A-Z]{{3,}}(?: [A-Z]{{3,}})?){DASH}"),
]


@dataclass
class Rules:
    furniture: list[re.Pattern]
    caption: list[re.Pattern]
    list_heading: list[re.Pattern]
    menu_words: set[str]
    read_also: re.Pattern
    credit: re.Pattern
    initials: re.Pattern
    date: re.Pattern
    relative_age: re.Pattern
    date_words: set[str]
    not_place: set[str]
    stopwords: dict[str, set[str]] = field(default_factory=dict)


@cache
def rules(language: str = "id") -> Rules:
    try:
        lex = lexicons.load("furniture", language)
    except FileNotFoundError:  # no lexicon for this language: the Indonesian one is mostly generic
        lex = lexicons.load("furniture", "id")
    line, inline, date = lex["line"], lex["inline"], lex["date"]
    comp = lambda pats: [re.compile(p, re.I) for p in pats]  # noqa: E731
    months, days, tz = (sorted(date[k], key=len, reverse=True) for k in ("months", "weekdays", "timezones"))
    date_re = (rf"\b\d{{1,2}}\s+(?:{'|'.join(months)})\.?\s+\d{{4}}\b|\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b"
               rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[:.]\d{{2}}\b|\b(?:{'|'.join(days + tz)})\b")
    return Rules(
        comp(line["furniture"]), comp(line["caption"]), comp(line["list_heading"]),
        {w.lower() for w in line["menu_words"]}, re.compile(inline["read_also"], re.I),
        re.compile(inline["credit"], re.I), re.compile(inline["initials"]), re.compile(date_re, re.I),
        re.compile(date["relative_age"], re.I), {w.lower() for w in date["date_words"] + days + tz},
        {w.lower() for w in lex["dateline"]["not_place"]},
        {lang: set(words) for lang, words in lex.get("language_guess", {}).items()},
    )


def normalise(line: str) -> str:
    """One line, whitespace collapsed, table pipes dropped."""
    return re.sub(r"[\s|\u00a0\u200b]+", " ", line).strip()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def is_sentence(line: str, min_words: int = 6) -> bool:
    """Sentence-shaped: enough words and a sentence end (. ? ! or a closing quote)."""
    return len(words(line)) >= min_words and bool(re.search(r"[.?!…\"”’'»)]\s*$", line))


def is_date_line(line: str, r: Rules) -> bool:
    """A standalone date/time or relative-age line ("Senin, 28 Mei 2021 08:37 WIB")."""
    if len(line.split()) > 14 or not (r.date.search(line) or r.relative_age.search(line)):
        return False
    rest = r.relative_age.sub(" ", r.date.sub(" ", line))
    return len([w for w in words(rest.lower()) if w not in r.date_words and not w.isdigit()]) <= 2


def line_kind(line: str, r: Rules) -> str | None:
    """'furniture', 'caption', 'date' or None (article text)."""
    low = line.lower().strip(" :.")
    if low in r.menu_words or any(p.match(line) for p in r.furniture):
        return "furniture"
    if len(line.split()) <= 60 and any(p.match(line) for p in r.caption):
        return "caption"
    if is_date_line(line, r):
        return "date"
    return None


def find_dateline(line: str, r: Rules) -> re.Match | None:
    """An outlet dateline at the start of a paragraph, if any."""
    for pattern in DATELINES:
        m = pattern.match(line)
        if not m or len(m.group(0)) > 80:
            continue
        place = m.groupdict().get("place")
        if place and place.split()[0].lower().strip(",") in r.not_place:
            continue
        return m
    return None


def tidy_place(place: str | None) -> str | None:
    if not place:
        return None
    place = place.strip(" ,")
    return place.title() if place.isupper() and len(place) > 3 else place


def strip_read_also(line: str, r: Rules) -> tuple[str, list[str]]:
    """Cut an inline 'Baca juga: <Headline>' out of a paragraph (headline = Title-Case run)."""
    m = r.read_also.search(line)
    if not m or m.start() == 0:
        return line, []
    tokens, end = list(re.finditer(r"\S+", line[m.end():])), m.end()
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
    return (line[: m.start()] + " " + line[end:]).strip(), [line[m.start():end].strip()]


@dataclass
class Stripped:
    lines: list[str]
    removed: list[tuple[str, str]]  # (kind, fragment)
    place: str | None = None
    outlet: str | None = None


def strip_lines(text: str, language: str = "id") -> Stripped:
    r = rules(language)
    out = Stripped([], [])
    seen: set[str] = set()
    in_list = False
    for raw in text.splitlines():
        line = normalise(raw)
        if not line:
            continue
        if any(p.match(line) for p in r.list_heading):
            out.removed.append(("furniture", line))
            in_list = True
            continue
        if in_list and (not line.endswith((".", "”", '"')) or len(words(line)) < 8):
            out.removed.append(("furniture", line))
            continue
        in_list = False
        kind = line_kind(line, r)
        if kind is None and line in seen and len(words(line)) >= 8:
            kind = "duplicate"
        if kind:
            out.removed.append((kind, line))
            continue
        seen.add(line)
        line, cut = strip_read_also(line, r)
        out.removed += [("furniture", c) for c in cut]
        for m in list(r.credit.finditer(line)):
            out.removed.append(("caption", m.group(0)))
        line = re.sub(r"\s+([.,;:!?])", r"\1", normalise(r.credit.sub(" ", line)))
        if m := re.search(r"\s*\*{3,}\s*$", line):  # "***" end marker glued to the last sentence
            out.removed.append(("furniture", m.group(0).strip()))
            line = line[: m.start()]
        if not out.lines and out.place is None and out.outlet is None and (m := find_dateline(line, r)):
            out.removed.append(("dateline", m.group(0).strip()))
            out.place, out.outlet = tidy_place(m.groupdict().get("place")), m.groupdict().get("outlet")
            line = line[m.end():].strip()
        if line and words(line):
            out.lines.append(line)
    if out.lines and (m := r.initials.search(out.lines[-1])):
        out.removed.append(("furniture", m.group(0).strip()))
        out.lines[-1] = out.lines[-1][: m.start()].strip()
        if not words(out.lines[-1]):
            out.lines.pop()
    return out


def strip_furniture(text: str, language: str = "id") -> tuple[str, list[str], str | None]:
    """Return (clean_text, removed_fragments, dateline_place)."""
    s = strip_lines(text, language)
    return "\n\n".join(s.lines), [frag for _, frag in s.removed], s.place


def header_of(s: Stripped, *extra: str | None) -> str:
    """Text that is not body but may carry metadata (dates): extra lines, datelines, captions, date lines."""
    keep = [e for e in extra if e] + [f for k, f in s.removed if k in ("dateline", "caption", "date", "duplicate")]
    return "\n".join(dict.fromkeys(keep))


def guess_language(text: str) -> str | None:
    """Cheap guess from function-word counts (lexicon ``language_guess``)."""
    toks = [w.lower() for w in words(text[:5000])]
    counts = {lang: sum(t in stop for t in toks) for lang, stop in rules("id").stopwords.items()}
    ranked = sorted(counts.values(), reverse=True) + [0, 0]
    best = max(counts, key=counts.get, default=None)
    return best if best and ranked[0] >= 3 and ranked[0] >= 2 * ranked[1] else None


def require_text(body: str, why: str = "only furniture") -> str:
    if not words(body):
        raise NoArticleText(f"no article text: {why}")
    return body
