"""Compare the workbook on screen with another copy: an earlier version, a colleague's.

The other file is the "before" side and the workbook on screen the "after" side,
so the sentences say what has changed since that copy was made. The sentences
come from `circles_tui.core.change_report` and are shown literally. In child view
they are the child's (`core.audience`), as a child-view export is.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import attrs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.dialogs.base import Dialog
from circles_tui.dialogs.open_file import OpenFileDialog

TITLE = "Compare with another copy"
NO_DIFFERENCES = "No differences."


class CompareFileDialog(OpenFileDialog):
    """The open-file browser, worded for choosing the copy to compare with."""

    HEADING = TITLE
    HELP = ("Choose the other copy: an earlier version or a colleague's. Arrow keys move, "
            "Enter opens a folder or picks a file, Backspace goes up a folder, Escape cancels.")


def changes_since(
    other: Workbook, current: Workbook, content: Wording, child_view: bool = False
) -> list[str]:
    """What changed from `other` to `current`, as the screen's audience may read it."""
    from circles_tui.core.audience import audience_of
    from circles_tui.core.change_report import describe_changes

    return describe_changes(other, current, content, audience_of(child_view))


@attrs.frozen
class OtherCopy:
    """The file chosen for comparing: its workbook, or the sentence saying why it can't be read."""

    path: Path
    workbook: Workbook | None
    problem: str = ""
    changed_on: datetime | None = None

    @classmethod
    def read(cls, path: Path) -> OtherCopy:
        from circles_tui.core.file_format import WorkbookFileError, read_workbook

        try:
            workbook = read_workbook(path).workbook
        except WorkbookFileError as error:
            return cls(path, None, error.sentence())
        try:
            changed_on = datetime.fromtimestamp(path.stat().st_mtime)
        except (OSError, OverflowError, ValueError):
            changed_on = None
        return cls(path, workbook, changed_on=changed_on)


class CompareDialog(Dialog[None]):
    """What changed between another copy of the workbook and the one on screen."""

    FINISH = "Close"
    CANCEL = "Close"
    DEFAULT_CSS = """
    CompareDialog > #dialog {
        width: 78;
    }
    CompareDialog .dialog-title {
        margin-bottom: 0;
    }
    CompareDialog #other-name {
        text-style: bold;
    }
    CompareDialog #other-folder {
        color: $text-muted;
    }
    CompareDialog #direction {
        margin-top: 1;
    }
    CompareDialog #child-view-note {
        color: $text-warning;
    }
    CompareDialog #changes {
        height: auto;
        border: round $panel-lighten-2;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        background: transparent;
    }
    CompareDialog #changes:focus {
        border: round $primary;
    }
    CompareDialog .change {
        height: auto;
    }
    CompareDialog .change .bullet {
        width: 2;
    }
    CompareDialog .change .sentence {
        width: 1fr;
    }
    CompareDialog .none {
        color: $text-muted;
        text-style: italic;
    }
    CompareDialog .dialog-error {
        margin-top: 1;
    }
    CompareDialog #keys {
        margin: 1 0 0 0;
    }
    """
    BINDINGS = [
        # A modal keeps the app's F2 from working; this one should, so the list can be
        # hidden down to the child view at once when the child looks at the screen.
        Binding("f2", "app.toggle_child_view", "Child view"),
    ]

    def __init__(
        self, other: Path | OtherCopy, workbook: Workbook, content: Wording,
        child_view: bool = False, open_path: Path | None = None,
    ) -> None:
        super().__init__(TITLE)
        self.other = other if isinstance(other, OtherCopy) else OtherCopy.read(Path(other))
        self.workbook = workbook
        self.content = content
        self.child_view = child_view
        self.open_path = open_path

    def keys_line(self) -> str:
        return "F2 child view · Esc closes"

    def compose_body(self) -> ComposeResult:
        path = self.other.path
        name = Content.assemble("Other copy: ", path.name)
        if self.open_path is not None and _same_file(path, self.open_path):
            name += Content(" (the file open now, as last saved)")
        yield Static(name, id="other-name")
        when = self._when()
        if when:
            yield Static(when, id="other-when")
        yield Static(Content(f"Folder: {path.parent}"), id="other-folder")
        if self.other.workbook is not None:
            yield Static("What has changed from that copy to the workbook on screen:",
                         id="direction")
            yield Static(id="child-view-note")
            yield VerticalScroll(id="changes")

    def compose_below(self) -> ComposeResult:
        yield Static(
            "Escape closes." if self.other.workbook is None
            else "Escape closes. Arrow keys and Page Up/Down scroll the list.",
            classes="dialog-help", id="keys",
        )

    def buttons(self) -> ComposeResult:
        yield Button("Close", id="save", variant="primary")

    def first_field(self) -> Widget | None:
        found = self.query("#changes")
        return found.first() if found else self.query_one("#save")

    def scroll_part(self) -> Widget:
        found = self.query("#changes")
        return found.first() if found else super().scroll_part()

    async def on_mount(self) -> None:
        # Follow the app's child view while open, so the list never shows more than it allows.
        self.child_view = self.app.child_view
        self.watch(self.app, "child_view", self._child_view_changed, init=False)
        if self.other.workbook is None:
            self.show_error(self.other.problem)
        else:
            await self._show_changes()

    async def _child_view_changed(self, child_view: bool) -> None:
        self.child_view = child_view
        if self.other.workbook is not None:
            await self._show_changes()

    def _when(self) -> str:
        """When the other copy was last changed, and its last session, if known."""
        facts: list[str] = []
        if self.other.changed_on is not None:
            when = self.other.changed_on
            facts.append(f"last changed {when.day} {when:%B %Y}, {when:%H:%M}")
        workbook = self.other.workbook
        if workbook is not None and workbook.about.session_dates:
            last = max(workbook.about.session_dates)
            facts.append(f"last session {last.day} {last:%B %Y}")
        text = " · ".join(facts)
        return text[:1].upper() + text[1:]

    async def _show_changes(self) -> None:
        assert self.other.workbook is not None
        sentences = changes_since(self.other.workbook, self.workbook, self.content,
                                  child_view=self.child_view)
        note = self.query_one("#child-view-note", Static)
        note.display = self.child_view
        from circles_tui.core.audience import CHILD, left_out_kinds

        kinds = left_out_kinds(self.workbook, self.content, CHILD)
        hidden = [kind.title for kind in self.content.supporters if kind.id in kinds]
        left_out = ["private notes", "concerns", *(t[:1].lower() + t[1:] for t in hidden)]
        note.update(Content(f"Child view: {', '.join(left_out[:-1])} and {left_out[-1]} "
                            "are left out."))
        changes = self.query_one("#changes", VerticalScroll)
        async with changes.batch():
            await changes.remove_children()
            if sentences:
                await changes.mount_all(
                    Horizontal(
                        Static("•", classes="bullet"),
                        Static(Content(sentence), classes="sentence"),
                        classes="change",
                    )
                    for sentence in sentences
                )
            else:
                await changes.mount(Static(NO_DIFFERENCES, classes="none"))
        count = len(sentences)
        changes.border_subtitle = f"{count} {'change' if count == 1 else 'changes'}" if count else ""
        changes.scroll_home(animate=False)
        self.call_after_refresh(self.fit)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
