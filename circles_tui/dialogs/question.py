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
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from circles_tui.dialogs.common import dialog_css
from circles_tui.core.model import Answer

ASKED_MARK = "✓"
NOT_ASKED_MARK = "○"


class QuestionDialog(ModalScreen[Answer | None]):
    """Pick (or type) a question, then write what the child said. Ctrl+S or Save keeps it."""

    DEFAULT_CSS = dialog_css("QuestionDialog") + """
    QuestionDialog > Vertical {
        width: 76;
    }
    QuestionDialog #questions {
        height: auto;
        max-height: 12;
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
    QuestionDialog .-hidden, QuestionDialog #error {
        display: none;
    }
    QuestionDialog #error.-shown {
        display: block;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

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
        super().__init__()
        self.title_text = title
        self.questions = tuple(questions)
        self.asked = set(asked)
        self.question = question
        self.answer = answer
        self.help = help
        self.picking = bool(self.questions) and not question
        self.chosen: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
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
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

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
            options = self.query_one("#questions", OptionList)
            # Start on the first question not yet asked.
            first_new = next(
                (i for i, q in enumerate(self.questions) if q not in self.asked), 0
            )
            options.highlighted = first_new
            options.focus()
        elif not self.question:
            self.query_one("#question", Input).focus()
        else:
            answer = self.query_one("#answer", TextArea)
            answer.move_cursor(answer.document.end)
            answer.focus()

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
        answer.focus()

    @on(Input.Submitted, "#question")
    def question_submitted(self) -> None:
        self.query_one("#answer", TextArea).focus()

    def _question_text(self) -> str:
        if not self.picking:
            return self.query_one("#question", Input).value.strip()
        if self.chosen is None:
            index = self.query_one("#questions", OptionList).highlighted
            if index is not None:
                return self.questions[index]
            return ""
        return self.chosen

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        question = self._question_text()
        if not question:
            error = self.query_one("#error", Static)
            error.update("Please type the question you asked.")
            error.add_class("-shown")
            self.query_one("#question", Input).focus()
            return
        answer = self.query_one("#answer", TextArea).text.strip()
        self.dismiss(Answer(question, answer))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
