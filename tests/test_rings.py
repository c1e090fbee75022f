"""The ring picture: its layout worked out without a terminal, and the widget in a small app."""

from __future__ import annotations

import time

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult

from circles_tui.widgets.rings import (
    CHILD,
    HIGHLIGHT,
    LINE,
    MORE,
    NAME,
    RingPerson,
    RingsDiagram,
    clean_name,
    layout_rings,
    shorten,
)

LABELS = ("Closest to me", "Important to me", "Know them, not close")


def people(prefix: str, count: int) -> list[RingPerson]:
    return [RingPerson(f"{prefix}-{i}", f"{prefix.title()} {i}") for i in range(count)]


def assert_fits(layout, width: int, height: int) -> None:
    """Every line is exactly the width asked for, and there are exactly `height` lines."""
    assert len(layout.lines) == height
    for line in layout.lines:
        assert sum(cell_len(run.text) for run in line) == width


def kinds_of(layout, text: str) -> set[str]:
    return {run.kind for line in layout.lines for run in line if text in run.text}


def test_no_one_yet_draws_three_rings_around_the_child():
    layout = layout_rings("Mia", [[], [], []], 46, 17, labels=LABELS)
    assert layout.drawn
    assert_fits(layout, 46, 17)
    text = layout.text()
    assert "Mia" in text and kinds_of(layout, "Mia") == {CHILD}
    for number in "123":  # each ring's number sits on its own line, readable without colour
        assert f" {number} " in text
    for label in LABELS:  # a short picture gives every row to names; the list names the rings
        assert label not in text
    tall = layout_rings("Mia", [[], [], []], 46, 24, labels=LABELS).text()
    for label in LABELS:  # with room, the key says what each number means
        assert label in tall
    # Three closed rings: three top-left corners on the way down the middle column's left.
    assert text.count("╭") >= 3 and text.count("╯") >= 3
    assert layout.shown == ((), (), ()) and layout.more == (0, 0, 0)


def test_one_person_is_drawn_inside_their_ring():
    layout = layout_rings("Mia", [[], [RingPerson("jo", "Nanna Jo")], []], 46, 17)
    assert layout.shown == ((), ("jo",), ())
    x, y, w = layout.places["jo"]
    assert w == len("Nanna Jo")
    row = "".join(run.text for run in layout.lines[y])
    assert row[x:x + w] == "Nanna Jo"
    # The cells under the name belong to ring 2, tinted as ring 2.
    assert {run.ring for run in layout.lines[y] if "Nanna Jo" in run.text} == {2}
    # Drawn below ring 2's top line and above ring 1's: a ring line on the rows either side.
    above = "".join(run.text for run in layout.lines[y - 1])
    assert set(above) & set("─╭╮╰╯")
    assert layout.person_at(x, y) == "jo" and layout.person_at(x + w, y) is None


def test_many_people_show_what_fits_and_count_the_rest():
    rings = [people("close", 10), people("important", 10), people("known", 10)]
    layout = layout_rings("Mia", rings, 46, 17, labels=LABELS)
    assert_fits(layout, 46, 17)
    for k in range(3):
        assert len(layout.shown[k]) + layout.more[k] == 10
        assert len(set(layout.shown[k])) == len(layout.shown[k])
    assert sum(layout.more) > 0
    text = layout.text()
    for k in range(3):
        if layout.more[k]:
            assert f"+{layout.more[k]}" in text
    assert MORE in {run.kind for line in layout.lines for run in line}
    # Names that are shown sit where the layout says, none on top of another.
    cells: set[tuple[int, int]] = set()
    for x, y, w in layout.places.values():
        span = {(x + i, y) for i in range(w)}
        assert not cells & span
        cells |= span


def test_a_thousand_names_in_one_ring_are_cut_short_quickly():
    crowd = [RingPerson(f"p{i}", f"Person number {i}") for i in range(1000)]
    started = time.perf_counter()
    layout = layout_rings("Mia", [[], [], crowd], 70, 31, labels=LABELS)
    took = time.perf_counter() - started
    assert took < 0.5
    assert_fits(layout, 70, 31)
    assert len(layout.shown[2]) + layout.more[2] == 1000
    assert 0 < len(layout.shown[2]) < 100
    assert f"+{layout.more[2]} more" in layout.text()


def test_the_highlighted_person_is_always_drawn_and_stands_out():
    rings = [[], people("p", 40), []]
    last = rings[1][-1].id
    plain = layout_rings("Mia", rings, 46, 17)
    assert last not in plain.shown[1]
    layout = layout_rings("Mia", rings, 46, 17, highlight=last)
    assert last in layout.shown[1]
    x, y, w = layout.places[last]
    assert any(run.kind == HIGHLIGHT for run in layout.lines[y])
    # Others keep their places when the highlighted one fits anyway.
    first = rings[1][0].id
    again = layout_rings("Mia", rings, 46, 17, highlight=first)
    assert again.places == plain.places


