"""Drawings that are turned into lines once per change, not once per repaint.

Showing a step makes Textual lay the screen out, and repaint it, several times over (each
widget's size settles, focus moves, the footer changes), and a widget that draws with
`render()` is turned into lines again on each repaint. For the tree's drawing that was a
third of what going to the next step cost. A `DrawnOnce` widget says what its drawing
depends on (`drawing_key`); its lines are made again only when that, its size or the theme
changes.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.strip import Strip
from textual.visual import Visual, visualize


class DrawnOnce:
    """A Widget mixin: `render_line` from lines kept until `drawing_key()` changes."""

    def drawing_key(self) -> Hashable:
        """Everything the drawing shows, besides the widget's size and the theme."""
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        widget = self  # a Widget, by the mixin's use
        size, base = widget.size, widget.visual_style  # type: ignore[attr-defined]
        key = (self.drawing_key(), size, base, widget.app.theme,  # type: ignore[attr-defined]
               widget.text_selection)  # type: ignore[attr-defined]
        if key != getattr(self, "_drawn_key", None):
            visual = visualize(widget, widget.render(), markup=False)  # type: ignore[attr-defined]
            self._drawn_lines = Visual.to_strips(widget, visual, size.width, size.height, base)
            self._drawn_key = key
        lines = self._drawn_lines
        return lines[y] if 0 <= y < len(lines) else Strip.blank(size.width, base.rich_style)
