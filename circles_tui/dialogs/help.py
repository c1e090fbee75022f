"""Help: every key of the screen you came from, grouped by where it works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from circles_tui.dialogs.base import Dialog, DialogBody

INTRO = (
    "Everything you type is saved to the workbook file within a second. "
    "Ctrl+Z undoes a change and Ctrl+Y brings it back. Ctrl+P searches every action by name. "
    "F2 hides practitioner-only notes while the child is looking."
)


def key_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(where, key, what it does) for each key active on `screen`, most specific first."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    app = screen.app
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        where = _group(active.node, binding, app)
        display = app.get_key_display(binding)
        if (display, binding.description) in seen:
            continue
        seen.add((display, binding.description))
        rows.append((where, display, binding.description))
    order = {"Moving around a list": 3, "Everywhere": 2, "Moving between steps": 1}
    rows.sort(key=lambda row: order.get(row[0], 0))
    return rows


def _group(node: object, binding: Binding, app: object) -> str:
    """A heading a practitioner understands for where a key works."""
    from circles_tui.steps.step import Step

    if node is app:
        return "Everywhere"
    if isinstance(node, Screen):
        return "Moving between steps" if type(node).__name__ == "WorkspaceScreen" else "This screen"
    if isinstance(node, Step):
        return f"This step: {node.step_title}"
    if _from_textual(node, binding):
        return "Moving around a list"
    return "This step"


# Widget classes whose own keys only move around in them: Textual's, and our LineList.
MOVING_KEYS_FROM = ("textual.", "circles_tui.widgets.line_list")


def _from_textual(node: object, binding: Binding) -> bool:
    """Whether a Textual widget class (perhaps one we subclassed), or our own list drawn like
    one, brought this key."""
    return any(
        cls.__module__.startswith(MOVING_KEYS_FROM)
        and any(isinstance(b, Binding) and b.action == binding.action and b.key == binding.key
                for b in vars(cls).get("BINDINGS", ()))
        for cls in type(node).__mro__
    )


class HelpScreen(Dialog[None]):
    """The keys for the screen underneath, shown with F1 or ?."""

    FINISH = "Close"
    CANCEL = "Close"
    DEFAULT_CSS = """
    HelpScreen > #dialog { width: 76; }
    HelpScreen .help-group { text-style: bold; color: $primary; margin-top: 1; }
    """
    BINDINGS = [
        Binding("f1", "cancel", "Close", show=False),
        Binding("q", "cancel", "Close", show=False),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__("Keys")
        self.rows = key_rows(underneath)

    def keys_line(self) -> str:
        return "Esc closes"

    def compose_body(self) -> ComposeResult:
        yield Static(INTRO, classes="dialog-help")
        group = None
        for where, key, description in self.rows:
            if where != group:
                group = where
                yield Static(Content(where), classes="help-group")
            yield Static(Content.assemble((f"{key:>14}", "bold"), "  ", description))

    def buttons(self) -> ComposeResult:
        yield Button("Close", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one(DialogBody).can_focus = True  # the arrow keys scroll the list

    def first_field(self) -> Widget:
        return self.query_one(DialogBody)
