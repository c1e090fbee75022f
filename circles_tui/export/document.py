"""The session as a neutral document: sections of headings, items and tables.

The Markdown, HTML and plain-text writers all render this one structure, so they
say the same things in the same order and differ only in how they mark it up.
Worksheet wording (titles, ring labels, field and choice labels) comes from
`Wording`; the few words of our own (section names, "Practitioner only") are the
constants below. Text from the workbook is kept as plain data here; each writer
escapes it for its own format.

What goes in follows `circles_tui.core.audience`: the workbook given is already the
audience's view, and practitioner-only parts (the concerns column, the supervision
items, the private supporter kinds) are built only for an audience that sees them.
Headings with child wording come from the wording given (the child's, for the child).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from circles_tui.core import audience
from circles_tui.core.labels import label
from circles_tui.core.wording import CircleText, Wording
from circles_tui.core.model import CIRCLE_IDS, RING_COUNT, SUPPORTER_KINDS, TREE_PARTS, Placement, TreePart, Workbook
from circles_tui.core.proposed_network import HOLD_TITLE, contact_hold
from circles_tui.core.text import for_export

# Our own words: headings and labels that the worksheet content does not provide.
TITLE = "Circles and Tree of Life"
PRIVATE = "Practitioner only"
ABOUT = "About this work"
PEOPLE = "People"
SUPPORTERS = "Supporter circles"
TREE = "Tree of Life"
NOT_STARTED = "Not started yet."
NOBODY = "Nobody here yet."
LABELS = {
    "child": label("About.child"),
    "age": label("About.age"),
    "pronouns": label("About.pronouns"),
    "sessions": label("About.session_dates"),
    "taking_part": label("About.taking_part"),
    "practitioner": label("About.practitioner"),
    "organisation": label("About.organisation"),
    "relationship": label("Person.relationship"),
    "lives": label("Person.lives"),
    "contact": label("Person.contact"),
    "note": label("Person.note"),
    "concern": label("Person.concern"),
    "named_by": label("Placement.named_by"),
    "what_they_do": label("Supporter.what_they_do"),
    "how_to_use": label("Supporter.how_to_use"),
    "reach": label("Supporter.reach"),
    "words": label("TreePart.words"),
    "people": label("TreePart.people"),
    "died": "has died",
    "never_met": "never met",
    "name": "Name",
    "appears": "Appears in",
    "suggested": "Suggested by",
    "concerns": "Concerns",
    "discuss": "Discuss before inviting",
    "yes": "Yes",
}


@attrs.frozen
class Item:
    """A list entry: an optional title (usually a name), text, and entries beneath it."""

    title: str = ""
    text: str = ""
    children: tuple[Item, ...] = ()
    private: bool = False  # practitioner-only: writers mark it clearly


@attrs.frozen
class Heading:
    level: int  # 1 is the document title; sections are 2, their parts 3
    text: str


@attrs.frozen
class Para:
    text: str
    private: bool = False


@attrs.frozen
class Items:
    items: tuple[Item, ...]


@attrs.frozen
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen
class Figure:
    """A picture: ("circle", circle id), ("tree", "") or ("genogram", ""). Only the HTML
    writer draws it."""

    kind: str
    key: str = ""


Block = Heading | Para | Items | Table | Figure


@attrs.frozen
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@attrs.frozen
class Document:
    title: str
    sections: tuple[Section, ...]


# -- helpers shared with the writers ---------------------------------------------------

# Drop control characters (terminal escapes, characters XML cannot hold); keep newlines.
clean = for_export


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def join(parts: Iterable[str], sep: str = "; ") -> str:
    return sep.join(filter(None, parts))  # the parts that say something


def extra_text(circle: CircleText, placement: Placement) -> list[tuple[str, str]]:
    """(label, value) for each extra filled in, in the circle's field order."""
    out = []
    for field in circle.fields:
        value = placement.extras.get(field.id)
        if not value:
            continue
        if isinstance(value, tuple):
            shown = ", ".join(field.label_of(v) for v in value)
        elif field.choices:
            shown = field.label_of(value)
        else:
            shown = value
        out.append((field.label, shown))
    return out


