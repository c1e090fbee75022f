"""Edits to the four supporter circles."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from circles_tui.core.model import Supporter, Workbook


def set_supporters(workbook: Workbook, kind: str, entries: Iterable[Supporter]) -> Workbook:
    return attrs.evolve(workbook, supporters={**workbook.supporters, kind: tuple(entries)})
