"""Invitations to the Family Network Meeting, built from the proposed network list.

One row per person the network list proposes (and anyone already given an invitation):
what the family decided and who decided, how asking them is going, and what they need.
The family decides; this step records. The meeting's date, place and facilitator head it.
"""

from __future__ import annotations

from functools import partial

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList

from circles_tui.core.edits import meeting as edits
from circles_tui.core.meeting import Invitation
from circles_tui.core.model import Person, Workbook
from circles_tui.core.proposed_network import HOLD_TITLE, contact_hold, proposed_network
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.meeting_forms import (
    ChecksDialog, ChoiceDialog, ShortFormDialog, FormField, date_text, parse_date,
)
from circles_tui.core.audience import (
    MEETING_NOTES, NETWORK_CONCERNS, audience_of, ecomaps_seen_on, left_out_kinds, sees,
)
from circles_tui.steps.meeting_step import MeetingStep, facts, long_date, titled_list

UNDECIDED = "undecided"  # the choice dialog's id for "not decided yet"


def invitees(workbook: Workbook, content, child_view: bool = False) -> list[tuple[Person, bool]]:
    """Who the list shows, in the network list's order, with its "discuss first" mark;
    then anyone invited who is not on that list. In child view the people known only
    through a supporter kind the child does not see are left out (core/audience.py).
    A group, a service or a place is not someone to invite: its people are."""
    who = audience_of(child_view)
    hidden = left_out_kinds(workbook, content, who)

    def kept(kinds) -> bool:
        return not (hidden and set(kinds) & hidden)

    def on_a_hidden_link_only(entry) -> bool:
        return bool(entry.ecomaps) and entry.appearances == len(entry.ecomaps) and not (
            ecomaps_seen_on(workbook, entry.person.id, who))

    listed = [(entry.person, entry.discuss_before_inviting)
              for entry in proposed_network(workbook, content)
              if entry.person.kind == "person" and kept(entry.supporter_kinds)
              and not on_a_hidden_link_only(entry)]
    ids = {person.id for person, _ in listed}
    people = workbook.people_by_id()
    listed += [(people[i.person], False) for i in workbook.meeting.invitations
               if i.person not in ids and kept(_kinds(workbook, i.person))]
    return listed


def _kinds(workbook: Workbook, person_id: str) -> set[str]:
    return {kind for kind, entries in workbook.supporters.items()
            if any(s.person == person_id for s in entries)}


