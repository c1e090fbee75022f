"""Small dialogs every step uses: confirm, ask for text, pick or name a person."""

from __future__ import annotations

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static, TextArea

from circles_tui.core.model import Person, Workbook

DIALOG_CSS = """
{name} {
    align: center middle;
    background: $background 60%;
}
{name} > Vertical {
    width: 70;
    max-width: 95%;
    height: auto;
    max-height: 90%;
    border: thick $primary;
    background: $surface;
    padding: 1 2;
}
{name} .dialog-title {
    text-style: bold;
    margin-bottom: 1;
}
{name} .dialog-help {
    color: $text-muted;
    margin-bottom: 1;
}
{name} .dialog-buttons {
    height: auto;
    align-horizontal: right;
    margin-top: 1;
}
{name} .dialog-buttons Button {
    margin-left: 1;
}
{name} .dialog-error {
    color: $error;
    height: auto;
}
"""


def dialog_css(name: str) -> str:
    return DIALOG_CSS.replace("{name}", name)


class ConfirmDialog(ModalScreen[bool]):
    """Ask before something that cannot be taken back easily. Escape means no."""

    DEFAULT_CSS = dialog_css("ConfirmDialog")
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Cancel"),
        Binding("y", "dismiss(True)", "Yes", show=False),
        Binding("n", "dismiss(False)", "No", show=False),
    ]

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.body))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def choose(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class TextDialog(ModalScreen[str | None]):
    """Ask for one piece of text; multi-line text uses a text area (ctrl+s or the button saves)."""

    DEFAULT_CSS = dialog_css("TextDialog") + """
    TextDialog TextArea { height: 8; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "done", "Done"),
    ]

    def __init__(
        self, title: str, value: str = "", help: str = "", multiline: bool = False,
        placeholder: str = "",
    ) -> None:
        super().__init__()
        self.title_text, self.value, self.help = title, value, help
        self.multiline, self.placeholder = multiline, placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            if self.help:
                yield Static(Content(self.help), classes="dialog-help")
            if self.multiline:
                yield TextArea(self.value, id="text", soft_wrap=True, tab_behavior="focus")
            else:
                yield Input(self.value, placeholder=self.placeholder, id="text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Done", id="done", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#text").focus()

    def _text(self) -> str:
        widget = self.query_one("#text")
        return widget.text if isinstance(widget, TextArea) else widget.value

    def action_done(self) -> None:
        self.dismiss(self._text())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_done()

    @on(Button.Pressed, "#done")
    def done_pressed(self) -> None:
        self.action_done()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()


@attrs.frozen
class PersonChoice:
    """What the person dialog returns: an existing person, or a new one to add."""

    person: Person
    is_new: bool


class PersonDialog(ModalScreen[PersonChoice | None]):
    """Type a name: names already in the workbook complete; a new name makes a new person."""

    DEFAULT_CSS = dialog_css("PersonDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, workbook: Workbook, title: str, exclude: set[str] = frozenset()) -> None:
        super().__init__()
        self.workbook = workbook
        self.title_text = title
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        names = [p.name for p in self.workbook.people if p.id not in self.exclude]
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(
                "Type their name as the child says it. Names already in the workbook "
                "complete with the right arrow key.",
                classes="dialog-help",
            )
            yield Label("Name")
            yield Input(id="name", suggester=SuggestFromList(names, case_sensitive=False))
            yield Label("Relationship to the child (for someone new)")
            yield Input(id="relationship", placeholder="for example: grandmother, teacher")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Add", id="add", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def existing(self, name: str) -> Person | None:
        wanted = name.strip().casefold()
        for person in self.workbook.people:
            if person.name.strip().casefold() == wanted:
                return person
        return None

    @on(Input.Submitted, "#name")
    def name_submitted(self) -> None:
        name = self.query_one("#name", Input).value
        if self.existing(name) is not None:
            self.action_add()
        else:
            self.query_one("#relationship", Input).focus()

    @on(Input.Submitted, "#relationship")
    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        from circles_tui.core.edits.people import new_person_id

        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.query_one("#error", Static).update("Please type a name.")
            return
        person = self.existing(name)
        if person is not None:
            if person.id in self.exclude:
                self.query_one("#error", Static).update(
                    Content(f"{person.name} is already here.")
                )
                return
            self.dismiss(PersonChoice(person, is_new=False))
            return
        relationship = self.query_one("#relationship", Input).value.strip()
        person = Person(new_person_id(self.workbook, name), name, relationship)
        self.dismiss(PersonChoice(person, is_new=True))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
