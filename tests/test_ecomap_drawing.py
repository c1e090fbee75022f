"""The ecomap drawing, worked out without a terminal: line styles, where people go, the
key, the centre, household ties, arrows, room for labels, and the widget on top."""

from __future__ import annotations

import time

import pytest
from textual.app import App, ComposeResult

from circles_tui.widgets.ecomap_art import Tie, hub_art
from circles_tui.widgets.ecomap_drawing import EcomapDrawing
from circles_tui.widgets.ecomap_layout import EcomapPicture, Spoke, layout_ecomap

WORDS = {"strong": "strong", "ordinary": "ordinary", "tenuous": "tenuous",
         "stressful": "stressful"}
KINDS = {"group": "group", "service": "service", "place": "place"}
# The drawing's share of an 80x24 screen: the list beside it and the heading take the rest.
SMALL = (46, 18)


def picture(*spokes: Spoke, centre: str = "plain", members=(("child", "Mia"),),
            ties: tuple[Tie, ...] = ()) -> EcomapPicture:
    return EcomapPicture(centre, tuple(members), spokes, ties, WORDS, "support flows", KINDS)


def row_of(layout, link_id: str) -> str:
    return layout.text().splitlines()[layout.places[link_id][1]]


def between_hub_and_label(layout, link_id: str) -> str:
    """The cells on the label's row between the centre and the label (a link at 3 o'clock)."""
    x, y, _ = layout.places[link_id]
    hub_right = layout.hub[0] + layout.hub[2]
    return layout.text().splitlines()[y][hub_right:x]


