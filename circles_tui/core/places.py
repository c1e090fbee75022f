"""Where a person appears, named in the worksheet's words (for the People, Supporters and
circle steps, which all answer "where else is this person?")."""

from __future__ import annotations

from circles_tui.core.audience import audience_of, ecomaps_seen_on, left_out_kinds
from circles_tui.core.ecomap_words import titles_of
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording


def place_name(workbook: Workbook, wording: Wording, section: str, item: str) -> str:
    """The worksheet's name for a place: a circle's short title, a supporter or tree title,
    the family tree, or a place on the mobility map."""
    if section == "circle":
        return wording.circle(item).short
    if section == "supporter":
        return wording.supporter(item).title
    if section == "family":
        return wording.family.title
    if section == "mobility":
        stay = next(stay for stay in workbook.mobility if stay.id == item)
        return f"{wording.mobility.short}: {stay.place}"
    return wording.tree_part(item).title


def place_names(
    workbook: Workbook,
    wording: Wording,
    person_id: str,
    child_view: bool = False,
    skip: tuple[str, str] | None = None,
) -> list[str]:
    """Every place a person appears, in worksheet order, named in the worksheet's words.

    In child view the supporter kinds the child does not see are left out, and so is an
    ecomap where they are only on a practitioner-only link (see core/audience.py).
    """
    who = audience_of(child_view)
    hidden = left_out_kinds(workbook, wording, who)
    names = []
    for place in workbook.appearances(person_id):
        if place == skip or (place[0] == "supporter" and place[1] in hidden):
            continue
        if place[0] != "ecomap":
            names.append(place_name(workbook, wording, *place))
    seen = ecomaps_seen_on(workbook, person_id, who) if any(
        section == "ecomap" for section, _ in workbook.appearances(person_id)) else ()
    return names + titles_of(seen, workbook, wording.ecomap)
