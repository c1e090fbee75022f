"""The mobility map as a section of the exported document (Markdown, HTML, text).

The workbook given is the audience's view already (core/audience.py), so what is here
is what the audience may read; the practitioner's note on a place is added only for an
audience that sees it. The HTML writer draws the `Figure("mobility")` with mobility_svg (its key "child" asks for
the child's words).
"""

from __future__ import annotations

from circles_tui.core import audience
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.document import PRIVATE, Block, Figure, Item, Items, Para, Section

PEOPLE = "People from there"
IN_THEIR_WORDS = "In their words"


def mobility_section(workbook: Workbook, content: Wording, who: audience.Audience) -> Section | None:
    """The places in the child's order, each with its kind, years and people; None when
    the map has no places."""
    if not workbook.mobility:
        return None
    words = content.mobility
    child = who in (audience.CHILD, audience.FAMILY)
    private = audience.sees(who, "Stay.practitioner_note")
    people = workbook.people_by_id()
    items = []
    for number, stay in enumerate(workbook.mobility, start=1):
        facts = words.kind(stay.kind, child) + (f", {stay.when}" if stay.when else "")
        children = []
        if stay.people:
            children.append(Item(PEOPLE, ", ".join(people[p].name for p in stay.people)))
        if stay.note:
            children.append(Item(IN_THEIR_WORDS, f"\u201c{stay.note}\u201d"))
        if private and stay.practitioner_note:
            children.append(Item(PRIVATE, stay.practitioner_note, private=True))
        items.append(Item(f"{number}. {stay.place}", facts, tuple(children)))
    blocks: tuple[Block, ...] = (Para(words.child_prompt if child else words.adult_prompt),
                                 Figure("mobility", "child" if child else ""), Items(tuple(items)))
    return Section("mobility", words.child_title if child else words.title, blocks)
