"""Small screens: the folding step list (F4), the picture view (F5), 60x20 and 80x24, and the
"make the window larger" screen below the smallest usable size."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest

from circles_tui.app import CirclesApp
from circles_tui.core.wording import bundled
from circles_tui.core import file_format
from circles_tui.core.model import Placement
from circles_tui.screens.picture import PictureScreen
from circles_tui.screens.too_small import TooSmallScreen
from circles_tui.screens.workspace import StepIndicator, StepList, WorkspaceScreen
from circles_tui.widgets.footer import Footer
from circles_tui.widgets.rings import RingsDiagram
from circles_tui.widgets.tree_drawing import TreeDrawing

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# Step indexes, in the wording file's order.
WHO_MATTERS, TREE = (bundled().step_order.index(step) for step in ("who-matters", "tree"))
STEPS = bundled().step_order


@pytest.fixture
def complete(tmp_path) -> Path:
    path = tmp_path / "mia-complete.toml"
    shutil.copyfile(EXAMPLES / "mia-complete.toml", path)
    return path


async def open_at(pilot, step: int) -> WorkspaceScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WorkspaceScreen)
    screen.show_step(step)
    await pilot.pause()
    return screen


async def press(pilot, *keys: str) -> None:
    """Press `keys`, then let the app settle before looking."""
    await pilot.press(*keys)
    await pilot.pause()


def inside_screen(widget, size) -> bool:
    region = widget.region
    return (region.width > 0 and region.height > 0 and region.x >= 0 and region.y >= 0
            and region.right <= size[0] and region.bottom <= size[1])


def indicator_text(screen) -> str:
    return str(screen.query_one(StepIndicator).render())


# -- the step list, open or folded ------------------------------------------------------------


async def test_the_step_list_folds_by_itself_on_a_narrow_screen(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(pilot, WHO_MATTERS)
        assert not screen.query_one(StepList).display
        assert screen.query_one(StepIndicator).display
        assert f"Step 2 of {len(STEPS)} · Who matters ●" in indicator_text(screen)
        assert "F4" in indicator_text(screen)  # the indicator names the key that opens the list
        await press(pilot, "right_square_bracket")
        assert f"Step 3 of {len(STEPS)} · Tree of Life" in indicator_text(screen)
        # Wider than 100 columns, the list comes back by itself.
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.query_one(StepList).display
        assert not screen.query_one(StepIndicator).display


async def test_f4_opens_and_folds_the_step_list_whatever_the_width(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(pilot, WHO_MATTERS)
        await press(pilot, "f4")
        assert screen.query_one(StepList).display
        await pilot.resize_terminal(90, 24)  # a choice made with F4 holds through a resize
        await pilot.pause()
        assert screen.query_one(StepList).display
        await press(pilot, "f4")
        assert not screen.query_one(StepList).display
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_at(pilot, WHO_MATTERS)
        await press(pilot, "f4")
        assert not screen.query_one(StepList).display
        assert screen.query_one(StepIndicator).display


async def test_the_step_list_key_is_described_in_the_footer_and_help(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_at(pilot, 0)
        binding = screen.active_bindings["f4"].binding
        assert binding.description == "Step list" and binding.show
        footer = app.screen.query_one(Footer)
        assert any(what == "Step list" for _, _, what, _ in footer.keys_shown()[0])
        assert " f4 Step list " in footer.render().plain
        await press(pilot, "f1")
        from circles_tui.dialogs.help import key_rows

        assert any(what == "Step list" for _, _, what in key_rows(screen))


async def test_g_opens_a_folded_list_for_one_choice(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(pilot, 0)
        await press(pilot, "g")
        steps = screen.query_one(StepList)
        assert steps.display and app.focused is steps
        await press(pilot, "down", "down", "enter")
        assert screen.current == 2
        assert not steps.display  # folded again once the step is chosen


# -- the picture view -------------------------------------------------------------------------


def drawn_names(picture: RingsDiagram) -> str:
    return picture.layout_now().text()


async def test_f5_shows_the_circle_full_screen_and_escape_goes_back(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(pilot, WHO_MATTERS)
        await press(pilot, "f5")
        assert isinstance(app.screen, PictureScreen)
        picture = app.screen.query_one(RingsDiagram)
        assert picture.size.width >= 70 and picture.size.height >= 18  # large, not a sliver
        text = drawn_names(picture)
        for name in ("Mum", "Nanna Jo", "Lacey", "Dad", "Auntie Shanice", "Tyler", "Auntie Pearl",
                     "Mrs Okafor", "Craig", "Grandma Sue", "Bex"):
            assert name in text  # every name, whole
        await press(pilot, "escape")
        assert app.screen is screen
        await press(pilot, "f5")
        await pilot.press("f5")  # the same key goes back too
        await pilot.pause()
        assert app.screen is screen


async def test_the_picture_follows_child_view(complete):
    # Kayleigh is a false supporter Mia has not agreed to share, but Mia put her in "Who
    # matters" herself: what the child placed stays in child view (core/audience.py), in
    # the picture as in the step.
    opened = file_format.read_workbook(complete).workbook
    circles = dict(opened.circles)
    circles["who-matters"] = (*circles["who-matters"], Placement("kayleigh", 3))
    complete.write_text(file_format.dumps(attrs.evolve(opened, circles=circles)))
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, WHO_MATTERS)
        await press(pilot, "f5")
        assert "Kayleigh" in drawn_names(app.screen.query_one(RingsDiagram))
        await press(pilot, "f2")
        await pilot.pause()
        assert isinstance(app.screen, PictureScreen)
        assert app.child_view
        assert "Kayleigh" in drawn_names(app.screen.query_one(RingsDiagram))
        assert "Mum" in drawn_names(app.screen.query_one(RingsDiagram))


async def test_f5_shows_the_tree_full_screen(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_at(pilot, TREE)
        assert screen.active_bindings["f5"].binding.description == "Picture"
        await press(pilot, "f5")
        assert isinstance(app.screen, PictureScreen)
        drawing = app.screen.query_one(TreeDrawing)
        assert drawing.mode == "tree" and drawing.size.height >= 30


async def test_no_picture_key_where_there_is_no_picture(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_at(pilot, 0)
        assert "f5" not in screen.active_bindings
        await press(pilot, "f5")
        assert app.screen is screen


# -- 80x24 and 60x20 --------------------------------------------------------------------------


async def test_at_80x24_the_rings_show_more_than_one_name_a_ring(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(pilot, WHO_MATTERS)
        layout = screen.query_one("#circle-rings", RingsDiagram).layout_now()
        assert layout.drawn
        assert len(layout.shown[0]) == 3  # the whole inner ring
        # 9 of the 11 (one a ring before the step list folded); the picture view shows all 11.
        assert sum(len(ring) for ring in layout.shown) >= 9, layout.text()


@pytest.mark.parametrize("size", [(80, 24), (60, 24)])
async def test_the_tree_is_drawn_on_a_small_screen(complete, size):
    app = CirclesApp(path=complete)
    async with app.run_test(size=size) as pilot:
        screen = await open_at(pilot, TREE)
        assert screen.query_one(TreeDrawing).mode == "tree"


async def test_at_60x20_a_circle_is_usable(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_at(pilot, WHO_MATTERS)
        assert not isinstance(app.screen, TooSmallScreen)
        listing = screen.query_one("#circle-list")
        assert inside_screen(listing, (60, 20)) and listing.region.height >= 6
        rings = screen.query_one("#circle-rings", RingsDiagram)
        assert rings.size.width >= 24 and rings.layout_now().drawn  # a picture, not a sliver
        listing.focus()
        await press(pilot, "down")
        assert screen.steps[WHO_MATTERS].selected == "nanna-jo"


# -- too small --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(40, 12), (20, 6), (59, 20), (60, 19)])
async def test_below_60x20_the_app_asks_for_a_larger_window(complete, size):
    app = CirclesApp(path=complete)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        before = app.workbook
        message = str(app.screen.query_one("#too-small-message").render())
        assert "make the window larger" in message.lower()
        assert f"{size[0]} × {size[1]}" in message and "60 × 20" in message
        await pilot.press("x", "a")  # keys pressed blind do nothing to the workbook
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.workbook is before


async def test_the_message_goes_when_the_window_grows_and_comes_back(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        workspace = app.screen
        await pilot.resize_terminal(50, 16)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert "30 × 10" in str(app.screen.query_one("#too-small-message").render())
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is workspace
