"""Edits to the family tree, the genogram's details and the cultural genogram.

Operations take the workbook last, for `functools.partial`. A relative added is either
someone already in the register (their id) or someone new (a `Person`, added to the
register in the same edit). The rules (both ends exist, no one linked to themselves, no
one their own ancestor) are the model's; an edit that would break one is refused with
a sentence instead.
"""

from __future__ import annotations

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits.circles import place, placement_of
from circles_tui.core.edits.people import admit, new_person_id, replace_person, require
from circles_tui.core.family import (
    ASPECTS,
    CHILD,
    LINK_KINDS,
    PARENT_KINDS,
    PARTNER_KINDS,
    SIBLING_KINDS,
    FamilyLink,
    HeritageNote,
)
from circles_tui.core.family_tree import TreeSlot
from circles_tui.core.model import GENDERS, ModelError, Person, Placement, Workbook

ASK_CIRCLE = "who-could-help"
ASK_RING = 3  # "Lost touch, could reconnect"
LINK_GONE = "That link is no longer in the family tree, so nothing changed."
NOTE_GONE = "That note is no longer in the cultural genogram, so nothing changed."
_GENDER_OF_MISSING = {"mother": "female", "father": "male", "parent": ""}


def _with_family(workbook: Workbook, **changes: object) -> Workbook:
    """The workbook with its family changed, or the edit refused with the rule it broke."""
    try:
        return attrs.evolve(workbook, family=attrs.evolve(workbook.family, **changes))
    except ModelError as error:
        raise EditRefused(_refusal(error)) from None


def _refusal(error: ModelError) -> str:
    if "own ancestor" in error.message:
        return "That would make someone their own ancestor, so nothing changed."
    if "recorded twice" in error.message:
        return "That link is already in the family tree, so nothing changed."
    return "That link cannot be made, so nothing changed."


def _require(workbook: Workbook, *person_ids: str) -> None:
    require(workbook, *(p for p in person_ids if p != CHILD))


def _relative(workbook: Workbook, relative: Person | str) -> tuple[Workbook, str]:
    """The workbook with the relative in its register, and their id."""
    if isinstance(relative, Person):
        workbook, person = admit(relative, workbook)
        return workbook, person.id
    _require(workbook, relative)
    return workbook, relative


def _link(workbook: Workbook, link: FamilyLink) -> Workbook:
    if link.kind not in LINK_KINDS:
        raise EditRefused("There is no such kind of link, so nothing changed.")
    if link.a == link.b:
        raise EditRefused("Someone cannot be linked to themselves, so nothing changed.")
    if any(link.same_pair(old) for old in workbook.family.links):
        return workbook
    return _with_family(workbook, links=workbook.family.links + (link,))


def _kind_in(kind: str, kinds: tuple[str, ...]) -> None:
    if kind not in kinds:
        raise EditRefused("That kind of link does not fit here, so nothing changed.")


# -- operations (workbook last) --------------------------------------------------------------


def _add_relative(person_id: str, relative: Person | str, kind: str, kinds: tuple[str, ...],
                  relative_first: bool, workbook: Workbook) -> Workbook:
    """Link `relative` (someone new, or an id) to `person_id` by a link of one of `kinds`;
    `relative_first` puts the relative at the link's `a` end (the parent's end)."""
    _kind_in(kind, kinds)
    _require(workbook, person_id)
    workbook, other = _relative(workbook, relative)
    a, b = (other, person_id) if relative_first else (person_id, other)
    return _link(workbook, FamilyLink(kind, a, b))


def add_parent(person_id: str, parent: Person | str, kind: str, workbook: Workbook) -> Workbook:
    """Record a parent (or a carer in a parent's place) of `person_id`."""
    return _add_relative(person_id, parent, kind, PARENT_KINDS, True, workbook)


def add_child(person_id: str, child: Person | str, kind: str, workbook: Workbook) -> Workbook:
    """Record a child of `person_id` (`kind` says how `person_id` is their parent)."""
    return _add_relative(person_id, child, kind, PARENT_KINDS, False, workbook)


def add_partner(person_id: str, partner: Person | str, kind: str, workbook: Workbook) -> Workbook:
    """Record a partner, ex-partner, separation or divorce."""
    return _add_relative(person_id, partner, kind, PARTNER_KINDS, False, workbook)


def add_sibling(person_id: str, sibling: Person | str, kind: str, workbook: Workbook) -> Workbook:
    """Record a brother or sister, half or step."""
    return _add_relative(person_id, sibling, kind, SIBLING_KINDS, False, workbook)


def add_chosen_family(person_id: str, other: Person | str, workbook: Workbook) -> Workbook:
    """Record someone as chosen family: family by choice, not by birth or law."""
    return _add_relative(person_id, other, "chosen-family", ("chosen-family",), False, workbook)


def _find_link(workbook: Workbook, link: FamilyLink) -> int:
    for index, old in enumerate(workbook.family.links):
        if old.same_pair(link):
            return index
    raise EditRefused(LINK_GONE)


