"""Edits to the register of people: add, edit, rename, merge, remove.

The functions named `*_person`/`merge_people`/`combine_people` take the workbook first and
are the building blocks other edits and tests use; the operations a step posts
(`add`, `edit`, `rename`, `merge`, `remove`) take it last, for `functools.partial`.
"""

from __future__ import annotations

import re

import attrs

from circles_tui.core import ecomap
from circles_tui.core.edits import EditRefused
from circles_tui.core import family
from circles_tui.core import mobility
from circles_tui.core.meeting import merged_people, without_person
from circles_tui.core.model import PERSON_KINDS, Person, TreePart, Workbook

GONE = "That person is no longer in the workbook, so nothing changed."


def new_person_id(workbook: Workbook, name: str) -> str:
    """A readable id made from the name ("Nanna Jo" -> "nanna-jo"), unique in the workbook."""
    return readable_id(name, {person.id for person in workbook.people}, "person")


def readable_id(text: str, taken: set[str], fallback: str) -> str:
    """An id made from `text` ("Nan's flat" -> "nan-s-flat"), or `fallback` when it has no
    letters or digits, with "-2", "-3"... added until it is not in `taken`."""
    stem = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or fallback
    candidate, n = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{n}"
        n += 1
    return candidate


def require(workbook: Workbook, *person_ids: str) -> None:
    """Refuse an edit about someone who was removed meanwhile (by an undo, say)."""
    known = workbook.people_by_id()
    if any(person_id not in known for person_id in person_ids):
        raise EditRefused(GONE)


def admit(person: Person, workbook: Workbook) -> tuple[Workbook, Person]:
    """`workbook` with someone new in it, and the person as added: their id is made
    afresh from the name when the one they carry was taken meanwhile."""
    if not person.name.strip():
        raise EditRefused("A name cannot be empty, so no one was added.")
    if person.id in workbook.people_by_id():
        person = attrs.evolve(person, id=new_person_id(workbook, person.name))
    return add_person(workbook, person), person


# -- operations (workbook last) --------------------------------------------------------


def add(person: Person, workbook: Workbook) -> Workbook:
    """Add someone new to the people list."""
    return admit(person, workbook)[0]


def edit(person: Person, workbook: Workbook) -> Workbook:
    """Replace a person's details (matched by id) with `person`'s."""
    require(workbook, person.id)
    if not person.name.strip():
        raise EditRefused("A name cannot be empty, so nothing changed.")
    if workbook.person(person.id) == person:
        return workbook
    return replace_person(workbook, person)


def rename(person_id: str, name: str, workbook: Workbook) -> Workbook:
    """Give a person a new name; it changes everywhere they appear."""
    name = name.strip()
    if not name:
        raise EditRefused("A name cannot be empty, so nothing changed.")
    require(workbook, person_id)
    person = workbook.person(person_id)
    if person.name == name:
        return workbook
    return replace_person(workbook, attrs.evolve(person, name=name))


def hold_contact(person_id: str, until: str, asked_by: str, workbook: Workbook) -> Workbook:
    """Put a hold on contacting someone until `until`, asked for by `asked_by`; a blank
    `until` lifts the hold (and forgets who asked)."""
    require(workbook, person_id)
    until, asked_by = until.strip(), asked_by.strip()
    person = workbook.person(person_id)
    held = attrs.evolve(person, hold_until=until, hold_asked_by=asked_by if until else "")
    return workbook if held == person else replace_person(workbook, held)


def set_kind(person_id: str, kind: str, workbook: Workbook) -> Workbook:
    """Say what a register entry is: a person, a group, a service or a place."""
    if kind not in PERSON_KINDS:
        raise EditRefused(f"{kind!r} is not a kind of entry the register knows.")
    require(workbook, person_id)
    person = workbook.person(person_id)
    return workbook if person.kind == kind else replace_person(
        workbook, attrs.evolve(person, kind=kind))


def merge(keep_id: str, drop_id: str, workbook: Workbook) -> Workbook:
    """Fold `drop_id` into `keep_id`, keeping every detail and note (see `combine_people`)."""
    require(workbook, keep_id, drop_id)
    return combine_people(workbook, keep_id, drop_id)


def remove(person_id: str, workbook: Workbook) -> Workbook:
    """Remove a person and every place they appear; nothing to do if they are gone."""
    if person_id not in workbook.people_by_id():
        return workbook
    return remove_person(workbook, person_id)


# -- building blocks (workbook first) ---------------------------------------------------


def add_person(workbook: Workbook, person: Person) -> Workbook:
    return attrs.evolve(workbook, people=workbook.people + (person,))


def replace_person(workbook: Workbook, person: Person) -> Workbook:
    people = tuple(person if p.id == person.id else p for p in workbook.people)
    return attrs.evolve(workbook, people=people)


