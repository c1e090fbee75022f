"""Appreciative Inquiry on every step: the key that asks a question, and the list of answers.

`Step` inherits `AsksQuestions`, so every step (and any step added later) has the same key
(`ASK`, F6): a picker of the bank's questions the wording suits to this step
(`core.step_questions.suited_questions`) and "my own question", then a dialog for the
answer. The answers show in a short list at the foot of the step (`AnsweredQuestions`),
hidden while there are none; with it focused (Tab), e or Enter edits one and x removes it.
A step's id is its widget id without "step-" (how the workspace builds them); a step
without one (a test hosting it alone) asks nothing.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import GUIDANCE, sees
from circles_tui.core.edits import step_questions as edits
from circles_tui.core.model import Workbook
from circles_tui.core.step_questions import StepAnswer, answered_steps, step_name, suited_questions
from circles_tui.core.wording import Wording

ASK = Binding("f6", "inquire", "Questions", id="step-questions")
OWN = "own"
ASKED_MARK, NOT_ASKED_MARK = "✓", "○"


class AnsweredQuestions(OptionList):
    """The questions asked on this step and what was said. Its own keys edit and remove."""

    DEFAULT_CSS = """
    AnsweredQuestions {
        dock: bottom;
        height: auto;
        max-height: 35%;  /* the step's own work keeps most of the room */
        border: round $panel-lighten-2;
        border-title-style: bold;
        border-title-color: $text;
        border-subtitle-color: $text-muted;
        background: transparent;
    }
    AnsweredQuestions:focus { border: heavy $primary; }
    """
    BINDINGS = [
        Binding("e", "change", "Edit answer", id="step-questions.edit"),
        Binding("enter", "change", "Edit answer", show=False),
        Binding("x,delete", "remove", "Remove answer", id="step-questions.remove"),
    ]

    def __init__(self) -> None:
        super().__init__(id="answered-questions")
        self.display = False
        self.border_title = "Questions asked here"
        self.border_subtitle = f"{ASK.key.upper()} ask · Tab here: e edit, x remove"

    def show(self, answers: tuple[StepAnswer, ...], named_by: dict[str, str],
             private: bool) -> None:
        """One entry per answer: the question, then what was said and who said it."""
        index = self.highlighted
        options: list[Option] = []
        for number, answer in enumerate(answers):
            who = named_by.get(answer.answered_by, "")
            said: list[tuple[str, str]] = [("\n  ", "")]
            if who:
                said.append((f"{who}: ", "$text-muted"))
            said.append((f"“{answer.answer}”", "italic") if answer.answer
                        else ("no answer written yet", "$text-muted italic"))
            if private and answer.practitioner_note:
                said += [("\n  ", ""), ("Practitioner only: ", "$text-warning"),
                         (answer.practitioner_note, "")]
            options.append(Option(Content.assemble(("? ", "bold $text-accent"),
                                                   (answer.question, "bold"), *said),
                                  id=f"answer-{number}"))
        self.set_options(options)
        if options:
            self.highlighted = min(index or 0, len(options) - 1)
        self.border_title = f"Questions asked here ({len(options)})"
        self.display = bool(options)

    # Only this list's own messages: the step's own lists must not see its highlights.
    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:  # a click
        event.stop()
        self._step().change_step_answer(event.option_index, remove=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("change", "remove"):
            return self.highlighted is not None
        return True

    # The keys call the step at once, not by a message: the step's dialog must start while
    # the key is handled, so type-ahead holds the keys typed next for it (type_ahead.py).
    def action_change(self) -> None:
        if self.highlighted is not None:
            self._step().change_step_answer(self.highlighted, remove=False)

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self._step().change_step_answer(self.highlighted, remove=True)

    def _step(self) -> AsksQuestions:
        return next(node for node in self.ancestors if isinstance(node, AsksQuestions))


class AnswersOnEveryStep(VerticalScroll, can_focus=True):
    """For the Summary: every step's questions and answers, in the guided order; hidden while
    there are none. Shows the workbook it is given: the audience's view of it."""

    # Framed like the Summary's other boxes (its CSS); below them, in less room.
    DEFAULT_CSS = """
    AnswersOnEveryStep { height: auto; max-height: 30%; }
    AnswersOnEveryStep Static { height: auto; }
    """

    def compose(self):
        yield Static()

    def show(self, workbook: Workbook, content: Wording) -> None:
        lines: list[Content] = []
        for step, answers in answered_steps(workbook.questions, content.step_order):
            lines.append(Content.styled(step_name(content, step), "bold underline"))
            for answer in answers:
                who = content.named_by.get(answer.answered_by, "")
                lines.append(Content.assemble(
                    ("? ", "bold $text-accent"), (answer.question, "bold"),
                    ("  ", ""), (f"{who}: " if who else "", "$text-muted"),
                    (f"“{answer.answer}”" if answer.answer else "", "italic")))
                if answer.practitioner_note:  # only in a view that keeps the notes
                    lines.append(Content.assemble("  ", ("Practitioner only: ", "$text-warning"),
                                                  answer.practitioner_note))
        self.border_title = content.heading("questions", "Questions asked on each step")
        self.query_one(Static).update(Content("\n").join(lines))
        self.display = bool(lines)


