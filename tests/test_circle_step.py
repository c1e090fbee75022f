"""The safety circle step: the rings and the list, every key, child view and literal names."""

from __future__ import annotations

import attrs
import pytest
from textual.widgets import Input, OptionList, Select, SelectionList, Static, TextArea

from circles_tui.core.wording import bundled
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.placement import PlacementDialog, RingDialog
from circles_tui.core.model import About, Person, Placement, Supporter, TreePart, Workbook
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.progress import circle_progress as progress_of
from circles_tui.steps.circle import CircleStep
from circles_tui.steps.circle_list import CircleList
from circles_tui.widgets.rings import RingsDiagram
from tests.harness import StepHarness

MARKUP_NAME = "[b]Nan[/b]"
ACTION_NAME = "[@click=app.quit]x[/]"


def family(**about) -> Workbook:
    people = (
        Person("nanna-jo", "Nanna Jo", "grandmother", lives="Leeds"),
        Person("dad", "Dad", "father", concern="Police call-out last year"),
        Person("mum", "Mum", "mother"),
        Person("kayla", "Kayla", "best friend"),
        Person("jay", "Jay", "older boy at the park"),
        Person("ms-ahmed", "Ms Ahmed", "teacher"),
    )
    circles = {
        "who-matters": (
            Placement("nanna-jo", 1, "child", "She makes pancakes", "Main carer at weekends",
                      {"frequency": "often"}),
            Placement("mum", 1, "child"),
            Placement("dad", 2, "parent-carer", "Lives in Poland"),
            Placement("jay", 3, "child", "He's cool"),
        ),
        "services-suggest": (
            Placement("dad", 2, "practitioner", extras={
                "reason": "Dad has parental responsibility.", "reason_type": "legal-role"}),
        ),
    }
    supporters = {"false": (Supporter("jay"),), "emotional": (Supporter("nanna-jo"),)}
    tree = {"leaves": TreePart(people=("nanna-jo",))}
    return Workbook(About("Mia", **about), people, circles, supporters, tree)


