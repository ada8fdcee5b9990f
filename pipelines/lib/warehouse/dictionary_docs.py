"""The dictionary as markdown: the view table of README.md and the column reference docs/dictionary.md.

Both are generated from ``sql/dictionary.yaml``; ``write_docs`` rewrites them (``make dictionary``) and
``stale_docs`` names the files that no longer match it (a test fails on any).
"""

from __future__ import annotations

from pathlib import Path

from pipelines.lib.warehouse.dictionary import dictionary, documented_columns

ROOT = Path(__file__).resolve().parents[3]
README = ROOT / "README.md"
REFERENCE = ROOT / "docs" / "dictionary.md"
BEGIN = "<!-- dictionary: generated from sql/dictionary.yaml by `make dictionary`; edit that file -->"
END = "<!-- /dictionary -->"
REFERENCE_INTRO = (
    "# Data dictionary\n\n"
    "Every view of schema `analytics` and every column, as `sql/dictionary.yaml` describes them. The same\n"
    "descriptions are COMMENTs inside the warehouse (`select table_name, column_name, comment from\n"
    "duckdb_columns() where schema_name = 'analytics'`) and the column schema of the assets in `make ui`.\n"
)


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def view_table() -> str:
    """One line per view: its name, its grain and its columns (the README's table)."""
    lines = ["| view | grain | columns |", "|---|---|---|"]
    for name, entry in dictionary().items():
        columns = ", ".join(column.name for column in documented_columns(name))
        lines.append(f"| `{entry.qualified_name}` | {cell(entry.description)} | {columns} |")
    return "\n".join(lines)


def column_reference() -> str:
    """A section per view with a line per column: name, type, description (docs/dictionary.md)."""
    sections = [REFERENCE_INTRO]
    for name, entry in dictionary().items():
        lines = [f"## `{entry.qualified_name}`", "", cell(entry.description), "", "| column | type | meaning |"]
        lines.append("|---|---|---|")
        for column in documented_columns(name):
            lines.append(f"| `{column.name}` | {column.data_type} | {cell(column.description or '')} |")
        sections.append("\n".join(lines) + "\n")
    return "\n".join(sections)


def generated(text: str, block: str) -> str:
    """``text`` with the part between the markers replaced by ``block``."""
    head, found, rest = text.partition(BEGIN)
    if not found or END not in rest:
        raise ValueError(f"the markers {BEGIN!r} and {END!r} are missing")
    return head + BEGIN + "\n" + block + "\n" + END + rest.split(END, 1)[1]


def expected_docs(readme: Path = README, reference: Path = REFERENCE) -> dict[Path, str]:
    return {readme: generated(readme.read_text(), view_table()), reference: column_reference()}


def stale_docs(readme: Path = README, reference: Path = REFERENCE) -> list[Path]:
    """The generated files whose text differs from what the dictionary gives."""
    expected = expected_docs(readme, reference)
    return [path for path, text in expected.items() if not path.exists() or path.read_text() != text]


def write_docs(readme: Path = README, reference: Path = REFERENCE) -> list[Path]:
    """Rewrite the generated files that differ; returns them."""
    stale = stale_docs(readme, reference)
    expected = expected_docs(readme, reference)
    for path in stale:
        path.write_text(expected[path])
    return stale
