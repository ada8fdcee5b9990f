"""Strip page furniture from article text: the shared core of the clean-text stage.

``strip_furniture`` works line by line (a line is a paragraph) on text that
came out of an HTML extractor or a plain-text dump. It removes what is not the
article ("Baca juga" links, captions and photo credits, editor lines, tag lists,
app banners, site menus and breadcrumbs, navigation / share / comment / counter
links, related-headline lists after a heading or closing the text) and the outlet dateline at
the start of the first paragraph, whose place it returns. Patterns live in the
lexicon ``furniture.toml``; this module only holds the general shapes.

Decisions: editor initials closing an article ("(dam)", "(kpl/pur/tch)") are
removed, also on a line of their own, and a source/editor code ("(Ant/I-1)") is
cut wherever it closes a line; a closing list of lowercase tag lines is removed,
so is a closing run of Title-Case headlines after the last sentence (a subheading
is followed by text, so it is never at the end and is kept); a line repeated verbatim is kept
once; a line that closes with a photo credit ("... Kamis. (REUTERS/Nama)",
"... Moskow. ANTARA/Nama/aa") is a caption, while a credit before a sentence's
final stop is only cut; captions, date lines, bylines with a date and the
dateline go to ``header_text`` (they carry dates), everything else removed goes
only to ``Page.removed``.

Outlet names: the lexicon ``outlets.toml`` maps well-known outlet names to their
domains, so a name shown without a domain (dateline "(ANTARA)", banner
"detikNews", follow banner "... Outlet di Google News") gives the site.
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
_OUTLET = r"[A-Z][\w.-]*[A-Za-z0-9]"
DATELINES = [  # groups: place, outlet
    # "Moskow (ANTARA) -", "Mataram, NTB (ANTARA News) -"
    re.compile(
        rf"(?P<place>{_CAP}(?:,? {_CAP}){{0,3}})(?:, (?P<date>\d{{1,2}} \w+ \d{{4}}))?\s*"
        rf"\((?P<outlet>[^()]{{2,40}})\){DASH}"
    ),
    # "TEMPO.CO, Jakarta -", "Liputan6.com, Lima -"
    re.compile(rf"(?P<outlet>(?i:(?:[a-z0-9][a-z0-9-]*\.)+{TLD})),\s*(?P<place>{_CAP}(?: {_CAP}){{0,3}}){DASH}"),
    # "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --"
    re.compile(rf"(?P<place>{_CAP}(?: {_CAP}){{0,3}}), (?P<outlet>{_OUTLET}(?: {_OUTLET})?){DASH}"),
    re.compile(rf"(?P<outlet>(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+{TLD}){DASH}", re.I),
    re.compile(rf"(?P<place>[A-Z]{{3,}}(?: [A-Z]{{3,}})?){DASH}"),
    # "Moskow - Pesawat ...": a place in Title Case, a dash with spaces, a capital
    re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+[-–—]+\s+(?=[A-Z\"“‘'])"),
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
    byline: list[re.Pattern] = field(default_factory=list)
    credit_end: re.Pattern | None = None
    embed: re.Pattern | None = None
    credit_photo: re.Pattern | None = None
    menu_joiners: set[str] = field(default_factory=set)
    editor_code: re.Pattern | None = None


@cache
def rules(language: str = "id") -> Rules:
    try:
        lex = lexicons.load("furniture", language)
    except FileNotFoundError:  # no lexicon for this language: the Indonesian one is mostly generic
        lex = lexicons.load("furniture", "id")
    line, inline, date = lex["line"], lex["inline"], lex["date"]
    comp = lambda pats: [re.compile(p, re.I) for p in pats]  # noqa: E731
    months, days, tz = (sorted(date[k], key=len, reverse=True) for k in ("months", "weekdays", "timezones"))
    date_re = (
        rf"\b\d{{1,2}}\s+(?:{'|'.join(months)})\.?\s+\d{{4}}\b|\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b"
        rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[:.]\d{{2}}\b|\b(?:{'|'.join(days + tz)})\b"
    )
    return Rules(
        comp(line["furniture"]),
        comp(line["caption"]),
        comp(line["list_heading"]),
        {w.lower() for w in line["menu_words"]},
        re.compile(inline["read_also"], re.I),
        re.compile(inline["credit"], re.I),
        re.compile(inline["initials"]),
        re.compile(date_re, re.I),
        re.compile(date["relative_age"], re.I),
        {w.lower() for w in date["date_words"] + days + tz},
        {w.lower() for w in lex["dateline"]["not_place"]},
        {lang: set(words) for lang, words in lex.get("language_guess", {}).items()},
        comp(line.get("byline", [])),
        re.compile(rf"(?:{'|'.join(inline['credit_end'])})\s*\.?\s*$") if inline.get("credit_end") else None,
        re.compile(inline["embed"], re.I) if inline.get("embed") else None,
        re.compile(inline["credit_photo"], re.I) if inline.get("credit_photo") else None,
        {w.lower() for w in line.get("menu_joiners", [])},
        re.compile(inline["editor_code"]) if inline.get("editor_code") else None,
    )


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass
class Outlets:
    names: dict[str, str]  # name key -> domain
    mention: list[re.Pattern]
    not_site: set[str]


@cache
def outlets(language: str = "id") -> Outlets:
    """Outlet names -> domains (lexicon ``outlets.toml``)."""
    try:
        lex = lexicons.load("outlets", language)
    except FileNotFoundError:
        lex = lexicons.load("outlets", "id")
    names: dict[str, str] = {}
    for domain, aliases in lex.get("outlets", {}).items():
        for name in (domain.split(".")[0], domain, *aliases):
            names.setdefault(_key(name), domain.lower())
    mention = lex.get("mention", {})
    return Outlets(
        names, [re.compile(p, re.I) for p in mention.get("lines", [])], {d.lower() for d in mention.get("not_site", [])}
    )


CAMEL = re.compile(r"(?P<prefix>[a-z][a-z0-9]{2,})(?:[A-Z][a-z]{2,}|[A-Z]{3,})[A-Za-z0-9]*")  # detikNews, kumparanNEWS


def outlet_domain(name: str | None, language: str = "id") -> str | None:
    """The domain of an outlet name: a domain as such, a lexicon name ("ANTARA" -> antaranews.com),
    a camelCase channel of one ("detikNews"), or the first known part of "ANTARA/Xinhua"."""
    if not name:
        return None
    name = name.strip(" .,:;()[]")
    if DOMAIN.fullmatch(name):
        return name.lower()
    known = outlets(language).names
    for part in [name] + [p for p in re.split(r"\s*/\s*", name) if p != name]:
        if (key := _key(part)) in known:
            return known[key]
        if (m := CAMEL.fullmatch(part)) and _key(m.group("prefix")) in known:
            return known[_key(m.group("prefix"))]
    return None


def is_outlet_banner(line: str, language: str = "id", domains: bool = False) -> bool:
    """A line that only names an outlet or a channel: "CNN Indonesia", "detikNews" (a known outlet
    or a camelCase channel name); with `domains` also a bare domain ("Contoh.com": in a page header)."""
    line = line.strip(" |·•")
    if not line or len(line.split()) > 3 or (DOMAIN.fullmatch(line) and not domains):
        return False
    return bool(outlet_domain(line, language) or (len(line.split()) == 1 and CAMEL.fullmatch(line)))


_NAME = r"[A-Z][\w'’.-]*"
BYLINE_OUTLET = re.compile(rf"(?P<name>{_NAME}(?: {_NAME}){{0,4}}){DASH}(?P<outlet>\S+)$")


def byline_outlet(line: str, language: str = "id") -> str | None:
    """A reporter line "Nama Wartawan - detikNews": the outlet's domain ("" when unknown but channel-shaped)."""
    m = BYLINE_OUTLET.match(line)
    if not m:
        return None
    outlet = m.group("outlet")
    domain = outlet_domain(outlet, language)
    if domain:
        return domain
    return "" if CAMEL.fullmatch(outlet) else None


