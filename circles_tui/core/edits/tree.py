"""Edits to the Tree of Life, the storms of life and the people on the leaves.

Each operation takes the workbook last, so `functools.partial(add_words, "roots", "Leeds")`
is an `Operation`. A part is one of `TREE_PARTS` or `STORMS`. An entry that was on screen
when the practitioner chose it (words, an answer) is named by its place and what it said
then: if either no longer matches (an undo while a dialog was open, say), the edit is
refused instead of landing on whatever took its place.
"""

from __future__ import annotations

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits.people import add_person, new_person_id, replace_person
from circles_tui.core.model import Answer, Person, Placement, TreePart, Workbook

STORMS = "storms"
LEAVES = "leaves"
WHO_MATTERS = "who-matters"
WHO_MATTERS_RING = 2  # "Important to me": the practitioner can move them later

_STORMS_NOT_STARTED = "The storms of life have not been started."
_WORDS_GONE = "Those words were changed or removed in the meantime, so nothing was changed."
_ANSWER_GONE = "That answer was changed or removed in the meantime, so nothing was changed."
_PERSON_GONE = "That person is no longer in the workbook, so nothing was changed."


# -- reading and writing one part -------------------------------------------------------


def part_of(workbook: Workbook, part: str) -> TreePart | None:
    """A part of the tree, or the storms (None until they are started)."""
    return workbook.storms if part == STORMS else workbook.tree[part]


def set_tree_part(workbook: Workbook, part: str, tree_part: TreePart) -> Workbook:
    if part == STORMS:
        return attrs.evolve(workbook, storms=tree_part)
    return attrs.evolve(workbook, tree={**workbook.tree, part: tree_part})


def _started(workbook: Workbook, part: str) -> TreePart:
    current = part_of(workbook, part)
    if current is None:
        raise EditRefused(_STORMS_NOT_STARTED)
    return current


def _with(workbook: Workbook, part: str, current: TreePart, **changes: object) -> Workbook:
    updated = attrs.evolve(current, **changes)
    return workbook if updated == current else set_tree_part(workbook, part, updated)


_GONE = {"words": _WORDS_GONE, "answers": _ANSWER_GONE}


def _entries(current: TreePart, field: str, index: int, old: object) -> tuple:
    """The part's words or answers, once sure the one at `index` is still `old`."""
    entries = getattr(current, field)
    if not (0 <= index < len(entries)) or entries[index] != old:
        raise EditRefused(_GONE[field])
    return entries


def _change_entry(
    workbook: Workbook, part: str, field: str, index: int, old: object, new: object | None
) -> Workbook:
    """Replace the words or answer at `index` with `new`, or remove it when `new` is None."""
    current = _started(workbook, part)
    entries = _entries(current, field, index, old)
    kept = () if new is None else (new,)
    return _with(workbook, part, current, **{field: entries[:index] + kept + entries[index + 1:]})


# -- the child's words ----------------------------------------------------------------


def add_words(part: str, words: str, workbook: Workbook) -> Workbook:
    words = words.strip()
    if not words:
        return workbook
    current = _started(workbook, part)
    return _with(workbook, part, current, words=current.words + (words,))


def edit_words(part: str, index: int, old: str, new: str, workbook: Workbook) -> Workbook:
    new = new.strip()
    if not new:
        raise EditRefused("Words cannot be left empty; remove them instead.")
    return _change_entry(workbook, part, "words", index, old, new)


def remove_words(part: str, index: int, old: str, workbook: Workbook) -> Workbook:
    return _change_entry(workbook, part, "words", index, old, None)


def move_words(part: str, index: int, old: str, step: int, workbook: Workbook) -> Workbook:
    """Swap words with their neighbour `step` places on; at either end nothing moves."""
    current = _started(workbook, part)
    words = list(_entries(current, "words", index, old))
    target = index + step
    if not (0 <= target < len(words)):
        return workbook
    words[index], words[target] = words[target], words[index]
    return _with(workbook, part, current, words=tuple(words))


