"""What the three meeting steps share: the question at the top, a list, and its details.

The question is the wording file's adult question, or the child's in child view; the
guidance shows to the practitioner only. Subclasses say what the list holds (`rows`),
how one row reads, and what the details line says.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import GUIDANCE, reads_child_words, sees
from circles_tui.core.model import Workbook
from circles_tui.core.wording import MeetingStepText, Wording
from circles_tui.steps.step import Step, update_text


SHORT = 30  # below this many lines the guidance gives way to the list


class MeetingStep(Step):
    """A meeting step: its question, an optional line above the list, the list, the details."""

    DEFAULT_CSS = """
    MeetingStep .meeting-prompt {
        height: auto;
        text-style: italic;
    }
    MeetingStep .meeting-guidance {
        height: auto;
        background: $warning 15%;
        padding: 0 1;
    }
    MeetingStep.-no-guidance .meeting-guidance, MeetingStep.-short .meeting-guidance {
        display: none;
    }
    MeetingStep .meeting-line {
        height: auto;
        margin-top: 1;
    }
    MeetingStep OptionList {
        height: 1fr;
        min-height: 4;
        border: round $panel-lighten-2;
        border-title-style: bold;
        border-title-color: $text;
        background: transparent;
    }
    MeetingStep OptionList:focus {
        border: heavy $primary;
    }
    MeetingStep .meeting-detail {
        height: auto;
        max-height: 8;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, content: Wording, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.words: MeetingStepText = getattr(content.meeting, self.words_id)

    words_id = ""  # which MeetingStepText of the wording this step shows

    def compose(self) -> ComposeResult:
        yield Static(classes="meeting-prompt")
        yield Static(Content(self.words.guidance), classes="meeting-guidance")
        yield Static(classes="meeting-line")
        yield from self.compose_lists()
        yield Static(classes="meeting-detail")

    def compose_lists(self) -> ComposeResult:
        yield OptionList()

    def show(self, workbook: Workbook) -> None:
        child_words = reads_child_words(self.audience)
        prompt = self.words.child_prompt if child_words else self.words.adult_prompt
        update_text(self.query_one(".meeting-prompt", Static), Content(f"“{prompt}”"))
        self.set_class(not (self.words.guidance and sees(self.audience, GUIDANCE)), "-no-guidance")
        update_text(self.query_one(".meeting-line", Static), self.line(workbook))
        self.fill(workbook)
        self._describe()

    def on_resize(self) -> None:
        # On a short screen the list needs the room more than the guidance does.
        self.set_class(0 < self.size.height < SHORT, "-short")

    def fill_list(self, option_list: OptionList, rows: list[tuple[str, Content]]) -> None:
        """Show `rows` (id, text), a blank line apart, keeping the highlight on the same id."""
        kept = option_list.highlighted_option.id if option_list.highlighted_option else None
        index = option_list.highlighted
        options: list[Option | None] = []
        for row_id, text in rows:
            if options:
                options.append(None)
            options.append(Option(text, id=row_id))
        option_list.set_options(options)
        ids = [row_id for row_id, _ in rows]
        if ids:
            keep = kept if kept in ids else ids[min(index or 0, len(ids) - 1)]
            option_list.highlighted = option_list.get_option_index(keep)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    def on_descendant_focus(self) -> None:
        self._describe()

    def _describe(self) -> None:
        if self.workbook is not None and self.is_mounted:
            update_text(self.query_one(".meeting-detail", Static), self.detail(self.workbook))

    # -- what each step fills in --

    def line(self, workbook: Workbook) -> Content:
        return Content("")

    def fill(self, workbook: Workbook) -> None:
        raise NotImplementedError

    def detail(self, workbook: Workbook) -> Content:
        return Content("")

    def highlighted_id(self, option_list: OptionList | None = None) -> str | None:
        option_list = option_list or self.query_one(OptionList)
        option = option_list.highlighted_option
        return option.id if option is not None else None


def titled_list(list_id: str, title: str) -> OptionList:
    """A list of a meeting step, its name on its border."""
    option_list = OptionList(id=list_id)
    option_list.border_title = title
    return option_list


def facts(*pairs: tuple[str, str]) -> list[str | tuple[str, str]]:
    """`Label: value` pieces for a details line, leaving out empty values."""
    parts: list[str | tuple[str, str]] = []
    for label, value in pairs:
        if value:
            parts += ["  ·  " if parts else "", (f"{label}: ", "bold"), value]
    return parts


def long_date(day: date | None) -> str:
    """"Thursday 2 April 2026", or "" for no date."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""
