"""Edits to ecomaps: make and remove one, say whose it is and when, and change its links.

Each operation takes the workbook last, so a step posts `partial(op, ...)`. An ecomap is
found by its id and a link by its two ends (`person`, and `between`, "" for the centre),
so an edit made from a dialog opened before some other change still lands on the right
link, or is refused with a sentence when it has gone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs

from circles_tui.core.ecomap import (
    CENTRES,
    CLOCK,
    DISTANCES,
    FLOWS,
    FROM_CHILD,
    LINK_QUALITIES,
    WHOSE_CHILD,
    WHOSE_HOUSEHOLD,
    Ecomap,
    EcoLink,
)
from circles_tui.core.edits import EditRefused
from circles_tui.core.edits.people import admit, readable_id, require
from circles_tui.core.model import Person, Workbook

NO_ECOMAP = "That ecomap is no longer in the workbook, so nothing changed."
NO_LINK = "That link is no longer on this ecomap, so nothing changed."


def new_ecomap_id(workbook: Workbook, whose: str, made_on: date | None) -> str:
    """A readable id from whose it is and its date ("child-2026-03-17"), unique in the workbook."""
    text = whose if made_on is None else f"{whose} {made_on.isoformat()}"
    return readable_id(text, {ecomap.id for ecomap in workbook.ecomaps}, "ecomap")


def ecomap_of(workbook: Workbook, ecomap_id: str) -> Ecomap:
    """The ecomap with this id, or a refusal saying it has gone."""
    found = next((e for e in workbook.ecomaps if e.id == ecomap_id), None)
    if found is None:
        raise EditRefused(NO_ECOMAP)
    return found


def _replaced(workbook: Workbook, ecomap: Ecomap) -> Workbook:
    ecomaps = tuple(ecomap if e.id == ecomap.id else e for e in workbook.ecomaps)
    return attrs.evolve(workbook, ecomaps=ecomaps)


def _changed(workbook: Workbook, ecomap_id: str, **changes) -> Workbook:
    ecomap = ecomap_of(workbook, ecomap_id)
    changed = attrs.evolve(ecomap, **changes)
    return workbook if changed == ecomap else _replaced(workbook, changed)


# -- whole ecomaps (workbook last) ---------------------------------------------------------


def add_ecomap(ecomap: Ecomap, workbook: Workbook) -> Workbook:
    """Add a new ecomap; its id is made afresh when the one it carries was taken meanwhile."""
    _check_whose(workbook, ecomap.whose)
    if any(e.id == ecomap.id for e in workbook.ecomaps):
        ecomap = attrs.evolve(ecomap, id=new_ecomap_id(workbook, ecomap.whose, ecomap.made_on))
    return attrs.evolve(workbook, ecomaps=workbook.ecomaps + (ecomap,))


def remove_ecomap(ecomap_id: str, workbook: Workbook) -> Workbook:
    """Remove a whole ecomap; nothing to do if it has gone. The register keeps everyone."""
    return attrs.evolve(workbook, ecomaps=tuple(e for e in workbook.ecomaps if e.id != ecomap_id))


def set_made_on(ecomap_id: str, made_on: date | None, workbook: Workbook) -> Workbook:
    return _changed(workbook, ecomap_id, made_on=made_on)


def set_centre(ecomap_id: str, centre: str, workbook: Workbook) -> Workbook:
    """How the middle is drawn: plain, an island, a planet, a pitch."""
    if centre not in CENTRES:
        raise EditRefused(f"{centre!r} is not a centre an ecomap can have.")
    return _changed(workbook, ecomap_id, centre=centre)


def set_whose(ecomap_id: str, whose: str, workbook: Workbook) -> Workbook:
    """Whose ecomap it is: the child's, the household's, or someone's own (a parent's)."""
    ecomap = ecomap_of(workbook, ecomap_id)
    _check_whose(workbook, whose)
    if whose == ecomap.whose:
        return workbook
    if ecomap.is_whole_family and (ecomap.household or any(k.between for k in ecomap.links)):
        raise EditRefused("This ecomap has household members in the middle; take them out "
                          "first, so that no link is lost.")
    if ecomap.link(whose) is not None:
        raise EditRefused("That person is linked on this ecomap; remove the link first, "
                          "so that they can sit in the middle.")
    return _replaced(workbook, attrs.evolve(ecomap, whose=whose))


def set_household(ecomap_id: str, members: tuple[str, ...], workbook: Workbook) -> Workbook:
    """Who sits in the middle of a whole-family ecomap with the child."""
    ecomap = ecomap_of(workbook, ecomap_id)
    if not ecomap.is_whole_family:
        raise EditRefused("Only a whole-family ecomap has household members in the middle.")
    require(workbook, *members)
    members = tuple(dict.fromkeys(members))
    for link in ecomap.links:
        if link.between not in ("", FROM_CHILD) and link.between not in members:
            raise EditRefused(f"{_name(workbook, link.between)} has links of their own on "
                              "this ecomap; remove them first.")
        if link.between == "" and link.person in members:
            raise EditRefused(f"{_name(workbook, link.person)} is linked with the household; "
                              "remove that link first.")
    return _changed(workbook, ecomap_id, household=members)


def _check_whose(workbook: Workbook, whose: str) -> None:
    if whose not in (WHOSE_CHILD, WHOSE_HOUSEHOLD):
        require(workbook, whose)


def _name(workbook: Workbook, person_id: str) -> str:
    return workbook.person(person_id).name


# -- links ------------------------------------------------------------------------------------


def add_link(ecomap_id: str, link: EcoLink, workbook: Workbook) -> Workbook:
    """Link someone already in the register; refused with a sentence when the link breaks
    a rule (they are already linked from there, they are in the middle...)."""
    ecomap = ecomap_of(workbook, ecomap_id)
    require(workbook, link.person)
    if ecomap.link(link.person, link.between) is not None:
        raise EditRefused(f"{_name(workbook, link.person)} is already on this ecomap.")
    if link.person == ecomap.whose or link.person == link.between:
        raise EditRefused("Someone in the middle cannot be linked with themselves.")
    if link.between == "" and link.person in ecomap.household:
        raise EditRefused("A household member sits in the middle: say who the link is from.")
    if link.between not in ("", *ecomap.household) and not (
            ecomap.is_whole_family and link.between == FROM_CHILD):
        raise EditRefused("A link starts from the middle, or from someone in the household.")
    _check_link_values(link)
    return _replaced(workbook, attrs.evolve(ecomap, links=ecomap.links + (link,)))


def add_link_to_new(ecomap_id: str, person: Person, link: EcoLink,
                    workbook: Workbook) -> Workbook:
    """Add someone (or a group, a service, a place) to the register and link them, as one edit."""
    ecomap_of(workbook, ecomap_id)
    workbook, person = admit(person, workbook)
    return add_link(ecomap_id, attrs.evolve(link, person=person.id), workbook)


def _check_link_values(link: EcoLink) -> None:
    if link.distance not in DISTANCES or link.clock not in CLOCK:
        raise EditRefused("A link sits 1 to 4 steps out, at 1 to 12 o'clock.")
    _check_qualities(link.qualities)
    if link.flow not in FLOWS:
        raise EditRefused(f"{link.flow!r} is not a way support can flow.")


def _check_qualities(qualities: tuple[str, ...]) -> None:
    if not 1 <= len(qualities) <= 2 or len(set(qualities)) != len(qualities) or any(
            q not in LINK_QUALITIES for q in qualities):
        raise EditRefused("A link has one quality, or two different ones when it varies.")


def _change_link(workbook: Workbook, ecomap_id: str, person_id: str, between: str,
                 change: Callable[[EcoLink], EcoLink]) -> Workbook:
    ecomap = ecomap_of(workbook, ecomap_id)
    current = ecomap.link(person_id, between)
    if current is None:
        raise EditRefused(NO_LINK)
    changed = change(current)
    if changed == current:
        return workbook
    links = tuple(changed if k is current else k for k in ecomap.links)
    return _replaced(workbook, attrs.evolve(ecomap, links=links))


def move_out(ecomap_id: str, person_id: str, between: str, steps: int,
             workbook: Workbook) -> Workbook:
    """Move a link `steps` further from the centre (negative: nearer), stopping at the edges."""
    def moved(link: EcoLink) -> EcoLink:
        return attrs.evolve(link, distance=max(DISTANCES[0], min(DISTANCES[-1],
                                                                 link.distance + steps)))
    return _change_link(workbook, ecomap_id, person_id, between, moved)


def move_round(ecomap_id: str, person_id: str, between: str, hours: int,
               workbook: Workbook) -> Workbook:
    """Move a link `hours` clockwise round the centre (negative: anticlockwise), wrapping
    past 12 o'clock."""
    return _change_link(workbook, ecomap_id, person_id, between,
                        lambda link: attrs.evolve(link, clock=(link.clock - 1 + hours) % 12 + 1))


