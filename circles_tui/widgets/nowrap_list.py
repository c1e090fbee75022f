"""An option list whose lines never wrap, measured by counting them."""

from __future__ import annotations

from collections.abc import Iterable

from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class NoWrapOptionList(OptionList):
    """An `OptionList` styled `text-wrap: nowrap`, so an option is exactly as tall as
    its number of lines.

    Textual measures a list's height by laying out every option at the list's full
    width, and lays them out again at the width left beside the scrollbar when it
    draws them; each prompt remembers only its latest width, so a list of 1,000
    people was laid out 2,000 times on every change. Counting lines instead is exact
    here because nothing wraps.
    """

    DEFAULT_CSS = """
    NoWrapOptionList {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # True while new options as tall as the old ones go in: see `refresh`.
        self._same_height = False

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # No separators are used in these lists, so options are all there is to count.
        return sum(_line_count(option.prompt) for option in self.options)

    def set_options(self, options: Iterable[Option]) -> "NoWrapOptionList":
        options = list(options)
        self._same_height = (
            self.is_mounted and not self.styles.width.is_auto  # type: ignore[union-attr]
            and _lines_in(options) == _lines_in(self.options))
        try:
            return super().set_options(options)
        finally:
            self._same_height = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> "NoWrapOptionList":
        # OptionList asks for a new layout of the whole screen whenever its options change,
        # because its height is "auto"; a screen's layout repaints every widget on it. When
        # the new options take exactly as many lines as the old (someone moved from one ring
        # to another), the list is as tall as before and only its own lines need drawing.
        if self._same_height:
            layout = False
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self


def _lines_in(options: Iterable[object]) -> int:
    return sum(_line_count(getattr(option, "prompt", option)) for option in options)


def _line_count(prompt: object) -> int:
    plain = getattr(prompt, "plain", None)
    text = plain if isinstance(plain, str) else str(prompt)
    return text.count("\n") + 1
