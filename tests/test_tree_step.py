"""The Tree of Life step: every key, the dialogs, child view, storms, progress and looks."""

from __future__ import annotations

import attrs
import pytest
from textual import events
from textual.geometry import Region
from textual.widgets import Input, OptionList, TextArea

from circles_tui.core.wording import bundled
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.question import QuestionDialog
from circles_tui.core.model import TREE_PARTS, About, Answer, Person, Placement, TreePart, Workbook
from circles_tui.steps.tree import TreeStep, tree_progress
from circles_tui.widgets.tree_drawing import TreeDrawing
from tests.bursts import settle
from tests.harness import StepHarness

MARKUP = "[b]x[/b]"
ACTION = "[@click=app.quit]x[/]"
ROOTS_QUESTIONS = bundled().tree_part("roots").questions


def family() -> Workbook:
    """A small tree: some roots, a few leaves, one person whose name looks like markup."""
    return Workbook(
        About(child="Sam", age=10),
        people=(
            Person("nanna-jo", "Nanna Jo", "grandmother"),
            Person("grandad", "Grandad Ray", "grandfather", living=False),
            Person("kai", "Kai", "friend"),
            Person("bold", MARKUP, "cousin"),
        ),
        circles={"who-matters": (Placement("kai", 1, "child"),)},
        tree={
            "roots": TreePart(
                words=("Leeds", "Jamaica"),
                answers=(Answer(ROOTS_QUESTIONS[0], "Grandad Ray"),),
                practitioner_note="Ask about Dad's side next time",
            ),
            "leaves": TreePart(words=("Nanna Jo",), people=("nanna-jo", "kai", "bold")),
        },
    )


def harness(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(TreeStep(bundled()), workbook or family())


def step(app: StepHarness) -> TreeStep:
    return app.query_one(TreeStep)


def items(app: StepHarness) -> OptionList:
    return app.query_one("#items", OptionList)


def option_ids(app: StepHarness) -> list[str]:
    return [o.id for o in items(app).options]


def highlighted(app: StepHarness) -> str | None:
    option = items(app).highlighted_option
    return option.id if option else None


async def highlight(pilot, app: StepHarness, option_id: str) -> None:
    items(app).highlighted = items(app).get_option_index(option_id)
    await pilot.pause()


def screen_text(widget) -> str:
    """What a widget shows on screen, as plain text."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text for strip in strips)


def notices(app: StepHarness) -> list[str]:
    return list(app.notices)


async def type_text(pilot, text: str) -> None:
    """Type short text key by key."""
    await pilot.press(*text)


async def paste(pilot, text: str) -> None:
    """Put longer text in at the cursor of the focused box, as pasting would (quicker than typing)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    else:
        assert isinstance(focused, Input), focused
        focused.insert_text_at_cursor(text)
    await pilot.pause()


# -- words ---------------------------------------------------------------------------------


async def test_add_words_to_the_current_part():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert step(app).part == "roots"
        await pilot.press("a")
        assert isinstance(app.screen, TextDialog)
        await paste(pilot, "Mum's cooking")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words == ("Leeds", "Jamaica", "Mum's cooking")
        assert app.labels == ["Added to Roots"]
        assert highlighted(app) == "word-2"


async def test_blank_words_are_not_added():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "space", "space", "enter")
        await pilot.pause()
        assert app.session.workbook == family()
        assert app.labels == []


async def test_edit_words_with_e_and_with_enter():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert highlighted(app) == "word-0"
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, TextDialog)
        assert dialog.query_one(Input).value == "Leeds"
        await pilot.press("end")
        await paste(pilot, ", then Bradford")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words[0] == "Leeds, then Bradford"

        await pilot.press("down", "enter")
        assert isinstance(app.screen, TextDialog)
        await type_text(pilot, "Kingston")  # the old words start selected
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words == ("Leeds, then Bradford", "Kingston")
        assert app.labels == ["Changed words in Roots", "Changed words in Roots"]


async def test_escape_cancels_an_edit():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "zzz")
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.workbook == family()