def harness(circle: str = "who-matters", workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(CircleStep(bundled(), circle, id="step"), workbook or family())


def step(app: StepHarness) -> CircleStep:
    return app.query_one(CircleStep)


def listed(app: StepHarness) -> list[str]:
    """The ids of the people in the list, in order."""
    options = app.query_one("#circle-list", CircleList).options
    return [o.id.removeprefix("person:") for o in options if not o.disabled and o.id]


def list_text(app: StepHarness) -> str:
    options = app.query_one("#circle-list", CircleList).options
    return "\n".join(str(o.prompt) for o in options)


def drawn(app: StepHarness) -> str:
    return app.query_one(RingsDiagram).layout_now().text()


def placement(app: StepHarness, person: str, circle: str = "who-matters") -> Placement | None:
    return next((p for p in app.session.workbook.circles[circle] if p.person == person), None)


def notices(app: StepHarness) -> list[str]:
    return list(app.notices)


def static_text(app: StepHarness, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def highlight(pilot, app: StepHarness, person: str) -> None:
    listing = app.query_one("#circle-list", CircleList)
    listing.highlighted = listing.get_option_index(f"person:{person}")
    await pilot.pause()


# -- what it shows -----------------------------------------------------------------------


def test_each_circle_is_its_own_step_titled_from_the_wording():
    content = bundled()
    steps = [CircleStep(content, c.id) for c in content.circles]
    assert [s.step_title for s in steps] == [c.short for c in content.circles]
    assert steps[0].step_title == "Who matters"


async def test_list_groups_people_by_ring_and_picture_matches():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert listed(app) == ["nanna-jo", "mum", "dad", "jay"]
        text = list_text(app)
        for label in bundled().circle("who-matters").rings:
            assert label in text
        assert "grandmother" in text and "She makes pancakes" in text
        picture = drawn(app)
        for name in ("Mia", "Nanna Jo", "Mum", "Dad", "Jay"):
            assert name in picture
        layout = app.query_one(RingsDiagram).layout_now()
        assert layout.shown == (("nanna-jo", "mum"), ("dad",), ("jay",))
        heading = static_text(app, "#circle-heading")
        assert "People who are important to me" in heading
        question = static_text(app, "#circle-question")
        assert bundled().circle("who-matters").adult_question in question
        assert bundled().circle("who-matters").guidance in static_text(app, "#circle-guidance")


async def test_arrows_move_the_selection_and_the_picture_follows():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        diagram = app.query_one(RingsDiagram)
        assert step(app).selected == "nanna-jo" and diagram.highlight == "nanna-jo"
        await pilot.press("down")
        assert step(app).selected == "mum" and diagram.highlight == "mum"
        # A pointer marks the selected line, so it shows without colour as well.
        listing = app.query_one("#circle-list", CircleList)
        assert str(listing.get_option("person:mum").prompt).startswith("▶Mum")
        assert str(listing.get_option("person:nanna-jo").prompt).startswith(" Nanna Jo")
        await pilot.press("down")  # over the ring 2 heading, which cannot be chosen
        assert step(app).selected == "dad" and diagram.highlight == "dad"
        assert "Police call-out last year" in static_text(app, "#circle-detail")
        await pilot.press("up", "up")
        assert step(app).selected == "nanna-jo"
        assert "Main carer at weekends" in static_text(app, "#circle-detail")


async def test_clicking_a_name_in_the_picture_selects_them():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        diagram = app.query_one(RingsDiagram)
        x, y, _ = diagram.layout_now().places["jay"]
        await pilot.click(RingsDiagram, offset=(x, y))
        await pilot.pause()
        assert step(app).selected == "jay"
        assert app.query_one("#circle-list", CircleList).highlighted_option.id == "person:jay"


async def test_an_empty_circle_says_how_to_start():
    app = harness("who-knows")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert listed(app) == []
        assert "Press a to add someone." in list_text(app)
        # Keys that need someone do nothing, and say nothing is wrong.
        await pilot.press("e", "minus", "x", "w")
        await pilot.pause()
        assert app.labels == [] and isinstance(app.screen, type(app.screen))
        assert not app.screen.is_modal


async def test_a_crowd_shows_what_fits_with_counts_and_lists_everyone():
    people = tuple(Person(f"p{i}", f"Person {i}", "friend") for i in range(1000))
    placements = tuple(Placement(f"p{i}", 1 + i % 3, note="a note") for i in range(1000))
    workbook = Workbook(About("Mia"), people, {"who-matters": placements})
    app = harness(workbook=workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(listed(app)) == 1000
        layout = app.query_one(RingsDiagram).layout_now()
        for k in range(3):
            assert layout.more[k] > 300
            assert len(layout.shown[k]) + layout.more[k] == len(placements[k::3])
            assert f"+{layout.more[k]}" in layout.text()
        await pilot.press("end")  # the last person is drawn once selected, even in a crowd
        await pilot.pause()
        assert step(app).selected == "p998"  # the last in ring 3
        assert "p998" in app.query_one(RingsDiagram).layout_now().shown[2]


# -- adding --------------------------------------------------------------------------------


async def test_a_adds_someone_new_in_the_ring_chosen():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, PersonDialog)
        await pilot.press(*"Coach Dee", "enter", *"coach", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RingDialog)
        await pilot.press("3")
        await pilot.pause()
        workbook = app.session.workbook
        person = workbook.person("coach-dee")
        assert (person.name, person.relationship) == ("Coach Dee", "coach")
        assert placement(app, "coach-dee") == Placement("coach-dee", 3, named_by="child")
        assert app.labels == ["Added Coach Dee to Who matters"]
        assert step(app).selected == "coach-dee"
        assert "Coach Dee" in drawn(app)


async def test_the_ring_question_offers_the_middle_ring_first():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Ms Ahmed", "enter")  # known already: no relationship asked
        await pilot.pause()
        assert isinstance(app.screen, RingDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert placement(app, "ms-ahmed").ring == 2
        assert len(app.session.workbook.people) == len(family().people)


async def test_adding_someone_already_known_completes_their_name():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"ms a")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        await pilot.press("right")  # take the suggestion
        assert name.value == "Ms Ahmed"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert placement(app, "ms-ahmed") == Placement("ms-ahmed", 1, named_by="child")
        assert [p.id for p in app.session.workbook.people] == [p.id for p in family().people]


async def test_people_already_here_are_not_suggested_and_cancel_adds_nothing():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        dialog = app.screen
        assert dialog.exclude == {"nanna-jo", "mum", "dad", "jay"}
        await pilot.press(*"Kayla", "enter")
        await pilot.pause()
        await pilot.press("escape")  # no ring chosen: nothing happens
        await pilot.pause()
        assert placement(app, "kayla") is None and app.labels == []


async def test_services_suggest_asks_for_the_reason_before_adding():
    app = harness("services-suggest")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Nanna Jo", "enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PlacementDialog)
        assert dialog.query_one("#named_by", Select).value == "practitioner"
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog  # not without a reason
        assert "Why I suggest them" in str(dialog.query_one("#error", Static).render())
        assert dialog.focused is dialog.query_one("#field-reason")
        await pilot.press(*"Helps")  # typed into the reason, which has the focus
        reason = dialog.query_one("#field-reason", TextArea)
        assert reason.text == "Helps"
        reason.text = "Nanna Jo has helped before."
        dialog.query_one("#field-yp_view", Select).value = "agree"
        await pilot.click("#save")
        await pilot.pause()
        added = placement(app, "nanna-jo", "services-suggest")
        assert added.ring == 1 and added.named_by == "practitioner"
        assert added.extras == {"reason": "Nanna Jo has helped before.", "yp_view": "agree"}
        assert app.labels == ["Added Nanna Jo to Services suggest"]


async def test_services_suggest_cancelled_reason_adds_no_one():
    app = harness("services-suggest")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Bo", "enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlacementDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.labels == []
        assert "bo" not in app.session.workbook.people_by_id()
        assert any("needs a reason" in n for n in notices(app))


# -- moving ---------------------------------------------------------------------------------


async def test_moving_in_and_out_stops_at_the_edges():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await highlight(pilot, app, "dad")
        await pilot.press("minus")
        await pilot.pause()
        assert placement(app, "dad").ring == 1
        assert app.labels[-1] == "Moved Dad inward in Who matters"
        assert step(app).selected == "dad"
        assert app.query_one(RingsDiagram).layout_now().shown[0] == ("nanna-jo", "mum", "dad")
        await pilot.press("i")
        await pilot.pause()
        assert placement(app, "dad").ring == 1 and len(app.labels) == 1
        assert "Dad is already in the innermost ring (Closest to me)." in notices(app)
        await pilot.press("plus", "o")
        await pilot.pause()
        assert placement(app, "dad").ring == 3
        assert app.labels[-1] == "Moved Dad outward in Who matters"
        await pilot.press("o")
        await pilot.pause()
        assert placement(app, "dad").ring == 3 and len(app.labels) == 3
        assert any("outermost ring (Know them, not close)" in n for n in notices(app))
        # Everything else is untouched, and the order of the list of placements is kept.
        assert [p.person for p in app.session.workbook.circles["who-matters"]] == [
            "nanna-jo", "mum", "dad", "jay"]


# -- editing ---------------------------------------------------------------------------------


async def test_editing_the_note_who_named_them_and_extras():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await highlight(pilot, app, "mum")
        await pilot.press("enter")  # "e" does the same: see the next test
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PlacementDialog)
        note = dialog.query_one("#note", TextArea)
        note.focus()
        await pilot.press(*"Sings")
        dialog.query_one("#named_by", Select).value = "parent-carer"
        dialog.query_one("#field-frequency", Select).value = "sometimes"
        modes = dialog.query_one("#field-contact_modes", SelectionList)
        modes.select("video")
        modes.select("in-person")
        dialog.query_one("#practitioner_note", TextArea).text = "  Mum asked for this  "
        await pilot.click("#save")
        await pilot.pause()
        edited = placement(app, "mum")
        assert edited == Placement(
            "mum", 1, "parent-carer", "Sings", "Mum asked for this",
            {"frequency": "sometimes", "contact_modes": ("in-person", "video")},
        )
        assert app.labels == ["Edited Mum in Who matters"]
        assert "“Sings”" in list_text(app)


