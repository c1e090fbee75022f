"""Choose a new file to save the workbook in."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Label

from circles_tui.dialogs.base import Dialog


def suggest_copy_name(path: Path | None) -> Path:
    from circles_tui.dialogs.new_workbook import default_folder

    if path is None:
        return default_folder() / "workbook.toml"
    return path.with_name(f"{path.stem} (copy){path.suffix or '.toml'}")


class SaveAsDialog(Dialog[Path | None]):
    FINISH = "Save"

    def __init__(self, current: Path | None) -> None:
        super().__init__("Save as a new file")
        self.current = current

    def compose_body(self) -> ComposeResult:
        yield Label("File")
        yield Input(str(suggest_copy_name(self.current)), id="path")

    def finish(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.show_error("Please type a file name.")
            return
        path = Path(text).expanduser()
        if path.suffix != ".toml":
            path = path.with_name(path.name + ".toml")
        if path.exists():
            self.show_error("A file with this name already exists; choose another name.")
            return
        self.dismiss(path)
