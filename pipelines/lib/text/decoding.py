"""Raw bytes -> text, for pages that lie about their encoding.

Decisions, in order:

1. A byte-order mark decides (UTF-8, UTF-16).
2. Valid UTF-8 is UTF-8, whatever a page declares: legacy text is almost never valid UTF-8
   by chance, while pages written in UTF-8 under a stale ``charset=iso-8859-1`` are common.
3. An HTML page (or XML-ish page) that declares another charset (``<meta charset>``,
   ``http-equiv="Content-Type"``, ``<?xml encoding?>``) is read in it; the labels
   iso-8859-1, latin1 and us-ascii mean windows-1252, as browsers read them.
4. An undeclared page with no UTF-8 in it and more than ``LEGACY_SHARE`` of its bytes
   above 0x7F is in a non-Latin legacy encoding (KOI8-R, GBK, ...): trafilatura's detector
   (charset_normalizer) names it, as before this module existed.
5. Otherwise the text is UTF-8 and only the byte sequences that are not UTF-8 are read as
   windows-1252 (the ``warta-cp1252`` error handler): a page declared UTF-8 but written in
   windows-1252, or one mixing both, comes out right (“ ” – €). The five bytes
   windows-1252 leaves undefined become the C1 control characters browsers give them and
   are removed with the other invisible characters (``characters.py``).

Plain text declares nothing, so step 5 applies to it only when the bytes show it: the file
is otherwise UTF-8 (it holds valid multi-byte sequences) or it uses windows-1252's own
punctuation (bytes 0x80-0x9F: curly quotes, dashes, the euro sign), which no other
8-bit code page puts there. Text with neither (only accented letters 0xA0-0xFF, which
every ISO-8859 part reads differently) is rejected as undecodable rather than guessed.
Nothing is decoded lossily: every byte becomes a character.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from trafilatura.utils import detect_encoding

HANDLER = "warta-cp1252"
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # lead and continuation byte
_CP1252_PUNCTUATION = re.compile(rb"[\x80-\x9f]")
_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
PRESCAN_BYTES = 4096
LEGACY_SHARE = 0.1  # Latin-script text has a few bytes above 0x7F in a hundred; Cyrillic or Chinese half
_WINDOWS_1252_LABELS = {"iso8859-1", "latin-1", "ascii", "iso8859-15"}  # codecs' canonical names


class UndecodableInput(ValueError):
    """Bytes that cannot be read as text without guessing."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what was used: "utf-8", "utf-16", "cp1252", "utf-8+cp1252", a declared codec


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start : error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: the C1 control of that number
        return chr(byte[0]), error.start + 1


codecs.register_error(HANDLER, _cp1252_fallback)


def declared_charset(content: bytes) -> str | None:
    """The codec name a page declares in its first bytes (None: none, or unknown to Python)."""
    match = _CHARSET.search(content[:PRESCAN_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_LABELS:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # a byte-oriented page cannot be UTF-16 without a BOM: the label is wrong
    if name == "utf-7":  # no browser reads it (it hides markup in plain letters)
        return None
    return name


def _bom(content: bytes) -> Decoded | None:
    if content.startswith(codecs.BOM_UTF8):
        return _utf8(content[len(codecs.BOM_UTF8) :])
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(content.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise UndecodableInput(f"undecodable input: invalid UTF-16 after its byte-order mark ({error.reason})")
    return None


def _utf8(content: bytes) -> Decoded:
    """UTF-8, any invalid byte read as windows-1252."""
    try:
        return Decoded(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = "utf-8+cp1252" if _UTF8_MULTIBYTE.search(content) else "cp1252"
    return Decoded(content.decode("utf-8", HANDLER), encoding)


def decode_html(content: bytes) -> Decoded:
    """Text of an HTML (or XML-ish) page: BOM, valid UTF-8, declared charset, UTF-8 with fallback."""
    found = _bom(content)
    if found is not None:
        return found
    try:
        return Decoded(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(content)
    if declared and declared not in ("utf-8", "cp1252"):
        try:
            return Decoded(content.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration is wrong too: fall through to UTF-8 with fallback
    elif declared is None and _legacy_share(content) > LEGACY_SHARE and not _UTF8_MULTIBYTE.search(content):
        for guess in detect_encoding(content):
            try:
                return Decoded(content.decode(guess), guess)
            except (UnicodeDecodeError, LookupError):
                continue
    return _utf8(content)


def _legacy_share(content: bytes, sample: int = 65536) -> float:
    head = content[:sample]
    return len(head.translate(None, bytes(range(0x80)))) / len(head) if head else 0.0


def decode_text(content: bytes) -> Decoded:
    """Text of a plain-text file (no declaration possible): see the module notes."""
    found = _bom(content)
    if found is not None:
        return found
    try:
        return Decoded(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _UTF8_MULTIBYTE.search(content) or _CP1252_PUNCTUATION.search(content):
            return _utf8(content)
        raise UndecodableInput(
            f"undecodable input: not valid UTF-8 and nothing shows which 8-bit encoding it is "
            f"(byte {error.start}: {content[error.start : error.start + 4]!r})"
        ) from error
