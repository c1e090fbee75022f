"""Questions asked of the family's links: whose parents, which generation, which blanks.

No Textual or Rich here; every function is pure. The family tree step draws
`tree_rows`; the blanks ("Dad's dad: not known yet") are the point of the family tree
("fill in all the blanks"), so a blank is a slot like any other, with no one in it.
"""

from __future__ import annotations

import re

import attrs

from circles_tui.core.family import CHILD, PARENT_KINDS, PARTNER_KINDS, SIBLING_KINDS, Family
from circles_tui.core.model import Person, Workbook

# Whose parents the tree looks for: birth parents are always looked for (finding birth
# family is the point), and an adoptive parent's parents are the child's grandparents too.
SIDES_LOOKED_FOR: tuple[str, ...] = ("parent", "adoptive-parent")
GENERATIONS = 3  # the child, their parents, their grandparents


@attrs.frozen
class Relative:
    """Someone linked to a person, and how."""

    person: str
    kind: str  # a link kind; a sibling found through shared parents is "sibling" or "half-sibling"
    recorded: bool = True  # False when worked out from shared parents, not recorded as a link


@attrs.frozen
class TreeSlot:
    """A place in the child's tree: someone's parent, or a blank where one is not known."""

    parent_of: str  # a person id, or CHILD
    person: str = ""  # "" for a blank
    kind: str = "parent"  # the link's kind
    missing: str = ""  # for a blank: "mother", "father" or "parent"

    @property
    def is_blank(self) -> bool:
        return not self.person


@attrs.frozen
class BlankWords:
    """How blanks are worded (from the wording file): the child's own parents by the
    slot alone ("Dad"), everyone else's as "<their word>'s <slot>" ("Dad's dad")."""

    own: dict[str, str]  # missing -> "Mum" / "Dad" / "Another parent"
    of: dict[str, str]  # missing -> "mum" / "dad" / "other parent"
    not_known: str  # "{who}: not known yet"


# -- relatives ----------------------------------------------------------------------------


def parents_of(family: Family, person_id: str, kinds: tuple[str, ...] = PARENT_KINDS
               ) -> tuple[Relative, ...]:
    return tuple(Relative(link.a, link.kind) for link in family.links
                 if link.b == person_id and link.kind in kinds)


def children_of(family: Family, person_id: str) -> tuple[Relative, ...]:
    return tuple(Relative(link.b, link.kind) for link in family.links
                 if link.a == person_id and link.is_parent)


def partners_of(family: Family, person_id: str) -> tuple[Relative, ...]:
    return tuple(Relative(link.other(person_id), link.kind) for link in family.links
                 if link.kind in PARTNER_KINDS and link.joins(person_id))


def siblings_of(family: Family, person_id: str) -> tuple[Relative, ...]:
    """Brothers and sisters recorded as such, then those found through shared birth
    parents: both parents shared is a sibling, one a half-sibling."""
    recorded = [Relative(link.other(person_id), link.kind) for link in family.links
                if link.kind in SIBLING_KINDS and link.joins(person_id)]
    named = {r.person for r in recorded} | {person_id}
    mine = {r.person for r in parents_of(family, person_id, ("parent",))}
    found: dict[str, set[str]] = {}
    for parent in mine:
        for child in children_of(family, parent):
            if child.kind == "parent" and child.person not in named:
                found.setdefault(child.person, set()).add(parent)
    worked_out = [
        Relative(other, "sibling" if shared == mine and len(mine) > 1 else "half-sibling",
                 recorded=False)
        for other, shared in found.items()
    ]
    return (*recorded, *worked_out)


def chosen_family_of(family: Family, person_id: str) -> tuple[Relative, ...]:
    return tuple(Relative(link.other(person_id), link.kind) for link in family.links
                 if link.kind == "chosen-family" and link.joins(person_id))


# -- the child's tree ------------------------------------------------------------------------


