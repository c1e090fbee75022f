"""LineList (the circle's list of people) behaves as the OptionList it replaced: the same
keys, messages, looks and clicks, with its options counted rather than laid out."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

import pytest

from circles_tui.widgets.line_list import LineList


def options() -> list[Option]:
    return [
        Option(Content("Ring 1"), id="ring-1", disabled=True),
        Option(Content("Amy\n  “kind”"), id="amy"),
        Option(Content("Bo"), id="bo"),
        Option(Content("Ring 2"), id="ring-2", disabled=True),
        *(Option(Content(f"Person {n}"), id=f"p{n}") for n in range(40)),
    ]


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlights: list[str | None] = []
        self.selections: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield LineList(id="people")

    def on_mount(self) -> None:
        listing = self.query_one(LineList)
        listing.set_options(options())
        listing.highlighted = 1
        listing.focus()

    @on(OptionList.OptionHighlighted, "#people")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.highlights.append(event.option.id)

    @on(OptionList.OptionSelected, "#people")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.selections.append(event.option.id)


async def test_keys_move_past_headings_wrap_round_and_enter_chooses():
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(LineList)
        await pilot.press("down", "down")  # Bo, then over the ring heading to Person 0
        assert listing.highlighted_option.id == "p0"
        await pilot.press("up", "up", "up")  # Bo, Amy, then round to the last
        assert listing.highlighted_option.id == "p39"
        await pilot.press("home")
        assert listing.highlighted_option.id == "amy"
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.selections == ["p39"]
        assert app.highlights[-1] == "p39"


async def test_page_keys_move_a_screenful_and_keep_the_highlight_in_view():
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(LineList)
        await pilot.press("pagedown")
        await pilot.pause()
        first = listing.highlighted
        assert first is not None and first > 4
        line = listing.scroll_offset.y
        height = listing.scrollable_content_region.height
        start = sum(len(o.prompt.plain.splitlines()) for o in listing.options[:first])
        assert line <= start < line + height
        await pilot.press("pageup")
        assert listing.highlighted < first


async def test_options_are_found_by_id_and_a_missing_one_is_said_so():
    app = ListApp()
    async with app.run_test(size=(40, 12)):
        listing = app.query_one(LineList)
        assert listing.get_option_index("bo") == 2
        assert listing.get_option("amy").prompt.plain.startswith("Amy")
        assert listing.option_count == 44
        with pytest.raises(OptionDoesNotExist):
            listing.get_option_index("nobody")


async def test_an_option_two_lines_tall_takes_two_lines_and_nothing_wraps():
    app = ListApp()
    async with app.run_test(size=(20, 12)) as pilot:
        listing = app.query_one(LineList)
        listing.replace_option_prompt("bo", Content("Bo, with a name far too long to fit"))
        await pilot.pause()
        lines = [listing.render_line(y).text for y in range(5)]
        assert lines[1].startswith("Amy") and "kind" in lines[2]
        assert lines[3].startswith("Bo, with") and lines[3].rstrip().endswith("…")
        assert lines[4].startswith("Ring 2")


async def test_a_click_highlights_and_chooses_but_not_on_a_heading():
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(LineList)
        await pilot.click(LineList, offset=(3, 4))  # Bo's line (border, Ring 1, Amy x2)
        await pilot.pause()
        assert listing.highlighted_option.id == "bo" and app.selections == ["bo"]
        await pilot.click(LineList, offset=(3, 1))  # the heading
        await pilot.pause()
        assert app.selections == ["bo"]


async def test_new_options_keep_the_scroll_and_ask_for_no_layout_when_as_tall():
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(LineList)
        await pilot.press("end")
        await pilot.pause()
        scrolled = listing.scroll_offset.y
        assert scrolled > 0
        layouts = []
        refresh = listing.refresh
        listing.refresh = lambda *a, layout=False, **k: (layouts.append(layout),
                                                         refresh(*a, layout=layout, **k))[1]
        moved = options()
        moved[2], moved[5] = moved[5], moved[2]  # someone moves; as many lines as before
        listing.set_options(moved)
        assert True not in layouts
        listing.set_options([*moved, Option(Content("New"), id="new")])
        assert True in layouts  # one line more: the list may grow
        listing.set_options(moved)
        listing.highlighted = len(moved) - 1
        await pilot.pause()
        assert listing.scroll_offset.y == scrolled
        assert listing.highlighted_option.id == "p39"
