"""`ListChoiceDialog`: choose one entry of a list, the base of every "pick one" dialog.

Enter (or a click) on an entry chooses it and closes the dialog at once, before the
next key, so a key typed straight after Enter already goes to whatever comes next.
Ctrl+S chooses the highlighted entry; Escape cancels (None). A dialog built on it
says only what its entries are and what choosing one gives back (`chosen_value`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.dialogs.base import Dialog, ResultType


class ListChoiceDialog(Dialog[ResultType]):
    """A help line and a list; choosing an entry gives `chosen_value` of its id."""

    FINISH = "Choose"
    FINISH_ID = "choose"
    KEYS = "Enter choose"
    DEFAULT_CSS = """
    ListChoiceDialog OptionList { height: auto; }
    """

    def __init__(self, heading: str | Content, help: str | Content, entries: list[Option],
                 list_id: str, highlighted: int | None = None) -> None:
        """`highlighted`: the entry the cursor starts on (None: none until a key moves it)."""
        super().__init__(heading)
        self.help = help
        self.entries = entries
        self.list_id = list_id
        self.start = highlighted

    def chosen_value(self, entry_id: str) -> ResultType:
        """What choosing the entry with this id gives back: the id itself, unless said."""
        return entry_id  # type: ignore[return-value]

    def compose_body(self) -> ComposeResult:
        if self.help:
            help = self.help if isinstance(self.help, Content) else Content(self.help)
            yield Static(help, classes="dialog-help")
        yield OptionList(*self.entries, id=self.list_id)

    def on_mount(self) -> None:
        if self.start is not None:
            self.query_one(OptionList).highlighted = self.start

    def first_field(self) -> Widget:
        return self.query_one(OptionList)

    def scroll_part(self) -> Widget:
        return self.query_one(OptionList)

    def takes_enter(self, widget: Widget | None) -> bool:
        return isinstance(widget, OptionList)  # closes at once, before the next key

    def enter_pressed(self, field: Widget) -> None:
        self.finish()

    @on(OptionList.OptionSelected)
    def _entry_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.chosen_value(event.option.id))

    def finish(self) -> None:
        entry = self.query_one(OptionList).highlighted_option
        if entry is not None and entry.id is not None:
            self.dismiss(self.chosen_value(entry.id))
