"""One column of the Supporters step: a kind of supporter's wording, then the people in it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static

from circles_tui.core.wording import SupporterText


class SupporterColumn(Vertical):
    """One kind of supporter: its wording, then the people in it."""

    DEFAULT_CSS = """
    SupporterColumn {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-style: bold;
        border-title-color: $text;
        padding: 0 1;
    }
    SupporterColumn:focus-within {
        border: heavy $primary;
    }
    SupporterColumn .kind-who {
        color: $text-muted;
    }
    SupporterColumn .kind-prompt {
        text-style: italic;
        margin-bottom: 1;
    }
    SupporterColumn .kind-guidance {
        background: $warning 15%;
        padding: 0 1;
        margin-bottom: 1;
    }
    SupporterColumn .kind-sharing {
        color: $text-warning;
        margin-bottom: 1;
    }
    SupporterColumn OptionList {
        height: 1fr;
        border: none;
        padding: 0;
        background: transparent;
    }
    SupporterColumn OptionList:focus {
        border: none;
        background-tint: transparent;
    }
    SupporterColumn .kind-empty {
        color: $text-muted;
        text-style: italic;
        height: auto;
    }
    """

    def __init__(self, kind: SupporterText) -> None:
        super().__init__(id=f"kind-{kind.id}")
        self.kind = kind
        self.border_title = Content(kind.title)

    def compose(self) -> ComposeResult:
        kind = self.kind
        with Vertical(classes="kind-words"):
            yield Static(Content(kind.who), classes="kind-who")
            yield Static(Content(f"“{kind.child_prompt}”"), classes="kind-prompt")
            if kind.guidance:
                yield Static(Content(kind.guidance), classes="kind-guidance")
        if not kind.shared_by_default:
            yield Static("", classes="kind-sharing")
        yield OptionList(id=f"entries-{kind.id}")
        yield Static(
            "No one here yet. Press a to add someone.", classes="kind-empty"
        )

    @property
    def entries(self) -> OptionList:
        return self.query_one(OptionList)
