"""A content-addressed store of the raw bytes of every input (``data/raw/ab/abcdef….gz``).

The key is the sha256 of the uncompressed bytes; files are gzip-compressed and written
atomically (a temporary file, then a rename), so a crash never leaves half a file. Reading
checks the bytes against their key: a file that does not decompress, or decompresses to other
bytes, is a ``RawStoreError``, and the next ``put`` of those bytes writes the file again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
import zlib
from pathlib import Path


class RawStoreError(Exception):
    """The stored bytes of a document are missing or damaged; the message says which and how."""


class RawStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, content_hash: str) -> Path:
        if len(content_hash) != 64 or not all(c in "0123456789abcdef" for c in content_hash):
            raise ValueError(f"not a sha256 content hash: {content_hash!r}")
        return self.root / content_hash[:2] / f"{content_hash}.gz"

    def put(self, content: bytes) -> str:
        """Store ``content`` (again, when the file held is damaged); returns its key."""
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(digest)
        if not self._holds(digest):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(gzip.compress(content, compresslevel=1, mtime=0))  # twice as fast as 6, 17% larger
            tmp.replace(target)
        return digest

    def get(self, content_hash: str) -> bytes:
        """The bytes stored under ``content_hash``; RawStoreError when they are missing or damaged."""
        path = self.path(content_hash)
        try:
            content = gzip.decompress(path.read_bytes())
        except FileNotFoundError:
            raise RawStoreError(f"raw bytes missing: {path} does not exist") from None
        except (OSError, EOFError, zlib.error) as error:
            raise RawStoreError(f"raw bytes damaged: {path} does not decompress ({error})") from None
        if hashlib.sha256(content).hexdigest() != content_hash:
            raise RawStoreError(f"raw bytes damaged: {path} does not hold the bytes of its hash")
        return content

    def _holds(self, content_hash: str) -> bool:
        if not self.path(content_hash).exists():
            return False
        try:
            self.get(content_hash)
        except RawStoreError:
            return False
        return True
