"""How far each step has got, for the marks in the step list: "empty", "started", "done".

One function a step, all here and none of them Textual, so the step list can mark every step
without building it (core/step_index.py). The Summary's mark is `proposed_network.anyone_placed`.
"""

from __future__ import annotations

from typing import Literal

from circles_tui.core.family_tree import tree_rows
from circles_tui.core.model import TREE_PARTS, TreePart, Workbook
from circles_tui.core.proposed_network import anyone_placed

Progress = Literal["empty", "started", "done"]

SERVICES = "services-suggest"
DONE_AT = 3  # people placed before a family circle counts as done


def about_progress(workbook: Workbook) -> Progress:
    """"done" once the practitioner, a session date and who is taking part are written."""
    about = workbook.about
    if about.practitioner and about.session_dates and about.taking_part:
        return "done"
    return "started"


def circle_progress(circle_id: str, workbook: Workbook) -> Progress:
    """How far a circle has got.

    "empty" with no one placed. A family circle is "done" with at least three
    people placed. "Services suggest" is "done" once it has someone in it and
    everyone there has the practitioner's reason and the young person's view
    recorded ("didn't say" counts): that conversation is the point of it.
    """
    placements = workbook.circles.get(circle_id, ())
    if not placements:
        return "empty"
    if circle_id == SERVICES:
        complete = all(
            str(p.extras.get("reason", "")).strip() and p.extras.get("yp_view")
            for p in placements
        )
        return "done" if complete else "started"
    return "done" if len(placements) >= DONE_AT else "started"


def supporters_progress(workbook: Workbook) -> Progress:
    """"empty" while no one is in any supporter circle; "done" once there is at least one
    emotional and one practical supporter (the two kinds every network needs; fair-weather
    and false may rightly stay empty); "started" in between."""
    counts = {kind: len(entries) for kind, entries in workbook.supporters.items()}
    if not any(counts.values()):
        return "empty"
    if counts.get("emotional") and counts.get("practical"):
        return "done"
    return "started"


def people_progress(workbook: Workbook) -> Progress:
    """"empty" while no one has been named, otherwise "done"."""
    return "done" if workbook.people else "empty"


def summary_progress(workbook: Workbook) -> Progress:
    """"done" once anyone is placed in the proposed network, otherwise "empty"."""
    return "done" if anyone_placed(workbook) else "empty"


def ecomap_progress(workbook: Workbook) -> Progress:
    """"empty" with no ecomap; "done" once one is dated and has at least three links
    (enough to see who is near and what the links are like); "started" in between."""
    if not workbook.ecomaps:
        return "empty"
    if any(e.made_on is not None and len(e.links) >= DONE_AT for e in workbook.ecomaps):
        return "done"
    return "started"


def family_tree_progress(workbook: Workbook) -> Progress:
    """"empty" until anyone is linked or any heritage noted; "done" once the child's
    parents are all filled in and someone of the grandparents' generation is; "started"
    in between. The blanks further out stay: filling them in is an ongoing piece of work."""
    family = workbook.family
    if not (family.links or family.heritage):
        return "empty"
    rows = tree_rows(workbook)
    parents = rows[1] if len(rows) > 1 else ()
    grandparents = rows[2] if len(rows) > 2 else ()
    if parents and not any(slot.is_blank for slot in parents) and any(
            not slot.is_blank for slot in grandparents):
        return "done"
    return "started"


def part_entries(part: TreePart | None) -> int:
    """How many things are written in a part of the Tree of Life: words, questions asked,
    people linked."""
    if part is None:
        return 0
    return len(part.words) + len(part.answers) + len(part.people)


def tree_progress(workbook: Workbook) -> Progress:
    """"empty" while nothing at all is written in the tree or storms; "done" once each of
    the seven parts has at least one entry; "started" in between. A practitioner note alone
    counts as started, not as an entry; the storms are never needed for "done"."""
    parts = [workbook.tree[p] for p in TREE_PARTS]
    if all(part_entries(p) for p in parts):
        return "done"
    if any(not p.is_empty for p in parts) or workbook.storms is not None:
        return "started"
    return "empty"


def mobility_progress(workbook: Workbook) -> Progress:
    """"empty" with no place; "done" once there are two places and someone linked to one."""
    if not workbook.mobility:
        return "empty"
    return "done" if len(workbook.mobility) >= 2 and any(
        s.people for s in workbook.mobility) else "started"


def invitations_progress(workbook: Workbook) -> Progress:
    """"done" once the meeting has a date and someone the family wants is coming."""
    meeting = workbook.meeting
    if not (meeting.invitations or meeting.on or meeting.place or meeting.facilitator):
        return "empty"
    coming = any(i.family_wants == "yes" and i.status == "coming" for i in meeting.invitations)
    return "done" if meeting.on and coming else "started"


def child_voice_progress(workbook: Workbook) -> Progress:
    """"done" once the child's words and how they take part are both written."""
    voice = workbook.meeting.child_voice
    if not (voice.words or voice.taking_part):
        return "empty"
    return "done" if voice.words and voice.taking_part else "started"


def family_plan_progress(workbook: Workbook) -> Progress:
    """"done" once a row names who and a fallback, and a review date is set."""
    plan = workbook.meeting.plan
    if not (plan.rows or plan.strengths or plan.review_on):
        return "empty"
    complete = any(row.who and row.fallback for row in plan.rows)
    return "done" if complete and plan.review_on else "started"
