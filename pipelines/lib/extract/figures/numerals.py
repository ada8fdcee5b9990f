"""Read a numeral written with Indonesian separators: "1.500" is 1500, "1,5" is 1.5.

- ``.`` groups thousands and ``,`` marks decimals: "1.500" = 1500, "1,5" = 1.5,
  "1.234,56" = 1234.56.
- A ``.`` followed by other than three digits is a decimal point ("2.5" = 2.5;
  "10.00" in "pukul 10.00" is 10.0, and the figure layer knows it is a clock time).
- A single ``,`` is always decimal ("1,500" = 1.5); only two or more ``,``
  groups ("1,500,000") read as English thousands.
- A whole part of more than ``MAX_DIGITS`` digits is no quantity (a code, an ID, junk)
  and no numeral; every value is a finite float.
"""

from __future__ import annotations

import math
import re

_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_DOT = re.compile(r"\d+\.\d+")
_DIGITS = re.compile(r"\d+")
MAX_DIGITS = 24  # the whole part of a quantity: 10^24 is far beyond any amount in the news


def parse_numeral(s: str) -> float | None:
    """Digits with Indonesian separators to a number; None if not a numeral."""
    value = _numeral_value(s.strip())
    if value is None or not math.isfinite(value) or value >= 10.0**MAX_DIGITS:
        return None
    return value


def _numeral_value(s: str) -> float | None:
    if _DIGITS.fullmatch(s):
        return float(int(s)) if len(s) <= MAX_DIGITS else None
    if _THOUSANDS_DOT.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _THOUSANDS_COMMA.fullmatch(s):
        return float(s.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(s):
        return float(s.replace(",", "."))
    if _DECIMAL_DOT.fullmatch(s):
        return float(s)
    return None
