"""Pick a workbook file from the folders on this computer."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Static

from circles_tui.dialogs.common import dialog_css


class WorkbookTree(DirectoryTree):
    """Folders and .toml files only; hidden files stay hidden."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix == ".toml":
                    yield path
            except OSError:
                continue


class OpenFileDialog(ModalScreen[Path | None]):
    DEFAULT_CSS = dialog_css("OpenFileDialog") + """
    OpenFileDialog > Vertical { width: 90; height: 80%; }
    OpenFileDialog WorkbookTree { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("backspace", "up", "Up a folder"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Open a workbook", classes="dialog-title")
            yield Static("Arrow keys move, Enter opens a folder or a file; Backspace goes up a "
                         "folder.", classes="dialog-help")
            yield WorkbookTree(self.folder, id="files")

    def on_mount(self) -> None:
        self.query_one(WorkbookTree).focus()

    def action_up(self) -> None:
        tree = self.query_one(WorkbookTree)
        tree.path = Path(tree.path).resolve().parent

    @on(DirectoryTree.FileSelected)
    def chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(Path(event.path))
