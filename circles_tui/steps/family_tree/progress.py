"""How far the family tree has got, for the mark in the step list. No Textual here."""

from __future__ import annotations

from circles_tui.core.family_tree import tree_rows
from circles_tui.core.model import Workbook
from circles_tui.core.progress import Progress


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