async def test_e_edits_too_and_cancel_changes_nothing():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PlacementDialog)
        assert app.screen.person.id == "nanna-jo"
        app.screen.query_one("#note", TextArea).text = "changed"
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.workbook == family() and app.labels == []


async def test_edit_dialog_shows_every_extra_field_of_the_circle_with_its_wording():
    content = bundled()
    app = harness()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        mum = app.session.workbook.person("mum")
        for circle in content.circles:
            results: list = []
            app.push_screen(PlacementDialog(content, circle, mum, Placement("mum", 2)),
                            callback=results.append)
            await pilot.pause()
            dialog = app.screen
            for field in circle.fields:
                widget = dialog.query_one(f"#field-{field.id}")
                expected = {"text": (Input, TextArea), "choice": (Select,),
                            "tags": (SelectionList,)}[field.field.kind]
                assert isinstance(widget, expected)
            labels = " ".join(str(label.render()) for label in dialog.query(".field-label"))
            for field in circle.fields:
                assert field.label in labels
            named_by = dialog.query_one("#named_by", Select)
            shown = [str(option.prompt) for option in named_by.query_one(OptionList).options]
            assert shown[1:] == list(content.named_by.values())
            await pilot.press("escape")
            await pilot.pause()
            assert results == [None]
        assert app.labels == []


