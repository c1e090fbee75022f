"""Keep what was made from immutable records, from one redraw or save to the next.

Workbook records never change, and an edit builds a new workbook that shares every
record it did not touch. So a list line or a file table made from a record can be
reused while the record is the very same object (an equal copy does not count).
Each pass keeps only what it used.

No Textual or Rich here: storage and the screens both use it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class RenderCache(Generic[T]):
    """`get` returns what `make` gave for these records last pass, or makes it now."""

    def __init__(self) -> None:
        self._last: dict[tuple, tuple[tuple[object, ...], T]] = {}
        self._this: dict[tuple, tuple[tuple[object, ...], T]] = {}

    def get(self, key: Hashable, records: tuple[object, ...], make: Callable[[], T]) -> T:
        """`key` tells apart things made differently from the same records."""
        slot = (key, *map(id, records))
        # An entry holds its records, so while it exists no other object can have their
        # ids: finding the slot means these are the very records it was made from.
        found = self._last.get(slot) or self._this.get(slot)
        if found is None:
            found = (records, make())
        self._this[slot] = found
        return found[1]

    def end_pass(self) -> None:
        """Forget whatever the pass just ended did not ask for."""
        self._last, self._this = self._this, {}

    def clear(self) -> None:
        self._last, self._this = {}, {}
