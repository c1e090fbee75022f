"""The supporter circles step: columns, keys, dialogs, child view and progress."""

from __future__ import annotations

import attrs
import pytest
from textual.content import Content
from textual.widgets import Input, OptionList

from circles_tui.core.wording import bundled
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.supporter import SupporterDialog
from circles_tui.core.model import About, Person, Placement, Supporter, TreePart, Workbook
from circles_tui.steps.supporters import SupporterColumn, SupportersStep
from tests.harness import StepHarness

MARKUP_NAME = "[b]x[/b]"
ACTION_NAME = "[@click=app.quit]x[/]"


def family() -> Workbook:
    """Mia's supporters, with two people whose names look like markup."""
    people = (
        Person("nanna-jo", "Nanna Jo", "grandmother", "Leeds", contact="07700 900123",
               note="makes pancakes", practitioner_note="Has Mia at weekends"),
        Person("dad", "Dad", "father", "Poland", concern="Police call-out in March"),
        Person("ms-ahmed", "Ms Ahmed", "teacher", "Leeds"),
        Person("kai", "Kai", "friend", "Leeds"),
        Person("grandad-bill", "Grandad Bill", "grandfather", living=False),
        Person("bold", MARKUP_NAME, "cousin", "Hull"),
        Person("action", ACTION_NAME, "neighbour", ACTION_NAME),
    )
    return Workbook(
        About(child="Mia", age=9, practitioner="Sam"),
        people=people,
        circles={
            "who-matters": (Placement("nanna-jo", 1, "child"), Placement("kai", 2, "child")),
            "trusted-adults": (Placement("ms-ahmed", 1, "child"),),
        },
        supporters={
            "emotional": (
                Supporter("nanna-jo", "Listens when I'm sad", "Ring her after a bad day",
                          "Phone", practitioner_note="Ten minutes away"),
                Supporter("dad", "Video calls on Sundays"),
                Supporter("bold", "Sends jokes"),
            ),
            "practical": (Supporter("ms-ahmed", "Homework club", "Ask on Mondays"),),
            "fair-weather": (Supporter("kai", "Fun at the park"),),
            "false": (Supporter("action", "Tells my secrets"),),
        },
        tree={"leaves": TreePart(people=("nanna-jo", "grandad-bill"))},
    )


def harness(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(SupportersStep(bundled()), workbook or family())


def column(app: StepHarness, kind: str) -> SupporterColumn:
    return app.query_one(f"#kind-{kind}", SupporterColumn)


def focused_kind(app: StepHarness) -> str:
    for col in app.query(SupporterColumn):
        if app.focused is col.entries:
            return col.kind.id
    raise AssertionError(f"no column has focus ({app.focused!r})")


def highlighted(app: StepHarness, kind: str) -> str | None:
    option = column(app, kind).entries.highlighted_option
    return option.id if option else None


def notices(app: StepHarness) -> list[str]:
    return list(app.notices)


async def test_four_columns_headed_by_the_worksheet_wording():
    app = harness()
    content = bundled()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        step = app.query_one(SupportersStep)
        assert not step.has_class("-narrow")
        for kind in content.supporters:
            col = column(app, kind.id)
            assert col.display
            assert Content.from_markup(col.border_title).plain == kind.title
            words = " ".join(str(s.render()) for s in col.query(".kind-words Static"))
            assert kind.who in words
            assert kind.child_prompt in words
        guidance = column(app, "false").query_one(".kind-guidance")
        assert content.supporter("false").guidance in str(guidance.render())
        grid = app.query_one("#columns")
        assert grid.styles.grid_size_columns == 4
        # The four sit side by side: same top, increasing x.
        tops = [column(app, k).region.y for k in ("emotional", "practical", "fair-weather", "false")]
        lefts = [column(app, k).region.x for k in ("emotional", "practical", "fair-weather", "false")]
        assert len(set(tops)) == 1 and lefts == sorted(lefts)


async def test_entries_show_name_what_they_do_how_to_use_and_where_they_live():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        option = column(app, "emotional").entries.get_option("nanna-jo")
        text = option.prompt.plain
        for expected in ("Nanna Jo", "Leeds", "Listens when I'm sad", "Ring her after a bad day"):
            assert expected in text


async def test_names_that_look_like_markup_are_shown_literally():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bold = column(app, "emotional").entries.get_option("bold").prompt
        assert MARKUP_NAME in bold.plain
        action = column(app, "false").entries.get_option("action").prompt
        assert action.plain.count(ACTION_NAME) == 2  # name and where they live
        # Walking onto the entry and showing its details does not run the action.
        await pilot.press("right", "right", "right")
        await pilot.pause()
        assert focused_kind(app) == "false"
        assert ACTION_NAME in str(app.query_one("#entry-detail").render())
        assert app.is_running


async def test_left_and_right_move_between_columns_and_stop_at_the_ends():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert focused_kind(app) == "emotional"
        await pilot.press("left")
        assert focused_kind(app) == "emotional"
        await pilot.press("right")
        assert focused_kind(app) == "practical"
        await pilot.press("right", "right", "right")
        assert focused_kind(app) == "false"
        await pilot.press("left")
        assert focused_kind(app) == "fair-weather"


async def test_up_and_down_move_between_entries():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert highlighted(app, "emotional") == "nanna-jo"
        await pilot.press("down")
        assert highlighted(app, "emotional") == "dad"
        await pilot.press("down")
        assert highlighted(app, "emotional") == "bold"
        await pilot.press("up")
        assert highlighted(app, "emotional") == "dad"
        await pilot.pause()
        assert "Video calls" not in str(app.query_one("#entry-detail").render())
        assert "Dad" in str(app.query_one("#entry-detail").render())


async def test_a_adds_a_new_person_and_opens_their_details():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "a")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        app.screen.query_one("#name", Input).value = "Uncle Tom"
        await pilot.press("enter")
        app.screen.query_one("#relationship", Input).value = "uncle"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SupporterDialog)
        # How to use starts with the worksheet's suggestion for practical supporters.
        suggestion = bundled().supporter("practical").how_to_use
        assert app.screen.query_one("#how_to_use", Input).value == suggestion
        app.screen.query_one("#what_they_do", Input).value = "Lifts to football"
        await pilot.press("ctrl+s")
        await pilot.pause()
        workbook = app.session.workbook
        tom = next(p for p in workbook.people if p.name == "Uncle Tom")
        assert tom.relationship == "uncle"
        entry = workbook.supporters["practical"][-1]
        assert entry.person == tom.id
        assert entry.what_they_do == "Lifts to football"
        assert entry.how_to_use == suggestion
        assert app.labels == [
            "Added Uncle Tom to Practical supporters",
            "Edited Uncle Tom in Practical supporters",
        ]
        assert highlighted(app, "practical") == tom.id


