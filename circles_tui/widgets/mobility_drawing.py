"""The mobility map drawn in characters: the places as a path, oldest first.

Pure layout: `stay_lines` and `path_lines` turn `StayMark`s into lines of (text, style
name) pieces that fit a width; the step and the picture view turn them into Content.
Each place carries its kind's marker and the kind's name in words, so the map still
says everything with colours off. Nothing here reads a workbook, so it is tested alone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from textual.content import Content

# Each kind of place has its own shape (never colour alone); the wording names it too.
KIND_MARKERS: dict[str, str] = {"lived": "■", "stayed": "◆", "school": "▲", "visited": "●"}
PATH = "│"
TURN = "▼"

Piece = tuple[str, str]  # (text, style name: "" plain, "place", "kind", "people", "when", "dim")
Line = list[Piece]


class StayMark(NamedTuple):
    """What the drawing shows for one place."""

    kind: str  # a STAY_KINDS id, for the marker
    kind_name: str  # the kind in the words of whoever is looking
    place: str
    when: str
    people: tuple[str, ...]  # names, as the child calls them


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 8), break_long_words=True) or [""]


def stay_lines(mark: StayMark, number: int, width: int, last: bool = False) -> list[Line]:
    """One place as a node on the path: its marker, number, place, kind, time and people.

    The path line runs down the left edge past the people and on to the next place,
    unless this is the `last` place."""
    marker = KIND_MARKERS.get(mark.kind, "?")
    head = f"{marker} {number:>2}  "
    indent = " " * len(head)
    rest = width - len(head)
    lines: list[Line] = []
    for n, text in enumerate(_wrapped(mark.place, rest)):
        lines.append([(head if n == 0 else PATH + indent[1:], "kind" if n == 0 else "dim"),
                      (text, "place")])
    facts = mark.kind_name + (f" · {mark.when}" if mark.when else "")
    for text in _wrapped(facts, rest):
        lines.append([(PATH + indent[1:], "dim"), (text, "kind")])
    if mark.people:
        for text in _wrapped("with " + ", ".join(mark.people), rest):
            lines.append([(PATH + indent[1:], "dim"), (text, "people")])
    if not last:
        lines.append([(TURN, "dim")])
    return lines


def path_lines(marks: Sequence[StayMark], width: int, title: str = "") -> list[Line]:
    """Every place on one path, oldest first, a blank step between places (the picture)."""
    lines: list[Line] = [[(title, "title")], []] if title else []
    for number, mark in enumerate(marks, start=1):
        lines += stay_lines(mark, number, width, last=number == len(marks))
    return lines


def key_line(kind_names: dict[str, str]) -> Line:
    """The key: each kind's marker and name ("■ Lived  ◆ Stayed ...")."""
    pieces: Line = [("Key: ", "dim")]
    for kind, name in kind_names.items():
        pieces += [(f"{KIND_MARKERS.get(kind, '?')} ", "kind"), (f"{name}   ", "")]
    return pieces


STYLES = {"place": "bold", "kind": "$text-accent", "people": "$text-success",
          "when": "", "dim": "$text-muted", "title": "bold $text-primary", "": ""}


def as_content(lines: Sequence[Line]) -> Content:
    """The lines as one Content, text kept literal (never parsed as markup)."""
    out: list[Content] = []
    for line in lines:
        out.append(Content.assemble(*((text, STYLES[style]) if STYLES[style] else text
                                      for text, style in line)))
    return Content("\n").join(out)


def in_columns(marks: Sequence[StayMark], width: int, height: int, most: int = 3) -> list[Line]:
    """The path in side-by-side columns (at most `most`), places shared out evenly and
    read top to bottom then left to right: as many columns as the width gives room for
    (about 40 characters each), more if the story is too tall for `height`."""
    gap = 3
    wanted = max(1, min(most, len(marks), width // 40))
    for count in range(wanted, most + 1):
        column_width = (width - gap * (count - 1)) // count
        each = -(-len(marks) // count)  # places per column, rounded up
        columns: list[list[Line]] = []
        for first in range(0, len(marks), each):
            column: list[Line] = []
            for number in range(first + 1, min(first + each, len(marks)) + 1):
                column += stay_lines(marks[number - 1], number, column_width,
                                     last=number == len(marks))
            columns.append(column)
        if max((len(c) for c in columns), default=0) <= height or count == most:
            return _side_by_side(columns, column_width, gap)
    return path_lines(marks, width)


def _side_by_side(columns: list[list[Line]], width: int, gap: int) -> list[Line]:
    rows = max((len(c) for c in columns), default=0)
    out: list[Line] = []
    for row in range(rows):
        line: Line = []
        for index, column in enumerate(columns):
            pieces = column[row] if row < len(column) else []
            used = sum(len(text) for text, _ in pieces)
            line += pieces
            if index < len(columns) - 1:
                line.append((" " * (width - used + gap), ""))
        out.append(line)
    return out
