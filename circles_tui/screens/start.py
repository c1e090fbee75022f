"""The start screen: a new workbook, a file, a recent workbook or the bundled example."""

from __future__ import annotations

from pathlib import Path
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.widgets.footer import Footer
from circles_tui.core import recent_files
from circles_tui.core.examples import copy_example

WELCOME = (
    "Map a child's world with them: the people who matter, who they would go to, "
    "who knows about the worries, who could help, and their Tree of Life. "
    "Everything is saved as you go, on this computer only."
)


class StartScreen(Screen):
    DEFAULT_CSS = """
    StartScreen { align: center top; }
    StartScreen #start-box { width: 80; max-width: 100%; height: auto; padding: 1 2; }
    StartScreen #start-title { text-style: bold; color: $primary; }
    StartScreen #start-welcome { margin: 1 0; color: $text-muted; }
    StartScreen #start-menu { height: auto; max-height: 16; border: round $primary; }
    """
    BINDINGS = [
        Binding("n", "new", "New workbook", id="start-new"),
        Binding("o", "open", "Open file", id="start-open"),
        Binding("e", "example", "Example", id="start-example"),
        Binding("c", "clear_recent", "Clear recent", id="start-clear"),
    ]

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="start-box"):
            yield Static("circles-tui", id="start-title")
            yield Static(WELCOME, id="start-welcome")
            yield OptionList(id="start-menu")
        yield Footer()

    def on_mount(self) -> None:
        self.fill_menu()
        self.query_one("#start-menu").focus()

    def fill_menu(self) -> None:
        menu = self.query_one("#start-menu", OptionList)
        menu.clear_options()
        menu.add_option(Option("New workbook  (n)", id="new"))
        menu.add_option(Option("Open a file…  (o)", id="open"))
        menu.add_option(Option("Open the example: Mia, 8  (e)", id="example"))
        paths = recent_files.load_recent()
        if paths:
            menu.add_option(None)
            menu.add_option(Option("Recent workbooks (c clears this list)", disabled=True))
            for path in paths:
                menu.add_option(Option(Content(f"  {path.name}  —  {path.parent}"),
                                       id=f"recent:{path}"))
        menu.highlighted = 0

    @on(OptionList.OptionSelected, "#start-menu")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice.startswith("recent:"):
            self.app.open_workbook(Path(choice.removeprefix("recent:")))
        elif choice:
            self.run_action(choice)

    def action_new(self) -> None:
        from circles_tui.dialogs.new_workbook import NewWorkbookDialog

        dialog = NewWorkbookDialog()

        def made(workbook) -> None:
            if workbook is not None and dialog.path is not None:
                self.app.create_workbook(dialog.path, workbook)

        self.app.push_screen(dialog, made)

    def action_open(self) -> None:
        from circles_tui.dialogs.new_workbook import default_folder
        from circles_tui.dialogs.open_file import OpenFileDialog

        folder = default_folder()
        if not folder.is_dir():
            folder = Path.home()

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.open_workbook(path)

        self.app.push_screen(OpenFileDialog(folder), chosen)

    def action_example(self) -> None:
        self.app.open_workbook(copy_example())

    def action_clear_recent(self) -> None:
        recent_files.clear_recent()
        self.fill_menu()
        self.notify("The list of recent workbooks is cleared.", timeout=3)
