"""Edits to the Family Network Meeting: details, invitations, the child's voice, the plan.

Each takes the workbook last, so a step posts `partial(op, ...)`. Records are found by
value (the invitation's person, the words or plan row as they were shown), so an edit
made in a dialog opened before some other change still lands on the right record, or is
refused with a sentence when that record has gone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.meeting import (
    FAMILY_CHOICES,
    INVITE_STATUSES,
    ChildWords,
    Invitation,
    PlanRow,
)
from circles_tui.core.model import Workbook


def _meeting(workbook: Workbook, **changes) -> Workbook:
    return attrs.evolve(workbook, meeting=attrs.evolve(workbook.meeting, **changes))


def set_details(on: date | None, place: str, facilitator: str, practitioner_note: str,
                workbook: Workbook) -> Workbook:
    """When and where the meeting is, who facilitates it, and the practitioner's note."""
    return _meeting(workbook, on=on, place=place.strip(), facilitator=facilitator.strip(),
                    practitioner_note=practitioner_note.strip())


# -- invitations -------------------------------------------------------------------------------


def _change_invitation(workbook: Workbook, person_id: str,
                       change: Callable[[Invitation], Invitation]) -> Workbook:
    """Change one person's invitation, making it on first use."""
    if person_id not in {p.id for p in workbook.people}:
        raise EditRefused("That person is no longer in the workbook.")
    meeting = workbook.meeting
    current = meeting.invitation(person_id)
    if current is None:
        invitations = meeting.invitations + (change(Invitation(person_id)),)
    else:
        invitations = tuple(change(i) if i.person == person_id else i
                            for i in meeting.invitations)
    return _meeting(workbook, invitations=invitations)


def record_family_decision(person_id: str, wants: str, decided_by: str,
                           workbook: Workbook) -> Workbook:
    """What the family decided about inviting someone, and who decided. The app only records."""
    if wants not in FAMILY_CHOICES + ("",):
        raise EditRefused(f"{wants!r} is not one of the family's choices.")
    if wants and not decided_by.strip():
        raise EditRefused("Say who in the family made this decision.")
    return _change_invitation(workbook, person_id, lambda i: attrs.evolve(
        i, family_wants=wants, decided_by=decided_by.strip() if wants else ""))


def set_status(person_id: str, status: str, workbook: Workbook) -> Workbook:
    if status not in INVITE_STATUSES:
        raise EditRefused(f"{status!r} is not a status an invitation can have.")
    return _change_invitation(workbook, person_id, lambda i: attrs.evolve(i, status=status))


def set_needs(person_id: str, needs: tuple[str, ...], note: str, workbook: Workbook) -> Workbook:
    """What someone needs to take part (interpreter, travel, a time, video) and the details."""
    return _change_invitation(workbook, person_id, lambda i: attrs.evolve(
        i, needs=tuple(dict.fromkeys(needs)), needs_note=note.strip()))


def set_asking(person_id: str, asked_by: str, how: str, may_be_told: str, consent_by: str,
               consent_on: date | None, practitioner_note: str, workbook: Workbook) -> Workbook:
    """Who asks them and how, what they may be told about the worries and whose consent."""
    if may_be_told.strip() and not consent_by.strip():
        raise EditRefused("Say who gave consent for them to be told about the worries.")
    return _change_invitation(workbook, person_id, lambda i: attrs.evolve(
        i, asked_by=asked_by.strip(), how=how.strip(), may_be_told=may_be_told.strip(),
        consent_by=consent_by.strip(), consent_on=consent_on,
        practitioner_note=practitioner_note.strip()))


# -- the child's voice ---------------------------------------------------------------------------


def _voice(workbook: Workbook, **changes) -> Workbook:
    return _meeting(workbook, child_voice=attrs.evolve(workbook.meeting.child_voice, **changes))


def add_child_words(words: ChildWords, workbook: Workbook) -> Workbook:
    if not words.text.strip():
        raise EditRefused("There are no words to add.")
    current = workbook.meeting.child_voice.words
    if any(w.text == words.text for w in current):
        raise EditRefused("These words are already there.")
    return _voice(workbook, words=current + (words,))


def _index(entries: tuple, old: object, what: str) -> int:
    try:
        return entries.index(old)
    except ValueError:
        raise EditRefused(f"{what} changed meanwhile; look again and retry.") from None


def change_child_words(old: ChildWords, text: str, workbook: Workbook) -> Workbook:
    """Reword something the child said (their own change of words: the source stays)."""
    if not text.strip():
        raise EditRefused("The child's words cannot be empty; remove them instead.")
    words = workbook.meeting.child_voice.words
    index = _index(words, old, "These words")
    new = attrs.evolve(old, text=text.strip())
    return _voice(workbook, words=words[:index] + (new,) + words[index + 1:])


def remove_child_words(old: ChildWords, workbook: Workbook) -> Workbook:
    words = workbook.meeting.child_voice.words
    index = _index(words, old, "These words")
    return _voice(workbook, words=words[:index] + words[index + 1:])


def set_taking_part(ways: tuple[str, ...], speaker: str, workbook: Workbook) -> Workbook:
    """How the child takes part, and which trusted adult (if any) speaks for them."""
    if speaker and speaker not in {p.id for p in workbook.people}:
        raise EditRefused("That person is no longer in the workbook.")
    return _voice(workbook, taking_part=tuple(dict.fromkeys(ways)), speaker=speaker)


# -- the family plan -------------------------------------------------------------------------------


def _plan(workbook: Workbook, **changes) -> Workbook:
    return _meeting(workbook, plan=attrs.evolve(workbook.meeting.plan, **changes))


def _check_row(row: PlanRow) -> None:
    if not (row.worry.strip() or row.action.strip()):
        raise EditRefused("Write the worry, or what will happen, before adding the row.")


def add_plan_row(row: PlanRow, workbook: Workbook) -> Workbook:
    _check_row(row)
    return _plan(workbook, rows=workbook.meeting.plan.rows + (row,))


def replace_plan_row(old: PlanRow, new: PlanRow, workbook: Workbook) -> Workbook:
    _check_row(new)
    rows = workbook.meeting.plan.rows
    index = _index(rows, old, "This row of the plan")
    return _plan(workbook, rows=rows[:index] + (new,) + rows[index + 1:])


def remove_plan_row(old: PlanRow, workbook: Workbook) -> Workbook:
    rows = workbook.meeting.plan.rows
    index = _index(rows, old, "This row of the plan")
    return _plan(workbook, rows=rows[:index] + rows[index + 1:])


def add_strength(strength: str, workbook: Workbook) -> Workbook:
    strength = strength.strip()
    if not strength:
        raise EditRefused("There is no strength to add.")
    strengths = workbook.meeting.plan.strengths
    if strength in strengths:
        raise EditRefused("This strength is already in the plan.")
    return _plan(workbook, strengths=strengths + (strength,))


def remove_strength(strength: str, workbook: Workbook) -> Workbook:
    strengths = workbook.meeting.plan.strengths
    index = _index(strengths, strength, "This strength")
    return _plan(workbook, strengths=strengths[:index] + strengths[index + 1:])


def set_review_date(review_on: date | None, workbook: Workbook) -> Workbook:
    return _plan(workbook, review_on=review_on)

