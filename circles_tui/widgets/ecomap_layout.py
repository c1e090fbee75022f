"""Where everything goes in the ecomap drawing, worked out without a terminal.

`layout_ecomap` is a plain function of what to draw (an `EcomapPicture`), the space and
the highlighted link. The centre sits in the middle; each linked person, group, service or
place sits round it by its clock position (twelve at the top) and out from it by its
distance (1 nearest, 4 furthest); a line joins it to the centre, or to the household
member it is linked with, in the style of its quality (ecomap_art.py), with arrowheads
for the flow of support. Labels never overlap: one that cannot go where it belongs moves
a little, is shortened, or, when there is no room at all, is left out and counted. The
key is always drawn under the picture; when there is too little room for a picture, a
line per link stands in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
from rich.cells import cell_len

from circles_tui.widgets.ecomap_art import (
    ARROW, ART, CAPTION, CENTRE, HIGHLIGHT, LINE, LINE_HIGHLIGHT, MORE, NAME, SAMPLES, SPACE, STAR,
    Tie,
    hub_art, key_items, key_lines, label_text,
)
from circles_tui.widgets.ecomap_lines import Box, draw_line, line_ends, route
from circles_tui.widgets.rings_grid import CellGrid, Run, clean_name, shorten

NAME_MAX = 18  # longer names are shortened in the drawing (more where it is wide)
SHORTEST = 8  # a name is never cut shorter than this to make it fit
MIN_WIDTH = 30
MIN_HEIGHT = 9  # rows of picture, not counting the key
STARS = "·✦"
GIVE_UP = 12  # labels in a row that found no room: the picture is full


@attrs.frozen
class Spoke:
    """One link to draw: `id` names it (for highlighting and clicks); `between` is the
    household member it joins ("" for the centre as a whole)."""

    id: str
    name: str
    kind: str = "person"
    distance: int = 2  # 1 (nearest) to 4
    clock: int = 12  # 1 to 12, twelve at the top
    qualities: tuple[str, ...] = ("ordinary",)
    flow: str = ""  # "", "to-centre", "from-centre" or "both"
    between: str = ""


@attrs.frozen
class EcomapPicture:
    """Everything the drawing shows, in the words of whoever is looking."""

    centre: str  # plain, island, planet or pitch
    members: tuple[tuple[str, str], ...]  # (id, name) of the child, or of each household member
    spokes: tuple[Spoke, ...]
    ties: tuple[Tie, ...] = ()  # links between household members
    quality_names: dict[str, str] = attrs.field(factory=dict)
    flow_name: str = "support flows"
    kind_names: dict[str, str] = attrs.field(factory=dict)
    key_title: str = ""  # "Key", before the key's first line
    caption: str = ""  # whose ecomap and its date, over the drawing (the picture view's)


@attrs.frozen
class EcomapLayout:
    """The worked-out picture, line by line, and what was drawn where."""

    width: int
    height: int
    lines: tuple[tuple[Run, ...], ...]
    places: dict[str, tuple[int, int, int]]  # link id -> (x, y, width) of its label
    members: dict[str, tuple[int, int, int]]  # centre member id -> (x, y, width) of the name
    hidden: tuple[str, ...]  # links there was no room to draw
    hub: tuple[int, int, int, int]  # the centre's (x, y, width, height)
    drawn: bool  # False when a line per link stood in for the picture

    def text(self) -> str:
        """The picture as plain text (for tests, and for reading without colour)."""
        return "\n".join("".join(run.text for run in line) for line in self.lines)

    def link_at(self, x: int, y: int) -> str | None:
        for link_id, (px, py, w) in self.places.items():
            if py == y and px <= x < px + w:
                return link_id
        return None


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def layout_ecomap(picture: EcomapPicture, width: int, height: int,
                  highlight: str | None = None) -> EcomapLayout:
    """Work out the drawing for `width` x `height` cells."""
    width, height = max(0, width), max(0, height)
    key = _key(picture, width)
    rows = height - len(key)
    if width < MIN_WIDTH or rows < MIN_HEIGHT:
        return _summary(picture, width, height, highlight)
    grid = CellGrid(width, height)
    top = 0
    if picture.caption and rows - 2 >= MIN_HEIGHT:
        caption = shorten(clean_name(picture.caption), width)
        grid.put((width - cell_len(caption)) // 2, 0, caption, CAPTION)
        top = 2
    name_max = min(30, max(NAME_MAX, width // 4))
    cx, cy = width // 2, top + (rows - top) // 2
    hub = hub_art(picture.centre, picture.members, picture.ties, min(width - 8, 60),
                  max_tie_rows=max(0, (rows - 9) // 3), highlight=highlight)
    hub_box: Box = (cx - hub.width // 2, cy - hub.height // 2, hub.width, hub.height)
    middle = hub_box[1] + (hub.height - 1) / 2
    _decorate(grid, picture.centre, hub_box, rows)

    # Labels first, nearest first and the highlighted one before all: lines go behind them.
    labels: dict[str, Box] = {}
    texts: dict[str, str] = {}
    hidden: list[str] = []
    taken: list[Box] = [(hub_box[0] - 1, hub_box[1], hub_box[2] + 2, hub_box[3])]
    order = sorted(picture.spokes, key=lambda s: (s.id != highlight, s.distance, s.clock))
    inner_x, inner_y = hub.width / 2 + 6, hub.height / 2 + 3.5
    outer_x, outer_y = max(inner_x + 4, width / 2 - 4), max(inner_y + 1, (rows - top) / 2 - 0.5)
    misses = 0
    for spoke in order:
        if misses >= GIVE_UP:  # the picture is full: the rest are only in the list
            hidden.append(spoke.id)
            continue
        share = (min(4, max(1, spoke.distance)) - 1) / 3
        angle = (spoke.clock % 12) * math.tau / 12
        ex = cx + (inner_x + (outer_x - inner_x) * share) * math.sin(angle)
        ey = middle - (inner_y + (outer_y - inner_y) * share) * math.cos(angle)
        spot = None
        for room in (name_max, SHORTEST):
            text = label_text(spoke.name, spoke.kind, room)
            w = cell_len(text)
            # The label's near end sits on the spot, so the line reaches it first.
            side = math.sin(angle)
            x = round(ex) if side > 0.35 else round(ex) - w + 1 if side < -0.35 else round(ex) - w // 2
            spot = _free_spot(x, round(ey), w, cy, width, top, rows, taken)
            if spot is not None:
                break
        if spot is None:
            hidden.append(spoke.id)
            misses += 1
            continue
        misses = 0
        box = (spot[0], spot[1], cell_len(text), 1)
        labels[spoke.id], texts[spoke.id] = box, text
        taken.append((box[0] - 1, box[1], box[2] + 2, 1))

    members = {m: (hub_box[0] + x + w // 2, w // 2 + 1) for m, (x, _, w) in hub.members.items()}
    drawn = [s for s in picture.spokes if s.id in labels]
    drawn.sort(key=lambda s: s.id == highlight)  # the highlighted line on top
    arrows = []
    for spoke in drawn:
        label = labels[spoke.id]
        path = route(*line_ends(members.get(spoke.between), hub_box, label), hub_box)
        others = [box for other, box in labels.items() if other != spoke.id]
        arrows += draw_line(grid, path, spoke.qualities, spoke.flow, [hub_box, label, *others],
                            LINE_HIGHLIGHT if spoke.id == highlight else LINE, rows)
    for (x, y), arrow in arrows:
        grid.put(x, y, arrow, ARROW)
    for x, y, text, kind in hub.cells:
        grid.put(hub_box[0] + x, hub_box[1] + y, text, kind)
    places: dict[str, tuple[int, int, int]] = {}
    for spoke_id, (x, y, w, _) in labels.items():
        grid.put(x, y, texts[spoke_id], HIGHLIGHT if spoke_id == highlight else NAME)
        places[spoke_id] = (x, y, w)
    centre_names = {m: (hub_box[0] + x, hub_box[1] + y, w) for m, (x, y, w) in hub.members.items()}
    if hidden:
        note = f"+{len(hidden)} more in the list"
        grid.put(max(0, width - cell_len(note)), rows - 1, note, MORE)
    for index, parts in enumerate(key):
        x = max(0, (width - sum(cell_len(text) for text, _ in parts)) // 2)
        for text, kind in parts:
            x += grid.put(x, rows + index, text, kind)
    return EcomapLayout(width, height, grid.runs(), places, centre_names, tuple(hidden), hub_box,
                        True)


def _key(picture: EcomapPicture, width: int) -> list[list[tuple[str, str]]]:
    """The key, wrapped to `width`; the marks for groups, services and places only when
    they fit on two lines (the list beside the picture names each entry's kind too)."""
    if not width:
        return []
    kinds = sorted({spoke.kind for spoke in picture.spokes})
    title = picture.key_title
    full = key_lines(key_items(picture.quality_names, picture.flow_name, picture.kind_names,
                               kinds), width, title)
    if len(full) <= 2:
        return full
    return key_lines(key_items(picture.quality_names, picture.flow_name, {}, ()), width, title)


def _free_spot(ex: int, ey: int, w: int, cy: int, width: int, top: int, rows: int,
               taken: Sequence[Box]) -> tuple[int, int] | None:
    """The nearest place to a label starting at (ex, ey), `w` cells wide, where it overlaps
    nothing taken, moving away from the centre first."""
    outward = 1 if ey > cy else -1
    shifts = sorted(
        ((dy, dx) for dy in range(-4, 5) for dx in (0, -2, 2, -4, 4, -(w // 2 + 2), w // 2 + 2)),
        key=lambda s: (abs(s[0]) * 3 + abs(s[1]) + (0 if s[0] * outward >= 0 else 1)),
    )
    for dy, dx in shifts:
        y = ey + dy
        x = min(max(0, ex + dx), width - w)
        if not top <= y < rows or x < 0:
            continue
        box = (x - 1, y, w + 2, 1)
        if not any(_overlaps(box, other) for other in taken):
            return x, y
    return None


def _decorate(grid: CellGrid, centre: str, hub: Box, rows: int) -> None:
    """What the chosen centre brings with it: stars round a planet, waves by an island.
    Drawn first, so lines and names go over them."""
    x, y, w, h = hub
    if centre == "island":
        for wx, wy in ((x - 3, y + 1), (x + w + 2, y + 1), (x - 5, y + h), (x + w + 4, y - 1)):
            if 0 <= wy < rows:
                grid.put(wx, wy, "≈", STAR)
    elif centre == "planet":
        for sy in range(rows):
            for sx in range(grid.width):
                if (sx * 7 + sy * 13) % 29 == 0 and (sx + sy) % 3 == 0:
                    grid.put(sx, sy, STARS[(sx // 3 + sy) % 2], STAR)


def _summary(picture: EcomapPicture, width: int, height: int,
             highlight: str | None) -> EcomapLayout:
    """Too small for a picture: the centre, then one line a link with its line's sample."""
    grid = CellGrid(width, height)
    places: dict[str, tuple[int, int, int]] = {}
    hidden: list[str] = []
    names = ", ".join(clean_name(name) for _, name in picture.members) or "?"
    if height and width:
        grid.put(0, 0, shorten(names, width), CENTRE)
    for index, spoke in enumerate(picture.spokes):
        y = index + 1
        if y >= height or (y == height - 1 and index < len(picture.spokes) - 1):
            hidden = [s.id for s in picture.spokes[index:]]
            if 0 < y < height:
                grid.put(0, y, shorten(f"+{len(hidden)} more", width), MORE)
            break
        sample = "".join(SAMPLES[q][:2] for q in spoke.qualities if q in SAMPLES) or "──"
        x = grid.put(0, y, sample, LINE) + 1
        text = label_text(spoke.name, spoke.kind, max(1, width - x))
        used = grid.put(x, y, text, HIGHLIGHT if spoke.id == highlight else NAME)
        places[spoke.id] = (x, y, used)
    return EcomapLayout(width, height, grid.runs(), places, {}, tuple(hidden), (0, 0, 0, 0),
                        False)


__all__ = [
    "ART", "ARROW", "CENTRE", "EcomapLayout", "EcomapPicture", "HIGHLIGHT", "LINE",
    "LINE_HIGHLIGHT", "MORE", "NAME", "SPACE", "STAR", "Spoke", "Tie", "layout_ecomap",
]
