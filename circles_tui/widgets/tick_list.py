"""A list of tick boxes whose Space ticks at once.

Textual's `SelectionList` ticks an option when it handles the `OptionSelected` message its
own Space key posts, so a Ctrl+S typed straight after Space (type-ahead) could finish the
dialog before the tick landed. Here Space ticks inside the key's own handling.
"""

from __future__ import annotations

from textual.widgets import SelectionList


class TickList(SelectionList[str]):
    def action_select(self) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if not option.disabled:
            self.toggle(option)
