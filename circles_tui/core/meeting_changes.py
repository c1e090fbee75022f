"""What changed in the meeting between two versions of a workbook, in plain sentences.

Called by `change_report` (for `circles diff` and the compare dialog). Like the rest of
that report, practitioner-only notes are never quoted: a sentence says that one changed.
No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable

from circles_tui.core.change_report import list_changes
from circles_tui.core.meeting import Invitation, Meeting, PlanRow
from circles_tui.core.wording import Wording


def meeting_changes(old: Meeting, new: Meeting, wording: Wording,
                    name: Callable[[str], str]) -> list[str]:
    """Sentences (without full stops) about the meeting; `name` gives a person's name by id."""
    out: list[str] = []
    labels = wording.meeting
    for what, before, after in (("The meeting date", old.on, new.on),
                                ("The meeting place", old.place, new.place),
                                ("The meeting's facilitator", old.facilitator, new.facilitator)):
        if before != after:
            out.append(f"{what} was {'taken out' if not after else f'set to {after}'}")
    if old.practitioner_note != new.practitioner_note:
        out.append("The practitioner-only note about the meeting changed")

    before = {i.person: i for i in old.invitations}
    after = {i.person: i for i in new.invitations}
    for pid in dict.fromkeys([*before, *after]):
        out += _invitation(name(pid), before.get(pid, Invitation(pid)),
                           after.get(pid, Invitation(pid)), labels)

    voice_old, voice_new = old.child_voice, new.child_voice
    out += list_changes([w.text for w in voice_old.words], [w.text for w in voice_new.words],
                        lambda text: f'The child\'s words "{text}" were added for the meeting',
                        lambda text: f'The child\'s words "{text}" were taken out')
    if (voice_old.taking_part, voice_old.speaker) != (voice_new.taking_part, voice_new.speaker):
        ways = ", ".join(labels.taking_part[w] for w in voice_new.taking_part) or "not decided"
        out.append(f"How the child takes part changed to: {ways}")

    plan_old, plan_new = old.plan, new.plan
    out += list_changes(plan_old.rows, plan_new.rows,
                        lambda row: f'A row was added to the family plan: "{_said(row)}"',
                        lambda row: f'A row was taken out of the family plan: "{_said(row)}"')
    out += list_changes(plan_old.strengths, plan_new.strengths,
                        lambda s: f'The strength "{s}" was added to the plan',
                        lambda s: f'The strength "{s}" was taken out of the plan')
    if plan_old.review_on != plan_new.review_on:
        out.append("The plan's review date was "
                   + (f"set to {plan_new.review_on}" if plan_new.review_on else "taken out"))
    return out


def _said(row: PlanRow) -> str:
    """A plan row in a sentence: its worry, or what will be done when there is none."""
    return row.worry or row.action


def _invitation(who: str, old: Invitation, new: Invitation, labels) -> list[str]:
    out: list[str] = []
    if (old.family_wants, old.decided_by) != (new.family_wants, new.decided_by):
        decision = labels.family_choices.get(new.family_wants, "not decided yet")
        by = f" ({new.decided_by})" if new.decided_by else ""
        out.append(f"The family's decision about inviting {who}: {decision}{by}")
    if old.status != new.status:
        out.append(f"{who}'s invitation: {labels.statuses[new.status]}")
    if (old.asked_by, old.how) != (new.asked_by, new.how):
        out.append(f"Who asks {who}, or how, changed")
    if (old.may_be_told, old.consent_by, old.consent_on) != (
            new.may_be_told, new.consent_by, new.consent_on):
        out.append(f"What {who} may be told about the worries, or the consent for it, changed")
    if (old.needs, old.needs_note) != (new.needs, new.needs_note):
        out.append(f"What {who} needs to take part changed")
    if old.practitioner_note != new.practitioner_note:
        out.append(f"The practitioner-only note on {who}'s invitation changed")
    return out
