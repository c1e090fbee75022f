"""Ask an Appreciative Inquiry question and write down the answer.

Three ways in: pick one of the suggested questions (already-asked ones are
marked), type your own question, or change a question and answer already
written. The dialog returns a `model.Answer` holding the question text itself,
or None when cancelled. An answer may be left empty: a child does not have to
answer.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from circles_tui.core.model import Answer
from circles_tui.dialogs.base import Dialog

ASKED_MARK = "✓"
NOT_ASKED_MARK = "○"


class QuestionDialog(Dialog[Answer | None]):
    """Pick (or type) a question, then write what the child said. Ctrl+S or Save keeps it."""

    FINISH = "Save"
    DEFAULT_CSS = """
    QuestionDialog > #dialog {
        width: 76;
    }
    QuestionDialog #questions {
        height: auto;
        margin-bottom: 1;
    }
    QuestionDialog #chosen {
        text-style: bold italic;
        margin-bottom: 1;
        height: auto;
    }
    QuestionDialog #question {
        margin-bottom: 1;
    }
    QuestionDialog TextArea {
        height: 5;
    }
    QuestionDialog .-hidden {
        display: none;
    }
    """

    def __init__(
        self,
        title: str,
        *,
        questions: Sequence[str] = (),
        asked: Collection[str] = (),
        question: str = "",
        answer: str = "",
        help: str = "",
    ) -> None:
        """With `questions`, the first stage is picking one; otherwise the question is typed."""
        super().__init__(title)
        self.questions = tuple(questions)
        self.asked = set(asked)
        self.question = question
        self.answer = answer
        self.help = help
        self.picking = bool(self.questions) and not question
        self.chosen: str | None = None

    def compose_body(self) -> ComposeResult:
        if self.picking:
            yield Static(
                Content(
                    self.help
                    or f"Pick a question and press Enter. {ASKED_MARK} means it has "
                    "been asked already."
                ),
                classes="dialog-help",
                id="pick-help",
            )
            yield OptionList(
                *(self._question_option(i, q) for i, q in enumerate(self.questions)),
                id="questions",
                markup=False,
            )
            yield Static("", id="chosen", classes="-hidden")
        else:
            if self.help:
                yield Static(Content(self.help), classes="dialog-help")
            yield Label("Question")
            yield Input(self.question, id="question", placeholder="the question, as you asked it")
        yield Label("What they said", id="answer-label", classes="-hidden" if self.picking else "")
        yield TextArea(
            self.answer,
            id="answer",
            soft_wrap=True,
            tab_behavior="focus",
            classes="-hidden" if self.picking else "",
        )

    def _question_option(self, index: int, question: str) -> Option:
        asked = question in self.asked
        prompt = Content.assemble(
            (f"{ASKED_MARK} " if asked else f"{NOT_ASKED_MARK} ",
             "$text-success bold" if asked else "$text-muted"),
            question,
            (" (asked)" if asked else "", "$text-muted italic"),
        )
        return Option(prompt, id=f"q{index}")

    def on_mount(self) -> None:
        if self.picking:
            # Start on the first question not yet asked.
            self.query_one("#questions", OptionList).highlighted = next(
                (i for i, q in enumerate(self.questions) if q not in self.asked), 0
            )
        elif self.question:
            answer = self.query_one("#answer", TextArea)
            answer.move_cursor(answer.document.end)

    def first_field(self) -> Widget:
        if self.picking:
            return self.query_one("#questions", OptionList)
        return self.query_one("#question" if not self.question else "#answer")

    def scroll_part(self) -> Widget:
        # While picking, the list of questions scrolls and its heading stays in view.
        if self.picking and self.chosen is None:
            return self.query_one("#questions", OptionList)
        return super().scroll_part()

    def takes_enter(self, widget: Widget | None) -> bool:
        # Picking a question moves to the answer at once, so the answer typed next lands there.
        return isinstance(widget, (Input, OptionList))

    def enter_pressed(self, field: Widget) -> None:
        if isinstance(field, OptionList):
            if field.highlighted is not None:
                self._choose(self.questions[field.highlighted])
        else:
            super().enter_pressed(field)

    @on(OptionList.OptionSelected, "#questions")
    def pick(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(self.questions[event.option_index])

    def _choose(self, question: str) -> None:
        self.chosen = question
        self.query_one("#questions").add_class("-hidden")
        self.query_one("#pick-help").add_class("-hidden")
        chosen = self.query_one("#chosen", Static)
        chosen.update(Content(question))
        chosen.remove_class("-hidden")
        self.query_one("#answer-label").remove_class("-hidden")
        answer = self.query_one("#answer", TextArea)
        answer.remove_class("-hidden")
        self.set_focus(answer)
        self.query_one("#questions", OptionList).styles.max_height = None
        self.call_after_refresh(self.fit)

    def _question_text(self) -> str:
        if not self.picking:
            return self.query_one("#question", Input).value.strip()
        if self.chosen is None:
            index = self.query_one("#questions", OptionList).highlighted
            if index is not None:
                return self.questions[index]
            return ""
        return self.chosen

    def finish(self) -> None:
        question = self._question_text()
        if not question:
            self.show_error("Please type the question you asked.")
            self.set_focus(self.query_one("#question", Input))
            return
        answer = self.query_one("#answer", TextArea).text.strip()
        self.dismiss(Answer(question, answer))
