"""What a whole line of page furniture is: a site menu or breadcrumb, a byline, an outlet banner,
a photo caption, a date line, or none of these (article text). Patterns and words come from the
furniture lexicon (``furniture_rules``)."""

from __future__ import annotations

import re

from pipelines.lib.text.furniture_rules import FurnitureRules
from pipelines.lib.text.lines import words
from pipelines.lib.text.outlets import is_outlet_banner

CRUMB_SEP = re.compile(r"\s*[>»›]\s*|\s+/\s+")
MENU_TOKEN = re.compile(r"[^\s/>»›·•|,]+")
NOT_A_MENU = re.compile(r"[.?!:;\"“”]\s*$|(?<!\w)\d{2,}")  # a sentence, a date or a count


def is_date_line(line: str, r: FurnitureRules) -> bool:
    """A standalone date/time or relative-age line ("Senin, 28 Mei 2021 08:37 WIB")."""
    if len(line.split()) > 14 or not (r.date.search(line) or r.relative_age.search(line)):
        return False
    rest = r.relative_age.sub(" ", r.date.sub(" ", line))
    return len([w for w in words(rest.lower()) if w not in r.date_words and not w.isdigit()]) <= 2


def credit_caption(line: str, r: FurnitureRules) -> tuple[bool, re.Match | None]:
    """(is the line a caption, the photo credit closing it). A caption: the text before the credit
    ends a sentence (or is empty), or the credit is in parentheses and nothing follows it."""
    m = r.credit_end.search(line) if r.credit_end else None
    if not m:
        return False, None
    before = line[: m.start()].rstrip()
    ends_line = not line[m.end() :].strip() and not m.group(0).rstrip().endswith(".")
    return (not before or before[-1] in ".!?\"”’'" or (ends_line and m.group(0).lstrip().startswith("("))), m


def _menu_items(text: str, r: FurnitureRules) -> tuple[int, int]:
    """(menu items, words left over) of a run of words: the longest menu phrase is taken first
    ("Gaya Hidup", "Cek Fakta"); joiners ("dan", "&") count as neither."""
    toks = [t.lower() for t in MENU_TOKEN.findall(text)]
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


def is_breadcrumb(line: str, r: FurnitureRules) -> bool:
    """ "Home > News > Internasional", "Beranda » Daerah", "Home / Ekonomi / Makro": short segments
    between arrows (or spaced slashes), the first a home link or most of them section names."""
    if line.rstrip()[-1:] in tuple(".?!:;,"):  # its last crumb would end a sentence
        return False
    parts = [p.strip() for p in CRUMB_SEP.split(line)]
    if len(parts) < 2 or not all(parts) or any(len(p.split()) > 5 or re.search(r"[.?!:;,]$", p) for p in parts):
        return False
    sections = sum(p.lower() in r.menu_words for p in parts)
    return parts[0].lower() in r.breadcrumb_home or (len(parts) >= 3 and 2 * sections >= len(parts))


def is_menu_line(line: str, r: FurnitureRules) -> bool:
    """A site menu flattened into one line: "Beranda Berita Bisnis Bola Otomotif", "Politik dan
    Hukum Ekonomi Humaniora": all of it section names (two or more), or from four on at most
    one word in five something else."""
    if is_breadcrumb(line, r):
        return True
    if NOT_A_MENU.search(line):
        return False
    items, rest = _menu_items(line, r)
    return (items >= 2 and rest == 0) or (items >= 4 and rest * 4 <= items)


def line_kind(line: str, r: FurnitureRules) -> str | None:
    """'furniture', 'caption', 'date' or None (article text)."""
    bare = line.lstrip("*•·► ") or line  # a bullet before a banner
    low = bare.lower().strip(" :.")
    if low in r.menu_words or any(r.furniture.match(x) for x in {line, bare}) or is_menu_line(bare, r):
        return "furniture"
    if r.byline.match(bare):
        return "date" if r.date.search(line) else "furniture"
    if is_outlet_banner(line):
        return "furniture"
    n = len(line.split())
    if (n <= 60 and r.caption.match(line)) or (n <= 45 and credit_caption(line, r)[0]):
        return "caption"
    if is_date_line(line, r):
        return "date"
    return None
