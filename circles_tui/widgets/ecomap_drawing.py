"""The ecomap drawn in the terminal: the centre, everyone round it and the lines between.

Where everything goes is worked out by `layout_ecomap` (ecomap_layout.py), a plain
function of what to draw and the space, tested without a terminal; `EcomapDrawing` only
turns its result into styled text, once per change of size or data. Line styles differ by
their characters, so the drawing reads the same with colours off; colours only add to it.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from circles_tui.widgets.ecomap_art import (
    ARROW, ART, CAPTION, CENTRE, HIGHLIGHT, KEY_SAMPLE, KEY_TEXT, KEY_TITLE, LINE, LINE_HIGHLIGHT, MORE,
    NAME, SPACE, STAR,
)
from circles_tui.widgets.ecomap_layout import EcomapLayout, EcomapPicture, layout_ecomap

STYLES = {
    SPACE: "",
    ART: "$text-primary",
    CENTRE: "bold reverse $text-primary",
    LINE: "$foreground",
    LINE_HIGHLIGHT: "bold $text-accent",
    ARROW: "bold $foreground",
    NAME: "$foreground",
    HIGHLIGHT: "bold reverse $foreground",
    KEY_TITLE: "bold $text-muted",
    CAPTION: "bold $foreground",
    KEY_SAMPLE: "bold $foreground",
    KEY_TEXT: "$text-muted",
    MORE: "italic $text-muted",
    STAR: "$text-muted",
}


class EcomapDrawing(Widget, can_focus=False):
    """One ecomap. Give it a picture with `show(...)`; it redraws to fit its size.
    The highlighted link's name is drawn reversed and its line on top."""

    DEFAULT_CSS = """
    EcomapDrawing {
        width: 1fr;
        height: 1fr;
        min-height: 3;
    }
    """

    highlight: reactive[str | None] = reactive(None)

    class LinkClicked(Message):
        """A name in the drawing was clicked."""

        def __init__(self, drawing: EcomapDrawing, link_id: str) -> None:
            super().__init__()
            self.drawing = drawing
            self.link_id = link_id

        @property
        def control(self) -> EcomapDrawing:
            return self.drawing

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.picture: EcomapPicture | None = None
        self._layout: EcomapLayout | None = None
        self._layout_key: tuple | None = None

    def show(self, picture: EcomapPicture, highlight: str | None = None) -> None:
        self.picture = picture
        self.highlight = highlight
        self.refresh()

    def layout_now(self) -> EcomapLayout:
        """The drawing for the current size and data (worked out once per change)."""
        size = self.content_size
        picture = self.picture or EcomapPicture("plain", (), ())
        key = (size.width, size.height, picture, self.highlight)
        if self._layout is None or key != self._layout_key:
            self._layout = layout_ecomap(picture, size.width, size.height, self.highlight)
            self._layout_key = key
        return self._layout

    def watch_highlight(self) -> None:
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return container.height

    def render(self) -> Content:
        parts: list[tuple[str, str] | str] = []
        for index, line in enumerate(self.layout_now().lines):
            if index:
                parts.append("\n")
            for run in line:
                style = STYLES[run.kind]
                parts.append((run.text, style) if style else run.text)
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        link_id = self.layout_now().link_at(offset.x, offset.y)
        if link_id:
            self.post_message(self.LinkClicked(self, link_id))
