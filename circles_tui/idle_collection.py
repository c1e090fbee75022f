"""Python's garbage collection, done while nobody is typing.

A full collection walks every object the app holds: with 1,000 people in a workbook it
took 30-70 ms, and Python starts one whenever enough new objects have piled up, so it
landed on whichever key happened to come then (the slowest keys in the benchmark were
those). Here the app collects in full once the keyboard and mouse have been still for a
moment, then freezes what survived (`gc.freeze`): later automatic collections only walk
what was made since, which is small. Each idle collection unfreezes first, so nothing
frozen is kept once it is no longer used.
"""

from __future__ import annotations

import gc
import time

from textual import events

QUIET_SECONDS = 1.5  # no key, paste or click for this long counts as idle
# While the app runs, Python considers a full collection a hundred times less often (its
# defaults are 700, 10, 10): those are done while idle instead. The young generations keep
# their defaults: made larger, each of their passes took up to 60 ms.
THRESHOLDS = (700, 10, 1000)


class IdleCollection:
    """An App mixin: call `start_idle_collection` once the first screen is up."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._last_input = time.monotonic()
        self._collect_due = False
        self._thresholds_before: tuple[int, int, int] | None = None
        # Everything imported so far (Textual, the wording, the data side) lives as long as
        # the app: out of every garbage collection from here on. Otherwise the collections
        # that building the first screen sets off keep walking it: 40-70 ms of start-up.
        gc.freeze()

    def collect_garbage_now(self) -> None:
        """Collect everything, then leave what is left out of later automatic passes."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._collect_due = False

    def start_idle_collection(self) -> None:
        """Freeze what exists now (the app, its wording and the workbook live as long as it
        does), and from now on collect whenever the app has been idle after some input."""
        gc.freeze()
        if self._thresholds_before is None:  # once, though a second workbook may open
            self._thresholds_before = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)
            self.set_interval(QUIET_SECONDS / 2, self._collect_if_idle)  # type: ignore[attr-defined]

    def _collect_if_idle(self) -> None:
        if self._collect_due and time.monotonic() - self._last_input >= QUIET_SECONDS:
            self.collect_garbage_now()

    def on_unmount(self) -> None:
        """Leave the interpreter as it was (the tests start hundreds of apps in one)."""
        if self._thresholds_before is not None:
            gc.set_threshold(*self._thresholds_before)
        gc.unfreeze()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste, events.MouseDown)):
            self._last_input = time.monotonic()
            self._collect_due = True
        await super().on_event(event)  # type: ignore[misc]
