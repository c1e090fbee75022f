"""Edits to the five safety circles."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from circles_tui.core.model import Placement, Workbook


def set_placements(workbook: Workbook, circle: str, placements: Iterable[Placement]) -> Workbook:
    return attrs.evolve(workbook, circles={**workbook.circles, circle: tuple(placements)})
