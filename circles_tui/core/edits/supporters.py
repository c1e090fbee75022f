"""Edits to the four supporter circles: add someone, change their entry, take them out.

Operations take the supporter kind first and the workbook last.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits.people import admit, replace_person, require
from circles_tui.core.model import SUPPORTER_KINDS, Person, Supporter, Workbook


def set_supporters(workbook: Workbook, kind: str, entries: Iterable[Supporter]) -> Workbook:
    return attrs.evolve(workbook, supporters={**workbook.supporters, kind: tuple(entries)})


def entry_of(workbook: Workbook, kind: str, person_id: str) -> Supporter | None:
    return next((s for s in workbook.supporters.get(kind, ()) if s.person == person_id), None)


def _check_kind(kind: str) -> None:
    if kind not in SUPPORTER_KINDS:
        raise EditRefused("There is no such supporter circle, so nothing changed.")


# -- operations (workbook last) --------------------------------------------------------


def add(kind: str, person_id: str, workbook: Workbook) -> Workbook:
    """Put someone already in the workbook in a supporter circle (nothing to do if there)."""
    _check_kind(kind)
    require(workbook, person_id)
    if entry_of(workbook, kind, person_id) is not None:
        return workbook
    entries = workbook.supporters.get(kind, ()) + (Supporter(person_id),)
    return set_supporters(workbook, kind, entries)


def add_new_person(kind: str, person: Person, workbook: Workbook) -> Workbook:
    """Add someone new to the workbook and to a supporter circle, as one edit."""
    _check_kind(kind)
    workbook, person = admit(person, workbook)
    return add(kind, person.id, workbook)


def edit(kind: str, supporter: Supporter, lives: str, workbook: Workbook) -> Workbook:
    """Replace someone's entry in a supporter circle, and where they live (kept on the
    person, so it shows everywhere they appear)."""
    if entry_of(workbook, kind, supporter.person) is None:
        raise EditRefused("That person is no longer in this supporter circle, so nothing changed.")
    if entry_of(workbook, kind, supporter.person) == supporter and \
            workbook.person(supporter.person).lives == lives:
        return workbook
    entries = workbook.supporters[kind]
    workbook = set_supporters(
        workbook, kind, (supporter if e.person == supporter.person else e for e in entries)
    )
    person = workbook.person(supporter.person)
    if person.lives != lives:
        workbook = replace_person(workbook, attrs.evolve(person, lives=lives))
    return workbook


def remove(kind: str, person_id: str, workbook: Workbook) -> Workbook:
    """Take someone out of a supporter circle; they stay in the people list."""
    if entry_of(workbook, kind, person_id) is None:
        return workbook
    entries = tuple(e for e in workbook.supporters[kind] if e.person != person_id)
    return set_supporters(workbook, kind, entries)
