"""The rule every list of records with ids of their own keeps (ecomaps, the places on the
mobility map): each is the right kind of record, and its id is well formed and used once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from circles_tui.core.model import ID_PATTERN, ModelError

Record = TypeVar("Record")


def with_unique_ids(records: Iterable[Record], kind: type[Record], table: str,
                    plural: str) -> Iterator[tuple[str, Record]]:
    """Each record with its path ("ecomaps[2]"), once its type and id are checked; `plural`
    names the records in the message about an id used twice ("two ecomaps")."""
    article = "an" if kind.__name__[0] in "AEIOU" else "a"
    seen: set[str] = set()
    for index, record in enumerate(records):
        path = f"{table}[{index}]"
        if not isinstance(record, kind):
            raise ModelError(path, f"must be {article} {kind.__name__} record")
        record_id = record.id  # type: ignore[attr-defined]
        if not isinstance(record_id, str) or not ID_PATTERN.fullmatch(record_id):
            raise ModelError(f"{path}.id", "an id is 1 to 64 lower-case letters, digits or "
                             "dashes, starting with a letter or digit")
        if record_id in seen:
            raise ModelError(f"{path}.id", f"the id {record_id!r} is used by two {plural}")
        seen.add(record_id)
        yield path, record
