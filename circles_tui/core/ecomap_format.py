"""The `[[ecomaps]]` tables of a workbook file (format version 3): reading and writing them.

No Textual or Rich here. `workbook_reader` calls `read_ecomaps` with its reader (whose
typed getters raise `ModelError` naming the key) and `workbook_writer` calls
`ecomap_chunks`. A file without ecomaps (every version-1 and version-2 file) reads as
none, and no ecomaps write nothing, so such a file keeps its shape when saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.meeting_format import _date as read_date


def read_ecomaps(reader: Any, doc: dict[str, Any]) -> tuple[Ecomap, ...]:
    """The ecomaps in a parsed document; `reader` is workbook_reader's `_WorkbookReader`."""
    return tuple(
        _ecomap(reader, item, f"ecomaps[{i}]")
        for i, item in enumerate(reader._tables(doc, "ecomaps", ""))
    )


def _ecomap(reader: Any, t: dict[str, Any], p: str) -> Ecomap:
    links = tuple(
        reader._record(EcoLink, item, f"{p}.links[{i}]")
        for i, item in enumerate(reader._tables(t, "links", p))
    )
    return reader._record(Ecomap, t, p, frozenset({"made_on", "links"}),
                          made_on=read_date(reader, t, "made_on", p), links=links)


def ecomap_chunks(
    ecomaps: tuple[Ecomap, ...],
    values: Callable[[dict[str, Any]], str],
    record: Callable[[Any, tuple[str, ...]], dict[str, Any]],
) -> Iterator[str]:
    """One `[[ecomaps]]` table each, its links after it. `values` writes `key = value`
    lines and `record` gives a record's non-default fields (both from workbook_writer)."""
    for ecomap in ecomaps:
        yield "\n[[ecomaps]]\n"
        yield values(record(ecomap, ("links",)))
        for link in ecomap.links:
            yield "\n[[ecomaps.links]]\n"
            yield values(record(link, ()))
