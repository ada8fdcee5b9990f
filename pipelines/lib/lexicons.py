"""Load language knowledge from TOML files in ``lexicon/<language>/``.

Lexicons are data: a user extends them without touching code, either by
editing the files shipped in ``pipelines/lib/lexicon/`` or by pointing
``WARTA_LEXICON_PATH`` at folders of their own (``os.pathsep``-separated).
A file in such a folder, ``<language>/<name>.toml``, is merged over the
shipped one: lists are extended, tables merged key by key, scalars replaced.
A language with no file for a lexicon gets the Indonesian one.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

SHIPPED_DIR = Path(__file__).parent / "lexicon"
FALLBACK_LANGUAGE = "id"


def overlay(base: Any, extra: Any) -> Any:
    """``extra`` merged over ``base``: lists extended, tables merged key by key, scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = overlay(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def one_of(words: list[str] | tuple[str, ...]) -> str:
    """``words`` (each as written: a lexicon word may be a pattern) as one regular-expression group; no
    words make a group that matches nothing."""
    return "(?:" + "|".join(words) + ")" if words else "(?!)"


def lexicon_dirs() -> list[Path]:
    """The shipped folder first, then the user's folders in the order given."""
    user = os.environ.get("WARTA_LEXICON_PATH", "")
    return [SHIPPED_DIR] + [Path(p) for p in user.split(os.pathsep) if p]


def load_merged(relative: str) -> dict[str, Any] | None:
    """The TOML file at ``relative`` in every lexicon folder, each laid over the one before; None if none has it."""
    data: dict[str, Any] | None = None
    for folder in lexicon_dirs():
        path = folder / relative
        if path.is_file():
            with path.open("rb") as handle:
                data = overlay(data or {}, tomllib.load(handle))
    return data


@cache
def load(name: str, language: str = "id") -> dict[str, Any]:
    """Return lexicon ``name`` for ``language``, merged across all lexicon folders."""
    data = load_merged(f"{language}/{name}.toml")
    if data is None:
        if language != FALLBACK_LANGUAGE:  # a language without this lexicon reads with the Indonesian one
            return load(name, FALLBACK_LANGUAGE)
        raise FileNotFoundError(f"no lexicon {language}/{name}.toml in {lexicon_dirs()}")
    return data
