"""Near-duplicate bodies: the same text syndicated by several outlets.

A body is the set of its 5-word shingles (lowercased words, punctuation dropped; a body of
fewer words is one shingle). Its ``signature`` is a one-permutation MinHash of that set (Li,
Owen & Zhang 2012) with optimal densification (Shrivastava 2017): each shingle is hashed
once with blake2b to 64 bits; the lowest 7 bits choose one of ``SIGNATURE_SIZE`` bins, the
other 57 bits are the value, and each bin keeps its smallest value. An empty bin borrows the
value of the first non-empty bin in a fixed pseudo-random order. Two signatures agree in a
bin with probability equal to the Jaccard similarity of the two shingle sets, as with
``SIGNATURE_SIZE`` independent permutations, at the cost of one hash per shingle instead of
``SIGNATURE_SIZE`` (which pure Python cannot afford at several hundred bodies a second).
Values are below 2**57, so they fit a DuckDB BIGINT, and are the same in every process.

Use: store ``signature(body)`` and ``band_keys(sig)`` per article; two articles that share a
band key are candidates, and a candidate pair with ``similarity(a, b) >=
DUPLICATE_SIMILARITY`` is the same text. With 32 bands of 4 values, a pair of similarity
0.5 shares a key with probability 0.87, 0.6 with 0.99, 0.7 with 0.9998; a pair of 0.1 with
0.003.
"""

from __future__ import annotations

import re
from hashlib import blake2b

SIGNATURE_SIZE = 128  # a power of two: the bin is the hash's lowest bits
SHINGLE_WORDS = 5
BANDS = 32
DUPLICATE_SIMILARITY = 0.5
WORD = re.compile(r"[^\W_]+")
_BIN_BITS = SIGNATURE_SIZE.bit_length() - 1
_EMPTY = 1 << 64


def _hash(data: bytes) -> int:
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "little")


# For each bin, the order in which it looks for a non-empty bin to borrow from when empty.
_PROBES = [
    sorted((other for other in range(SIGNATURE_SIZE) if other != bin_), key=lambda o, b=bin_: _hash(b"%d>%d" % (b, o)))
    for bin_ in range(SIGNATURE_SIZE)
]


def shingles(text: str) -> set[str]:
    """The body's 5-word shingles; a body of fewer words (even none) is one shingle."""
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def signature(text: str) -> list[int]:
    """``SIGNATURE_SIZE`` integers in [0, 2**57), deterministic across processes."""
    mask = SIGNATURE_SIZE - 1
    mins = [_EMPTY] * SIGNATURE_SIZE
    for shingle in shingles(text):
        hashed = _hash(shingle.encode("utf-8", "surrogatepass"))
        bin_, value = hashed & mask, hashed >> _BIN_BITS
        if value < mins[bin_]:
            mins[bin_] = value
    sig = list(mins)
    for bin_, value in enumerate(mins):
        if value == _EMPTY:  # borrow from a bin that was filled by a shingle, not by borrowing
            sig[bin_] = next(mins[other] for other in _PROBES[bin_] if mins[other] != _EMPTY)
    return sig


def similarity(a: list[int], b: list[int]) -> float:
    """The estimated Jaccard similarity of two bodies' shingle sets: the share of equal values."""
    if len(a) != len(b) or not a:
        raise ValueError(f"signatures of {len(a)} and {len(b)} values cannot be compared")
    return sum(x == y for x, y in zip(a, b)) / len(a)


def band_keys(sig: list[int], bands: int = BANDS) -> list[str]:
    """One key per band of ``len(sig) // bands`` values, e.g. ``"03:9f2c4e1a7b3d5e60"``."""
    rows = len(sig) // bands if bands > 0 else 0
    if rows < 1:
        raise ValueError(f"cannot cut a signature of {len(sig)} values into {bands} bands")
    keys = []
    for band in range(bands):
        values = sig[band * rows : (band + 1) * rows]
        digest = blake2b(b"".join(value.to_bytes(8, "little") for value in values), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys
