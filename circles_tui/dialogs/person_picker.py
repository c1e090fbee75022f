"""Pick someone already in the workbook by name, or name someone new."""

from __future__ import annotations

import attrs
from textual.app import ComposeResult
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from circles_tui.core.model import Person, Workbook
from circles_tui.dialogs.base import Dialog


@attrs.frozen
class PersonChoice:
    """What the person dialog returns: an existing person, or a new one to add."""

    person: Person
    is_new: bool


class PersonDialog(Dialog[PersonChoice | None]):
    """Type a name: names already in the workbook complete; a new name makes a new person.

    Enter after a known name finishes; after a new name it goes on to the relationship,
    and Enter there finishes.
    """

    FINISH = "Add"
    FINISH_ID = "add"
    KEYS = "Enter next"

    def __init__(self, workbook: Workbook, title: str, exclude: set[str] = frozenset(),
                 help: str = "") -> None:
        """`help`: a sentence about who to name here, shown above the usual help."""
        super().__init__(title)
        self.workbook = workbook
        self.exclude = exclude
        self.help = help

    def compose_body(self) -> ComposeResult:
        names = [p.name for p in self.workbook.people if p.id not in self.exclude]
        if self.help:
            yield Static(Content(self.help), classes="dialog-help")
        yield Static(
            "Type their name as the child says it. Names already in the workbook "
            "complete with the right arrow key.",
            classes="dialog-help",
        )
        yield Label("Name")
        yield Input(id="name", suggester=SuggestFromList(names, case_sensitive=False))
        yield Label("Relationship to the child (for someone new)")
        yield Input(id="relationship", placeholder="for example: grandmother, teacher")

    def existing(self, name: str) -> Person | None:
        wanted = name.strip().casefold()
        for person in self.workbook.people:
            if person.name.strip().casefold() == wanted:
                return person
        return None

    def enter_pressed(self, field: Input) -> None:
        if field.id == "name" and self.existing(field.value) is None:
            self.set_focus(self.query_one("#relationship", Input))
        else:
            self.finish()

    def finish(self) -> None:
        from circles_tui.core.edits.people import new_person_id

        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.show_error("Please type a name.")
            self.set_focus(self.query_one("#name", Input))
            return
        person = self.existing(name)
        if person is not None:
            if person.id in self.exclude:
                self.show_error(f"{person.name} is already here.")
                return
            self.dismiss(PersonChoice(person, is_new=False))
            return
        relationship = self.query_one("#relationship", Input).value.strip()
        person = Person(new_person_id(self.workbook, name), name, relationship)
        self.dismiss(PersonChoice(person, is_new=True))
