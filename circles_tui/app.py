"""The App: owns the open workbook, saving, undo, themes and the keys that work everywhere.

Data down, messages up: the app holds the `Session` and shows its state as reactives
(`workbook`, `child_view`, `save_status`) that the workspace and its steps watch; a step
asks for a change by posting `Step.Edited`, which bubbles up to the app.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme

from circles_tui.core import file_format
from circles_tui.core.wording import Wording, bundled
from circles_tui.core.edits import EditRefused, Operation
from circles_tui.core.model import Workbook
from circles_tui.core.preferences import THEMES, load_preferences, save_preferences
from circles_tui.core.session import Session
from circles_tui.idle_collection import IdleCollection
from circles_tui.saving import AUTOSAVE_DELAY, Saving
from circles_tui.screens.workspace import WorkspaceScreen
from circles_tui.steps.step import Step
from circles_tui.type_ahead import TypeAhead
from circles_tui.widgets.circle_colours import circle_colour_variables

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ff00ff",
    warning="#ffaa00",
    error="#ff5555",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    dark=True,
)


class CirclesApp(IdleCollection, Saving, TypeAhead, App[int]):
    """circles-tui: one workbook at a time, saved as you go."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return circle_colour_variables(self.current_theme)

    CSS_PATH = "app.tcss"
    TITLE = "circles-tui"
    BINDINGS = [
        # Saving is automatic, so the footer leaves room for the step's own keys.
        # Not a priority key: a dialog's own Ctrl+S (finish the dialog) must come first.
        Binding("ctrl+s", "save", "Save", id="save", show=False),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("f1", "help", "Help", id="help"),
        Binding("question_mark", "help", "Help", id="help-alt", show=False),
        Binding("f2", "toggle_child_view", "Child view", id="child-view"),
        Binding("f3", "next_theme", "Theme", id="theme", show=False),
        Binding("f12", "save_as", "Save as", id="save-as", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    # The session's current workbook, set after every change (undo, reload) for watchers.
    # Always announced: comparing two big workbooks would cost more than redrawing.
    workbook: var[Workbook | None] = var(None, always_update=True)
    child_view: var[bool] = var(False)
    # A line for the status bar: where the work is and when it was last saved.
    save_status: var[str] = var("")

    def __init__(self, path: Path | None = None, content: Wording | None = None,
                 theme: str | None = None, show_crash_details: bool = False) -> None:
        super().__init__()  # IdleCollection freezes what is imported (see there)
        self.preferences = load_preferences()
        self._start_theme = theme or self.preferences.theme  # `theme`: for this run only
        self._remember_theme = False
        # Textual's report of an unexpected error lists local variables: a child's data.
        # Without --debug it goes nowhere, and `crash.run_app` says where the work is.
        self.show_crash_details = show_crash_details
        if not show_crash_details:
            from circles_tui.crash import quiet_console

            self.error_console = quiet_console()
        self.start_path = Path(path) if path else None
        self.content = content or bundled()
        self.session: Session | None = None
        self._lock = None
        self._save_timer = None
        self._asking_about_conflict = False  # a ConflictDialog is open

    # -- start-up ----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        if self._start_theme in self.available_themes:
            self.theme = self._start_theme
        self._remember_theme = True  # from now on a change is the practitioner's choice
        self.call_after_refresh(self.check_window_size)  # after the first screen is up
        if self.start_path is None:
            self.show_start()
        elif self.start_path.exists():
            if not self.open_workbook(self.start_path):
                self.show_start()
        else:
            from circles_tui.dialogs.new_workbook import NewWorkbookDialog

            dialog = NewWorkbookDialog(path=self.start_path)

            def made(workbook: Workbook | None) -> None:
                if workbook is None:
                    self.exit(0)
                else:
                    # Where the "Save to" field says, which the practitioner may have changed.
                    self.create_workbook(dialog.path or self.start_path, workbook)

            self.push_screen(dialog, made)

    # -- a window too small to use -----------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.check_window_size)

    def check_window_size(self) -> None:
        """Cover the app with "make the window larger" while it is too small, and no longer."""
        from circles_tui.screens.too_small import TooSmallScreen, too_small

        small, showing = too_small(self.size), isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not small:
            self.pop_screen()

    def show_start(self) -> None:
        from circles_tui.screens.start import StartScreen  # not needed when a file is given

        self.push_screen(StartScreen())

    @property
    def workbook_path(self) -> Path | None:
        return self.session.path if self.session else None

    def open_workbook(self, path: Path) -> bool:
        """Open `path` in the workspace; say what is wrong in one sentence if it can't be."""
        try:
            session = Session.open(path)
        except file_format.WorkbookFileError as error:
            self.notify(error.sentence(), title="Could not open the workbook", severity="error",
                        timeout=15, markup=False)
            return False
        self._start(session)
        return True

    def create_workbook(self, path: Path, workbook: Workbook) -> bool:
        session = Session(workbook, path, None)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            session.save()
        except (file_format.WorkbookFileError, OSError) as error:
            message = error.sentence() if isinstance(error, file_format.WorkbookFileError) else str(error)
            self.notify(message, title="Could not make the workbook", severity="error",
                        timeout=15, markup=False)
            return False
        self._start(session)
        return True

    def _start(self, session: Session) -> None:
        from circles_tui.core import recent_files

        self._release_lock()
        self.session = session
        self._take_lock(session)
        if session.path is not None:
            recent_files.remember(session.path)
        self.workbook = session.workbook
        self._update_save_status()
        workspace = WorkspaceScreen()
        # Replace whatever is showing (start screen, dialogs) with the workspace.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(workspace)
        # Once the workbook is on screen, garbage is collected while nobody types.
        self.call_after_refresh(self.start_idle_collection)

    # -- editing -----------------------------------------------------------------------

    def on_step_edited(self, event: Step.Edited) -> None:
        """A step (in the workspace) asks for an edit: apply it to the current workbook."""
        event.stop()
        self.apply_edit(event.operation, event.label)

    def apply_edit(self, operation: Operation, label: str) -> None:
        """Apply an edit to the current workbook, refresh the screen and save soon after."""
        assert self.session is not None
        try:
            changed = self.session.apply(operation, label)
        except EditRefused as refused:
            self.notify(str(refused), title="Not changed", severity="warning", markup=False)
            return
        if changed:
            self._after_change()

    def action_undo(self) -> None:
        if self.session is None:
            return
        label = self.session.undo()
        if label is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.notify(f"Undone: {label}", timeout=3, markup=False)
        self._after_change()

    def action_redo(self) -> None:
        if self.session is None:
            return
        label = self.session.redo()
        if label is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self.notify(f"Redone: {label}", timeout=3, markup=False)
        self._after_change()

    def _after_change(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(AUTOSAVE_DELAY, self._autosave)
        self._update_save_status()  # after the timer is set, so it says "saving…"
        assert self.session is not None
        self.workbook = self.session.workbook

    # -- everything else -------------------------------------------------------------

    def action_toggle_child_view(self) -> None:
        self.child_view = not self.child_view
        self.notify(
            "Child view: practitioner-only notes are hidden." if self.child_view
            else "Practitioner view: everything is shown.",
            timeout=3,
        )

    def action_next_theme(self) -> None:
        current = THEMES.index(self.theme) if self.theme in THEMES else -1
        self.theme = THEMES[(current + 1) % len(THEMES)]
        self.notify(f"Theme: {self.theme}", timeout=2)

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen with F3 or the command palette for the next run."""
        if self._remember_theme and theme != self.preferences.theme:
            self.preferences = attrs.evolve(self.preferences, theme=theme)
            save_preferences(self.preferences)

    def toggle_child_words_first(self) -> None:
        child_words = not self.preferences.child_words
        self.preferences = attrs.evolve(self.preferences, child_words=child_words)
        save_preferences(self.preferences)
        self.notify(f"Circles will start with the {'child' if child_words else 'adult'}'s words "
                    "from the next workbook you open; t switches them now.", timeout=5)

    def action_help(self) -> None:
        from circles_tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit after a last save; if it can't be saved, ask before leaving the changes."""
        session = self.session
        if session is not None and session.unsaved:
            if session.read_only or not self.save_now(quiet=True):
                from circles_tui.dialogs.confirm import ConfirmDialog

                def answered(leave: bool | None) -> None:
                    if leave:
                        self._release_lock()
                        self.exit(0)

                why = ("This workbook is open read-only" if session.read_only
                       else "The last changes could not be saved")
                self.push_screen(
                    ConfirmDialog(
                        "Quit without saving?",
                        f"{why}. Press Cancel and use Save as (F12) to keep your changes, "
                        "or quit and lose them.",
                        yes="Quit and lose changes",
                    ),
                    answered,
                )
                return
        self._release_lock()
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key's action is in the command palette too, named as in the footer."""
        yield from super().get_system_commands(screen)
        words = "adult's" if self.preferences.child_words else "child's"
        yield SystemCommand(f"Start each circle with the {words} words",
                            "Remembered; from the next workbook you open", self.toggle_child_words_first)
        seen: set[str] = {"Quit", "Theme", "Keys", "Screenshot"}
        for active in screen.active_bindings.values():
            binding = active.binding
            title = binding.description
            if not title or title in seen or not active.enabled:
                continue
            seen.add(title)
            node = active.node

            def run(node=node, action=binding.action) -> None:
                self.call_later(node.run_action, action)

            yield SystemCommand(title, f"Key: {binding.key_display or binding.key}", run)

    def on_unmount(self) -> None:
        self._release_lock()

