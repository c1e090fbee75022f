"""Choose a new file to save the workbook in."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from circles_tui.dialogs.common import dialog_css


def suggest_copy_name(path: Path | None) -> Path:
    from circles_tui.dialogs.new_workbook import default_folder

    if path is None:
        return default_folder() / "workbook.toml"
    return path.with_name(f"{path.stem} (copy){path.suffix or '.toml'}")


class SaveAsDialog(ModalScreen[Path | None]):
    DEFAULT_CSS = dialog_css("SaveAsDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, current: Path | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Save as a new file", classes="dialog-title")
            yield Label("File")
            yield Input(str(suggest_copy_name(self.current)), id="path")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def action_save(self) -> None:
        self.save()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.query_one("#error", Static).update("Please type a file name.")
            return
        path = Path(text).expanduser()
        if path.suffix != ".toml":
            path = path.with_name(path.name + ".toml")
        if path.exists():
            self.query_one("#error", Static).update(
                "A file with this name already exists; choose another name."
            )
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
