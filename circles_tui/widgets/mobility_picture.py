"""The mobility map as a picture (F5): the whole path, as large as the window allows,
with its key. Laid out by `mobility_drawing`; this widget only gives it the size."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from circles_tui.widgets.mobility_drawing import StayMark, as_content, in_columns, key_line


class MobilityPicture(Widget, can_focus=False):
    """The places as a path in side-by-side columns when the story is long."""

    DEFAULT_CSS = """
    MobilityPicture { width: 1fr; height: 1fr; }
    """

    def __init__(self, marks: Sequence[StayMark], kind_names: dict[str, str],
                 empty: str) -> None:
        super().__init__()
        self.marks, self.kind_names, self.empty = tuple(marks), kind_names, empty

    def render(self) -> Content:
        if not self.marks:
            return Content(self.empty)
        width, height = self.size.width or 60, self.size.height or 20
        lines = in_columns(self.marks, width, max(height - 2, 4))
        return as_content([key_line(self.kind_names), [], *lines])
