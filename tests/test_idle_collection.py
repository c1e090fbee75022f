"""Garbage is collected in full once input has been still for a moment, not during keys."""

from __future__ import annotations

import gc

from textual.app import App

from circles_tui import idle_collection
from circles_tui.idle_collection import IdleCollection


class QuietApp(IdleCollection, App[None]):
    def on_mount(self) -> None:
        self.start_idle_collection()


async def test_a_full_collection_waits_for_the_keyboard_to_be_still(monkeypatch):
    passes = []
    real_collect = gc.collect
    monkeypatch.setattr(idle_collection, "QUIET_SECONDS", 0.2)
    monkeypatch.setattr(idle_collection.gc, "collect", lambda *a: passes.append(1) or 0)
    app = QuietApp()
    before = gc.get_threshold()
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.pause(0.5)
            assert passes == []  # nothing typed yet: what exists was frozen, not collected
            await pilot.press("a", "b", "c")
            assert passes == []  # not while typing
            await pilot.pause(0.5)
            assert passes == [1]  # once still
            await pilot.pause(0.5)
            assert passes == [1]  # nothing typed since: nothing to do
            assert gc.get_threshold() == idle_collection.THRESHOLDS
        assert gc.get_threshold() == before and gc.get_freeze_count() == 0  # as it was
    finally:
        gc.unfreeze()
        real_collect()
