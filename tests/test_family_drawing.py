"""The family tree widget: arrow keys (in bursts) and clicks move the highlight, the
highlighted card stays in view on a small screen, and it is shown without colour."""

from __future__ import annotations

from textual.app import App, ComposeResult

from circles_tui.type_ahead import TypeAhead
from circles_tui.widgets.family_drawing import FamilyDrawing
from circles_tui.widgets.family_layout import SIZES
from tests.bursts import burst, settle
from tests.test_family_layout import family


class DrawingApp(TypeAhead, App):
    def __init__(self) -> None:
        super().__init__()
        self.moved: list[str] = []

    def compose(self) -> ComposeResult:
        yield FamilyDrawing(id="drawing")

    def on_mount(self) -> None:
        self.query_one(FamilyDrawing).show(*family(), "child")
        self.query_one(FamilyDrawing).focus()

    def on_family_drawing_highlighted(self, event: FamilyDrawing.Highlighted) -> None:
        self.moved.append(event.key)


def drawing(app: App) -> FamilyDrawing:
    return app.query_one(FamilyDrawing)


def shown(widget: FamilyDrawing) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_arrow_keys_in_a_burst_walk_the_tree():
    app = DrawingApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "up", "up", "down", "down", "right")
        await settle(pilot)
        assert app.moved[:2] == ["mum", drawing(app).layout_now.moves["mum"]["up"]]
        assert app.moved[2:] == ["mum", "child", "kai"]
        assert drawing(app).current == "kai"
        burst(app, "left", "left")  # nothing left of the child: the highlight stays
        await settle(pilot)
        assert drawing(app).current == "child" and app.moved[-1] == "child"


async def test_the_largest_cards_that_fit_and_the_picture_can_scroll():
    app = DrawingApp()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert drawing(app).layout_now.size == SIZES[0]
    app = DrawingApp()
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.pause()
        widget = drawing(app)
        assert widget.layout_now.size == SIZES[-1]
        assert widget.virtual_size.height > widget.size.height  # it scrolls both ways
        assert widget.virtual_size.width > widget.size.width
        burst(app, "down")
        await settle(pilot)
        assert widget.current == "baby"
        assert "Baby Lou" in shown(widget)  # scrolled to keep it in view
        burst(app, "up", "up", "up")
        await settle(pilot)
        assert widget.current in ("nanna", "grandad")
        assert widget.layout_now.placed[widget.current].y >= widget.scroll_y
        burst(app, "right", "right", "right")
        await settle(pilot)
        spot = widget.layout_now.placed[widget.current]
        assert widget.scroll_x <= spot.x and spot.x + spot.width <= widget.scroll_x + widget.size.width


async def test_a_click_highlights_a_card():
    app = DrawingApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        spot = drawing(app).layout_now.placed["nan"]
        indent = drawing(app).indent  # a tree narrower than the widget is centred
        await pilot.click(FamilyDrawing, offset=(indent + spot.x + 2, spot.y + 1))
        await pilot.pause()
        assert drawing(app).current == "nan" and app.moved == ["nan"]


async def test_the_highlight_shows_without_colour():
    app = DrawingApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        widget = drawing(app)
        spot = widget.layout_now.placed["child"]
        segments = list(widget.render_line(spot.y + 1))
        reversed_text = "".join(s.text for s in segments if s.style and s.style.reverse)
        assert "Sam" in reversed_text