async def test_services_suggest_reason_cannot_be_emptied():
    app = harness("services-suggest")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-reason", TextArea).text = "   "
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog and app.labels == []
        await pilot.press("escape")
        await pilot.pause()
        assert placement(app, "dad", "services-suggest").extras["reason"] == (
            "Dad has parental responsibility.")


async def test_services_suggest_lists_reasons_and_flags_a_missing_one():
    workbook = set_placements(family(), "services-suggest", [
        Placement("dad", 2, "practitioner", extras={"reason": "Dad has parental responsibility."}),
        Placement("mum", 1, "practitioner"),  # an older file may lack a reason
    ])
    app = harness("services-suggest", workbook)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = list_text(app)
        assert "Dad has parental responsibility." in text
        assert "⚠ reason needed" in text


# -- removing, where else, wording --------------------------------------------------------------


async def test_remove_then_undo():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await highlight(pilot, app, "mum")
        await pilot.press("x")
        await pilot.pause()
        assert placement(app, "mum") is None
        assert "mum" in app.session.workbook.people_by_id()  # still in the register
        assert "Removed Mum from Who matters — ctrl+z to undo" in notices(app)
        assert app.labels == ["Removed Mum from Who matters"]
        assert listed(app) == ["nanna-jo", "dad", "jay"]
        assert step(app).selected == "dad"  # the next one down
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert placement(app, "mum") == family().circles["who-matters"][1]
        assert listed(app) == ["nanna-jo", "mum", "dad", "jay"]
        assert "Mum" in drawn(app)
        await highlight(pilot, app, "jay")
        await pilot.press("delete")  # the other key for it
        await pilot.pause()
        assert placement(app, "jay") is None
        assert step(app).selected == "dad"  # the last one: the one above takes the cursor


async def test_w_says_where_else_someone_appears():
    app = harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert notices(app)[-1] == (
            "Nanna Jo is also in: Emotional supporters; Tree of Life: Leaves.")
        await highlight(pilot, app, "dad")
        await pilot.press("w")
        await pilot.pause()
        assert notices(app)[-1] == "Dad is also in: Services suggest."
        await highlight(pilot, app, "mum")
        await pilot.press("w")
        await pilot.pause()
        assert notices(app)[-1] == "Mum is only in Who matters so far."


