"""Start a new workbook: the child, the practitioner, the date, who is taking part, and where."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Label

from circles_tui.core.model import About, ModelError, Workbook
from circles_tui.dialogs.base import Dialog


def default_folder() -> Path:
    """Where new workbooks go unless the practitioner says otherwise."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Circles"


def file_name_for(child: str, when: date) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", child).strip("-") or "workbook"
    return f"{stem}-{when.isoformat()}.toml"


class NewWorkbookDialog(Dialog[Workbook | None]):
    """Returns the new workbook; the caller saves it at `self.path`."""

    FINISH = "Start"
    FINISH_ID = "start"
    KEYS = "Enter next"
    DEFAULT_CSS = """
    NewWorkbookDialog > #dialog { width: 72; }
    """

    def __init__(self, path: Path | None = None) -> None:
        super().__init__("New workbook")
        self.path = path
        self.today = date.today()

    def compose_body(self) -> ComposeResult:
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

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def finish(self) -> None:
        child = self._value("child")
        if not child:
            self.show_error("Please type the child's name or initials.")
            self.set_focus(self.query_one("#child", Input))
            return
        try:
            when = date.fromisoformat(self._value("date"))
        except ValueError:
            self.show_error("Please write the date like 2026-11-22.")
            return
        taking_part = tuple(p.strip() for p in self._value("taking-part").split(",") if p.strip())
        try:
            workbook = Workbook(About(child=child, practitioner=self._value("practitioner"),
                                      session_dates=(when,), taking_part=taking_part))
        except ModelError as error:
            self.show_error(error.message)
            return
        path_text = self._value("path")
        path = Path(path_text).expanduser() if path_text else default_folder() / file_name_for(child, when)
        if path.suffix != ".toml":
            path = path.with_name(path.name + ".toml")
        if path.exists() and path != self.path:
            self.show_error("A file with this name already exists; choose another name.")
            return
        self.path = path
        self.dismiss(workbook)
