"""`EcomapStep`: one ecomap drawn beside the list of its links, and the keys that change it.

The drawing (widgets/ecomap_drawing.py) and the list show the same links; moving the
highlight in the list highlights the link in the drawing. Keys that need no question
(nearer, further, round, quality, flow, practitioner-only, remove) post their operation
from `core.edits.ecomap` at once; keys that ask (add, notes, a new ecomap...) run the
dialog chains in `chains.py` in a worker. Every link is found again by its two ends when
the operation runs, so nothing lands on the wrong link.

Child view shows what `core/audience.py` leaves the child (`links_seen`, `sees`): no
practitioner-only link, in the list or the drawing, and no practitioner's note.
"""

from __future__ import annotations

from functools import partial

import attrs

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import OptionList, Static

from circles_tui.core.audience import GUIDANCE, PRIVATE_LINKS, links_seen, sees
from circles_tui.core.ecomap import DISTANCES, FLOWS, EcoLink, Ecomap
from circles_tui.core.edits import ecomap as edits
from circles_tui.core.model import Workbook
from circles_tui.core.wording.ecomap_text import EcomapText
from circles_tui.steps.ecomap import chains, ecomap_view as view
from circles_tui.steps.ecomap.link_list import LinkList, link_of
from circles_tui.steps.step import PICTURE, Step, update_text
from circles_tui.widgets.ecomap_drawing import EcomapDrawing

# Keys that act on the highlighted link, and keys that need an ecomap on screen.
ON_A_LINK = frozenset({"edit", "move_out", "move_round", "quality", "mixed", "flow",
                       "practitioner_only", "remove", "to_circle", "to_supporters"})
ON_AN_ECOMAP = frozenset({"add", "centre", "date", "household", "picture"})


