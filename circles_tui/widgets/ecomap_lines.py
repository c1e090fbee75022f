"""The lines of the ecomap: where each one leaves the centre, the way it takes to its label
(steps across and up, so every cell can show the line's style in box characters), and the
arrowheads for the flow of support beside the label. Nothing here knows about Textual.
"""

from __future__ import annotations

import math

from circles_tui.widgets.ecomap_art import ARROWS, D, L, R, U, glyph_for
from circles_tui.widgets.rings_grid import CellGrid

Box = tuple[int, int, int, int]  # x, y, width, height
Cell = tuple[int, int]


def inside(box: Box, x: int, y: int) -> bool:
    bx, by, bw, bh = box
    return bx <= x < bx + bw and by <= y < by + bh


def staircase(start: Cell, end: Cell) -> list[Cell]:
    """The cells from `start` to `end` in single steps across or up, as close as they can
    keep to the straight line between them."""
    (ax, ay), (bx, by) = start, end
    dx, dy = bx - ax, by - ay
    sx, sy = (dx > 0) - (dx < 0), (dy > 0) - (dy < 0)
    x, y = ax, ay
    path = [(x, y)]
    while (x, y) != (bx, by):
        options = []
        if x != bx:
            options.append((x + sx, y))
        if y != by:
            options.append((x, y + sy))
        x, y = min(options, key=lambda p: abs((p[0] - ax) * dy - (p[1] - ay) * dx))
        path.append((x, y))
    return path


def side(frm: Cell, to: Cell) -> str:
    """The side of cell `frm` that faces its neighbour `to`."""
    if to[0] != frm[0]:
        return R if to[0] > frm[0] else L
    return D if to[1] > frm[1] else U


def line_ends(member: tuple[int, int] | None, hub: Box, label: Box) -> tuple[Cell, Cell, Cell]:
    """Where a link's line leaves the centre (a cell on its edge, and the one just outside)
    and the cell of its label it runs into. A line from the whole centre leaves from the
    side facing its label; one from a household member (`member`: the middle of their name
    and its half-width) leaves above or below their name. Either way, the further round
    its label is, the further along the edge the line leaves, so lines keep apart."""
    hx, hy, hw, hh = hub
    x, y, w, _ = label
    middle_x, middle_y = hx + hw // 2, hy + hh // 2
    if x > middle_x:
        end = (x, y)
    elif x + w - 1 < middle_x:
        end = (x + w - 1, y)
    else:
        end = (x + w // 2, y)
    if member is None and hy <= y < hy + hh:  # level with the centre: out of its side
        edge = (hx if end[0] < hx else hx + hw - 1, y)
        return edge, (edge[0] + (-1 if end[0] < hx else 1), y), end
    from_x, reach = member if member is not None else (middle_x, hw // 2 - 1)
    angle = math.atan2(end[0] - from_x, 2 * (middle_y - end[1]))
    along = min(max(from_x + round(math.sin(angle) * reach), hx + 1), hx + hw - 2)
    above = y < middle_y
    edge = (along, hy if above else hy + hh - 1)
    return edge, (along, edge[1] + (-1 if above else 1)), end


def route(edge: Cell, outside: Cell, end: Cell, hub: Box) -> list[Cell]:
    """The cells of a line, from the centre's edge to its label. A way that would cross the
    centre goes round its nearest corner instead."""
    path = staircase(outside, end)
    if any(inside(hub, *cell) for cell in path):
        hx, hy, hw, hh = hub
        corner_x = hx - 1 if end[0] < hx + hw // 2 else hx + hw
        corner_y = outside[1] if not hy <= outside[1] < hy + hh else (
            hy - 1 if end[1] < hy + hh // 2 else hy + hh)
        path = staircase(outside, (corner_x, corner_y)) + staircase((corner_x, corner_y), end)[1:]
    return [edge, *path]


def draw_line(grid: CellGrid, path: list[Cell], qualities: tuple[str, ...], flow: str,
              hidden: list[Box], kind: str, rows: int) -> list[tuple[Cell, str]]:
    """Draw `path` in the style of `qualities`, leaving out its first cell (the centre's
    edge), its last (the label) and any cell under `hidden` boxes. Returns the arrowheads
    to draw once every line is down (so no other line covers them), next to the label."""
    visible = [index for index, cell in enumerate(path[1:-1], start=1)
               if cell[1] < rows and not any(inside(box, *cell) for box in hidden)]
    straight = 0
    for index in visible:
        sides = frozenset({side(path[index], path[index - 1]), side(path[index], path[index + 1])})
        if sides in ({L, R}, {U, D}):
            straight += 1
        grid.put(*path[index], glyph_for(qualities, index).cell(sides, straight), kind)
    # Arrowheads sit at the label's end ("═══◀▶Nanna Jo"), where they cannot be mistaken
    # for another line's: the last cell points to the label, or back towards the centre.
    # Only on the stretch that reaches the label unbroken: never beside another label.
    heads = {"from-centre": (1,), "to-centre": (-1,), "both": (-1, 1)}.get(flow, ())
    tail = [index for index in visible if index >= len(path) - 1 - len(heads)]
    ends = tail if heads and len(tail) == len(heads) else []
    return [(path[index], ARROWS[side(path[index], path[index + way])])
            for index, way in zip(ends, heads)]
