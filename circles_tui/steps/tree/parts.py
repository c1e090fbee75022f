"""The parts of the Tree of Life in the order the step shows them, and how far they have got.

Progress: "empty" while nothing at all is written in the tree or storms;
"done" once each of the seven parts has at least one entry (words, an answered
or asked question, or for the leaves a linked person); "started" in between.
A practitioner note alone counts as started, not as an entry. The storms are
optional and never needed for "done".
"""

from __future__ import annotations

from circles_tui.core.edits.tree import STORMS
from circles_tui.core.model import TREE_PARTS, TreePart, Workbook
from circles_tui.steps.step import Progress

PARTS: tuple[str, ...] = TREE_PARTS + (STORMS,)


def part_entries(part: TreePart | None) -> int:
    """How many things are written in a part: words, questions asked, people linked."""
    if part is None:
        return 0
    return len(part.words) + len(part.answers) + len(part.people)


def tree_progress(workbook: Workbook) -> Progress:
    parts = [workbook.tree[p] for p in TREE_PARTS]
    if all(part_entries(p) for p in parts):
        return "done"
    if any(not p.is_empty for p in parts) or workbook.storms is not None:
        return "started"
    return "empty"


def short(text: str, limit: int = 40) -> str:
    """Text on one line, cut to `limit` characters, for a notification."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
