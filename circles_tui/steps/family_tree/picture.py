"""The child's family tree as the drawing shows it: the family records in, cards out.

No Textual here. `core.family_tree` says who is whose parent and where the blanks are
(`tree_rows`); this module decides where each of them goes in the drawing: the child at
the bottom with brothers, sisters and chosen family beside them, each parent's side
above (mothers first, then fathers, then the other parents: step, foster, kinship),
each parent's brothers and sisters on the outer side of their block, partners beside
the person they are with. Each person is drawn once.
"""

from __future__ import annotations

import attrs

from circles_tui.core.family import CHILD, Family
from circles_tui.core.family_tree import (
    SIDES_LOOKED_FOR, BlankWords, Relative, TreeSlot, blank_label, blank_name, called,
    chosen_family_of, children_of, partners_of, siblings_of, tree_rows,
)
from circles_tui.core.model import Person, Workbook
from circles_tui.widgets.family_layout import Card, Couple, Sibship

MOST_GENERATIONS = 5  # back to great-great-grandparents, when the family knows them

_COUPLES: dict[str, Couple] = {
    "partner": "partners", "ex-partner": "separated", "separated": "separated",
    "divorced": "divorced",
}


@attrs.frozen
class TreeWords:
    """The words the cards use, from the wording file."""

    blanks: BlankWords
    side: str  # "{who}'s side"
    kinds: dict[str, str]  # link kind -> how a card says it ("foster carer")
    died: str  # "died {when}"
    died_unknown: str  # "died"
    never_met: str  # "never met"


@attrs.frozen
class FamilyPicture:
    """The drawing's cards, and what each key stands for."""

    root: Sibship
    children: tuple[Card, ...]
    blanks: dict[str, TreeSlot]  # a blank's key -> its place in the tree
    kinds: dict[str, str]  # a person's key -> the link that put them on the tree


def _rows(workbook: Workbook) -> tuple[tuple[TreeSlot, ...], ...]:
    """The child's tree by generation: always three (with their blanks), and further back
    as far as anyone is recorded there (great-grandparents), without blanks so far out."""
    rows = tree_rows(workbook)
    while len(rows) < MOST_GENERATIONS:
        deeper = tree_rows(workbook, len(rows) + 1)
        found = tuple(slot for slot in deeper[-1] if not slot.is_blank)
        if not found:
            break
        rows = (*rows, found)
    return rows


def blank_key(slot: TreeSlot) -> str:
    return f"blank:{slot.parent_of}:{slot.missing}"


def family_picture(workbook: Workbook, words: TreeWords) -> FamilyPicture:
    return _Builder(workbook, words).picture()


