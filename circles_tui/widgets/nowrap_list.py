"""An option list whose lines never wrap, measured by counting them."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import OptionList


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

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # No separators are used in these lists, so options are all there is to count.
        return sum(_line_count(option.prompt) for option in self.options)


def _line_count(prompt: object) -> int:
    plain = getattr(prompt, "plain", None)
    text = plain if isinstance(plain, str) else str(prompt)
    return text.count("\n") + 1
