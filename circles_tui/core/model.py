"""The workbook: everything said in one session, as immutable attrs values.

No Textual or Rich here. Values are frozen and changed by building new ones
(`attrs.evolve` or the helpers at the bottom), so the app's undo history is a
list of workbooks that share every part that did not change.

The shape of the worksheets (which circles, rings, supporter kinds, tree parts
and extra fields exist) is part of the file format and lives in
`worksheet_shape` (imported here too); the wording shown to people lives in
`circles_tui/core/wording/`. Look-ups by id are dictionaries built once per
workbook, so reading, checking and exporting grow linearly with its size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import attrs

from circles_tui.core.text import CONTROL_CHARACTERS, without_controls
from circles_tui.core.worksheet_shape import (  # noqa: F401 - part of the model's vocabulary
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    NAMED_BY,
    RING_COUNT,
    SUPPORTER_KINDS,
    TREE_PARTS,
    ExtraField,
)

if TYPE_CHECKING:
    from circles_tui.core.ecomap import Ecomap
    from circles_tui.core.family import Family
    from circles_tui.core.meeting import Meeting
    from circles_tui.core.mobility import Stay
    from circles_tui.core.step_questions import StepAnswer

FORMAT_NAME = "circles-tui workbook"
# 2 added [meeting]; 3 added the newer worksheets (ecomaps, the family, the mobility map,
# questions on every step). Older files still open.
FORMAT_VERSION = 3

# What a register entry is: groups, places and services sit beside people, one record each.
PERSON_KINDS: tuple[str, ...] = ("person", "group", "service", "place")

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")

ExtraValue = str | tuple[str, ...]

# A person's gender, for the genogram's symbols; "" when not said.
GENDERS: tuple[str, ...] = ("", "female", "male", "other")


class ModelError(ValueError):
    """A workbook broke one of its rules. `path` names the key, like `people[3].id`."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def printable(value: object) -> object:
    """Text (or a tuple of texts) with each terminal control character shown as U+FFFD;
    anything else as it came."""
    if isinstance(value, str):  # most are empty or plain: pass them without a further call
        return without_controls(value) if CONTROL_CHARACTERS.search(value) else value
    if isinstance(value, tuple) and any(isinstance(v, str) for v in value):
        return tuple(printable(v) for v in value)
    return value


def _printable_text(cls: type, fields: list[attrs.Attribute]) -> list[attrs.Attribute]:
    """Every text field of a record replaces control characters, whoever built it.

    Files carrying them are refused by storage with a sentence saying so; this keeps
    text typed or pasted into the app from ever holding them.
    """
    out = []
    for field in fields:
        if field.type in ("str", "tuple[str, ...]"):
            inner = field.converter
            field = field.evolve(converter=(
                printable if inner is None else (lambda value, inner=inner: printable(inner(value)))
            ))
        out.append(field)
    return out


def _tuple(value: Iterable) -> tuple:
    return tuple(value)


def _mapping(value: Mapping) -> dict:
    return dict(value)


def _extras(value: Mapping) -> dict:
    return {key: printable(item) for key, item in value.items()}


@attrs.frozen(field_transformer=_printable_text)
class About:
    """Who the workbook is about, who made it, and when."""

    child: str
    age: int | None = None
    pronouns: str = ""
    practitioner: str = ""
    organisation: str = ""
    session_dates: tuple[date, ...] = attrs.field(default=(), converter=_tuple)
    taking_part: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    # The young person agreed that their false supporters may appear in shared outputs.
    share_false_supporters: bool = False
    practitioner_note: str = ""


@attrs.frozen(field_transformer=_printable_text)
class Person:
    """Someone in the child's network, recorded once and referred to by `id`."""

    id: str
    name: str
    relationship: str = ""
    lives: str = ""  # a town, or a country when abroad
    contact: str = ""
    note: str = ""
    practitioner_note: str = ""
    living: bool = True  # the one record of whether someone has died
    known: bool = True  # False for someone the child never met
    concern: str = ""  # practitioner-only: discuss before inviting
    # A hold on contact, practitioner-only: nobody contacts them until this ("Kerry
    # agrees"); `hold_asked_by` is who asked for it. No hold while `hold_until` is blank.
    hold_until: str = ""
    hold_asked_by: str = ""
    kind: str = "person"  # one of PERSON_KINDS: a school or a club is a "group"
    gender: str = ""  # one of GENDERS
    # When someone died ("1998", "before I was born"), "" if not known; only with
    # `living` false, which stays the one record of whether they died.
    died: str = ""

    @property
    def on_hold(self) -> bool:
        return bool(self.hold_until.strip())


@attrs.frozen(field_transformer=_printable_text)
class Placement:
    """A person placed in one ring of a safety circle."""

    person: str
    ring: int
    named_by: str = ""
    note: str = ""  # in the child's words
    practitioner_note: str = ""
    extras: dict[str, ExtraValue] = attrs.field(factory=dict, converter=_extras)


