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
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.dialogs.common import dialog_css
from circles_tui.core.model import Person

# A compact form: one line per field, the label to the left, and one help line that
# explains whichever field has focus. Shared with the supporter dialog.
FORM_CSS = """
{name} > Vertical {
    width: 84;
    padding: 0 2;
}
{name} .dialog-title {
    margin-top: 1;
}
{name} #error.-hidden {
    display: none;
}
{name} .form {
    height: auto;
    max-height: 100%;
}
{name} .form-row {
    height: 1;
}
{name} .form-row > Label {
    width: 20;
    padding-right: 1;
    color: $text-muted;
}
{name} .form-row Input {
    width: 1fr;
    background: $boost;
}
{name} .form-row Input:focus {
    background-tint: $primary 20%;
}
{name} .form-row.-private > Label {
    color: $text-warning;
}
{name} .form-section {
    margin-top: 1;
    color: $text-warning;
    text-style: bold;
}
{name} #field-help {
    height: 2;
    margin-top: 1;
    color: $text-muted;
    text-style: italic;
}
{name} .form-checks {
    height: auto;
    margin-top: 1;
    padding-left: 20;
}
{name} .form-checks Checkbox {
    margin-right: 3;
}
"""

PRIVATE_SECTION = "Practitioner only: hidden in child view"


def form_css(name: str) -> str:
    return dialog_css(name) + FORM_CSS.replace("{name}", name)


def form_row(label: str, field: Input, help: str = "", private: bool = False) -> Horizontal:
    """One labelled field on one line; its help shows below the form while it has focus."""
    field.form_help = help  # read by FormHelp
    return Horizontal(
        Label(Content(label)), field, classes="form-row -private" if private else "form-row"
    )


def form_section(title: str) -> Static:
    return Static(Content(title), classes="form-section")


def text_input(value: str, id: str, placeholder: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=id, compact=True)


class FormHelp:
    """Mixin for a form dialog (a ModalScreen with a `.form` inside its Vertical).

    Keeps `#field-help` saying what the focused field is for, and lets the form scroll
    on a short terminal so the buttons below it always stay in view.
    """

    def on_descendant_focus(self, event) -> None:
        help = getattr(event.widget, "form_help", "")
        for line in self.query("#field-help"):  # type: ignore[attr-defined]
            line.update(Content(help))

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_form)  # type: ignore[attr-defined]

    def _fit_form(self) -> None:
        screen = self  # type: ignore[assignment]
        try:
            box = screen.query_one("Vertical")
            form = screen.query_one(".form")
        except Exception:
            return
        others = sum(
            child.outer_size.height + child.styles.margin.height
            for child in box.children if child is not form
        ) + form.styles.margin.height
        room = int(screen.size.height * 0.9) - box.styles.gutter.height - others
        form.styles.max_height = max(3, room)


CONTACT_HELP = (
    "Only needed at the invitation stage, and only with the family's consent. "
    "Leave it empty until then."
)


class PersonEditDialog(FormHelp, ModalScreen[Person | None]):
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
                    p.relationship, "relationship", "for example: grandmother, teacher"),
                    help="Who they are to the child.")
                yield form_row("Where they live", text_input(
                    p.lives, "lives", "a town, or the country if abroad"),
                    help="A town, or the country if they live abroad; it shows everywhere "
                    "they appear.")
                yield form_row("Note", text_input(p.note, "note", "in the child's words"),
                               help="Something about them, in the child's words.")
                with Horizontal(classes="form-checks"):
                    yield Checkbox("Living", p.living, id="living", compact=True)
                    yield Checkbox("The child knows them", p.known, id="known", compact=True)
                if not self.child_view:
                    yield form_section(PRIVATE_SECTION)
                    yield form_row("Contact", text_input(
                        p.contact, "contact", "only at the invitation stage, with consent"),
                        help=CONTACT_HELP, private=True)
                    yield form_row("Note", text_input(p.practitioner_note, "practitioner_note"),
                                   help="Your own note; never shown to the child.",
                                   private=True)
                    yield form_row(
                        "Concern", text_input(p.concern, "concern", "discuss before inviting"),
                        private=True,
                        help="Anything to discuss before this person is invited. "
                        "A concern never rules anyone out on its own.",
                    )
            yield Static(id="field-help")
            yield Static("", id="error", classes="dialog-error -hidden")
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
            error = self.query_one("#error", Static)
            error.update("Please give a name.")
            error.remove_class("-hidden")
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
    PickPersonDialog > Vertical {
        padding: 0 2;
    }
    PickPersonDialog .dialog-title {
        margin-top: 1;
    }
    PickPersonDialog OptionList {
        height: auto;
        max-height: 9;
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
