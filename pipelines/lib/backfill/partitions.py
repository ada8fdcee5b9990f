"""Backfill partitions: one per WARC file of the sources file's ``warc`` sources (or given by hand)."""

from __future__ import annotations

from pipelines.lib.ingest.source_config import Source, SourcesFile
from pipelines.lib.ingest.warc_source import warc_files

UNLISTED_SOURCE = "backfill"  # the source name of a file registered by hand, not listed by a source


def warc_partitions(sources_file: SourcesFile, names: list[str] | None = None) -> dict[str, Source]:
    """Every WARC file of the (named) warc sources, with the source that lists it."""
    found: dict[str, Source] = {}
    for source in sources_file.named(names):
        if source.kind == "warc":
            for location in warc_files(source):
                found.setdefault(location, source)
    return found


def source_of(partition: str, sources_file: SourcesFile) -> Source:
    """The source that lists the file, or a source with no filters when none does."""
    return warc_partitions(sources_file).get(partition) or Source(UNLISTED_SOURCE, "warc", partition)
