"""Open a dialog at once and await its answer later, in a worker.

`App.push_screen_wait` may only be called inside a worker, and a worker starts only
after the key that asked for it has been handled, so keys typed straight after that
key (a fast "c" then "y") would reach the screen underneath instead of the dialog.
Opening the dialog in the key's own handler and awaiting the answer in the worker keeps
those keys for the dialog, and the worker still reads top to bottom.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from textual.app import App
from textual.screen import ModalScreen

Result = TypeVar("Result")


def open_dialog(app: App, dialog: ModalScreen[Result]) -> Awaitable[Result]:
    """Put `dialog` on the screen now; the result is what it is dismissed with."""
    result: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
    app.push_screen(dialog, result.set_result)
    return result
