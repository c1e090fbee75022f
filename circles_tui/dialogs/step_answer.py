"""Write down the answer to an Appreciative Inquiry question asked on a step.

The question (picked from the bank, or typed: the practitioner's own), what was said, who
answered (the wording's `named_by`, in the child's words in child view) and a
practitioner-only note, left out in child view and kept as it was. Returns a
`StepAnswer`, or None when cancelled. An answer may be left empty: nobody has to answer.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from circles_tui.core.audience import audience_of, sees
from circles_tui.core.step_questions import StepAnswer
from circles_tui.dialogs.base import Dialog

NOT_RECORDED = "not-recorded"  # the option for "" (who answered was not written down)


class StepAnswerDialog(Dialog[StepAnswer | None]):
    """The question, the answer, who answered, and the practitioner's note. Ctrl+S keeps it."""

    FINISH = "Save"
    KEYS = "Tab next"
    DEFAULT_CSS = """
    StepAnswerDialog > #dialog { width: 80; }
    StepAnswerDialog .field-label { margin-top: 1; text-style: bold; }
    StepAnswerDialog .practitioner-only { color: $text-warning; }
    StepAnswerDialog TextArea { height: 5; }
    StepAnswerDialog Input { background: $boost; }
    StepAnswerDialog OptionList { height: auto; }
    """

    def __init__(self, title: str, answer: StepAnswer, named_by: dict[str, str],
                 child_view: bool = False, help: str = "") -> None:
        super().__init__(title)
        self.answer, self.named_by, self.help = answer, named_by, help
        self.audience = audience_of(child_view)
        self.who = [*named_by, NOT_RECORDED]

    def compose_body(self) -> ComposeResult:
        if self.help:
            yield Static(Content(self.help), classes="dialog-help")
        yield Label("Question, as you asked it", classes="field-label")
        yield Input(self.answer.question, id="question", placeholder="the question you asked",
                    compact=True)
        yield Label("What they said", classes="field-label")
        yield TextArea(self.answer.answer, id="answer", soft_wrap=True, tab_behavior="focus")
        yield Label("Who answered", classes="field-label")
        yield OptionList(*(Option(Content(label), id=key) for key, label in self.named_by.items()),
                         Option(Content("Not recorded"), id=NOT_RECORDED), id="answered-by")
        if sees(self.audience, "StepAnswer.practitioner_note"):
            yield Label("Practitioner-only note (hidden in child view)",
                        classes="field-label practitioner-only")
            yield Input(self.answer.practitioner_note, id="practitioner-note", compact=True)

    def on_mount(self) -> None:
        who = self.answer.answered_by or NOT_RECORDED
        self.query_one("#answered-by", OptionList).highlighted = (
            self.who.index(who) if who in self.who else len(self.who) - 1)
        answer = self.query_one("#answer", TextArea)
        answer.move_cursor(answer.document.end)
        # On a short screen the answer sits below the question: keep it in view.
        self.call_after_refresh(lambda: self.first_field().scroll_visible(animate=False))

    def first_field(self) -> Widget:
        # A question picked from the bank is there already: the answer comes next.
        return self.query_one("#answer" if self.answer.question.strip() else "#question")

    @on(OptionList.OptionSelected, "#answered-by")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the highlighted one is the choice; Enter only confirms it

    def finish(self) -> None:
        question = self.query_one("#question", Input).value.strip()
        if not question:
            self.show_error("Please type the question you asked.")
            self.set_focus(self.query_one("#question", Input))
            return
        highlighted = self.query_one("#answered-by", OptionList).highlighted
        who = self.who[highlighted] if highlighted is not None else NOT_RECORDED
        note = self.answer.practitioner_note
        if sees(self.audience, "StepAnswer.practitioner_note"):
            note = self.query_one("#practitioner-note", Input).value.strip()
        self.dismiss(StepAnswer(question, self.query_one("#answer", TextArea).text.strip(),
                                "" if who == NOT_RECORDED else who, note))
