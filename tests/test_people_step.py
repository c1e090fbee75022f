"""The People step: the table, add, edit, rename, merge, delete, child view and progress."""

from __future__ import annotations

import attrs
import pytest
from textual.content import Content
from textual.widgets import Checkbox, DataTable, Input, OptionList

from circles_tui.core.wording import bundled
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.person_edit import PersonEditDialog, PickPersonDialog
from circles_tui.core.model import Person, Placement, Supporter, Workbook
from circles_tui.core.proposed_network import proposed_network
from circles_tui.core.edits.people import combine_people
from circles_tui.core.places import place_names
from circles_tui.steps.people import PeopleStep
from circles_tui.steps.summary import SummaryStep
from circles_tui.steps.supporters import SupportersStep
from tests.harness import StepHarness
from tests.test_supporters_step import ACTION_NAME, MARKUP_NAME, family


def harness(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(PeopleStep(bundled()), workbook or family())


def table(app: StepHarness) -> DataTable:
    return app.query_one("#people", DataTable)


def row_ids(app: StepHarness) -> list[str]:
    return [row.key.value for row in table(app).ordered_rows]


def cell(app: StepHarness, person_id: str, column: str) -> str:
    return table(app).get_cell(person_id, column).plain


def selected(app: StepHarness) -> str:
    t = table(app)
    return t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value


def detail(app: StepHarness) -> str:
    return str(app.query_one("#person-detail").render())


def notices(app: StepHarness) -> list[str]:
    return list(app.notices)


def title(app: StepHarness) -> str:
    """The detail box's title as shown on screen."""
    return Content.from_markup(app.query_one("#person-detail-box").border_title).plain


async def select(pilot, app: StepHarness, person_id: str) -> None:
    table(app).move_cursor(row=row_ids(app).index(person_id))
    await pilot.pause()


async def test_table_lists_everyone_with_their_places():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert row_ids(app) == [p.id for p in family().people]
        assert cell(app, "nanna-jo", "relationship") == "grandmother"
        assert cell(app, "nanna-jo", "lives") == "Leeds"
        assert cell(app, "nanna-jo", "living") == "Living"
        assert cell(app, "grandad-bill", "living") == "Passed away"
        assert cell(app, "nanna-jo", "places") == "Who matters, Emotional supporters, Leaves"
        assert cell(app, "ms-ahmed", "places") == "Who I'd go to, Practical supporters"
        assert cell(app, "dad", "name").startswith("Dad\n⚑")  # a concern: discuss first
        assert cell(app, "bold", "name") == MARKUP_NAME
        assert cell(app, "action", "lives") == ACTION_NAME
        assert "Ms Ahmed" not in detail(app)
        assert "07700 900123" in detail(app) and "Has Mia at weekends" in detail(app)
        await select(pilot, app, "bold")
        assert title(app) == MARKUP_NAME
        await select(pilot, app, "action")
        assert title(app) == ACTION_NAME
        assert app.is_running


async def test_never_met_and_nowhere_yet_are_said_in_words():
    workbook = family()
    workbook = attrs.evolve(workbook, people=workbook.people + (
        Person("great-gran", "Great-Gran Rose", "great-grandmother", known=False, living=False),
    ))
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert cell(app, "great-gran", "living") == "Passed away, never met"
        assert cell(app, "great-gran", "places") == "nowhere yet"


async def test_a_adds_a_person_with_all_their_details():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonEditDialog)
        # The contact field says, where it is typed, that it is for the invitation stage only.
        assert "invitation stage" in dialog.query_one("#contact", Input).placeholder
        dialog.query_one("#contact", Input).focus()
        await pilot.pause()
        help_line = str(dialog.query_one("#field-help").render())
        assert "invitation stage" in help_line and "consent" in help_line
        for field, value in {"name": "Aunty Bea", "relationship": "aunt", "lives": "Glasgow",
                             "contact": "0141 000", "note": "Fun", "practitioner_note": "Kind",
                             "concern": "Drinks"}.items():
            dialog.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = app.session.workbook.people[-1]
        assert person == Person("aunty-bea", "Aunty Bea", "aunt", "Glasgow", "0141 000", "Fun",
                                "Kind", True, True, "Drinks")
        assert app.labels == ["Added Aunty Bea"]
        await pilot.pause()
        assert selected(app) == "aunty-bea"


async def test_adding_needs_a_name():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonEditDialog)
        assert "name" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.labels == []


async def test_adding_a_name_already_there_suggests_merging():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Kai"
        await pilot.press("ctrl+s")  # Enter would go on to the relationship
        await pilot.pause()
        assert [p.id for p in app.session.workbook.people][-1] == "kai-2"
        assert "press m to merge" in notices(app)[-1]