class AsksQuestions:
    """What `Step` gains: the ask key's action and the list of answers (see module docs)."""

    @property
    def step_id(self) -> str:
        widget_id = self.id or ""
        return widget_id.removeprefix("step-") if widget_id.startswith("step-") else ""

    def mount_answered_questions(self) -> None:
        self.mount(AnsweredQuestions())

    def show_answered_questions(self, workbook: Workbook) -> None:
        found = self.query(AnsweredQuestions)
        if found:
            found.first().show(workbook.questions.get(self.step_id, ()), self.content.named_by,
                               sees(self.audience, "StepAnswer.practitioner_note"))

    def _questions_step_name(self) -> str:
        return step_name(self.wording, self.step_id)

    @work
    async def action_inquire(self) -> None:
        from circles_tui.dialogs.meeting_forms import ChoiceDialog

        step, workbook = self.step_id, self.workbook
        if not step or workbook is None:
            return
        suited = suited_questions(self.wording, step)
        answers = workbook.questions.get(step, ())
        asked = {a.question for a in answers}
        choices: dict[str, str | Content] = {
            f"q{i}": Content.assemble(
                (f"{ASKED_MARK} " if q.text in asked else f"{NOT_ASKED_MARK} ",
                 "$text-success" if q.text in asked else "$text-muted"),
                (f"{q.stage}: ", "bold"), q.text)
            for i, q in enumerate(suited)
        }
        choices[OWN] = Content.assemble(("+ ", "bold"), "My own question…")
        guidance = self.wording.ai_guidance if sees(self.audience, GUIDANCE) else ""
        picked = await self.app.push_screen_wait(ChoiceDialog(
            f"Ask a question: {self._questions_step_name()}", choices, help=guidance))
        if picked is None:
            return
        question = "" if picked == OWN else suited[int(picked[1:])].text
        who = answers[-1].answered_by if answers else "child"
        answer = await self._ask_step_answer(StepAnswer(question, answered_by=who))
        if answer is not None:
            self.edit(partial(edits.add_answer, step, answer),
                      f"Asked a question in {self._questions_step_name()}")

    async def _ask_step_answer(self, answer: StepAnswer) -> StepAnswer | None:
        from circles_tui.dialogs.step_answer import StepAnswerDialog

        return await self.app.push_screen_wait(StepAnswerDialog(
            f"Question and answer: {self._questions_step_name()}", answer, self.content.named_by,
            child_view=self.child_view))

    @work
    async def change_step_answer(self, index: int, remove: bool) -> None:
        """Edit (a dialog) or remove the answer at `index` of this step."""
        step, workbook = self.step_id, self.workbook
        answers = workbook.questions.get(step, ()) if workbook is not None else ()
        if not step or not 0 <= index < len(answers):
            return
        old = answers[index]
        if remove:
            self.edit(partial(edits.remove_answer, step, index, old),
                      f"Removed a question from {self._questions_step_name()}")
            self.notify("Removed. Press ctrl+z to undo.", timeout=4)
            return
        new = await self._ask_step_answer(old)
        if new is not None and new != old:
            self.edit(partial(edits.change_answer, step, index, old, new),
                      f"Changed an answer in {self._questions_step_name()}")