def mentioned_site(lines, language: str = "id") -> str | None:
    """The outlet a follow / subscribe / repost banner names ("Ikuti ... Contoh di Google News")."""
    o = outlets(language)
    for line in lines:
        if not any(p.search(line) for p in o.mention):
            continue
        for m in DOMAIN.finditer(line):
            domain = m.group(1).lower()
            if domain not in o.not_site and not any(domain.endswith("." + d) for d in o.not_site):
                return domain
        tokens = list(re.finditer(r"[A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9]", line))
        for i, t in enumerate(tokens):
            if i == 0 or not t.group(0)[0].isupper() and not CAMEL.fullmatch(t.group(0)):
                continue  # a name is capitalised (or camelCase) and not the banner's first word
            for n in (2, 1):
                span = line[t.start() : tokens[min(i + n, len(tokens)) - 1].end()]
                if domain := outlet_domain(span, language):
                    return domain
    return None


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


def credit_caption(line: str, r: Rules) -> tuple[bool, re.Match | None]:
    """(is the line a caption, the photo credit closing it). A caption: the text before the credit
    ends a sentence (or is empty), or the credit is in parentheses and nothing follows it."""
    m = r.credit_end.search(line) if r.credit_end else None
    if not m:
        return False, None
    before = line[: m.start()].rstrip()
    ends_line = not line[m.end() :].strip() and not m.group(0).rstrip().endswith(".")
    return (not before or before[-1] in ".!?\"”’'" or (ends_line and m.group(0).lstrip().startswith("("))), m


CRUMB_SEP = re.compile(r"\s*[>»›]\s*|\s+/\s+")


def _menu_items(text: str, r: Rules) -> tuple[int, int]:
    """(menu items, words left over) of a run of words: the longest menu phrase is taken first
    ("Gaya Hidup", "Cek Fakta"); joiners ("dan", "&") count as neither."""
    toks = [t.lower() for t in re.findall(r"[^\s/>»›·•|,]+", text)]
    items = rest = i = 0
    while i < len(toks):
        for n in (3, 2, 1):
            if i + n <= len(toks) and " ".join(toks[i : i + n]) in r.menu_words:
                items, i = items + 1, i + n
                break
        else:
            if toks[i] not in r.menu_joiners:
                rest += 1
            i += 1
    return items, rest


