"""The family's links (the family tree and genogram) and heritage (the cultural genogram).

No Textual or Rich here. A person's `relationship` keeps the child's own words ("Nanna
Jo"); a `FamilyLink` says who is whose mother. Links join people in the register by id;
the child, who is the workbook's `about` and not in the register, is `CHILD`. Like the
rest of the workbook these are frozen attrs values, checked whole by `check_family`
(called from `check_workbook`).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from circles_tui.core.model import ModelError, _printable_text

# The child in a link or a heritage note. Not a possible person id (ids start with a
# letter or digit), so it can never mean someone in the register.
CHILD = "@child"

# a is the parent (or carer in a parent's place) of b.
PARENT_KINDS: tuple[str, ...] = (
    "parent", "adoptive-parent", "step-parent", "foster-carer", "kinship-carer",
)
# a and b, either way round.
PARTNER_KINDS: tuple[str, ...] = ("partner", "ex-partner", "separated", "divorced")
SIBLING_KINDS: tuple[str, ...] = ("sibling", "half-sibling", "step-sibling")
LINK_KINDS: tuple[str, ...] = (*PARENT_KINDS, *PARTNER_KINDS, *SIBLING_KINDS, "chosen-family")

# The cultural genogram's aspects (Hardy and Laszloffy; close to Burnham's Social
# GGRRAAACCEEESSS), in the order the practice lists them. The family chooses which.
ASPECTS: tuple[str, ...] = (
    "gender-identity", "geography", "race", "religion", "age", "ability", "appearance",
    "class", "culture", "caste", "education", "ethnicity", "economics", "spirituality",
    "sexuality", "sexual-orientation",
)


def _tuple(value: Iterable) -> tuple:
    return tuple(value)


@attrs.frozen(field_transformer=_printable_text)
class FamilyLink:
    """How two people are related. For the parent kinds `a` is the parent of `b`; the
    other kinds read either way round."""

    kind: str
    a: str
    b: str
    note: str = ""  # in the family's words
    practitioner_note: str = ""

    @property
    def is_parent(self) -> bool:
        return self.kind in PARENT_KINDS

    def joins(self, person_id: str) -> bool:
        return person_id in (self.a, self.b)

    def other(self, person_id: str) -> str:
        """The other end of the link from `person_id`."""
        return self.b if self.a == person_id else self.a

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes a link the same link: its kind and its two people (in order only
        for the parent kinds)."""
        a, b = (self.a, self.b) if self.is_parent else sorted((self.a, self.b))
        return (self.kind, a, b)

    def same_pair(self, other: FamilyLink) -> bool:
        """Whether `other` is this link again (the same kind between the same people)."""
        return self.key == other.key


@attrs.frozen(field_transformer=_printable_text)
class HeritageNote:
    """One aspect of someone's identity or heritage, in the family's words."""

    person: str  # a person id, or CHILD
    aspect: str  # one of ASPECTS
    words: str
    practitioner_note: str = ""


@attrs.frozen(field_transformer=_printable_text)
class Family:
    """The family tree's links, the cultural genogram's notes, and who lives with the
    child (the genogram draws a boundary round the household)."""

    links: tuple[FamilyLink, ...] = attrs.field(default=(), converter=_tuple)
    heritage: tuple[HeritageNote, ...] = attrs.field(default=(), converter=_tuple)
    household: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # person ids
    practitioner_note: str = ""

    @property
    def is_empty(self) -> bool:
        return self == Family()

    def links_of(self, person_id: str) -> tuple[FamilyLink, ...]:
        return tuple(link for link in self.links if link.joins(person_id))


# -- rules ---------------------------------------------------------------------------------


