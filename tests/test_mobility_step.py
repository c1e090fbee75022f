"""The mobility map step: the path, every key (pressed as bursts), child view, the picture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from circles_tui.app import CirclesApp
from circles_tui.core.edits.circles import placement_of
from circles_tui.core.mobility import Stay
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.wording import bundled
from circles_tui.screens.picture import PictureScreen
from circles_tui.screens.workspace import WorkspaceScreen
from circles_tui.steps.mobility_map import MobilityMapStep
from circles_tui.widgets.mobility_picture import MobilityPicture
from tests.bursts import Typed, burst, settle
from tests.harness import StepHarness

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MOBILITY = bundled().step_order.index("mobility-map")


def workbook() -> Workbook:
    people = (Person("mum", "Mum"), Person("nan", "Nan", "Mum's mum"),
              Person("sal", "Sal", "neighbour"), Person("bold", "[b]x[/b]"))
    stays = (Stay("flat", "Mum's flat", "lived", "age 3", "age 7", ("mum",),
                  practitioner_note="Referral 2016"),
             Stay("nan-s", "Nan's house", "stayed", "2015", people=("nan", "sal", "bold"),
                  note="Sunday dinners"))
    return Workbook(About("Jay"), people, mobility=stays)


def harness(book: Workbook | None = None) -> StepHarness:
    return StepHarness(MobilityMapStep(bundled()), book or workbook())


def shown(app: StepHarness) -> str:
    stays = app.query_one("#stays", OptionList)
    return "\n".join(str(stays.get_option_at_index(i).prompt) for i in range(stays.option_count))


def detail(app: StepHarness) -> str:
    return str(app.query_one("#stay-detail", Static).render())


async def test_the_path_shows_each_place_with_its_marker_kind_and_people():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = shown(app)
        assert "■  1  Mum's flat" in text and "Lived · age 3-7" in text and "with Mum" in text
        assert "◆  2  Nan's house" in text and "with Nan, Sal, [b]x[/b]" in text
        assert "Referral 2016" in detail(app)


async def test_a_adds_a_place_in_one_burst():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "a", Typed("Nan's flat in Luton"), "enter", Typed("2015"), "enter",
              Typed("2017"), "enter", Typed("My own room"), "enter", Typed("Moved"), "enter",
              "down", "enter")
        await settle(pilot)
        stay = app.session.workbook.mobility[-1]
        assert (stay.place, stay.kind, stay.when, stay.note, stay.practitioner_note) == (
            "Nan's flat in Luton", "stayed", "2015-2017", "My own room", "Moved")
        assert app.query_one("#stays", OptionList).highlighted == 2


async def test_e_edits_and_escape_changes_nothing():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "e", "ctrl+s", "down", "down", "enter")
        await settle(pilot)
        assert app.session.workbook.mobility[0].kind == "school"
        assert app.session.workbook.mobility[0].people == ("mum",)
        burst(app, "e", "escape")
        await settle(pilot)
        assert app.labels == ["Changed Mum's flat"]


async def test_x_removes_and_ctrl_z_brings_it_back():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "down", "x")
        await settle(pilot)
        assert [s.id for s in app.session.workbook.mobility] == ["flat"]
        burst(app, "ctrl+z")
        await settle(pilot)
        assert [s.id for s in app.session.workbook.mobility] == ["flat", "nan-s"]


async def test_minus_and_plus_move_a_place_earlier_and_later():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "down", "minus")
        await settle(pilot)
        assert [s.id for s in app.session.workbook.mobility] == ["nan-s", "flat"]
        assert app.query_one("#stays", OptionList).highlighted_option.id == "nan-s"
        burst(app, ">")
        await settle(pilot)
        assert [s.id for s in app.session.workbook.mobility] == ["flat", "nan-s"]
        burst(app, "<", "plus")
        await settle(pilot)
        assert [s.id for s in app.session.workbook.mobility] == ["flat", "nan-s"]


async def test_l_links_someone_known_or_new_and_u_unlinks():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "l", Typed("Nan"), "enter", "l", Typed("Mrs Begum"), "enter",
              Typed("neighbour"), "enter")
        await settle(pilot)
        book = app.session.workbook
        assert book.mobility[0].people == ("mum", "nan", "mrs-begum")
        assert book.person("mrs-begum").relationship == "neighbour"
        burst(app, "u", "down", "enter")
        await settle(pilot)
        assert app.session.workbook.mobility[0].people == ("mum", "mrs-begum")


async def test_c_puts_the_chosen_person_in_who_could_we_ask():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "down", "c", "down", "enter", "enter")  # Sal; yes, lost touch
        await settle(pilot)
        placed = placement_of(app.session.workbook, "who-could-help", "sal")
        assert placed is not None and placed.ring == 3
        burst(app, "up", "c", "down", "enter")  # Mum is the only one: no, still in touch
        await settle(pilot)
        assert placement_of(app.session.workbook, "who-could-help", "mum").ring == 2
        assert "Mum is now in Who could we ask?." in app.notices[-1]


async def test_keys_that_need_a_place_do_nothing_on_an_empty_map():
    app = harness(Workbook(About("Jay")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "e", "x", "minus", "l", "c", "u")
        await settle(pilot)
        assert app.session.workbook.mobility == () and app.labels == []
        assert "No places yet" in detail(app)


async def test_q_asks_the_next_question():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        question = app.query_one("#mobility-question", Static)
        assert bundled().mobility.questions[0] in str(question.render())
        burst(app, "q")
        await settle(pilot)
        assert bundled().mobility.questions[1] in str(question.render())


async def test_child_view_uses_the_childs_words_and_hides_the_practitioners():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "f2")
        await settle(pilot)
        assert "I lived here · age 3-7" in shown(app)
        assert "Referral 2016" not in detail(app)
        assert bundled().mobility.child_prompt in str(app.query_one("#mobility-prompt").render())
        assert not app.query_one("#mobility-guidance").display


@pytest.fixture
def kai(tmp_path) -> Path:
    path = tmp_path / "kai-complete.toml"
    shutil.copyfile(EXAMPLES / "kai-complete.toml", path)
    return path


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_f5_draws_the_whole_map_large_and_escape_goes_back(kai, size):
    app = CirclesApp(path=kai)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen.show_step(MOBILITY)
        await settle(pilot)
        stays = screen.query_one("#stays", OptionList)
        assert stays.region.height >= 6 and stays.region.right <= size[0]
        burst(app, "f5")
        await settle(pilot)
        assert isinstance(app.screen, PictureScreen)
        picture = app.screen.query_one(MobilityPicture)
        assert picture.size.width >= size[0] - 6
        text = str(picture.render())
        assert "Key:" in text and "■" in text and "Clarendon" in text and "9" in text
        burst(app, "escape")
        await settle(pilot)
        assert app.screen is screen
