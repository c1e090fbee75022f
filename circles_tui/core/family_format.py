"""The `[family]` table of a workbook file (format version 3): reading and writing it.

No Textual or Rich here. The reader calls `read_family` with itself (its typed getters
raise `ModelError` naming the key) and the writer calls `family_chunks`. A file without
a `[family]` table (every version 1 and 2 file) gets an empty family, and an empty
family writes nothing, so such a file keeps its shape when saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from circles_tui.core.family import Family, FamilyLink, HeritageNote


def read_family(reader: Any, doc: dict[str, Any]) -> Family:
    """The family in a parsed document; `reader` is workbook_reader's `_WorkbookReader`."""
    t = reader._table(doc, "family", "")
    if not t:
        return Family()
    p = "family"
    reader._only(t, p, {"household", "practitioner_note", "links", "heritage"})
    return Family(
        links=tuple(reader._record(FamilyLink, item, f"{p}.links[{i}]")
                    for i, item in enumerate(reader._tables(t, "links", p))),
        heritage=tuple(reader._record(HeritageNote, item, f"{p}.heritage[{i}]")
                       for i, item in enumerate(reader._tables(t, "heritage", p))),
        household=reader._list(t, "household", p, str, "a person's id"),
        practitioner_note=reader._str(t, "practitioner_note", p),
    )


def family_chunks(
    family: Family,
    values: Callable[[dict[str, Any]], str],
    record: Callable[[Any, tuple[str, ...]], dict[str, Any]],
) -> Iterator[str]:
    """The `[family]` tables, or nothing for an empty family. `values` writes `key = value`
    lines and `record` gives a record's non-default fields (both from workbook_writer)."""
    if family.is_empty:
        return
    yield "\n[family]\n"
    yield values(record(family, ("links", "heritage")))
    for name, entries in (("links", family.links), ("heritage", family.heritage)):
        for entry in entries:
            yield f"\n[[family.{name}]]\n{values(record(entry, ()))}"
