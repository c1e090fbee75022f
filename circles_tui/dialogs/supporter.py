"""Edit one entry in a supporter circle, and where that person lives."""

from __future__ import annotations

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from circles_tui.core.labels import label
from circles_tui.core.wording import SupporterText
from circles_tui.dialogs.person_edit import (
    PRIVATE_SECTION,
    FormHelp,
    form_css,
    form_row,
    form_section,
    text_input,
)
from circles_tui.core.model import Person, Supporter


@attrs.frozen
class SupporterEdit:
    """What the dialog returns: the changed entry, and where the person lives."""

    supporter: Supporter
    lives: str


class SupporterDialog(FormHelp, ModalScreen[SupporterEdit | None]):
    """What a supporter does, how to use them, how to reach them, notes, where they live.

    An empty "how to use" starts with the worksheet's suggestion for this kind of
    supporter, ready to be changed to fit. In child view the practitioner-only note
    is left out, and kept as it was.
    """

    DEFAULT_CSS = form_css("SupporterDialog")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Done"),
    ]

    def __init__(
        self, supporter: Supporter, person: Person, kind: SupporterText, child_view: bool = False
    ) -> None:
        super().__init__()
        self.supporter = supporter
        self.person = person
        self.kind = kind
        self.child_view = child_view

    def compose(self) -> ComposeResult:
        s, kind = self.supporter, self.kind
        title = Content.assemble(
            (self.person.name, "bold"), f" in {kind.title}"
        )
        with Vertical():
            yield Static(title, classes="dialog-title")
            yield Static(Content(kind.who), classes="dialog-help")
            with VerticalScroll(classes="form"):
                yield form_row(label("Supporter.what_they_do"), text_input(
                    s.what_they_do, "what_they_do", "how they help, in the child's words"),
                    help="How this person helps, in the child's words.")
                yield form_row(
                    label("Supporter.how_to_use"), text_input(s.how_to_use or kind.how_to_use, "how_to_use"),
                    help="Starts with the worksheet's suggestion; change it to fit this person.",
                )
                yield form_row(label("Supporter.reach"), text_input(
                    s.reach, "reach", "for example: phone after school, video call on Sundays"),
                    help="How the child or family can get hold of them.")
                yield form_row("Where they live", text_input(
                    self.person.lives, "lives", "a town, or the country if abroad"),
                    help="Part of their details, so it changes everywhere they appear.")
                yield form_row("Note", text_input(s.note, "note", "in the child's words"),
                               help="Anything else, in the child's words.")
                if not self.child_view:
                    yield form_section(PRIVATE_SECTION)
                    yield form_row("Note", text_input(s.practitioner_note, "practitioner_note"),
                                   help="Your own note; never shown to the child.",
                                   private=True)
            yield Static(id="field-help")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Done", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#what_they_do", Input).focus()

    def _value(self, field: str, default: str) -> str:
        found = self.query(f"#{field}")
        return found.first(Input).value.strip() if found else default

    def action_save(self) -> None:
        s = self.supporter
        supporter = attrs.evolve(
            s,
            what_they_do=self._value("what_they_do", s.what_they_do),
            how_to_use=self._value("how_to_use", s.how_to_use),
            reach=self._value("reach", s.reach),
            note=self._value("note", s.note),
            practitioner_note=self._value("practitioner_note", s.practitioner_note),
        )
        self.dismiss(SupporterEdit(supporter, self._value("lives", self.person.lives)))

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