class EcomapStep(Step):
    """The ecomaps of the workbook, one at a time."""

    STEP_ID = "ecomap"

    DEFAULT_CSS = """
    EcomapStep #ecomap-heading {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EcomapStep #ecomap-prompt {
        height: auto;
        padding: 0 1;
        border-left: outer $primary;
        background: $boost;
    }
    EcomapStep #ecomap-guidance {
        height: auto;
        color: $text-muted;
        text-style: italic;
    }
    EcomapStep #ecomap-body {
        height: 1fr;
        margin-top: 1;
    }
    EcomapStep EcomapDrawing {
        width: 3fr;
        min-width: 30;
    }
    EcomapStep #ecomap-side {
        width: 2fr;
        min-width: 24;
        max-width: 60;
        margin-left: 1;
    }
    EcomapStep #ecomap-links {
        height: auto;
        max-height: 70%;
    }
    EcomapStep #ecomap-detail-box {
        height: 1fr;
        min-height: 3;
        border-top: solid $foreground 20%;
    }
    EcomapStep.-short #ecomap-prompt {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EcomapStep.-short #ecomap-body {
        margin-top: 0;
    }
    EcomapStep.-short #ecomap-links {
        max-height: 100%;
    }
    EcomapStep.-short #ecomap-guidance, EcomapStep.-short #ecomap-detail-box,
    EcomapStep #ecomap-detail-box.-empty, EcomapStep #ecomap-guidance.-empty,
    EcomapStep EcomapDrawing.-empty {
        display: none;
    }
    """

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

    def __init__(self, content, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.current: str | None = None  # the id of the ecomap on screen
        self.selected: str | None = None  # the highlighted link (view.link_id)
        self._keys_state: tuple | None = None

    @property
    def words(self) -> EcomapText:
        """The ecomap's words, the child's while child view is on."""
        return self.content.ecomap

    def compose(self) -> ComposeResult:
        yield Static(id="ecomap-heading")
        yield Static(id="ecomap-prompt")
        yield Static(id="ecomap-guidance")
        with Horizontal(id="ecomap-body"):
            yield EcomapDrawing(id="ecomap-drawing")
            with Vertical(id="ecomap-side"):
                yield LinkList(id="ecomap-links")
                with VerticalScroll(id="ecomap-detail-box", can_focus=False):
                    yield Static(id="ecomap-detail")

    def on_resize(self, event: Resize) -> None:
        short, narrow = event.size.height < 30, event.size.width < 90
        if (short, narrow) != (self.has_class("-short"), self.has_class("-narrow")):
            self.set_class(short, "-short")
            self.set_class(narrow, "-narrow")
            if self.workbook is not None:
                self.show(self.workbook)

    # -- what is on screen -------------------------------------------------------------------

    def ecomap(self, workbook: Workbook | None = None) -> Ecomap | None:
        """The ecomap on screen: the one chosen, else the first."""
        workbook = workbook or self.workbook
        if workbook is None or not workbook.ecomaps:
            return None
        chosen = next((e for e in workbook.ecomaps if e.id == self.current), None)
        return chosen or workbook.ecomaps[0]

    def links(self, ecomap: Ecomap | None = None) -> tuple[EcoLink, ...]:
        """The links of the ecomap on screen that whoever is looking sees."""
        ecomap = ecomap or self.ecomap()
        return () if ecomap is None else links_seen(ecomap, self.audience)

    def link(self) -> EcoLink | None:
        """The highlighted link, if it is still there and seen."""
        return next((k for k in self.links() if view.link_id(k) == self.selected), None)

    def show(self, workbook: Workbook) -> None:
        ecomap = self.ecomap(workbook)
        self.current = ecomap.id if ecomap is not None else None
        links = self.links(ecomap)
        ids = [view.link_id(k) for k in links]
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
        index = workbook.ecomaps.index(ecomap) if ecomap is not None else 0
        update_text(self.query_one("#ecomap-heading", Static),
                    view.heading(ecomap, workbook, self.words, index, len(workbook.ecomaps)))
        update_text(self.query_one("#ecomap-prompt", Static),
                    Content(view.prompt(ecomap, self.words, self.audience)))
        guidance = self.query_one("#ecomap-guidance", Static)
        shown = sees(self.audience, GUIDANCE) and bool(self.words.guidance)
        update_text(guidance, Content(self.words.guidance if shown else ""))
        guidance.set_class(not shown, "-empty")
        drawing = self.query_one(EcomapDrawing)
        drawing.set_class(ecomap is None, "-empty")
        if ecomap is not None:
            drawing.show(view.picture(ecomap, links, workbook, self.words), self.selected)
        self._fill_list(workbook, ecomap, links)
        self._show_detail()
        self._update_keys()

    def _line(self, ecomap: Ecomap, workbook: Workbook, link: EcoLink, selected: bool) -> Content:
        return view.list_line(ecomap, link, workbook, self.words, selected,
                              self.has_class("-narrow") or self.has_class("-short"),
                              self.audience)

    def _fill_list(self, workbook: Workbook, ecomap: Ecomap | None,
                   links: tuple[EcoLink, ...]) -> None:
        if ecomap is None:
            hint = "No ecomap yet. Press n to start one: the child's, a parent's or the family's."
        else:
            hint = "Press a to add someone, a group, a service or a place."
        line = partial(self._line, ecomap, workbook) if ecomap is not None else None
        self.query_one(LinkList).fill(links, line, self.selected,
                                      Content.styled(hint, "$text-muted"))

    def _show_detail(self) -> None:
        link, workbook = self.link(), self.workbook
        box = self.query_one("#ecomap-detail-box")
        box.set_class(link is None or workbook is None, "-empty")
        if link is not None and workbook is not None:
            update_text(self.query_one("#ecomap-detail", Static),
                        view.detail(link, workbook, self.words, self.audience))

    def make_picture(self) -> EcomapDrawing | None:
        if not self.is_mounted:
            return None
        ecomap, workbook = self.ecomap(), self.workbook
        shown = self.query_one(EcomapDrawing).picture
        if ecomap is None or workbook is None or shown is None:
            return None
        picture = EcomapDrawing()
        # Whose it is and its date go over the drawing; no link is highlighted: the
        # picture is for looking at together, not for choosing.
        caption = f"{view.title(ecomap, workbook, self.words)} · {view.when(ecomap, self.words)}"
        picture.show(attrs.evolve(shown, caption=caption))
        return picture

    def _update_keys(self) -> None:
        """Refresh the footer only when which keys apply has changed (it is slow to redraw)."""
        ecomap = self.ecomap()
        state = (self.link() is not None, ecomap is not None,
                 ecomap is not None and ecomap.is_whole_family, self.child_view)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    # -- the selection ---------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#ecomap-links")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = link_of(event.option)
        if not self.query_one(LinkList).rebuilding and key is not None:
            self.select(key)

    def select(self, key: str) -> None:
        """Make `key` the highlighted link, in the list and the drawing."""
        previous, self.selected = self.selected, key
        self.query_one(EcomapDrawing).highlight = key
        listing = self.query_one(LinkList)
        ecomap, workbook = self.ecomap(), self.workbook
        if previous != key and ecomap is not None and workbook is not None:
            for link in self.links(ecomap):
                if view.link_id(link) in (previous, key):
                    listing.repaint(link, self._line(ecomap, workbook, link,
                                                     view.link_id(link) == key))
        if key in listing.link_ids() and listing.highlighted != listing.get_option_index(key):
            listing.highlighted = listing.get_option_index(key)
        self._show_detail()
        self._update_keys()

    @on(EcomapDrawing.LinkClicked)
    def _clicked(self, event: EcomapDrawing.LinkClicked) -> None:
        self.select(event.link_id)
        self.query_one(LinkList).focus()

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
