"""Edits to the five safety circles: place someone, move them between rings, change what
was said about them there, take them out.

Operations take the circle's id first and the workbook last.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits.people import admit, require
from circles_tui.core.model import CIRCLE_IDS, RING_COUNT, Person, Placement, Workbook

NOT_THERE = "That person is no longer in this circle, so nothing changed."


def set_placements(workbook: Workbook, circle: str, placements: Iterable[Placement]) -> Workbook:
    return attrs.evolve(workbook, circles={**workbook.circles, circle: tuple(placements)})


def placement_of(workbook: Workbook, circle: str, person_id: str) -> Placement | None:
    return next((p for p in workbook.circles.get(circle, ()) if p.person == person_id), None)


def _replaced(workbook: Workbook, circle: str, person_id: str,
              placement: Placement | None) -> Workbook:
    """The circle with `person_id`'s placement swapped for `placement` (None takes it out)."""
    placements = (placement if p.person == person_id else p
                  for p in workbook.circles.get(circle, ()))
    return set_placements(workbook, circle, (p for p in placements if p is not None))


def _check_circle(circle: str) -> None:
    if circle not in CIRCLE_IDS:
        raise EditRefused("There is no such safety circle, so nothing changed.")


# -- operations (workbook last) --------------------------------------------------------


def place(circle: str, placement: Placement, workbook: Workbook) -> Workbook:
    """Place someone already in the workbook in a circle; nothing to do if they are there."""
    _check_circle(circle)
    require(workbook, placement.person)
    if placement_of(workbook, circle, placement.person) is not None:
        return workbook
    return set_placements(workbook, circle, workbook.circles.get(circle, ()) + (placement,))


def place_new_person(circle: str, person: Person, placement: Placement,
                     workbook: Workbook) -> Workbook:
    """Add someone new to the workbook and place them in a circle, as one edit."""
    _check_circle(circle)
    workbook, person = admit(person, workbook)
    return place(circle, attrs.evolve(placement, person=person.id), workbook)


def move(circle: str, person_id: str, rings: int, workbook: Workbook) -> Workbook:
    """Move someone `rings` rings outward (negative: inward), stopping at the edges."""
    placement = placement_of(workbook, circle, person_id)
    if placement is None:
        raise EditRefused(NOT_THERE)
    ring = max(1, min(RING_COUNT, placement.ring + rings))
    if ring == placement.ring:
        return workbook
    return _replaced(workbook, circle, person_id, attrs.evolve(placement, ring=ring))


def edit_placement(circle: str, placement: Placement, workbook: Workbook) -> Workbook:
    """Replace what was recorded about someone in a circle, keeping the ring they are in
    now (the details dialog does not move people)."""
    current = placement_of(workbook, circle, placement.person)
    if current is None:
        raise EditRefused(NOT_THERE)
    edited = attrs.evolve(placement, ring=current.ring)
    if edited == current:
        return workbook
    return _replaced(workbook, circle, placement.person, edited)


def remove_from_circle(circle: str, person_id: str, workbook: Workbook) -> Workbook:
    """Take someone out of one circle; they stay in the people list and everywhere else."""
    if placement_of(workbook, circle, person_id) is None:
        return workbook
    return _replaced(workbook, circle, person_id, None)
