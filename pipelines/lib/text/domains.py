"""Domain names: spotting one in text, and the registrable domain of a host name."""

from __future__ import annotations

import re

TLD = r"(?:co\.id|or\.id|web\.id|my\.id|go\.id|ac\.id|sch\.id|com|net|org|info|news|tv|io|biz|id|co)"
DOMAIN = re.compile(rf"(?<![\w@/.-])((?:[a-z0-9][a-z0-9-]*\.)+{TLD})(?![\w-])", re.I)
SECOND_LEVEL = {"co", "or", "ac", "go", "web", "my", "sch", "com", "net"}  # "contoh.co.id", "contoh.com.sg"


def registrable(host: str | None) -> str | None:
    """The domain a site registered: "www.news.contoh.co.id" -> "contoh.co.id"."""
    if not host:
        return None
    parts = host.lower().removeprefix("www.").split(".")
    n = 3 if len(parts) >= 3 and parts[-2] in SECOND_LEVEL else 2
    return ".".join(parts[-n:])
