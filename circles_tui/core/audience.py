"""Who sees what: the one rule for every screen, export and change report.

A workbook has four audiences:
- the practitioner, who sees everything;
- the child: the screen in child view (F2) and a child-view export;
- the family: the copy a family takes away (for now the same as the child's);
- people beyond the team: a redacted export.

`FIELDS` says, for every field of every record, whether each audience sees it as it
is, sees it changed (a pseudonym, "(not shared)"), or does not see it at all; `PARTS`
says the same for the things that are more than one field (a private supporter kind,
a worry reason, the concerns column of the network list). What is worked out from a
workbook (the network list, what is worth a conversation, the gaps) is worked out
from the audience's view of it, so it cannot tell more than the view. `view` applies both to a
workbook, so an export writes only what its audience may see; a screen that must
keep the whole workbook to edit it asks `sees` and `left_out_kinds` instead.

Which supporter kinds are private comes from the wording file (`shared_by_default`),
nowhere else. Redaction changes free text only: ids, rings, dates and choice values
are never rewritten, so a workbook that validates always has a view.

No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import attrs

from circles_tui.core import redaction
from circles_tui.core.child_wording import child_wording
from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.family import Family, FamilyLink, HeritageNote
from circles_tui.core.mobility import Stay
from circles_tui.core.model import (
    CIRCLE_FIELDS, About, Answer, Person, Placement, Supporter, TreePart, Workbook,
)
from circles_tui.core.step_questions import StepAnswer
from circles_tui.core.wording import Wording

Audience = Literal["practitioner", "child", "family", "beyond-team"]
PRACTITIONER: Audience = "practitioner"
CHILD: Audience = "child"
FAMILY: Audience = "family"
BEYOND_TEAM: Audience = "beyond-team"
AUDIENCES: tuple[Audience, ...] = (PRACTITIONER, CHILD, FAMILY, BEYOND_TEAM)
AUDIENCE_NAMES: dict[Audience, str] = {
    PRACTITIONER: "Practitioner",
    CHILD: "Child view",
    FAMILY: "Family copy",
    BEYOND_TEAM: "Redacted (beyond the team)",
}

Treatment = Literal["shown", "changed", "left out"]
SHOWN: Treatment = "shown"
CHANGED: Treatment = "changed"
LEFT_OUT: Treatment = "left out"

RECORDS: tuple[type, ...] = (About, Person, Placement, Supporter, Answer, TreePart, Ecomap,
                             EcoLink, Family, FamilyLink, HeritageNote, StepAnswer,
                             Stay)


@attrs.frozen
class Rule:
    """What each audience gets of one field; `change` names how redaction changes it."""

    child: Treatment
    beyond_team: Treatment
    change: str = ""  # a key of `_Changes` when beyond_team is CHANGED
    says: str = ""  # the README's words for what beyond the team gets, when not obvious

    def of(self, audience: Audience) -> Treatment:
        if audience == PRACTITIONER:
            return SHOWN
        if audience == BEYOND_TEAM:
            return self.beyond_team
        return self.child  # the family copy is the child's, for now


# The kinds of field there are.
DATA = Rule(SHOWN, SHOWN)  # ids, rings, dates, choices, yes/no: never rewritten
FREE_TEXT = Rule(SHOWN, CHANGED, "scrub", "names, towns and the organisation replaced")
PRIVATE = Rule(LEFT_OUT, LEFT_OUT)  # practitioner-only
REACH = Rule(SHOWN, LEFT_OUT)  # how to get hold of someone: not beyond the team

FIELDS: dict[str, Rule] = {
    "About.child": Rule(SHOWN, CHANGED, "child", '"Child"'),
    "About.age": DATA,
    "About.pronouns": FREE_TEXT,
    "About.practitioner": Rule(SHOWN, LEFT_OUT),
    "About.organisation": Rule(SHOWN, LEFT_OUT),
    "About.session_dates": DATA,
    "About.taking_part": FREE_TEXT,
    "About.share_false_supporters": DATA,
    "About.practitioner_note": PRIVATE,
    "Person.id": DATA,
    "Person.name": Rule(SHOWN, CHANGED, "pseudonym", 'a pseudonym ("Grandmother 1")'),
    "Person.relationship": Rule(SHOWN, CHANGED, "kind", 'the pseudonym\'s kind ("Grandmother")'),
    "Person.lives": Rule(SHOWN, CHANGED, "country", "only a country (towns are left out)"),
    "Person.contact": PRIVATE,
    "Person.note": FREE_TEXT,
    "Person.practitioner_note": PRIVATE,
    "Person.living": DATA,
    "Person.known": DATA,
    "Person.concern": PRIVATE,
    "Person.hold_until": PRIVATE,  # a hold on contact is the practitioner's to keep
    "Person.hold_asked_by": PRIVATE,
    "Person.kind": DATA,
    "Person.gender": DATA,
    "Person.died": FREE_TEXT,  # a year, or words that may name someone
    "Placement.person": DATA,
    "Placement.ring": DATA,
    "Placement.named_by": DATA,
    "Placement.note": FREE_TEXT,
    "Placement.practitioner_note": PRIVATE,
    "Placement.extras": Rule(SHOWN, CHANGED, "extras", "text answers as free text; choices kept"),
    "Supporter.person": DATA,
    "Supporter.what_they_do": FREE_TEXT,
    "Supporter.how_to_use": FREE_TEXT,
    "Supporter.reach": REACH,
    "Supporter.note": FREE_TEXT,
    "Supporter.practitioner_note": PRIVATE,
    "Answer.question": FREE_TEXT,
    "Answer.answer": FREE_TEXT,
    "TreePart.words": FREE_TEXT,
    "TreePart.answers": DATA,  # each answer follows the Answer rules
    "TreePart.people": DATA,
    "TreePart.practitioner_note": PRIVATE,
    "Ecomap.id": DATA,
    "Ecomap.whose": DATA,
    "Ecomap.made_on": DATA,
    "Ecomap.centre": DATA,
    "Ecomap.household": DATA,
    "Ecomap.links": DATA,  # each link follows the EcoLink rules, and PRIVATE_LINKS
    "EcoLink.person": DATA,
    "EcoLink.distance": DATA,
    "EcoLink.clock": DATA,
    "EcoLink.qualities": DATA,
    "EcoLink.flow": DATA,
    "EcoLink.between": DATA,
    "EcoLink.note": FREE_TEXT,
    "EcoLink.practitioner_note": PRIVATE,
    "EcoLink.practitioner_only": DATA,
    "Family.links": DATA,  # each link follows the FamilyLink rules
    "Family.heritage": DATA,  # each note follows the HeritageNote rules
    "Family.household": DATA,
    "Family.practitioner_note": PRIVATE,
    "FamilyLink.kind": DATA,
    "FamilyLink.a": DATA,
    "FamilyLink.b": DATA,
    "FamilyLink.note": FREE_TEXT,
    "FamilyLink.practitioner_note": PRIVATE,
    "HeritageNote.person": DATA,
    "HeritageNote.aspect": DATA,
    "HeritageNote.words": FREE_TEXT,
    "HeritageNote.practitioner_note": PRIVATE,
    # Appreciative Inquiry on a step: a strengths conversation the child and family took
    # part in, so they see it; beyond the team its words are scrubbed like the tree's.
    "StepAnswer.question": FREE_TEXT,
    "StepAnswer.answer": FREE_TEXT,
    "StepAnswer.answered_by": DATA,
    "StepAnswer.practitioner_note": PRIVATE,
    # The mobility map: places and times in the child's words may name people and towns.
    "Stay.id": DATA,
    "Stay.place": FREE_TEXT,
    "Stay.kind": DATA,
    "Stay.when_from": FREE_TEXT,
    "Stay.when_to": FREE_TEXT,
    "Stay.people": DATA,
    "Stay.note": FREE_TEXT,
    "Stay.practitioner_note": PRIVATE,
}
LISTS = ("answers", "links", "heritage")  # fields holding records, each under its own rules

# Things made of more than one field, or worked out from the workbook.
PRIVATE_KINDS = "private_kinds"
WORRY_REASON = "worry_reason"
WORRY_KIND = "worry_kind"
NETWORK_CONCERNS = "network_concerns"
GUIDANCE = "guidance"
PRIVATE_LINKS = "private_links"
MEETING_NOTES = "meeting_notes"
PARTS: dict[str, tuple[str, Rule]] = {
    PRIVATE_KINDS: ("Supporters of a kind not shared by default (false supporters), "
                    "unless the young person agreed", PRIVATE),
    WORRY_REASON: ('The practitioner\'s reason for a suggestion that is a worry (reason type '
                   '"concern", or the outer ring of Services suggest)',
                   Rule(LEFT_OUT, CHANGED, "removed", '"(not shared)"')),
    WORRY_KIND: ('The kind of reason when it is "concern"', PRIVATE),
    NETWORK_CONCERNS: ('Concerns and "discuss before inviting" (holds on contact) in the '
                       "network list", PRIVATE),
    GUIDANCE: ("Practitioner guidance from the worksheet wording", PRIVATE),
    PRIVATE_LINKS: ("Ecomap links marked practitioner-only (a stressful link the family did "
                    "not want shared), and the line drawn for them", PRIVATE),
    MEETING_NOTES: ("The practitioner's notes on the meeting, an invitation and the child's "
                    "voice", PRIVATE),
}

SERVICES = "services-suggest"
OUTER_RING = 3


def audience_of(child_view: bool) -> Audience:
    """The audience of the screen: the child when child view (F2) is on."""
    return CHILD if child_view else PRACTITIONER


def sees(audience: Audience, field: str) -> bool:
    """Whether `audience` sees `field` ("Person.concern", or a key of PARTS) in any form."""
    rule = FIELDS[field] if field in FIELDS else PARTS[field][1]
    return rule.of(audience) != LEFT_OUT


def reads_child_words(audience: Audience) -> bool:
    """Whether `audience` reads the wording's words for the child (its questions, titles,
    headings) rather than the practitioner's."""
    return audience in (CHILD, FAMILY)


