"""The mobility map with hostile text: every place, time and note shown literally (never as
markup or an action), in its dialog too, and the practitioner's note kept out of child view."""

from __future__ import annotations

import attrs

from circles_tui.core.mobility import Stay
from tests import test_hostile_screens as hostile
from tests.test_hostile_screens import (  # noqa: F401 - folder is a fixture
    NAMES, TRAPS, back_out, fields_shown, folder, hides, jump_to, opened, press, shows,
)


def with_map():
    """The hostile workbook with two places on its map, a different trap in every field."""
    traps = iter(TRAPS * 2)

    def trap(marker: str) -> str:
        return next(traps).format(m=marker)

    stays = tuple(
        Stay(f"s{n}", trap(f"map{n}.place"), kind, trap(f"map{n}.from"), trap(f"map{n}.to"),
             people, trap(f"map{n}.note"), trap(f"map{n}.pnote"))
        for n, (kind, people) in enumerate((("lived", ("nan", "dad")), ("school", ("scr",))))
    )
    return attrs.evolve(hostile_workbook(), mobility=stays)


hostile_workbook = hostile.hostile_workbook


async def test_the_map_shows_hostile_text_literally_and_child_view_hides_the_note(
        folder, monkeypatch):
    monkeypatch.setattr(hostile, "hostile_workbook", with_map)
    async with opened(folder) as (pilot, app, workbook):
        await jump_to(pilot, app, app.content.mobility.title)
        first, second = workbook.mobility
        shows(app, "Mobility map", first.place, first.when_from, first.when_to,
              NAMES["nan"], NAMES["dad"], first.note, first.practitioner_note, second.place,
              NAMES["scr"], within="MobilityMapStep")
        await press(pilot, "e")
        await fields_shown(pilot, app, "Mobility map: edit", place=first.place,
                           when_from=first.when_from, when_to=first.when_to, note=first.note,
                           practitioner_note=first.practitioner_note)
        await back_out(pilot, app)
        await press(pilot, "f5")
        shows(app, "Mobility map: picture", first.place, NAMES["scr"])
        await press(pilot, "escape")
        await press(pilot, "f2")
        app.clear_notifications()  # the child view notice would cover the details
        await pilot.pause()
        hides(app, "Mobility map in child view", first.practitioner_note)
        shows(app, "Mobility map in child view", first.place, first.note)
