"""The family tree, genogram and cultural genogram as a section of the exported document.

No Textual or Rich here. Like the rest of `document`, the workbook given is the
audience's view and `content` the wording it reads; practitioner-only notes are added
only when `private` (the audience sees them), marked as such. The genogram itself is a
`Figure` that the HTML writer draws (export/genogram_svg.py).
"""

from __future__ import annotations

from circles_tui.core.family import ASPECTS, CHILD
from circles_tui.core.family_changes import relation
from circles_tui.core.family_tree import blank_label, blanks
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.document import PRIVATE, Block, Figure, Heading, Item, Items, Para, Section

LINKS = "How people are related"
BLANKS = "Still to find out"


def family_sections(workbook: Workbook, content: Wording, private: bool) -> list[Section]:
    """The family section, or none while nothing about the family is recorded."""
    family = workbook.family
    if family.is_empty:
        return []
    words = content.family
    names = {p.id: p.name for p in workbook.people} | {CHILD: workbook.about.child}
    blocks: list[Block] = []
    if family.links:
        blocks.append(Figure("genogram"))
        items = []
        for link in family.links:
            children = [Item("", link.note)] if link.note else []
            if private and link.practitioner_note:
                children.append(Item(PRIVATE, link.practitioner_note, private=True))
            items.append(Item("", relation(link, workbook, content, names.__getitem__),
                              tuple(children)))
        blocks += [Heading(3, LINKS), Items(tuple(items))]
    missing = [blank_label(workbook, slot, words.blank_words) for slot in blanks(workbook)]
    if missing:
        blocks += [Heading(3, BLANKS), Items(tuple(Item("", label) for label in missing))]
    if family.household:
        blocks.append(Items((Item(words.household, ", ".join(names[p] for p in family.household)),)))
    blocks += _heritage(workbook, content, names, private)
    if private and family.practitioner_note:
        blocks.append(Items((Item(PRIVATE, family.practitioner_note, private=True),)))
    return [Section("family", words.title, tuple(blocks))]


def _heritage(workbook: Workbook, content: Wording, names: dict[str, str],
              private: bool) -> list[Block]:
    """The cultural genogram: each person's aspects, in the family's words, in the
    order of the sixteen aspects."""
    notes = workbook.family.heritage
    if not notes:
        return []
    aspects = content.family.aspects
    items = []
    for person in dict.fromkeys(note.person for note in notes):
        theirs = sorted((n for n in notes if n.person == person), key=lambda n: ASPECTS.index(n.aspect))
        children = []
        for note in theirs:
            extra = ((Item(PRIVATE, note.practitioner_note, private=True),)
                     if private and note.practitioner_note else ())
            children.append(Item(aspects[note.aspect], note.words, extra))
        items.append(Item(names[person], "", tuple(children)))
    return [Heading(3, content.family.heritage_title), Para(content.family.heritage_prompt),
            Items(tuple(items))]
