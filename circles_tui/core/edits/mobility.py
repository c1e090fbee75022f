"""Edits to the mobility map: add, change, remove and reorder places; tie people to them;
and ask about someone from a place in "Who could we ask?".

Operations take the workbook last, so a step posts `partial(op, ...)`. Places are found
by id, so an edit from a dialog opened before some other change still lands on the right
place, or is refused with a sentence when the place has gone.
"""

from __future__ import annotations

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits.circles import move, place, placement_of
from circles_tui.core.edits.people import admit, readable_id, require
from circles_tui.core.mobility import STAY_KINDS, Stay
from circles_tui.core.model import Person, Placement, Workbook

GONE = "That place is no longer on the mobility map, so nothing changed."
ASK_CIRCLE = "who-could-help"
# The rings of "Who could we ask?" a person from the map goes into.
COULD_HELP_RING, LOST_TOUCH_RING = 2, 3


def new_stay_id(workbook: Workbook, place_name: str) -> str:
    """A readable id made from the place ("Nan's flat" -> "nan-s-flat"), unique on the map."""
    return readable_id(place_name, {stay.id for stay in workbook.mobility}, "place")


def stay_of(workbook: Workbook, stay_id: str) -> Stay:
    """The place with this id, or EditRefused when it has gone."""
    found = next((s for s in workbook.mobility if s.id == stay_id), None)
    if found is None:
        raise EditRefused(GONE)
    return found


def _tidied(stay: Stay) -> Stay:
    if not stay.place.strip():
        raise EditRefused("A place needs a name, in the child's words, so nothing changed.")
    if stay.kind not in STAY_KINDS:
        raise EditRefused(f"{stay.kind!r} is not a kind of place the map knows.")
    return attrs.evolve(stay, place=stay.place.strip(), when_from=stay.when_from.strip(),
                        when_to=stay.when_to.strip(), note=stay.note.strip(),
                        practitioner_note=stay.practitioner_note.strip())


def _replaced(workbook: Workbook, stay: Stay) -> Workbook:
    stays = tuple(stay if s.id == stay.id else s for s in workbook.mobility)
    return attrs.evolve(workbook, mobility=stays)


# -- operations (workbook last) --------------------------------------------------------------


def add_stay(stay: Stay, workbook: Workbook) -> Workbook:
    """Add a place after the last one told; its id is made afresh if taken meanwhile."""
    stay = _tidied(stay)
    if any(s.id == stay.id for s in workbook.mobility):
        stay = attrs.evolve(stay, id=new_stay_id(workbook, stay.place))
    require(workbook, *stay.people)
    return attrs.evolve(workbook, mobility=workbook.mobility + (stay,))


def edit_stay(stay: Stay, workbook: Workbook) -> Workbook:
    """Replace what was said about a place (matched by id), keeping the people tied to it
    now (the dialog does not change them)."""
    current = stay_of(workbook, stay.id)
    edited = attrs.evolve(_tidied(stay), people=current.people)
    return workbook if edited == current else _replaced(workbook, edited)


def remove_stay(stay_id: str, workbook: Workbook) -> Workbook:
    """Take a place off the map; its people stay in the workbook. Nothing to do if gone."""
    stays = tuple(s for s in workbook.mobility if s.id != stay_id)
    return workbook if len(stays) == len(workbook.mobility) else attrs.evolve(workbook, mobility=stays)


def move_stay(stay_id: str, places: int, workbook: Workbook) -> Workbook:
    """Move a place `places` later in the story (negative: earlier), stopping at the ends."""
    stays = list(workbook.mobility)
    index = stays.index(stay_of(workbook, stay_id))
    target = max(0, min(len(stays) - 1, index + places))
    if target == index:
        return workbook
    stays.insert(target, stays.pop(index))
    return attrs.evolve(workbook, mobility=tuple(stays))


def link_person(stay_id: str, person_id: str, workbook: Workbook) -> Workbook:
    """Tie someone in the workbook to a place; nothing to do if they are tied already."""
    stay = stay_of(workbook, stay_id)
    require(workbook, person_id)
    if person_id in stay.people:
        return workbook
    return _replaced(workbook, attrs.evolve(stay, people=stay.people + (person_id,)))


def link_new_person(stay_id: str, person: Person, workbook: Workbook) -> Workbook:
    """Add someone new to the workbook and tie them to a place, as one edit."""
    stay_of(workbook, stay_id)
    workbook, person = admit(person, workbook)
    return link_person(stay_id, person.id, workbook)


def unlink_person(stay_id: str, person_id: str, workbook: Workbook) -> Workbook:
    """Untie someone from a place; they stay in the workbook and everywhere else."""
    stay = stay_of(workbook, stay_id)
    if person_id not in stay.people:
        return workbook
    return _replaced(workbook, attrs.evolve(stay, people=tuple(p for p in stay.people
                                                                if p != person_id)))


def ask_about(stay_id: str, person_id: str, lost_touch: bool, workbook: Workbook) -> Workbook:
    """Put someone from a place in "Who could we ask?": in the ring "Could help if asked",
    or "Lost touch, could reconnect" when the child says they lost touch. Someone already
    there stays where they are, unless they are now marked as lost touch."""
    if person_id not in stay_of(workbook, stay_id).people:
        raise EditRefused("That person is no longer tied to this place, so nothing changed.")
    ring = LOST_TOUCH_RING if lost_touch else COULD_HELP_RING
    current = placement_of(workbook, ASK_CIRCLE, person_id)
    if current is None:
        return place(ASK_CIRCLE, Placement(person_id, ring, named_by="child"), workbook)
    if not lost_touch:
        return workbook
    return move(ASK_CIRCLE, person_id, ring - current.ring, workbook)
