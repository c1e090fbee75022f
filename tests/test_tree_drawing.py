"""The Tree of Life drawing: the picture fits any size, labels every part, marks the current one."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from circles_tui.widgets.tree_drawing import (
    CURRENT_MARK,
    DONE_MARK,
    EMPTY_MARK,
    PartMark,
    TreeDrawing,
    choose_mode,
    draw_tree,
)

TITLES = ["Roots", "Ground", "Trunk", "Branches", "Leaves", "Fruits", "Seeds"]
IDS = [t.lower() for t in TITLES]
REGIONS = ("storms", "leaves", "fruits", "branches", "trunk", "seeds", "ground", "roots")


def marks(counts: dict[str, int] | None = None, storms: bool = False) -> list[PartMark]:
    counts = counts or {}
    result = [
        PartMark(part, str(n), title, counts.get(part, 0))
        for n, (part, title) in enumerate(zip(IDS, TITLES), 1)
    ]
    result.append(PartMark("storms", "8", "Storms of life", counts.get("storms", 0), storms))
    return result


class DrawingApp(App):
    def __init__(self, width: int | str, height: int | str, **show) -> None:
        super().__init__()
        self.drawing_size = (width, height)
        self.show_args = show
        self.clicked: list[str] = []

    def compose(self) -> ComposeResult:
        drawing = TreeDrawing()
        drawing.styles.width, drawing.styles.height = self.drawing_size
        yield drawing

    def on_mount(self) -> None:
        self.query_one(TreeDrawing).show(**self.show_args)

    def on_tree_drawing_part_clicked(self, event: TreeDrawing.PartClicked) -> None:
        self.clicked.append(event.part)


def text_of(widget) -> list[str]:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.rstrip() for strip in strips]


# -- the picture ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [13, 16, 20, 24, 31, 40])
@pytest.mark.parametrize("height", [14, 20, 28, 38])
@pytest.mark.parametrize("storms", [False, True])
def test_every_part_gets_its_own_row_inside_the_picture(width, height, storms):
    art = draw_tree(width, height, storms)
    assert len(art.cells) <= height
    assert all(len(row) == width for row in art.cells)
    assert set(art.anchors) == set(REGIONS)
    rows = list(art.anchors.values())
    assert len(set(rows)) == len(rows), art.anchors
    assert all(0 <= row < len(art.cells) for row in rows)
    # Each label row actually has its part drawn in it (the storm's cloud, the leaves...).
    for part, row in art.anchors.items():
        assert row in art.region_rows[part], (part, row)


def test_picture_grows_with_the_space():
    small, large = draw_tree(16, 18, False), draw_tree(36, 36, False)
    assert len(large.cells) > len(small.cells)
    count = lambda art, part: sum(
        1 for row in art.cells for _, region in row if region.startswith(part)
    )
    assert count(large, "leaves") > count(small, "leaves")
    assert count(large, "fruits") > 0


def test_storm_cloud_rains_only_when_started():
    dry = draw_tree(30, 30, False)
    wet = draw_tree(30, 30, True)
    rain = lambda art: [c for row in art.cells for c, region in row if region == "rain"]
    assert rain(dry) == []
    assert rain(wet)


@pytest.mark.parametrize(
    ("width", "height", "mode"),
    [(60, 40, "tree"), (34, 20, "tree"), (34, 11, "tree"), (34, 10, "list"), (20, 30, "list"),
     (80, 3, "strip")],
)
def test_mode_follows_the_space(width, height, mode):
    assert choose_mode(width, height, label_width=17) == mode


# -- the widget ---------------------------------------------------------------------------------


async def test_large_drawing_is_a_tree_with_every_label():
    app = DrawingApp(56, 38, marks=marks({"roots": 3, "leaves": 12}), current="leaves",
                     title="Mia's Tree of Life")
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        assert drawing.mode == "tree"
        lines = text_of(drawing)
        text = "\n".join(lines)
        assert lines[0] == "Mia's Tree of Life"
        assert "█" in text and "▓" in text  # canopy and trunk
        for n, title in enumerate(TITLES, 1):
            assert f"{n} {title}" in text
        assert f"{CURRENT_MARK} 5 Leaves {DONE_MARK}12" in text
        assert f"1 Roots {DONE_MARK}3" in text
        assert f"6 Fruits {EMPTY_MARK}" in text
        assert "8 Storms of life optional" in text
        # The labels run top to bottom as the parts do on a tree.
        order = [next(i for i, line in enumerate(lines) if f" {title} " in line + " ")
                 for title in ("Leaves", "Branches", "Trunk", "Ground", "Roots")]
        assert order == sorted(order)


async def test_current_part_is_reversed_not_only_coloured():
    app = DrawingApp(40, 24, marks=marks(), current="trunk")
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        label = drawing._label(drawing.marks[2])
        assert label.plain.startswith(f"{CURRENT_MARK} 3 Trunk")
        reversed_text = "".join(
            label.plain[span.start:span.end]
            for span in label.spans
            if getattr(span.style, "reverse", False)
        )
        assert "Trunk" in reversed_text
        other = drawing._label(drawing.marks[0])
        assert not other.plain.startswith(CURRENT_MARK)
        assert not any(getattr(span.style, "reverse", False) for span in other.spans)


async def test_empty_parts_are_faint_and_fruits_ripen_when_filled():
    app = DrawingApp(50, 36, marks=marks(), current="roots")
    async with app.run_test(size=(50, 36)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        art = draw_tree(30, 30, False)
        painted = [drawing._paint(row) for row in art.cells]
        assert all(region.endswith("-faint") for row in painted for _, region in row
                   if region not in ("", "storms"))
        assert "●" not in "".join(c for row in painted for c, _ in row)

        drawing.show(marks({"fruits": 2, "leaves": 1}), "fruits")
        painted = [drawing._paint(row) for row in art.cells]
        regions = {region for row in painted for _, region in row}
        assert {"fruits", "leaves", "trunk-faint", "roots-faint"} <= regions
        assert "●" in "".join(c for row in painted for c, _ in row)


async def test_small_space_gives_a_list_of_labels():
    app = DrawingApp(22, 12, marks=marks({"seeds": 1}), current="seeds", title="Tree")
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        assert drawing.mode == "list"
        lines = text_of(drawing)
        assert lines[0] == "Tree"
        assert [line.strip()[:2].strip() for line in lines[1:8]] == [str(n) for n in range(1, 7)] + [CURRENT_MARK]
        assert f"{CURRENT_MARK} 7 Seeds {DONE_MARK}1" in lines[7]
        assert "8 Storms of life" in "\n".join(lines)


async def test_very_short_space_gives_wrapped_labels_that_fit():
    app = DrawingApp(40, "auto", marks=marks({"roots": 1}), current="roots")
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        assert drawing.mode == "strip"
        lines = [line for line in text_of(drawing) if line]
        assert 2 <= len(lines) <= 4
        assert drawing.size.height == len(lines)
        assert all(len(line) <= 40 for line in lines)
        text = " ".join(lines)
        for n, title in enumerate(TITLES, 1):
            assert f"{n} {title}" in text


async def test_clicking_a_label_or_the_picture_reports_the_part():
    app = DrawingApp(56, 38, marks=marks(), current="roots")
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        lines = text_of(drawing)
        y = next(i for i, line in enumerate(lines) if "4 Branches" in line)
        x = lines[y].index("4 Branches")
        await pilot.click(TreeDrawing, offset=(x, y))
        # A click on the trunk itself picks the trunk.
        trunk_y = next(i for i, line in enumerate(lines) if "3 Trunk" in line)
        trunk_x = lines[trunk_y].index("▓")
        await pilot.click(TreeDrawing, offset=(trunk_x, trunk_y))
        await pilot.pause()
        assert app.clicked == ["branches", "trunk"]


async def test_title_is_shown_literally():
    title = "[b]Mia[/b] [@click=app.quit]x[/]'s Tree of Life"
    app = DrawingApp(56, 38, marks=marks(), current="roots", title=title)
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        assert text_of(app.query_one(TreeDrawing))[0] == title
