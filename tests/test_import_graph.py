"""The core's modules import one another without a cycle, counting every import: at the top, inside a
function and under ``TYPE_CHECKING`` (a cycle hidden there still means two modules that know each other)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "unhabitat"


def imported(module: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The package's modules that ``module`` imports, in any of the ways Python allows."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level <= 1:  # above the package is not the package
            # `from .b import x`, `from . import b`, `from unhabitat.b import x`, `from unhabitat import b`
            prefix = node.module or ""
            names = [prefix, *(f"{prefix}.{alias.name}".lstrip(".") for alias in node.names)]
        else:
            continue
        for name in names:
            name = name.removeprefix("unhabitat.")
            if name in known and name != module:
                out.add(name)
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    modules = {path.stem: path for path in sorted(package.glob("*.py")) if path.stem != "__init__"}
    known = set(modules)
    return {name: imported(name, ast.parse(path.read_text(encoding="utf-8")), known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as e:
        return list(e.args[1])
    return None


def test_the_core_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE)
    assert len(graph) > 20 and graph["render"], "the graph was read"
    cycle = find_cycle(graph)
    assert cycle is None, f"import cycle: {' → '.join(cycle or [])}"


@pytest.mark.parametrize(
    ("sources", "cycle"),
    [
        ({"a": "from .b import x\n", "b": "import os\n"}, False),
        ({"a": "from .b import x\n", "b": "from .a import y\n"}, True),
        ({"a": "from . import b\n", "b": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n"}, True),
        ({"a": "import unhabitat.b\n", "b": "def f():\n    from unhabitat.a import g\n"}, True),
        ({"a": "from .. import b\n", "b": "from .a import y\n"}, False),
    ],
)
def test_the_check_sees_every_kind_of_import(tmp_path: Path, sources: dict[str, str], cycle: bool) -> None:
    for name, text in sources.items():
        (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    assert (find_cycle(import_graph(tmp_path)) is not None) is cycle
