"""Appreciative Inquiry on every step, on screen: the ask key (F6) on several kinds of step,
typed as one burst; the list of answers with its own keys; child view; how it looks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from circles_tui.app import CirclesApp
from circles_tui.core.edits import step_questions as edits
from circles_tui.core.file_format import read_workbook, save_workbook
from circles_tui.core.model import About, Person, Placement, TreePart, Workbook
from circles_tui.core.step_questions import StepAnswer, suited_questions
from circles_tui.core.wording import bundled
from circles_tui.dialogs.meeting_forms import ChoiceDialog
from circles_tui.dialogs.step_answer import StepAnswerDialog
from circles_tui.steps.circle import CircleStep
from circles_tui.steps.family_plan import FamilyPlanStep
from circles_tui.steps.step_questions import AnsweredQuestions
from circles_tui.steps.tree import TreeStep
from tests.bursts import Typed, burst, settle
from tests.harness import StepHarness
from tests.test_snapshots import example  # noqa: F401 - a fixture: the complete example, copied

HELPED = StepAnswer("Who has helped you in a way that really made a difference?",
                    "Nanna Jo, when Mum was in hospital", "child", "Check the dates with Kerry")


def family(**questions: tuple[StepAnswer, ...]) -> Workbook:
    return Workbook(
        About("Mia", 8),
        people=(Person("nanna-jo", "Nanna Jo", "grandmother"), Person("kai", "[b]Kai[/b]", "friend")),
        circles={"who-matters": (Placement("nanna-jo", 1, "child"),)},
        tree={"roots": TreePart(words=("Jamaica",))},
        questions=questions,
    )


def answers(app: StepHarness, step: str) -> tuple[StepAnswer, ...]:
    return app.session.workbook.questions.get(step, ())


async def test_f6_on_a_circle_asks_a_suited_question_typed_as_one_burst():
    app = StepHarness(CircleStep(bundled(), "who-matters", id="step-who-matters"), family())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = app.step.query_one(AnsweredQuestions)
        assert not panel.display  # nothing asked yet: no empty box
        burst(app, "f6", "enter", Typed("Nanna Jo, when Mum was in hospital"), "ctrl+s")
        await settle(pilot)
        first = suited_questions(bundled(), "who-matters")[0].text
        assert answers(app, "who-matters") == (
            StepAnswer(first, "Nanna Jo, when Mum was in hospital", "child"),)
        assert app.labels == ["Asked a question in Who matters"]
        assert panel.display and panel.option_count == 1
        assert first in str(panel.get_option_at_index(0).prompt)
        # The placements of the circle were not touched, and the step's own list kept focus.
        assert app.session.workbook.circles == family().circles
        assert app.focused is not panel


async def test_my_own_question_with_who_answered_on_the_family_plan():
    app = StepHarness(FamilyPlanStep(bundled(), id="step-family-plan"), family())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "f6", "end", "enter", Typed("What would Nanna Jo say?"), "enter",
              Typed("She would be proud"), "tab", "down", "tab", Typed("Ask Nanna Jo too"),
              "ctrl+s")
        await settle(pilot)
        assert answers(app, "family-plan") == (StepAnswer(
            "What would Nanna Jo say?", "She would be proud", "parent-carer", "Ask Nanna Jo too"),)
        assert app.session.workbook.meeting.plan.rows == ()  # nothing landed in the plan


async def test_the_own_question_cannot_be_left_empty():
    app = StepHarness(FamilyPlanStep(bundled(), id="step-family-plan"), family())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "f6", "end", "enter", "tab", Typed("an answer"), "ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, StepAnswerDialog)
        assert "type the question" in str(dialog.query_one("#error").render())
        assert dialog.focused is dialog.query_one("#question", Input)
        burst(app, "escape")
        await settle(pilot)
        assert answers(app, "family-plan") == ()


async def test_on_the_tree_the_list_of_answers_edits_and_removes_with_its_own_keys():
    app = StepHarness(TreeStep(bundled(), id="step-tree"), family(tree=(HELPED,)))
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        panel = app.step.query_one(AnsweredQuestions)
        assert panel.display
        panel.focus()
        await settle(pilot)
        burst(app, "e", Typed(" and Grandad"), "tab", "down", "ctrl+s")
        await settle(pilot)
        changed = answers(app, "tree")[0]
        assert changed.answer == "Nanna Jo, when Mum was in hospital and Grandad"
        assert changed.answered_by == "parent-carer"
        assert changed.practitioner_note == HELPED.practitioner_note
        assert app.session.workbook.tree == family().tree  # the tree's own parts untouched
        burst(app, "x")
        await settle(pilot)
        assert answers(app, "tree") == ()
        assert not panel.display
        assert "Removed. Press ctrl+z to undo." in app.notices
        burst(app, "ctrl+z")
        await settle(pilot)
        assert answers(app, "tree")[0] == changed
        # Enter on an answer edits it too; Escape leaves it as it was.
        app.step.query_one(AnsweredQuestions).focus()
        burst(app, "enter")
        await settle(pilot)
        assert isinstance(app.screen, StepAnswerDialog)
        burst(app, "escape")
        await settle(pilot)
        assert answers(app, "tree")[0] == changed


async def test_in_child_view_answers_show_without_the_practitioners_note():
    app = StepHarness(CircleStep(bundled(), "who-matters", id="step-who-matters"),
                      family(**{"who-matters": (HELPED,)}))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = app.step.query_one(AnsweredQuestions)
        assert "Check the dates" in str(panel.get_option_at_index(0).prompt)
        burst(app, "f2")
        await settle(pilot)
        shown = str(panel.get_option_at_index(0).prompt)
        assert "Nanna Jo, when Mum was in hospital" in shown and "You" in shown
        assert "Check the dates" not in shown
        # The picker gives no practitioner guidance; the answer dialog no note field.
        burst(app, "f6")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ChoiceDialog) and not picker.query(".dialog-help")
        burst(app, "enter")
        await settle(pilot)
        assert isinstance(app.screen, StepAnswerDialog)
        assert not app.screen.query("#practitioner-note")
        burst(app, Typed("Lacey"), "ctrl+s")
        await settle(pilot)
        added = answers(app, "who-matters")[1]
        assert added.answer == "Lacey" and added.answered_by == "child"
        # Editing in child view keeps the note it cannot see.
        panel.focus()
        panel.highlighted = 0
        burst(app, "e", Typed("!"), "ctrl+s")
        await settle(pilot)
        assert answers(app, "who-matters")[0].practitioner_note == HELPED.practitioner_note


async def test_f6_works_on_every_step_of_the_workspace(example):
    app = CirclesApp(path=example)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        steps = app.screen.steps
        for index, step in enumerate(steps):
            app.screen.show_step(index)
            await settle(pilot)
            burst(app, "f6")
            await settle(pilot)
            picker = app.screen
            assert isinstance(picker, ChoiceDialog), step.id
            offered = picker.query_one(OptionList).option_count
            assert offered == len(suited_questions(app.content, step.step_id)) + 1, step.id
            burst(app, "escape")
            await settle(pilot)
        assert read_workbook(example).workbook == app.session.workbook  # nothing changed


def with_answers(path: Path) -> Path:
    opened = read_workbook(path)
    workbook = opened.workbook
    for answer in (HELPED, StepAnswer(
            "What would a good day look like?",
            "Mum up and smiling, breakfast together, then Nanna Jo after school.", "child")):
        workbook = edits.add_answer("who-matters", answer, workbook)
    save_workbook(path, workbook, opened.fingerprint)
    return path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_snapshot_a_step_with_answers(snap_compare, example, size):
    async def go(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.show_step(pilot.app.content.step_order.index("who-matters"))
        await pilot.pause()

    assert snap_compare(CirclesApp(path=with_answers(example)), terminal_size=size, run_before=go)


async def test_the_summary_lists_every_steps_answers_and_child_view_hides_the_note():
    from circles_tui.steps.step_questions import AnswersOnEveryStep
    from circles_tui.steps.summary import SummaryStep

    plan = StepAnswer("What is one small step we could take this week?", "Breakfast club")
    app = StepHarness(SummaryStep(bundled(), id="step-summary"),
                      family(**{"who-matters": (HELPED,), "family-plan": (plan,)}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = app.step.query_one(AnswersOnEveryStep)
        shown = str(box.query_one("Static").render())
        assert box.display
        assert shown.index("Who matters") < shown.index(HELPED.question) < shown.index(
            "The family plan") < shown.index("Breakfast club")
        assert "Check the dates with Kerry" in shown
        burst(app, "f2")
        await settle(pilot)
        shown = str(box.query_one("Static").render())
        assert "Nanna Jo, when Mum was in hospital" in shown and "You: " in shown
        assert "Check the dates" not in shown


async def test_f1_help_and_the_footer_name_the_ask_key_on_a_step(example):
    from circles_tui.dialogs.help import HelpScreen, key_rows

    app = CirclesApp(path=example)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.show_step(app.content.step_order.index("who-knows"))
        await settle(pilot)
        assert ("This step: Who knows", "f6", "Questions") in key_rows(app.screen)
        burst(app, "f6", "escape", "f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