def cycle_quality(ecomap_id: str, person_id: str, between: str, workbook: Workbook) -> Workbook:
    """Change a link's (first) quality to the next one: strong, ordinary, tenuous,
    stressful, then strong again, passing over a second quality it already has."""
    def cycled(link: EcoLink) -> EcoLink:
        first, rest = link.qualities[0], link.qualities[1:]
        choices = [q for q in LINK_QUALITIES if q not in rest]
        following = choices[(choices.index(first) + 1) % len(choices)]
        return attrs.evolve(link, qualities=(following, *rest))
    return _change_link(workbook, ecomap_id, person_id, between, cycled)


def set_qualities(ecomap_id: str, person_id: str, between: str, qualities: tuple[str, ...],
                  workbook: Workbook) -> Workbook:
    """A link's quality, or two for a relationship that varies (adding or taking one away)."""
    _check_qualities(qualities)
    return _change_link(workbook, ecomap_id, person_id, between,
                        lambda link: attrs.evolve(link, qualities=qualities))


def add_second_quality(ecomap_id: str, person_id: str, between: str, quality: str,
                       workbook: Workbook) -> Workbook:
    """Give a link a second quality, for a relationship that varies."""
    ecomap = ecomap_of(workbook, ecomap_id)
    link = ecomap.link(person_id, between)
    if link is None:
        raise EditRefused(NO_LINK)
    return set_qualities(ecomap_id, person_id, between, (link.qualities[0], quality), workbook)


