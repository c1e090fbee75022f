"""The rules every workbook keeps, checked whole whenever one is built (see
`Workbook.__attrs_post_init__`): each raises ModelError naming the key that broke it, like
`people[3].id`. Each newer worksheet checks its own records (meeting, ecomap, family, mobility,
questions on every step), called from here."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from circles_tui.core.model import (
    CIRCLE_FIELDS,
    GENDERS,
    ID_PATTERN,
    NAMED_BY,
    PERSON_KINDS,
    RING_COUNT,
    SUPPORTER_KINDS,
    TREE_PARTS,
    About,
    ExtraField,
    ExtraValue,
    ModelError,
    Person,
    Placement,
    TreePart,
    Workbook,
)
from circles_tui.core.text import has_visible_character


def check_workbook(workbook: Workbook) -> None:
    """Raise ModelError for the first broken rule, naming where it is."""
    if not isinstance(workbook.about, About):
        raise ModelError("about", "must be an About record")
    _check_about(workbook.about)
    ids = _checked_people_ids(workbook.people)
    for circle, placements in workbook.circles.items():
        if circle not in CIRCLE_FIELDS:
            raise ModelError(f"circles.{circle}", "there is no safety circle with this id")
        last = _sound_last_time.get(circle)
        if last is None or last[0] is not placements or last[1] is not ids:
            _check_placements(circle, placements, ids)
            _sound_last_time[circle] = (placements, ids)
    for kind, entries in workbook.supporters.items():
        if kind not in SUPPORTER_KINDS:
            raise ModelError(f"supporters.{kind}", "there is no supporter circle with this id")
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            path = f"supporters.{kind}[{index}]"
            _check_reference(f"{path}.person", entry.person, ids)
            if entry.person in seen:
                raise ModelError(f"{path}.person", f"{entry.person!r} is in this circle twice")
            seen.add(entry.person)
    for part, tree_part in workbook.tree.items():
        if part not in TREE_PARTS:
            raise ModelError(f"tree.{part}", "there is no part of the tree with this id")
        _check_tree_part(f"tree.{part}", tree_part, ids)
    if workbook.storms is not None:
        _check_tree_part("storms", workbook.storms, ids)
    from circles_tui.core.family import check_family
    from circles_tui.core.meeting import check_meeting

    check_meeting(workbook.meeting, ids)
    from circles_tui.core.ecomap import check_ecomaps

    check_ecomaps(workbook.ecomaps, ids)
    check_family(workbook.family, ids)
    from circles_tui.core.step_questions import check_step_questions

    check_step_questions(workbook.questions)
    from circles_tui.core.mobility import check_mobility

    check_mobility(workbook.mobility, ids)


# What the last check found sound, by the very objects: records never change, and an edit
# keeps every tuple it did not touch, so most edits bring the same people and all but one
# circle's placements again. Checking 1,000 people and their placements on every key was
# most of an edit's cost. (Identity, not equality: these hold the objects, so no other
# object can have their ids meanwhile.)
_people_last_time: tuple[tuple[Person, ...], frozenset[str]] | None = None
_sound_last_time: dict[str, tuple[tuple[Placement, ...], frozenset[str]]] = {}


def _checked_people_ids(people: tuple[Person, ...]) -> frozenset[str]:
    """The ids of `people`, once each person is checked (or was, as this very tuple)."""
    global _people_last_time
    last = _people_last_time
    if last is not None and last[0] is people:
        return last[1]
    ids: set[str] = set()
    for index, person in enumerate(people):
        path = f"people[{index}]"
        if not isinstance(person, Person):
            raise ModelError(path, "must be a Person record")
        _check_id(f"{path}.id", person.id)
        if person.id in ids:
            raise ModelError(f"{path}.id", f"the id {person.id!r} is used by two people")
        ids.add(person.id)
        if not has_visible_character(person.name):
            raise ModelError(f"{path}.name", "every person needs a name (a blank or an "
                             "invisible character is not one)")
        if person.kind not in PERSON_KINDS:
            raise ModelError(f"{path}.kind", f"must be one of {', '.join(PERSON_KINDS)}")
        if person.gender not in GENDERS:
            raise ModelError(f"{path}.gender", "must be female, male or other (or left out)")
        if person.died and person.living:
            raise ModelError(f"{path}.died", "'died' says when someone died: add "
                             "living = false too, or take 'died' out")
    checked = frozenset(ids)
    _people_last_time = (people, checked)
    return checked


def _check_about(about: About) -> None:
    if not has_visible_character(about.child):
        raise ModelError("about.child", "the child's name or initials are needed")
    if about.age is not None and (
        type(about.age) is not int or not (0 <= about.age <= 25)  # 8.5 or True would not load
    ):
        raise ModelError("about.age", "the age must be a whole number from 0 to 25")


def _check_id(path: str, value: str) -> None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ModelError(
            path,
            "an id is 1 to 64 lower-case letters, digits or dashes, starting with a letter or digit",
        )


def _check_reference(path: str, person_id: str, ids: AbstractSet[str]) -> None:
    if person_id not in ids:
        raise ModelError(path, f"no one in the people list has the id {person_id!r}")


def _check_placements(circle: str, placements: tuple[Placement, ...],
                      ids: AbstractSet[str]) -> None:
    fields = {field.id: field for field in CIRCLE_FIELDS[circle]}
    seen: set[str] = set()
    for index, placement in enumerate(placements):
        path = f"circles.{circle}[{index}]"
        _check_reference(f"{path}.person", placement.person, ids)
        if placement.person in seen:
            raise ModelError(f"{path}.person", f"{placement.person!r} is in this circle twice")
        seen.add(placement.person)
        if type(placement.ring) is not int or placement.ring not in range(1, RING_COUNT + 1):
            raise ModelError(f"{path}.ring", f"the ring must be a whole number from 1 to {RING_COUNT}")
        if placement.named_by and placement.named_by not in NAMED_BY:
            raise ModelError(f"{path}.named_by", f"must be one of {', '.join(NAMED_BY)}")
        for key, value in placement.extras.items():
            field = fields.get(key)
            if field is None:
                raise ModelError(f"{path}.{key}", "this circle has no such field")
            _check_extra(f"{path}.{key}", field, value)


def _check_extra(path: str, field: ExtraField, value: ExtraValue) -> None:
    if field.kind == "text":
        if not isinstance(value, str):
            raise ModelError(path, "must be text")
    elif field.kind == "choice":
        if value not in field.choices:
            raise ModelError(path, f"must be one of {', '.join(field.choices)}")
    else:
        if not isinstance(value, tuple) or any(v not in field.choices for v in value):
            raise ModelError(path, f"must be a list drawn from {', '.join(field.choices)}")
        if len(set(value)) != len(value):
            raise ModelError(path, "lists each choice once at most")


def _check_tree_part(path: str, part: TreePart, ids: AbstractSet[str]) -> None:
    for index, answer in enumerate(part.answers):
        if not answer.question.strip():
            raise ModelError(f"{path}.answers[{index}].question", "the question asked is needed")
    for index, person_id in enumerate(part.people):
        _check_reference(f"{path}.people[{index}]", person_id, ids)
    if len(set(part.people)) != len(part.people):
        raise ModelError(f"{path}.people", "lists a person twice")


