"""Start a new workbook: the child, the practitioner, the date, who is taking part, and where."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from circles_tui.dialogs.common import dialog_css
from circles_tui.core.model import About, ModelError, Workbook


def default_folder() -> Path:
    """Where new workbooks go unless the practitioner says otherwise."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Circles"


def file_name_for(child: str, when: date) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", child).strip("-") or "workbook"
    return f"{stem}-{when.isoformat()}.toml"


class NewWorkbookDialog(ModalScreen[Workbook | None]):
    """Returns the new workbook; the caller saves it at `self.path`."""

    DEFAULT_CSS = dialog_css("NewWorkbookDialog") + """
    NewWorkbookDialog > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 95%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    NewWorkbookDialog Input { margin-bottom: 0; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "start", "Start"),  # as Ctrl+S finishes every other dialog
    ]

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.today = date.today()

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            # The keys share the title's line: the form only just fits 80x24 as it is.
            yield Static(Content.assemble(
                "New workbook", ("   Ctrl+S starts, Escape cancels", "not bold $text-muted")
            ), classes="dialog-title")
            yield Label("Child or young person (name or initials, as the family chose)")
            yield Input(id="child")
            yield Label("Practitioner (you)")
            yield Input(id="practitioner")
            yield Label("Session date")
            yield Input(self.today.isoformat(), id="date")
            yield Label("Who is taking part (separate with commas)")
            yield Input(id="taking-part", placeholder="for example: Mia, Mum (Kerry)")
            yield Label("Save to")
            yield Input(str(self.path) if self.path else "", id="path",
                        placeholder=str(default_folder() / "name-date.toml"))
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Start", id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#child", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def _fail(self, message: str) -> None:
        self.query_one("#error", Static).update(message)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "path":
            self.start()
        else:
            self.focus_next()

    def action_start(self) -> None:
        self.start()

    @on(Button.Pressed, "#start")
    def start(self) -> None:
        child = self._value("child")
        if not child:
            self._fail("Please type the child's name or initials.")
            self.query_one("#child", Input).focus()
            return
        try:
            when = date.fromisoformat(self._value("date"))
        except ValueError:
            self._fail("Please write the date like 2026-11-22.")
            return
        taking_part = tuple(p.strip() for p in self._value("taking-part").split(",") if p.strip())
        try:
            workbook = Workbook(About(child=child, practitioner=self._value("practitioner"),
                                      session_dates=(when,), taking_part=taking_part))
        except ModelError as error:
            self._fail(error.message)
            return
        path_text = self._value("path")
        path = Path(path_text).expanduser() if path_text else default_folder() / file_name_for(child, when)
        if path.suffix != ".toml":
            path = path.with_name(path.name + ".toml")
        if path.exists() and path != self.path:
            self._fail("A file with this name already exists; choose another name.")
            return
        self.path = path
        self.dismiss(workbook)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
