"""How far the ecomap step has got, for its mark in the step list."""

from __future__ import annotations

from circles_tui.core.model import Workbook
from circles_tui.core.progress import DONE_AT, Progress


def ecomap_progress(workbook: Workbook) -> Progress:
    """"empty" with no ecomap; "done" once one is dated and has at least three links
    (enough to see who is near and what the links are like); "started" in between."""
    if not workbook.ecomaps:
        return "empty"
    if any(e.made_on is not None and len(e.links) >= DONE_AT for e in workbook.ecomaps):
        return "done"
    return "started"
