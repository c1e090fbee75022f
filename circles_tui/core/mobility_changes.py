"""What changed on the mobility map between two versions of a workbook, in plain sentences.

Called by `change_report` (for `circles diff` and the compare dialog), with both copies
already cut down to what the audience may see. Practitioner-only notes are never quoted:
a sentence says that one changed. No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable

from circles_tui.core.mobility import Stay
from circles_tui.core.wording import Wording


def stay_line(stay: Stay, wording: Wording, child: bool = False) -> str:
    """A place with its kind and years: "Nan's flat in Luton (lived, 2015-2017)"."""
    details = [wording.mobility.kind(stay.kind, child).lower()]
    if stay.when:
        details.append(stay.when)
    return f"{stay.place} ({', '.join(details)})"


def mobility_changes(old: tuple[Stay, ...], new: tuple[Stay, ...], wording: Wording,
                     name: Callable[[str], str]) -> list[str]:
    """Sentences (without full stops) about the map; `name` gives a person's name by id."""
    out: list[str] = []
    before = {stay.id: stay for stay in old}
    after = {stay.id: stay for stay in new}
    for stay in new:
        was = before.get(stay.id)
        if was is None:
            out.append(f"A new place: {stay_line(stay, wording)}")
            out += [f"{name(pid)} is tied to {stay.place}" for pid in stay.people]
        elif was != stay:
            out += _changed(was, stay, wording, name)
    out += [f"{stay.place} was taken off the mobility map" for stay in old if stay.id not in after]
    kept_old = [sid for sid in before if sid in after]
    kept_new = [sid for sid in after if sid in before]
    if kept_old != kept_new:
        out.append("The places on the mobility map are in a new order")
    return out


def _changed(old: Stay, new: Stay, wording: Wording, name: Callable[[str], str]) -> list[str]:
    out: list[str] = []
    if old.place != new.place:
        out.append(f"The place {old.place} is now called {new.place}")
    if (old.kind, old.when) != (new.kind, new.when):
        out.append(f"{new.place} is now: {stay_line(new, wording).removeprefix(new.place + ' ')}")
    if old.note != new.note:
        out.append(f'What the child said about {new.place} is now "{new.note}"' if new.note
                   else f"What the child said about {new.place} was taken out")
    if old.practitioner_note != new.practitioner_note:
        out.append(f"The practitioner-only note on {new.place} changed")
    out += [f"{name(pid)} is tied to {new.place}" for pid in new.people if pid not in old.people]
    out += [f"{name(pid)} is no longer tied to {new.place}"
            for pid in old.people if pid not in new.people]
    return out
