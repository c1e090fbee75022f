"""Code and tests use Textual's public API only, so a Textual release cannot break them
behind our back: no `textual._...` module, and no `_name` read from an object that is not
our own (a name starting with `_` that nothing in circles-tui or its tests defines).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The standard library's documented underscore names.
STANDARD = {"_exit": "os._exit", "_obj": "the object of ctypes.byref"}
SOURCES = sorted([*(ROOT / "circles_tui").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])


def _trees() -> dict[Path, ast.AST]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES}


def _own_names(trees) -> set[str]:
    """Every `_name` circles-tui or its tests define: functions, classes, attributes set."""
    names = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return names


def test_no_private_textual_module_is_imported():
    found = []
    for path, tree in _trees().items():
        for node in ast.walk(tree):
            modules = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.relative_to(ROOT)}:{node.lineno} {m}" for m in modules
                      if m.startswith("textual.") and any(
                          part.startswith("_") for part in m.split("."))]
    assert found == []


def test_no_private_attribute_of_anything_but_our_own_is_read():
    trees = _trees()
    own = _own_names(trees)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__") and node.attr not in own | set(STANDARD)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert found == []