@pytest.mark.parametrize("key", ["e", "enter"])
async def test_e_and_enter_edit_details(key):
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonEditDialog)
        assert dialog.query_one("#contact", Input).value == "07700 900123"
        dialog.query_one("#lives", Input).value = "York"
        dialog.query_one("#concern", Input).value = "Shouts"
        dialog.query_one("#living", Checkbox).value = False
        dialog.query_one("#known", Checkbox).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = app.session.workbook.person("nanna-jo")
        assert (person.lives, person.concern, person.living, person.known) == (
            "York", "Shouts", False, False)
        assert app.labels == ["Edited Nanna Jo's details"]
        assert cell(app, "nanna-jo", "living") == "Passed away, never met"


async def test_h_puts_a_hold_on_contact_and_lifts_it():
    from circles_tui.dialogs.meeting_forms import FormDialog

    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select(pilot, app, "nanna-jo")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#until", Input).value = "Mum agrees"
        app.screen.query_one("#asked_by", Input).value = "Mum, 17 March"
        await pilot.press("ctrl+s")
        await pilot.pause()
        nan = app.session.workbook.person("nanna-jo")
        assert (nan.hold_until, nan.hold_asked_by) == ("Mum agrees", "Mum, 17 March")
        assert app.labels[-1] == "Put a hold on contacting Nanna Jo"
        assert "hold on contact" in cell(app, "nanna-jo", "name")
        assert "Hold on contact (practitioner only): until Mum agrees, asked by Mum, 17 March" in detail(app)
        # Lifting it: the same key, a blank "Until".
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.query_one("#until", Input).value == "Mum agrees"
        app.screen.query_one("#until", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.workbook.person("nanna-jo").on_hold
        assert app.labels[-1] == "Lifted the hold on contacting Nanna Jo"


async def test_h_does_nothing_in_child_view_and_the_hold_stays_out_of_sight():
    from circles_tui.core.edits.people import hold_contact

    app = harness(hold_contact("nanna-jo", "Mum agrees", "Mum", family()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select(pilot, app, "nanna-jo")
        await pilot.press("f2")
        await pilot.pause()
        assert "hold" not in cell(app, "nanna-jo", "name") and "Mum agrees" not in detail(app)
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]  # no dialog opened


async def test_child_view_hides_contact_concern_and_practitioner_notes():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert "07700" not in detail(app) and "Has Mia at weekends" not in detail(app)
        assert "makes pancakes" in detail(app)
        await select(pilot, app, "dad")
        assert "Police" not in detail(app)
        assert "⚑" not in cell(app, "dad", "name")
        await select(pilot, app, "action")
        assert "False supporters" not in cell(app, "action", "places")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        for hidden in ("#contact", "#practitioner_note", "#concern"):
            assert not dialog.query(hidden)
        dialog.query_one("#note", Input).value = "Lives next door"
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = app.session.workbook.person("action")
        assert person.note == "Lives next door"
        await select(pilot, app, "nanna-jo")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Hidden fields keep their values through an edit in child view.
        assert app.session.workbook.person("nanna-jo") == family().person("nanna-jo")


async def test_r_renames_everywhere():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        app.screen.query_one(Input).value = "Nanna Josephine"
        await pilot.press("enter")
        await pilot.pause()
        assert app.labels == ["Renamed Nanna Jo to Nanna Josephine"]
        renamed = app.session.workbook
        assert cell(app, "nanna-jo", "name") == "Nanna Josephine"
        assert detail(app).count("Nanna") == 0  # the name is the box's title, not repeated
        assert title(app) == "Nanna Josephine"
    # Every other view of the workbook sees the new name, because references are ids.
    supporters = StepHarness(SupportersStep(bundled()), renamed)
    async with supporters.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        prompt = supporters.query_one("#entries-emotional", OptionList).get_option("nanna-jo").prompt
        assert prompt.plain.startswith("Nanna Josephine")
    summary = StepHarness(SummaryStep(bundled()), renamed)
    async with summary.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        option = summary.query_one("#network", OptionList).get_option("nanna-jo")
        assert option.prompt.plain.startswith("Nanna Josephine")
    assert any(e.person.name == "Nanna Josephine" for e in proposed_network(renamed))
    try:
        from circles_tui.export import ExportOptions, render
    except ImportError:
        return
    for fmt in ("markdown", "text", "html"):
        out = render(renamed, fmt, bundled(), ExportOptions())
        assert "Nanna Josephine" in out and "Nanna Jo " not in out.replace("Nanna Josephine", "")


async def test_renaming_to_nothing_changes_nothing():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert app.labels == []
        assert "cannot be empty" in notices(app)[-1]


async def test_m_merges_two_entries_after_confirming():
    workbook = family()
    workbook = attrs.evolve(
        workbook,
        people=workbook.people + (Person("nan", "Nan", "", "Leeds, near the park",
                                         practitioner_note="Same as Nanna Jo?"),),
        circles={**workbook.circles,
                 "trusted-adults": workbook.circles["trusted-adults"] + (Placement("nan", 1),)},
        supporters={**workbook.supporters,
                    "emotional": workbook.supporters["emotional"] + (
                        Supporter("nan", "Gives cuddles", note="Warm"),)},
    )
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickPersonDialog)
        options = picker.query_one(OptionList)
        assert "nanna-jo" not in [options.get_option_at_index(i).id
                                  for i in range(options.option_count)]
        options.highlighted = options.get_option_index("nan")
        await pilot.press("enter")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert confirm.title_text == "Merge Nan into Nanna Jo?"
        assert "Nan's 1 place move to Nanna Jo: Who I'd go to." in confirm.body
        assert "Where both are already (Emotional supporters), their notes are joined." in confirm.body
        await pilot.press("y")
        await pilot.pause()
        merged = app.session.workbook
        assert "nan" not in merged.people_by_id()
        nanna = merged.person("nanna-jo")
        assert nanna.name == "Nanna Jo"
        assert nanna.lives == "Leeds; Leeds, near the park"
        assert nanna.practitioner_note == "Has Mia at weekends; Same as Nanna Jo?"
        assert nanna.note == "makes pancakes; Also called Nan."
        assert '"Also called Nan" added to the note' in confirm.body
        assert [p.person for p in merged.circles["trusted-adults"]] == ["ms-ahmed", "nanna-jo"]
        entry = next(s for s in merged.supporters["emotional"] if s.person == "nanna-jo")
        assert entry.what_they_do == "Listens when I'm sad; Gives cuddles"
        assert entry.note == "Warm"
        assert app.labels == ["Merged Nan into Nanna Jo"]
        assert "ctrl+z" in notices(app)[-1]
        assert cell(app, "nanna-jo", "places") == (
            "Who matters, Who I'd go to, Emotional supporters, Leaves")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.workbook == workbook


async def test_merge_can_be_cancelled_at_either_question():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m", "escape")
        await pilot.pause()
        await pilot.press("m", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.labels == []
        assert app.session.workbook == family()


def test_combine_keeps_every_detail_and_is_a_valid_workbook():
    workbook = family()
    merged = combine_people(workbook, "kai", "dad")
    kai = merged.person("kai")
    assert kai.relationship == "friend; father"
    assert kai.concern == "Police call-out in March"
    assert [s.person for s in merged.supporters["emotional"]] == ["nanna-jo", "kai", "bold"]
    assert combine_people(workbook, "kai", "kai") is workbook


@pytest.mark.parametrize("key", ["x", "delete"])
async def test_x_and_delete_ask_saying_exactly_what_goes(key):
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert confirm.body == (
            "Remove Nanna Jo and their 3 places: Who matters, Emotional supporters, Leaves?"
        )
        await pilot.press("y")
        await pilot.pause()
        workbook = app.session.workbook
        assert "nanna-jo" not in workbook.people_by_id()
        assert workbook.appearances("nanna-jo") == []
        assert app.labels == ["Removed Nanna Jo"]
        assert notices(app)[-1] == "Removed Nanna Jo. Press ctrl+z to undo."
        assert "nanna-jo" not in row_ids(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.workbook == family()
        assert "nanna-jo" in row_ids(app)


async def test_delete_cancelled_keeps_everyone():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select(pilot, app, "grandad-bill")
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.body == "Remove Grandad Bill and their 1 place: Leaves?"
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.workbook == family()
        assert app.labels == []


async def test_with_no_people_the_keys_that_need_someone_do_nothing():
    workbook = Workbook(family().about)
    app = harness(workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "r", "m", "x")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert not table(app).display
        assert app.query_one("#people-empty").display


def test_place_names_follow_the_worksheet_wording():
    content = bundled()
    workbook = family()
    assert place_names(workbook, content, "action") == ["False supporters"]
    assert place_names(workbook, content, "action", child_view=True) == []
    assert place_names(workbook, content, "nanna-jo", skip=("tree", "leaves")) == [
        "Who matters", "Emotional supporters"]


def test_progress():
    step = PeopleStep(bundled())
    assert step.progress(family()) == "done"
    assert step.progress(Workbook(family().about)) == "empty"


# -- snapshots ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_complete_example(snap_compare, complete_example, size):
    assert snap_compare(StepHarness(PeopleStep(bundled()), complete_example), terminal_size=size)


def test_snapshot_child_view(snap_compare, complete_example):
    async def child_view(pilot):
        await pilot.press("f2")

    assert snap_compare(StepHarness(PeopleStep(bundled()), complete_example),
                        terminal_size=(80, 24), run_before=child_view)


async def test_a_rename_finished_after_the_person_went_away_changes_nothing():
    """The rename dialog waits in a worker; the operation is decided against the workbook
    current when it is finished, so a person removed meanwhile is refused in a sentence."""
    from functools import partial

    from circles_tui.core.edits import people

    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        person = selected(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        app.session.apply(partial(people.remove, person), "Removed meanwhile")
        app.step.workbook = app.session.workbook
        await pilot.press(*" again", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TextDialog)
        assert person not in app.session.workbook.people_by_id()
        assert app.notices[-1] == "That person is no longer in the workbook, so nothing changed."
        assert app.labels == []
