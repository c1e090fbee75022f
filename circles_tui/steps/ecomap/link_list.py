"""The ecomap step's list: one entry per link of the ecomap on screen, the selected one marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content
from textual.widgets.option_list import Option, OptionDoesNotExist

from circles_tui.core.ecomap import EcoLink
from circles_tui.steps.ecomap.ecomap_view import link_id
from circles_tui.widgets.nowrap_list import NoWrapOptionList

HINT_ID = "hint"


def link_of(option: Option) -> str | None:
    """The link a line of the list stands for, or None for the hint."""
    if option.disabled or not option.id or option.id == HINT_ID:
        return None
    return option.id


class LinkList(NoWrapOptionList):
    """The links of one ecomap, in the order they were added."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        # True while the options are replaced, when highlight messages are not the user's.
        self.rebuilding = False

    def link_ids(self) -> list[str]:
        return [key for key in map(link_of, self.options) if key is not None]

    def fill(self, links: Sequence[EcoLink], line: Callable[[EcoLink, bool], Content],
             selected: str | None, hint: Content) -> None:
        """One line per link, made by `line(link, selected)`; `hint` when there are none.
        (An ecomap holds tens of links, not thousands: every line is made afresh.)"""
        options = [Option(line(link, link_id(link) == selected), id=link_id(link))
                   for link in links]
        if not options:
            options.append(Option(hint, id=HINT_ID, disabled=True))
        self.rebuilding = True
        try:
            scroll_y = self.scroll_y
            self.set_options(options)
            if selected is not None and selected in self.link_ids():
                self.highlighted = self.get_option_index(selected)
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
            if self.highlighted is not None:
                self.scroll_to_highlight()
        finally:
            self.rebuilding = False

    def repaint(self, link: EcoLink, prompt: Content) -> None:
        """Redraw one link's line (to move the pointer)."""
        try:
            self.replace_option_prompt(link_id(link), prompt)
        except OptionDoesNotExist:
            pass
