"""Ask for one piece of text: a line, or several lines in a text area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static, TextArea

from circles_tui.dialogs.base import Dialog


class TextDialog(Dialog[str | None]):
    """Returns the text, or None when cancelled. Enter finishes a one-line answer."""

    FINISH_ID = "done"

    DEFAULT_CSS = """
    TextDialog TextArea { height: 8; }
    """

    def __init__(
        self, title: str, value: str = "", help: str = "", multiline: bool = False,
        placeholder: str = "",
    ) -> None:
        super().__init__(title)
        self.value, self.help = value, help
        self.multiline, self.placeholder = multiline, placeholder

    def compose_body(self) -> ComposeResult:
        if self.help:
            yield Static(Content(self.help), classes="dialog-help")
        if self.multiline:
            yield TextArea(self.value, id="text", soft_wrap=True, tab_behavior="focus")
        else:
            yield Input(self.value, placeholder=self.placeholder, id="text")

    def finish(self) -> None:
        widget = self.query_one("#text")
        self.dismiss(widget.text if isinstance(widget, TextArea) else widget.value)