class InvitationsStep(MeetingStep):
    """Who the family wants at the meeting, who asks them, and what they need.

    Progress: "empty" until anything about the meeting is written; "done" once there is
    a date and someone the family invited is coming; "started" in between. (It does not
    build the network list: the marks are redrawn after every key.)
    """

    STEP_ID, words_id = "invitations", "invitations"

    BINDINGS = [
        Binding("m", "details", "Meeting details"),
        Binding("f", "decide", "Family decides"),
        Binding("s", "status", "Status"),
        Binding("a", "asking", "Asking"),
        Binding("n", "needs", "Needs"),
    ]

    def compose_lists(self) -> ComposeResult:
        yield titled_list("invitees", "Who could be invited")

    def line(self, workbook: Workbook) -> Content:
        meeting = workbook.meeting
        parts = facts(("Meeting", long_date(meeting.on)),
                      ("Where", meeting.place), ("Facilitator", meeting.facilitator))
        if not parts:
            return Content("No date or place for the meeting yet: press m to add them.")
        return Content.assemble(*parts)

    def fill(self, workbook: Workbook) -> None:
        labels = self.content.meeting
        rows = []
        for person, discuss in invitees(workbook, self.content, self.child_view):
            invitation = workbook.meeting.invitation(person.id) or Invitation(person.id)
            parts: list[str | tuple[str, str]] = [(person.name, "bold")]
            if person.relationship:
                parts.append(f" ({person.relationship})")
            if discuss and sees(self.audience, NETWORK_CONCERNS):
                parts.append(("  ⚑ discuss before inviting", "bold $text-warning"))
            if person.on_hold and sees(self.audience, "Person.hold_until"):
                parts += ["\n  ", (f"⊘ {HOLD_TITLE}: {contact_hold(person)}", "bold $text-error")]
            decided = (labels.family_choices[invitation.family_wants]
                       if invitation.family_wants else "Family not decided yet")
            if invitation.decided_by:
                decided += f" ({invitation.decided_by})"
            parts += ["\n  ", decided, ("  ·  ", "dim"), labels.statuses[invitation.status]]
            if invitation.needs:
                needs = ", ".join(labels.needs[n] for n in invitation.needs)
                parts += [("  ·  Needs: ", "dim"), needs]
            rows.append((person.id, Content.assemble(*parts)))
        self.fill_list(self.query_one(OptionList), rows)

    def detail(self, workbook: Workbook) -> Content:
        person_id = self.highlighted_id()
        if person_id is None:
            return Content("No one is on the network list yet: place people in the circles first.")
        invitation = workbook.meeting.invitation(person_id) or Invitation(person_id)
        consent = invitation.consent_by
        if consent and invitation.consent_on:
            consent += f", {date_text(invitation.consent_on)}"
        pairs = [("Asked by", invitation.asked_by), ("How", invitation.how),
                 ("May be told", invitation.may_be_told), ("Consent", consent),
                 ("Needs", invitation.needs_note)]
        if sees(self.audience, MEETING_NOTES):
            pairs.append(("Practitioner only", invitation.practitioner_note))
        parts = facts(*pairs)
        return Content.assemble(*parts) if parts else Content("Nothing recorded yet.")

    def _chosen(self) -> tuple[Person, Invitation] | None:
        person_id = self.highlighted_id()
        if person_id is None or self.workbook is None:
            return None
        person = self.workbook.person(person_id)
        return person, self.workbook.meeting.invitation(person_id) or Invitation(person_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("decide", "status", "asking", "needs"):
            return True if self.is_mounted and self.highlighted_id() else None
        return True

    # -- actions ----------------------------------------------------------------------------

    @work
    async def action_details(self) -> None:
        if self.workbook is None:
            return
        meeting = self.workbook.meeting
        values = await self.app.push_screen_wait(ShortFormDialog("The meeting", (
            FormField("on", "Date", date_text(meeting.on), "The day of the meeting.", is_date=True),
            FormField("place", "Where", meeting.place, "Somewhere the family feels comfortable."),
            FormField("facilitator", "Facilitator", meeting.facilitator,
                      "Who runs the meeting (the practitioner, or an independent coordinator)."),
            FormField("note", "Note", meeting.practitioner_note,
                      "Your own note about the meeting; never shown to the family.",
                      audience_rule=MEETING_NOTES),
        ), child_view=self.child_view))
        if values is not None:
            self.edit(partial(edits.set_details, parse_date(values["on"]), values["place"],
                              values["facilitator"], values["note"]), "Changed the meeting details")

    @work
    async def action_decide(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        person, invitation = chosen
        choices = dict(self.content.meeting.family_choices) | {UNDECIDED: "Not decided yet"}
        wants = await self.app.push_screen_wait(ChoiceDialog(
            f"Does the family want to invite {person.name}?", choices,
            invitation.family_wants or UNDECIDED, help="The family decides; this only records it.",
        ))
        if wants is None:
            return
        decided_by = ""
        if wants != UNDECIDED:
            decided_by = await self.app.push_screen_wait(TextDialog(
                "Who in the family decided?", invitation.decided_by,
                placeholder="for example: Mum (Kerry) and Mia",
            ))
            if decided_by is None:
                return
        self.edit(partial(edits.record_family_decision, person.id,
                          "" if wants == UNDECIDED else wants, decided_by),
                  f"Recorded the family's decision about {person.name}")

    @work
    async def action_status(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        person, invitation = chosen
        status = await self.app.push_screen_wait(ChoiceDialog(
            f"Asking {person.name}: where has it got to?", self.content.meeting.statuses,
            invitation.status,
        ))
        if status is not None:
            self.edit(partial(edits.set_status, person.id, status),
                      f"Changed {person.name}'s invitation")

    @work
    async def action_asking(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        person, i = chosen
        values = await self.app.push_screen_wait(ShortFormDialog(f"Asking {person.name}", (
            FormField("asked_by", "Who asks them", i.asked_by,
                      "Someone the family chooses to ask them."),
            FormField("how", "How", i.how, "A phone call, a visit, a letter..."),
            FormField("may_be_told", "May be told", i.may_be_told,
                      "What they may be told about the worries, and only with consent."),
            FormField("consent_by", "Consent given by", i.consent_by,
                      "Who agreed they may be told."),
            FormField("consent_on", "Consent given on", date_text(i.consent_on),
                      "When they agreed.", is_date=True),
            FormField("note", "Note", i.practitioner_note,
                      "Your advice or concerns; the family still decides.",
                      audience_rule=MEETING_NOTES),
        ), child_view=self.child_view))
        if values is not None:
            self.edit(partial(edits.set_asking, person.id, values["asked_by"], values["how"],
                              values["may_be_told"], values["consent_by"],
                              parse_date(values["consent_on"]), values["note"]),
                      f"Changed how {person.name} will be asked")

    @work
    async def action_needs(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        person, invitation = chosen
        needs = await self.app.push_screen_wait(ChecksDialog(
            f"What does {person.name} need to take part?", self.content.meeting.needs,
            invitation.needs, help="Space ticks a need; ctrl+s when done.",
        ))
        if needs is None:
            return
        note = await self.app.push_screen_wait(TextDialog(
            "Anything more about what they need?", invitation.needs_note,
            placeholder="for example: Patois interpreter; evenings after 6; video from Jamaica",
        ))
        if note is not None:
            self.edit(partial(edits.set_needs, person.id, needs, note),
                      f"Changed what {person.name} needs")
