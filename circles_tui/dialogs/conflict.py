"""Asked when the workbook file changed on disk since it was opened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from circles_tui.dialogs.base import Dialog


class ConflictDialog(Dialog[str | None]):
    """Reload what is on disk, or save this copy as a new file. Escape decides later.

    Ctrl+S saves this copy as a new file, so nothing typed is ever thrown away.
    """

    FINISH = "Save as new file"
    FINISH_ID = "save-as"
    CANCEL = "Decide later"
    KEYS = "r reload · s save as"
    BINDINGS = [
        Binding("r", "dismiss('reload')", "Reload", show=False),
        Binding("s", "dismiss('save-as')", "Save as", show=False),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__("The file changed somewhere else")
        self.problem = problem

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.problem))
        yield Static(
            "Nothing has been overwritten. Reload to see the other version (Ctrl+Z then "
            "brings back yours), or save your version as a new file.",
            classes="dialog-help",
        )

    def buttons(self) -> ComposeResult:
        yield Button("Decide later", id="cancel")
        yield Button("Reload (r)", id="reload")
        yield Button("Save as new file (s)", id="save-as", variant="primary")

    def first_field(self) -> Widget:
        return self.query_one("#save-as", Button)

    def button_chosen(self, button: Button) -> None:
        if button.id == "reload":
            self.dismiss("reload")
        else:
            super().button_chosen(button)

    def finish(self) -> None:
        self.dismiss("save-as")