# -- building --------------------------------------------------------------------------


def build(workbook: Workbook, content: Wording, options) -> Document:
    """The whole session as a Document, for `options.audience` (an ExportOptions).

    `workbook` is the audience's view already, and `content` the wording it reads."""
    who = options.audience
    private = audience.sees(who, "Person.practitioner_note")
    names = {p.id: p.name for p in workbook.people}
    sections = [_about(workbook, content, private), _people(workbook, content, private)]
    sections += [
        _circle(workbook, content, circle_id, names, private) for circle_id in CIRCLE_IDS
    ]
    sections.append(_supporters(workbook, content, names, private, who))
    sections.append(_tree(workbook, content, names, private))
    if workbook.storms is not None and not _empty(workbook.storms, private):
        sections.append(_storms(workbook, content, names, private))
    from circles_tui.export.ecomap_section import ecomap_sections  # it builds on this module

    sections += ecomap_sections(workbook, content, private)

    from circles_tui.export.family_section import family_sections  # it builds on this module

    sections += family_sections(workbook, content, private)

    from circles_tui.export.step_questions_section import questions_section  # it uses this module

    sections += filter(None, [questions_section(workbook, content, who)])

    from circles_tui.export.mobility_section import mobility_section  # it builds on this module

    sections += [s for s in (mobility_section(workbook, content, who),) if s is not None]
    from circles_tui.export.network_section import network_section  # it builds on this module

    sections.append(network_section(workbook, content, who))
    title = content.heading("title", TITLE)
    return Document(f"{title}: {workbook.about.child}", tuple(sections))


def _empty(part: TreePart, private: bool) -> bool:
    return not (part.words or part.answers or part.people or (private and part.practitioner_note))


def _about(workbook: Workbook, content: Wording, private: bool) -> Section:
    about = workbook.about
    rows = [
        (LABELS["child"], about.child),
        (LABELS["age"], "" if about.age is None else str(about.age)),
        (LABELS["pronouns"], about.pronouns),
        (LABELS["sessions"], ", ".join(long_date(d) for d in about.session_dates)),
        (LABELS["taking_part"], "; ".join(about.taking_part)),
        (LABELS["practitioner"], about.practitioner),
        (LABELS["organisation"], about.organisation),
    ]
    items = [Item(label, value) for label, value in rows if value]
    if private and about.practitioner_note:
        items.append(Item(PRIVATE, about.practitioner_note, private=True))
    return Section("about", content.heading("about", ABOUT), (Items(tuple(items)),))


def _person_line(person) -> str:
    marks = [person.relationship]
    if not person.living:
        marks.append(LABELS["died"] + (f" ({person.died})" if person.died else ""))
    if not person.known:
        marks.append(LABELS["never_met"])
    return join(marks, ", ")


def _people(workbook: Workbook, content: Wording, private: bool) -> Section:
    items = []
    for person in workbook.people:
        children = []
        for key in ("lives", "contact", "note"):
            value = getattr(person, key)
            if value:
                children.append(Item(LABELS[key], value))
        if private and person.practitioner_note:
            children.append(Item(PRIVATE, person.practitioner_note, private=True))
        if private and person.concern:
            children.append(Item(LABELS["concern"], person.concern, private=True))
        if private and person.on_hold:
            children.append(Item(HOLD_TITLE, contact_hold(person), private=True))
        items.append(Item(person.name, _person_line(person), tuple(children)))
    blocks: tuple[Block, ...] = (Items(tuple(items)),) if items else (Para(NOBODY),)
    return Section("people", content.heading("people", PEOPLE), blocks)


