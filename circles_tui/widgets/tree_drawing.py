"""The Tree of Life drawn in characters, with its parts labelled and the current one marked.

The picture is drawn to fit the space it is given: a full tree (canopy with
fruits, branches, trunk, ground, roots, drifting seeds and a storm cloud) when
there is room, a labelled list of the parts when there is not, and a single
wrapped line of labels when there is hardly any height at all.

Each label carries the part's number key, its title and how much has been said
there (a tick and a count, or an empty circle), so the picture still says
everything with colours off; the current part is shown reversed and with a
pointer. Colours come from component classes that use theme variables.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from collections.abc import Sequence
from typing import ClassVar, Literal, NamedTuple

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.style import Style
from textual.widget import Widget

from circles_tui.widgets.drawn_once import DrawnOnce
from circles_tui.widgets.tree_art import draw_tree, part_of

Region = Literal["storms", "leaves", "fruits", "branches", "trunk", "seeds", "ground", "roots"]
Mode = Literal["tree", "list", "strip"]

CURRENT_MARK = "▶"
DONE_MARK = "✓"
EMPTY_MARK = "○"
LEADER = "┈"
# Reverse video, not a colour, so the current part shows with colours off too.
CURRENT_STYLE = Style(reverse=True, bold=True)
CURRENT_LEADER = "━"

# Below these sizes the picture becomes a list, then a line of labels.
TREE_MIN_ART_WIDTH = 13
TREE_MIN_HEIGHT = 11  # a compact tree: title, cloud, canopy, trunk, ground and roots
LIST_MIN_HEIGHT = 9


class PartMark(NamedTuple):
    """What the drawing shows for one part: its key, title and how much is in it."""

    id: str
    key: str
    title: str
    count: int
    available: bool = True  # False for the storms until they are started


class TreeDrawing(DrawnOnce, Widget, can_focus=False):
    """A labelled Tree of Life; clicking a label (or its part of the tree) picks that part."""

    DEFAULT_CSS = """
    TreeDrawing {
        width: 1fr;
        height: 1fr;
        padding: 0 1 0 0;
    }
    TreeDrawing > .tree-drawing--title { text-style: bold; color: $text-primary; }
    TreeDrawing > .tree-drawing--storms { color: $text-muted; }
    TreeDrawing > .tree-drawing--storms-started { color: $primary-lighten-2; }
    TreeDrawing > .tree-drawing--rain { color: $primary-lighten-1; }
    TreeDrawing > .tree-drawing--leaves { color: $success; }
    TreeDrawing > .tree-drawing--leaves-light { color: $success-lighten-1; }
    TreeDrawing > .tree-drawing--fruits { color: $error-lighten-1; background: $success; text-style: bold; }
    TreeDrawing > .tree-drawing--branches { color: $warning-darken-1; }
    TreeDrawing > .tree-drawing--trunk { color: $warning-darken-2; }
    TreeDrawing > .tree-drawing--seeds { color: $accent; text-style: bold; }
    TreeDrawing > .tree-drawing--ground { color: $success-darken-2; }
    TreeDrawing > .tree-drawing--grass { color: $success-lighten-1; }
    TreeDrawing > .tree-drawing--roots { color: $warning-darken-3; }
    TreeDrawing > .tree-drawing--leaves-faint { color: $success 30%; }
    TreeDrawing > .tree-drawing--leaves-light-faint { color: $success-lighten-1 30%; }
    TreeDrawing > .tree-drawing--branches-faint { color: $warning-darken-1 35%; }
    TreeDrawing > .tree-drawing--trunk-faint { color: $warning-darken-2 35%; }
    TreeDrawing > .tree-drawing--seeds-faint { color: $accent 35%; }
    TreeDrawing > .tree-drawing--ground-faint { color: $success-darken-2 35%; }
    TreeDrawing > .tree-drawing--grass-faint { color: $success-lighten-1 35%; }
    TreeDrawing > .tree-drawing--roots-faint { color: $warning-darken-3 40%; }
    TreeDrawing > .tree-drawing--leader { color: $text-muted; }
    TreeDrawing > .tree-drawing--leader-current { color: $accent; text-style: bold; }
    TreeDrawing > .tree-drawing--key { color: $text-accent; text-style: bold; }
    TreeDrawing > .tree-drawing--label { color: $text; }
    TreeDrawing > .tree-drawing--done { color: $text-success; }
    TreeDrawing > .tree-drawing--empty { color: $text-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tree-drawing--title",
        "tree-drawing--storms",
        "tree-drawing--storms-started",
        "tree-drawing--rain",
        "tree-drawing--leaves",
        "tree-drawing--leaves-light",
        "tree-drawing--fruits",
        "tree-drawing--branches",
        "tree-drawing--trunk",
        "tree-drawing--seeds",
        "tree-drawing--ground",
        "tree-drawing--grass",
        "tree-drawing--roots",
        *(
            f"tree-drawing--{region}-faint"
            for region in (
                "leaves", "leaves-light", "branches", "trunk", "seeds", "ground", "grass", "roots"
            )
        ),
        "tree-drawing--leader",
        "tree-drawing--leader-current",
        "tree-drawing--key",
        "tree-drawing--label",
        "tree-drawing--done",
        "tree-drawing--empty",
    }

    class PartClicked(Message):
        """The user clicked a part's label or its place in the picture."""

        def __init__(self, part: str) -> None:
            super().__init__()
            self.part = part

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.title_text = ""
        self.marks: tuple[PartMark, ...] = ()
        self.current = ""
        # Where each part was drawn last time: (y, x0, x1, part id), for clicks.
        self._hits: list[tuple[int, int, int, str]] = []
        self._styles_now: dict[str, Style] = {}
        self.art_max_width = 40  # beside the step's detail; the picture view allows more

    def show(self, marks: Sequence[PartMark], current: str, title: str = "") -> None:
        """Draw these parts (in key order, the storms last) with `current` marked."""
        marks = tuple(marks)
        if (marks, current, title) == (self.marks, self.current, self.title_text):
            return
        self.marks = marks
        self.current = current
        self.title_text = title
        # Only a drawing sized by its labels (height: auto) needs a new layout.
        self.refresh(layout=self.styles.height is not None and self.styles.height.is_auto)

    def drawing_key(self) -> tuple:
        return (self.marks, self.current, self.title_text, self.art_max_width)

    # -- sizing ------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return choose_mode(self.content_size.width, self.content_size.height, self._label_width())

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._label_width() + 20

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """When asked (height: auto), the drawing is a line or two of labels."""
        return len(self._strip_lines(width))

    # -- drawing -----------------------------------------------------------------------

    def render(self) -> Content:
        width, height = self.content_size.width, self.content_size.height
        self._hits = []
        self._styles_now = {}  # component styles, looked up once per render (themes change)
        if not self.marks or width <= 0 or height <= 0:
            return Content("")
        mode = self.mode
        if mode == "tree":
            lines = self._tree_lines(width, height)
        elif mode == "list":
            lines = self._list_lines(width)
        else:
            lines = self._strip_lines(width)
        return Content("\n").join(lines[:height])

    def _style(self, name: str) -> Style:
        style = self._styles_now.get(name)
        if style is None:
            style = self._styles_now[name] = self.get_visual_style(
                f"tree-drawing--{name}"
            )
        return style

    def _tree_parts(self) -> list[PartMark]:
        return [m for m in self.marks if m.id != "storms"]

    def _storms(self) -> PartMark | None:
        return next((m for m in self.marks if m.id == "storms"), None)

    def _label_width(self) -> int:
        titles = [len(m.title) for m in self._tree_parts()] or [8]
        return 2 + len(max((m.key for m in self.marks), key=len, default="1")) + 1 + max(titles) + 4

    def _label(self, mark: PartMark, width: int | None = None) -> Content:
        """`▶ 5 Leaves ✓3`: pointer, number key, title, progress. Reversed when current."""
        current = mark.id == self.current
        if not mark.available:
            progress = Content.styled("optional", self._style("empty"))
        elif mark.count:
            progress = Content.styled(f"{DONE_MARK}{mark.count}", self._style("done"))
        else:
            progress = Content.styled(EMPTY_MARK, self._style("empty"))
        pointer = f"{CURRENT_MARK} " if current else "  "
        head = Content.assemble(
            (pointer, self._style("leader-current") if current else ""),
            (mark.key, self._style("key")),
            " ",
        )
        body = Content.assemble((mark.title, self._style("label")), " ", progress)
        if width is not None:
            room = max(1, width - head.cell_length)
            if body.cell_length > room and not mark.available:
                body = Content.assemble(
                    (mark.title, self._style("label")), " ", (EMPTY_MARK, self._style("empty"))
                )
            if body.cell_length > room:
                body = body.truncate(room, ellipsis=True)
        if current:
            body = body.stylize(CURRENT_STYLE)
        return head + body

    def _title(self, width: int) -> Content:
        return Content.styled(self.title_text, self._style("title")).truncate(width, ellipsis=True)

    def _paint(self, cells: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """The tree comes to life as it fills: a part with nothing in it yet is drawn faint,
        and the fruits only ripen once there is something in them."""
        empty = {m.id for m in self.marks if m.available and not m.count and m.id != "storms"}
        painted = []
        for char, region in cells:
            part = part_of(region)
            if part == "fruits" and part in empty:
                char, region, part = "█", "leaves", "leaves"
            if part in empty:
                region = f"{region}-faint"
            painted.append((char, region))
        return painted

    def _cells(self, cells: Sequence[tuple[str, str]]) -> Content:
        # Neighbours drawn alike become one piece: every piece is work on every repaint.
        return Content.assemble(*(
            ("".join(char for char, _ in run), self._style(region) if region else "")
            for region, run in groupby(cells, key=itemgetter(1))))

    def _list_lines(self, width: int) -> list[Content]:
        lines: list[Content] = []
        if self.title_text:
            lines.append(self._title(width))
        for mark in self.marks:
            if mark.id == "storms":
                lines.append(Content(""))
            self._hits.append((len(lines), 0, width, mark.id))
            lines.append(self._label(mark, width))
        return lines

    def _strip_lines(self, width: int) -> list[Content]:
        width = max(width, 1)
        lines: list[Content] = []
        line = Content("")
        hits: list[tuple[int, int, int, str]] = []
        for mark in self.marks:
            label = self._label(mark, width)
            gap = 1 if line.cell_length else 0
            if line.cell_length and line.cell_length + gap + label.cell_length > width:
                lines.append(line)
                line, gap = Content(""), 0
            start = line.cell_length + gap
            line = line + Content(" " * gap) + label
            hits.append((len(lines), start, start + label.cell_length, mark.id))
        lines.append(line)
        self._hits = hits
        return lines

    def _tree_lines(self, width: int, height: int) -> list[Content]:
        label_width = self._label_width()
        # A short tree stays narrow too, so it keeps its roots (and their label) in the space.
        art_width = min(width - label_width - 1, self.art_max_width,
                        max(TREE_MIN_ART_WIDTH, round(height * 1.5)))
        top = 1 if self.title_text else 0
        art = draw_tree(art_width, height - top, self._storms() is not None and self._storms().available)
        lines: list[Content] = []
        if self.title_text:
            lines.append(self._title(width))
        by_row = {row: part for part, row in art.anchors.items()}
        marks = {m.id: m for m in self.marks}
        for y, drawn in enumerate(art.cells):
            cells = self._paint(drawn)
            part = by_row.get(y)
            mark = marks.get(part) if part else None
            if mark is not None and part == "storms":
                # The storm cloud's label sits just after the cloud.
                used = art.right_edge(y)
                label = self._label(mark, width - used - 1)
                row = self._cells(cells[:used]) + Content(" ") + label
                self._hits.append((y + top, 0, used + 1 + label.cell_length, part))
            elif mark is not None:
                # A dotted leader runs from the part to its label, around anything drawn.
                used = art.right_edge(y, part)
                current = mark.id == self.current
                leader = (CURRENT_LEADER if current else LEADER, "leader-current" if current else "leader")
                led = [leader if x >= used and char == " " else (char, region)
                       for x, (char, region) in enumerate(cells)]
                label = self._label(mark, width - art_width - 1)
                row = self._cells(led) + Content(" ") + label
                self._hits.append((y + top, 0, art_width + 1 + label.cell_length, part))
            else:
                row = self._cells(cells)
            lines.append(row)
        for region, rows in art.region_rows.items():
            for y in rows:
                if by_row.get(y) is None:
                    self._hits.append((y + top, 0, art_width, region))
        return lines

    # -- clicks ------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for y, x0, x1, part in self._hits:
            if offset.y == y and x0 <= offset.x < x1:
                known = {m.id for m in self.marks}
                target = "fruits" if part == "fruits" else part
                if target in known:
                    self.post_message(self.PartClicked(target))
                return


def choose_mode(width: int, height: int, label_width: int) -> Mode:
    """The richest picture that fits: a tree, a list of labels, or a line of labels."""
    if width - label_width - 1 >= TREE_MIN_ART_WIDTH and height >= TREE_MIN_HEIGHT:
        return "tree"
    if height >= LIST_MIN_HEIGHT:
        return "list"
    return "strip"
