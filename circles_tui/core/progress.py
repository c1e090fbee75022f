"""How far each step has got, for the marks in the step list: "empty", "started", "done".

The Summary's mark is `proposed_network.anyone_placed`; the Tree of Life's is the tree step's.
"""

from __future__ import annotations

from typing import Literal

from circles_tui.core.model import Workbook

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
