"""The `[[mobility]]` tables of a workbook file (format version 3): reading and writing them.

No Textual or Rich here. `workbook_reader` calls `read_mobility` with its reader (whose
typed getters raise `ModelError` naming the key); `workbook_writer` calls
`mobility_chunks`. A file without `[[mobility]]` tables (every file before version 3)
gets an empty map, and an empty map writes nothing, so such a file keeps its shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from circles_tui.core.mobility import Stay


def read_mobility(reader: Any, doc: dict[str, Any]) -> tuple[Stay, ...]:
    """The stays in a parsed document, in file order; `reader` is workbook_reader's."""
    return tuple(
        reader._record(Stay, item, f"mobility[{i}]")
        for i, item in enumerate(reader._tables(doc, "mobility", ""))
    )


def mobility_chunks(
    stays: tuple[Stay, ...],
    values: Callable[[dict[str, Any]], str],
    record: Callable[[Any, tuple[str, ...]], dict[str, Any]],
) -> Iterator[str]:
    """One `[[mobility]]` table per stay, in the child's order; nothing for an empty map.
    `values` writes `key = value` lines and `record` gives a record's non-default fields."""
    for stay in stays:
        yield "\n[[mobility]]\n"
        yield values(record(stay, ()))