def private_kinds(wording: Wording) -> frozenset[str]:
    """Supporter kinds kept to the practitioner unless the young person agrees."""
    return frozenset(kind.id for kind in wording.supporters if not kind.shared_by_default)


def left_out_kinds(workbook: Workbook, wording: Wording, audience: Audience) -> frozenset[str]:
    """The supporter kinds `audience` does not see in this workbook."""
    if sees(audience, PRIVATE_KINDS) or workbook.about.share_false_supporters:
        return frozenset()
    return private_kinds(wording)


def is_worry(circle_id: str, placement: Placement) -> bool:
    """A suggestion the practitioner makes because of a worry about the person."""
    return circle_id == SERVICES and (
        placement.extras.get("reason_type") == "concern" or placement.ring == OUTER_RING
    )


def extras_seen(circle_id: str, placement: Placement, audience: Audience) -> dict[str, object]:
    """The extra answers of a placement that `audience` sees, unchanged (no redaction)."""
    extras = dict(placement.extras)
    if is_worry(circle_id, placement):
        if not sees(audience, WORRY_REASON):
            extras.pop("reason", None)
        if extras.get("reason_type") == "concern" and not sees(audience, WORRY_KIND):
            extras.pop("reason_type")
    return extras


def links_seen(ecomap: Ecomap, audience: Audience) -> tuple[EcoLink, ...]:
    """The links of an ecomap `audience` sees: practitioner-only ones are the practitioner's."""
    if sees(audience, PRIVATE_LINKS):
        return ecomap.links
    return tuple(link for link in ecomap.links if not link.practitioner_only)


