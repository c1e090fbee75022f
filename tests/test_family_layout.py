"""The family tree's layout: three generations and more, sides, blanks, partners, the child's
children, where each arrow key goes, and the card size that fits."""

from __future__ import annotations

import itertools

import pytest

from circles_tui.widgets.family_layout import SIZES, Card, CardSize, Sibship, fit, lay_out


def card(key: str, *lines: str, **kwargs) -> Card:
    return Card(key, lines or (key,), **kwargs)


def one(key: str, *lines: str, **kwargs) -> Sibship:
    return Sibship((card(key, *lines, **kwargs),))


def family(couple=("separated",)) -> tuple[Sibship, tuple[Card, ...]]:
    """Sam, a brother; Mum with a sister and a partner; Dad; four grandparents, one a blank."""
    mum = Sibship(
        (card("aunt", "Aunt Bee"), card("mum", "Mum", "died 2019"),
         card("lisa", "Lisa", beside="partner")),
        main=1, parents=(one("nanna", "Nanna Jo"), one("grandad", "Grandad Ray", "never met")),
        couple=("divorced",), heading="Mum's side")
    dad = Sibship((card("dad", "Dad"),),
                  parents=(one("blank-dad-dad", "Dad's dad", "not known yet", blank=True),
                           one("nan", "Nan Pat")),
                  couple=("partners",), heading="Dad's side")
    root = Sibship((card("child", "Sam", child=True), card("kai", "Kai", "brother")),
                   parents=(mum, dad), couple=couple)
    return root, (card("baby", "Baby Lou"),)


def rows_of(layout) -> list[str]:
    return layout.text().split("\n")


def box_text(layout, key: str) -> list[str]:
    spot = layout.placed[key]
    return [row[spot.x:spot.x + spot.width] for row in rows_of(layout)[spot.y:spot.y + spot.height]]


@pytest.mark.parametrize("size", SIZES)
def test_three_generations_and_the_childs_children_in_rows(size):
    layout = lay_out(*family(), size)
    y = {key: spot.y for key, spot in layout.placed.items()}
    assert y["nanna"] == y["grandad"] == y["blank-dad-dad"] == y["nan"]
    assert y["nanna"] < y["mum"] == y["dad"] == y["aunt"] == y["lisa"] < y["child"] == y["kai"]
    assert y["child"] < y["baby"]
    generation = {key: spot.generation for key, spot in layout.placed.items()}
    assert (generation["nan"], generation["dad"], generation["child"], generation["baby"]) == (2, 1, 0, -1)


@pytest.mark.parametrize("size", SIZES)
def test_cards_never_overlap_and_stay_inside(size):
    layout = lay_out(*family(), size)
    spots = list(layout.placed.values())
    for spot in spots:
        assert 0 <= spot.x and spot.x + spot.width <= layout.width
        assert 0 <= spot.y and spot.y + spot.height <= layout.height
    for a, b in itertools.combinations(spots, 2):
        apart = (a.x + a.width <= b.x or b.x + b.width <= a.x
                 or a.y + a.height <= b.y or b.y + b.height <= a.y)
        assert apart, (a.card.key, b.card.key)
    assert all(sum(len(text) for text, _ in row) == layout.width for row in layout.rows)


def test_each_side_is_headed_above_its_own_block():
    layout = lay_out(*family(), CardSize(16, 3))
    top = rows_of(layout)[0]
    mum_side, dad_side = top.index("Mum's side"), top.index("Dad's side")
    assert mum_side < layout.placed["mum"].x + 16 <= dad_side
    assert layout.placed["nan"].x < dad_side + len("Dad's side")


def test_a_blank_has_a_dotted_border_the_child_a_heavy_one_others_a_plain_one():
    layout = lay_out(*family(), CardSize(16, 3))
    blank = box_text(layout, "blank-dad-dad")
    assert blank[0].startswith("┌┄") and blank[1] == "┆Dad's dad     ┆"
    assert blank[2] == "┆not known yet ┆"
    child = box_text(layout, "child")
    assert child[0].startswith("┏━") and child[1].startswith("┃Sam")
    assert box_text(layout, "nan")[1] == "│Nan Pat       │"


