"""What every dialog shares: its look, a title line that names its keys, the button row,
and the keys themselves (Ctrl+S finishes, Escape cancels, Tab and Enter move on).

A dialog says only what is its own: its heading, the fields (`compose_body`), what
finishing means (`finish`), and, where they differ from the usual, its buttons and
the field that starts with focus.

The keys that move focus act when the key arrives (priority bindings), never after a
message round trip, so the next key already goes to the field it was typed for. With
`circles_tui.type_ahead.TypeAhead` on the app, keys typed while a dialog opens wait for
its first field, and keys typed while it closes wait for whatever comes next.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea
from textual.worker import NoActiveWorker, Worker, get_current_worker

from circles_tui.type_ahead import TypeAhead

ResultType = TypeVar("ResultType")

# Fields that Enter moves between; the others (lists, choices, tick boxes) use Enter themselves.
TEXT_FIELDS = (Input, TextArea)


def shown_within(widget: Widget, container: Widget) -> bool:
    """Whether `widget` and every container between it and `container` are displayed."""
    node: Widget | None = widget
    while node is not None and node is not container:
        if not node.display:
            return False
        node = node.parent if isinstance(node.parent, Widget) else None
    return True


class DialogBody(VerticalScroll, can_focus=False):
    """The dialog's fields; scrolls on a short terminal. Tab moves through the fields, so
    the scroll itself never takes focus."""


class Dialog(ModalScreen[ResultType]):
    """A dialog: heading and keys on one line, the fields, an error line, the buttons."""

    FINISH: ClassVar[str] = "Done"  # the finish button, and what Ctrl+S does on the title line
    FINISH_ID: ClassVar[str] = "save"
    CANCEL: ClassVar[str] = "Cancel"
    KEYS: ClassVar[str] = ""  # this dialog's own keys, for the title line ("1-3 ring")

    AUTO_FOCUS = None  # the dialog chooses its first field itself, at once
    # "-narrow" on a terminal under 70 columns, for dialogs that lay out more tightly there.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        background: $background 60%;
    }
    Dialog > #dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 2;
    }
    Dialog .dialog-title {
        height: auto;
        margin-bottom: 1;
    }
    Dialog .dialog-help {
        color: $text-muted;
        margin-bottom: 1;
    }
    Dialog DialogBody {
        height: auto;
    }
    Dialog .dialog-error {
        color: $error;
        height: auto;
    }
    Dialog .dialog-error.-empty {
        display: none;
    }
    Dialog .dialog-buttons {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    Dialog .dialog-buttons Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "finish", "Finish", priority=True, show=False),
        Binding("escape", "cancel", "Cancel", show=False),  # not priority: a list closes first
        Binding("tab", "next_field", "Next field", priority=True, show=False),
        Binding("shift+tab", "previous_field", "Previous field", priority=True, show=False),
        Binding("enter", "enter", "Next field", priority=True, show=False),
    ]

    def __init__(self, heading: str | Content = "") -> None:
        super().__init__()
        self.heading = heading
        # Made inside a `@work` chain: the worker held the keys until now; the dialog takes over.
        self._worker: Worker | None = None
        try:
            self._worker = get_current_worker()
        except NoActiveWorker:
            pass
        type_ahead = self._type_ahead()
        if type_ahead is not None:
            type_ahead.hold_keys(self)  # until the first field has focus
            if self._worker is not None:
                type_ahead.worker_opened_dialog(self._worker)

    def _type_ahead(self) -> TypeAhead | None:
        try:
            app = self.app
        except Exception:  # made outside a running app (a test building one to look at)
            return None
        return app if isinstance(app, TypeAhead) else None

    # -- what each dialog says -------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        """The dialog's own fields and text."""
        yield from ()

    def compose_below(self) -> ComposeResult:
        """Anything between the fields and the error line (a form's help line)."""
        yield from ()

    def buttons(self) -> ComposeResult:
        yield Button(self.CANCEL, id="cancel")
        yield Button(self.FINISH, id=self.FINISH_ID, variant="primary")

    def first_field(self) -> Widget | None:
        """The widget that has focus when the dialog opens: the first field by default."""
        return next(iter(self.fields()), None)

    def fields(self) -> list[Widget]:
        """The widgets in the body that can take focus, in order (known before any layout)."""
        body = self.query_one(DialogBody)
        return [w for w in body.query("*") if w.focusable and shown_within(w, body)]

    def finish(self) -> None:
        """Ctrl+S and the finish button: check what was typed and dismiss with the result."""
        self.dismiss(None)

    def cancel(self) -> None:
        self.dismiss(None)

    def takes_enter(self, widget: Widget | None) -> bool:
        """Whether Enter on `widget` is the dialog's (acted on at once) rather than the widget's."""
        return isinstance(widget, (Input, Button))

    def enter_pressed(self, field: Widget) -> None:
        """Enter in a one-line field: on to the next text field, or finish after the last.
        Enter on a button presses it at once."""
        if isinstance(field, Button):
            self.button_chosen(field)
            return
        fields = [w for w in self.fields() if isinstance(w, TEXT_FIELDS)]
        later = fields[fields.index(field) + 1:] if field in fields else []
        if later:
            self.set_focus(later[0])
        else:
            self.finish()

    # -- the frame ---------------------------------------------------------------------

    def keys_line(self) -> str:
        keys = [f"Ctrl+S {self.FINISH.lower()}", f"Esc {self.CANCEL.lower()}"]
        if self.KEYS:
            keys.insert(0, self.KEYS)
        return " · ".join(keys)

    def title_line(self) -> Content:
        heading = self.heading if isinstance(self.heading, Content) else Content(self.heading)
        return Content.assemble(heading.stylize("bold"), "   ", (self.keys_line(), "$text-muted"))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_line(), classes="dialog-title")
            with DialogBody(classes="dialog-body"):
                yield from self.compose_body()
            yield from self.compose_below()
            yield Static("", id="error", classes="dialog-error -empty")
            with Horizontal(classes="dialog-buttons"):
                yield from self.buttons()

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(Content(message))
        error.set_class(not message, "-empty")
        self.call_after_refresh(self.fit)

    def on_mount(self) -> None:
        # Runs after the dialog's own on_mount (Textual calls the subclass's first).
        first = self.first_field()
        if first is not None:
            self.set_focus(first)
        type_ahead = self._type_ahead()
        if type_ahead is not None:
            type_ahead.release_keys(self)
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def scroll_part(self) -> Widget:
        """The part that scrolls when the dialog is taller than the screen."""
        return self.query_one(DialogBody)

    def fit(self) -> None:
        """Let the scrolling part have the height the rest of the dialog leaves, so the
        heading and the buttons stay on screen at any size."""
        try:
            frame = self.query_one("#dialog")
            part = self.scroll_part()
        except Exception:  # closing
            return
        used = part.styles.margin.height
        node: Widget = part
        while node is not frame and isinstance(node.parent, Widget):
            parent = node.parent
            used += parent.styles.gutter.height + sum(
                child.outer_size.height + child.styles.margin.height
                for child in parent.children
                if child is not node and child.display
            )
            node = parent
        part.styles.max_height = max(3, self.size.height - used)

    # -- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter":
            # Only a one-line field moves on with Enter; elsewhere Enter is the widget's own.
            return self.takes_enter(self.focused)
        return super().check_action(action, parameters)

    def action_finish(self) -> None:
        self.finish()

    def action_cancel(self) -> None:
        self.cancel()

    def action_enter(self) -> None:
        if self.focused is not None and self.takes_enter(self.focused):
            self.enter_pressed(self.focused)

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    def button_chosen(self, button: Button) -> None:
        """A button was pressed (clicked, or Enter on it): Cancel cancels, the finish
        button finishes; a dialog with other buttons says what they do."""
        if button.id == "cancel":
            self.cancel()
        elif button.id == self.FINISH_ID:
            self.finish()

    @on(Button.Pressed)
    def _button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.button_chosen(event.button)

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        """Close; keys typed meanwhile wait until the code that opened the dialog has the result
        (and, in a `@work` chain, until it opens the next dialog or ends)."""
        type_ahead = self._type_ahead()
        if type_ahead is not None:
            type_ahead.hold_keys(self)
            if self._worker is not None:
                type_ahead.hold_for_worker(self._worker)
        closing = super().dismiss(result)
        if type_ahead is not None:
            # Behind the result callback, which the app runs next when it opened the dialog.
            type_ahead.call_later(type_ahead.release_keys, self)
        return closing