async def test_t_switches_between_adult_and_child_wording():
    circle = bundled().circle("trusted-adults")
    workbook = set_placements(family(), "trusted-adults", [Placement("nanna-jo", 1)])
    app = harness("trusted-adults", workbook)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        question = static_text(app, "#circle-question")
        assert circle.adult_question in question and "Adult's words" in question
        active = app.screen.active_bindings
        assert active["t"].binding.description == "Child's words"
        await pilot.press("t")
        await pilot.pause()
        question = static_text(app, "#circle-question")
        assert circle.child_question in question and circle.adult_question not in question
        assert app.screen.active_bindings["t"].binding.description == "Adult's words"
        await pilot.press("t")
        await pilot.pause()
        assert circle.adult_question in static_text(app, "#circle-question")
        # The trusted-adults guidance reminds the practitioner never to place someone feared.
        assert "Never put someone the child is frightened of" in static_text(
            app, "#circle-guidance")


async def test_every_key_is_a_binding_with_a_description_in_the_footer():
    app = harness()
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        active = app.screen.active_bindings
        expected = {"a": "Add", "e": "Edit", "minus": "Inward", "plus": "Outward",
                    "x": "Remove", "w": "Where else", "t": "Child's words"}
        for key, description in expected.items():
            assert active[key].binding.description == description
        for key in ("i", "o", "delete"):
            assert key in active


# -- child view ------------------------------------------------------------------------------


async def test_child_view_hides_practitioner_notes_but_not_whom_the_child_placed():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Main carer at weekends" in static_text(app, "#circle-detail")
        assert "Jay" in drawn(app) and "jay" in listed(app)
        await pilot.press("f2")
        await pilot.pause()
        assert step(app).child_view
        assert "Main carer at weekends" not in static_text(app, "#circle-detail")
        # Jay is a false supporter, but the child put him here: he stays (issue 10).
        assert "Jay" in drawn(app) and "jay" in listed(app)
        assert not app.query_one("#circle-guidance").display or not app.query_one(
            "#circle-guidance").region.height
        # The child sees the child's wording of the question.
        assert bundled().circle("who-matters").child_question in static_text(
            app, "#circle-question")
        await highlight(pilot, app, "dad")
        assert "Police call-out" not in static_text(app, "#circle-detail")
        # The edit dialog has no practitioner-only note, and keeps the one there was.
        await highlight(pilot, app, "nanna-jo")
        await pilot.press("e")
        await pilot.pause()
        assert not app.screen.query("#practitioner_note")
        app.screen.query_one("#note", TextArea).text = "Pancakes on Sundays"
        await pilot.click("#save")
        await pilot.pause()
        kept = placement(app, "nanna-jo")
        assert kept.note == "Pancakes on Sundays"
        assert kept.practitioner_note == "Main carer at weekends"
        await pilot.press("f2")
        await pilot.pause()
        assert "Jay" in drawn(app)