def remove_link(link: FamilyLink, workbook: Workbook) -> Workbook:
    """Take a link out; both people stay in the register."""
    if not any(link.same_pair(old) for old in workbook.family.links):
        return workbook
    links = tuple(old for old in workbook.family.links if not old.same_pair(link))
    return _with_family(workbook, links=links)


def change_link(link: FamilyLink, changed: FamilyLink, workbook: Workbook) -> Workbook:
    """Replace a link with `changed`: another kind (a partner now an ex-partner), the
    other way round, or new notes."""
    index = _find_link(workbook, link)
    links = workbook.family.links
    if changed.kind not in LINK_KINDS:
        raise EditRefused("There is no such kind of link, so nothing changed.")
    if links[index] == changed:
        return workbook
    return _with_family(workbook, links=links[:index] + (changed,) + links[index + 1:])


def change_link_kind(link: FamilyLink, kind: str, workbook: Workbook) -> Workbook:
    """Give a link another kind, keeping its notes."""
    current = workbook.family.links[_find_link(workbook, link)]
    return change_link(link, attrs.evolve(current, kind=kind), workbook)


def set_gender(person_id: str, gender: str, workbook: Workbook) -> Workbook:
    """Female, male, other, or "" for not said (the genogram's symbol follows)."""
    if gender not in GENDERS:
        raise EditRefused("That is not one of the genders the genogram draws, so nothing changed.")
    return _set_person(workbook, person_id, gender=gender)


def set_death(person_id: str, died: bool, when: str, workbook: Workbook) -> Workbook:
    """Record that someone has died (with when, if known), or that they are living."""
    return _set_person(workbook, person_id, living=not died, died=when.strip() if died else "")


def _set_person(workbook: Workbook, person_id: str, **changes: object) -> Workbook:
    require(workbook, person_id)
    person = workbook.person(person_id)
    changed = attrs.evolve(person, **changes)
    return workbook if changed == person else replace_person(workbook, changed)


def set_household(person_id: str, lives_with_child: bool, workbook: Workbook) -> Workbook:
    """Say whether someone lives with the child (the genogram's household boundary)."""
    require(workbook, person_id)
    household = workbook.family.household
    if (person_id in household) == lives_with_child:
        return workbook
    household = (household + (person_id,) if lives_with_child
                 else tuple(x for x in household if x != person_id))
    return _with_family(workbook, household=household)


def _check_note(workbook: Workbook, note: HeritageNote) -> HeritageNote:
    if note.aspect not in ASPECTS:
        raise EditRefused("There is no such aspect in the cultural genogram, so nothing changed.")
    if not note.words.strip():
        raise EditRefused("The family's words are needed, so nothing changed.")
    _require(workbook, note.person)
    return attrs.evolve(note, words=note.words.strip())


def add_heritage(note: HeritageNote, workbook: Workbook) -> Workbook:
    """Add an aspect of someone's heritage, in the family's words."""
    note = _check_note(workbook, note)
    if note in workbook.family.heritage:
        return workbook
    return _with_family(workbook, heritage=workbook.family.heritage + (note,))


def edit_heritage(note: HeritageNote, changed: HeritageNote, workbook: Workbook) -> Workbook:
    """Replace a heritage note with `changed`."""
    heritage = workbook.family.heritage
    if note not in heritage:
        raise EditRefused(NOTE_GONE)
    changed = _check_note(workbook, changed)
    if changed == note:
        return workbook
    return _with_family(workbook, heritage=tuple(changed if n == note else n for n in heritage))


def remove_heritage(note: HeritageNote, workbook: Workbook) -> Workbook:
    """Take a heritage note out."""
    heritage = workbook.family.heritage
    if note not in heritage:
        return workbook
    return _with_family(workbook, heritage=tuple(n for n in heritage if n != note))


def ask_about_blank(slot: TreeSlot, name: str, workbook: Workbook) -> Workbook:
    """Turn a blank into a question for "Who could we ask?": someone new, never met,
    named for the blank ("Dad's dad"), recorded as that parent and placed in the circle."""
    if not slot.is_blank:
        raise EditRefused("That place in the tree is already filled, so nothing changed.")
    _require(workbook, slot.parent_of)
    person = Person(id="", name=name.strip(), relationship=name.strip(), known=False,
                    gender=_GENDER_OF_MISSING.get(slot.missing, ""))
    person = attrs.evolve(person, id=new_person_id(workbook, person.name))
    workbook = add_parent(slot.parent_of, person, "parent", workbook)
    return place(ASK_CIRCLE, Placement(person.id, ASK_RING), workbook)


def ask_about_relative(person_id: str, workbook: Workbook) -> Workbook:
    """Put a relative the child lost touch with (or never met) in "Who could we ask?"."""
    require(workbook, person_id)
    if not workbook.person(person_id).living:
        raise EditRefused("Someone who has died cannot be asked, so nothing changed.")
    if placement_of(workbook, ASK_CIRCLE, person_id) is not None:
        return workbook
    return place(ASK_CIRCLE, Placement(person_id, ASK_RING), workbook)
