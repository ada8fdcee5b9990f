"""Characters that are in the bytes but not in the text a reader sees.

Zero-width characters (U+200B ZERO WIDTH SPACE, U+200C/U+200D joiners, U+2060 WORD JOINER,
U+FEFF), the soft hyphen (U+00AD), bidirectional controls (U+200E/U+200F marks, U+061C,
U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates) and control characters
(C0 but tab and line breaks, DEL, C1) are removed before anything else looks at a page,
so "Pu\u200btin" is "Putin" for the lexicons and every offset refers to the cleaned text.
A form feed or vertical tab becomes a line break, the line separators U+2028/U+2029 and
U+0085 too.
"""

from __future__ import annotations

import re

INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\ufff9\ufffa\ufffb"
)
LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, *range(0x7F, 0x85), *range(0x86, 0xA0)]
)
_HIDDEN = re.compile(f"[{re.escape(INVISIBLE + CONTROLS + LINE_BREAKS)}]+")
_BREAKS = frozenset(LINE_BREAKS)
_CONTROL = re.compile(f"[{re.escape(CONTROLS)}\ufffd]")


def strip_invisible(text: str) -> str:
    """``text`` without zero-width, bidi and control characters (see the module notes), in one pass: a run of
    them leaves one line break per line-break character it holds."""
    return _HIDDEN.sub(lambda run: "\n" * sum(c in _BREAKS for c in run.group(0)), text)


def control_share(text: str, sample: int = 65536) -> float:
    """Share of control characters (and U+FFFD) in the first ``sample`` characters: text
    has next to none, binary data read as windows-1252 about one in four."""
    head = text[:sample]
    return len(_CONTROL.findall(head)) / len(head) if head else 0.0