def is_breadcrumb(line: str, r: Rules) -> bool:
    """ "Home > News > Internasional", "Beranda » Daerah", "Home / Ekonomi / Makro": short segments
    between arrows (or spaced slashes), the first a home link or most of them section names."""
    parts = [p.strip() for p in CRUMB_SEP.split(line)]
    if len(parts) < 2 or not all(parts) or any(len(p.split()) > 5 or re.search(r"[.?!:;,]$", p) for p in parts):
        return False
    sections = sum(p.lower() in r.menu_words for p in parts)
    return parts[0].lower() in ("home", "beranda", "index", "indeks") or (
        len(parts) >= 3 and 2 * sections >= len(parts)
    )


def is_menu_line(line: str, r: Rules) -> bool:
    """A site menu flattened into one line: "Beranda Berita Bisnis Bola Otomotif", "Politik dan
    Hukum Ekonomi Humaniora": all of it section names (two or more), or from four on at most
    one word in five something else."""
    if is_breadcrumb(line, r):
        return True
    if re.search(r"[.?!:;\"“”]\s*$|(?<!\w)\d{2,}", line):  # a sentence, a date or a count
        return False
    items, rest = _menu_items(line, r)
    return (items >= 2 and rest == 0) or (items >= 4 and rest * 4 <= items)


def line_kind(line: str, r: Rules) -> str | None:
    """'furniture', 'caption', 'date' or None (article text)."""
    bare = line.lstrip("*•·► ") or line  # a bullet before a banner
    low = bare.lower().strip(" :.")
    if low in r.menu_words or any(p.match(x) for p in r.furniture for x in {line, bare}) or is_menu_line(bare, r):
        return "furniture"
    if any(p.match(bare) for p in r.byline):
        return "date" if r.date.search(line) else "furniture"
    if is_outlet_banner(line):
        return "furniture"
    n = len(line.split())
    if (n <= 60 and any(p.match(line) for p in r.caption)) or (n <= 45 and credit_caption(line, r)[0]):
        return "caption"
    if is_date_line(line, r):
        return "date"
    return None


def is_headline(line: str) -> bool:
    """Headline-shaped: 4 to 20 words, no closing full stop, most words capitalised
    ("Harga Cabai Naik Jelang Lebaran, Pedagang Mengeluh")."""
    ws = words(line)
    if not 4 <= len(ws) <= 20 or re.search(r"[.,;:…\"”’'»)]\s*$", line):
        return False
    return 2 * sum(w[0].isupper() or w[0].isdigit() for w in ws) > len(ws) + 1


def is_tag_line(line: str) -> bool:
    """A short all-lowercase line without a sentence end: an item of a tag list."""
    return bool(re.fullmatch(r"[a-z][a-z0-9-]*(?: [a-z0-9][a-z0-9-]*){0,3}", line))


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
        if r.editor_code and (m := r.editor_code.search(line)):  # "... katanya. (Ant/I-1)"
            out.removed.append(("furniture", m.group(0).strip()))
            line = line[: m.start()].rstrip()
            if not words(line):
                continue
        kind = line_kind(line, r)
        if kind is None and byline_outlet(line) is not None:
            kind = "furniture"
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
        line = r.credit.sub(" ", line)
        if (
            (m := credit_caption(line, r)[1])
            and m.group(0).lstrip().startswith("(")
            and r.credit_photo
            and r.credit_photo.search(m.group(0))
        ):
            out.removed.append(("caption", m.group(0).strip().rstrip(".").strip()))  # "... ini (REUTERS/Nama)."
            line = line[: m.start()] + (" ." if m.group(0).rstrip().endswith(".") else "")
        if r.embed:
            out.removed += [("furniture", m.group(0)) for m in r.embed.finditer(line)]
            line = r.embed.sub(" ", line)
        line = re.sub(r"\s+([.,;:!?])", r"\1", normalise(line))
        if m := re.search(r"\s*\*{3,}\s*$", line):  # "***" end marker glued to the last sentence
            out.removed.append(("furniture", m.group(0).strip()))
            line = line[: m.start()]
        if not out.lines and out.place is None and out.outlet is None and (m := find_dateline(line, r)):
            out.removed.append(("dateline", m.group(0).strip()))
            out.place, out.outlet = tidy_place(m.groupdict().get("place")), m.groupdict().get("outlet")
            line = line[m.end() :].strip()
        if line and words(line):
            out.lines.append(line)
    while out.lines and is_tag_line(out.lines[-1]):  # a closing tag list: "rusia", "li qiang"
        out.removed.append(("furniture", out.lines.pop()))
    n = len(out.lines)
    while n > 1 and is_headline(out.lines[n - 1]):
        n -= 1
    if n < len(out.lines) and re.search(r"[.!?…\"”’'»)]\s*$", out.lines[n - 1]):
        out.removed += [("furniture", x) for x in out.lines[n:]]  # linked headlines after the last paragraph
        del out.lines[n:]
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