async def test_false_supporters_show_in_child_view_when_the_child_agreed():
    app = harness(workbook=family(share_false_supporters=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert "jay" in listed(app) and "Jay" in drawn(app)


async def test_where_else_in_child_view_leaves_out_false_supporters():
    workbook = family(share_false_supporters=False)
    workbook = attrs.evolve(workbook, supporters={**workbook.supporters,
                                                  "false": (Supporter("dad"),)})
    app = harness("services-suggest", workbook)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert "False supporters" in notices(app)[-1]
        await pilot.press("f2")
        await pilot.pause()
        assert listed(app) == ["dad"]  # the placement stays; only where else changes
        await pilot.press("w")
        await pilot.pause()
        assert "False supporters" not in notices(app)[-1]


# -- literal text -----------------------------------------------------------------------------


async def test_names_like_markup_show_exactly_as_typed_and_do_nothing():
    workbook = Workbook(
        About(MARKUP_NAME),
        (Person("bold", MARKUP_NAME, "[i]nan[/i]"), Person("action", ACTION_NAME)),
        {"who-matters": (Placement("bold", 1, note="[red]hi[/red]"), Placement("action", 2))},
    )
    app = harness(workbook=workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = list_text(app)
        assert MARKUP_NAME in text and ACTION_NAME in text
        assert "[i]nan[/i]" in text and "[red]hi[/red]" in text
        picture = drawn(app)
        assert picture.count(MARKUP_NAME) == 2  # the child and the person
        assert "[@click=app.qui…" in picture  # cut to fit the picture, still literal
        await highlight(pilot, app, "action")
        await pilot.press("w")
        await pilot.pause()
        assert notices(app)[-1] == f"{ACTION_NAME} is only in Who matters so far."
        x, y, _ = app.query_one(RingsDiagram).layout_now().places["action"]
        await pilot.click(RingsDiagram, offset=(x, y))
        await pilot.press("x")
        await pilot.pause()
        assert app.is_running
        assert f"Removed {ACTION_NAME} from Who matters — ctrl+z to undo" in notices(app)


async def test_people_whose_ids_look_like_list_headings_are_fine():
    people = tuple(Person(i, i.title()) for i in ("ring-1", "hint", "empty-2", "person"))
    workbook = Workbook(About("Mia"), people,
                        {"who-matters": tuple(Placement(p.id, 1) for p in people)})
    app = harness(workbook=workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert listed(app) == ["ring-1", "hint", "empty-2", "person"]
        await pilot.press("down", "plus")
        await pilot.pause()
        assert placement(app, "hint").ring == 2 and step(app).selected == "hint"


# -- progress ---------------------------------------------------------------------------------


def test_progress():
    workbook = family()
    assert progress_of("who-knows", workbook) == "empty"
    assert progress_of("who-matters", workbook) == "done"  # four people
    three_short = set_placements(workbook, "who-matters", workbook.circles["who-matters"][:2])
    assert progress_of("who-matters", three_short) == "started"
    # Services suggest: done when everyone has a reason and the young person's view.
    assert progress_of("services-suggest", workbook) == "started"  # no view yet
    viewed = set_placements(workbook, "services-suggest", [
        Placement("dad", 2, extras={"reason": "PR", "yp_view": "didnt-say"})])
    assert progress_of("services-suggest", viewed) == "done"
    no_reason = set_placements(viewed, "services-suggest", [
        *viewed.circles["services-suggest"], Placement("mum", 1, extras={"yp_view": "agree"})])
    assert progress_of("services-suggest", no_reason) == "started"
    assert CircleStep(bundled(), "who-knows").progress(workbook) == "empty"


# -- snapshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("circle", ["who-matters", "services-suggest"])
def test_snapshot_complete_example(snap_compare, complete_example, circle, size):
    assert snap_compare(harness(circle, complete_example), terminal_size=size)


def test_snapshot_child_view(snap_compare, complete_example):
    assert snap_compare(harness("trusted-adults", complete_example), terminal_size=(100, 32),
                        press=["f2"])


async def test_a_person_removed_while_the_ring_is_asked_is_not_placed():
    """The add chain (name, then ring) runs in a worker; the placement is decided against
    the workbook current when the ring is chosen, so someone removed meanwhile is refused."""
    from functools import partial

    from circles_tui.core.edits import people

    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Ms Ahmed", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RingDialog)
        app.session.apply(partial(people.remove, "ms-ahmed"), "Removed meanwhile")
        app.step.workbook = app.session.workbook
        await pilot.press("1")
        await pilot.pause()
        assert not isinstance(app.screen, RingDialog)
        assert "ms-ahmed" not in app.session.workbook.people_by_id()
        assert placement(app, "ms-ahmed") is None
        assert app.notices[-1] == "That person is no longer in the workbook, so nothing changed."
        assert listed(app) == ["nanna-jo", "mum", "dad", "jay"]  # as before the add
