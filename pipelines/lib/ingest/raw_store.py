"""A content-addressed store of the raw bytes of every input (``data/raw/ab/abcdef….gz``).

The key is the sha256 of the uncompressed bytes; files are gzip-compressed and written
atomically (a temporary file, then a rename), so a crash never leaves half a file.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path


class RawStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, content_hash: str) -> Path:
        if len(content_hash) != 64 or not all(c in "0123456789abcdef" for c in content_hash):
            raise ValueError(f"not a sha256 content hash: {content_hash!r}")
        return self.root / content_hash[:2] / f"{content_hash}.gz"

    def put(self, content: bytes) -> str:
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            tmp.write_bytes(gzip.compress(content, compresslevel=6, mtime=0))
            tmp.replace(target)
        return digest

    def get(self, content_hash: str) -> bytes:
        return gzip.decompress(self.path(content_hash).read_bytes())
