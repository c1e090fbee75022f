"""Every change a person can make to a workbook, as a named pure function.

An operation is a callable that takes the *current* workbook and returns the next one
(`Operation`). A step builds one with `functools.partial` (for example
`partial(circles.move, "who-matters", "nanna-jo", -1)`) and posts it up; the session applies
it to whatever workbook is current when it arrives, records it for undo and asks for a save.
So no dialog callback works on a workbook that was current when the dialog opened.

An operation that cannot be done (the person was removed meanwhile, a name is empty)
raises `EditRefused` with one plain sentence for the practitioner; returning the workbook
unchanged means "nothing to do". Nothing here imports Textual.

Modules, one per part of the workbook: `people`, `circles`, `supporters`, `tree`, `about`.
In each, the operations take the workbook as their last parameter, so
`partial(operation, ...)` is an `Operation`; the few helpers that take it first are
building blocks for operations and tests.
"""

from __future__ import annotations

from collections.abc import Callable

from circles_tui.core.model import Workbook

Operation = Callable[[Workbook], Workbook]


class EditRefused(Exception):
    """An edit that cannot be made to the current workbook; `str()` is one plain sentence."""
