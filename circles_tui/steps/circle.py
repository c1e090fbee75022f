"""One safety circle: the question to ask, the ring picture, and the people in it.

`CircleStep` serves all five circles; the circle's id picks its wording from
the worksheet wording and its placements from the workbook. The picture (left) and the
list grouped by ring (right) show the same people; moving the cursor in the
list highlights the person in the picture.

Adding someone: type their name (names already in the workbook complete),
then pick the ring (the middle ring is offered first). Named by defaults to
the child, or to the practitioner in "services suggest". Because that circle
needs the practitioner's reason for everyone in it, adding someone there opens
the details straight away and nothing is added until a reason is written;
cancelling adds no one. The dialog chains are in circle_dialogs.py.

Child view shows what `core/audience.py` gives the child: everyone placed stays
where they were put (a false supporter the child put in "who matters" is still
there); practitioner-only notes, concerns, and a worry's reason and kind in
"services suggest" are left out, and labels use the child's words.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import OptionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from circles_tui.core.audience import GUIDANCE, left_out_kinds, reads_child_words, sees
from circles_tui.core.edits import circles
from circles_tui.core.model import RING_COUNT, Placement, Workbook
from circles_tui.core.progress import circle_progress
from circles_tui.core.wording import THEME_ROLES, CircleText, Wording
from circles_tui.widgets.circle_colours import CIRCLE_COLOURS, circle_role
from circles_tui.steps import circle_view
from circles_tui.steps.circle_dialogs import CircleDialogs
from circles_tui.steps.circle_list import CircleList, option_id, person_of
from circles_tui.steps.step import PICTURE, Progress, Step, update_text
from circles_tui.widgets.rings import RingPerson, RingsDiagram, clean_name


class CircleStep(CircleDialogs, Step):
    """One safety circle, drawn as rings around the child, with its people listed by ring."""

    DEFAULT_CSS = """
    CircleStep #circle-heading {
        height: auto;
    }
    CircleStep #circle-purpose {
        color: $text-muted;
        height: auto;
    }
    CircleStep #circle-question {
        height: auto;
        padding: 0 1;
        margin: 1 0 0 0;
        border-left: outer $primary;
        background: $boost;
    }
    CircleStep #circle-guidance {
        color: $text-muted;
        text-style: italic;
        height: auto;
        margin-bottom: 1;
    }
    CircleStep #circle-body {
        height: 1fr;
    }
    CircleStep RingsDiagram {
        width: 3fr;
        min-width: 24;
    }
    CircleStep #circle-side {
        width: 2fr;
        min-width: 26;
        max-width: 60;
        margin-left: 1;
    }
    CircleStep #circle-list {
        height: auto;
        max-height: 65%;
    }
    CircleStep #circle-detail-box {
        height: 1fr;
        min-height: 4;
        border-top: solid $foreground 20%;
    }
    CircleStep #circle-detail {
        height: auto;
        padding: 0 1;
    }
    CircleStep.-short #circle-heading {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    CircleStep.-short #circle-purpose {
        display: none;
    }
    CircleStep.-short #circle-list {
        max-height: 100%;
    }
    CircleStep.-short #circle-question {
        margin: 0;
    }
    CircleStep.-short #circle-guidance {
        margin-bottom: 0;
    }
    CircleStep.-tiny #circle-guidance {
        display: none;
    }
    CircleStep.-short #circle-detail-box, CircleStep #circle-detail-box.-empty {
        display: none;
    }
    CircleStep.-no-guidance #circle-purpose, CircleStep.-no-guidance #circle-guidance,
    CircleStep #circle-guidance.-empty {
        display: none;
    }
    """ + "".join(
        f"CircleStep.-role-{role} #circle-question {{ border-left: outer $text-{role}; }}\n"
        for role in (*THEME_ROLES, *(f"circle-{colour}" for colour in CIRCLE_COLOURS))
    )

    BINDINGS = [
        PICTURE,
        Binding("a", "add", "Add", id="circle.add"),
        Binding("e", "edit", "Edit", id="circle.edit"),
        Binding("minus,i", "move(-1)", "Inward", id="circle.inward"),
        Binding("plus,o", "move(1)", "Outward", id="circle.outward"),
        Binding("x,delete", "remove", "Remove", id="circle.remove"),
        Binding("w", "where_else", "Where else", id="circle.where"),
        Binding("t", "wording('child')", "Child's words", id="circle.child-words"),
        Binding("t", "wording('adult')", "Adult's words", id="circle.adult-words"),
    ]

    def __init__(self, content: Wording, circle_id: str, *, child_words: bool = False,
                 id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.circle_id = circle_id
        circle = content.circle(circle_id)
        self.role = circle_role(circle.colour, circle.theme_role)
        self.child_words_first = child_words  # the practitioner's preference
        self.child_words = child_words  # which wording of the question is showing
        self.selected: str | None = None  # the highlighted person's id
        self._keys_state: tuple[bool, bool] | None = None
        self.add_class(f"-role-{self.role}")

    @property
    def circle(self) -> CircleText:
        """This circle's wording, in the child's words while child view is on."""
        return self.content.circle(self.circle_id)

    @property
    def step_title(self) -> str:
        return self.circle.short

    def compose(self) -> ComposeResult:
        yield Static(id="circle-heading")
        yield Static(id="circle-purpose")
        yield Static(id="circle-question")
        yield Static(id="circle-guidance")
        with Horizontal(id="circle-body"):
            yield RingsDiagram(id="circle-rings")
            with Vertical(id="circle-side"):
                yield CircleList(self.circle_id, self.circle, self.role, id="circle-list")
                with VerticalScroll(id="circle-detail-box", can_focus=False):
                    yield Static(id="circle-detail")

    def on_resize(self, event: Resize) -> None:
        # Small screens get a one-line heading and one line per person in the list.
        short, narrow = event.size.height < 32, event.size.width < 90
        # On small screens (80x24 included) the rows go to the names on the rings, not guidance.
        self.set_class(event.size.height < 24, "-tiny")
        if (short, narrow) != (self.has_class("-short"), self.has_class("-narrow")):
            self.set_class(short, "-short")
            self.set_class(narrow, "-narrow")
            if self.workbook is not None:
                self.show(self.workbook)

    # -- what is on screen -------------------------------------------------------------

    def placements(self, workbook: Workbook | None = None) -> tuple[Placement, ...]:
        workbook = workbook or self.workbook
        if workbook is None:
            return ()
        return workbook.circles.get(self.circle_id, ())

    def visible(self, workbook: Workbook) -> list[Placement]:
        """This circle's placements: all of them, for every audience (what the child placed
        stays; only what the practitioner wrote about it is left out, in the details)."""
        return list(self.placements(workbook))

    def watch_child_view(self, child_view: bool) -> None:
        self.child_words = reads_child_words(self.audience) or self.child_words_first
        self.set_class(not sees(self.audience, GUIDANCE), "-no-guidance")
        super().watch_child_view(child_view)

    def show(self, workbook: Workbook) -> None:
        self._show_text()
        people = workbook.people_by_id()
        visible = self.visible(workbook)
        if self.selected not in {p.person for p in visible}:
            self.selected = visible[0].person if visible else None
        by_ring: list[list[Placement]] = [[] for _ in range(RING_COUNT)]
        for placement in visible:
            by_ring[placement.ring - 1].append(placement)
        listing = self.query_one(CircleList)
        listing.circle, listing.audience = self.circle, self.audience  # their words, their view
        listing.fill(by_ring, people, self.selected, self.has_class("-narrow"))
        self.query_one(RingsDiagram).show(
            workbook.about.child,
            [[RingPerson(p.person, people[p.person].name) for p in ring] for ring in by_ring],
            self.circle.rings,
            self.role,
            self.selected,
        )
        self._show_detail()
        self._update_keys()

    def make_picture(self) -> RingsDiagram | None:
        if not self.is_mounted:
            return None
        shown = self.query_one(RingsDiagram)
        picture = RingsDiagram()
        # No one highlighted: the picture is for looking at, not for choosing.
        picture.show(shown.child, shown.rings, shown.labels, shown.role)
        return picture

    def _update_keys(self) -> None:
        """Refresh the footer only when which keys apply has changed (it is slow to redraw)."""
        state = (self._selected_placement() is not None, self.child_words)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def _show_text(self) -> None:
        circle, short = self.circle, self.has_class("-short")
        update_text(self.query_one("#circle-heading", Static),
                    circle_view.heading(circle, self.role,
                                        short and not reads_child_words(self.audience)))
        update_text(self.query_one("#circle-purpose", Static), Content(circle.purpose))
        # The footer shows the key on small screens.
        update_text(self.query_one("#circle-question", Static),
                    circle_view.question(circle, self.child_words, name_the_key=not short))
        guidance = self.query_one("#circle-guidance", Static)
        update_text(guidance, Content(circle.guidance))
        guidance.set_class(not circle.guidance, "-empty")

    def _show_detail(self) -> None:
        placement = self._selected_placement()
        workbook = self.workbook
        box = self.query_one("#circle-detail-box")
        box.set_class(placement is None or workbook is None, "-empty")
        if placement is None or workbook is None:
            return
        update_text(self.query_one("#circle-detail", Static), circle_view.detail(
            self.content, self.circle, placement, workbook.person(placement.person),
            self.audience))

    # -- the selection -----------------------------------------------------------------

    def _selected_placement(self) -> Placement | None:
        if self.workbook is None or self.selected is None:
            return None
        visible = self.visible(self.workbook)
        return next((p for p in visible if p.person == self.selected), None)

    @on(OptionList.OptionHighlighted, "#circle-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        person_id = person_of(event.option)
        if self.query_one(CircleList).rebuilding or person_id is None:
            return
        self.select(person_id)

    def select(self, person_id: str) -> None:
        """Make `person_id` the selected person, in the list and the picture."""
        previous, self.selected = self.selected, person_id
        self.query_one(RingsDiagram).highlight = person_id
        listing = self.query_one(CircleList)
        if previous != person_id:
            self._repaint_line(previous)
            self._repaint_line(person_id)
        try:
            index = listing.get_option_index(option_id(person_id))
        except OptionDoesNotExist:  # not listed (hidden in child view)
            index = None
        if index is not None and listing.highlighted != index:
            listing.highlighted = index
        self._show_detail()
        self._update_keys()

    def _repaint_line(self, person_id: str | None) -> None:
        """Redraw one person's line in the list (to move the pointer)."""
        if person_id is None or self.workbook is None:
            return
        placement = circles.placement_of(self.workbook, self.circle_id, person_id)
        if placement is not None:
            self.query_one(CircleList).repaint(placement, self.workbook.person(person_id),
                                               person_id == self.selected,
                                               self.has_class("-narrow"))

    @on(RingsDiagram.PersonClicked)
    def clicked(self, event: RingsDiagram.PersonClicked) -> None:
        self.select(event.person_id)
        self.query_one("#circle-list").focus()

    @on(OptionList.OptionSelected, "#circle-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        person_id = person_of(event.option)
        if person_id is not None:
            self.select(person_id)
            self.action_edit()

    # -- keys --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "wording":
            return parameters[0] != ("child" if self.child_words else "adult")
        if action in ("edit", "move", "remove", "where_else"):
            return True if self._selected_placement() is not None else None
        return True

    def action_wording(self, which: str) -> None:
        self.child_words = which == "child"
        self._show_text()
        self._update_keys()

    def _person_name(self, person_id: str) -> str:
        assert self.workbook is not None
        return clean_name(self.workbook.person(person_id).name)

    def action_move(self, direction: int) -> None:
        placement = self._selected_placement()
        if placement is None:
            return
        name = self._person_name(placement.person)
        if not 1 <= placement.ring + direction <= RING_COUNT:
            edge = "innermost" if direction < 0 else "outermost"
            label = self.circle.ring_label(placement.ring)
            self.notify(f"{name} is already in the {edge} ring ({label}).", markup=False)
            return
        way = "inward" if direction < 0 else "outward"
        self.edit(partial(circles.move, self.circle_id, placement.person, direction),
                  f"Moved {name} {way} in {self.circle.short}")

    def action_remove(self) -> None:
        placement = self._selected_placement()
        if placement is None:
            return
        name = self._person_name(placement.person)
        # Keep the cursor near where it was: the next person down, else the one above.
        ids = self.query_one(CircleList).person_ids()
        if placement.person in ids:
            index = ids.index(placement.person)
            rest = ids[index + 1:] + ids[:index][::-1]
            self.selected = rest[0] if rest else None
        self.edit(partial(circles.remove_from_circle, self.circle_id, placement.person),
                  f"Removed {name} from {self.circle.short}")
        self.notify(f"Removed {name} from {self.circle.short} — ctrl+z to undo", markup=False)

    def action_where_else(self) -> None:
        placement = self._selected_placement()
        if placement is None or self.workbook is None:
            return
        name = self._person_name(placement.person)
        places = self.where_else(placement.person)
        if places:
            message = f"{name} is also in: " + "; ".join(places) + "."
        else:
            message = f"{name} is only in {self.circle.short} so far."
        self.notify(message, title="Where else", markup=False, timeout=8)

    def where_else(self, person_id: str) -> list[str]:
        """The other circles, supporter circles and tree parts a person is in, by title."""
        assert self.workbook is not None
        places = []
        for section, key in self.workbook.appearances(person_id):
            if section == "circle":
                if key != self.circle_id:
                    places.append(self.content.circle(key).short)
            elif section == "supporter":
                if key in left_out_kinds(self.workbook, self.wording, self.audience):
                    continue
                places.append(self.content.supporter(key).title)
            elif section == "tree":
                places.append(f"Tree of Life: {self.content.tree_part(key).title}")
        return places

    def progress(self, workbook: Workbook) -> Progress:
        return circle_progress(self.circle_id, workbook)


__all__: list[str] = ["CircleStep"]
