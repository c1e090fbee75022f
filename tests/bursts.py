"""Keys sent as one burst, as a fast typist or a busy machine delivers them.

`Pilot.press` waits for the app to go idle after every key, so it can never show a key
racing ahead of the app. `burst` puts every key (and paste) in the app's queue at once,
before the app has handled the first; `settle` then waits until all have been handled.
"""

from __future__ import annotations

import time
import unicodedata

from textual import events
from textual.app import App
from textual.pilot import Pilot

# Named keys and the character a terminal sends for each.
NAMED = {"enter": "\r", "tab": "\t", "shift+tab": None, "escape": "\x1b", "ctrl+s": "\x13",
         "backspace": "\x7f", "down": None, "up": None, "left": None, "right": None,
         "home": None, "end": None, "plus": "+", "minus": "-", "delete": None,
         "ctrl+a": "\x01", "ctrl+k": "\x0b", "ctrl+z": "\x1a", "ctrl+y": "\x19", "f1": None,
         "f2": None, "f5": None, "f6": None, "space": " "}


class Typed(str):
    """Text typed one character at a time."""


class Pasted(str):
    """Text pasted in one go (bracketed paste)."""


def key_event(character: str) -> events.Key:
    if character == " ":
        return events.Key("space", " ")
    if character.isalnum():
        return events.Key(character, character)
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return events.Key(name, character)


def events_for(item: str) -> list[events.Event]:
    if isinstance(item, Pasted):
        return [events.Paste(str(item))]
    if isinstance(item, Typed):
        return [key_event(c) for c in item]
    if item in NAMED:
        return [events.Key(item, NAMED[item])]
    assert len(item) == 1, f"wrap text in Typed(...): {item!r}"
    return [key_event(item)]


def burst(app: App, *items: str) -> None:
    """Queue every key at once: none is handled before the last is sent."""
    for item in items:
        for event in events_for(item):
            event.set_sender(app)
            app.post_message(event)


async def settle(pilot: Pilot, limit: float = 20.0) -> None:
    """Wait until every key sent has been handled and nothing holds the keyboard."""
    app = pilot.app
    deadline = time.monotonic() + limit
    quiet = 0
    while quiet < 3:
        await pilot.pause(0.02)
        busy = app.keys_held or app.keys_waiting
        quiet = 0 if busy else quiet + 1
        if time.monotonic() > deadline:
            raise AssertionError(f"the keys were still held after {limit:.0f}s")
    await pilot.wait_for_scheduled_animations()  # scrolling a field into view, say
