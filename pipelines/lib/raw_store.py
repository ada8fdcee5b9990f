"""A content-addressed store of the raw bytes of every input (``data/raw/ab/abcdef…``)."""

from __future__ import annotations

import hashlib
from pathlib import Path


class RawStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, content_hash: str) -> Path:
        return self.root / content_hash[:2] / content_hash

    def put(self, content: bytes) -> str:
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(content)
            tmp.replace(target)
        return digest

    def get(self, content_hash: str) -> bytes:
        return self.path(content_hash).read_bytes()
