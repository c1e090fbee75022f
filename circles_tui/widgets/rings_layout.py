"""Where everything goes in the ring picture, worked out without a terminal.

`layout_rings` is a plain function of the child's name, the people in each ring, the
ring labels and the space available. However many people there are, only as many as
fit are drawn, with "+N more" for the rest of each ring; the work done is bounded by
the size of the picture, not by the number of people. When there is too little room
for rings, a line of names per ring stands in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
from rich.cells import cell_len

from circles_tui.widgets.rings_grid import (
    CHILD,
    HIGHLIGHT,
    KEY_NUMBER,
    KEY_TEXT,
    MORE,
    NAME,
    NUMBER,
    SPACE,
    CellGrid,
    Run,
    clean_name,
    draw_ring,
    half_widths,
    shorten,
)

RINGS = 3
# How far out each ring's line sits, as a share of the outer ring. The inner
# ring is a little larger than a third so the closest people have room.
RING_SCALE = (0.38, 0.69, 1.0)
# Across, the inner rings are a little wider again: names run sideways, and the closest
# people (ring 1) need room beside the child's name.
RING_SCALE_ACROSS = (0.46, 0.74, 1.0)
NAME_MAX = 16  # longer names are shortened with an ellipsis in the picture only
SHORTEST_NAME = 8  # a name is never cut shorter than this ("Auntie …" could be anyone)
MIN_WIDTH = 24
MIN_HEIGHT = 7
# Rows the drawing keeps before giving room to the key: on a small screen every row goes to
# names, and the list beside the picture names the rings.
ROOMY = 20


@attrs.frozen
class RingPerson:
    """A person to draw: `id` identifies them (for highlighting and clicks), `name` is shown."""

    id: str
    name: str



@attrs.frozen
class RingsLayout:
    """The worked-out picture, line by line, plus what was drawn where."""

    width: int
    height: int
    lines: tuple[tuple[Run, ...], ...]
    shown: tuple[tuple[str, ...], ...]  # person ids drawn, per ring
    more: tuple[int, ...]  # how many were left out, per ring
    places: dict[str, tuple[int, int, int]]  # person id -> (x, y, width)
    drawn: bool  # False when there was too little room and a text summary was used

    def text(self) -> str:
        """The picture as plain text (for tests and for reading without colour)."""
        return "\n".join("".join(run.text for run in line) for line in self.lines)

    def person_at(self, x: int, y: int) -> str | None:
        for person_id, (px, py, w) in self.places.items():
            if py == y and px <= x < px + w:
                return person_id
        return None


@attrs.define
class _Segment:
    """A free stretch of one row inside a ring, where names can go."""

    y: int
    start: int
    width: int
    items: list[tuple[str, str, str]] = attrs.field(factory=list)  # (id, text, kind)
    used: int = 0

    def fits(self, w: int) -> bool:
        return self.used + (1 if self.items else 0) + w <= self.width

    def room(self) -> int:
        """The widest name that would still fit here."""
        return self.width - self.used - (1 if self.items else 0)

    def add(self, item: tuple[str, str, str], w: int) -> None:
        self.used += (1 if self.items else 0) + w
        self.items.append(item)


def _free_segment(segments: Sequence[_Segment], start: int, w: int) -> int | None:
    """The first stretch from `start` on (round the ring) with room for `w` cells."""
    for step in range(len(segments)):
        index = (start + step) % len(segments)
        if segments[index].fits(w):
            return index
    return None


def _spread(n: int) -> list[int]:
    """0..n-1 reordered so that the first few are far apart (0, n/2, n/4, 3n/4, ...)."""
    if n <= 0:
        return []
    order, seen = [], set()
    denominator = 1
    while len(order) < n:
        for numerator in range(0, denominator, 1):
            if denominator > 1 and numerator % 2 == 0:
                continue
            index = (numerator * n) // denominator
            if index not in seen:
                seen.add(index)
                order.append(index)
        denominator *= 2
        if denominator > 4 * n:
            order.extend(i for i in range(n) if i not in seen)
            break
    return order


def _place_ring(
    segments: list[_Segment], people: Sequence[RingPerson], highlight: str | None, cap: int
) -> tuple[list[str], int]:
    """Fit as many names as possible into `segments`.

    Returns the ids placed and how many did not fit.
    """
    total = len(people)
    if not segments or total == 0:
        return [], total
    widest = max(s.width for s in segments)
    name_width = min(NAME_MAX, widest)

    def attempt(order: Sequence[RingPerson], reserve_more: bool) -> list[str] | None:
        for seg in segments:
            seg.items.clear()
            seg.used = 0
        if reserve_more:
            marker = f"+{total} more"
            if cell_len(marker) > widest:
                marker = f"+{total}"
            # The lowest stretch that fits holds the marker, at the bottom of the ring.
            candidates = [s for s in segments if s.width >= cell_len(marker)]
            if not candidates:
                return None
            seg = max(candidates, key=lambda s: (s.y, s.width))
            seg.add(("", marker, MORE), cell_len(marker))
        placed: list[str] = []
        pointer, failures = 0, 0
        for person in order[:cap]:
            text = shorten(clean_name(person.name), name_width)
            w = cell_len(text)
            chosen = _free_segment(segments, pointer, w)
            if chosen is None:
                # No room for the whole name: a shortened one ("Auntie Sh…") still says who.
                room = max((s.room() for s in segments), default=0)
                if room >= SHORTEST_NAME:
                    text = shorten(clean_name(person.name), room)
                    w = cell_len(text)
                    chosen = _free_segment(segments, pointer, w)
            if chosen is not None:
                segments[chosen].add((person.id, text, NAME), w)
                pointer = (chosen + 1) % len(segments)
                placed.append(person.id)
                failures = 0
            else:
                failures += 1
                if not reserve_more or failures > 8:
                    break
        return placed

    ordered = list(people)
    placed = attempt(ordered, reserve_more=False)
    if placed is not None and len(placed) == total:
        return placed, 0
    placed = attempt(ordered, reserve_more=True) or []
    if highlight is not None and highlight not in placed:
        index = next((i for i, p in enumerate(ordered) if p.id == highlight), None)
        if index is not None:
            ordered.insert(0, ordered.pop(index))
            placed = attempt(ordered, reserve_more=True) or []
    return placed, total - len(placed)


def _key_lines(labels: Sequence[str], width: int) -> list[list[tuple[str, str]]]:
    """The key under the picture: ring numbers with their labels, wrapped to `width`."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for number, label in enumerate(labels, start=1):
        number_text = f" {number} "
        label_text = shorten(clean_name(label), max(1, width - 4))
        w = cell_len(number_text) + 1 + cell_len(label_text)
        gap = 2 if lines[-1] else 0
        if lines[-1] and used + gap + w > width:
            lines.append([])
            used, gap = 0, 0
        if gap:
            lines[-1].append(("  ", KEY_TEXT))
        lines[-1].extend([(number_text, KEY_NUMBER), (" " + label_text, KEY_TEXT)])
        used += gap + w
    return [line for line in lines if line]


