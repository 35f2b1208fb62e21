"""The shape of the code that the house style asks for and no linter checks."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted([*(ROOT / "engine").rglob("*.py"), ROOT / "cli.py"])


def module_names_bound_twice(source: str) -> list[tuple[str, int, int]]:
    """(name, first line, second line) for each module-level name a module binds again: the
    later binding silently replaces the earlier for every function that reads it."""
    bound: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for node in ast.parse(source).body:
        names: list[str] = []
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            names = [node.target.id]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            if name in bound:
                twice.append((name, bound[name], node.lineno))
            bound[name] = node.lineno
    return twice


def test_the_check_finds_a_name_bound_twice() -> None:
    source = (
        'WORDS = frozenset(["a"])\n\ndef f():\n    return WORDS\n\nWORDS = frozenset(["b c"])\n'
    )
    assert module_names_bound_twice(source) == [("WORDS", 1, 6)]


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_binds_a_name_twice(module: Path) -> None:
    # A word set gating a reader was once bound again further down its module under the same
    # name, with other contents, and the reader silently never ran for two of its three cases.
    assert module_names_bound_twice(module.read_text()) == []


def test_only_one_module_imports_durable_rules() -> None:
    importing = []
    for module in MODULES:
        for node in ast.walk(ast.parse(module.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name.split(".")[0].startswith("durable") for name in names):
                importing.append(str(module.relative_to(ROOT)))
    assert sorted(set(importing)) == ["engine/durable_backend.py"]


def test_every_engine_module_imports_first_in_a_fresh_interpreter() -> None:
    """Each module imported before any other, as a command that needs only it does: a cycle of
    imports shows only in the order that meets its half-built module first."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    names = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in MODULES
        if path.name != "cli.py"
    ]

    def failure(name: str) -> str | None:
        run = subprocess.run(
            [sys.executable, "-c", f"import {name}"], cwd=ROOT, capture_output=True, text=True
        )
        return f"{name}: {run.stderr.strip().splitlines()[-1]}" if run.returncode else None

    # A few interpreters at a time: each holds the engine's imports in memory.
    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [f for f in pool.map(failure, names) if f]
    assert failures == []
