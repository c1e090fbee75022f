"""Dialogs the meeting steps chain together: pick one, tick several, fill in a short form.

Labels come from the wording file (passed in); values come from people. Both are shown
as data, never markup. Each is a `Dialog`: Escape cancels (returns None), Ctrl+S finishes.
"""

from __future__ import annotations

from datetime import date

import attrs
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, SelectionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import CHILD, audience_of, sees
from circles_tui.dialogs.base import Dialog
from circles_tui.dialogs.list_choice import ListChoiceDialog
from circles_tui.dialogs.form import PRIVATE_SECTION, FormDialog, form_row, form_section, text_input
from circles_tui.widgets.tick_list import TickList


class ChoiceDialog(ListChoiceDialog[str | None]):
    """Pick one of a few labelled choices (Enter picks, Escape cancels)."""

    def __init__(self, title: str, choices: dict[str, str | Content], current: str = "",
                 help: str = "") -> None:
        entries = [Option(Content(label) if isinstance(label, str) else label, id=key)
                   for key, label in choices.items()]
        start = list(choices).index(current) if current in choices else 0 if choices else None
        super().__init__(title, help, entries, "choices", highlighted=start)
        self.title_text, self.choices, self.current = title, choices, current


class ChecksDialog(Dialog[tuple[str, ...] | None]):
    """Tick any of a few labelled choices (space ticks, Ctrl+S or Done keeps them)."""

    KEYS = "Space tick"
    DEFAULT_CSS = """
    ChecksDialog SelectionList { height: auto; }
    """

    def __init__(self, title: str, choices: dict[str, str], ticked: tuple[str, ...],
                 help: str = "") -> None:
        super().__init__(title)
        self.title_text, self.choices, self.ticked, self.help = title, choices, ticked, help

    def compose_body(self) -> ComposeResult:
        if self.help:
            yield Static(Content(self.help), classes="dialog-help")
        yield TickList(*(
            (Content(label), key, key in self.ticked) for key, label in self.choices.items()
        ))

    def first_field(self) -> Widget:
        return self.query_one(SelectionList)

    def finish(self) -> None:
        ticked = set(self.query_one(SelectionList).selected)
        self.dismiss(tuple(key for key in self.choices if key in ticked))  # in the wording's order


@attrs.frozen
class FormField:
    """One line of a form: its id, label, starting value and help."""

    id: str
    label: str
    value: str = ""
    help: str = ""
    # The core/audience.py rule for what it holds ("Person.hold_until", MEETING_NOTES), when
    # someone may not see it: a field its audience does not see is left out, its value kept.
    audience_rule: str = ""
    is_date: bool = False

    @property
    def private(self) -> bool:
        """Practitioner-only: marked as such on the form."""
        return bool(self.audience_rule) and not sees(CHILD, self.audience_rule)


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def parse_date(text: str) -> date | None:
    """A date typed as 2026-04-02, or None when blank; ValueError otherwise."""
    return date.fromisoformat(text.strip()) if text.strip() else None


class ShortFormDialog(FormDialog[dict[str, str] | None]):
    """A short form of text fields; returns each field's text by id. Dates are checked."""

    def __init__(self, title: str, fields: tuple[FormField, ...], help: str = "",
                 child_view: bool = False) -> None:
        super().__init__(title)
        self.title_text, self.fields_given, self.help = title, fields, help
        self.audience = audience_of(child_view)

    def _shown(self) -> list[FormField]:
        return [f for f in self.fields_given
                if not f.audience_rule or sees(self.audience, f.audience_rule)]

    def compose_body(self) -> ComposeResult:
        if self.help:
            yield Static(Content(self.help), classes="dialog-help")
        private_started = False
        for field in self._shown():
            if field.private and not private_started:
                private_started = True
                yield form_section(PRIVATE_SECTION)
            placeholder = "for example 2026-04-02" if field.is_date else ""
            yield form_row(field.label, text_input(field.value, field.id, placeholder),
                           help=field.help, private=field.private)

    def finish(self) -> None:
        values = {field.id: field.value for field in self.fields_given}
        for field in self._shown():
            values[field.id] = self.query_one(f"#{field.id}", Input).value.strip()
            if field.is_date:
                try:
                    parse_date(values[field.id])
                except ValueError:
                    self.show_error(
                        f"{field.label}: write the date like 2026-04-02, or leave it empty.")
                    self.set_focus(self.query_one(f"#{field.id}", Input))
                    return
        self.dismiss(values)
