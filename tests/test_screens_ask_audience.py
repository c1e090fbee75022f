"""No screen keeps its own copy of the who-sees-what rule.

Steps, dialogs and drawings ask `core/audience.py` (`sees`, `left_out_kinds`,
`extras_seen`, `reads_child_words`, `wording_for`) about an audience; they never decide
what to show by testing `child_view` themselves. `child_view` may be passed on, stored,
or turned into an audience with `audience_of`; it may not be the test of an `if`, a
conditional expression, `and`/`or`, `not`, a comparison, `set_class` or `display`. Read as code (`ast`), not run,
so a screen that is rarely opened is checked as well as a common one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import circles_tui

PACKAGE = Path(circles_tui.__file__).parent
SCREEN_FOLDERS = ("steps", "dialogs", "widgets")

# (module, function) -> why testing child_view there is not a rule about what to show.
NOT_A_RULE = {
    ("dialogs/export.py", "default_path"): "names the file after its audience; shows nothing",
    ("dialogs/compare.py", "_show_changes"): "shows the note that says child view is on",
}


def _mentions_child_view(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Name) and n.id == "child_view")
        or (isinstance(n, ast.Attribute) and n.attr == "child_view")
        for n in ast.walk(node)
    )


def _tests(tree: ast.AST):
    """(function name, test expression) for every place code decides on a value."""

    def visit(node: ast.AST, function: str):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        if isinstance(node, (ast.If, ast.IfExp, ast.While)):
            yield function, node.test
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "set_class" and node.args:
            yield function, node.args[0]  # set_class(condition, "-class")
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr == "display" for t in node.targets):
            yield function, node.value  # widget.display = condition
        elif isinstance(node, ast.comprehension):
            yield from ((function, test) for test in node.ifs)
        elif isinstance(node, (ast.BoolOp, ast.Compare)) or (
                isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
            yield function, node
        for child in ast.iter_child_nodes(node):
            yield from visit(child, function)

    yield from visit(tree, "")


def child_view_tests() -> list[str]:
    found = []
    for folder in SCREEN_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            module = path.relative_to(PACKAGE).as_posix()
            for function, test in _tests(ast.parse(path.read_text(encoding="utf-8"))):
                if _mentions_child_view(test) and (module, function) not in NOT_A_RULE:
                    found.append(f"{module}:{test.lineno} in {function}(): {ast.unparse(test)}")
    return sorted(set(found))


def test_no_step_dialog_or_drawing_tests_child_view_to_decide_what_to_show():
    assert child_view_tests() == [], (
        "ask core/audience.py instead (sees(self.audience, ...), reads_child_words, ...)")


def test_the_check_finds_a_screen_that_hides_a_field_itself(tmp_path):
    """The check itself: a dialog written the old way is caught."""
    old_way = (
        "def compose_body(self):\n"
        "    if not self.child_view:\n"
        "        yield form_row('Note', text_input(p.practitioner_note, 'practitioner_note'))\n"
        "    shown = [f for f in fields if not (f.private and self.child_view)]\n"
        "    self.query_one('#guidance').display = not self.child_view\n"
        "    self.set_class(self.child_view, '-child')\n"
    )
    tests = [ast.unparse(test) for _, test in _tests(ast.parse(old_way))
             if _mentions_child_view(test)]
    assert "not self.child_view" in tests
    assert "not (f.private and self.child_view)" in tests
    assert "self.child_view" in tests  # set_class


def test_every_exception_is_still_there():
    """An exception that no longer matches anything is taken out of NOT_A_RULE."""
    used = set()
    for folder in SCREEN_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            module = path.relative_to(PACKAGE).as_posix()
            for function, test in _tests(ast.parse(path.read_text(encoding="utf-8"))):
                if _mentions_child_view(test):
                    used.add((module, function))
    assert set(NOT_A_RULE) <= used
