"""Pick a workbook file from the folders on this computer."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DirectoryTree, Static

from circles_tui.dialogs.base import Dialog


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


class OpenFileDialog(Dialog[Path | None]):
    """Returns the chosen file. Enter opens a folder or picks a file; Ctrl+S picks the
    highlighted file."""

    FINISH = "Open"
    FINISH_ID = "open"
    KEYS = "Backspace up a folder"
    HEADING = "Open a workbook"
    HELP = ("Arrow keys move, Enter opens a folder or a file; Backspace goes up a folder.")
    DEFAULT_CSS = """
    OpenFileDialog > #dialog { width: 90; height: 80%; }
    OpenFileDialog DialogBody { height: 1fr; }
    OpenFileDialog WorkbookTree { height: 1fr; }
    """
    BINDINGS = [Binding("backspace", "up", "Up a folder")]

    def __init__(self, folder: Path) -> None:
        super().__init__(self.HEADING)
        self.folder = folder

    def compose_body(self) -> ComposeResult:
        yield Static(self.HELP, classes="dialog-help")
        yield WorkbookTree(self.folder, id="files")

    def first_field(self) -> Widget:
        return self.query_one(WorkbookTree)

    def fit(self) -> None:
        """The tree fills a fixed share of the screen, so it needs no fitting."""

    def action_up(self) -> None:
        tree = self.query_one(WorkbookTree)
        tree.path = Path(tree.path).resolve().parent

    def _highlighted_file(self) -> Path | None:
        node = self.query_one(WorkbookTree).cursor_node
        if node is not None and node.data is not None and not node.allow_expand:
            return Path(node.data.path)
        return None

    def takes_enter(self, widget: Widget | None) -> bool:
        # On a file, Enter picks it at once; on a folder it is the tree's (open or close).
        return isinstance(widget, WorkbookTree) and self._highlighted_file() is not None

    def enter_pressed(self, field: Widget) -> None:
        self.finish()

    def finish(self) -> None:
        path = self._highlighted_file()
        if path is not None:
            self.dismiss(path)

    @on(DirectoryTree.FileSelected)
    def chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(Path(event.path))
