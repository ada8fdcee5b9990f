"""Dates in news text: the phrases that state them, where they fall on the calendar, and the
date an article gives for itself.

Two stages read dates: the text stage takes an article's publication date, extraction dates
its events. So this room sits beside both rather than inside either.
"""

from pipelines.lib.dates.mention import DateMention
from pipelines.lib.dates.mentions import find_date_mentions
from pipelines.lib.dates.publication import find_publication_date, reference_date
from pipelines.lib.dates.resolution import ResolvedDate, resolve

__all__ = ["DateMention", "ResolvedDate", "find_date_mentions", "find_publication_date", "reference_date", "resolve"]