def remove_person(workbook: Workbook, person_id: str) -> Workbook:
    """Remove a person and every place they appear."""
    return attrs.evolve(
        workbook,
        people=tuple(p for p in workbook.people if p.id != person_id),
        circles={
            c: tuple(p for p in ps if p.person != person_id)
            for c, ps in workbook.circles.items()
        },
        supporters={
            k: tuple(s for s in ss if s.person != person_id)
            for k, ss in workbook.supporters.items()
        },
        tree={
            part: attrs.evolve(tp, people=tuple(x for x in tp.people if x != person_id))
            if person_id in tp.people
            else tp
            for part, tp in workbook.tree.items()
        },
        storms=_without(workbook.storms, person_id),
        meeting=without_person(workbook.meeting, person_id),
        ecomaps=ecomap.without_person(workbook.ecomaps, person_id),
        family=family.without_person(workbook.family, person_id),
        mobility=mobility.without_person(workbook.mobility, person_id),
    )


def _without(part: TreePart | None, person_id: str) -> TreePart | None:
    if part is None or person_id not in part.people:
        return part
    return attrs.evolve(part, people=tuple(x for x in part.people if x != person_id))


def merge_people(workbook: Workbook, keep_id: str, drop_id: str) -> Workbook:
    """Fold `drop_id` into `keep_id`: every reference moves over, where not already there."""
    if keep_id == drop_id:
        return workbook

    def moved(entries: tuple, keep_existing: bool) -> tuple:
        has_keep = any(e.person == keep_id for e in entries)
        result = []
        for entry in entries:
            if entry.person == drop_id:
                if has_keep and keep_existing:
                    continue
                entry = attrs.evolve(entry, person=keep_id)
            result.append(entry)
        return tuple(result)

    def relinked(tp: TreePart) -> TreePart:
        people = tuple(dict.fromkeys(keep_id if x == drop_id else x for x in tp.people))
        return attrs.evolve(tp, people=people) if people != tp.people else tp

    merged = attrs.evolve(
        workbook,
        circles={c: moved(ps, True) for c, ps in workbook.circles.items()},
        supporters={k: moved(ss, True) for k, ss in workbook.supporters.items()},
        tree={part: relinked(tp) for part, tp in workbook.tree.items()},
        storms=None if workbook.storms is None else relinked(workbook.storms),
        people=tuple(p for p in workbook.people if p.id != drop_id),
        meeting=merged_people(workbook.meeting, keep_id, drop_id),
        ecomaps=ecomap.merged_people(workbook.ecomaps, keep_id, drop_id),
        family=family.merged_people(workbook.family, keep_id, drop_id),
        mobility=mobility.merged_people(workbook.mobility, keep_id, drop_id),
    )
    return merged


def _joined(keep: str, drop: str) -> str:
    """Both texts, once each: "a" and "b" become "a; b"; a blank side adds nothing."""
    keep, drop = keep.strip(), drop.strip()
    if not drop or drop.casefold() == keep.casefold():
        return keep
    if not keep:
        return drop
    return f"{keep}; {drop}"


def _join_fields(keep, drop, fields: tuple[str, ...]):
    return attrs.evolve(keep, **{f: _joined(getattr(keep, f), getattr(drop, f)) for f in fields})


def combine_people(workbook: Workbook, keep_id: str, drop_id: str) -> Workbook:
    """Merge `drop_id` into `keep_id`, keeping every detail and note either of them had.

    The kept person's name stays, and the other name goes into their note. Their other
    details gain whatever the other entry adds; where both sat in the same circle, their
    entries there are joined too (`merge_people` then moves every remaining reference across).
    """
    if keep_id == drop_id:
        return workbook
    keep, drop = workbook.person(keep_id), workbook.person(drop_id)
    person = _join_fields(
        keep, drop,
        ("relationship", "lives", "contact", "note", "practitioner_note", "concern",
         "hold_until", "hold_asked_by"),
    )
    person = attrs.evolve(person, known=keep.known or drop.known,
                          gender=keep.gender or drop.gender,
                          died=keep.died or ("" if keep.living else drop.died))
    if drop.name.strip().casefold() != keep.name.strip().casefold():
        person = attrs.evolve(person, note=_joined(person.note, f"Also called {drop.name}."))
    circles = {}
    for circle, placements in workbook.circles.items():
        theirs = next((p for p in placements if p.person == drop_id), None)
        circles[circle] = tuple(
            attrs.evolve(
                _join_fields(p, theirs, ("note", "practitioner_note")),
                named_by=p.named_by or theirs.named_by,
                extras={**theirs.extras, **p.extras},
            )
            if theirs is not None and p.person == keep_id
            else p
            for p in placements
        )
    supporters = {}
    for kind, entries in workbook.supporters.items():
        theirs = next((s for s in entries if s.person == drop_id), None)
        supporters[kind] = tuple(
            _join_fields(s, theirs, ("what_they_do", "how_to_use", "reach", "note",
                                     "practitioner_note"))
            if theirs is not None and s.person == keep_id
            else s
            for s in entries
        )
    joined = attrs.evolve(workbook, circles=circles, supporters=supporters)
    return merge_people(replace_person(joined, person), keep_id, drop_id)
