"""Where each card of the child's family tree goes, drawn in box-drawing characters.

Pure: no Textual, no records. The step turns the family records into `Sibship`s (people
of one generation who hang from one parents' line, each with the sibships of their
parents above); `lay_out` places them, one row per generation, the child's row at the
bottom, and draws the lines between. What it returns is plain data: rows of (text, role)
runs, where each card is, and where each arrow key goes from each card.

Nothing here relies on colour: a blank ("not known yet") has a dotted border, the child
a heavy one; partners are joined by a double line; a separation is one slash across
the parents' line and a divorce two, as on a genogram.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

Direction = Literal["up", "down", "left", "right"]
# How a card meets the card on its left: it hangs from the parents' line like a brother or
# sister (""), sits beside it as a partner, joined by a double line, or stands apart with
# no line at all (chosen family).
Beside = Literal["", "partner", "apart"]
# How two parents side by side are linked, drawn on the line between them.
Couple = Literal["", "partners", "separated", "divorced"]

# Roles of the drawn text; the widget gives each its own look.
LINE, BLANK_LINE, CHILD_LINE, NAME, DETAIL, BLANK_TEXT, HEADING, MARK = (
    "line", "blank-line", "child-line", "name", "detail", "blank-text", "heading", "mark")

ROW_GAP = 2  # between cards that hang side by side
PARTNER_GAP = 3  # a partner's double line
SIDE_GAP = 3  # between the sides (Mum's, Dad's) and between grandparents' blocks


@attrs.frozen
class Card:
    """One box: a person, a blank, or the child. `key` is what the highlight names."""

    key: str
    lines: tuple[str, ...]  # the name first, then what else fits
    blank: bool = False  # not known yet: a dotted border
    child: bool = False  # the child the workbook is about: a heavy border
    beside: Beside = ""


@attrs.frozen
class Sibship:
    """People of one generation on one parents' line, left to right; `cards[main]` is the
    one the line of descent runs through (the child; Mum on Mum's side)."""

    cards: tuple[Card, ...]
    main: int = 0
    parents: tuple[Sibship, ...] = ()  # each parent's own sibship, left to right
    couple: tuple[Couple, ...] = ()  # how each parent is linked to the next one
    heading: str = ""  # drawn above this block ("Mum's side")


@attrs.frozen
class CardSize:
    width: int
    lines: int  # text lines inside the border

    @property
    def height(self) -> int:
        return self.lines + 2


# From the largest to the smallest; `fit` takes the first that fits.
SIZES = (CardSize(24, 3), CardSize(20, 3), CardSize(16, 3), CardSize(15, 2), CardSize(12, 2))


@attrs.frozen
class Placed:
    card: Card
    x: int
    y: int
    width: int
    height: int
    generation: int  # 0 for the child's row, 1 for parents, -1 for the child's children


Run = tuple[str, str]  # (text, role)


@attrs.frozen
class FamilyLayout:
    width: int
    height: int
    rows: tuple[tuple[Run, ...], ...]
    placed: dict[str, Placed]
    moves: dict[str, dict[Direction, str]]
    size: CardSize

    def text(self) -> str:
        """The drawing as plain text (for tests and for reading it back)."""
        return "\n".join("".join(text for text, _ in row) for row in self.rows)


def fit(root: Sibship, children: tuple[Card, ...], width: int, height: int,
        sizes: Iterable[CardSize] = SIZES) -> FamilyLayout:
    """The largest cards with which the tree fits `width` by `height` (else the smallest)."""
    layout = None
    for size in sizes:
        layout = lay_out(root, children, size)
        if layout.width <= width and layout.height <= height:
            return layout
    for size in sizes:  # too tall at every size: the widest that fits across, then scroll
        layout = lay_out(root, children, size)
        if layout.width <= width:
            return layout
    assert layout is not None
    return layout


def lay_out(root: Sibship, children: tuple[Card, ...], size: CardSize) -> FamilyLayout:
    """Place the child's sibship at the bottom (their own children below it) and every
    generation of parents above, each block centred over the card it comes down to."""
    return _Layout(size).run(root, children)


def _depth(sibship: Sibship) -> int:
    return 1 + max((_depth(p) for p in sibship.parents), default=0)


def _has_heading(sibship: Sibship) -> bool:
    return bool(sibship.heading) or any(_has_heading(p) for p in sibship.parents)


class _Layout:
    def __init__(self, size: CardSize) -> None:
        self.size = size
        self.placed: dict[str, Placed] = {}
        self.order: list[str] = []
        self.ups: dict[str, list[str]] = {}  # card -> the parents' cards its line comes from
        self.downs: dict[str, str] = {}  # parent card -> the first card hanging below it
        self.lines: dict[tuple[int, int], set[str]] = {}  # cell -> directions ("u", "d", ...)
        self.weight: dict[tuple[int, int], str] = {}  # cell -> "dashed", "heavy", "double"
        self.text: dict[tuple[int, int], Run] = {}
        self.headings: list[tuple[int, int, int, str]] = []  # (y, x0, width, text)

    # -- measuring --------------------------------------------------------------------

    def gap(self, card: Card) -> int:
        return PARTNER_GAP if card.beside == "partner" else ROW_GAP

    def row_width(self, cards: tuple[Card, ...]) -> int:
        return sum(self.size.width for _ in cards) + sum(self.gap(c) for c in cards[1:])

    def offset(self, sibship: Sibship, index: int) -> int:
        """How far the left edge of card `index` is from the row's left edge."""
        return self.row_width(sibship.cards[:index + 1]) - self.size.width

    def measure(self, sibship: Sibship) -> int:
        above = sum(self.measure(p) for p in sibship.parents)
        above += SIDE_GAP * max(0, len(sibship.parents) - 1)
        return max(self.row_width(sibship.cards), above)

    # -- placing ----------------------------------------------------------------------

    def run(self, root: Sibship, children: tuple[Card, ...]) -> FamilyLayout:
        depth = _depth(root)
        self.top = 1 if _has_heading(root) else 0
        self.pitch = self.size.height + 1  # a card and the line row under it
        self.generations = depth
        width = self.measure(root)
        if children:
            width = max(width, self.row_width(children))
        self.place(root, 0, width, 0)
        if children:
            self.place_children(root, children, width)
        height = self.top + self.pitch * (depth + (1 if children else 0)) - 1
        return FamilyLayout(width, height, self.draw(width, height), dict(self.placed),
                            self.moves(), self.size)

    def row_y(self, generation: int) -> int:
        return self.top + (self.generations - 1 - generation) * self.pitch

    def place(self, sibship: Sibship, x: int, width: int, generation: int) -> None:
        above = sum(self.measure(p) for p in sibship.parents)
        above += SIDE_GAP * max(0, len(sibship.parents) - 1)
        px = x + (width - above) // 2
        leads: list[Placed] = []
        for parent in sibship.parents:
            parent_width = self.measure(parent)
            self.place(parent, px, parent_width, generation + 1)
            leads.append(self.placed[parent.cards[parent.main].key])
            px += parent_width + SIDE_GAP
        row = self.row_width(sibship.cards)
        if leads:
            centre = (_centre(leads[0]) + _centre(leads[-1])) // 2
            start = centre - self.size.width // 2 - self.offset(sibship, sibship.main)
        else:
            start = x + (width - row) // 2
        start = max(x, min(start, x + width - row))
        y = self.row_y(generation)
        cards = self.place_row(sibship.cards, start, y, generation)
        if sibship.heading:
            self.headings.append((self.top - 1 if self.top else y, x, width, sibship.heading))
        if leads:
            hanging = [p for p in cards if not p.card.beside]
            self.bus(leads, hanging, sibship.couple, cards[sibship.main].card.key)

    def place_row(self, cards: tuple[Card, ...], start: int, y: int,
                  generation: int) -> list[Placed]:
        placed = []
        x = start
        for index, card in enumerate(cards):
            if index:
                x += self.gap(card)
            spot = Placed(card, x, y, self.size.width, self.size.height, generation)
            self.placed[card.key] = spot
            self.order.append(card.key)
            self.box(spot)
            if card.beside == "partner":
                self.partner_line(placed[-1], spot)
            placed.append(spot)
            x += self.size.width
        return placed

    def place_children(self, root: Sibship, children: tuple[Card, ...], width: int) -> None:
        parent = self.placed[root.cards[root.main].key]
        row = self.row_width(children)
        start = max(0, min(_centre(parent) - self.size.width // 2, width - row))
        cards = self.place_row(children, start, self.row_y(-1), -1)
        self.bus([parent], [p for p in cards if not p.card.beside], (), cards[0].card.key)

    # -- drawing lines ------------------------------------------------------------------

    def join(self, x: int, y: int, directions: str, weight: str = "") -> None:
        self.lines.setdefault((x, y), set()).update(directions)
        if weight and (x, y) not in self.weight:
            self.weight[(x, y)] = weight

    def box(self, spot: Placed) -> None:
        weight = "dashed" if spot.card.blank else "heavy" if spot.card.child else ""
        x0, y0 = spot.x, spot.y
        x1, y1 = x0 + spot.width - 1, y0 + spot.height - 1
        for x in range(x0 + 1, x1):
            self.join(x, y0, "lr", weight)
            self.join(x, y1, "lr", weight)
        for y in range(y0 + 1, y1):
            self.join(x0, y, "ud", weight)
            self.join(x1, y, "ud", weight)
        for x, y, corner in ((x0, y0, "rd"), (x1, y0, "ld"), (x0, y1, "ru"), (x1, y1, "lu")):
            self.join(x, y, corner, weight)
        inner = spot.width - 2
        shown = spot.card.lines[: self.size.lines]
        for row, line in enumerate(shown):
            role = BLANK_TEXT if spot.card.blank else NAME if row == 0 else DETAIL
            text = _clip(line, inner)
            for i, char in enumerate(text.ljust(inner)):
                self.text[(x0 + 1 + i, y0 + 1 + row)] = (char, role)

    def partner_line(self, left: Placed, right: Placed) -> None:
        y = left.y + left.height // 2
        self.join(left.x + left.width - 1, y, "r")
        for x in range(left.x + left.width, right.x):
            self.join(x, y, "lr", "double")
        self.join(right.x, y, "l")

    def bus(self, leads: list[Placed], hanging: list[Placed], couple: tuple[Couple, ...],
            main: str) -> None:
        """The parents' line: down from each parent, along, and down into each card below;
        the down arrow from a parent goes to `main`."""
        y = leads[0].y + leads[0].height  # the row under the parents' cards
        tops = [_centre(p) for p in hanging]
        bottoms = [_centre(p) for p in leads]
        for x in bottoms:
            self.join(x, y - 1, "d")
            self.join(x, y, "u")
        for x in tops:
            self.join(x, y, "d")
            self.join(x, y + 1, "u")
        xs = sorted(tops + bottoms)
        for x in range(xs[0], xs[-1]):
            self.join(x, y, "r")
            self.join(x + 1, y, "l")
        for left, right, how in zip(bottoms, bottoms[1:], couple):
            self.couple_marks(left, right, y, how)
        for parent in leads:
            self.downs.setdefault(parent.card.key, main)
        for child in hanging:
            self.ups[child.card.key] = [p.card.key for p in leads]

    def couple_marks(self, left: int, right: int, y: int, how: Couple) -> None:
        if how == "partners":
            for x in range(left, right + 1):
                self.weight[(x, y)] = "double"
            return
        marks = {"separated": "/", "divorced": "//"}.get(how, "")
        # Over a plain stretch of line, as near the middle as there is one: never over a drop.
        plain = [x for x in range(left + 2, right - len(marks))
                 if all(self.lines.get((x + i, y)) == {"l", "r"} and (x + i, y) not in self.text
                        for i in range(-1, len(marks) + 1))]
        if not marks or not plain:
            return
        start = min(plain, key=lambda x: abs(x + len(marks) // 2 - (left + right) // 2))
        for i, char in enumerate(marks):
            self.text[(start + i, y)] = (char, MARK)

    # -- turning it into rows ---------------------------------------------------------------

    def draw(self, width: int, height: int) -> tuple[tuple[Run, ...], ...]:
        cells: list[list[Run]] = [[(" ", "")] * width for _ in range(height)]
        for (x, y), directions in self.lines.items():
            if 0 <= x < width and 0 <= y < height:
                weight = self.weight.get((x, y), "")
                role = BLANK_LINE if weight == "dashed" else CHILD_LINE if weight == "heavy" else LINE
                cells[y][x] = (_line_char(directions, weight), role)
        for (x, y), run in self.text.items():
            if 0 <= x < width and 0 <= y < height:
                cells[y][x] = run
        for y, x0, room, heading in self.headings:
            text = _clip(heading, room)
            start = x0 + (room - len(text)) // 2
            for i, char in enumerate(text):
                if cells[y][start + i][0] == " ":
                    cells[y][start + i] = (char, HEADING)
        return tuple(_runs(row) for row in cells)

    # -- where the arrow keys go ------------------------------------------------------------

    def moves(self) -> dict[str, dict[Direction, str]]:
        by_generation: dict[int, list[Placed]] = {}
        for key in self.order:
            spot = self.placed[key]
            by_generation.setdefault(spot.generation, []).append(spot)
        for row in by_generation.values():
            row.sort(key=lambda p: p.x)
        moves: dict[str, dict[Direction, str]] = {}
        for key in self.order:
            spot = self.placed[key]
            row = by_generation[spot.generation]
            here: dict[Direction, str] = {}
            index = row.index(spot)
            if index:
                here["left"] = row[index - 1].card.key
            if index + 1 < len(row):
                here["right"] = row[index + 1].card.key
            up = self.ups.get(key) or [p.card.key for p in by_generation.get(spot.generation + 1, [])]
            if up:
                here["up"] = _nearest(spot, [self.placed[k] for k in up])
            down = self.downs.get(key)
            if not down and by_generation.get(spot.generation - 1):
                down = _nearest(spot, by_generation[spot.generation - 1])
            if down:
                here["down"] = down
            moves[key] = here
        return moves


def _centre(spot: Placed) -> int:
    return spot.x + spot.width // 2


def _nearest(spot: Placed, others: list[Placed]) -> str:
    return min(others, key=lambda o: (abs(_centre(o) - _centre(spot)), o.x)).card.key


def _clip(text: str, room: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[: max(0, room - 1)] + "…"


def _runs(cells: list[Run]) -> tuple[Run, ...]:
    runs: list[Run] = []
    for char, role in cells:
        if runs and runs[-1][1] == role:
            runs[-1] = (runs[-1][0] + char, role)
        else:
            runs.append((char, role))
    return tuple(runs)


_LIGHT = {
    "lr": "─", "du": "│", "dr": "┌", "dl": "┐", "ru": "└", "lu": "┘", "dru": "├", "dlu": "┤",
    "dlr": "┬", "lru": "┴", "dlru": "┼", "l": "─", "r": "─", "u": "│", "d": "│",
}
_HEAVY = {"lr": "━", "du": "┃", "dr": "┏", "dl": "┓", "ru": "┗", "lu": "┛",
          "dlr": "┯", "lru": "┷", "l": "━", "r": "━"}
_DOUBLE = {"lr": "═", "l": "═", "r": "═", "dlr": "╤", "lru": "╧", "dlru": "╪",
           "ru": "╘", "lu": "╛", "dr": "╒", "dl": "╕"}
_DASHED = {"lr": "┄", "du": "┆", "l": "┄", "r": "┄", "u": "┆", "d": "┆"}


def _line_char(directions: set[str], weight: str) -> str:
    key = "".join(sorted(directions))
    table = {"heavy": _HEAVY, "double": _DOUBLE, "dashed": _DASHED}.get(weight, {})
    return table.get(key) or _LIGHT.get(key, "┼")