def ecomaps_seen_on(workbook: Workbook, person_id: str, audience: Audience) -> tuple[str, ...]:
    """The ids of the ecomaps on which `audience` sees someone (not only on a hidden link)."""
    return tuple(e.id for e in workbook.ecomaps
                 if person_id in attrs.evolve(e, links=links_seen(e, audience)).people())


# -- the view of a workbook for one audience ----------------------------------------------


def view(workbook: Workbook, wording: Wording, audience: Audience) -> Workbook:
    """The workbook with only what `audience` may see, changed where the rule says so."""
    if audience == PRACTITIONER:
        return workbook
    changes = _Changes(workbook) if audience == BEYOND_TEAM else None
    hidden_kinds = left_out_kinds(workbook, wording, audience)

    def record(value, **context):
        updates = {}
        for field in attrs.fields(type(value)):
            name = field.name
            rule = FIELDS[f"{type(value).__name__}.{name}"]
            current = getattr(value, name)
            treatment = rule.of(audience)
            if treatment == LEFT_OUT:
                updates[name] = _empty(field)
            elif isinstance(value, Ecomap) and name == "links":
                updates[name] = tuple(record(link) for link in links_seen(value, audience))
            elif name in LISTS:
                updates[name] = tuple(record(item) for item in current)
            elif name == "extras":
                updates[name] = _extras(context["circle"], value, audience, changes)
            elif treatment == CHANGED:
                assert changes is not None
                updates[name] = changes.apply(rule.change, current, value)
        return attrs.evolve(value, **updates)

    def part(value: TreePart | None) -> TreePart | None:
        return None if value is None else record(value)

    return Workbook(
        about=record(workbook.about),
        people=tuple(record(person) for person in workbook.people),
        circles={
            circle: tuple(record(p, circle=circle) for p in placements)
            for circle, placements in workbook.circles.items()
        },
        supporters={
            kind: () if kind in hidden_kinds else tuple(record(s) for s in entries)
            for kind, entries in workbook.supporters.items()
        },
        tree={name: part(value) for name, value in workbook.tree.items()},
        storms=part(workbook.storms),
        ecomaps=tuple(record(ecomap) for ecomap in workbook.ecomaps),
        family=record(workbook.family),
        questions={step: tuple(record(a) for a in answers)
                   for step, answers in workbook.questions.items()},
        mobility=tuple(record(stay) for stay in workbook.mobility),
    )


