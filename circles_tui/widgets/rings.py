"""The ring picture: three rings around the child, with each person's name in their ring.

The drawing is worked out by `layout_rings`, a plain function of the names and
the space available, so it can be tested without a terminal; `RingsDiagram`
only turns its result into styled text. Names are always treated as literal
text, never markup. However many people there are, only as many as fit are
drawn, with "+N more" for the rest of each ring; the work done is bounded by
the size of the picture, not by the number of people.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from circles_tui.core.text import display_line

RINGS = 3
# How far out each ring's line sits, as a share of the outer ring. The inner
# ring is a little larger than a third so the closest people have room.
RING_SCALE = (0.38, 0.69, 1.0)
# Across, the inner rings are a little wider again: names run sideways, and the closest
# people (ring 1) need room beside the child's name.
RING_SCALE_ACROSS = (0.46, 0.74, 1.0)
NAME_MAX = 16  # longer names are shortened with an ellipsis in the picture only
MIN_WIDTH = 24
MIN_HEIGHT = 7
ROOMY = 13  # rows the drawing keeps before giving room to the key

# What a cell shows; the widget maps each to a style.
SPACE, LINE, CHILD, NAME, HIGHLIGHT, MORE, NUMBER, KEY_NUMBER, KEY_TEXT = (
    "space", "line", "child", "name", "highlight", "more", "number", "key-number", "key-text",
)


@attrs.frozen
class RingPerson:
    """A person to draw: `id` identifies them (for highlighting and clicks), `name` is shown."""

    id: str
    name: str


@attrs.frozen
class Run:
    """A stretch of one line of the picture that shares one kind and one ring."""

    text: str
    kind: str
    ring: int  # 0 outside the rings, else the ring whose tint the cells sit on


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


class _Grid:
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


def _half_widths(radius_rows: int, radius_cols: float) -> list[int]:
    """The half-width of one ring's line on each row out from the centre row (index 0)."""
    widths = [0] * (radius_rows + 1)
    for j in range(1, radius_rows + 1):
        depth = (j - 0.5) / radius_rows
        widths[j] = max(1, round(radius_cols * math.sqrt(max(0.0, 1 - depth * depth))))
    widths[0] = widths[1] if radius_rows >= 1 else max(1, round(radius_cols))
    for j in range(1, radius_rows + 1):  # never wider further out
        widths[j] = min(widths[j], widths[j - 1])
    return widths


def _draw_ring(grid: _Grid, cx: int, cy: int, rows: int, hw: list[int], ring: int) -> None:
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

    def add(self, item: tuple[str, str, str], w: int) -> None:
        self.used += (1 if self.items else 0) + w
        self.items.append(item)


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
            for step in range(len(segments)):
                seg = segments[(pointer + step) % len(segments)]
                if seg.fits(w):
                    seg.add((person.id, text, NAME), w)
                    pointer = (pointer + step + 1) % len(segments)
                    placed.append(person.id)
                    failures = 0
                    break
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

    grid = _Grid(width, height)
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
    widths = [_half_widths(rows[k], half * RING_SCALE_ACROSS[k]) for k in range(RINGS)]

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
        _draw_ring(grid, cx, cy, rows[k], widths[k], k + 1)
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
    grid = _Grid(width, height)
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


# -- the widget ------------------------------------------------------------------------

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

    def render(self) -> Content:
        layout = self.layout_now()
        parts: list[tuple[str, str] | str] = []
        for index, line in enumerate(layout.lines):
            if index:
                parts.append("\n")
            for run in line:
                style = self._style(run.kind, run.ring)
                parts.append((run.text, style) if style else run.text)
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        person_id = self.layout_now().person_at(offset.x, offset.y)
        if person_id:
            self.post_message(self.PersonClicked(self, person_id))