def test_the_lines_join_parents_to_the_cards_below_them():
    layout = lay_out(*family(), CardSize(16, 3))
    rows = rows_of(layout)
    for parent in ("nanna", "grandad", "nan", "mum", "dad", "child"):
        spot = layout.placed[parent]
        bottom = rows[spot.y + spot.height - 1][spot.x + spot.width // 2]
        assert bottom in "┬┯", parent
    for hanging in ("aunt", "mum", "dad", "child", "kai", "baby"):
        spot = layout.placed[hanging]
        assert rows[spot.y][spot.x + spot.width // 2] in "┴┷", hanging
    # A partner sits beside, joined by a double line, and hangs from no one.
    lisa = layout.placed["lisa"]
    assert rows[lisa.y][lisa.x + lisa.width // 2] == "─"
    assert "═══" in rows[lisa.y + lisa.height // 2][lisa.x - 4:lisa.x + 1]


def test_how_parents_are_linked_is_drawn_on_their_line():
    layout = lay_out(*family(), CardSize(16, 3))
    rows = rows_of(layout)
    grandparents_line = rows[layout.placed["nanna"].y + layout.placed["nanna"].height]
    assert "//" in grandparents_line  # Nanna Jo and Grandad Ray divorced
    assert "═" in grandparents_line  # Dad's dad and Nan Pat together
    parents_line = rows[layout.placed["mum"].y + layout.placed["mum"].height]
    assert "/" in parents_line and "//" not in parents_line  # Mum and Dad separated
    together = lay_out(*family(couple=("partners",)), CardSize(16, 3))
    assert "/" not in rows_of(together)[layout.placed["mum"].y + layout.placed["mum"].height]


def test_names_too_long_are_cut_short_inside_the_border():
    root = Sibship((card("child", "Samantha-Jane Featherstonehaugh the Third", child=True),))
    layout = lay_out(root, (), CardSize(12, 2))
    assert box_text(layout, "child")[1] == "┃Samantha-…┃"


def test_arrow_keys_follow_the_family():
    moves = lay_out(*family(), CardSize(16, 3)).moves
    assert moves["child"]["up"] == "mum"
    assert moves["kai"]["up"] == "dad"  # the parent nearest above
    assert moves["mum"]["up"] in ("nanna", "grandad")
    assert moves["dad"]["up"] in ("blank-dad-dad", "nan")
    assert moves["nan"]["down"] == "dad" and moves["nanna"]["down"] == "mum"
    assert moves["mum"]["down"] == moves["dad"]["down"] == "child"
    assert moves["child"]["down"] == "baby" and moves["baby"]["up"] == "child"
    assert moves["child"]["right"] == "kai" and moves["kai"]["left"] == "child"
    # Left and right cross from Mum's side to Dad's.
    assert moves["lisa"]["right"] == "dad" and moves["grandad"]["right"] == "blank-dad-dad"
    assert "left" not in moves["aunt"] and "up" not in moves["nan"]


def test_every_card_can_be_reached_from_the_child():
    layout = lay_out(*family(), CardSize(16, 3))
    seen, todo = {"child"}, ["child"]
    while todo:
        for target in layout.moves[todo.pop()].values():
            if target not in seen:
                seen.add(target)
                todo.append(target)
    assert seen == set(layout.placed)


def test_fit_takes_the_largest_cards_that_fit():
    root, children = family()
    wide = fit(root, children, 200, 60)
    assert wide.size == SIZES[0]
    small = fit(root, children, 100, 24)
    assert small.width <= 100 and small.size.width < SIZES[0].width
    # Too small for any size: the smallest cards, and the widget scrolls.
    tiny = fit(root, children, 30, 10)
    assert tiny.size == SIZES[-1]


@pytest.mark.parametrize("room", [78, 58])
def test_four_grandparents_fit_at_eighty_and_sixty_columns(room):
    """The usual tree, two parents and four grandparents, fits the step at 80x24 and 60x20."""
    def side(name: str) -> Sibship:
        return Sibship((card(name),), parents=(one(f"{name}-mum"), one(f"{name}-dad")))

    root = Sibship((card("child", "Sam", child=True), card("kai", "Kai")),
                   parents=(side("mum"), side("dad")))
    layout = fit(root, (), room, 14)
    assert layout.width <= room and layout.height <= 14
