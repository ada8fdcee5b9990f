"""Spans of a text looked up by position, so that per-sentence questions ("is any quotation
in this sentence?", "which dates does it hold?") cost a bisection, not a pass over the
whole article: extraction stays about linear in the length of a body."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Items with (start, end) spans; ``overlapping(start, end)`` in order of their starts."""

    def __init__(self, items: Iterable[tuple[int, int, T]]):
        self.items = sorted(items, key=lambda item: (item[0], item[1]))
        self.starts = [start for start, _, _ in self.items]
        self.reach: list[int] = []  # the furthest end of the items up to each one
        for _, end, _ in self.items:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose span overlaps ``[start, end)``: ``s < end and start < e``."""
        found = []
        k = bisect_left(self.starts, end) - 1
        while k >= 0 and self.reach[k] > start:
            s, e, item = self.items[k]
            if e > start:
                found.append(item)
            k -= 1
        return found[::-1]

    def within(self, start: int, end: int) -> list[T]:
        """The items whose span lies inside ``[start, end]``: ``start <= s and e <= end``."""
        found = []
        for k in range(bisect_left(self.starts, start), len(self.items)):
            s, e, item = self.items[k]
            if s > end:
                break
            if e <= end:
                found.append(item)
        return found
