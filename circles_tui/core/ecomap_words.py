"""An ecomap and its links in words: titles, the two ends of a link, its qualities, one line.

Used by the change report, the Markdown and text exports and the SVG drawing, so they all
say the same thing the same way. Names come from the workbook given (an audience's view
carries pseudonyms already); labels from the wording's `[ecomap]` table. No Textual or Rich.
"""

from __future__ import annotations

from datetime import date

from circles_tui.core.ecomap import FROM_CHILD, WHOSE_CHILD, WHOSE_HOUSEHOLD, Ecomap, EcoLink
from circles_tui.core.model import Workbook
from circles_tui.core.wording.ecomap_text import EcomapText


def _person_name(workbook: Workbook, person_id: str) -> str:
    found = workbook.people_by_id().get(person_id)
    return found.name if found is not None else person_id


def centre_name(ecomap: Ecomap, workbook: Workbook) -> str:
    """Who is in the middle, by name: the child, or the person whose own ecomap it is."""
    if ecomap.whose in (WHOSE_CHILD, WHOSE_HOUSEHOLD):
        return workbook.about.child
    return _person_name(workbook, ecomap.whose)


def ecomap_title(ecomap: Ecomap, workbook: Workbook, words: EcomapText) -> str:
    """ "Mia's ecomap", "Mia's family ecomap", "Mum's own ecomap"."""
    return words.title_of(ecomap.whose, centre_name(ecomap, workbook))


def dated_title(ecomap: Ecomap, workbook: Workbook, words: EcomapText) -> str:
    """The title with its date ("Mia's ecomap (17 March 2026)"): ecomaps are compared by date."""
    when = long_date(ecomap.made_on) if ecomap.made_on else words.undated.lower()
    return f"{ecomap_title(ecomap, workbook, words)} ({when})"


def titles_of(ecomap_ids: tuple[str, ...], workbook: Workbook, words: EcomapText) -> list[str]:
    """The dated titles of these ecomaps (where someone was found), in workbook order."""
    wanted = set(ecomap_ids)
    return [dated_title(e, workbook, words) for e in workbook.ecomaps if e.id in wanted]


def long_date(day: date) -> str:
    from circles_tui.export.document import long_date as written  # document builds on this module

    return written(day)


def start_name(ecomap: Ecomap, link: EcoLink, workbook: Workbook, words: EcomapText) -> str:
    """Where a link starts, by name: the one in the middle, the family, the child, a member."""
    if link.between == FROM_CHILD:
        return workbook.about.child
    if link.between:
        return _person_name(workbook, link.between)
    if ecomap.is_whole_family:
        return words.fill(words.household_name, workbook.about.child)
    return centre_name(ecomap, workbook)


def link_name(ecomap: Ecomap, link: EcoLink, workbook: Workbook, words: EcomapText) -> str:
    """ "the link with Nanna Jo", or "the link between Mum and Lou" on a whole-family ecomap."""
    other = _person_name(workbook, link.person)
    if link.between:
        return f"the link between {start_name(ecomap, link, workbook, words)} and {other}"
    return f"the link with {other}"


def qualities_text(qualities: tuple[str, ...], words: EcomapText) -> str:
    """ "strong", or "strong and stressful" for a link that varies."""
    return " and ".join(words.qualities.get(q, q).lower() for q in qualities)


def link_parts(ecomap: Ecomap, link: EcoLink, workbook: Workbook,
               words: EcomapText) -> tuple[str, str]:
    """Who a link is with, and what it is like: ("Nanna Jo", "strong, far away, support
    flows both ways"); ("Mum and Lou", ...) for a link inside a whole-family ecomap."""
    who = _person_name(workbook, link.person)
    if link.between:
        who = f"{start_name(ecomap, link, workbook, words)} and {who}"
    # Someone in the household sits in the middle: how near they are is not drawn.
    near = "" if link.person in ecomap.household else words.distance(link.distance).lower()
    parts = [qualities_text(link.qualities, words), near,
             words.flow(link.flow, start_name(ecomap, link, workbook, words))]
    return who, ", ".join(p for p in parts if p)