@attrs.frozen(field_transformer=_printable_text)
class Supporter:
    """A person in one of the four supporter circles."""

    person: str
    what_they_do: str = ""
    how_to_use: str = ""
    reach: str = ""  # how to reach them
    note: str = ""
    practitioner_note: str = ""


@attrs.frozen(field_transformer=_printable_text)
class Answer:
    """An Appreciative Inquiry question as it was asked, and what was said."""

    question: str
    answer: str = ""


@attrs.frozen(field_transformer=_printable_text)
class TreePart:
    """One part of the Tree of Life (or the storms): the child's words and the talk around them."""

    words: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    answers: tuple[Answer, ...] = attrs.field(default=(), converter=_tuple)
    people: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # leaves: linked people
    practitioner_note: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.answers or self.people or self.practitioner_note)


def _circles(value: Mapping[str, Iterable[Placement]]) -> dict[str, tuple[Placement, ...]]:
    return {circle: tuple(value.get(circle, ())) for circle in CIRCLE_IDS} | {
        k: tuple(v) for k, v in value.items() if k not in CIRCLE_IDS
    }


def _supporters(value: Mapping[str, Iterable[Supporter]]) -> dict[str, tuple[Supporter, ...]]:
    return {kind: tuple(value.get(kind, ())) for kind in SUPPORTER_KINDS} | {
        k: tuple(v) for k, v in value.items() if k not in SUPPORTER_KINDS
    }


def _tree(value: Mapping[str, TreePart]) -> dict[str, TreePart]:
    return {part: value.get(part, TreePart()) for part in TREE_PARTS} | {
        k: v for k, v in value.items() if k not in TREE_PARTS
    }


def _no_family() -> Family:
    from circles_tui.core.family import Family  # family.py builds on this module

    return Family()


def _no_meeting() -> Meeting:
    from circles_tui.core.meeting import Meeting  # meeting.py builds on this module

    return Meeting()


def _questions(value: Mapping[str, Iterable[StepAnswer]]) -> dict[str, tuple[StepAnswer, ...]]:
    from circles_tui.core.step_questions import step_questions  # it builds on this module

    return step_questions(value)


@attrs.frozen
class Workbook:
    """One session's work with a child and family. Checked whole on construction."""

    about: About
    people: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    circles: dict[str, tuple[Placement, ...]] = attrs.field(factory=dict, converter=_circles)
    supporters: dict[str, tuple[Supporter, ...]] = attrs.field(
        factory=dict, converter=_supporters
    )
    tree: dict[str, TreePart] = attrs.field(factory=dict, converter=_tree)
    storms: TreePart | None = None
    meeting: Meeting = attrs.field(factory=_no_meeting)
    ecomaps: tuple[Ecomap, ...] = attrs.field(default=(), converter=_tuple)
    family: Family = attrs.field(factory=_no_family)
    # Appreciative Inquiry on each step, by step id (core/step_questions.py).
    questions: dict[str, tuple[StepAnswer, ...]] = attrs.field(factory=dict, converter=_questions)
    # The mobility map's places, in the order the child told them (core/mobility.py).
    mobility: tuple[Stay, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        from circles_tui.core.workbook_rules import check_workbook  # the rules build on this module

        check_workbook(self)

    # -- look-ups -----------------------------------------------------------------

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}

    def person(self, person_id: str) -> Person:
        """The person with this id; KeyError when there is none."""
        return self._people_by_id[person_id]

    def people_by_id(self) -> dict[str, Person]:
        return dict(self._people_by_id)

    def appearances(self, person_id: str) -> list[tuple[str, str]]:
        """Where a person appears, as (section, id) pairs: ("circle", "who-knows") etc."""
        return list(self._appearances.get(person_id, ()))

    @cached_property
    def _appearances(self) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {}
        sections: list[tuple[str, str, Iterable[str]]] = [
            *(("circle", c, (p.person for p in ps)) for c, ps in self.circles.items()),
            *(("supporter", k, (s.person for s in ss)) for k, ss in self.supporters.items()),
            *(("tree", part, tp.people) for part, tp in self.tree.items()),
        ]
        if self.storms is not None:
            sections.append(("tree", "storms", self.storms.people))
        sections += [("ecomap", e.id, e.people()) for e in self.ecomaps]
        sections += [("mobility", stay.id, stay.people) for stay in self.mobility]
        sections.append(("family", "links", (pid for link in self.family.links
                                             for pid in (link.a, link.b))))
        for section, key, person_ids in sections:
            for person_id in dict.fromkeys(person_ids):
                found.setdefault(person_id, []).append((section, key))
        return found


# -- building new workbooks ------------------------------------------------------------


def new_workbook(child: str, practitioner: str = "", today: date | None = None) -> Workbook:
    dates = (today,) if today else ()
    return Workbook(About(child=child, practitioner=practitioner, session_dates=dates))
