"""The ecomap step's chains of dialogs: each one read top to bottom, ending in one edit.

Each function runs inside the step's `@work` worker for its key, and makes each dialog
there, so the app's type-ahead holds keys typed meanwhile for the dialog they were typed
for. Nothing is changed until the last answer: cancelling any dialog changes nothing.
Adding someone to a safety circle or a supporter kind asks what the circle and supporter
steps ask, with their own dialogs, and posts their own operations.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

import attrs

from circles_tui.core.audience import left_out_kinds
from circles_tui.core.ecomap import WHOSE_CHILD, WHOSE_HOUSEHOLD, EcoLink, Ecomap
from circles_tui.core.edits import circles, ecomap as edits, supporters
from circles_tui.core.model import Placement, Supporter
from circles_tui.core.progress import SERVICES
from circles_tui.dialogs.meeting_forms import (
    ChecksDialog, ChoiceDialog, FormField, ShortFormDialog, date_text, parse_date,
)
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.placement import PlacementDialog, RingDialog
from circles_tui.dialogs.supporter import SupporterDialog
from circles_tui.steps.ecomap import ecomap_view as view
from circles_tui.widgets.rings_grid import clean_name

if TYPE_CHECKING:
    from circles_tui.steps.ecomap.ecomap_step import EcomapStep

# Where a new link goes round the centre: the least used of these, in this order, so the
# first few spread out.
CLOCK_ORDER = (2, 10, 4, 8, 12, 6, 3, 9, 1, 11, 5, 7)
START_DISTANCE = 2  # near; moved with i and o


def free_clock(ecomap: Ecomap) -> int:
    used = [link.clock for link in ecomap.links]
    return min(CLOCK_ORDER, key=lambda hour: (used.count(hour), CLOCK_ORDER.index(hour)))


async def add_link(step: EcomapStep) -> None:
    """Where the link starts (on a family ecomap), who (new or known, and what they are
    when new), and what the link is like."""
    workbook, ecomap = step.workbook, step.ecomap()
    if workbook is None or ecomap is None:
        return
    words = step.words
    between = ""
    if ecomap.is_whole_family:
        family = clean_name(words.fill(words.household_name, view.child_name(workbook)))
        starts = {"": family} | dict(view.centre_members(ecomap, workbook))
        between = await step.app.push_screen_wait(ChoiceDialog(
            "Whose link is it?", starts, "",
            help="With the family as a whole, or with one of them (a link between two of "
                 "them goes inside the middle)."))
        if between is None:
            return
    # Whoever is linked with that end already: a pair is linked once.
    taken = {other for link in ecomap.links if between in link.ends
             for other in link.ends - {between}}
    exclude = taken | {ecomap.whose, between} | (set(ecomap.household) if not between else set())
    choice = await step.app.push_screen_wait(PersonDialog(
        workbook, f"Add to {view.title(ecomap, workbook, words)}", exclude))
    if choice is None:
        return
    person, name = choice.person, clean_name(choice.person.name)
    if choice.is_new:
        kind = await step.app.push_screen_wait(ChoiceDialog(
            f"What is {name}?", dict(words.kinds), "person"))
        if kind is None:
            return
        person = attrs.evolve(person, kind=kind)
    quality = await step.app.push_screen_wait(ChoiceDialog(
        f"What is the link with {name} like?", dict(words.qualities), "ordinary",
        help="A second quality, for a link that varies, is the m key."))
    if quality is None:
        return
    link = EcoLink(person.id, START_DISTANCE, free_clock(ecomap), (quality,), between=between)
    step.selected = view.link_id(link)
    operation = (partial(edits.add_link_to_new, ecomap.id, person, link) if choice.is_new
                 else partial(edits.add_link, ecomap.id, link))
    step.edit(operation, f"Added {name} to the ecomap")


async def edit_notes(step: EcomapStep) -> None:
    """The family's words about the highlighted link, and the practitioner's own note
    (left out in child view, and kept as it was)."""
    found = step._ends()
    if found is None:
        return
    ecomap, link, name = found
    values = await step.app.push_screen_wait(ShortFormDialog(f"The link with {name}", (
        FormField("note", "In their words", link.note,
                  "What the child or family say about this link."),
        FormField("practitioner_note", "Note", link.practitioner_note,
                  "Your own note about this link; never shown to the family.",
                  audience_rule="EcoLink.practitioner_note"),
    ), child_view=step.child_view))
    if values is not None:
        step.edit(partial(edits.set_notes, ecomap.id, link.person, link.between, values["note"],
                          values["practitioner_note"]), f"Changed the notes about {name}")


async def second_quality(step: EcomapStep) -> None:
    """Give the link a second quality (a relationship that varies), or take it away."""
    found = step._ends()
    if found is None:
        return
    ecomap, link, name = found
    words = step.words
    if len(link.qualities) == 2:
        step.edit(partial(edits.remove_second_quality, ecomap.id, link.person, link.between),
                  f"Took the second quality off the link with {name}")
        step.notify(f"The link with {name} is {words.qualities[link.qualities[0]].lower()} "
                    "only now — ctrl+z to undo.", markup=False)
        return
    others = {q: text for q, text in words.qualities.items() if q not in link.qualities}
    quality = await step.app.push_screen_wait(ChoiceDialog(
        f"The link with {name} is {words.qualities[link.qualities[0]].lower()}; what else "
        "is it at times?", others))
    if quality is not None:
        step.edit(partial(edits.add_second_quality, ecomap.id, link.person, link.between,
                          quality), f"Gave the link with {name} a second quality")


async def _ask_date(step: EcomapStep, heading: str, value: date | None) -> date | None | bool:
    """A date, None for no date, or False when cancelled."""
    values = await step.app.push_screen_wait(ShortFormDialog(heading, (
        FormField("made_on", step.words.made_on, date_text(value),
                  "The day it was made, so a later ecomap can be compared with it.",
                  is_date=True),)))
    return False if values is None else parse_date(values["made_on"])


def _people(step: EcomapStep) -> dict[str, str]:
    """Everyone in the register who is a person (not a group, service or place)."""
    assert step.workbook is not None
    return {p.id: clean_name(p.name) for p in step.workbook.people if p.kind == "person"}


async def new_ecomap(step: EcomapStep) -> None:
    """Whose ecomap (the child's, the family's, someone's own), who lives with the child
    for a family one, and its date."""
    workbook, words = step.workbook, step.words
    if workbook is None:
        return
    child = view.child_name(workbook)
    choices = {WHOSE_CHILD: words.title_of(WHOSE_CHILD, child),
               WHOSE_HOUSEHOLD: words.title_of(WHOSE_HOUSEHOLD, child)}
    choices |= {pid: words.title_of("own", name) for pid, name in _people(step).items()}
    whose = await step.app.push_screen_wait(ChoiceDialog("Whose ecomap is it?", choices))
    if whose is None:
        return
    household: tuple[str, ...] = ()
    if whose == WHOSE_HOUSEHOLD:
        members = await step.app.push_screen_wait(ChecksDialog(
            f"Who lives with {child}?", _people(step), (),
            help="Space ticks someone; ctrl+s when done. They sit in the middle together."))
        if members is None:
            return
        household = members
    made_on = await _ask_date(step, f"When is {choices[whose]} made?", date.today())
    if made_on is False:
        return
    ecomap = Ecomap(edits.new_ecomap_id(workbook, whose, made_on), whose, made_on,
                    household=household)
    step.current = ecomap.id
    step.edit(partial(edits.add_ecomap, ecomap), f"Started {choices[whose]}")


async def switch_ecomap(step: EcomapStep) -> None:
    workbook, current = step.workbook, step.ecomap()
    if workbook is None or current is None:
        return
    choices = {e.id: f"{view.title(e, workbook, step.words)} · {view.when(e, step.words)}"
               for e in workbook.ecomaps}
    chosen = await step.app.push_screen_wait(ChoiceDialog("Which ecomap?", choices, current.id))
    if chosen is not None and chosen != current.id:
        step.current, step.selected = chosen, None
        step.show(workbook)


async def choose_centre(step: EcomapStep) -> None:
    ecomap = step.ecomap()
    if ecomap is None:
        return
    centre = await step.app.push_screen_wait(ChoiceDialog(
        "What should the middle be?", dict(step.words.centres), ecomap.centre,
        help="Whatever catches the child's imagination."))
    if centre is not None:
        step.edit(partial(edits.set_centre, ecomap.id, centre), "Changed the ecomap's middle")


async def change_date(step: EcomapStep) -> None:
    ecomap = step.ecomap()
    if ecomap is None:
        return
    made_on = await _ask_date(step, "When was this ecomap made?", ecomap.made_on)
    if made_on is not False:
        step.edit(partial(edits.set_made_on, ecomap.id, made_on), "Changed the ecomap's date")


async def change_household(step: EcomapStep) -> None:
    ecomap, workbook = step.ecomap(), step.workbook
    if ecomap is None or workbook is None or not ecomap.is_whole_family:
        return
    members = await step.app.push_screen_wait(ChecksDialog(
        f"Who lives with {view.child_name(workbook)}?", _people(step), ecomap.household,
        help="Space ticks someone; ctrl+s when done."))
    if members is not None:
        step.edit(partial(edits.set_household, ecomap.id, members), "Changed the household")


async def add_to_circle(step: EcomapStep) -> None:
    """The highlighted entry into a safety circle: which circle, which ring, and in
    "services suggest" the reason (without which no one is added), as the circle step asks."""
    found, workbook = step._ends(), step.workbook
    if found is None or workbook is None:
        return
    _, link, name = found
    circle_ids = [c.id for c in step.content.circles
                  if circles.placement_of(workbook, c.id, link.person) is None]
    if not circle_ids:
        step.notify(f"{name} is in every safety circle already.", markup=False)
        return
    circle_id = await step.app.push_screen_wait(ChoiceDialog(
        f"Add {name} to which safety circle?",
        {c: step.content.circle(c).short for c in circle_ids}))
    if circle_id is None:
        return
    circle = step.content.circle(circle_id)
    ring = await step.app.push_screen_wait(RingDialog(circle, name, default=2))
    if ring is None:
        return
    placement = Placement(link.person, ring,
                          named_by="practitioner" if circle_id == SERVICES else "child")
    if circle_id == SERVICES:
        placement = await step.app.push_screen_wait(PlacementDialog(
            step.content, circle, workbook.person(link.person), placement, step.child_view,
            adding=True))
        if placement is None:
            step.notify(f"{name} was not added: everyone in {circle.short} needs a reason.",
                        markup=False, severity="warning")
            return
    step.edit(partial(circles.place, circle_id, placement), f"Added {name} to {circle.short}")
    step.notify(f"Added {name} to {circle.short}.", markup=False)


async def add_to_supporters(step: EcomapStep) -> None:
    """The highlighted entry into a supporter circle, then its details, as the supporter
    step asks."""
    found, workbook = step._ends(), step.workbook
    if found is None or workbook is None:
        return
    _, link, name = found
    hidden = left_out_kinds(workbook, step.wording, step.audience)
    kinds = {kind.id: kind.title for kind in step.content.supporters
             if kind.id not in hidden and supporters.entry_of(workbook, kind.id, link.person) is None}
    if not kinds:
        step.notify(f"{name} is in every supporter circle already.", markup=False)
        return
    kind_id = await step.app.push_screen_wait(ChoiceDialog(
        f"What kind of supporter is {name}?", kinds))
    if kind_id is None:
        return
    kind = step.content.supporter(kind_id)
    step.edit(partial(supporters.add, kind_id, link.person), f"Added {name} to {kind.title}")
    result = await step.app.push_screen_wait(SupporterDialog(
        Supporter(link.person), workbook.person(link.person), kind, child_view=step.child_view))
    if result is not None:
        step.edit(partial(supporters.edit, kind.id, result.supporter, result.lives),
                  f"Edited {name} in {kind.title}")
    step.notify(f"Added {name} to {kind.title}.", markup=False)