async def test_a_with_an_existing_name_links_the_same_person():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "a")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "nanna jo"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # keep the entry, skip its details for now
        await pilot.pause()
        workbook = app.session.workbook
        assert len(workbook.people) == len(family().people)
        assert [e.person for e in workbook.supporters["practical"]] == ["ms-ahmed", "nanna-jo"]
        assert app.labels == ["Added Nanna Jo to Practical supporters"]


async def test_escape_in_the_add_dialog_changes_nothing():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", "S", "o", "escape")
        await pilot.pause()
        assert app.session.workbook == family()
        assert app.labels == []


@pytest.mark.parametrize("key", ["e", "enter"])
async def test_e_and_enter_edit_the_entry_and_where_the_person_lives(key):
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SupporterDialog)
        assert dialog.query_one("#what_they_do", Input).value == "Listens when I'm sad"
        assert dialog.query_one("#how_to_use", Input).value == "Ring her after a bad day"
        assert dialog.query_one("#practitioner_note", Input).value == "Ten minutes away"
        dialog.query_one("#reach", Input).value = "Phone or video"
        dialog.query_one("#note", Input).value = "She's the best"
        dialog.query_one("#lives", Input).value = "Bradford"
        await pilot.press("ctrl+s")
        await pilot.pause()
        workbook = app.session.workbook
        entry = workbook.supporters["emotional"][0]
        assert (entry.reach, entry.note) == ("Phone or video", "She's the best")
        assert entry.practitioner_note == "Ten minutes away"
        assert workbook.person("nanna-jo").lives == "Bradford"
        assert app.labels == ["Edited Nanna Jo in Emotional supporters"]
        assert "Bradford" in column(app, "emotional").entries.get_option("nanna-jo").prompt.plain


async def test_cancelling_an_edit_changes_nothing():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", "a", "b", "escape")
        await pilot.pause()
        assert app.session.workbook == family()


