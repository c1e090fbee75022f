"""The mobility map as SVG: the places as a path over time, with their people and a key.

One `<svg>` element that works inside the HTML page and as a file of its own. The path
snakes left to right, then right to left, oldest place first; each place has its kind's
own shape (never colour alone), its number, its name, its years and its people, and the
key beneath names every shape. Text from the workbook goes through `svg.esc`.
"""

from __future__ import annotations

import textwrap

from circles_tui.core.mobility import STAY_KINDS, Stay
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.svg import INK, _open, _text, short

WIDTH = 760
COLUMNS = 3
ROW = 178  # the height of one row of places
TOP = 70
MARGIN = 130  # the centre of the first column from the left edge
SHAPE = 18  # half the size of a place's marker
TURN = 112  # how far outside a row's end place the path turns
PATH_INK = "#7a6a58"
FILL = {"lived": "#f6d7a7", "stayed": "#cfe3f6", "school": "#d7ecd0", "visited": "#ead7ef"}


def shape(kind: str, x: float, y: float, size: float = SHAPE) -> str:
    """A place's marker: a square (lived), a diamond (stayed), a triangle (school) or a
    circle (visited), filled with its tint and outlined in ink."""
    fill, line = FILL.get(kind, "#e4e4e4"), f'stroke="{INK}" stroke-width="1.5"'
    if kind == "lived":
        return (f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" '
                f'height="{2 * size:.1f}" fill="{fill}" {line}/>')
    if kind == "stayed":
        points = f"{x},{y - size * 1.25} {x + size * 1.25},{y} {x},{y + size * 1.25} {x - size * 1.25},{y}"
    elif kind == "school":
        points = f"{x},{y - size * 1.2} {x + size * 1.2},{y + size} {x - size * 1.2},{y + size}"
    else:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" fill="{fill}" {line}/>'
    return f'<polygon points="{points}" fill="{fill}" {line}/>'


def _centre(index: int) -> tuple[float, float]:
    row, column = divmod(index, COLUMNS)
    if row % 2:
        column = COLUMNS - 1 - column  # the path turns back on every other row
    step = (WIDTH - 2 * MARGIN) / (COLUMNS - 1)
    return MARGIN + column * step, TOP + 40 + row * ROW


def _path(centres: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The path through the places; where it turns to the next row it goes round the
    outside of the place at the end of the row, clear of that place's words."""
    out = [centres[0]]
    for (x, y), (next_x, next_y) in zip(centres, centres[1:]):
        if next_y != y:
            side = TURN if x > WIDTH / 2 else -TURN
            out += [(x + side, y), (x + side, next_y)]
        out.append((next_x, next_y))
    return out


def mobility_svg(workbook: Workbook, content: Wording, child: bool = False) -> str:
    """The whole map: title, path, places with their people, and the key."""
    words = content.mobility
    stays = workbook.mobility
    rows = max(1, -(-len(stays) // COLUMNS))
    height = TOP + rows * ROW + 70
    title = f"{words.child_title if child else words.title}: {workbook.about.child}"
    out = [_open(WIDTH, height, title), f'<rect width="{WIDTH}" height="{height}" fill="#fffdf8"/>',
           _text(WIDTH / 2, 34, title, 18, weight="bold", halo=None)]
    if not stays:
        out.append(_text(WIDTH / 2, TOP + 60, "No places on the map yet.", 14, halo=None))
    centres = [_centre(i) for i in range(len(stays))]
    if len(centres) > 1:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in _path(centres))
        out.append(f'<polyline points="{points}" fill="none" stroke="{PATH_INK}" '
                   f'stroke-width="4" stroke-dasharray="10 6" stroke-linecap="round"/>')
    people = workbook.people_by_id()
    for number, (stay, (x, y)) in enumerate(zip(stays, centres, strict=True), start=1):
        out += _place(stay, number, x, y, words.kind(stay.kind, child),
                      [people[p].name for p in stay.people])
    out += _key(content, height - 34, child)
    out.append("</svg>")
    return "".join(out)


def _place(stay: Stay, number: int, x: float, y: float, kind_name: str,
           names: list[str]) -> list[str]:
    out = [shape(stay.kind, x, y), _text(x, y + 5, str(number), 14, weight="bold", halo=None)]
    line_y = y + SHAPE + 22
    for text in textwrap.wrap(" ".join(stay.place.split()), 26)[:2]:
        out.append(_text(x, line_y, short(text, 28), 13, weight="bold"))
        line_y += 16
    facts = kind_name + (f", {stay.when}" if stay.when else "")
    out.append(_text(x, line_y, short(facts, 32), 12))
    line_y += 16
    shown = names[:3] + ([f"and {len(names) - 3} more"] if len(names) > 3 else [])
    for name in shown:
        out.append(_text(x, line_y, short(name, 28), 12, halo="#fffdf8"))
        line_y += 14
    return out


def _key(content: Wording, y: float, child: bool) -> list[str]:
    out = [_text(24, y + 5, "Key:", 13, anchor="start", weight="bold", halo=None)]
    x = 80.0
    for kind in STAY_KINDS:
        out.append(shape(kind, x, y, 9))
        name = content.mobility.kind(kind, child)
        out.append(_text(x + 16, y + 5, name, 12, anchor="start", halo=None))
        x += 40 + 7 * len(name)
    out.append(f'<line x1="{x}" y1="{y}" x2="{x + 34}" y2="{y}" stroke="{PATH_INK}" '
               f'stroke-width="4" stroke-dasharray="10 6"/>')
    out.append(_text(x + 42, y + 5, "the way from one place to the next, oldest first", 12,
                     anchor="start", halo=None))
    return out