async def test_remove_words_tells_how_to_undo_and_ctrl_z_brings_them_back():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words == ("Jamaica",)
        assert any("Leeds" in n and "Ctrl+Z" in n for n in notices(app))
        # The cursor stays on the next entry, so x again removes that one.
        assert highlighted(app) == "word-0"
        await pilot.press("delete")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words == ()
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert app.session.workbook == family()
        assert [o.id for o in items(app).options][:3] == ["h-words", "word-0", "word-1"]


async def test_reorder_words():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("shift+down")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words == ("Jamaica", "Leeds")
        assert highlighted(app) == "word-1"
        await pilot.press("shift+up")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words == ("Leeds", "Jamaica")


# -- questions -------------------------------------------------------------------------------


async def test_pick_a_suggested_question_and_answer_it():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        dialog = app.screen
        assert isinstance(dialog, QuestionDialog)
        questions = dialog.query_one("#questions", OptionList)
        # The one already asked is marked, and the cursor starts on the first not asked.
        assert questions.get_option_at_index(0).prompt.plain.startswith("✓")
        assert "(asked)" in questions.get_option_at_index(0).prompt.plain
        assert questions.get_option_at_index(1).prompt.plain.startswith("○")
        assert questions.highlighted == 1
        await pilot.press("down", "enter")
        assert isinstance(app.focused, TextArea)
        await paste(pilot, "Nanna's hurricane story")
        await pilot.press("ctrl+s")
        await pilot.pause()
        answers = app.session.workbook.tree["roots"].answers
        assert answers[-1] == Answer(ROOTS_QUESTIONS[2], "Nanna's hurricane story")
        assert app.labels == ["Asked a question in Roots"]
        assert highlighted(app) == "answer-1"
        assert "Suggested questions asked: 2 of 5" in str(app.query_one("#part-hint").render())


async def test_ask_your_own_question():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, QuestionDialog)
        await paste(pilot, "What song reminds you of home?")
        await pilot.press("enter")
        await paste(pilot, "Three Little Birds")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].answers[-1] == Answer(
            "What song reminds you of home?", "Three Little Birds"
        )


async def test_own_question_needs_the_question():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o", "tab")
        await paste(pilot, "an answer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
        assert "type the question" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.workbook == family()


async def test_edit_and_remove_an_answer():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await highlight(pilot, app, "answer-0")
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, QuestionDialog)
        assert dialog.query_one("#question", Input).value == ROOTS_QUESTIONS[0]
        assert dialog.query_one("#answer", TextArea).text == "Grandad Ray"
        await paste(pilot, " and his boat")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].answers == (
            Answer(ROOTS_QUESTIONS[0], "Grandad Ray and his boat"),
        )
        assert highlighted(app) == "answer-0"
        await pilot.press("x")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].answers == ()
        assert any("Ctrl+Z" in n for n in notices(app))
        assert app.labels[-1] == "Removed an answer from Roots"


# -- practitioner note and child view ----------------------------------------------------------


async def test_practitioner_note_is_written_with_n_and_hidden_in_child_view():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        assert isinstance(app.screen, TextDialog)
        await paste(pilot, "Quiet about mornings")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.workbook.tree["ground"].practitioner_note == "Quiet about mornings"
        assert "note" in option_ids(app)
        assert "Quiet about mornings" in screen_text(items(app))

        await pilot.press("f2")
        await pilot.pause()
        assert step(app).child_view
        assert "note" not in option_ids(app)
        assert "h-note" not in option_ids(app)
        assert "Quiet about mornings" not in screen_text(items(app))
        assert "Practitioner" not in screen_text(items(app))
        # n does nothing in child view: no dialog shows the note.
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, TextDialog)
        assert not step(app).check_action("note", ())


async def test_remove_the_practitioner_note():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await highlight(pilot, app, "note")
        await pilot.press("x")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].practitioner_note == ""


async def test_guidance_is_practitioner_only():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        guidance = app.query_one("#part-guidance")
        assert guidance.display
        await pilot.press("f2")
        await pilot.pause()
        assert not guidance.display


# -- the leaves ----------------------------------------------------------------------------------


