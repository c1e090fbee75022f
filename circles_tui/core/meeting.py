"""The Family Network Meeting: who is invited, the child's voice, and the family plan.

No Textual or Rich here. Like the rest of the workbook these are frozen attrs values,
checked whole by `check_meeting` (called from `check_workbook`). The app never decides
who is invited: an invitation records what the family decided and who decided it.

`FAMILY_SEES` is the one place that says which meeting fields the family's own copy of
the plan may show; `for_family` applies it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from circles_tui.core.model import ModelError, _printable_text

# What the family decided about inviting someone ("" = not decided yet).
FAMILY_CHOICES: tuple[str, ...] = ("yes", "no", "unsure")
INVITE_STATUSES: tuple[str, ...] = (
    "not-asked", "asked", "coming", "cant-come", "declined", "not-now",
)
NEEDS: tuple[str, ...] = ("interpreter", "travel", "time", "video")
TAKING_PART: tuple[str, ...] = ("there", "letter", "drawing", "trusted-adult")


def _tuple(value: Iterable) -> tuple:
    return tuple(value)


@attrs.frozen(field_transformer=_printable_text)
class Invitation:
    """One person the family might invite, and how asking them is going."""

    person: str
    family_wants: str = ""  # one of FAMILY_CHOICES, or "" while undecided
    decided_by: str = ""  # who in the family decided
    asked_by: str = ""  # who will ask them (someone the family chooses)
    how: str = ""  # how they will be asked
    status: str = "not-asked"
    may_be_told: str = ""  # what they may be told about the worries
    consent_by: str = ""  # who agreed they may be told
    consent_on: date | None = None
    needs: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    needs_note: str = ""  # which language, what time works...
    practitioner_note: str = ""  # advice and concerns: recorded, never a decision


@attrs.frozen(field_transformer=_printable_text)
class ChildWords:
    """Something the child wants the meeting to know, and where it came from."""

    text: str
    source: str = ""  # where it was picked from ("Tree of Life: Branches"), "" if new


@attrs.frozen(field_transformer=_printable_text)
class ChildVoice:
    """How the child's voice is heard at the meeting."""

    words: tuple[ChildWords, ...] = attrs.field(default=(), converter=_tuple)
    taking_part: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    speaker: str = ""  # the person id of a trusted adult speaking for the child
    practitioner_note: str = ""


@attrs.frozen(field_transformer=_printable_text)
class PlanRow:
    """One worry and what the network will do about it."""

    worry: str
    action: str = ""  # what will happen
    who: str = ""
    when: str = ""  # when, or how often
    fallback: str = ""  # what happens if it doesn't


@attrs.frozen(field_transformer=_printable_text)
class FamilyPlan:
    rows: tuple[PlanRow, ...] = attrs.field(default=(), converter=_tuple)
    strengths: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    review_on: date | None = None


@attrs.frozen(field_transformer=_printable_text)
class Meeting:
    """The Family Network Meeting: when, where, who facilitates, and what it prepares."""

    on: date | None = None
    place: str = ""
    facilitator: str = ""
    invitations: tuple[Invitation, ...] = attrs.field(default=(), converter=_tuple)
    child_voice: ChildVoice = attrs.field(factory=ChildVoice)
    plan: FamilyPlan = attrs.field(factory=FamilyPlan)
    practitioner_note: str = ""

    @property
    def is_empty(self) -> bool:
        return self == Meeting()

    def invitation(self, person_id: str) -> Invitation | None:
        return next((i for i in self.invitations if i.person == person_id), None)


# Which fields the family's own copy may show, record by record. Anything not named
# here (practitioner notes and whatever is added later) stays out until someone decides.
FAMILY_SEES: dict[type, tuple[str, ...]] = {
    Meeting: ("on", "place", "facilitator", "invitations", "child_voice", "plan"),
    Invitation: ("person", "family_wants", "decided_by", "asked_by", "how", "status",
                 "may_be_told", "consent_by", "consent_on", "needs", "needs_note"),
    ChildVoice: ("words", "taking_part", "speaker"),
    ChildWords: ("text", "source"),
    FamilyPlan: ("rows", "strengths", "review_on"),
    PlanRow: ("worry", "action", "who", "when", "fallback"),
}


