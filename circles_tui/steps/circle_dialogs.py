"""The circle step's dialog chains: adding someone (who, then which ring, and in
"services suggest" the reason) and editing what is said about someone in the circle.

Each chain is a worker that makes each dialog inside it and awaits it, and ends in one
operation from `core.edits.circles` posted like any key's (see steps/step.py).
`CircleDialogs` is a mixin for `CircleStep`, which gives it the circle, the selection
and the workbook.
"""

from __future__ import annotations

from functools import partial

from textual import work

from circles_tui.core.audience import extras_seen
from circles_tui.core.edits import circles
from circles_tui.core.model import Placement
from circles_tui.core.progress import SERVICES
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.placement import PlacementDialog, RingDialog
from circles_tui.widgets.rings import clean_name


class CircleDialogs:
    """Mixin for `CircleStep`: the keys that open dialogs (e to edit, a to add)."""

    @work
    async def action_edit(self) -> None:
        placement = self._selected_placement()
        if placement is None or self.workbook is None:
            return
        person = self.workbook.person(placement.person)
        if extras_seen(self.circle_id, placement, self.audience) != placement.extras:
            # The dialog would show, or lose, what this audience must not see.
            self.notify("Some of these details are kept out of child view; press F2 to "
                        "edit them.", title="Child view", markup=False)
            return
        edited = await self.app.push_screen_wait(
            PlacementDialog(self.content, self.circle, person, placement, self.child_view))
        if edited is not None and edited != placement:
            self.edit(partial(circles.edit_placement, self.circle_id, edited),
                      f"Edited {clean_name(person.name)} in {self.circle.short}")

    @work
    async def action_add(self) -> None:
        """Who (a name, new or known), then which ring; in "services suggest" also the
        reason, without which no one is added."""
        if self.workbook is None:
            return
        exclude = {p.person for p in self.placements()}
        choice = await self.app.push_screen_wait(
            PersonDialog(self.workbook, f"Add someone to “{self.circle.short}”", exclude))
        if choice is None:
            return
        person = choice.person
        ring = await self.app.push_screen_wait(RingDialog(self.circle, person.name, default=2))
        if ring is None:
            return
        named_by = "practitioner" if self.circle_id == SERVICES else "child"
        placement = Placement(person.id, ring, named_by=named_by)
        if self.circle_id == SERVICES:
            placement = await self.app.push_screen_wait(
                PlacementDialog(self.content, self.circle, person, placement,
                                self.child_view, adding=True))
            if placement is None:
                self.notify(
                    f"{clean_name(person.name)} was not added: everyone in "
                    f"{self.circle.short} needs a reason.",
                    markup=False, severity="warning",
                )
                return
        self.selected = person.id
        operation = (partial(circles.place_new_person, self.circle_id, person, placement)
                     if choice.is_new else partial(circles.place, self.circle_id, placement))
        self.edit(operation, f"Added {clean_name(person.name)} to {self.circle.short}")