def _circle(workbook: Workbook, content: Wording, circle_id: str, names: dict, private: bool) -> Section:
    circle = content.circle(circle_id)
    placements = workbook.circles[circle_id]
    blocks: list[Block] = [Para(circle.purpose)]
    if not placements:
        return Section(circle_id, circle.title, (*blocks, Para(NOT_STARTED)))
    blocks.append(Figure("circle", circle_id))
    who_named = content.heading("who_named", LABELS["named_by"])
    for ring in range(1, RING_COUNT + 1):
        blocks.append(Heading(3, circle.ring_label(ring)))
        here = [p for p in placements if p.ring == ring]
        if not here:
            blocks.append(Para(NOBODY))
            continue
        items = []
        for p in here:
            person = workbook.person(p.person)
            children = [Item(label, value) for label, value in extra_text(circle, p)]
            if p.named_by:
                children.insert(0, Item(who_named, content.named_by.get(p.named_by, p.named_by)))
            if private and p.practitioner_note:
                children.append(Item(PRIVATE, p.practitioner_note, private=True))
            text = join([person.relationship, _quoted(p.note)], "; ")
            items.append(Item(names[p.person], text, tuple(children)))
        blocks.append(Items(tuple(items)))
    return Section(circle_id, circle.title, tuple(blocks))


def _quoted(text: str) -> str:
    return f"\u201c{text}\u201d" if text else ""


def _supporters(workbook: Workbook, content: Wording, names: dict, private: bool,
                who: audience.Audience) -> Section:
    blocks: list[Block] = []
    left_out = audience.left_out_kinds(workbook, content, who)
    # Not normally shared (false supporters): shown to the practitioner, marked as theirs.
    held_back_kinds = audience.left_out_kinds(workbook, content, audience.CHILD)
    for kind in SUPPORTER_KINDS:
        if kind in left_out:
            continue
        text = content.supporter(kind)
        entries = workbook.supporters[kind]
        held_back = kind in held_back_kinds
        title = f"{text.title} ({PRIVATE})" if held_back else text.title
        blocks.append(Heading(3, title))
        blocks.append(Para(text.who))
        blocks.append(Para(f"{LABELS['how_to_use']}: {text.how_to_use}"))
        if not entries:
            blocks.append(Para(NOBODY))
            continue
        items = []
        for s in entries:
            children = [
                Item(LABELS[key], getattr(s, key))
                for key in ("what_they_do", "how_to_use", "reach", "note")
                if getattr(s, key)
            ]
            if private and s.practitioner_note:
                children.append(Item(PRIVATE, s.practitioner_note, private=True))
            items.append(Item(names[s.person], "", tuple(children), private=held_back))
        blocks.append(Items(tuple(items)))
    return Section("supporters", content.heading("supporters", SUPPORTERS), tuple(blocks))


def _tree_blocks(part: TreePart, text, names: dict, workbook: Workbook, private: bool) -> list[Block]:
    blocks: list[Block] = [Heading(3, f"{text.title}: {text.meaning}")]
    if _empty(part, private):
        blocks.append(Para(NOT_STARTED))
        return blocks
    items = [Item("", word) for word in part.words]
    if part.people:
        people = []
        for pid in part.people:
            person = workbook.person(pid)
            marks = join([LABELS["died"] if not person.living else "",
                          LABELS["never_met"] if not person.known else ""], ", ")
            people.append(f"{names[pid]} ({marks})" if marks else names[pid])
        items.append(Item(LABELS["people"], ", ".join(people)))
    for answer in part.answers:
        items.append(Item(answer.question, answer.answer))
    if private and part.practitioner_note:
        items.append(Item(PRIVATE, part.practitioner_note, private=True))
    blocks.append(Items(tuple(items)))
    return blocks


def _tree(workbook: Workbook, content: Wording, names: dict, private: bool) -> Section:
    started = any(not _empty(workbook.tree[p], private) for p in TREE_PARTS)
    blocks: list[Block] = [Figure("tree")] if started else [Para(NOT_STARTED)]
    for part in TREE_PARTS:
        blocks += _tree_blocks(workbook.tree[part], content.tree_part(part), names, workbook, private)
    return Section("tree", TREE, tuple(blocks))


def _storms(workbook: Workbook, content: Wording, names: dict, private: bool) -> Section:
    text = content.storms
    blocks = _tree_blocks(workbook.storms, text, names, workbook, private)
    blocks[0] = Para(text.meaning)
    return Section("storms", text.title, tuple(blocks))
