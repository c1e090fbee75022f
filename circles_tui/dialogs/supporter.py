"""Edit one entry in a supporter circle, and where that person lives."""

from __future__ import annotations

import attrs
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from circles_tui.core.audience import audience_of
from circles_tui.core.labels import label
from circles_tui.core.model import Person, Supporter
from circles_tui.core.wording import SupporterText
from circles_tui.dialogs.form import FormDialog, form_row, practitioner_section, text_input


@attrs.frozen
class SupporterEdit:
    """What the dialog returns: the changed entry, and where the person lives."""

    supporter: Supporter
    lives: str


class SupporterDialog(FormDialog[SupporterEdit | None]):
    """What a supporter does, how to use them, how to reach them, notes, where they live.

    An empty "how to use" starts with the worksheet's suggestion for this kind of
    supporter, ready to be changed to fit. In child view the practitioner-only note
    is left out, and kept as it was.
    """

    def __init__(
        self, supporter: Supporter, person: Person, kind: SupporterText, child_view: bool = False
    ) -> None:
        super().__init__(Content.assemble((person.name, "bold"), f" in {kind.title}"))
        self.supporter = supporter
        self.person = person
        self.kind = kind
        self.audience = audience_of(child_view)

    def compose_body(self) -> ComposeResult:
        s, kind = self.supporter, self.kind
        yield Static(Content(kind.who), classes="dialog-help")
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
        yield from practitioner_section(self.audience, {
            "Supporter.practitioner_note": form_row(
                "Note", text_input(s.practitioner_note, "practitioner_note"),
                help="Your own note; never shown to the child.", private=True),
        })

    def finish(self) -> None:
        s = self.supporter
        supporter = attrs.evolve(
            s,
            what_they_do=self.value_of("what_they_do", s.what_they_do),
            how_to_use=self.value_of("how_to_use", s.how_to_use),
            reach=self.value_of("reach", s.reach),
            note=self.value_of("note", s.note),
            practitioner_note=self.value_of("practitioner_note", s.practitioner_note),
        )
        self.dismiss(SupporterEdit(supporter, self.value_of("lives", self.person.lives)))
