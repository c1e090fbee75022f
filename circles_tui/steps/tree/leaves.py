"""The leaves of the Tree of Life: the people who matter to the child.

The keys on a person on the leaves: link someone (from the people list, or new), what
the child says about them, living or passed away, met or never met, and adding them to
the first circle with the child's agreement. `TreeStep` holds the key bindings and says
when each applies; each key here opens its dialog in a worker and ends in one operation
from `core.edits.tree`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import attrs
from textual import work
from textual.screen import ModalScreen

from circles_tui.core.edits import tree as edits
from circles_tui.core.edits.people import new_person_id
from circles_tui.core.edits.tree import LEAVES, WHO_MATTERS, WHO_MATTERS_RING
from circles_tui.core.model import Person
from circles_tui.core.wording import Wording
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.steps.tree.parts import short
from circles_tui.steps.tree.tree_view import TreeView

# What a key hands its worker: the dialog to open, made when the worker opens it.
Ask = Callable[[], ModalScreen]


class TreeLeaves(TreeView):
    """The tree with the keys for the people on its leaves."""

    def __init__(self, content: Wording, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.circle_name = content.circle(WHO_MATTERS).short

    def action_link_person(self) -> None:
        if self.part != LEAVES:
            return
        title = self.part_text(LEAVES).title
        workbook = self.workbook
        self._link_person(lambda: PersonDialog(workbook, f"Link someone to the {title.lower()}",
                                               exclude=set(workbook.tree[LEAVES].people)))

    @work
    async def _link_person(self, chosen: Ask) -> None:
        title = self.part_text(LEAVES).title
        choice = await self.app.push_screen_wait(chosen())
        if choice is None:
            return
        label = f"Linked a person to {title}"
        person = choice.person
        if not choice.is_new:
            self._edit(partial(edits.link_person, person.id), label, f"person-{person.id}")
            return
        # The id was chosen when the dialog opened; take one that is free now.
        person = attrs.evolve(person, id=new_person_id(self.workbook, person.name))
        self._edit(partial(edits.link_new_person, person), label, f"person-{person.id}")
        self.notify(
            f"Added {short(person.name)}. Press p if they have passed away, "
            "m if the child never met them.",
            markup=False,
        )

    def _change_leaf_note(self, person_id: str) -> None:
        person = self.workbook.person(person_id)
        self._edit_leaf_note(person_id, lambda: TextDialog(
            f"What the child says about {person.name}",
            value=person.note,
            help="In the child's own words. This is their note wherever they appear.",
            multiline=True,
        ))

    @work
    async def _edit_leaf_note(self, person_id: str, typed: Ask) -> None:
        note = await self.app.push_screen_wait(typed())
        if note is not None:
            self._edit(partial(edits.set_leaf_note, person_id, note),
                       "Changed what the child says about a leaf", f"person-{person_id}")

    def _highlighted_person(self) -> Person | None:
        entry = self._entry()
        if entry is None or entry[1] != "person":
            return None
        return self.workbook.people_by_id().get(entry[2])

    def action_toggle_living(self) -> None:
        person = self._highlighted_person()
        if person is not None:
            self._edit(partial(edits.set_living, person.id, not person.living),
                       "Marked a leaf as living" if not person.living
                       else "Marked a leaf as passed away", f"person-{person.id}")

    def action_toggle_known(self) -> None:
        person = self._highlighted_person()
        if person is not None:
            self._edit(partial(edits.set_known, person.id, not person.known),
                       "Marked a leaf as known" if not person.known
                       else "Marked a leaf as never met", f"person-{person.id}")

    def action_add_to_circle(self, _description: str = "") -> None:
        person = self._highlighted_person()
        if person is None:
            return
        if not (person.living and person.known):
            self.notify(
                f"Only living people the child knows can join {self.circle_name}.",
                severity="warning",
                markup=False,
            )
            return
        if any(p.person == person.id for p in self.workbook.circles.get(WHO_MATTERS, ())):
            self.notify(f"{short(person.name)} is already in {self.circle_name}.", markup=False)
            return
        circle = self.content.circle(WHO_MATTERS)
        self._add_to_circle(person, lambda: ConfirmDialog(
            f"Add {person.name} to {circle.short}?",
            f"Only if the child agrees. {person.name} will go in the ring "
            f"“{circle.ring_label(WHO_MATTERS_RING)}”; you can move them there later.",
            yes="Yes, the child agrees",
            no="Not now",
        ))

    @work
    async def _add_to_circle(self, person: Person, agreement: Ask) -> None:
        if await self.app.push_screen_wait(agreement()):
            self._edit(partial(edits.add_leaf_to_who_matters, person.id),
                       f"Added a leaf to {self.circle_name}", f"person-{person.id}")
