"""The cells of the ring picture: a grid of characters that each know what they show
(a ring's line, a name, the child...) and which ring they sit on, the rings' lines drawn
in box characters, and names made safe and short enough to fit.

Names are literal text: `clean_name` turns control characters into spaces, `shorten`
cuts to a number of terminal cells. Nothing here knows about Textual.
"""

from __future__ import annotations

import math

import attrs
from rich.cells import cell_len

from circles_tui.core.text import display_line

# What a cell shows; the widget maps each to a style.
SPACE, LINE, CHILD, NAME, HIGHLIGHT, MORE, NUMBER, KEY_NUMBER, KEY_TEXT = (
    "space", "line", "child", "name", "highlight", "more", "number", "key-number", "key-text",
)


@attrs.frozen
class Run:
    """A stretch of one line of the picture that shares one kind and one ring."""

    text: str
    kind: str
    ring: int  # 0 outside the rings, else the ring whose tint the cells sit on



def clean_name(name: str) -> str:
    """A name as one line of printable text: control characters become spaces."""
    return display_line(name)


def shorten(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal cells, ending with an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"


class CellGrid:
    """A width x height block of cells, each holding a character, a kind and a ring."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.chars = [[" "] * width for _ in range(height)]
        self.kinds = [[SPACE] * width for _ in range(height)]
        self.rings = [[0] * width for _ in range(height)]

    def put(self, x: int, y: int, text: str, kind: str, ring: int | None = None) -> int:
        """Write `text` from (x, y), clipped at the edge; returns the cells used."""
        if not 0 <= y < self.height:
            return 0
        start = x
        for ch in text:
            w = cell_len(ch) or 1
            if x < 0 or x + w > self.width:
                break
            self.chars[y][x] = ch
            self.kinds[y][x] = kind
            if ring is not None:
                self.rings[y][x] = ring
            for extra in range(1, w):  # the second half of a wide character
                self.chars[y][x + extra] = ""
                self.kinds[y][x + extra] = kind
                if ring is not None:
                    self.rings[y][x + extra] = ring
            x += w
        return x - start

    def runs(self) -> tuple[tuple[Run, ...], ...]:
        lines = []
        for y in range(self.height):
            runs: list[Run] = []
            text: list[str] = []
            key = None
            for x in range(self.width):
                cell_key = (self.kinds[y][x], self.rings[y][x])
                if cell_key != key and text:
                    runs.append(Run("".join(text), *key))
                    text = []
                key = cell_key
                text.append(self.chars[y][x])
            if text:
                runs.append(Run("".join(text), *key))
            lines.append(tuple(runs))
        return tuple(lines)


def half_widths(radius_rows: int, radius_cols: float) -> list[int]:
    """The half-width of one ring's line on each row out from the centre row (index 0)."""
    widths = [0] * (radius_rows + 1)
    for j in range(1, radius_rows + 1):
        depth = (j - 0.5) / radius_rows
        widths[j] = max(1, round(radius_cols * math.sqrt(max(0.0, 1 - depth * depth))))
    widths[0] = widths[1] if radius_rows >= 1 else max(1, round(radius_cols))
    for j in range(1, radius_rows + 1):  # never wider further out
        widths[j] = min(widths[j], widths[j - 1])
    return widths


def draw_ring(grid: CellGrid, cx: int, cy: int, rows: int, hw: list[int], ring: int) -> None:
    """Draw one ring's line with rounded box-drawing characters."""

    def put(x: int, y: int, ch: str) -> None:
        if 0 <= x < grid.width and 0 <= y < grid.height:
            grid.chars[y][x] = ch
            grid.kinds[y][x] = LINE
            grid.rings[y][x] = ring

    for sign, (out_corner, in_corner, left_out, left_in) in (
        (-1, ("╮", "╰", "╭", "╯")),
        (1, ("╯", "╭", "╰", "╮")),
    ):
        y = cy + sign * rows
        top = hw[rows]
        for x in range(-top, top + 1):
            put(cx + x, y, "─")
        put(cx + top, y, out_corner)
        put(cx - top, y, left_out)
        for j in range(1, rows):
            y = cy + sign * j
            outer, inner = hw[j], hw[j + 1]
            if outer == inner:
                put(cx + outer, y, "│")
                put(cx - outer, y, "│")
                continue
            for x in range(inner + 1, outer):
                put(cx + x, y, "─")
                put(cx - x, y, "─")
            put(cx + inner, y, in_corner)
            put(cx + outer, y, out_corner)
            put(cx - inner, y, left_in)
            put(cx - outer, y, left_out)
    put(cx + hw[0], cy, "│")
    put(cx - hw[0], cy, "│")

