"""The parts of the Tree of Life in the order the step shows them.

How far the tree has got (`tree_progress`, `part_entries`) is in core/progress.py.
"""

from __future__ import annotations

from circles_tui.core.edits.tree import STORMS
from circles_tui.core.model import TREE_PARTS

PARTS: tuple[str, ...] = TREE_PARTS + (STORMS,)


def short(text: str, limit: int = 40) -> str:
    """Text on one line, cut to `limit` characters, for a notification."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
