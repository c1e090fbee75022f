"""Edits to the Tree of Life."""

from __future__ import annotations

import attrs

from circles_tui.core.model import TreePart, Workbook


def set_tree_part(workbook: Workbook, part: str, tree_part: TreePart) -> Workbook:
    return attrs.evolve(workbook, tree={**workbook.tree, part: tree_part})