def tree_rows(workbook: Workbook, generations: int = GENERATIONS) -> tuple[tuple[TreeSlot, ...], ...]:
    """The child's tree by generation, child first: row 1 the child's parents and carers
    in a parent's place, row 2 theirs, and so on; each birth or adoptive side also shows
    its missing birth parents as blanks. Someone reached twice is listed once."""
    rows: list[tuple[TreeSlot, ...]] = [(TreeSlot(parent_of="", person=CHILD, kind=""),)]
    seen = {CHILD}
    looked_for = [CHILD]
    for _ in range(generations - 1):
        row: list[TreeSlot] = []
        next_looked_for: list[str] = []
        for person_id in looked_for:
            for parent in parents_of(workbook.family, person_id):
                if parent.person in seen:
                    continue
                seen.add(parent.person)
                row.append(TreeSlot(person_id, parent.person, parent.kind))
                if parent.kind in SIDES_LOOKED_FOR:
                    next_looked_for.append(parent.person)
            row += _blanks_of(workbook, person_id)
        rows.append(tuple(row))
        looked_for = next_looked_for
    return tuple(rows)


def _blanks_of(workbook: Workbook, person_id: str) -> list[TreeSlot]:
    """The birth parents of `person_id` nobody has recorded yet (two at most)."""
    birth = [r.person for r in parents_of(workbook.family, person_id, ("parent",))]
    if len(birth) >= 2:
        return []
    if not birth:
        return [TreeSlot(person_id, missing="mother"), TreeSlot(person_id, missing="father")]
    gender = workbook.person(birth[0]).gender
    missing = {"female": "father", "male": "mother"}.get(gender, "parent")
    return [TreeSlot(person_id, missing=missing)]


def blanks(workbook: Workbook, generations: int = GENERATIONS) -> tuple[TreeSlot, ...]:
    """Every blank in the child's tree, nearest generation first."""
    return tuple(slot for row in tree_rows(workbook, generations) for slot in row
                 if slot.is_blank)


def blank_name(workbook: Workbook, slot: TreeSlot, words: BlankWords) -> str:
    """What a blank is called: "Dad" for the child's own, "Dad's dad" further out, using
    the person's relationship in the family's words, or their name when there is none."""
    if slot.parent_of == CHILD:
        return words.own[slot.missing]
    return f"{called(workbook.person(slot.parent_of))}'s {words.of[slot.missing]}"


def called(person: Person) -> str:
    """What the family tree calls someone: their relationship in the family's words, or their
    name when there is none. "Mum (Kerry)" is Mum here: brackets usually hold the name."""
    relationship = re.sub(r"\s*\([^()]*\)\s*$", "", person.relationship).strip()
    return relationship or person.name.strip()


def blank_label(workbook: Workbook, slot: TreeSlot, words: BlankWords) -> str:
    """A blank as the tree shows it: "Dad's dad: not known yet"."""
    return words.not_known.format(who=blank_name(workbook, slot, words))


def blanks_gap(workbook: Workbook, title: str, words: BlankWords) -> list[str]:
    """Once the family tree is started, its blanks as a gap in the network: "Family tree
    still has blanks: Dad's dad, Dad's mum" (each could become a question)."""
    if not workbook.family.links:
        return []
    missing = [blank_name(workbook, slot, words) for slot in blanks(workbook)]
    return [f"{title} still has blanks: {', '.join(missing)}"] if missing else []


# -- who the tree found ------------------------------------------------------------------------


def in_family_tree(workbook: Workbook) -> tuple[str, ...]:
    """Everyone in the register who has a family link, in register order."""
    linked = {end for link in workbook.family.links for end in (link.a, link.b)}
    return tuple(p.id for p in workbook.people if p.id in linked)


ASKED_IN = ("circle", "who-could-help")


def found_through_tree(workbook: Workbook) -> tuple[str, ...]:
    """Living people the family tree brought in: linked in it and nowhere else but "Who
    could we ask?" (where asking about a blank or a lost-touch relative puts them)."""
    return tuple(person_id for person_id in in_family_tree(workbook)
                 if workbook.person(person_id).living
                 and all(where == ASKED_IN or where[0] == "family"
                         for where in workbook.appearances(person_id)))


def lost_touch_relatives(workbook: Workbook) -> tuple[str, ...]:
    """Living relatives the child never met or lost touch with, not yet in "Who could we
    ask?": each could become a question there."""
    lost_touch = {p.person for p in workbook.circles["who-matters"]
                  if p.extras.get("frequency") == "lost-touch"}
    asking = {p.person for p in workbook.circles["who-could-help"]}
    out = []
    for person_id in in_family_tree(workbook):
        person = workbook.person(person_id)
        if person.living and person_id not in asking and (
                not person.known or person_id in lost_touch):
            out.append(person_id)
    return tuple(out)
