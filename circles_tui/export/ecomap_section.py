"""The ecomaps as a section of the exported document: each one's picture and its links in words.

Markdown and plain text carry the words ("Nanna Jo: strong, far away, support flows both
ways"); HTML draws the picture too (`Figure("ecomap", id)`, drawn by `ecomap_svg`). The
workbook given is the audience's view, so a practitioner-only link is here only for the
practitioner, marked as theirs. No Textual or Rich here.
"""

from __future__ import annotations

from circles_tui.core.ecomap_words import dated_title, link_parts
from circles_tui.core.labels import label
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.document import NOBODY, PRIVATE, Block, Figure, Heading, Item, Items, Para, Section


def ecomap_sections(workbook: Workbook, content: Wording, private: bool) -> list[Section]:
    """One section holding every ecomap, or none when there is no ecomap."""
    if not workbook.ecomaps:
        return []
    words = content.ecomap
    names = {p.id: p.name for p in workbook.people}
    blocks: list[Block] = []
    for ecomap in workbook.ecomaps:
        blocks += [Heading(3, dated_title(ecomap, workbook, words)), Figure("ecomap", ecomap.id)]
        if ecomap.household:
            members = ", ".join(names[m] for m in ecomap.household)
            blocks.append(Para(f"{label('Ecomap.household')}: {members}"))
        items = []
        for link in ecomap.links:
            who, said = link_parts(ecomap, link, workbook, words)
            children = [Item(label("EcoLink.note"), link.note)] if link.note else []
            if private and link.practitioner_note:
                children.append(Item(PRIVATE, link.practitioner_note, private=True))
            items.append(Item(who, said, tuple(children), private=link.practitioner_only))
        blocks.append(Items(tuple(items)) if items else Para(NOBODY))
    return [Section("ecomaps", words.title, tuple(blocks))]