def remove_second_quality(ecomap_id: str, person_id: str, between: str,
                          workbook: Workbook) -> Workbook:
    """Take a link back to one quality, its first."""
    return _change_link(workbook, ecomap_id, person_id, between,
                        lambda link: attrs.evolve(link, qualities=link.qualities[:1]))


def set_flow(ecomap_id: str, person_id: str, between: str, flow: str,
             workbook: Workbook) -> Workbook:
    """Which way support flows: to the centre, from it, both ways, or "" (not said)."""
    if flow not in FLOWS:
        raise EditRefused(f"{flow!r} is not a way support can flow.")
    return _change_link(workbook, ecomap_id, person_id, between,
                        lambda link: attrs.evolve(link, flow=flow))


def set_notes(ecomap_id: str, person_id: str, between: str, note: str, practitioner_note: str,
              workbook: Workbook) -> Workbook:
    """The family's words about a link, and the practitioner's own note."""
    return _change_link(workbook, ecomap_id, person_id, between, lambda link: attrs.evolve(
        link, note=note.strip(), practitioner_note=practitioner_note.strip()))


def set_practitioner_only(ecomap_id: str, person_id: str, between: str, hidden: bool,
                          workbook: Workbook) -> Workbook:
    """Keep a link out of everything the child or family see (they did not want it shared)."""
    return _change_link(workbook, ecomap_id, person_id, between,
                        lambda link: attrs.evolve(link, practitioner_only=hidden))


def remove_link(ecomap_id: str, person_id: str, between: str, workbook: Workbook) -> Workbook:
    """Take a link off an ecomap; the person stays in the register and everywhere else."""
    ecomap = ecomap_of(workbook, ecomap_id)
    current = ecomap.link(person_id, between)
    if current is None:
        return workbook
    return _replaced(workbook, attrs.evolve(
        ecomap, links=tuple(k for k in ecomap.links if k is not current)))
