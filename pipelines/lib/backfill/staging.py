"""Where backfill partitions leave their rows: Parquet files under a staging root, one set per partition.

The root is a local folder or any fsspec URL (``s3://bucket/warta-staging``), through universal-pathlib::

    <root>/<partition folder>/manifest.json              the set that counts, written last
    <root>/<partition folder>/<set id>/<table>/part-00000.parquet …

A partition staged again writes a new set beside the old one, then replaces ``manifest.json`` in one
step (a rename on a local disk, one object write on an object store) and removes the other sets. A
reader follows the manifest, so it sees the old set or the new one, never a half-written one; a step
killed while writing leaves a set no manifest names, removed by the next attempt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl
from upath import UPath

from pipelines.lib.text.article import ArticleRecord, Rejection
from pipelines.lib.warehouse.frames import EXTRACTION_TABLES
from pipelines.lib.warehouse.schema import table_schema

MANIFEST = "manifest.json"
LOCAL_PROTOCOLS = ("", "file", "local")
RECORD_SCHEMA = pl.Schema(
    {
        "url": pl.String,
        "fetched_at": pl.Datetime("us"),  # WARC-Date, naive UTC
        "status": pl.Int32,
        "content_hash": pl.String,
        "content": pl.Binary,
        "offset": pl.Int64,
        "reason": pl.String,  # why the record could not be read; null for a page
        "byte_size": pl.Int64,
    }
)
EXTRA_KEY = {"content_hash": pl.String}  # extraction rows and actors carry the hash of the page they come from


def staged_schema(table: str) -> pl.Schema:
    """The columns of a staged table: the WARC records, or a core table's (with the page's content hash)."""
    if table == "records":
        return RECORD_SCHEMA
    if table in ("articles", "rejected"):
        names = [f.name for f in dataclasses.fields(ArticleRecord if table == "articles" else Rejection)]
        core = table_schema(table)
        return pl.Schema({name: core[name] for name in names})
    return pl.Schema({**table_schema(table), **EXTRA_KEY})


STAGED_TABLES = ("records", "articles", "rejected", *EXTRACTION_TABLES, "actors")


@dataclass(frozen=True)
class Manifest:
    """A staged set: which partition and file it comes from, what it holds, and its parts."""

    partition: str
    location: str
    source_name: str
    language: str
    set_id: str
    staged_at: str
    extractor_version: str
    digest: str  # of the records read and the extractor version: equal digests, equal rows
    parts: dict[str, list[str]]  # table -> part files, relative to the set folder
    counts: dict[str, int]


class Staging:
    """The staging root (a folder or an fsspec URL) and the sets of its partitions."""

    def __init__(self, root: str):
        self.root = UPath(root)

    @property
    def is_local(self) -> bool:
        return self.root.protocol in LOCAL_PROTOCOLS

    def partition_dir(self, partition: str) -> UPath:
        """A folder name that is safe on every store and unique per partition key."""
        readable = re.sub(r"[^A-Za-z0-9._-]+", "_", partition.rstrip("/").rsplit("/", 1)[-1])[:80]
        return self.root / f"{readable}-{hashlib.sha256(partition.encode()).hexdigest()[:12]}"

    def manifest(self, partition: str) -> Manifest | None:
        return self._read_manifest(self.partition_dir(partition) / MANIFEST)

    def manifests(self) -> list[Manifest]:
        """Every staged partition, by partition key."""
        if not self.root.exists():
            return []
        found = [self._read_manifest(folder / MANIFEST) for folder in self.root.iterdir() if folder.is_dir()]
        return sorted((m for m in found if m is not None), key=lambda m: m.partition)

    def part_paths(self, manifest: Manifest, table: str) -> list[UPath]:
        folder = self.partition_dir(manifest.partition) / manifest.set_id
        return [folder / name for name in manifest.parts.get(table, [])]

    def register(self, conn) -> None:
        """Let DuckDB read the staging root when it is an object store (through its fsspec filesystem)."""
        if not self.is_local:
            conn.register_filesystem(self.root.fs)

    def relation(self, manifest: Manifest, table: str) -> str | None:
        """A DuckDB table function reading every part of a staged table, None when it has no rows."""
        paths = self.part_paths(manifest, table)
        if not paths:
            return None
        listed = ", ".join("'" + str(path).replace("'", "''") + "'" for path in paths)
        return f"read_parquet([{listed}])"

    def read_parts(self, manifest: Manifest, table: str) -> Iterator[pl.DataFrame]:
        """The staged table part by part (one part in memory at a time)."""
        for path in self.part_paths(manifest, table):
            with path.open("rb") as stream:
                yield pl.read_parquet(stream)

    def writer(self, partition: str) -> SetWriter:
        return SetWriter(self, partition)

    def _read_manifest(self, path: UPath) -> Manifest | None:
        try:
            return Manifest(**json.loads(path.read_text()))
        except FileNotFoundError:
            return None


class SetWriter:
    """Writes one new set of a partition: parts as they come, then the manifest that makes it count."""

    def __init__(self, staging: Staging, partition: str):
        self.staging = staging
        self.partition = partition
        self.set_id = uuid.uuid4().hex
        self.folder = staging.partition_dir(partition) / self.set_id
        self.parts: dict[str, list[str]] = {table: [] for table in STAGED_TABLES}

    def write_part(self, tables: dict[str, list[dict]]) -> None:
        """One part file per table that has rows."""
        for table, rows in tables.items():
            if rows:
                name = f"{table}/part-{len(self.parts[table]):05d}.parquet"
                path = self.folder / name
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("wb") as stream:
                    pl.DataFrame(rows, schema=staged_schema(table)).write_parquet(stream, compression="zstd")
                self.parts[table].append(name)

    def commit(self, **fields) -> Manifest:
        """Write the manifest (the new set now counts) and remove every other set of the partition."""
        manifest = Manifest(partition=self.partition, set_id=self.set_id, parts=self.parts, **fields)
        folder = self.staging.partition_dir(self.partition)
        text = json.dumps(dataclasses.asdict(manifest), indent=1, sort_keys=True)
        if self.staging.is_local:
            tmp = folder / f".{MANIFEST}.{self.set_id}.tmp"
            tmp.write_text(text)
            os.replace(str(tmp), str(folder / MANIFEST))
        else:
            (folder / MANIFEST).write_text(text)
        self.remove_other_sets()
        return manifest

    def remove_other_sets(self) -> None:
        for path in self.staging.partition_dir(self.partition).iterdir():
            if path.is_dir() and path.name != self.set_id:
                path.fs.rm(path.path, recursive=True)