def column_above_hub(layout) -> str:
    """The cells straight above the middle of the centre (a link at 12 o'clock)."""
    hx, hy, hw, _ = layout.hub
    lines = layout.text().splitlines()
    return "".join(lines[y][hx + hw // 2] for y in range(hy))


# -- line styles -------------------------------------------------------------------------


@pytest.mark.parametrize(("quality", "across", "up"), [
    ("strong", "═", "║"), ("ordinary", "─", "│"), ("tenuous", "┈", "┊"), ("stressful", "╫", "╪"),
])
def test_each_quality_has_its_own_characters_across_and_up(quality, across, up):
    sideways = layout_ecomap(picture(Spoke("a", "Ann", distance=3, clock=3,
                                           qualities=(quality,))), 60, 20)
    line = between_hub_and_label(sideways, "a")
    assert across in line
    others = {"═", "─", "┈", "╫"} - {across} - ({"─"} if quality == "stressful" else set())
    assert not others & set(line)
    upward = layout_ecomap(picture(Spoke("a", "Ann", distance=4, clock=12,
                                         qualities=(quality,))), 60, 20)
    assert up in column_above_hub(upward)


def test_a_stressful_line_is_hatched_not_solid():
    layout = layout_ecomap(picture(Spoke("a", "Ann", distance=4, clock=3,
                                         qualities=("stressful",))), 60, 20)
    line = between_hub_and_label(layout, "a").strip()
    assert "─╫─╫" in line


def test_a_link_with_two_qualities_shows_both_in_turn():
    layout = layout_ecomap(picture(Spoke("a", "Ann", distance=4, clock=3,
                                         qualities=("strong", "tenuous"))), 60, 20)
    line = between_hub_and_label(layout, "a").strip()
    assert "═══┈┈┈═══" in line


@pytest.mark.parametrize(("flow", "heads"), [
    ("to-centre", "◀"), ("from-centre", "▶"), ("both", "◀▶"), ("", ""),
])
def test_arrows_beside_the_label_show_which_way_support_flows(flow, heads):
    layout = layout_ecomap(picture(Spoke("a", "Ann", distance=4, clock=3, flow=flow)), 60, 20)
    line = between_hub_and_label(layout, "a")
    assert line.endswith(f"─{heads}") and line.startswith("─")
    assert line.count("◀") + line.count("▶") == len(heads)


def test_arrows_on_a_line_going_up_point_up_or_down():
    layout = layout_ecomap(picture(Spoke("a", "Ann", distance=4, clock=12, flow="both")), 60, 20)
    column = column_above_hub(layout)
    assert "▲" in column and "▼" in column and "│" in column


# -- where people go ----------------------------------------------------------------------


def centre_of(layout, link_id: str) -> tuple[float, float]:
    x, y, w = layout.places[link_id]
    return x + w / 2, y


def test_the_clock_says_where_round_the_centre_and_distance_how_far():
    spokes = [Spoke(f"{clock}-{d}", f"P{clock}{d}", distance=d, clock=clock)
              for clock in (12, 3, 6, 9) for d in (1, 4)]
    layout = layout_ecomap(picture(*spokes), 100, 40)
    assert not layout.hidden
    hx, hy, hw, hh = layout.hub
    mx, my = hx + hw / 2, hy + hh / 2
    for d in (1, 4):
        assert centre_of(layout, f"12-{d}")[1] < hy and centre_of(layout, f"6-{d}")[1] >= hy + hh
        assert centre_of(layout, f"3-{d}")[0] > hx + hw and centre_of(layout, f"9-{d}")[0] < hx
    for clock in (12, 3, 6, 9):
        near, far = centre_of(layout, f"{clock}-1"), centre_of(layout, f"{clock}-4")
        assert abs(far[0] - mx) + 2 * abs(far[1] - my) > abs(near[0] - mx) + 2 * abs(near[1] - my)


def boxes_overlap(a, b) -> bool:
    (ax, ay, aw), (bx, by, bw) = a, b
    return ay == by and ax < bx + bw and bx < ax + aw


@pytest.mark.parametrize("size", [SMALL, (34, 15), (120, 36)])
def test_labels_never_overlap_each_other_or_the_centre(size):
    # Two to a clock position, several at the same distance: they must all make room.
    spokes = [Spoke(f"s{i}", f"Someone number {i}", distance=1 + i % 4, clock=1 + (i // 2) % 12,
                    kind=("person", "group", "service", "place")[i % 4]) for i in range(24)]
    layout = layout_ecomap(picture(*spokes), *size)
    places = list(layout.places.values())
    for index, a in enumerate(places):
        for b in places[index + 1:]:
            assert not boxes_overlap(a, b)
        x, y, w = a
        hx, hy, hw, hh = layout.hub
        assert not (hy <= y < hy + hh and x < hx + hw and hx < x + w)
        assert 0 <= x and x + w <= size[0]
    assert len(layout.places) + len(layout.hidden) == 24
    if layout.hidden:
        assert f"+{len(layout.hidden)} more in the list" in layout.text()


def test_the_highlighted_link_is_always_drawn():
    spokes = [Spoke(f"s{i}", f"Someone number {i}", distance=2, clock=3) for i in range(30)]
    layout = layout_ecomap(picture(*spokes), *SMALL, highlight="s29")
    assert "s29" in layout.places and layout.hidden
    text = layout.text()
    assert "Someone number 29"[:8] in text


def test_many_links_cost_no_more_than_the_picture_holds():
    spokes = [Spoke(f"s{i}", f"Someone {i}", distance=1 + i % 4, clock=1 + i % 12)
              for i in range(2000)]
    started = time.process_time()
    layout = layout_ecomap(picture(*spokes), 120, 40)
    assert time.process_time() - started < 2.0
    assert len(layout.places) < 200 and len(layout.hidden) > 1800


# -- the key, the centre, households -----------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, (34, 15), (120, 36)])
def test_the_key_is_always_there(size):
    layout = layout_ecomap(picture(Spoke("a", "Ann")), *size)
    text = layout.text()
    for sample, words in (("══", "strong"), ("──", "ordinary"), ("┈┈", "tenuous"),
                          ("─╫", "stressful"), ("◀▶", "support flows")):
        assert f"{sample} {words}" in text
    assert layout.drawn


def test_the_key_names_the_marks_for_groups_services_and_places_when_there_is_room():
    layout = layout_ecomap(picture(Spoke("a", "Hillside", kind="service"),
                                   Spoke("b", "Choir", kind="group")), 120, 30)
    text = layout.text()
    assert "□ service" in text and "◇ group" in text and "⌂ place" not in text
    assert "□ Hillside" in text and "◇ Choir" in text


@pytest.mark.parametrize(("centre", "marks"), [
    ("plain", "╭╮╰╯│"), ("island", "ψ~≈"), ("planet", "()·"), ("pitch", "┬┴][")
])
def test_each_centre_is_drawn_its_own_way(centre, marks):
    layout = layout_ecomap(picture(Spoke("a", "Ann"), centre=centre), 80, 30)
    text = layout.text()
    for mark in marks:
        assert mark in text
    hx, hy, hw, hh = layout.hub
    assert "Mia" in text.splitlines()[hy + 1][hx:hx + hw]


def test_household_members_sit_together_in_the_middle_with_the_ties_between_them():
    members = (("child", "Mia"), ("mum", "Mum"), ("leo", "Leo"))
    ties = (Tie("mum@child", "mum", "child", ("strong",)),
            Tie("leo@child", "leo", "child", ("stressful",)))
    spoke = Spoke("gran@mum", "Gran", distance=3, clock=12, qualities=("tenuous",),
                  between="mum")
    layout = layout_ecomap(picture(spoke, members=members, ties=ties), 80, 30)
    lines = layout.text().splitlines()
    hx, hy, hw, hh = layout.hub
    assert hh == 5  # the names, then a line for each tie
    names = lines[hy + 1]
    assert all(name in names for name in ("Mia", "Mum", "Leo"))
    inside = "\n".join(line[hx:hx + hw] for line in lines[hy:hy + hh])
    assert "╚═══" in inside and "╫" in inside
    # Gran's line leaves from just above Mum's name.
    mx, _, mw = layout.members["mum"]
    assert lines[hy - 1][mx + mw // 2] in "┊╭╮╰╯"


def test_a_hub_shortens_names_to_fit_and_keeps_the_highlighted_tie():
    members = tuple((f"m{i}", f"A very long name {i}") for i in range(5))
    ties = tuple(Tie(f"t{i}", f"m{i}", f"m{i + 1}", ("ordinary",)) for i in range(4))
    art = hub_art("plain", members, ties, 40, max_tie_rows=1, highlight="t3")
    assert art.width <= 40 + 4 and art.ties == ("t3",)


def test_too_small_for_a_picture_a_line_per_link_stands_in():
    layout = layout_ecomap(picture(Spoke("a", "Ann", qualities=("strong",)),
                                   Spoke("b", "Bob", qualities=("stressful", "tenuous"))), 28, 6)
    assert not layout.drawn
    lines = layout.text().splitlines()
    assert lines[0].startswith("Mia")
    assert lines[1].startswith("══ Ann") and lines[2].startswith("─╫┈┈ Bob")


def test_a_caption_goes_over_the_drawing_and_long_names_get_room_where_it_is_wide():
    long = "The Northfield Community Football Club"
    pic = EcomapPicture("plain", (("child", "Mia"),), (Spoke("a", long, clock=3),),
                        caption="Mia's ecomap · Made on 17 March 2026")
    wide = layout_ecomap(pic, 120, 30)
    assert wide.text().splitlines()[0].strip() == "Mia's ecomap · Made on 17 March 2026"
    assert all(y > 1 for _, y, _ in wide.places.values())
    assert wide.places["a"][2] == 30  # a quarter of the width, at most 30
    assert layout_ecomap(pic, 46, 18).places["a"][2] == 18


def test_names_are_literal_text_and_control_characters_are_blanked():
    layout = layout_ecomap(picture(Spoke("a", "[b]Nan[/b]\x1b[2J")), 60, 20)
    text = layout.text()
    assert "[b]Nan[/b]" in text and "\x1b" not in text


# -- the widget ---------------------------------------------------------------------------


class Host(App):
    def __init__(self) -> None:
        super().__init__()
        self.clicked: list[str] = []

    def compose(self) -> ComposeResult:
        yield EcomapDrawing()

    def on_ecomap_drawing_link_clicked(self, event: EcomapDrawing.LinkClicked) -> None:
        self.clicked.append(event.link_id)


async def test_the_widget_draws_the_layout_and_a_click_picks_a_link():
    app = Host()
    async with app.run_test(size=(60, 22)) as pilot:
        drawing = app.query_one(EcomapDrawing)
        drawing.show(picture(Spoke("a", "Ann", distance=3, clock=3)), highlight="a")
        await pilot.pause()
        layout = drawing.layout_now()
        assert "Ann" in layout.text() and drawing.layout_now() is layout  # worked out once
        x, y, _ = layout.places["a"]
        await pilot.click(EcomapDrawing, offset=(x, y))
        await pilot.pause()
    assert app.clicked == ["a"]
