"""`EcomapStep`: the keys that change an ecomap, on top of `EcomapDisplay` (the drawing,
the list of links and the highlighted link's details).

Keys that need no question (nearer, further, round, quality, flow, practitioner-only,
remove) post their operation from `core.edits.ecomap` at once; keys that ask (add, notes,
a new ecomap...) run the dialog chains in `chains.py` in a worker. Every link is found
again by its two ends when the operation runs, so nothing lands on the wrong link.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.binding import Binding
from textual.widgets import OptionList

from circles_tui.core.audience import PRIVATE_LINKS, sees
from circles_tui.core.ecomap import DISTANCES, FLOWS, EcoLink, Ecomap
from circles_tui.core.edits import ecomap as edits
from circles_tui.steps.ecomap import chains, ecomap_view as view
from circles_tui.steps.ecomap.ecomap_display import EcomapDisplay
from circles_tui.steps.ecomap.link_list import LinkList
from circles_tui.steps.step import PICTURE

# Keys that act on the highlighted link, and keys that need an ecomap on screen.
ON_A_LINK = frozenset({"edit", "move_out", "move_round", "quality", "mixed", "flow",
                       "practitioner_only", "remove", "to_circle", "to_supporters"})
ON_AN_ECOMAP = frozenset({"add", "centre", "date", "household", "picture"})


class EcomapStep(EcomapDisplay):
    """The ecomaps of the workbook, one at a time, and the keys that change them."""

    # The keys that change a link come first: the footer is narrow.
    BINDINGS = [
        PICTURE,
        Binding("a", "add", "Add", id="ecomap.add"),
        Binding("q", "quality", "Quality", id="ecomap.quality"),
        Binding("minus,i", "move_out(-1)", "Nearer", id="ecomap.nearer"),
        Binding("plus,o", "move_out(1)", "Further", id="ecomap.further"),
        # < and > (or , and .) move round; the arrows do too, where the list leaves them.
        Binding("less_than_sign,comma", "move_round(-1)", "Anticlockwise", key_display="<",
                id="ecomap.anticlockwise"),
        Binding("greater_than_sign,full_stop", "move_round(1)", "Clockwise", key_display=">",
                id="ecomap.clockwise"),
        Binding("left", "move_round(-1)", "Anticlockwise", show=False),
        Binding("right", "move_round(1)", "Clockwise", show=False),
        Binding("f", "flow", "Flow", id="ecomap.flow"),
        Binding("m", "mixed", "Second quality", id="ecomap.mixed"),
        Binding("e", "edit", "Notes", id="ecomap.notes"),
        Binding("p", "practitioner_only", "Practitioner only", id="ecomap.practitioner-only"),
        Binding("x,delete", "remove", "Remove", id="ecomap.remove"),
        Binding("r", "to_circle", "To a circle", id="ecomap.to-circle"),
        Binding("s", "to_supporters", "To supporters", id="ecomap.to-supporters"),
        Binding("n", "new", "New ecomap", id="ecomap.new"),
        Binding("w", "switch", "Which ecomap", id="ecomap.switch"),
        Binding("c", "centre", "Centre", id="ecomap.centre"),
        Binding("d", "date", "Date", id="ecomap.date", show=False),
        Binding("h", "household", "Household", id="ecomap.household", show=False),
    ]

    @on(OptionList.OptionSelected, "#ecomap-links")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- keys that need no question --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ON_A_LINK:
            if action == "practitioner_only" and not sees(self.audience, PRIVATE_LINKS):
                return False  # the child never sees which links are kept from them
            return True if self.link() is not None else None
        if action in ON_AN_ECOMAP:
            ecomap = self.ecomap()
            if action == "household":
                return True if ecomap is not None and ecomap.is_whole_family else None
            return True if ecomap is not None else None
        if action == "switch":
            return True if self.workbook is not None and len(self.workbook.ecomaps) > 1 else None
        return True

    def _ends(self) -> tuple[Ecomap, EcoLink, str] | None:
        """The ecomap, the highlighted link and its name, as the key found them."""
        ecomap, link = self.ecomap(), self.link()
        if ecomap is None or link is None or self.workbook is None:
            return None
        return ecomap, link, view.name_of(self.workbook, link.person)

    def _change(self, operation, *values: object, label: str) -> None:
        """Post `operation(ecomap id, person, between, *values)` for the highlighted link;
        `label` names it in the undo list, with {name} for whoever the link is with."""
        found = self._ends()
        if found is not None:
            ecomap, link, name = found
            self.edit(partial(operation, ecomap.id, link.person, link.between, *values),
                      label.replace("{name}", name))

    def action_move_out(self, steps: int) -> None:
        found = self._ends()
        if found is None:
            return
        _, link, name = found
        if link.distance + steps not in DISTANCES:
            edge = self.words.distance(link.distance).lower()
            self.notify(f"{name} is already as {'near' if steps < 0 else 'far'} as can be "
                        f"({edge}).", markup=False)
            return
        way = "nearer" if steps < 0 else "further away"
        self._change(edits.move_out, steps, label=f"Moved {{name}} {way} on the ecomap")

    def action_move_round(self, hours: int) -> None:
        self._change(edits.move_round, hours, label="Moved {name} round the ecomap")

    def action_quality(self) -> None:
        self._change(edits.cycle_quality, label="Changed the link with {name}")

    def action_flow(self) -> None:
        link = self.link()
        if link is not None:
            following = FLOWS[(FLOWS.index(link.flow) + 1) % len(FLOWS)]
            self._change(edits.set_flow, following,
                         label="Changed which way support flows with {name}")

    def action_practitioner_only(self) -> None:
        found = self._ends()
        if found is None:
            return
        _, link, name = found
        hidden = not link.practitioner_only
        self._change(edits.set_practitioner_only, hidden,
                     label="Kept the link with {name} practitioner-only" if hidden
                     else "Shared the link with {name}")
        self.notify(f"The link with {name} is now practitioner-only: left out of child view "
                    "and the family's copy." if hidden else
                    f"The link with {name} is shared again.", markup=False)

    def action_remove(self) -> None:
        found = self._ends()
        if found is None:
            return
        ecomap, link, name = found
        self.edit(partial(edits.remove_link, ecomap.id, link.person, link.between),
                  f"Removed {name} from the ecomap")
        # Keep the cursor near where it was: the next link down, else the one above.
        ids = self.query_one(LinkList).link_ids()
        if self.selected in ids:
            index = ids.index(self.selected)
            rest = ids[index + 1:] + ids[:index][::-1]
            self.selected = rest[0] if rest else None
        self.notify(f"Removed {name} from the ecomap — ctrl+z to undo. They stay in the "
                    "People list.", markup=False)

    # -- keys that ask: chains of dialogs in a worker (chains.py) ---------------------------------

    @work
    async def _ask(self, chain) -> None:
        """Run one of `chains`: its dialogs are made in this worker, so keys wait for them."""
        await chain(self)

    def action_add(self) -> None:
        self._ask(chains.add_link)

    def action_edit(self) -> None:
        self._ask(chains.edit_notes)

    def action_mixed(self) -> None:
        self._ask(chains.second_quality)

    def action_new(self) -> None:
        self._ask(chains.new_ecomap)

    def action_switch(self) -> None:
        self._ask(chains.switch_ecomap)

    def action_centre(self) -> None:
        self._ask(chains.choose_centre)

    def action_date(self) -> None:
        self._ask(chains.change_date)

    def action_household(self) -> None:
        self._ask(chains.change_household)

    def action_to_circle(self) -> None:
        self._ask(chains.add_to_circle)

    def action_to_supporters(self) -> None:
        self._ask(chains.add_to_supporters)
