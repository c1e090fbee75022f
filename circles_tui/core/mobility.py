"""The mobility map: the places a child has lived, stayed, gone to school or visited,
"from as far back as they can remember", and the people tied to each place.

No Textual or Rich here. A `Stay` is one place in the child's story; the workbook keeps
them in the order the child told them (`Workbook.mobility`), which is the order the map
draws them. `check_mobility` (called from `check_workbook`) raises `ModelError` naming
the key; `without_person` and `merged_people` keep the stays right when someone leaves
the register or is merged into someone else.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from circles_tui.core.model import ModelError, _printable_text
from circles_tui.core.record_ids import with_unique_ids

# The kinds of place, in the order the wording lists them.
STAY_KINDS: tuple[str, ...] = ("lived", "stayed", "school", "visited")


def _tuple(value: Iterable) -> tuple:
    return tuple(value)


@attrs.frozen(field_transformer=_printable_text)
class Stay:
    """One place in the child's story, and the people who belong to it."""

    id: str
    place: str  # in the child's words: "Nan's flat in Luton"
    kind: str  # one of STAY_KINDS
    when_from: str = ""  # a year or an age in words: "2015", "age 6"
    when_to: str = ""
    people: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # register ids
    note: str = ""  # the child's words about the place
    practitioner_note: str = ""

    @property
    def when(self) -> str:
        """The years or ages as one short text: "2015-2017", "age 3-7", "age 6", or ""."""
        start, end = self.when_from.strip(), self.when_to.strip()
        if start and end and start != end:
            if start.startswith("age ") and end.startswith("age "):
                end = end.removeprefix("age ")
            return f"{start}-{end}"
        return start or end


def check_mobility(stays: tuple[Stay, ...], ids: set[str]) -> None:
    """Raise ModelError for the first broken rule of the mobility map, naming where it is."""
    for path, stay in with_unique_ids(stays, Stay, "mobility", "places"):
        if not stay.place.strip():
            raise ModelError(f"{path}.place", "every place needs a name, in the child's words")
        if stay.kind not in STAY_KINDS:
            raise ModelError(f"{path}.kind", f"must be one of {', '.join(STAY_KINDS)}")
        for n, person_id in enumerate(stay.people):
            if person_id not in ids:
                raise ModelError(f"{path}.people[{n}]",
                                 f"no one in the people list has the id {person_id!r}")
        if len(set(stay.people)) != len(stay.people):
            raise ModelError(f"{path}.people", "lists a person twice")


def stays_of(stays: tuple[Stay, ...], person_id: str) -> tuple[Stay, ...]:
    """The places a person is tied to, in the order the child told them."""
    return tuple(stay for stay in stays if person_id in stay.people)


# -- people leaving the register -------------------------------------------------------------


def without_person(stays: tuple[Stay, ...], person_id: str) -> tuple[Stay, ...]:
    """The stays once `person_id` is removed from the people list (the places stay)."""
    if not stays_of(stays, person_id):
        return stays
    return tuple(
        attrs.evolve(s, people=tuple(p for p in s.people if p != person_id))
        if person_id in s.people else s
        for s in stays
    )


def merged_people(stays: tuple[Stay, ...], keep_id: str, drop_id: str) -> tuple[Stay, ...]:
    """The stays once `drop_id` is folded into `keep_id` (each place lists them once)."""
    if not stays_of(stays, drop_id):
        return stays
    return tuple(
        attrs.evolve(s, people=tuple(dict.fromkeys(keep_id if p == drop_id else p
                                                   for p in s.people)))
        if drop_id in s.people else s
        for s in stays
    )