@pytest.mark.parametrize("key", ["x", "delete"])
async def test_x_and_delete_remove_the_entry_with_an_undo_hint(key):
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", key)
        await pilot.pause()
        workbook = app.session.workbook
        assert [e.person for e in workbook.supporters["emotional"]] == ["nanna-jo", "bold"]
        assert "dad" in workbook.people_by_id()  # still in the people list
        assert app.labels == ["Removed Dad from Emotional supporters"]
        assert any("ctrl+z" in n and "Dad" in n for n in notices(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.workbook == family()
        assert column(app, "emotional").entries.option_count == 3


async def test_w_says_where_else_the_person_appears():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert notices(app)[-1] == "Nanna Jo also appears in: Who matters, Leaves."
        await pilot.press("down", "w")
        await pilot.pause()
        assert notices(app)[-1] == "Dad is not anywhere else yet."


async def test_keys_that_need_an_entry_do_nothing_in_an_empty_column():
    workbook = attrs.evolve(family(), supporters={})
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", "x", "w", "enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert app.labels == []
        assert column(app, "emotional").query_one(".kind-empty").display


async def test_child_view_hides_the_false_column_and_practitioner_notes():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right")
        assert focused_kind(app) == "false"
        await pilot.press("f2")
        await pilot.pause()
        assert not column(app, "false").display
        assert focused_kind(app) != "false"
        assert app.query_one("#columns").styles.grid_size_columns == 3
        await pilot.press("right", "right", "right")
        assert focused_kind(app) == "fair-weather"
        await pilot.press("left", "left")
        assert focused_kind(app) == "emotional"
        assert "Ten minutes away" not in str(app.query_one("#entry-detail").render())
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert not app.screen.query("#practitioner_note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The hidden note survives an edit made in child view.
        assert app.session.workbook.supporters["emotional"][0].practitioner_note == "Ten minutes away"
        await pilot.press("f2")
        await pilot.pause()
        assert column(app, "false").display
        assert "Ten minutes away" in str(app.query_one("#entry-detail").render())


async def test_child_view_shows_false_supporters_when_the_young_person_agreed():
    shared = family()
    shared = attrs.evolve(shared, about=attrs.evolve(shared.about, share_false_supporters=True))
    app = harness(shared)
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(SupportersStep).child_view = True
        await pilot.pause()
        col = column(app, "false")
        assert col.display
        assert not col.query_one(".kind-guidance").display  # practitioner guidance stays hidden


async def test_where_else_leaves_out_false_supporters_in_child_view():
    workbook = family()
    workbook = attrs.evolve(workbook, supporters={
        **workbook.supporters,
        "false": (Supporter("kai", "Says mean things"),),
    })
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "right", "w")
        await pilot.pause()
        assert "False supporters" in notices(app)[-1]
        await pilot.press("f2", "w")
        await pilot.pause()
        assert notices(app)[-1] == "Kai also appears in: Who matters."


async def test_narrow_layout_is_two_by_two_with_the_wording_above():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        step = app.query_one(SupportersStep)
        assert step.has_class("-narrow")
        grid = app.query_one("#columns")
        assert grid.styles.grid_size_columns == 2
        help_text = str(app.query_one("#kind-help").render())
        assert bundled().supporter("emotional").child_prompt in help_text
        await pilot.press("right")
        await pilot.pause()
        help_text = str(app.query_one("#kind-help").render())
        assert bundled().supporter("practical").child_prompt in help_text
        # Every column is on screen.
        for kind in ("emotional", "practical", "fair-weather", "false"):
            region = column(app, kind).region
            assert region.height >= 5 and region.right <= 80 and region.bottom <= 24


def test_progress():
    step = SupportersStep(bundled())
    workbook = family()
    assert step.progress(workbook) == "done"
    assert step.progress(attrs.evolve(workbook, supporters={})) == "empty"
    only_fun = attrs.evolve(workbook, supporters={"fair-weather": workbook.supporters["fair-weather"]})
    assert step.progress(only_fun) == "started"
    no_practical = attrs.evolve(workbook, supporters={**workbook.supporters, "practical": ()})
    assert step.progress(no_practical) == "started"


async def test_options_in_unrelated_columns_keep_their_place_after_an_edit():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")
        assert highlighted(app, "emotional") == "bold"
        await pilot.press("right", "x")
        await pilot.pause()
        assert highlighted(app, "emotional") == "bold"
        assert column(app, "practical").query_one(".kind-empty").display
        assert isinstance(app.focused, OptionList)


# -- snapshots ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_complete_example(snap_compare, complete_example, size):
    assert snap_compare(StepHarness(SupportersStep(bundled()), complete_example),
                        terminal_size=size)


def test_snapshot_child_view(snap_compare, complete_example):
    async def child_view(pilot):
        await pilot.press("f2")

    assert snap_compare(StepHarness(SupportersStep(bundled()), complete_example),
                        terminal_size=(120, 40), run_before=child_view)
