"""The pieces of the ecomap drawing: how each quality of link is drawn, the arrows for the
flow of support, and the centre (the child, or the household) drawn plain, as an island, a
planet or a team's pitch.

Line styles differ by their characters, never only by colour: double for strong, single
for ordinary, dotted for tenuous, a hatched line for stressful. A link with two qualities
alternates between them. Nothing here knows about Textual; names are literal text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from rich.cells import cell_len

from circles_tui.widgets.rings_grid import clean_name, shorten

# What a cell of the ecomap shows; the widget maps each to a style.
SPACE, ART, CENTRE, LINE, LINE_HIGHLIGHT, ARROW, NAME, HIGHLIGHT = (
    "space", "art", "centre", "line", "line-highlight", "arrow", "name", "highlight")
KEY_TITLE, KEY_SAMPLE, KEY_TEXT, MORE, STAR, CAPTION = (
    "key-title", "key-sample", "key-text", "more", "star", "caption")

QUALITIES = ("strong", "ordinary", "tenuous", "stressful")
FLOWS = ("", "to-centre", "from-centre", "both")
KINDS = ("person", "group", "service", "place")
CENTRES = ("plain", "island", "planet", "pitch")

# The sides of a cell a line joins: left, right, up (top), down (bottom).
L, R, U, D = "l", "r", "u", "d"


@attrs.frozen
class Glyphs:
    """The characters of one line style: straight across, straight up, and the corners
    (keyed by the two sides they join)."""

    across: str
    up: str
    corners: dict[frozenset[str], str]
    hatch_across: str = ""  # every other straight cell, for the hatched (stressful) line
    hatch_up: str = ""

    def cell(self, sides: frozenset[str], straight_index: int) -> str:
        if sides == {L, R}:
            return self.hatch_across if self.hatch_across and straight_index % 2 else self.across
        if sides == {U, D}:
            return self.hatch_up if self.hatch_up and straight_index % 2 else self.up
        return self.corners[sides]


def _corners(lb: str, lt: str, rb: str, rt: str) -> dict[frozenset[str], str]:
    return {frozenset({L, D}): lb, frozenset({L, U}): lt,
            frozenset({R, D}): rb, frozenset({R, U}): rt}


GLYPHS: dict[str, Glyphs] = {
    "strong": Glyphs("═", "║", _corners("╗", "╝", "╔", "╚")),
    "ordinary": Glyphs("─", "│", _corners("┐", "┘", "┌", "└")),
    "tenuous": Glyphs("┈", "┊", _corners("╮", "╯", "╭", "╰")),
    "stressful": Glyphs("─", "│", _corners("┐", "┘", "┌", "└"), "╫", "╪"),
}
# A short sample of each style, for the key.
SAMPLES = {"strong": "══", "ordinary": "──", "tenuous": "┈┈", "stressful": "─╫"}
# How many cells of a line each quality keeps before the other one takes over.
ALTERNATE_EVERY = 3

# Arrowheads, by the way they point.
ARROWS = {L: "◀", R: "▶", U: "▲", D: "▼"}
FLOW_SAMPLE = "◀▶"
OPPOSITE = {L: R, R: L, U: D, D: U}

# A mark before a name that is not a person, so the kind shows with colours off.
KIND_MARKS = {"person": "", "group": "◇", "service": "□", "place": "⌂"}


def glyph_for(qualities: Sequence[str], index: int) -> Glyphs:
    """The style of the `index`th cell of a line with these qualities (alternating)."""
    known = [q for q in qualities if q in GLYPHS] or ["ordinary"]
    return GLYPHS[known[(index // ALTERNATE_EVERY) % len(known)]]


def label_text(name: str, kind: str, width: int) -> str:
    """A linked entry's label: its kind's mark and its name, at most `width` cells."""
    mark = KIND_MARKS.get(kind, "")
    prefix = f"{mark} " if mark else ""
    return prefix + shorten(clean_name(name), max(1, width - cell_len(prefix)))


# -- the centre --------------------------------------------------------------------------


@attrs.frozen
class Tie:
    """A link between two people of the household, drawn inside the centre."""

    id: str
    a: str  # a household member's id
    b: str
    qualities: tuple[str, ...]


@attrs.frozen
class HubArt:
    """The centre, worked out: cells relative to its top-left corner, its size, where each
    household member's name sits and the ties drawn (by id)."""

    width: int
    height: int
    cells: tuple[tuple[int, int, str, str], ...]  # (x, y, text, kind)
    members: dict[str, tuple[int, int, int]]  # member id -> (x, y, width)
    ties: tuple[str, ...]


NAME_GAP = 2  # cells between household members' names


