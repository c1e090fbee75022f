"""Edit one person's details, and pick a person from a list (for merging two entries).

Everything typed here is the family's words: shown literally, never as markup.
In child view the fields the child should not see (contact details, concerns and
practitioner-only notes) are left out of the dialog, and their values are kept.
"""

from __future__ import annotations

import attrs
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input
from textual.widgets.option_list import Option

from circles_tui.core.model import Person
from circles_tui.core.audience import audience_of
from circles_tui.dialogs.form import (
    FormDialog,
    form_row,
    name_row,
    practitioner_section,
    text_input,
)
from circles_tui.dialogs.list_choice import ListChoiceDialog

CONTACT_HELP = (
    "Only needed at the invitation stage, and only with the family's consent. "
    "Leave it empty until then."
)


class PersonEditDialog(FormDialog[Person | None]):
    """A person's details. Returns the changed Person, or None when cancelled."""

    def __init__(self, person: Person, title: str, child_view: bool = False) -> None:
        super().__init__(title)
        self.person = person
        self.audience = audience_of(child_view)

    def compose_body(self) -> ComposeResult:
        p = self.person
        yield name_row(p.name)
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
        yield from practitioner_section(self.audience, {
            "Person.contact": form_row("Contact", text_input(
                p.contact, "contact", "only at the invitation stage, with consent"),
                help=CONTACT_HELP, private=True),
            "Person.practitioner_note": form_row(
                "Note", text_input(p.practitioner_note, "practitioner_note"),
                help="Your own note; never shown to the child.", private=True),
            "Person.concern": form_row(
                "Concern", text_input(p.concern, "concern", "discuss before inviting"),
                private=True,
                help="Anything to discuss before this person is invited. "
                "A concern never rules anyone out on its own.",
            ),
        })

    def enter_pressed(self, field: Widget) -> None:
        if field.id == "name" and not self.value_of("name", ""):
            self.finish()  # says a name is needed, rather than moving on without one
        else:
            super().enter_pressed(field)

    def finish(self) -> None:
        p = self.person
        name = self.value_of("name", p.name)
        if not name:
            self.show_error("Please give a name.")
            self.set_focus(self.query_one("#name", Input))
            return
        self.dismiss(attrs.evolve(
            p,
            name=name,
            relationship=self.value_of("relationship", p.relationship),
            lives=self.value_of("lives", p.lives),
            contact=self.value_of("contact", p.contact),
            note=self.value_of("note", p.note),
            practitioner_note=self.value_of("practitioner_note", p.practitioner_note),
            concern=self.value_of("concern", p.concern),
            living=(living := self.query_one("#living", Checkbox).value),
            died="" if living else p.died,  # when they died goes with being living again
            known=self.query_one("#known", Checkbox).value,
        ))


class PickPersonDialog(ListChoiceDialog[str | None]):
    """Choose one person from a list. Returns their id, or None when cancelled."""

    def __init__(self, title: str, help: str, people: list[Person]) -> None:
        super().__init__(title, help, [Option(describe_person(p), id=p.id) for p in people],
                         "people")
        self.people = people


def describe_person(person: Person) -> Content:
    """"Nanna Jo  (grandmother, Leeds)": the name in bold, literal."""
    details = ", ".join(x for x in (person.relationship, person.lives) if x)
    name = Content.styled(person.name, "bold")
    return name + Content(f"  ({details})") if details else name
