"""Asked when the workbook file changed on disk since it was opened."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from circles_tui.dialogs.common import dialog_css


class ConflictDialog(ModalScreen[str | None]):
    """Reload what is on disk, or save this copy as a new file. Escape decides later."""

    DEFAULT_CSS = dialog_css("ConflictDialog")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Decide later"),
        Binding("r", "dismiss('reload')", "Reload", show=False),
        Binding("s", "dismiss('save-as')", "Save as", show=False),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("The file changed somewhere else", classes="dialog-title")
            yield Static(Content(self.problem))
            yield Static(
                "Nothing has been overwritten. Reload to see the other version (Ctrl+Z then "
                "brings back yours), or save your version as a new file.",
                classes="dialog-help",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Decide later", id="later")
                yield Button("Reload (r)", id="reload")
                yield Button("Save as new file (s)", id="save-as", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#save-as", Button).focus()

    @on(Button.Pressed)
    def chosen(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "later" else event.button.id)
