"""Ecomaps: the people, groups and services around the child or a family, and each link's quality.

No Textual or Rich here. After Ann Hartman's ecomap: someone sits in the middle (the
child, a parent, or the whole household), and everyone they are connected with sits
around them, nearer or further by how the child or family feel (`distance` 1..4) and
somewhere round the centre (`clock` 1..12, like a clock face). A link has one quality,
or two for a relationship that varies, and a direction in which support flows.

Who is in the middle (`Ecomap.whose`):
- "child": the child the workbook is about; `between` is always "".
- a person id: that person's own ecomap (a parent's, say); `between` is always "".
- "household": a whole-family ecomap. The child and the `household` members sit in the
  middle together. A link's `between` says where it starts: "" for the household as a
  whole, "child" for the child, or a household member's id. A link from the child or a
  member to another household member is a link inside the family (each pair once).

`flow` is read from the link's starting end: "to-centre" means support flows towards the
centre (or towards `between`), "from-centre" away from it, "both" both ways.

Checked whole by `check_ecomaps` (called from `check_workbook`); `without_person` and
`merged_people` keep ecomaps whole when the register changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from circles_tui.core.model import ModelError, _printable_text
from circles_tui.core.record_ids import with_unique_ids

LINK_QUALITIES: tuple[str, ...] = ("strong", "ordinary", "tenuous", "stressful")
FLOWS: tuple[str, ...] = ("", "to-centre", "from-centre", "both")
CENTRES: tuple[str, ...] = ("plain", "island", "planet", "pitch")
DISTANCES = range(1, 5)  # 1 nearest the centre, 4 furthest
CLOCK = range(1, 13)
WHOSE_CHILD = "child"
WHOSE_HOUSEHOLD = "household"
FROM_CHILD = "child"  # `between` on a whole-family ecomap: the link starts from the child


def _tuple(value: Iterable) -> tuple:
    return tuple(value)


@attrs.frozen(field_transformer=_printable_text)
class EcoLink:
    """One connection on an ecomap, with someone (or a group or service) in the register."""

    person: str
    distance: int  # 1 nearest .. 4 furthest, as the child or family feel it
    clock: int  # 1..12, where round the centre
    qualities: tuple[str, ...] = attrs.field(converter=_tuple)  # one, or two when it varies
    flow: str = ""
    between: str = ""  # whole-family ecomaps: where the link starts ("" = the household)
    note: str = ""  # in the family's words
    practitioner_note: str = ""
    practitioner_only: bool = False  # e.g. a stressful link the family did not want shared

    @property
    def ends(self) -> frozenset[str]:
        """The two ends of the link ("" being the centre): a pair is linked once."""
        return frozenset((self.between, self.person))


@attrs.frozen(field_transformer=_printable_text)
class Ecomap:
    """One ecomap, dated so that a later one can be compared with it."""

    id: str
    whose: str  # "child", "household", or a person id (a parent's own ecomap)
    made_on: date | None = None
    centre: str = "plain"  # how the middle is drawn: one of CENTRES
    household: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    links: tuple[EcoLink, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def is_whole_family(self) -> bool:
        return self.whose == WHOSE_HOUSEHOLD

    def link(self, person_id: str, between: str = "") -> EcoLink | None:
        """The link with `person_id` starting from `between`, either way round."""
        ends = frozenset((between, person_id))
        return next((link for link in self.links if link.ends == ends), None)

    def people(self) -> list[str]:
        """Every register id on this ecomap, once each: the household, then the links."""
        found = dict.fromkeys(self.household)
        if self.whose not in (WHOSE_CHILD, WHOSE_HOUSEHOLD):
            found[self.whose] = None
        for link in self.links:
            found[link.person] = None
            if link.between not in ("", FROM_CHILD):
                found[link.between] = None
        return list(found)


# -- rules ---------------------------------------------------------------------------------


def check_ecomaps(ecomaps: tuple[Ecomap, ...], ids: set[str]) -> None:
    """Raise ModelError for the first broken rule of the ecomaps, naming where it is."""
    for path, ecomap in with_unique_ids(ecomaps, Ecomap, "ecomaps", "ecomaps"):
        _check_ecomap(path, ecomap, ids)


def _check_ecomap(path: str, ecomap: Ecomap, ids: set[str]) -> None:
    if ecomap.whose not in (WHOSE_CHILD, WHOSE_HOUSEHOLD) and ecomap.whose not in ids:
        raise ModelError(f"{path}.whose", "must be child, household, or the id of someone "
                         "in the people list")
    if ecomap.made_on is not None and type(ecomap.made_on) is not date:
        raise ModelError(f"{path}.made_on", "must be a date like 2026-04-02")
    if ecomap.centre not in CENTRES:
        raise ModelError(f"{path}.centre", f"must be one of {', '.join(CENTRES)}")
    if ecomap.household and not ecomap.is_whole_family:
        raise ModelError(f"{path}.household", "only a whole-family ecomap (whose = "
                         "\"household\") has household members in the middle")
    for index, member in enumerate(ecomap.household):
        _check_person(f"{path}.household[{index}]", member, ids)
    if len(set(ecomap.household)) != len(ecomap.household):
        raise ModelError(f"{path}.household", "lists someone twice")
    starts = {"", *ecomap.household} | ({FROM_CHILD} if ecomap.is_whole_family else set())
    pairs: set[frozenset[str]] = set()
    for index, link in enumerate(ecomap.links):
        _check_link(f"{path}.links[{index}]", link, ecomap, ids, starts)
        if link.ends in pairs:
            raise ModelError(f"{path}.links[{index}].person",
                             f"{link.person!r} is linked twice from the same place")
        pairs.add(link.ends)


def _check_link(path: str, link: EcoLink, ecomap: Ecomap, ids: set[str],
                starts: set[str]) -> None:
    if not isinstance(link, EcoLink):
        raise ModelError(path, "must be an EcoLink record")
    _check_person(f"{path}.person", link.person, ids)
    if link.person == ecomap.whose:
        raise ModelError(f"{path}.person", "the person in the middle cannot be linked "
                         "with themselves")
    if link.between not in starts:
        raise ModelError(f"{path}.between", "must be blank, child, or one of the household "
                         "members of this whole-family ecomap")
    if link.person == link.between:
        raise ModelError(f"{path}.between", "a link needs two different ends")
    if link.between == "" and link.person in ecomap.household:
        raise ModelError(f"{path}.between", "a household member sits in the middle: say "
                         "whom the link starts from (child, or another member)")
    if type(link.distance) is not int or link.distance not in DISTANCES:
        raise ModelError(f"{path}.distance", "must be a whole number from 1 (nearest) to 4")
    if type(link.clock) is not int or link.clock not in CLOCK:
        raise ModelError(f"{path}.clock", "must be a whole number from 1 to 12, like a clock")
    if not 1 <= len(link.qualities) <= 2:
        raise ModelError(f"{path}.qualities", "a link has one quality, or two when it varies")
    if any(q not in LINK_QUALITIES for q in link.qualities):
        raise ModelError(f"{path}.qualities", f"must be drawn from {', '.join(LINK_QUALITIES)}")
    if len(set(link.qualities)) != len(link.qualities):
        raise ModelError(f"{path}.qualities", "lists a quality twice")
    if link.flow not in FLOWS:
        raise ModelError(f"{path}.flow", "must be blank or one of " + ", ".join(FLOWS[1:]))


def _check_person(path: str, person_id: str, ids: set[str]) -> None:
    if person_id not in ids:
        raise ModelError(path, f"no one in the people list has the id {person_id!r}")


# -- people leaving the register -------------------------------------------------------------


def without_person(ecomaps: tuple[Ecomap, ...], person_id: str) -> tuple[Ecomap, ...]:
    """The ecomaps once `person_id` leaves the register: their own ecomap goes, and every
    link to or from them, and their place in a household."""
    kept = []
    for ecomap in ecomaps:
        if ecomap.whose == person_id:
            continue
        if person_id in ecomap.people():
            ecomap = attrs.evolve(
                ecomap,
                household=tuple(m for m in ecomap.household if m != person_id),
                links=tuple(k for k in ecomap.links if person_id not in k.ends),
            )
        kept.append(ecomap)
    return tuple(kept)


def merged_people(ecomaps: tuple[Ecomap, ...], keep_id: str,
                  drop_id: str) -> tuple[Ecomap, ...]:
    """The ecomaps once `drop_id` is folded into `keep_id`. Where both were linked from the
    same place, `keep_id`'s own link wins; a link that would join someone to themselves goes."""
    return tuple(
        _merged(ecomap, keep_id, drop_id) if drop_id in ecomap.people() else ecomap
        for ecomap in ecomaps
    )


def _merged(ecomap: Ecomap, keep_id: str, drop_id: str) -> Ecomap:
    def swap(value: str) -> str:
        return keep_id if value == drop_id else value

    whose = swap(ecomap.whose)
    household = tuple(dict.fromkeys(swap(m) for m in ecomap.household))
    taken = {k.ends for k in ecomap.links if drop_id not in k.ends}
    links = []
    for link in ecomap.links:
        if drop_id in link.ends:
            link = attrs.evolve(link, person=swap(link.person), between=swap(link.between))
            if (link.ends in taken or link.person == link.between or link.person == whose
                    or (link.between == "" and link.person in household)):
                continue
            taken.add(link.ends)
        links.append(link)
    return attrs.evolve(ecomap, whose=whose, household=household, links=tuple(links))