class _Builder:
    def __init__(self, workbook: Workbook, words: TreeWords) -> None:
        self.workbook, self.words = workbook, words
        self.family: Family = workbook.family
        self.people = workbook.people_by_id()
        rows = _rows(workbook)
        self.depth = len(rows)
        self.slots_of: dict[str, list[TreeSlot]] = {}
        for row in rows[1:]:
            for slot in row:
                self.slots_of.setdefault(slot.parent_of, []).append(slot)
        # Everyone in a slot has their own place; nobody else may take it.
        self.placed: set[str] = {CHILD} | {s.person for row in rows for s in row if s.person}
        self.blanks: dict[str, TreeSlot] = {}
        self.kinds: dict[str, str] = {}

    def picture(self) -> FamilyPicture:
        parents = self.parents(CHILD, 1)
        cards = [Card(CHILD, (self.workbook.about.child,), child=True)]
        cards += self.partners(CHILD)
        cards += self.relatives(siblings_of(self.family, CHILD))
        cards += self.relatives(chosen_family_of(self.family, CHILD), beside="apart")
        root = Sibship(tuple(cards), 0, tuple(s for s, _ in parents), self.couples(parents))
        children = tuple(self.relatives(children_of(self.family, CHILD)))
        return FamilyPicture(root, children, dict(self.blanks), dict(self.kinds))

    # -- the generations above -------------------------------------------------------------

    def parents(self, person_id: str, generation: int) -> list[tuple[Sibship, str]]:
        """The sibship of each parent of `person_id`, in drawing order, with who is in it."""
        slots = sorted(enumerate(self.slots_of.get(person_id, [])),
                       key=lambda pair: (self.order(pair[1]), pair[0]))
        out = []
        for place, (_, slot) in enumerate(slots):
            heading = self.heading(slot) if person_id == CHILD else ""
            out.append((self.sibship(slot, generation, outer_left=place == 0, heading=heading),
                        slot.person))
        return out

    def order(self, slot: TreeSlot) -> int:
        """Mothers first, then other birth or adoptive parents, then fathers, then the
        parents who came later (step, foster, kinship)."""
        if slot.kind not in SIDES_LOOKED_FOR and not slot.is_blank:
            return 3
        gender = self.people[slot.person].gender if slot.person else ""
        if slot.missing == "mother" or gender == "female":
            return 0
        return 2 if slot.missing == "father" or gender == "male" else 1

    def heading(self, slot: TreeSlot) -> str:
        """"Mum's side" over a birth or adoptive parent; over a parent who came later, what
        they are ("Foster carer"), since their family is not the child's by birth."""
        if not slot.is_blank and slot.kind not in SIDES_LOOKED_FOR:
            return self.words.kinds.get(slot.kind, "")
        if slot.is_blank:
            who = blank_name(self.workbook, slot, self.words.blanks)
        else:
            who = called(self.people[slot.person])
        return self.words.side.format(who=first_capital(who))

    def sibship(self, slot: TreeSlot, generation: int, outer_left: bool,
                heading: str) -> Sibship:
        if slot.is_blank:
            return Sibship((self.blank_card(slot),), heading=heading)
        person_id = slot.person
        self.kinds[person_id] = slot.kind
        main = self.person_card(person_id, slot.kind)
        partners = self.partners(person_id)
        siblings = self.relatives(siblings_of(self.family, person_id))
        parents = self.parents(person_id, generation + 1) if generation + 1 < self.depth else []
        if outer_left and siblings:
            cards, index = (*siblings, main, *partners), len(siblings)
        else:
            cards, index = (main, *partners, *siblings), 0
        return Sibship(tuple(cards), index, tuple(s for s, _ in parents),
                       self.couples(parents), heading)

    def couples(self, parents: list[tuple[Sibship, str]]) -> tuple[Couple, ...]:
        """How each parent is linked to the next one drawn beside them."""
        out: list[Couple] = []
        for (_, a), (_, b) in zip(parents, parents[1:]):
            kinds = [link.kind for link in self.family.links
                     if a and b and link.joins(a) and link.joins(b)]
            out.append(next((_COUPLES[k] for k in kinds if k in _COUPLES), ""))
        return tuple(out)

    # -- people beside someone ---------------------------------------------------------------

    def partners(self, person_id: str) -> list[Card]:
        return self.relatives(partners_of(self.family, person_id), beside="partner")

    def relatives(self, relatives: tuple[Relative, ...], beside: str = "") -> list[Card]:
        cards = []
        for relative in relatives:
            if relative.person in self.placed or relative.person not in self.people:
                continue
            self.placed.add(relative.person)
            self.kinds[relative.person] = relative.kind
            cards.append(attrs.evolve(self.person_card(relative.person, relative.kind),
                                      beside=beside))
        return cards

    # -- cards ------------------------------------------------------------------------------

    def person_card(self, person_id: str, kind: str) -> Card:
        person = self.people[person_id]
        words = self.words
        lines = [person.name + ("" if person.living else " †")]
        lines += person_status(person, words)
        lines.append(person.relationship or words.kinds.get(kind, ""))
        return Card(person_id, tuple(line for line in lines if line))

    def blank_card(self, slot: TreeSlot) -> Card:
        key = blank_key(slot)
        self.blanks[key] = slot
        name = blank_name(self.workbook, slot, self.words.blanks)
        label = blank_label(self.workbook, slot, self.words.blanks)
        rest = label[len(name):].lstrip(" :") if label.startswith(name) else label
        return Card(key, (first_capital(name), rest), blank=True)


def first_capital(words: str) -> str:
    """"dad's mum" as a heading or the first line of a card: "Dad's mum"."""
    return words[:1].upper() + words[1:]


def person_status(person: Person, words: TreeWords) -> list[str]:
    """"died 2019" and "never met", as far as they apply: never by colour alone."""
    status = []
    if not person.living:
        status.append(words.died.format(when=person.died) if person.died else words.died_unknown)
    if not person.known:
        status.append(words.never_met)
    return status