# -- Appreciative Inquiry questions ----------------------------------------------------


def add_answer(part: str, answer: Answer, workbook: Workbook) -> Workbook:
    current = _started(workbook, part)
    return _with(workbook, part, current, answers=current.answers + (answer,))


def edit_answer(part: str, index: int, old: Answer, new: Answer, workbook: Workbook) -> Workbook:
    return _change_entry(workbook, part, "answers", index, old, new)


def remove_answer(part: str, index: int, old: Answer, workbook: Workbook) -> Workbook:
    return _change_entry(workbook, part, "answers", index, old, None)


# -- the practitioner's note (never in child view or shared copies) --------------------


def set_practitioner_note(part: str, note: str, workbook: Workbook) -> Workbook:
    return _with(workbook, part, _started(workbook, part), practitioner_note=note.strip())


def remove_practitioner_note(part: str, workbook: Workbook) -> Workbook:
    return set_practitioner_note(part, "", workbook)


# -- the people on the leaves ------------------------------------------------------------


def _person(workbook: Workbook, person_id: str) -> Person:
    try:
        return workbook.person(person_id)
    except KeyError:
        raise EditRefused(_PERSON_GONE) from None


def link_person(person_id: str, workbook: Workbook) -> Workbook:
    """Put someone already in the workbook on the leaves (once)."""
    _person(workbook, person_id)
    leaves = workbook.tree[LEAVES]
    if person_id in leaves.people:
        return workbook
    return _with(workbook, LEAVES, leaves, people=leaves.people + (person_id,))


def link_new_person(person: Person, workbook: Workbook) -> Workbook:
    """Add someone new to the workbook and put them on the leaves. Their id is kept when it
    is still free (the screen selects them by it), else a fresh one is made from the name."""
    if any(p.id == person.id for p in workbook.people):
        person = attrs.evolve(person, id=new_person_id(workbook=workbook, name=person.name))
    return link_person(person.id, add_person(workbook=workbook, person=person))


def unlink_person(person_id: str, workbook: Workbook) -> Workbook:
    """Take someone off the leaves; they stay in the people list and everywhere else."""
    leaves = workbook.tree[LEAVES]
    people = tuple(x for x in leaves.people if x != person_id)
    return _with(workbook, LEAVES, leaves, people=people)


def _set_person(person_id: str, workbook: Workbook, **changes: object) -> Workbook:
    person = _person(workbook, person_id)
    changed = attrs.evolve(person, **changes)
    return workbook if changed == person else replace_person(workbook=workbook, person=changed)


def set_living(person_id: str, living: bool, workbook: Workbook) -> Workbook:
    """Living, or passed away (when they died goes with being living again)."""
    return _set_person(person_id, workbook, living=living,
                       **({"died": ""} if living else {}))


def set_known(person_id: str, known: bool, workbook: Workbook) -> Workbook:
    """Known to the child, or never met."""
    return _set_person(person_id, workbook, known=known)


def set_leaf_note(person_id: str, note: str, workbook: Workbook) -> Workbook:
    """What the child says about someone: their note wherever they appear."""
    return _set_person(person_id, workbook, note=note.strip())


def add_leaf_to_who_matters(person_id: str, workbook: Workbook) -> Workbook:
    """Place someone from the leaves in "Who matters", named by the child (once)."""
    person = _person(workbook, person_id)
    if not (person.living and person.known):
        raise EditRefused("Only living people the child knows can join this circle.")
    placements = workbook.circles.get(WHO_MATTERS, ())
    if any(p.person == person_id for p in placements):
        return workbook
    placement = Placement(person_id, WHO_MATTERS_RING, named_by="child")
    return attrs.evolve(
        workbook, circles={**workbook.circles, WHO_MATTERS: placements + (placement,)}
    )


# -- the storms of life ------------------------------------------------------------------


def start_storms(workbook: Workbook) -> Workbook:
    """Open the optional storms of life; once started they stay until undone."""
    if workbook.storms is not None:
        return workbook
    return attrs.evolve(workbook, storms=TreePart())
