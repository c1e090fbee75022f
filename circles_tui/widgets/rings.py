"""The ring picture: three rings around the child, with each person's name in their ring.

The drawing is worked out by `layout_rings` (rings_layout.py), a plain function of
the names and the space available, so it can be tested without a terminal;
`RingsDiagram` only turns its result into styled text. Names are always treated
as literal text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from circles_tui.widgets.rings_grid import (
    CHILD,
    Run,
    HIGHLIGHT,
    KEY_NUMBER,
    KEY_TEXT,
    LINE,
    MORE,
    NAME,
    NUMBER,
    SPACE,
    clean_name,
    shorten,
)
from circles_tui.widgets.rings_layout import NAME_MAX, RingPerson, RingsLayout, layout_rings

__all__ = [
    "CHILD", "HIGHLIGHT", "LINE", "MORE", "NAME", "NAME_MAX",
    "RingPerson", "RingsDiagram", "RingsLayout", "clean_name", "layout_rings", "shorten",
]


# How strongly each ring is tinted with the circle's colour, centre outwards.
TINT = {1: 28, 2: 16, 3: 7}


class RingsDiagram(Widget):
    """Three rings around the child's name, each person's name inside their ring.

    Give it data with `show(...)`; it redraws to fit its size. `role` is a theme
    colour name (success, primary, ...) for the rings; the selected person
    (`highlight`) is drawn in reverse so it stands out with colours off too.
    """

    DEFAULT_CSS = """
    RingsDiagram {
        width: 1fr;
        height: 1fr;
        min-height: 3;
    }
    """

    highlight: reactive[str | None] = reactive(None)

    class PersonClicked(Message):
        """Someone's name in the picture was clicked."""

        def __init__(self, diagram: RingsDiagram, person_id: str) -> None:
            super().__init__()
            self.diagram = diagram
            self.person_id = person_id

        @property
        def control(self) -> RingsDiagram:
            return self.diagram

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.child = ""
        self.rings: tuple[tuple[RingPerson, ...], ...] = ((), (), ())
        self.labels: tuple[str, ...] = ()
        self.role = "primary"
        self._layout: RingsLayout | None = None
        self._layout_key: tuple | None = None
        # Drawn lines by what they show: moving one person changes a few lines of the
        # picture, and drawing all of them again was the slowest part of a key.
        self._strips: dict[tuple, Strip] = {}

    def show(
        self,
        child: str,
        rings: Sequence[Sequence[RingPerson]],
        labels: Sequence[str],
        role: str,
        highlight: str | None = None,
    ) -> None:
        self.child = child
        self.rings = tuple(tuple(r) for r in rings)
        self.labels = tuple(labels)
        self.role = role
        self.highlight = highlight
        self.refresh()

    def layout_now(self) -> RingsLayout:
        """The picture for the current size and data (worked out once per change)."""
        size = self.content_size
        key = (size.width, size.height, self.child, self.rings, self.labels, self.highlight)
        if self._layout is None or key != self._layout_key:
            self._layout = layout_rings(
                self.child, self.rings, size.width, size.height, self.highlight, self.labels
            )
            self._layout_key = key
        return self._layout

    def watch_highlight(self) -> None:
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return container.height

    def _style(self, kind: str, ring: int) -> str:
        # Tints use the role's own colour; lines and numbers use its text shade, which the
        # theme makes readable on the background.
        tint = f" on ${self.role} {TINT[ring]}%" if ring in TINT else ""
        ink = f"$text-{self.role}"
        return {
            SPACE: tint.strip(),
            LINE: f"{ink}{tint}",
            CHILD: f"bold reverse {ink}",
            NAME: f"$foreground{tint}",
            HIGHLIGHT: "bold reverse $foreground",
            MORE: f"italic $text-muted{tint}",
            NUMBER: f"bold {ink}{tint}",
            KEY_NUMBER: f"bold reverse {ink}",
            KEY_TEXT: "$foreground",
        }[kind]

    def _line_content(self, line: Sequence[Run]) -> Content:
        parts: list[tuple[str, str] | str] = []
        for run in line:
            style = self._style(run.kind, run.ring)
            parts.append((run.text, style) if style else run.text)
        return Content.assemble(*parts)

    def render(self) -> Content:
        """The whole picture as one piece of text (what `render_line` draws a line at a time)."""
        return Content("\n").join(self._line_content(line) for line in self.layout_now().lines)

    def render_line(self, y: int) -> Strip:
        lines, width, base = self.layout_now().lines, self.size.width, self.visual_style
        if not 0 <= y < len(lines):
            return Strip.blank(width, base.rich_style)
        key = (lines[y], width, self.role, self.app.theme, base)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4 * max(len(lines), 10):
                self._strips.clear()  # lines of older pictures
            strip = Visual.to_strips(self, self._line_content(lines[y]), width, 1, base)[0]
            self._strips[key] = strip
        return strip

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        person_id = self.layout_now().person_at(offset.x, offset.y)
        if person_id:
            self.post_message(self.PersonClicked(self, person_id))
