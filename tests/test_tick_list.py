"""Tick boxes: a Ctrl+S typed straight after Space finishes with that tick in it."""

from __future__ import annotations

from circles_tui.dialogs.meeting_forms import ChecksDialog
from tests.bursts import burst, settle
from tests.test_every_dialog import Host


async def test_a_tick_then_ctrl_s_in_one_burst_keeps_the_tick():
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = ChecksDialog("What they need", {"interpreter": "An interpreter",
                                                 "travel": "Help with travel"}, ())
        app.push_screen(dialog, app.results.append)
        await settle(pilot)
        burst(app, "space", "down", "space", "ctrl+s")
        await settle(pilot)
    assert app.results and set(app.results[0]) == {"interpreter", "travel"}


async def test_space_on_a_ticked_box_takes_the_tick_off():
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = ChecksDialog("What they need", {"interpreter": "An interpreter",
                                                 "travel": "Help with travel"}, ("interpreter",))
        app.push_screen(dialog, app.results.append)
        await settle(pilot)
        burst(app, "space", "ctrl+s")
        await settle(pilot)
    assert app.results and set(app.results[0]) == set()
