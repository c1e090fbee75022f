"""Ask before something that cannot be taken back easily."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from circles_tui.dialogs.base import Dialog


class ConfirmDialog(Dialog[bool]):
    """Yes or no. Escape (and n) mean no; Ctrl+S (and y) mean yes."""

    FINISH_ID = "yes"
    BINDINGS = [
        Binding("y", "finish", "Yes", show=False),
        Binding("n", "cancel", "No", show=False),
    ]

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__(title)
        self.title_text = title
        self.body, self.yes, self.no = body, yes, no

    def keys_line(self) -> str:
        return f"y {self.yes.lower()} · n or Esc {self.no.lower()}"

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.body))

    def buttons(self) -> ComposeResult:
        yield Button(self.no, id="cancel")
        yield Button(self.yes, id="yes", variant="error")

    def first_field(self) -> Widget:
        return self.query_one("#cancel", Button)

    def finish(self) -> None:
        self.dismiss(True)

    def cancel(self) -> None:
        self.dismiss(False)