async def test_link_a_new_person_to_the_leaves():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        assert step(app).part == "leaves"
        await pilot.press("l")
        assert isinstance(app.screen, PersonDialog)
        await paste(pilot, "Auntie Pearl")
        await pilot.press("enter")
        await paste(pilot, "great-aunt")
        await pilot.press("enter")
        await pilot.pause()
        workbook = app.session.workbook
        pearl = workbook.person("auntie-pearl")
        assert (pearl.name, pearl.relationship, pearl.living, pearl.known) == (
            "Auntie Pearl", "great-aunt", True, True
        )
        assert workbook.tree["leaves"].people[-1] == "auntie-pearl"
        assert highlighted(app) == "person-auntie-pearl"
        assert app.labels == ["Linked a person to Leaves"]
        assert any("passed away" in n for n in notices(app))


async def test_link_someone_already_in_the_workbook():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "l")
        await paste(pilot, "grandad ray")
        await pilot.press("enter")
        await pilot.pause()
        workbook = app.session.workbook
        assert len(workbook.people) == len(family().people)
        assert workbook.tree["leaves"].people == ("nanna-jo", "kai", "bold", "grandad")
        assert "passed away" in screen_text(items(app))


async def test_link_is_only_for_the_leaves():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert not isinstance(app.screen, PersonDialog)
        assert not step(app).check_action("link_person", ())


async def test_mark_passed_away_and_never_met():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await highlight(pilot, app, "person-nanna-jo")
        await pilot.press("p")
        await pilot.pause()
        assert app.session.workbook.person("nanna-jo").living is False
        assert app.labels[-1] == "Marked a leaf as passed away"
        await pilot.press("m")
        await pilot.pause()
        assert app.session.workbook.person("nanna-jo").known is False
        assert highlighted(app) == "person-nanna-jo"
        text = screen_text(items(app))
        assert "passed away · never met" in text
        await pilot.press("p", "m")
        await pilot.pause()
        person = app.session.workbook.person("nanna-jo")
        assert (person.living, person.known) == (True, True)


async def test_add_a_leaf_to_who_matters_with_the_childs_agreement():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await highlight(pilot, app, "person-nanna-jo")
        # The footer names the circle in the content's words.
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Add to Who matters" in descriptions
        await pilot.press("c")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # not now
        await pilot.pause()
        assert app.session.workbook == family()
        await pilot.press("c", "y")
        await pilot.pause()
        placements = app.session.workbook.circles["who-matters"]
        assert placements[-1] == Placement("nanna-jo", 2, named_by="child")
        assert "in Who matters" in items(app).get_option("person-nanna-jo").prompt.plain
        # Pressing c again does not add a second placement.
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert len(app.session.workbook.circles["who-matters"]) == 2