def test_moving_the_highlight_does_not_shuffle_the_picture():
    rings = [people("a", 2), people("b", 3), people("c", 3)]
    base = layout_rings("Mia", rings, 70, 31)
    for person in rings[1]:
        assert layout_rings("Mia", rings, 70, 31, highlight=person.id).places == base.places


def test_names_that_look_like_markup_are_literal_text():
    rings = [[RingPerson("a", "[b]Nan[/b]")], [RingPerson("b", "[@click=app.quit]x[/]")], []]
    layout = layout_rings("[red]Mia[/red]", rings, 70, 31)
    text = layout.text()
    assert "[b]Nan[/b]" in text
    assert "[@click=app.qui…" in text  # cut to fit, but never read as markup
    assert "[red]Mia[/red]" in text


def test_odd_characters_never_break_the_grid():
    rings = [
        [RingPerson("a", "李小龍 大哥"),
         RingPerson("b", "Zoë\nline two\tand\x1b[31m escape")],
        [RingPerson("c", "👩‍👧 Mum"), RingPerson("d", "   ")],
        [RingPerson("e", "x" * 200)],
    ]
    for width, height in ((46, 17), (70, 31), (31, 9)):
        layout = layout_rings("Ольга", rings, width, height)
        assert_fits(layout, width, height)
        assert "\x1b" not in layout.text() and "\n" not in "".join(
            run.text for line in layout.lines for run in line
        )


@pytest.mark.parametrize("width", [0, 1, 5, 20, 23, 24, 25, 31, 46, 70, 121])
@pytest.mark.parametrize("height", [0, 1, 3, 6, 7, 8, 9, 12, 13, 14, 17, 24, 31, 41])
def test_every_size_fits_exactly(width, height):
    rings = [people("a", 3), people("b", 7), people("c", 12)]
    layout = layout_rings("Mia", rings, width, height, highlight="b-6", labels=LABELS)
    assert_fits(layout, width, height)
    for k in range(3):
        assert len(layout.shown[k]) + layout.more[k] == len(rings[k])


def test_too_small_for_rings_gives_a_line_per_ring():
    layout = layout_rings("Mia", [people("a", 2), people("b", 9), []], 22, 6)
    assert not layout.drawn
    lines = layout.text().splitlines()
    assert lines[0].startswith("Mia")
    assert lines[1].startswith("1 A 0") and lines[2].startswith("2 B 0")
    assert "+" in lines[2]  # the rest of ring 2, counted


def test_clean_name_and_shorten():
    assert clean_name("Nanna\nJo\t ") == "Nanna Jo"
    assert clean_name("\x00\x07") == "?"
    assert shorten("Grandma Sue", 20) == "Grandma Sue"
    assert shorten("Grandma Sue", 6) == "Grand…"
    assert cell_len(shorten("李小龍大哥", 5)) <= 5


# -- the widget ----------------------------------------------------------------------


class DiagramApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.clicked: list[str] = []

    def compose(self) -> ComposeResult:
        yield RingsDiagram()

    def on_rings_diagram_person_clicked(self, event: RingsDiagram.PersonClicked) -> None:
        self.clicked.append(event.person_id)


async def test_widget_draws_highlight_in_reverse_and_reports_clicks():
    app = DiagramApp()
    async with app.run_test(size=(60, 25)) as pilot:
        diagram = app.query_one(RingsDiagram)
        rings = [[RingPerson("jo", "Nanna Jo")], [RingPerson("dad", "Dad")], []]
        diagram.show("Mia", rings, LABELS, "success", highlight="jo")
        await pilot.pause()
        content = diagram.render()
        assert "Nanna Jo" in content.plain
        styles = [str(span.style) for span in content.spans
                  if content.plain[span.start:span.end] == "Nanna Jo"]
        assert styles and all("reverse" in style for style in styles)
        # Ring lines take the circle's theme colour by name, never a literal colour.
        line_styles = {str(span.style) for span in content.spans
                       if "│" in content.plain[span.start:span.end]}
        assert line_styles and all("$text-success" in style for style in line_styles)
        x, y, w = diagram.layout_now().places["dad"]
        await pilot.click(RingsDiagram, offset=(x + 1, y))
        await pilot.pause()
        assert app.clicked == ["dad"]
        # Resizing redraws to the new size.
        await pilot.resize_terminal(40, 15)
        await pilot.pause()
        layout = diagram.layout_now()
        assert (layout.width, layout.height) == (40, 15)
        assert_fits(layout, 40, 15)
        assert kinds_of(layout, "Mia") == {CHILD}
        assert LINE in {run.kind for line in layout.lines for run in line}
        assert NAME in {run.kind for line in layout.lines for run in line} or layout.more[1]
