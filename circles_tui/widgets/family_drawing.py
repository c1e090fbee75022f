"""The child's family tree on screen: the layout from `family_layout`, drawn and scrolled,
with one card highlighted and moved with the arrow keys.

The widget only draws and moves the highlight; what the cards say comes from the step,
and where the arrows go from the layout. The highlighted card is shown reversed, so it
shows with colours off too. A tree larger than the space scrolls, and the highlighted
card is kept in view.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from circles_tui.widgets.family_layout import (
    SIZES, Card, CardSize, Direction, FamilyLayout, Sibship, fit,
)

CURRENT_STYLE = Style(reverse=True, bold=True)


class FamilyDrawing(ScrollView, can_focus=True):
    """The family tree; arrows move the highlight from card to card."""

    DEFAULT_CSS = """
    FamilyDrawing {
        width: 1fr;
        height: 1fr;
        scrollbar-size: 1 1;
    }
    FamilyDrawing > .family-drawing--line { color: $text-muted; }
    FamilyDrawing > .family-drawing--blank-line { color: $text-warning; }
    FamilyDrawing > .family-drawing--child-line { color: $text-primary; }
    FamilyDrawing > .family-drawing--name { color: $text; text-style: bold; }
    FamilyDrawing > .family-drawing--detail { color: $text-muted; }
    FamilyDrawing > .family-drawing--blank-text { color: $text-warning; text-style: italic; }
    FamilyDrawing > .family-drawing--heading { color: $text-accent; text-style: bold; }
    FamilyDrawing > .family-drawing--mark { color: $text-error; text-style: bold; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"family-drawing--{role}" for role in (
            "line", "blank-line", "child-line", "name", "detail", "blank-text", "heading", "mark")
    }

    BINDINGS = [
        Binding("up", "move('up')", "Up a generation", show=False),
        Binding("down", "move('down')", "Down a generation", show=False),
        Binding("left", "move('left')", "Left", show=False),
        Binding("right", "move('right')", "Right", show=False),
    ]

    class Highlighted(Message):
        """The highlight moved to another card (by a key or a click)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, sizes: tuple[CardSize, ...] = SIZES, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sizes = sizes
        self.root: Sibship | None = None
        self.below: tuple[Card, ...] = ()  # the child's own children
        self.current = ""
        self.layout_now: FamilyLayout | None = None
        self._rows: list[Content] = []
        self.indent = 0  # a tree narrower than the widget is drawn in the middle

    # -- data down ---------------------------------------------------------------------

    def show(self, root: Sibship, children: tuple[Card, ...], current: str) -> None:
        """Draw this tree with `current` highlighted (the first card if it is not there)."""
        if (root, children, current) == (self.root, self.below, self.current):
            return
        self.root, self.below, self.current = root, children, current
        if self.is_mounted:  # otherwise once it is, when it learns its size
            self._redraw()

    def on_resize(self, event: events.Resize) -> None:
        self._redraw()

    def _redraw(self) -> None:
        if self.root is None:
            return
        self._lay_out()
        if self.layout_now is not None and self.current not in self.layout_now.placed:
            self.current = next(iter(self.layout_now.placed), "")
        self._paint()
        self.call_after_refresh(self.keep_current_in_view)

    def _lay_out(self) -> None:
        assert self.root is not None
        width, height = self.scrollable_content_region.size
        self.layout_now = fit(self.root, self.below, max(width, 1), max(height, 1), self.sizes)
        self.indent = max(0, (width - self.layout_now.width) // 2)
        self.virtual_size = Size(self.layout_now.width, self.layout_now.height)

    def _paint(self) -> None:
        """Turn the layout's rows into styled lines, the current card reversed."""
        layout = self.layout_now
        if layout is None:
            return
        styles = {role: self.get_visual_style(f"family-drawing--{role}")
                  for role in ("line", "blank-line", "child-line", "name", "detail",
                               "blank-text", "heading", "mark")}
        rows = [Content.assemble(*((text, styles.get(role, "")) for text, role in row))
                for row in layout.rows]
        spot = layout.placed.get(self.current)
        if spot is not None:
            for y in range(spot.y, spot.y + spot.height):
                rows[y] = rows[y].stylize(CURRENT_STYLE, spot.x, spot.x + spot.width)
        self._rows = rows
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._paint()  # a new theme: the lines in its colours

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        row = scroll_y + y
        base = self.rich_style
        if row >= len(self._rows):
            return Strip.blank(width, base)
        strip = Strip(self._rows[row].render_segments(self.visual_style))
        if self.indent:
            strip = Strip.join([Strip.blank(self.indent, base), strip])
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, row)

    # -- the highlight -----------------------------------------------------------------

    def current_region(self) -> Region | None:
        layout = self.layout_now
        spot = layout.placed.get(self.current) if layout is not None else None
        return None if spot is None else Region(spot.x, spot.y, spot.width, spot.height)

    def keep_current_in_view(self) -> None:
        region = self.current_region()
        if region is not None:
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def highlight(self, key: str) -> None:
        """Move the highlight to `key` and say so."""
        if self.layout_now is None or key not in self.layout_now.placed or key == self.current:
            return
        self.current = key
        self._paint()
        self.keep_current_in_view()
        self.post_message(self.Highlighted(key))

    def action_move(self, direction: Direction) -> None:
        if self.layout_now is not None:
            target = self.layout_now.moves.get(self.current, {}).get(direction)
            if target:
                self.highlight(target)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.layout_now is None:
            return
        x = offset.x + round(self.scroll_x) - self.indent
        y = offset.y + round(self.scroll_y)
        for key, spot in self.layout_now.placed.items():
            if spot.x <= x < spot.x + spot.width and spot.y <= y < spot.y + spot.height:
                self.highlight(key)
                return
