"""The safety-circle operations, on plain workbooks (no Textual)."""

from __future__ import annotations

from functools import partial

import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import circles
from circles_tui.core.edits.people import remove_person
from circles_tui.core.model import Person, Placement
from tests.sample_workbooks import small_workbook


def test_place_adds_someone_already_in_the_workbook_at_the_end_of_the_circle():
    workbook = small_workbook()
    placed = partial(circles.place, "who-knows", Placement("aunt", 2, named_by="child"))(workbook)
    assert placed.circles["who-knows"][-1] == Placement("aunt", 2, named_by="child")
    assert placed.circles["who-matters"] is workbook.circles["who-matters"]
    # Someone already there: nothing to do. Someone removed meanwhile: refused.
    assert circles.place("who-knows", Placement("nan", 1), workbook) is workbook
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        circles.place("who-knows", Placement("aunt", 2), remove_person(workbook, "aunt"))
    with pytest.raises(EditRefused):
        circles.place("no-such-circle", Placement("aunt", 2), workbook)


def test_place_new_person_adds_them_and_places_them_as_one_edit():
    workbook = small_workbook()
    coach = Person("coach-dee", "Coach Dee", "football coach")
    done = circles.place_new_person("who-knows", coach, Placement("coach-dee", 1), workbook)
    assert done.person("coach-dee") == coach
    assert done.circles["who-knows"][-1].person == "coach-dee"
    # The id was taken meanwhile (by someone else): a fresh one, used for the placement too.
    twin = circles.place_new_person("who-knows", Person("coach-dee", "Coach Dee"),
                                    Placement("coach-dee", 2), done)
    assert twin.person("coach-dee-2").name == "Coach Dee"
    assert twin.circles["who-knows"][-1] == Placement("coach-dee-2", 2)
    assert twin.person("coach-dee") == coach  # the first one is untouched
    with pytest.raises(EditRefused, match="name"):
        circles.place_new_person("who-knows", Person("x", " "), Placement("x", 1), workbook)


def test_move_steps_between_rings_and_stops_at_the_edges():
    workbook = small_workbook()
    outward = circles.move("who-matters", "grandad", 1, workbook)
    assert circles.placement_of(outward, "who-matters", "grandad").ring == 3
    inward = circles.move("who-matters", "grandad", -1, workbook)
    assert circles.placement_of(inward, "who-matters", "grandad").ring == 1
    # The order in the circle is kept.
    assert [p.person for p in inward.circles["who-matters"]] == \
        [p.person for p in workbook.circles["who-matters"]]
    assert circles.move("who-matters", "nan", -1, workbook) is workbook  # innermost already
    with pytest.raises(EditRefused, match="no longer in this circle"):
        circles.move("who-matters", "aunt", 1, workbook)


def test_edit_placement_replaces_the_details_and_keeps_the_ring_it_is_in_now():
    workbook = small_workbook()
    moved = circles.move("who-matters", "grandad", 1, workbook)  # ring 3 now
    edited = circles.edit_placement(
        "who-matters", Placement("grandad", 2, named_by="child", note="Told jokes"), moved)
    assert circles.placement_of(edited, "who-matters", "grandad") == \
        Placement("grandad", 3, named_by="child", note="Told jokes")
    unchanged = circles.placement_of(moved, "who-matters", "grandad")
    assert circles.edit_placement("who-matters", unchanged, moved) is moved
    with pytest.raises(EditRefused):
        circles.edit_placement("who-matters", Placement("aunt", 1), workbook)


def test_remove_from_circle_leaves_the_person_everywhere_else():
    workbook = small_workbook()
    removed = circles.remove_from_circle("who-matters", "nan", workbook)
    assert circles.placement_of(removed, "who-matters", "nan") is None
    assert circles.placement_of(removed, "trusted-adults", "nan") is not None
    assert removed.person("nan") == workbook.person("nan")
    assert circles.remove_from_circle("who-matters", "nan", removed) is removed
