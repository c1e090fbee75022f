"""Dialogs the meeting steps chain together: pick one, tick several, fill in a short form.

Labels come from the wording file (passed in); values come from people. Both are shown
as data, never markup. Each dialog is a `ModalScreen` that Escape cancels (returns None).
"""

from __future__ import annotations

from datetime import date

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from circles_tui.dialogs.common import dialog_css
from circles_tui.dialogs.person_edit import (
    PRIVATE_SECTION, FormHelp, form_css, form_row, form_section, text_input,
)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a few labelled choices (Enter picks, Escape cancels)."""

    DEFAULT_CSS = dialog_css("ChoiceDialog") + """
    ChoiceDialog OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: dict[str, str | Content], current: str = "",
                 help: str = "") -> None:
        super().__init__()
        self.title_text, self.choices, self.current, self.help = title, choices, current, help

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            if self.help:
                yield Static(Content(self.help), classes="dialog-help")
            yield OptionList(*(
                Option(Content(label) if isinstance(label, str) else label, id=key)
                for key, label in self.choices.items()
            ), id="choices")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        if self.current in self.choices:
            choices.highlighted = list(self.choices).index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DoneOrCancel:
    """Mixin: the Done button does `action_done`, Cancel `action_cancel`, Enter in a field is Done.

    Handlers by name, not `@on`: Textual gathers `@on` handlers only from its own classes."""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "done":
            self.action_done()  # type: ignore[attr-defined]
        elif event.button.id == "cancel":
            self.action_cancel()  # type: ignore[attr-defined]

    def on_input_submitted(self) -> None:
        self.action_done()  # type: ignore[attr-defined]


class ChecksDialog(DoneOrCancel, ModalScreen[tuple[str, ...] | None]):
    """Tick any of a few labelled choices (space ticks, ctrl+s or Done keeps them)."""

    DEFAULT_CSS = dialog_css("ChecksDialog") + """
    ChecksDialog SelectionList { height: auto; max-height: 12; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "done", "Done")]

    def __init__(self, title: str, choices: dict[str, str], ticked: tuple[str, ...],
                 help: str = "") -> None:
        super().__init__()
        self.title_text, self.choices, self.ticked, self.help = title, choices, ticked, help

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            if self.help:
                yield Static(Content(self.help), classes="dialog-help")
            yield SelectionList[str](*(
                (Content(label), key, key in self.ticked) for key, label in self.choices.items()
            ))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Done", id="done", variant="primary")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_done(self) -> None:
        ticked = set(self.query_one(SelectionList).selected)
        self.dismiss(tuple(key for key in self.choices if key in ticked))  # in the wording's order

    def action_cancel(self) -> None:
        self.dismiss(None)


@attrs.frozen
class FormField:
    """One line of a form: its id, label, starting value and help."""

    id: str
    label: str
    value: str = ""
    help: str = ""
    private: bool = False  # practitioner-only: left out in child view, value kept
    is_date: bool = False


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def parse_date(text: str) -> date | None:
    """A date typed as 2026-04-02, or None when blank; ValueError otherwise."""
    return date.fromisoformat(text.strip()) if text.strip() else None


class FormDialog(DoneOrCancel, FormHelp, ModalScreen[dict[str, str] | None]):
    """A short form of text fields; returns each field's text by id. Dates are checked."""

    DEFAULT_CSS = form_css("FormDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "done", "Done")]

    def __init__(self, title: str, fields: tuple[FormField, ...], help: str = "",
                 child_view: bool = False) -> None:
        super().__init__()
        self.title_text, self.fields, self.help = title, fields, help
        self.child_view = child_view

    def _shown(self) -> list[FormField]:
        return [f for f in self.fields if not (f.private and self.child_view)]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            if self.help:
                yield Static(Content(self.help), classes="dialog-help")
            with VerticalScroll(classes="form"):
                private_started = False
                for field in self._shown():
                    if field.private and not private_started:
                        private_started = True
                        yield form_section(PRIVATE_SECTION)
                    placeholder = "for example 2026-04-02" if field.is_date else ""
                    yield form_row(field.label, text_input(field.value, field.id, placeholder),
                                   help=field.help, private=field.private)
            yield Static("", id="error", classes="dialog-error")
            yield Static(id="field-help")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Done", id="done", variant="primary")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def action_done(self) -> None:
        values = {field.id: field.value for field in self.fields}
        for field in self._shown():
            values[field.id] = self.query_one(f"#{field.id}", Input).value.strip()
            if field.is_date:
                try:
                    parse_date(values[field.id])
                except ValueError:
                    self.query_one("#error", Static).update(Content(
                        f"{field.label}: write the date like 2026-04-02, or leave it empty."))
                    self.query_one(f"#{field.id}", Input).focus()
                    return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
