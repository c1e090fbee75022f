"""Writing a workbook: the same workbook always gives the same TOML text.

No Textual or Rich here. One table per record, fields in declaration order, defaults
left out (the format has no nulls); changing one person changes only their lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs
import tomli_w

from circles_tui.core.ecomap_format import ecomap_chunks
from circles_tui.core.family_format import family_chunks
from circles_tui.core.meeting_format import meeting_chunks
from circles_tui.core.step_questions_format import step_questions_chunks
from circles_tui.core.mobility_format import mobility_chunks
from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    FORMAT_NAME,
    FORMAT_VERSION,
    SUPPORTER_KINDS,
    TREE_PARTS,
    Placement,
    TreePart,
    Workbook,
)
from circles_tui.core.render_cache import RenderCache

_PREAMBLE = (
    "# A circles-tui workbook: one session's safety circles, supporter circles and Tree of Life.\n"
    "# Plain text on purpose: read it in any editor. Ring 1 is nearest the child.\n"
    "# It holds sensitive information about a child: keep it where your organisation says.\n"
)


def dumps(workbook: Workbook) -> str:
    """The file text for a workbook. The same workbook always gives the same text."""
    try:
        return "".join(_chunks(workbook))
    finally:
        _tables.end_pass()


# The text of each record's table from the last `dumps`: autosaving a big workbook
# formats only the records an edit replaced instead of every person again.
_tables: RenderCache[str] = RenderCache()


def forget_formatted_records() -> None:
    """Make the next `dumps` format every record afresh (for benchmarks and tests)."""
    _tables.clear()


def _table(name: str, record: Any, values: Callable[[Any], dict[str, Any]]) -> str:
    """One `[[name]]` table, reused from the last save when it is the same record."""
    return _tables.get(name, (record,), lambda: f"\n[[{name}]]\n" + _values(values(record)))


def _chunks(workbook: Workbook) -> Iterator[str]:
    yield _PREAMBLE
    yield _values({"format": FORMAT_NAME, "format_version": FORMAT_VERSION})
    yield "\n[about]\n"
    yield _values(_record(workbook.about, skip=()))
    for person in workbook.people:
        yield _table("people", person, _plain_record)
    for circle in CIRCLE_IDS:
        placement_values = _placement_values(circle)
        for placement in workbook.circles[circle]:
            yield _table(f"circles.{circle}", placement, placement_values)
    for kind in SUPPORTER_KINDS:
        for supporter in workbook.supporters[kind]:
            yield _table(f"supporters.{kind}", supporter, _plain_record)
    for part in TREE_PARTS:
        yield from _tree_part(f"tree.{part}", workbook.tree[part])
    if workbook.storms is not None:
        yield from _tree_part("storms", workbook.storms, even_if_empty=True)
    yield from meeting_chunks(workbook.meeting, _values, _record)
    yield from ecomap_chunks(workbook.ecomaps, _values, _record)
    yield from family_chunks(workbook.family, _values, _record)
    yield from step_questions_chunks(workbook.questions, _values, _record)
    yield from mobility_chunks(workbook.mobility, _values, _record)


def _plain_record(value: Any) -> dict[str, Any]:
    return _record(value, skip=())


def _placement_values(circle: str) -> Callable[[Placement], dict[str, Any]]:
    """A placement's fields, then its extras in the order the circle lists them."""
    order = [f.id for f in CIRCLE_FIELDS[circle]]

    def values(placement: Placement) -> dict[str, Any]:
        out = _record(placement, skip=("extras",))
        out.update((k, placement.extras[k]) for k in order if k in placement.extras)
        return out

    return values


def _tree_part(name: str, part: TreePart, even_if_empty: bool = False) -> Iterator[str]:
    if part.is_empty and not even_if_empty:
        return
    yield f"\n[{name}]\n"
    yield _values(_record(part, skip=("answers",)))
    for answer in part.answers:
        yield f"\n[[{name}.answers]]\n"
        yield _values(_record(answer, skip=()))


def _record(value: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    """A record's fields in declaration order, leaving out defaults: the format has no nulls."""
    out: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        if field.name in skip:
            continue
        item = getattr(value, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if item is None or item == default or (isinstance(item, tuple) and not item):
            continue
        out[field.name] = list(item) if isinstance(item, tuple) else item
    return out


def _values(values: dict[str, Any]) -> str:
    """`key = value` lines. tomli-w escapes; strings with newlines become readable blocks,
    unless they hold a carriage return, which a multi-line TOML string cannot keep."""
    def has_cr(value: Any) -> bool:
        texts = value if isinstance(value, list) else [value]
        return any(isinstance(v, str) and "\r" in v for v in texts)

    if not any(has_cr(value) for value in values.values()):
        # The usual case, in one call: the same text as key by key, in half the time.
        return tomli_w.dumps(values, multiline_strings=True)
    return "".join(
        tomli_w.dumps({key: value}, multiline_strings=not has_cr(value))
        for key, value in values.items()
    )
