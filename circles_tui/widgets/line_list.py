"""A list of options for lists of a thousand people: counted, not laid out, and drawn a
line at a time.

Textual's `OptionList` lays out every option again whenever its options change, and
forgets every drawn line when any one changes; with 1,000 people in a circle that was
most of what a key cost. `LineList` takes the same `Option`s, has the same keys and looks
(its component classes), and sends OptionList's own messages (`OptionHighlighted`,
`OptionSelected`), so code written for an OptionList handles them unchanged. But:

- nothing wraps (`text-wrap: nowrap`): an option is as tall as its text has lines, and
  finding the options' lines is counting;
- only the lines on screen are drawn, and a drawn option is kept, by its very text object,
  style and width, for as long as that option is listed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

OPTION, DISABLED, HIGHLIGHTED, HOVER = (
    "option-list--option", "option-list--option-disabled",
    "option-list--option-highlighted", "option-list--option-hover",
)


def line_count(option: Option) -> int:
    """How many lines an option takes (nothing in a LineList wraps)."""
    prompt = option.prompt
    plain = getattr(prompt, "plain", None)
    return (plain if isinstance(plain, str) else str(prompt)).count("\n") + 1


class LineList(ScrollView, can_focus=True):
    """Options a person moves through with the arrow keys, Enter choosing one."""

    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    # As Textual's OptionList looks, so a LineList sits among them unnoticed.
    DEFAULT_CSS = """
    LineList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES = {OPTION, DISABLED, HIGHLIGHTED, HOVER}

    highlighted: reactive[int | None] = reactive(None)
    hovered: reactive[int | None] = reactive(None)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._options: tuple[Option, ...] = ()
        self._starts: list[int] = []  # the first line of each option
        self._line_total = 0
        self._index_of: dict[str, int] = {}
        # Drawn options: this pass's, and the last pass's (reused while still listed).
        self._drawn: dict[tuple, tuple[object, list[Strip]]] = {}
        self._drawn_before: dict[tuple, tuple[object, list[Strip]]] = {}

    # -- the options -------------------------------------------------------------------

    @property
    def options(self) -> tuple[Option, ...]:
        return self._options

    @property
    def option_count(self) -> int:
        return len(self._options)

    @property
    def highlighted_option(self) -> Option | None:
        return None if self.highlighted is None else self._options[self.highlighted]

    def get_option_index(self, option_id: str) -> int:
        try:
            return self._index_of[option_id]
        except KeyError:
            raise OptionDoesNotExist(f"No option has the id {option_id!r}") from None

    def get_option(self, option_id: str) -> Option:
        return self._options[self.get_option_index(option_id)]

    def set_options(self, options: Iterable[Option]) -> None:
        """Show these options instead; nothing is highlighted until the caller says."""
        self._options = tuple(options)
        self._index_of = {option.id: index for index, option in enumerate(self._options)
                          if option.id is not None}
        self._count_lines()
        self._drawn_before, self._drawn = self._drawn, {}
        self.highlighted = None
        self.hovered = None
        self.refresh()

    def replace_option_prompt(self, option_id: str, prompt: object) -> None:
        """Give one option new text, redrawing only its lines."""
        index = self.get_option_index(option_id)
        old = self._options[index]
        new = Option(prompt, id=option_id, disabled=old.disabled)  # type: ignore[arg-type]
        self._options = (*self._options[:index], new, *self._options[index + 1:])
        if line_count(new) == line_count(old):
            self.refresh_lines(self._starts[index], line_count(new))
        else:
            self._count_lines()
            self.refresh()

    def _count_lines(self) -> None:
        starts, line = [], 0
        for option in self._options:
            starts.append(line)
            line += line_count(option)
        self._starts = starts
        if line != self._line_total:
            self._line_total = line
            self.refresh(layout=True)  # as tall as its lines (up to its max-height)
        self.virtual_size = Size(self.scrollable_content_region.width, line)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._line_total

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def on_resize(self, event: events.Resize) -> None:
        self._drawn_before, self._drawn = {}, {}
        self.virtual_size = Size(self.scrollable_content_region.width, self._line_total)

    def _index_at_line(self, line: int) -> int | None:
        if not 0 <= line < self._line_total:
            return None
        return bisect_right(self._starts, line) - 1

    # -- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index = self._index_at_line(line)
        if index is None:
            return Strip.blank(width, self.get_visual_style(OPTION).rich_style)
        strips = self._drawn_option(index, width)
        offset = line - self._starts[index]
        return strips[offset] if offset < len(strips) else Strip.blank(width)

    def _drawn_option(self, index: int, width: int) -> list[Strip]:
        option = self._options[index]
        if option.disabled:
            style = self.get_visual_style(OPTION, DISABLED)
        elif index == self.highlighted:
            style = self.get_visual_style(OPTION, HIGHLIGHTED)
        elif index == self.hovered:
            style = self.get_visual_style(OPTION, HOVER)
        else:
            style = self.get_visual_style(OPTION)
        prompt = option.prompt
        # Keyed by the text object itself (held in the entry, so its id stays its own).
        key = (id(prompt), style, width)
        found = self._drawn.get(key) or self._drawn_before.get(key)
        if found is None:
            visual = visualize(self, prompt, markup=False)
            strips = Visual.to_strips(self, visual, width, None, style)
            found = (prompt, [strip.extend_cell_length(width, style.rich_style)
                              for strip in strips])
        self._drawn[key] = found
        return found[1]

    def _refresh_option(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._options):
            self.refresh_lines(self._starts[index], line_count(self._options[index]))

    # -- the highlight -----------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._options:
            return None
        return max(0, min(highlighted, len(self._options) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_option(old)
        self._refresh_option(new)
        if new is None or self._options[new].disabled:
            return
        self.scroll_to_highlight()
        self.post_message(OptionList.OptionHighlighted(
            self, self._options[new], new))  # type: ignore[arg-type]

    def watch_hovered(self, old: int | None, new: int | None) -> None:
        self._refresh_option(old)
        self._refresh_option(new)

    def scroll_to_highlight(self, top: bool = False) -> None:
        index = self.highlighted
        if index is None or not self.is_mounted or not self.scrollable_content_region:
            return  # not laid out yet: `on_show` scrolls once it is
        region = Region(0, self._starts[index], self.scrollable_content_region.width,
                        line_count(self._options[index]))
        self.scroll_to_region(region, force=True, animate=False, top=top, immediate=True)

    def _enabled(self, start: int, step: int, wrap: bool) -> int | None:
        """The first option not disabled from `start` on, going `step` at a time."""
        count = len(self._options)
        for n in range(count):
            index = start + step * n
            if wrap:
                index %= count
            elif not 0 <= index < count:
                return None
            if not self._options[index].disabled:
                return index
        return None

    def action_cursor_down(self) -> None:
        start = 0 if self.highlighted is None else self.highlighted + 1
        found = self._enabled(start, 1, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        start = -1 if self.highlighted is None else self.highlighted - 1
        found = self._enabled(start, -1, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        found = self._enabled(0, 1, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._enabled(len(self._options) - 1, -1, wrap=False)
        if found is not None:
            self.highlighted = found

    def _move_page(self, direction: int) -> None:
        if self.highlighted is None:
            self.action_first() if direction < 0 else self.action_last()
            return
        page = max(1, self.scrollable_content_region.height)
        line = self._starts[self.highlighted] + direction * page
        index = self._index_at_line(max(0, min(line, self._line_total - 1)))
        if index is None:
            return
        found = self._enabled(index, direction, wrap=False)
        if found is None:
            found = self._enabled(index, -direction, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and not self._options[index].disabled:
            self.post_message(OptionList.OptionSelected(
                self, self._options[index], index))  # type: ignore[arg-type]

    # -- the mouse ---------------------------------------------------------------------

    def _index_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self._index_at_line(offset.y + self.scroll_offset.y)

    def on_click(self, event: events.Click) -> None:
        index = self._index_under(event)
        if index is not None and not self._options[index].disabled:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._index_under(event)

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = None