def layout_rings(
    child: str,
    rings: Sequence[Sequence[RingPerson]],
    width: int,
    height: int,
    highlight: str | None = None,
    labels: Sequence[str] = (),
) -> RingsLayout:
    """Work out the picture for `width` x `height` cells.

    `rings` holds the people of rings 1 to 3, centre outwards, in the order they
    should be drawn. `labels` are the ring names for the key under the picture.
    """
    width, height = max(0, width), max(0, height)
    rings = [list(r) for r in rings[:RINGS]] + [[] for _ in range(RINGS - len(rings))]
    key = _key_lines(labels, width) if labels and width > 0 else []
    if len(key) > 3 or height - len(key) < ROOMY:
        key = []  # the list beside the picture carries the ring names too
    gap = 1 if key and height - len(key) - 1 >= ROOMY + 4 else 0
    grid_height = height - len(key) - gap
    if width < MIN_WIDTH or grid_height < MIN_HEIGHT:
        return _summary(child, rings, width, height, highlight)

    grid = CellGrid(width, height)
    radius = (grid_height - 1) // 2
    half = (width - 1) // 2
    # The drawing and its key, together, sit in the middle of the space.
    block = 2 * radius + 1 + (gap + len(key) if key else 0)
    top_row = (height - block) // 2
    cx, cy = width // 2, top_row + radius
    rows = [max(1, round(radius * s)) for s in RING_SCALE]
    rows[2] = radius
    rows[1] = min(rows[1], rows[2] - 1)
    rows[0] = max(1, min(rows[0], rows[1] - 1))
    if not rows[0] < rows[1] < rows[2]:
        return _summary(child, rings, width, height, highlight)
    widths = [half_widths(rows[k], half * RING_SCALE_ACROSS[k]) for k in range(RINGS)]

    # Which ring each cell is inside (0 = outside them all), before any line is drawn.
    for y in range(top_row, top_row + 2 * radius + 1):
        j = abs(y - cy)
        for k in range(RINGS - 1, -1, -1):
            if j >= rows[k]:
                continue
            inner = widths[k][j + 1]
            for x in range(max(0, cx - inner + 1), min(width, cx + inner)):
                grid.rings[y][x] = k + 1
    for k in range(RINGS - 1, -1, -1):
        draw_ring(grid, cx, cy, rows[k], widths[k], k + 1)
    # Ring numbers sit on each ring's top line, when there is room.
    for k in range(RINGS):
        top = widths[k][rows[k]]
        if 2 * top + 1 >= 5:
            grid.put(cx - 1, cy - rows[k], f" {k + 1} ", NUMBER)

    # The child, in the middle.
    room = 2 * widths[0][1] - 1 - 2
    child_text = shorten(clean_name(child), max(1, min(room - 2, 24)))
    label = f" {child_text} " if cell_len(child_text) + 2 <= room else child_text
    child_w = cell_len(label)
    grid.put(cx - child_w // 2, cy, label, CHILD)

    # Free stretches in each ring, leaving a space beside every line and the child.
    segments: list[list[_Segment]] = [[] for _ in range(RINGS)]
    for y in range(top_row, top_row + 2 * radius + 1):
        x = 0
        while x < width:
            ring = grid.rings[y][x]
            if grid.kinds[y][x] != SPACE or ring == 0:
                x += 1
                continue
            start = x
            while x < width and grid.kinds[y][x] == SPACE and grid.rings[y][x] == ring:
                x += 1
            seg_width = (x - start) - 2
            if seg_width >= 1:
                segments[ring - 1].append(_Segment(y, start + 1, seg_width))
    # Order each ring's stretches around the clock from twelve, then spread them out.
    shown: list[tuple[str, ...]] = []
    more: list[int] = []
    places: dict[str, tuple[int, int, int]] = {}
    for k in range(RINGS):
        ring_segments = sorted(
            segments[k],
            # Start the clock a little before twelve, so the stretch above the middle comes first.
            key=lambda s: (math.atan2(s.start + s.width / 2 - cx, -(s.y - cy) * 2) + 0.3)
            % math.tau,
        )
        ring_segments = [ring_segments[i] for i in _spread(len(ring_segments))]
        cells = sum(s.width for s in ring_segments)
        placed, hidden = _place_ring(ring_segments, rings[k], highlight, cap=cells // 2 + 1)
        shown.append(tuple(placed))
        more.append(hidden)
        for seg in ring_segments:
            if not seg.items:
                continue
            # One space between names at least; what is left spreads out evenly.
            count = len(seg.items)
            spare = seg.width - sum(cell_len(text) for _, text, _ in seg.items) - (count - 1)
            gaps = count + 1
            x = seg.start
            items = sorted(seg.items, key=lambda item: item[2] == MORE)  # "+N more" last
            for index, (person_id, text, kind) in enumerate(items):
                x += (1 if index else 0) + spare // gaps + (1 if index < spare % gaps else 0)
                if kind == MORE and hidden:
                    wanted = f"+{hidden} more"
                    text = wanted if cell_len(wanted) <= cell_len(text) else f"+{hidden}"
                if kind == NAME and person_id == highlight:
                    kind = HIGHLIGHT
                used = grid.put(x, seg.y, text, kind)
                if person_id:
                    places[person_id] = (x, seg.y, used)
                x += used
    if key:
        for index, parts in enumerate(key):
            line_width = sum(cell_len(text) for text, _ in parts)
            x = max(0, (width - line_width) // 2)
            for text, kind in parts:
                x += grid.put(x, cy + radius + 1 + gap + index, text, kind, ring=0)
    return RingsLayout(width, height, grid.runs(), tuple(shown), tuple(more), places, True)


def _summary(
    child: str, rings: Sequence[Sequence[RingPerson]], width: int, height: int,
    highlight: str | None,
) -> RingsLayout:
    """Too small for a drawing: one line per ring, "1: names… +N more", clipped to fit."""
    grid = CellGrid(width, height)
    shown: list[tuple[str, ...]] = []
    more: list[int] = []
    places: dict[str, tuple[int, int, int]] = {}
    if height > 0:
        grid.put(0, 0, shorten(clean_name(child), width), CHILD)
    for k in range(RINGS):
        y = k + 1
        placed: list[str] = []
        if y < height and width > 0:
            x = grid.put(0, y, f"{k + 1}", NUMBER, ring=k + 1)
            people = rings[k]
            for index, person in enumerate(people[: width]):
                remaining = len(people) - index
                marker = f" +{remaining}"
                text = " " + clean_name(person.name)
                if x + cell_len(text) + (cell_len(marker) if remaining > 1 else 0) > width:
                    break
                start = x + 1
                kind = HIGHLIGHT if person.id == highlight else NAME
                x += grid.put(x, y, " ", SPACE)
                used = grid.put(x, y, text[1:], kind)
                places[person.id] = (start, y, used)
                x += used
                placed.append(person.id)
            hidden = len(rings[k]) - len(placed)
            if hidden:
                grid.put(x, y, f" +{hidden}", MORE)
        shown.append(tuple(placed))
        more.append(len(rings[k]) - len(placed))
    return RingsLayout(width, height, grid.runs(), tuple(shown), tuple(more), places, False)


