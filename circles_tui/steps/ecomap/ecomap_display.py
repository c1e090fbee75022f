"""`EcomapDisplay`: one ecomap drawn beside the list of its links, and the highlighted
link's details; the base of `EcomapStep`, which adds the keys.

The drawing (widgets/ecomap_drawing.py) and the list show the same links; moving the
highlight in the list highlights the link in the drawing. What each line and the details
say is worked out in `ecomap_view.py`.

Child view shows what `core/audience.py` leaves the child (`links_seen`, `sees`): no
practitioner-only link, in the list or the drawing, and no practitioner's note.
"""

from __future__ import annotations

from functools import partial

import attrs
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import OptionList, Static

from circles_tui.core.audience import GUIDANCE, links_seen, sees
from circles_tui.core.ecomap import EcoLink, Ecomap
from circles_tui.core.model import Workbook
from circles_tui.core.wording.ecomap_text import EcomapText
from circles_tui.steps.ecomap import ecomap_view as view
from circles_tui.steps.ecomap.link_list import LinkList, link_of
from circles_tui.steps.step import Step, update_text
from circles_tui.widgets.ecomap_drawing import EcomapDrawing


class EcomapDisplay(Step):
    """The ecomaps of the workbook, one at a time: the drawing, the list and the details."""

    STEP_ID = "ecomap"

    DEFAULT_CSS = """
    EcomapDisplay #ecomap-heading {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EcomapDisplay #ecomap-prompt {
        height: auto;
        padding: 0 1;
        border-left: outer $primary;
        background: $boost;
    }
    EcomapDisplay #ecomap-guidance {
        height: auto;
        color: $text-muted;
        text-style: italic;
    }
    EcomapDisplay #ecomap-body {
        height: 1fr;
        margin-top: 1;
    }
    EcomapDisplay EcomapDrawing {
        width: 3fr;
        min-width: 30;
    }
    EcomapDisplay #ecomap-side {
        width: 2fr;
        min-width: 24;
        max-width: 60;
        margin-left: 1;
    }
    EcomapDisplay #ecomap-links {
        height: auto;
        max-height: 70%;
    }
    EcomapDisplay #ecomap-detail-box {
        height: 1fr;
        min-height: 3;
        border-top: solid $foreground 20%;
    }
    EcomapDisplay.-short #ecomap-prompt {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EcomapDisplay.-short #ecomap-body {
        margin-top: 0;
    }
    EcomapDisplay.-short #ecomap-links {
        max-height: 100%;
    }
    EcomapDisplay.-short #ecomap-guidance, EcomapDisplay.-short #ecomap-detail-box,
    EcomapDisplay #ecomap-detail-box.-empty, EcomapDisplay #ecomap-guidance.-empty,
    EcomapDisplay EcomapDrawing.-empty {
        display: none;
    }
    """


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

