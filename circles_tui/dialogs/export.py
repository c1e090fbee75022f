"""Export the workbook as Markdown, HTML or plain text, redacted or not, for the child or not.

The file goes next to the workbook by default (the home folder when the workbook
has no file yet), is written atomically and readable by its owner only, and an
existing file is replaced only after asking.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Static

from circles_tui.core.labels import FORMATS_BY_ID
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.dialogs.base import Dialog
from circles_tui.dialogs.confirm import ConfirmDialog

# Format id -> (what the practitioner sees, file extension); pictures are for the command line.
FORMATS: dict[str, tuple[str, str]] = {
    f.id: (f.label, f.suffix) for f in FORMATS_BY_ID.values() if not f.picture
}


def default_path(workbook_path: Path | None, format: str, redact: bool, child_view: bool) -> Path:
    """Beside the workbook, named after it: "mia.toml" -> "mia-redacted.html"."""
    folder = workbook_path.parent if workbook_path is not None else Path.home()
    stem = workbook_path.stem if workbook_path is not None else "workbook"
    if redact:
        stem += "-redacted"
    if child_view:
        stem += "-child-view"
    return folder / (stem + FORMATS[format][1])


class ExportDialog(Dialog[Path | None]):
    """Choose a format and what to leave out, then write the file. Returns its path."""

    FINISH = "Export"
    FINISH_ID = "export"
    DEFAULT_CSS = """
    ExportDialog > #dialog {
        width: 80;
    }
    ExportDialog .dialog-title {
        margin-bottom: 0;
    }
    ExportDialog RadioSet {
        width: 100%;
        border: none;
        padding: 0;
        margin: 1 0;
    }
    ExportDialog RadioSet:focus {
        border: none;
    }
    ExportDialog Checkbox {
        width: 100%;
    }
    ExportDialog #sharing {
        color: $text-warning;
        margin: 1 0;
    }
    ExportDialog #path-row {
        height: 1;
    }
    ExportDialog #path-row Label {
        width: auto;
        padding-right: 1;
        color: $text-muted;
    }
    ExportDialog #path-row Input {
        width: 1fr;
        background: $boost;
    }
    ExportDialog #path-row Input:focus {
        background-tint: $primary 20%;
    }
    """
    def __init__(
        self, workbook: Workbook, content: Wording, workbook_path: Path | None,
        child_view: bool = False,
    ) -> None:
        super().__init__("Export the workbook")
        self.workbook = workbook
        self.content = content
        self.workbook_path = workbook_path
        self.child_view = child_view
        self._suggested = str(default_path(workbook_path, "markdown", False, child_view))

    def compose_body(self) -> ComposeResult:
        with RadioSet(id="format"):
            for index, (format, (label, _)) in enumerate(FORMATS.items()):
                yield RadioButton(label, value=index == 0, id=format)
        yield Checkbox(
            "Redact: made-up names, and no contact details, notes or concerns",
            id="redact", compact=True,
        )
        yield Checkbox(
            "Child view: without private notes, concerns or false supporters",
            self.child_view, id="child-view", compact=True,
        )
        yield Static(id="sharing")
        with Horizontal(id="path-row"):
            yield Label("Save to")
            yield Input(self._suggested, id="path", compact=True)

    def on_mount(self) -> None:
        self._explain()

    def first_field(self) -> Widget:
        return self.query_one(RadioSet)

    # -- choices -------------------------------------------------------------------------

    @property
    def format(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id else "markdown"

    @property
    def redact(self) -> bool:
        return self.query_one("#redact", Checkbox).value

    @property
    def for_child(self) -> bool:
        return self.query_one("#child-view", Checkbox).value

    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        path = self.query_one("#path", Input)
        if path.value == self._suggested:  # follow the choices until the name is changed by hand
            self._suggested = str(
                default_path(self.workbook_path, self.format, self.redact, self.for_child)
            )
            path.value = self._suggested
        self._explain()

    def _explain(self) -> None:
        if self.redact:
            text = ("Redacted: check the file before sharing; names typed only inside notes "
                    "cannot be found and replaced.")
        else:
            text = ("Not redacted: the file holds real names and where people live. "
                    "Keep it on your organisation's equipment.")
        self.query_one("#sharing", Static).update(text)

    # -- writing -------------------------------------------------------------------------

    def finish(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.show_error("Please type where to save the file.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.show_error("That is a folder: add a file name.")
            return
        if path.exists():
            def replace(yes: bool | None) -> None:
                if yes:
                    self._write(path)

            self.app.push_screen(
                ConfirmDialog("Replace the file?",
                              f"{path} already exists. Replace it with this export?",
                              yes="Replace"),
                replace,
            )
            return
        self._write(path)

    def _write(self, path: Path) -> None:
        from circles_tui.export import ExportError, ExportOptions, render
        from circles_tui.core.file_format import WorkbookFileError, write_atomically

        options = ExportOptions(redact=self.redact, child_view=self.for_child)
        try:
            data = render(self.workbook, self.format, self.content, options)
            write_atomically(path, data.encode("utf-8"))
        except ExportError as error:
            self.show_error(f"The export could not be made: {error}")
            return
        except WorkbookFileError as error:
            self.show_error(error.problem[:1].upper() + error.problem[1:])
            return
        self.app.notify(f"Exported to {path}", title="Exported", markup=False, timeout=8)
        self.dismiss(path)