def _empty(field: attrs.Attribute) -> object:
    default = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default


def _extras(circle: str, placement: Placement, audience: Audience,
            changes: _Changes | None) -> dict[str, object]:
    extras = extras_seen(circle, placement, audience)
    if changes is None:
        return extras
    kinds = {field.id: field.kind for field in CIRCLE_FIELDS[circle]}
    out = {}
    for key, value in extras.items():
        if key == "reason" and is_worry(circle, placement):
            out[key] = redaction.REMOVED if value else value
        elif kinds.get(key) == "text":  # choices and tags are never rewritten
            out[key] = changes.apply("scrub", value, placement)
        else:
            out[key] = value
    return out


class _Changes:
    """How redaction changes a field: the `change` of its Rule, applied."""

    def __init__(self, workbook: Workbook) -> None:
        self.scrub = redaction.scrubber(workbook)
        self.names = redaction.pseudonyms(workbook)

    def apply(self, change: str, value, record) -> object:
        how: dict[str, Callable[[], object]] = {
            "scrub": lambda: (tuple(self.scrub(v) for v in value) if isinstance(value, tuple)
                              else self.scrub(value)),
            "child": lambda: redaction.CHILD,
            "pseudonym": lambda: self.names[record.id],
            "kind": lambda: self.names[record.id].rsplit(" ", 1)[0],
            "country": lambda: redaction.country_only(value),
        }
        return how[change]()


# -- the words each audience reads ----------------------------------------------------------


def wording_for(wording: Wording, audience: Audience) -> Wording:
    """The wording `audience` reads: the child and the family get the wording file's child
    words (titles, step names, headings, who named someone, kinds of reason) wherever
    it gives them (`core.child_wording`); the practitioner and people beyond the team get
    the wording as it is."""
    return child_wording(wording) if reads_child_words(audience) else wording
