"""The `[meeting]` table of a workbook file (format version 2): reading and writing it.

No Textual or Rich here. `file_format` calls `read_meeting` with its reader (whose typed
getters raise `ModelError` naming the key) and `meeting_chunks` when writing. A file
without a `[meeting]` table (every version-1 file) gets an empty meeting, and an empty
meeting writes nothing, so such a file keeps its shape when saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from circles_tui.core.meeting import (
    ChildVoice,
    ChildWords,
    FamilyPlan,
    Invitation,
    Meeting,
    PlanRow,
)
from circles_tui.core.model import ModelError

_DATE = "a date like 2026-04-02"


def read_meeting(reader: Any, doc: dict[str, Any]) -> Meeting:
    """The meeting in a parsed document; `reader` is file_format's `_WorkbookReader`."""
    t = reader._table(doc, "meeting", "")
    if not t:
        return Meeting()
    p = "meeting"
    reader._only(t, p, {"on", "place", "facilitator", "invitations", "child_voice", "plan",
                        "practitioner_note"})
    invitations = tuple(
        _invitation(reader, item, f"{p}.invitations[{i}]")
        for i, item in enumerate(reader._tables(t, "invitations", p))
    )
    return Meeting(
        on=_date(reader, t, "on", p),
        place=reader._str(t, "place", p),
        facilitator=reader._str(t, "facilitator", p),
        invitations=invitations,
        child_voice=_child_voice(reader, reader._table(t, "child_voice", p), f"{p}.child_voice"),
        plan=_plan(reader, reader._table(t, "plan", p), f"{p}.plan"),
        practitioner_note=reader._str(t, "practitioner_note", p),
    )


def _invitation(reader: Any, t: dict[str, Any], p: str) -> Invitation:
    reader._only(t, p, {"person", "family_wants", "decided_by", "asked_by", "how", "status",
                        "may_be_told", "consent_by", "consent_on", "needs", "needs_note",
                        "practitioner_note"})
    return Invitation(
        person=reader._str(t, "person", p, required=True),
        family_wants=reader._str(t, "family_wants", p),
        decided_by=reader._str(t, "decided_by", p),
        asked_by=reader._str(t, "asked_by", p),
        how=reader._str(t, "how", p),
        status=reader._str(t, "status", p) or "not-asked",
        may_be_told=reader._str(t, "may_be_told", p),
        consent_by=reader._str(t, "consent_by", p),
        consent_on=_date(reader, t, "consent_on", p),
        needs=reader._list(t, "needs", p, str, "text"),
        needs_note=reader._str(t, "needs_note", p),
        practitioner_note=reader._str(t, "practitioner_note", p),
    )


def _child_voice(reader: Any, t: dict[str, Any], p: str) -> ChildVoice:
    reader._only(t, p, {"words", "taking_part", "speaker", "practitioner_note"})
    words = []
    for i, item in enumerate(reader._tables(t, "words", p)):
        q = f"{p}.words[{i}]"
        reader._only(item, q, {"text", "source"})
        words.append(ChildWords(reader._str(item, "text", q, required=True),
                                reader._str(item, "source", q)))
    return ChildVoice(
        words=tuple(words),
        taking_part=reader._list(t, "taking_part", p, str, "text"),
        speaker=reader._str(t, "speaker", p),
        practitioner_note=reader._str(t, "practitioner_note", p),
    )


def _plan(reader: Any, t: dict[str, Any], p: str) -> FamilyPlan:
    reader._only(t, p, {"rows", "strengths", "review_on"})
    rows = []
    for i, item in enumerate(reader._tables(t, "rows", p)):
        q = f"{p}.rows[{i}]"
        reader._only(item, q, {"worry", "action", "who", "when", "fallback"})
        rows.append(PlanRow(**{key: reader._str(item, key, q)
                               for key in ("worry", "action", "who", "when", "fallback")}))
    return FamilyPlan(
        rows=tuple(rows),
        strengths=reader._list(t, "strengths", p, str, "text"),
        review_on=_date(reader, t, "review_on", p),
    )


def _date(reader: Any, t: dict[str, Any], key: str, p: str) -> date | None:
    value = reader._value(t, key, p, date, _DATE, False)
    if value is not None and type(value) is not date:  # a date and time is a datetime
        raise ModelError(f"{p}.{key}", f"{key!r} must be {_DATE}, without a time")
    return value


# -- writing ----------------------------------------------------------------------------------


def meeting_chunks(
    meeting: Meeting,
    values: Callable[[dict[str, Any]], str],
    record: Callable[[Any, tuple[str, ...]], dict[str, Any]],
) -> Iterator[str]:
    """The `[meeting]` tables, or nothing for an empty meeting. `values` writes `key = value`
    lines and `record` gives a record's non-default fields (both from file_format)."""
    if meeting.is_empty:
        return
    yield "\n[meeting]\n"
    yield values(record(meeting, ("invitations", "child_voice", "plan")))
    for invitation in meeting.invitations:
        yield "\n[[meeting.invitations]]\n"
        yield values(record(invitation, ()))
    voice = meeting.child_voice
    if voice != ChildVoice():
        yield "\n[meeting.child_voice]\n"
        yield values(record(voice, ("words",)))
        for words in voice.words:
            yield "\n[[meeting.child_voice.words]]\n"
            yield values(record(words, ()))
    plan = meeting.plan
    if plan != FamilyPlan():
        yield "\n[meeting.plan]\n"
        yield values(record(plan, ("rows",)))
        for row in plan.rows:
            yield "\n[[meeting.plan.rows]]\n"
            yield values(record(row, ()))
