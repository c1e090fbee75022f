"""Type-ahead: each key is routed only once the app is ready for it, and none is lost.

Textual routes a key to whatever has focus at the moment the key arrives, and goes on to
the next key without waiting for the first to be handled. A fast typist (or a busy
machine, which delivers keys in bursts) then outruns the app: the name typed after `a`
reaches the step's list before the add dialog exists, where letters are commands; the
relationship typed after Enter lands in the name field, because the focus moved only
after a message round trip.

`TypeAhead` is an App mixin that closes those windows. Keys and pastes that arrive
while something holds them wait, in order, and are routed when nothing holds them any
more. Holders are:

- every key itself, until it has been handled by the widget it went to and by each
  node above it (so a binding that runs after the key bubbles up, such as a step's `a`,
  has acted before the next key is routed);
- a worker that a key's binding started, until it opens a dialog or ends (a chain of
  dialogs written with `@work` and `push_screen_wait`);
- a dialog, from the moment it is made until its first field has focus, and from
  the moment it closes until the code that opened it has had the result
  (`circles_tui.dialogs.base.Dialog` does this).

A hold that is never released (a widget removed with a key in its queue) ends after
`HOLD_LIMIT` seconds, so the keyboard can never lock up.
"""

from __future__ import annotations

import time
import weakref
from collections import deque

from textual import events
from textual.dom import DOMNode
from textual.timer import Timer
from textual.worker import Worker

HOLD_LIMIT = 3.0  # seconds; far longer than any dialog takes to open on a busy machine
CHECK_EVERY = 0.05  # seconds between checks on held workers and overdue holds


class KeyInFlight:
    """Holds the keyboard for one key until that key has been handled."""

    def __init__(self, target: DOMNode, workers_before: set[Worker]) -> None:
        # The nodes whose bindings the key can run: a worker one of them starts is the
        # key's (a `@work` action), unlike one started by a widget being mounted.
        self.chain = set(target.ancestors_with_self)
        self.workers_before = workers_before


class TypeAhead:
    """App mixin: keys and pastes wait, in order, while anything holds the keyboard."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._holders: dict[object, float] = {}  # holder -> when its hold runs out
        self._waiting: deque[events.Key | events.Paste] = deque()
        self._replay_due = False
        self._check_timer: Timer | None = None
        self._workers_with_dialog: weakref.WeakSet[Worker] = weakref.WeakSet()

    # -- holding ---------------------------------------------------------------------

    def hold_keys(self, holder: object) -> None:
        """Keys wait until `holder` calls `release_keys` (or its hold runs out)."""
        self._holders[holder] = time.monotonic() + HOLD_LIMIT
        if self._check_timer is None:
            self._check_timer = self.set_interval(CHECK_EVERY, self._check_holds)  # type: ignore[attr-defined]
        else:
            self._check_timer.resume()

    def release_keys(self, holder: object) -> None:
        """`holder` no longer holds the keyboard; waiting keys go once nothing does."""
        if self._holders.pop(holder, None) is None:
            return
        if not self._holders:
            if self._check_timer is not None:
                self._check_timer.pause()
            if self._waiting and not self._replay_due:
                self._replay_due = True
                self.call_later(self._replay)  # type: ignore[attr-defined]

    def hold_for_worker(self, worker: Worker) -> None:
        """Keys wait until `worker` opens a dialog or ends."""
        if not worker.is_finished:
            self.hold_keys(worker)

    def worker_opened_dialog(self, worker: Worker) -> None:
        """`worker` has made its dialog: from here the dialog holds the keys."""
        self._workers_with_dialog.add(worker)
        self.release_keys(worker)

    @property
    def keys_held(self) -> bool:
        """Whether anything holds the keyboard now."""
        return bool(self._holders)

    @property
    def keys_waiting(self) -> int:
        """How many keys and pastes wait to be routed."""
        return len(self._waiting)

    def _check_holds(self) -> None:
        now = time.monotonic()
        for holder, until in list(self._holders.items()):
            if until < now or (isinstance(holder, Worker) and holder.is_finished):
                self.release_keys(holder)

    # -- routing ---------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._holders or self._waiting:
                self._waiting.append(event)
            else:
                await self._route(event)
            return
        await super().on_event(event)  # type: ignore[misc]

    async def _replay(self) -> None:
        self._replay_due = False
        while self._waiting and not self._holders:
            await self._route(self._waiting.popleft())

    async def _route(self, event: events.Key | events.Paste) -> None:
        """Route one key as Textual does, and hold the next ones until it is handled."""
        target: DOMNode = self.focused or self.screen  # type: ignore[attr-defined]
        key = KeyInFlight(target, set(self.workers))  # type: ignore[attr-defined]
        self.hold_keys(key)
        await super().on_event(event)  # type: ignore[misc]
        self._follow(key, target)

    def _follow(self, key: KeyInFlight, node: DOMNode) -> None:
        """Release `key` once `node` and each node above it have handled it.

        A key bubbles from the focused widget up to the app one message queue at a time;
        a callback posted to each queue in turn behind it runs after that node is done
        with the key. The last one goes to the back of the app's queue, behind anything
        the key's bindings asked the app to do (focus moves, dialog results).
        """
        app = self

        def after(node: DOMNode) -> None:
            parent = node.parent
            if node is app or parent is None or not parent.call_later(after, parent):
                app.call_later(app._key_done, key)  # type: ignore[attr-defined]

        if node is self or not node.call_later(after, node):
            self.call_later(self._key_done, key)  # type: ignore[attr-defined]

    def _key_done(self, key: KeyInFlight) -> None:
        for worker in set(self.workers) - key.workers_before:  # type: ignore[attr-defined]
            if worker.node in key.chain and worker not in self._workers_with_dialog:
                self.hold_for_worker(worker)
        self.release_keys(key)