def hub_art(style: str, members: Sequence[tuple[str, str]], ties: Sequence[Tie],
            max_width: int, max_tie_rows: int, highlight: str | None = None) -> HubArt:
    """The centre: the members' names on one line (shortened to fit `max_width`), the ties
    between them on the lines below, and the frame of `style` around them."""
    inner_max = max(4, max_width - 4)
    names = [clean_name(name) for _, name in members] or ["?"]
    budget = inner_max - NAME_GAP * (len(names) - 1) - 2 * len(names)
    each = max(3, budget // max(1, len(names)))
    texts = [f" {shorten(name, each)} " for name in names]
    inner = max(7, sum(cell_len(t) for t in texts) + NAME_GAP * (len(texts) - 1))
    cells: list[tuple[int, int, str, str]] = []
    placed: dict[str, tuple[int, int, int]] = {}
    # Names centred on the first inner line (row 1 of the art), 2 cells in from the frame.
    x = 2 + (inner - sum(cell_len(t) for t in texts) - NAME_GAP * (len(texts) - 1)) // 2
    for (member_id, _), text in zip(members, texts):
        placed[member_id] = (x, 1, cell_len(text))
        cells.append((x, 1, text, CENTRE))
        x += cell_len(text) + NAME_GAP
    middles = {m: px + w // 2 for m, (px, _, w) in placed.items()}
    drawn_ties = [t for t in ties if t.a in middles and t.b in middles and t.a != t.b]
    drawn_ties.sort(key=lambda t: t.id != highlight)  # the highlighted tie always shows
    drawn_ties = drawn_ties[:max(0, max_tie_rows)]
    for row, tie in enumerate(drawn_ties, start=2):
        left, right = sorted((middles[tie.a], middles[tie.b]))
        kind = LINE_HIGHLIGHT if tie.id == highlight else LINE
        for index, cx in enumerate(range(left, right + 1)):
            glyphs = glyph_for(tie.qualities, index)
            if cx == left:
                text = glyphs.corners[frozenset({R, U})]
            elif cx == right:
                text = glyphs.corners[frozenset({L, U})]
            else:
                text = glyphs.cell(frozenset({L, R}), index)
            cells.append((cx, row, text, kind))
    height = 3 + len(drawn_ties)
    width = inner + 4
    cells.extend(_frame(style, width, height))
    return HubArt(width, height, tuple(cells), placed, tuple(t.id for t in drawn_ties))


def _frame(style: str, width: int, height: int) -> list[tuple[int, int, str, str]]:
    """The frame of the centre: its top and bottom lines and its sides."""
    span = width - 2
    bottom = height - 1
    if style == "island":
        shore = "~" * span
        palm = span // 2
        top = "." + shore[:palm] + "ψ" + shore[palm + 1:] + "."
        sides = [("(", ")")] * (height - 2)
        cells = [(0, 0, top, ART), (0, bottom, "`" + shore + "'", ART)]
    elif style == "planet":
        sides = [("(", ")")] * (height - 2)
        cells = [(0, 0, "╭" + "─" * span + "╮", ART), (0, bottom, "╰" + "─" * span + "╯", ART)]
    elif style == "pitch":
        half = span // 2
        top = "┌" + "─" * half + "┬" + "─" * (span - half - 1) + "┐"
        low = "└" + "─" * half + "┴" + "─" * (span - half - 1) + "┘"
        sides = [("]", "[")] + [("│", "│")] * (height - 3)  # the goals on the names' line
        cells = [(0, 0, top, ART), (0, bottom, low, ART)]
    else:
        sides = [("│", "│")] * (height - 2)
        cells = [(0, 0, "╭" + "─" * span + "╮", ART), (0, bottom, "╰" + "─" * span + "╯", ART)]
    for row, (left, right) in enumerate(sides, start=1):
        cells += [(0, row, left, ART), (width - 1, row, right, ART)]
    return cells


# -- the key ---------------------------------------------------------------------------


def key_items(quality_names: dict[str, str], flow_name: str,
              kind_names: dict[str, str], kinds_shown: Sequence[str]) -> list[tuple[str, str]]:
    """(sample, words) for the key: every line style, the flow arrows, and a mark for each
    kind of entry drawn that is not a person."""
    items = [(SAMPLES[q], quality_names.get(q, q)) for q in QUALITIES]
    items.append((FLOW_SAMPLE, flow_name))
    for kind in KINDS:
        if KIND_MARKS[kind] and kind in kinds_shown:
            items.append((KIND_MARKS[kind], kind_names.get(kind, kind)))
    return items


def key_lines(items: Sequence[tuple[str, str]], width: int,
              title: str = "") -> list[list[tuple[str, str]]]:
    """The key wrapped to `width`, after its `title`: each line a list of (text, kind)."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    if title:
        title = shorten(clean_name(title), max(1, width // 4)) + ":"
        lines[-1].append((title, KEY_TITLE))
        used = cell_len(title)
    for sample, words in items:
        words = shorten(clean_name(words), max(1, width - cell_len(sample) - 1))
        w = cell_len(sample) + 1 + cell_len(words)
        gap = 2 if lines[-1] else 0
        if lines[-1] and used + gap + w > width:
            lines.append([])
            used, gap = 0, 0
        if gap:
            lines[-1].append(("  ", KEY_TEXT))
        lines[-1] += [(sample, KEY_SAMPLE), (" " + words, KEY_TEXT)]
        used += gap + w
    return [line for line in lines if line]
