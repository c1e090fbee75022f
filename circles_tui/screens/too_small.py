"""Shown instead of the app while the window is too small to use it safely.

Below `MIN_WIDTH` x `MIN_HEIGHT` the step's list, dialogs' buttons and fields would be cut off,
and a key pressed blind could land anywhere; this screen takes every key (Ctrl+Q still quits)
and goes away by itself as soon as the window is large enough again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


def make_larger_message(size: Size) -> str:
    """Plain words: what to do, and the size now and the size needed (the rest if it fits)."""
    message = (f"Please make the window larger.\nIt is {size.width} × {size.height}; "
               f"it needs {MIN_WIDTH} × {MIN_HEIGHT}.")
    if size.width >= 40 and size.height >= 10:
        message += "\n\nYour work is safe: it comes back as soon as there is room."
    return message


class TooSmallScreen(Screen[None]):
    """"Make the window larger", with the current and the needed size."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
    }
    TooSmallScreen #too-small-message {
        width: 100%;
        max-width: 60;
        height: auto;
        padding: 0 1;
        text-align: center;
        color: $text;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message")

    def on_mount(self) -> None:
        self._say(self.app.size)

    def on_resize(self, event: Resize) -> None:
        self._say(event.size)

    def _say(self, size: Size) -> None:
        self.query_one("#too-small-message", Static).update(Content(make_larger_message(size)))