def for_family(value):
    """A meeting (or any record in it) with only the fields `FAMILY_SEES` lets through."""
    if isinstance(value, tuple):
        return tuple(for_family(item) for item in value)
    if type(value) not in FAMILY_SEES:
        return value
    shown = FAMILY_SEES[type(value)]
    changes = {}
    for field in attrs.fields(type(value)):
        if field.name in shown:
            changes[field.name] = for_family(getattr(value, field.name))
        elif field.default is not attrs.NOTHING:
            default = field.default
            changes[field.name] = (
                default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
            )
    return attrs.evolve(value, **changes)


# -- rules ---------------------------------------------------------------------------------


def check_meeting(meeting: Meeting, ids: set[str]) -> None:
    """Raise ModelError for the first broken rule of the meeting, naming where it is."""
    if not isinstance(meeting, Meeting):
        raise ModelError("meeting", "must be a Meeting record")
    seen: set[str] = set()
    for index, invitation in enumerate(meeting.invitations):
        path = f"meeting.invitations[{index}]"
        if invitation.person not in ids:
            raise ModelError(f"{path}.person",
                             f"no one in the people list has the id {invitation.person!r}")
        if invitation.person in seen:
            raise ModelError(f"{path}.person", f"{invitation.person!r} is invited twice")
        seen.add(invitation.person)
        _one_of(f"{path}.family_wants", invitation.family_wants, FAMILY_CHOICES, blank=True)
        _one_of(f"{path}.status", invitation.status, INVITE_STATUSES)
        _drawn_from(f"{path}.needs", invitation.needs, NEEDS)
    voice = meeting.child_voice
    for index, words in enumerate(voice.words):
        if not words.text.strip():
            raise ModelError(f"meeting.child_voice.words[{index}].text", "the child's words are needed")
    _drawn_from("meeting.child_voice.taking_part", voice.taking_part, TAKING_PART)
    if voice.speaker and voice.speaker not in ids:
        raise ModelError("meeting.child_voice.speaker",
                         f"no one in the people list has the id {voice.speaker!r}")
    for index, row in enumerate(meeting.plan.rows):
        if not (row.worry.strip() or row.action.strip()):
            raise ModelError(f"meeting.plan.rows[{index}].worry",
                             "a row of the plan needs a worry or what will happen")
    for index, strength in enumerate(meeting.plan.strengths):
        if not strength.strip():
            raise ModelError(f"meeting.plan.strengths[{index}]", "a strength cannot be empty")


def _one_of(path: str, value: str, choices: tuple[str, ...], blank: bool = False) -> None:
    if not (blank and value == "") and value not in choices:
        raise ModelError(path, f"must be one of {', '.join(choices)}")


def _drawn_from(path: str, values: tuple[str, ...], choices: tuple[str, ...]) -> None:
    if any(v not in choices for v in values):
        raise ModelError(path, f"must be a list drawn from {', '.join(choices)}")
    if len(set(values)) != len(values):
        raise ModelError(path, "lists each choice once at most")


# -- people leaving the register -------------------------------------------------------------


def without_person(meeting: Meeting, person_id: str) -> Meeting:
    """The meeting once `person_id` is removed from the people list."""
    invitations = tuple(i for i in meeting.invitations if i.person != person_id)
    voice = meeting.child_voice
    if voice.speaker == person_id:
        voice = attrs.evolve(voice, speaker="")
    if invitations == meeting.invitations and voice is meeting.child_voice:
        return meeting
    return attrs.evolve(meeting, invitations=invitations, child_voice=voice)


def merged_people(meeting: Meeting, keep_id: str, drop_id: str) -> Meeting:
    """The meeting once `drop_id` is folded into `keep_id`; `keep_id`'s own invitation wins."""
    has_keep = meeting.invitation(keep_id) is not None
    invitations = tuple(
        attrs.evolve(i, person=keep_id) if i.person == drop_id else i
        for i in meeting.invitations
        if not (i.person == drop_id and has_keep)
    )
    voice = meeting.child_voice
    if voice.speaker == drop_id:
        voice = attrs.evolve(voice, speaker=keep_id)
    if invitations == meeting.invitations and voice is meeting.child_voice:
        return meeting
    return attrs.evolve(meeting, invitations=invitations, child_voice=voice)
