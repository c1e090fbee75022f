"""Keys typed as one burst land where they were typed: none lost, none misrouted.

Every test queues a whole sequence at once (`tests.bursts.burst`), so the app has handled
none of the keys when the last arrives: a dialog is not open yet when its text arrives,
and a dialog is still open when the keys for the next one (or the step) arrive.
"""

from __future__ import annotations

from textual.widgets import TextArea

from circles_tui.core.wording import bundled
from circles_tui.dialogs.person_edit import PersonEditDialog
from circles_tui.dialogs.placement import PlacementDialog
from circles_tui.dialogs.supporter import SupporterDialog
from circles_tui.steps.people import PeopleStep
from circles_tui.steps.supporters import SupportersStep
from tests.bursts import Pasted, Typed, burst, settle
from tests.harness import StepHarness
from tests.test_circle_step import family, harness


def added(app: StepHarness, circle: str) -> dict[str, tuple[str, str, int]]:
    """Name -> (relationship, note, ring) for everyone in `circle`."""
    workbook = app.session.workbook
    return {
        workbook.person(p.person).name: (workbook.person(p.person).relationship, p.note, p.ring)
        for p in workbook.circles.get(circle, ())
    }


async def opened(pilot, key: str, dialog_class: type):
    """Press `key` once the step is ready, and return the dialog it opened."""
    await pilot.pause()
    burst(pilot.app, key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, dialog_class)
    return pilot.app.screen


async def test_the_add_flow_typed_as_one_burst_adds_everyone_where_typed():
    """`a`, name, Enter, relationship, Enter, ring, three times over, with no pause at all."""
    app = harness("who-could-help")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app,
              "a", Typed("Aunt Rosalind"), "enter", Typed("maternal aunt"), "enter", "1",
              "a", Typed("Mr Okonkwo"), "enter", Typed("teacher"), "enter", "3",
              "a", Typed("Nanna Jo"), "enter", "2")  # known: Enter after the name adds her
        await settle(pilot)
        assert added(app, "who-could-help") == {
            "Aunt Rosalind": ("maternal aunt", "", 1),
            "Mr Okonkwo": ("teacher", "", 3),
            "Nanna Jo": ("grandmother", "", 2),
        }
        assert len(app.session.workbook.people) == len(family().people) + 2
        assert not app.screen.is_modal


async def test_a_paste_lands_in_the_field_that_has_focus_at_that_point():
    app = harness("who-could-help")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "a", Pasted("Aunt Rosalind"), "enter", Pasted("maternal aunt"), "enter", "1")
        await settle(pilot)
        assert added(app, "who-could-help") == {"Aunt Rosalind": ("maternal aunt", "", 1)}


async def test_letters_typed_while_the_ring_dialog_closes_go_to_the_next_dialog_not_the_step():
    """In "services suggest" the ring is followed by the details; the reason typed at once
    after the ring starts with x, which would remove someone if the step took it."""
    app = harness("services-suggest")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "a", Typed("Ms Patel"), "enter", Typed("school nurse"), "enter", "2",
              Typed("xrays showed an old injury"), "tab", Typed("knows the family"),
              "ctrl+s")
        await settle(pilot)
        placements = {p.person: p for p in app.session.workbook.circles["services-suggest"]}
        assert set(placements) == {"dad", "ms-patel"}  # nobody removed
        patel = placements["ms-patel"]
        assert patel.extras["reason"] == "xrays showed an old injury"
        assert patel.note == "knows the family"
        assert patel.ring == 2


async def test_enter_moves_on_field_by_field_in_a_persons_details():
    app = StepHarness(PeopleStep(bundled(), id="step"), family())
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await opened(pilot, "e", PersonEditDialog)
        person = dialog.person
        burst(app, "escape")
        await settle(pilot)
        # Each field is selected on focus, so typing replaces what was there.
        burst(app, "e", Typed("Nan Jo"), "enter", Typed("nan"), "enter", Typed("Whitby"), "enter",
              Typed("bakes"), "enter", Typed("07700 900123"), "enter", Typed("own note"),
              "enter", Typed("none"), "enter", "a")
        await settle(pilot)
        changed = app.session.workbook.person(person.id)
        assert (changed.name, changed.relationship, changed.lives, changed.note, changed.contact,
                changed.practitioner_note, changed.concern) == (
            "Nan Jo", "nan", "Whitby", "bakes", "07700 900123", "own note", "none")
        # The last Enter finished the dialog; the `a` after it went to the step (Add).
        assert app.screen is not dialog and app.screen.is_modal


async def test_enter_moves_on_field_by_field_in_a_supporters_details():
    app = StepHarness(SupportersStep(bundled(), id="step"), family())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "e", Typed("listens"), "enter", Typed("call her"), "enter",
              Typed("phone after school"), "enter", Typed("Leeds"), "enter", Typed("kind"),
              "enter", Typed("check in"), "enter")
        await settle(pilot)
        entry = app.session.workbook.supporters["emotional"][0]
        assert (entry.what_they_do, entry.how_to_use, entry.reach, entry.note,
                entry.practitioner_note) == ("listens", "call her", "phone after school", "kind",
                                             "check in")
        assert app.session.workbook.person("nanna-jo").lives == "Leeds"
        assert not isinstance(app.screen, SupporterDialog)


async def test_tab_and_enter_move_on_in_the_placement_dialog_before_the_next_key():
    app = harness("services-suggest")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await opened(pilot, "e", PlacementDialog)
        reason = dialog.query_one("#field-reason", TextArea)
        assert dialog.focused is reason
        burst(app, "end", Typed(" He asked"), "tab", Typed("dad"),
              "shift+tab", Typed("!"), "ctrl+s")
        await settle(pilot)
        placement = app.session.workbook.circles["services-suggest"][0]
        assert placement.extras["reason"].endswith(" He asked!")
        assert placement.note == "dad"


async def test_adding_supporters_in_a_burst_keeps_what_each_one_does():
    """`a`, a name, Enter, a relationship, Enter, then "what they do" and Enter through the
    details: the details open at once after the name, so nothing typed goes to the step."""
    app = StepHarness(SupportersStep(bundled(), id="step"), family())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "a", Typed("Coach Dee"), "enter", Typed("football coach"), "enter",
              Typed("lets me talk after training"), "ctrl+s",
              "a", Typed("Kayla"), "enter", Typed("makes me laugh"), "enter",
              Typed("at school"), "ctrl+s")
        await settle(pilot)
        workbook = app.session.workbook
        done = {workbook.person(e.person).name: (e.what_they_do, e.how_to_use)
                for e in workbook.supporters["emotional"]}
        assert done["Coach Dee"][0] == "lets me talk after training"
        assert done["Kayla"] == ("makes me laugh", "at school")
        assert workbook.person("coach-dee").relationship == "football coach"
        assert not app.screen.is_modal


async def test_a_choice_made_with_enter_and_arrows_in_a_burst_leaves_the_focus_on_it():
    """Opening a choice, moving down and Enter, then Tab on and text: the text goes to
    the next field, not to the list of choices or the field before."""
    app = harness("services-suggest")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "e", "tab", "tab", "tab", "tab",  # reason, note, named by, kind: the view
              "enter", "down", "enter", "tab", Typed("she agreed"), "ctrl+s")
        await settle(pilot)
        placement = app.session.workbook.circles["services-suggest"][0]
        assert placement.extras["yp_view"] == bundled().circle("services-suggest").fields[2] \
            .field.choices[0]
        assert placement.extras["yp_words"] == "she agreed"