def check_family(family: Family, ids: set[str]) -> None:
    """Raise ModelError for the first broken rule of the family, naming where it is."""
    if not isinstance(family, Family):
        raise ModelError("family", "must be a Family record")
    known = ids | {CHILD}
    seen: set[tuple[str, str, str]] = set()
    for index, link in enumerate(family.links):
        path = f"family.links[{index}]"
        if link.kind not in LINK_KINDS:
            raise ModelError(f"{path}.kind", f"must be one of {', '.join(LINK_KINDS)}")
        for end in ("a", "b"):
            _check_reference(f"{path}.{end}", getattr(link, end), known)
        if link.a == link.b:
            raise ModelError(f"{path}.b", "a link joins two different people")
        if link.key in seen:
            raise ModelError(path, "this link is recorded twice")
        seen.add(link.key)
    cycle = _parent_cycle(family.links)
    if cycle is not None:
        raise ModelError(f"family.links[{cycle}]",
                         "this would make someone their own ancestor")
    for index, note in enumerate(family.heritage):
        path = f"family.heritage[{index}]"
        _check_reference(f"{path}.person", note.person, known)
        if note.aspect not in ASPECTS:
            raise ModelError(f"{path}.aspect", f"must be one of {', '.join(ASPECTS)}")
        if not note.words.strip():
            raise ModelError(f"{path}.words", "the family's words are needed")
    for index, person_id in enumerate(family.household):
        _check_reference(f"family.household[{index}]", person_id, ids)
    if len(set(family.household)) != len(family.household):
        raise ModelError("family.household", "lists a person twice")


def _check_reference(path: str, person_id: str, known: set[str]) -> None:
    if person_id not in known:
        raise ModelError(path, f"no one in the people list has the id {person_id!r}")


def _parent_cycle(links: tuple[FamilyLink, ...]) -> int | None:
    """The index of a parent link that closes a loop of parents, or None."""
    parents: dict[str, list[str]] = {}
    for index, link in enumerate(links):
        if not link.is_parent:
            continue
        # Would b be an ancestor of a already? Then a as b's parent closes a loop.
        if _is_ancestor(link.b, link.a, parents):
            return index
        parents.setdefault(link.b, []).append(link.a)
    return None


def _is_ancestor(ancestor: str, person: str, parents: dict[str, list[str]]) -> bool:
    stack, seen = [person], set()
    while stack:
        current = stack.pop()
        if current == ancestor:
            return True
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, ()))
    return False


# -- people leaving the register -------------------------------------------------------------


def without_person(family: Family, person_id: str) -> Family:
    """The family once `person_id` is removed from the people list."""
    if family.is_empty:
        return family
    changed = attrs.evolve(
        family,
        links=tuple(link for link in family.links if not link.joins(person_id)),
        heritage=tuple(note for note in family.heritage if note.person != person_id),
        household=tuple(x for x in family.household if x != person_id),
    )
    return family if changed == family else changed


def merged_people(family: Family, keep_id: str, drop_id: str) -> Family:
    """The family once `drop_id` is folded into `keep_id`: links and notes move across,
    a link that would join `keep_id` to themselves goes, and repeats are kept once."""
    if family.is_empty:
        return family

    def moved(person_id: str) -> str:
        return keep_id if person_id == drop_id else person_id

    links: list[FamilyLink] = []
    for link in family.links:
        link = attrs.evolve(link, a=moved(link.a), b=moved(link.b))
        if link.a != link.b and not any(link.same_pair(kept) for kept in links):
            links.append(link)
    heritage = tuple(dict.fromkeys(
        attrs.evolve(note, person=moved(note.person)) for note in family.heritage
    ))
    household = tuple(dict.fromkeys(moved(x) for x in family.household))
    changed = attrs.evolve(family, links=tuple(links), heritage=heritage, household=household)
    # Merging can close a loop of parents (someone's child folded into their parent);
    # the link that closes each loop goes rather than the merge being refused.
    while (cycle := _parent_cycle(changed.links)) is not None:
        changed = attrs.evolve(changed, links=changed.links[:cycle] + changed.links[cycle + 1:])
    return family if changed == family else changed
