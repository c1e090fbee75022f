"""The labels of the workbook's own fields, and the export formats: written once.

Worksheet wording (circle titles, ring labels, the extra questions of a circle and
their choices) lives in the wording file; these are the fields every workbook has
whatever its wording, named the same way by the exports, the change report, the
dialogs and the steps. No Textual or Rich here.
"""

from __future__ import annotations

import attrs

# "Record.field" -> its label, as a heading or a form's row would say it.
FIELD_LABELS: dict[str, str] = {
    "About.child": "Child",
    "About.age": "Age",
    "About.pronouns": "Pronouns",
    "About.practitioner": "Practitioner",
    "About.organisation": "Organisation",
    "About.session_dates": "Sessions",
    "About.taking_part": "Taking part",
    "About.share_false_supporters": "Share false supporters",
    "About.practitioner_note": "Practitioner-only note",
    "Person.id": "Id",
    "Person.name": "Name",
    "Person.relationship": "Relationship",
    "Person.lives": "Lives",
    "Person.contact": "Contact",
    "Person.note": "Note",
    "Person.practitioner_note": "Practitioner-only note",
    "Person.living": "Living",
    "Person.known": "The child knows them",
    "Person.concern": "Concern (discuss before inviting)",
    "Person.hold_until": "Hold on contact until",
    "Person.hold_asked_by": "Hold asked for by",
    "Person.kind": "Kind of entry (person, group, service, place)",
    "Person.gender": "Gender",
    "Person.died": "Died",
    "Placement.person": "Person",
    "Placement.ring": "Ring",
    "Placement.named_by": "Named by",
    "Placement.note": "Note",
    "Placement.practitioner_note": "Practitioner-only note",
    "Placement.extras": "The circle's own questions",
    "Supporter.person": "Person",
    "Supporter.what_they_do": "What they do",
    "Supporter.how_to_use": "How to use them",
    "Supporter.reach": "How to reach them",
    "Supporter.note": "Note",
    "Supporter.practitioner_note": "Practitioner-only note",
    "Answer.question": "Question asked",
    "Answer.answer": "Answer",
    "TreePart.words": "In the child's words",
    "TreePart.answers": "Questions and answers",
    "TreePart.people": "People",
    "TreePart.practitioner_note": "Practitioner-only note",
    "Ecomap.id": "Id",
    "Ecomap.whose": "Whose ecomap",
    "Ecomap.made_on": "Made on",
    "Ecomap.centre": "The middle drawn as",
    "Ecomap.household": "Household",
    "Ecomap.links": "Links",
    "EcoLink.person": "Person",
    "EcoLink.distance": "How near",
    "EcoLink.clock": "Where round",
    "EcoLink.qualities": "Quality of the link",
    "EcoLink.flow": "Which way support flows",
    "EcoLink.between": "Link from",
    "EcoLink.note": "Note",
    "EcoLink.practitioner_note": "Practitioner-only note",
    "EcoLink.practitioner_only": "Practitioner-only link",
    "Family.links": "Family links",
    "Family.heritage": "Cultural genogram",
    "Family.household": "Lives with the child",
    "Family.practitioner_note": "Practitioner-only note",
    "FamilyLink.kind": "Kind of link",
    "FamilyLink.a": "Person",
    "FamilyLink.b": "Person",
    "FamilyLink.note": "Note",
    "FamilyLink.practitioner_note": "Practitioner-only note",
    "HeritageNote.person": "Person",
    "HeritageNote.aspect": "Aspect",
    "HeritageNote.words": "In the family's words",
    "HeritageNote.practitioner_note": "Practitioner-only note",
    "StepAnswer.question": "Question asked",
    "StepAnswer.answer": "Answer",
    "StepAnswer.answered_by": "Answered by",
    "StepAnswer.practitioner_note": "Practitioner-only note",
    "Stay.id": "Id",
    "Stay.place": "Place (mobility map)",
    "Stay.kind": "Kind of place",
    "Stay.when_from": "From (a year or an age)",
    "Stay.when_to": "To (a year or an age)",
    "Stay.people": "People",
    "Stay.note": "Note",
    "Stay.practitioner_note": "Practitioner-only note",
}


def label(field: str) -> str:
    """The label of "Record.field"."""
    return FIELD_LABELS[field]


@attrs.frozen
class Format:
    id: str
    label: str  # what the practitioner is offered
    suffix: str
    picture: bool = False  # one drawing, not the whole workbook


FORMATS_BY_ID: dict[str, Format] = {
    f.id: f for f in (
        Format("markdown", "Markdown, for notes and case systems that read it", ".md"),
        Format("html", "HTML, to open in a browser and print", ".html"),
        Format("svg", "SVG, one circle or the tree as a picture", ".svg", picture=True),
        Format("text", "Plain text, to paste anywhere", ".txt"),
    )
}
FORMATS: tuple[str, ...] = tuple(FORMATS_BY_ID)
