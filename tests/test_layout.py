"""The library's stages import one way: ingest and text know nothing of extraction, nothing in the library
knows Dagster, and no two modules import each other."""

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "pipelines" / "lib"
MAX_MODULE_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(LIB.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (``from a import b`` counts ``a`` and ``a.b``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(p): p for p in sorted(LIB.rglob("*.py"))}
GRAPH = {name: {i for i in imports_of(path) if i in MODULES and i != name} for name, path in MODULES.items()}


def stage_of(module: str) -> str:
    return module.split(".")[2] if module.count(".") >= 2 else module


@pytest.mark.parametrize("stage", ["ingest", "text"])
def test_ingest_and_text_import_nothing_of_extraction_or_the_warehouse(stage):
    later = {"extract", "warehouse", "eval"}
    crossing = {
        f"{m} imports {i}" for m, deps in GRAPH.items() if stage_of(m) == stage for i in deps if stage_of(i) in later
    }
    assert not crossing


def test_ingest_knows_nothing_of_page_text():
    crossing = {
        f"{m} imports {i}"
        for m, deps in GRAPH.items()
        if stage_of(m) == "ingest"
        for i in deps
        if stage_of(i) == "text"
    }
    assert not crossing


def test_no_library_module_imports_dagster_or_the_definitions():
    offending = {
        name
        for name, path in MODULES.items()
        for i in imports_of(path)
        if i.split(".")[0] == "dagster" or i.startswith("pipelines.defs")
    }
    assert not offending


def test_no_import_cycles():
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for dep in sorted(GRAPH[module]):
            if state.get(dep) == "open":
                cycles.append(trail[trail.index(dep) :] + [dep] if dep in trail else [module, dep])
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert not cycles


def test_every_library_module_fits_on_a_screen_or_two():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long