async def test_only_living_known_people_go_to_who_matters():
    workbook = family()
    workbook = attrs.evolve(
        workbook,
        tree={**workbook.tree, "leaves": TreePart(people=("grandad",))},
    )
    app = harness(workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await highlight(pilot, app, "person-grandad")
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.session.workbook == workbook
        assert any("Only living people" in n for n in notices(app))


async def test_unlink_a_person_keeps_them_in_the_workbook():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await highlight(pilot, app, "person-kai")
        await pilot.press("x")
        await pilot.pause()
        workbook = app.session.workbook
        assert workbook.tree["leaves"].people == ("nanna-jo", "bold")
        assert workbook.person("kai").name == "Kai"
        assert any("Kai" in n and "Ctrl+Z" in n for n in notices(app))


async def test_edit_what_the_child_says_about_a_leaf():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await highlight(pilot, app, "person-nanna-jo")
        await pilot.press("e")
        assert isinstance(app.screen, TextDialog)
        await paste(pilot, "She makes dumplings")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.workbook.person("nanna-jo").note == "She makes dumplings"


async def test_person_keys_hidden_away_from_people():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert highlighted(app) == "word-0"
        keys = {b.binding.key for b in app.screen.active_bindings.values()
                if b.binding.show and b.enabled}
        assert "l" in keys
        assert not {"p", "m", "c"} & keys
        await highlight(pilot, app, "person-kai")
        keys = {b.binding.key for b in app.screen.active_bindings.values()
                if b.binding.show and b.enabled}
        assert {"p", "m", "c"} <= keys


# -- moving between parts and the storms --------------------------------------------------------


async def test_move_between_parts_with_arrows_and_numbers():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        drawing = app.query_one(TreeDrawing)
        await pilot.press("right")
        assert step(app).part == "ground"
        assert drawing.current == "ground"
        await pilot.press("left", "left")
        assert step(app).part == "roots"
        await pilot.press("7")
        assert step(app).part == "seeds"
        await pilot.press("right", "right", "right")
        assert step(app).part == "storms"
        await pilot.press("3")
        await pilot.pause()
        assert step(app).part == "trunk"
        assert "3 Trunk · What I'm good at" in str(app.query_one("#part-title").render())


async def test_clicking_a_label_in_the_drawing_picks_that_part():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        y, x0, _, _ = next(hit for hit in drawing._hits if hit[3] == "fruits")
        await pilot.click(TreeDrawing, offset=(x0 + 1 + drawing.styles.padding.left, y))
        await pilot.pause()
        assert step(app).part == "fruits"


async def test_storms_need_an_explicit_start():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert app.session.workbook.storms is None
        assert "Press s to start" in screen_text(items(app))
        # Nothing can be added before the storms are started.
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, TextDialog)
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert bundled().storms.guidance in dialog.body
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.workbook.storms is None
        await pilot.press("s", "y")
        await pilot.pause()
        assert app.session.workbook.storms == TreePart()
        assert app.labels == ["Started the storms of life"]
        await pilot.press("a")
        await paste(pilot, "When Mum was poorly")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.workbook.storms.words == ("When Mum was poorly",)
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert app.session.workbook.storms is None
        assert "Press s to start" in screen_text(items(app))


# -- text is data -----------------------------------------------------------------------------------


async def test_markup_like_text_is_shown_literally():
    workbook = family()
    workbook = attrs.evolve(workbook, about=About(child=ACTION))
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, MARKUP)
        await pilot.press("enter")
        await pilot.press("o")
        await type_text(pilot, ACTION)
        await pilot.press("enter")
        await type_text(pilot, MARKUP)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.workbook.tree["roots"].words[-1] == MARKUP
        assert app.session.workbook.tree["roots"].answers[-1] == Answer(ACTION, MARKUP)
        text = screen_text(items(app))
        assert MARKUP in text
        assert ACTION in text
        assert ACTION in screen_text(app.query_one(TreeDrawing))
        await pilot.press("5")
        await pilot.pause()
        await highlight(pilot, app, "person-bold")
        assert MARKUP in screen_text(items(app))
        await pilot.press("x")
        await pilot.pause()
        assert any(MARKUP in n for n in notices(app))
        assert app.is_running


# -- progress -----------------------------------------------------------------------------------------


def test_progress_empty_started_done():
    content = bundled()
    tree_step = TreeStep(content)
    empty = Workbook(About(child="Sam"))
    assert tree_step.progress(empty) == "empty"
    noted = attrs.evolve(empty, tree={"roots": TreePart(practitioner_note="later")})
    assert tree_step.progress(noted) == "started"
    assert tree_step.progress(attrs.evolve(empty, storms=TreePart())) == "started"
    assert tree_step.progress(family()) == "started"
    full = attrs.evolve(
        empty, tree={part: TreePart(words=(f"{part} words",)) for part in TREE_PARTS}
    )
    assert tree_progress(full) == "done"
    # An asked question counts as an entry, and so does a linked person on the leaves.
    asked = attrs.evolve(full, tree={**full.tree, "seeds": TreePart(answers=(Answer("Who?"),))})
    assert tree_progress(asked) == "done"
    people = attrs.evolve(
        family(),
        tree={**full.tree, "leaves": TreePart(people=("kai",))},
    )
    assert tree_progress(people) == "done"


def test_complete_example_is_done(complete_example):
    assert TreeStep(bundled()).progress(complete_example) == "done"


