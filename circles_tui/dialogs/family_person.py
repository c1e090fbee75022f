"""A relative's details as the family tree needs them: the name and relationship in the
child's words, gender (for the genogram's symbols), whether and when they died, and
whether the child ever met them. Everything typed is the family's words: shown literally.
"""

from __future__ import annotations

import attrs
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet

from circles_tui.core.model import Person
from circles_tui.dialogs.form import FormDialog, form_row, name_row, text_input


class FamilyPersonDialog(FormDialog[Person | None]):
    """Returns the person with these details, or None when cancelled."""

    DEFAULT_CSS = """
    FamilyPersonDialog #gender {
        layout: horizontal;
        height: auto;
        width: 1fr;
        border: none;
        padding: 0;
        background: $boost;
    }
    FamilyPersonDialog #gender:focus {
        background-tint: $primary 20%;
    }
    FamilyPersonDialog #gender RadioButton {
        margin-right: 2;
    }
    FamilyPersonDialog .gender-row {
        height: auto;
        margin-top: 1;
    }
    FamilyPersonDialog .gender-row > .form-label {
        width: 20;
        padding-right: 1;
        color: $text-muted;
    }
    """

    def __init__(self, person: Person, title: str, genders: dict[str, str]) -> None:
        super().__init__(title)
        self.person = person
        self.genders = genders  # "" / "female" / "male" / "other" -> the wording's label

    def compose_body(self) -> ComposeResult:
        p = self.person
        yield name_row(p.name)
        yield form_row("Relationship", text_input(
            p.relationship, "relationship", "in the child's words: Nanna, Uncle Dev"),
            help="Who they are to the child, in the child's words.")
        yield form_row("When they died", text_input(
            p.died, "died", "a year, or words: before I was born"),
            help="Only if they have died; leave it empty if nobody knows when.")
        with Horizontal(classes="gender-row"):
            yield Label("Gender", classes="form-label")
            with RadioSet(id="gender"):
                for gender, label in self.genders.items():
                    yield RadioButton(label, gender == p.gender, id=f"gender-{gender or 'not-said'}")
        with Horizontal(classes="form-checks"):
            yield Checkbox("Has died", not p.living, id="has-died", compact=True)
            yield Checkbox("The child never met them", not p.known, id="never-met", compact=True)

    def first_field(self) -> Widget:
        return self.query_one("#name", Input)

    def finish(self) -> None:
        p = self.person
        name = self.value_of("name", p.name)
        if not name:
            self.show_error("Please give a name.")
            self.set_focus(self.query_one("#name", Input))
            return
        when = self.value_of("died", p.died)
        died = self.query_one("#has-died", Checkbox).value or bool(when)  # a date says it
        genders = list(self.genders)
        pressed = self.query_one(RadioSet).pressed_index
        self.dismiss(attrs.evolve(
            p,
            name=name,
            relationship=self.value_of("relationship", p.relationship),
            gender=genders[pressed] if 0 <= pressed < len(genders) else p.gender,
            living=not died,
            died=when if died else "",
            known=not self.query_one("#never-met", Checkbox).value,
        ))
