"""Edits to the register of people: add, rename, remove, merge."""

from __future__ import annotations

import re

import attrs

from circles_tui.core.meeting import merged_people, without_person
from circles_tui.core.model import Person, TreePart, Workbook


def new_person_id(workbook: Workbook, name: str) -> str:
    """A readable id made from the name ("Nanna Jo" -> "nanna-jo"), unique in the workbook."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "person"
    taken = {person.id for person in workbook.people}
    candidate, n = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{n}"
        n += 1
    return candidate


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
    )
    return merged