# -- sizes and snapshots ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "mode"),
    # Narrow and tall enough: a compact tree above the detail; narrow and short: a line of labels.
    [((60, 24), "tree"), ((60, 18), "strip"), ((80, 24), "tree"), ((120, 40), "tree"),
     ((80, 10), "list")],
)
async def test_drawing_fits_the_space(size, mode):
    app = harness()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        drawing = app.query_one(TreeDrawing)
        assert drawing.mode == mode
        text = screen_text(drawing)
        for title in ("Roots", "Ground", "Trunk", "Branches", "Leaves", "Fruits", "Seeds"):
            assert title in text
        assert "▶ 1 Roots" in text
        # The detail pane keeps enough room to read.
        assert app.query_one("#detail").size.width >= 40


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_snapshot_complete_example(snap_compare, complete_example, size):
    assert snap_compare(harness(complete_example), terminal_size=size)


def test_snapshot_leaves(snap_compare, complete_example):
    assert snap_compare(harness(complete_example), terminal_size=(120, 40), press=["5"])


def test_snapshot_storms_not_started_child_view(snap_compare):
    assert snap_compare(harness(), terminal_size=(80, 24), press=["8", "f2"])


def test_snapshot_question_dialog(snap_compare, complete_example):
    assert snap_compare(harness(complete_example), terminal_size=(80, 24), press=["2", "q"])


# -- dialog chains typed straight through ---------------------------------------------------------


async def test_storms_started_and_written_in_one_run_of_keys():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "s", "y", "a", *"rain", "enter")
        await pilot.pause()
        assert app.session.workbook.storms == TreePart(words=("rain",))
        assert app.labels == ["Started the storms of life", "Added to Storms of life"]


async def test_link_a_new_person_then_mark_them_in_one_run_of_keys():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "l", *"Pearl", "enter", *"aunt", "enter", "m")
        await pilot.pause()
        workbook = app.session.workbook
        assert workbook.tree["leaves"].people[-1] == "pearl"
        assert (workbook.person("pearl").relationship, workbook.person("pearl").known) == (
            "aunt", False
        )
        assert app.labels == ["Linked a person to Leaves", "Marked a leaf as never met"]


async def test_an_edit_to_words_that_changed_under_the_dialog_is_refused():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")  # Leeds goes; Jamaica is now first
        await pilot.pause()
        await pilot.press("e")
        assert app.screen.query_one(Input).value == "Jamaica"
        app.action_undo()  # Leeds comes back first while the dialog is open
        await pilot.pause()
        await pilot.press(*"Kingston", "enter")
        await pilot.pause()
        assert app.session.workbook == family()
        assert any("in the meantime" in n for n in notices(app))


async def test_the_circle_key_keeps_a_renamed_circles_name():
    wording = bundled()
    circle = wording.circle("who-matters")
    renamed = attrs.evolve(
        wording,
        circles=tuple(attrs.evolve(c, short="Mine") if c is circle else c
                      for c in wording.circles),
    )
    app = StepHarness(TreeStep(renamed), family())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await highlight(pilot, app, "person-nanna-jo")
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Add to circle" in descriptions
        assert "Add to Who matters" not in descriptions
        await pilot.press("c", "y")
        await pilot.pause()
        assert app.session.workbook.circles["who-matters"][-1].person == "nanna-jo"
        assert app.labels == ["Added a leaf to Mine"]


def type_ahead(app: StepHarness, *keys: str) -> None:
    """Keys arriving in one burst, as from a fast typist: none waits for the one before."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_a_dialog_gets_the_keys_typed_straight_after_the_one_that_opened_it():
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        type_ahead(app, "s", "y")
        await settle(pilot)  # until every key is handled: one pause is not enough on a busy machine
        assert app.session.workbook.storms == TreePart()
        await pilot.press("5")
        await highlight(pilot, app, "person-nanna-jo")
        type_ahead(app, "c", "y")
        await settle(pilot)
        assert app.session.workbook.circles["who-matters"][-1].person == "nanna-jo"
        assert app.labels == ["Started the storms of life", "Added a leaf to Who matters"]
