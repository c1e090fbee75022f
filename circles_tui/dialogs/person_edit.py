"""Edit one person's details, and pick a person from a list (for merging two entries).

Everything typed here is the family's words: shown literally, never as markup.
In child view the fields the child should not see (contact details, concerns and
practitioner-only notes) are left out of the dialog, and their values are kept.
"""

from __future__ import annotations

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.dialogs.common import dialog_css
from circles_tui.model import Person

# A compact form: one line per field, the label to the left. Shared with the supporter dialog.
FORM_CSS = """
{name} > Vertical {
    width: 84;
}
{name} .form {
    height: auto;
    max-height: 100%;
}
{name} .form-row {
    height: auto;
    margin-bottom: 1;
}
{name} .form-row > Label {
    width: 22;
    padding-right: 1;
    color: $text-muted;
}
{name} .form-row > Vertical {
    height: auto;
    width: 1fr;
}
{name} .form-row Input {
    background: $boost;
}
{name} .form-row Input:focus {
    background-tint: $primary 20%;
}
{name} .form-row .form-help {
    color: $text-muted;
    text-style: italic;
}
{name} .form-row.-private > Label {
    color: $warning;
}
{name} .form-checks {
    height: auto;
    padding-left: 22;
}
{name} .form-checks Checkbox {
    margin-right: 3;
}
"""


def form_css(name: str) -> str:
    return dialog_css(name) + FORM_CSS.replace("{name}", name)


def form_row(
    label: str, field: Widget, help: str = "", private: bool = False, id: str | None = None,
) -> Horizontal:
    """One labelled field; `private` marks it practitioner-only (in words as well as colour)."""
    shown = f"{label} (practitioner only)" if private else label
    parts: list[Widget] = [field]
    if help:
        parts.append(Static(Content(help), classes="form-help"))
    return Horizontal(
        Label(Content(shown)),
        Vertical(*parts),
        classes="form-row -private" if private else "form-row",
        id=id,
    )


def text_input(value: str, id: str, placeholder: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=id, compact=True)


CONTACT_HELP = (
    "Only needed at the invitation stage, and only with the family's consent. "
    "Leave it empty until then."
)


class PersonEditDialog(ModalScreen[Person | None]):
    """A person's details. Returns the changed Person, or None when cancelled."""

    DEFAULT_CSS = form_css("PersonEditDialog")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Done"),
    ]

    def __init__(self, person: Person, title: str, child_view: bool = False) -> None:
        super().__init__()
        self.person = person
        self.title_text = title
        self.child_view = child_view

    def compose(self) -> ComposeResult:
        p = self.person
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="form"):
                yield form_row("Name", text_input(p.name, "name"),
                               help="As the child says it, for example \"Nanna Jo\".")
                yield form_row("Relationship", text_input(
                    p.relationship, "relationship", "for example: grandmother, teacher"))
                yield form_row("Where they live", text_input(
                    p.lives, "lives", "a town, or the country if abroad"))
                if not self.child_view:
                    yield form_row("Contact", text_input(p.contact, "contact"),
                                   help=CONTACT_HELP, private=True)
                yield form_row("Note", text_input(p.note, "note", "in the child's words"))
                if not self.child_view:
                    yield form_row("Note", text_input(p.practitioner_note, "practitioner_note"),
                                   private=True)
                    yield form_row(
                        "Concern", text_input(p.concern, "concern"), private=True,
                        help="Anything to discuss before this person is invited. "
                        "A concern never rules anyone out on its own.",
                    )
                with Horizontal(classes="form-checks"):
                    yield Checkbox("Living", p.living, id="living", compact=True)
                    yield Checkbox("The child knows them", p.known, id="known", compact=True)
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Done", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def _value(self, field: str) -> str:
        found = self.query(f"#{field}")
        if not found:
            return getattr(self.person, field)  # hidden in child view: keep what was there
        widget = found.first(Input)
        return widget.value.strip()

    def action_save(self) -> None:
        name = self._value("name")
        if not name:
            self.query_one("#error", Static).update("Please give a name.")
            self.query_one("#name", Input).focus()
            return
        person = attrs.evolve(
            self.person,
            name=name,
            relationship=self._value("relationship"),
            lives=self._value("lives"),
            contact=self._value("contact"),
            note=self._value("note"),
            practitioner_note=self._value("practitioner_note"),
            concern=self._value("concern"),
            living=self.query_one("#living", Checkbox).value,
            known=self.query_one("#known", Checkbox).value,
        )
        self.dismiss(person)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()


class PickPersonDialog(ModalScreen[str | None]):
    """Choose one person from a list. Returns their id, or None when cancelled."""

    DEFAULT_CSS = dialog_css("PickPersonDialog") + """
    PickPersonDialog OptionList {
        height: auto;
        max-height: 14;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, help: str, people: list[Person]) -> None:
        super().__init__()
        self.title_text = title
        self.help = help
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.help), classes="dialog-help")
            yield OptionList(
                *(Option(describe_person(p), id=p.id) for p in self.people), id="people"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def describe_person(person: Person) -> Content:
    """"Nanna Jo  (grandmother, Leeds)": the name in bold, literal."""
    details = ", ".join(x for x in (person.relationship, person.lives) if x)
    name = Content.styled(person.name, "bold")
    return name + Content(f"  ({details})") if details else name
