"""Where each person sits in the genogram: a row per generation, couples side by side,
children under their parents. Pure arithmetic on the family's links; no drawing here.

A generation is counted from the child (0), parents -1, grandparents -2, the child's own
children +1. Partners, brothers and sisters and chosen family share a generation.
Someone reached two ways keeps the first generation found. People linked to no one who
is linked to the child still get a row of their own, so nobody recorded is left out.
"""

from __future__ import annotations

from collections import deque

import attrs

from circles_tui.core.family import CHILD, PARTNER_KINDS, Family
from circles_tui.core.model import Workbook

GAP_X = 150  # between the centres of neighbours in a row
GAP_Y = 150  # between rows
MARGIN_X = 90


@attrs.frozen
class Layout:
    positions: dict[str, tuple[float, float]]  # person id (or CHILD) -> centre
    width: float
    height: float  # of the rows alone, from y = 0


def people_drawn(workbook: Workbook) -> list[str]:
    """The child, then everyone linked or in the household, in register order."""
    family = workbook.family
    linked = {end for link in family.links for end in (link.a, link.b)} | set(family.household)
    return [CHILD] + [p.id for p in workbook.people if p.id in linked]


def generations(family: Family, people: list[str]) -> dict[str, int]:
    """Each person's generation, counted from the child."""
    steps: dict[str, list[tuple[str, int]]] = {}
    for link in family.links:
        up = -1 if link.is_parent else 0  # from b to a: a parent is a generation up
        steps.setdefault(link.b, []).append((link.a, up))
        steps.setdefault(link.a, []).append((link.b, -up))
    found: dict[str, int] = {}
    for start in people:  # the child first; then anyone not linked to the child
        if start in found:
            continue
        base = 0 if start == CHILD else max(found.values(), default=0) + 2
        found[start] = base
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for other, step in steps.get(current, ()):
                if other not in found:
                    found[other] = found[current] + step
                    queue.append(other)
    return found


def layout(workbook: Workbook) -> Layout:
    people = people_drawn(workbook)
    family = workbook.family
    generation = generations(family, people)
    rows: dict[int, list[str]] = {}
    for person in people:
        rows.setdefault(generation[person], []).append(person)
    partners: dict[str, list[str]] = {}
    for link in family.links:
        if link.kind in PARTNER_KINDS:
            partners.setdefault(link.a, []).append(link.b)
            partners.setdefault(link.b, []).append(link.a)
    parents: dict[str, list[str]] = {}
    for link in family.links:
        if link.is_parent:
            parents.setdefault(link.b, []).append(link.a)

    order: dict[int, list[str]] = {}
    slot: dict[str, float] = {}  # index within its row, for the rows beneath
    for gen in sorted(rows):
        members = rows[gen]

        def under_parents(person: str, members=members) -> float:
            seen = [slot[p] for p in parents.get(person, ()) if p in slot]
            return sum(seen) / len(seen) if seen else len(members) + members.index(person)

        ordered = sorted(members, key=under_parents)
        placed: list[str] = []
        for person in ordered:  # partners beside them: a second partner on the other side
            if person in placed:
                continue
            theirs = [p for p in partners.get(person, ()) if p in members and p not in placed]
            placed += [*theirs[1:2], person, *theirs[:1], *theirs[2:]]
        order[gen] = placed
        slot.update((person, float(index)) for index, person in enumerate(placed))

    widest = max(len(row) for row in order.values())
    width = 2 * MARGIN_X + (widest - 1) * GAP_X
    positions: dict[str, tuple[float, float]] = {}
    for row_index, gen in enumerate(sorted(order)):
        row = order[gen]
        start = (width - (len(row) - 1) * GAP_X) / 2
        for index, person in enumerate(row):
            positions[person] = (start + index * GAP_X, row_index * GAP_Y)
    return Layout(positions, width, (len(order) - 1) * GAP_Y)
