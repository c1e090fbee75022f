"""One safety circle: the question to ask, the ring picture, and the people in it.

`CircleStep` serves all five circles; the circle's id picks its wording from
`Content` and its placements from the workbook. The picture (left) and the
list grouped by ring (right) show the same people; moving the cursor in the
list highlights the person in the picture.

Adding someone: type their name (names already in the workbook complete),
then pick the ring (the middle ring is offered first). Named by defaults to
the child, or to the practitioner in "services suggest". Because that circle
needs the practitioner's reason for everyone in it, adding someone there opens
the details straight away and nothing is added until a reason is written;
cancelling adds no one.

Child view shows what `core/audience.py` gives the child: everyone placed stays
where they were put (a false supporter the child put in "who matters" is still
there); practitioner-only notes, concerns, and a worry's reason and kind in
"services suggest" are left out, and labels use the child's words.
"""

from __future__ import annotations

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from circles_tui.core.audience import extras_seen, left_out_kinds, sees
from circles_tui.core.wording import THEME_ROLES, CircleText
from circles_tui.core.wording import Wording
from circles_tui.dialogs.common import PersonChoice, PersonDialog
from circles_tui.dialogs.placement import PlacementDialog, RingDialog
from circles_tui.core.model import RING_COUNT, Person, Placement, Workbook
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.edits.people import add_person, new_person_id
from circles_tui.core.render_cache import RenderCache
from circles_tui.steps.step import Progress, Step, update_text
from circles_tui.widgets.nowrap_list import NoWrapOptionList
from circles_tui.widgets.rings import RingPerson, RingsDiagram, clean_name, shorten

SERVICES = "services-suggest"
DONE_AT = 3  # people placed before a family circle counts as done
SNIPPET = 48  # characters of a note shown in the list


def progress_of(circle_id: str, workbook: Workbook) -> Progress:
    """How far a circle has got.

    "empty" with no one placed. A family circle is "done" with at least three
    people placed. "Services suggest" is "done" once it has someone in it and
    everyone there has the practitioner's reason and the young person's view
    recorded ("didn't say" counts): that conversation is the point of it.
    """
    placements = workbook.circles.get(circle_id, ())
    if not placements:
        return "empty"
    if circle_id == SERVICES:
        complete = all(
            str(p.extras.get("reason", "")).strip() and p.extras.get("yp_view")
            for p in placements
        )
        return "done" if complete else "started"
    return "done" if len(placements) >= DONE_AT else "started"


def option_id(person_id: str) -> str:
    """The list's id for a person's line ("person:" keeps it apart from the headings)."""
    return f"person:{person_id}"


def person_of(option: Option) -> str | None:
    """The person a line of the list stands for, or None for headings and hints."""
    if option.disabled or not option.id or not option.id.startswith("person:"):
        return None
    return option.id.removeprefix("person:")


class CircleStep(Step):
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
    CircleStep.-short #circle-detail-box, CircleStep #circle-detail-box.-empty {
        display: none;
    }
    CircleStep.-child-view #circle-purpose, CircleStep.-child-view #circle-guidance,
    CircleStep #circle-guidance.-empty {
        display: none;
    }
    """ + "".join(
        f"CircleStep.-role-{role} #circle-question {{ border-left: outer $text-{role}; }}\n"
        for role in THEME_ROLES
    )

    BINDINGS = [
        Binding("a", "add", "Add", id="circle.add"),
        Binding("e", "edit", "Edit", id="circle.edit"),
        Binding("minus,i", "move(-1)", "Inward", id="circle.inward"),
        Binding("plus,o", "move(1)", "Outward", id="circle.outward"),
        Binding("x,delete", "remove", "Remove", id="circle.remove"),
        Binding("w", "where_else", "Where else", id="circle.where"),
        Binding("t", "wording('child')", "Child's words", id="circle.child-words"),
        Binding("t", "wording('adult')", "Adult's words", id="circle.adult-words"),
    ]

    def __init__(self, content: Wording, circle_id: str, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.circle_id = circle_id
        self.role = content.circle(circle_id).theme_role
        self.child_words = False  # which wording of the question is showing
        self.selected: str | None = None  # the highlighted person's id
        self._rebuilding = False
        self._keys_state: tuple[bool, bool] | None = None
        # The list's lines from the last redraw. Most survive an edit, with the heights
        # Textual cached on them: measuring 1,000 fresh lines was most of the time a key
        # took in a big circle.
        self._lines: RenderCache[Content] = RenderCache()
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
                yield NoWrapOptionList(id="circle-list")
                with VerticalScroll(id="circle-detail-box", can_focus=False):
                    yield Static(id="circle-detail")

    def on_resize(self, event: Resize) -> None:
        # Small screens get a one-line heading and one line per person in the list.
        short, narrow = event.size.height < 32, event.size.width < 90
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
        self.child_words = child_view
        self.set_class(child_view, "-child-view")
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
        self._fill_list(by_ring, people)
        self.query_one(RingsDiagram).show(
            workbook.about.child,
            [[RingPerson(p.person, people[p.person].name) for p in ring] for ring in by_ring],
            self.circle.rings,
            self.role,
            self.selected,
        )
        self._show_detail()
        self._update_keys()

    def _update_keys(self) -> None:
        """Refresh the footer only when which keys apply has changed (it is slow to redraw)."""
        state = (self._selected_placement() is not None, self.child_words)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def _show_text(self) -> None:
        circle, role = self.circle, f"$text-{self.role}"
        heading: list[tuple[str, str]] = [(circle.title, f"bold {role}")]
        if self.has_class("-short") and not self.child_view:
            heading.append((f"  {circle.purpose}", "$text-muted"))  # one line, cut to fit
        update_text(self.query_one("#circle-heading", Static), Content.assemble(*heading))
        update_text(self.query_one("#circle-purpose", Static), Content(circle.purpose))
        whose, question, other = (
            ("Child's words", circle.child_question, "Adult's words")
            if self.child_words
            else ("Adult's words", circle.adult_question, "Child's words")
        )
        parts = [(f"{whose}  ", "italic $text-muted"), (question, "bold")]
        if not self.has_class("-short"):  # the footer shows the key on small screens
            parts.append((f"  (t: {other.lower()})", "$text-muted"))
        update_text(self.query_one("#circle-question", Static), Content.assemble(*parts))
        guidance = self.query_one("#circle-guidance", Static)
        update_text(guidance, Content(circle.guidance))
        guidance.set_class(not circle.guidance, "-empty")

    def _fill_list(self, by_ring: list[list[Placement]], people: dict[str, Person]) -> None:
        options: list[Option] = []
        role = f"$text-{self.role}"
        narrow = self.has_class("-narrow")
        for number, ring in enumerate(by_ring, start=1):
            heading = Content.assemble(
                (f" {number} ", f"bold reverse {role}"),
                (f" {self.circle.ring_label(number)}", f"bold {role}"),
                (f"  ({len(ring)})", "$text-muted"),
            )
            options.append(Option(heading, id=f"ring-{number}", disabled=True))
            if not ring:
                options.append(
                    Option(Content.styled("    no one yet", "italic $text-muted"),
                           id=f"empty-{number}", disabled=True)
                )
            for placement in ring:
                line = self._line(placement, people[placement.person],
                                  placement.person == self.selected, narrow)
                options.append(Option(line, id=option_id(placement.person)))
        if not any(by_ring):
            options.append(
                Option(Content.styled("Press a to add someone.", "$text-muted"),
                       id="hint", disabled=True)
            )
        self._lines.end_pass()
        listing = self.query_one("#circle-list", OptionList)
        self._rebuilding = True
        try:
            scroll_y = listing.scroll_y
            listing.set_options(options)
            if self.selected is not None:
                listing.highlighted = listing.get_option_index(option_id(self.selected))
            listing.scroll_to(y=scroll_y, animate=False, immediate=True)
            if listing.highlighted is not None:
                listing.scroll_to_highlight()
        finally:
            self._rebuilding = False

    def _line(self, placement: Placement, person: Person, selected: bool, narrow: bool) -> Content:
        """The list line for a placement, reused from the last redraw when nothing changed."""
        return self._lines.get((selected, narrow, self.audience), (placement, person),
                               lambda: self._list_line(placement, person, selected, narrow))

    def _list_line(self, placement: Placement, person: Person, selected: bool,
                   narrow: bool) -> Content:
        """Two short lines: the name and relationship, then the note (or, here, the reason).

        On a narrow screen only the first line, with a mark where a reason is missing.
        """
        # A pointer marks the selected person, so the cursor shows with colours off too.
        parts: list[tuple[str, str] | str] = [
            ("▶" if selected else " ", "bold"), (clean_name(person.name), "bold")]
        if person.relationship.strip():
            parts.append((f" · {clean_name(person.relationship)}", "$text-muted"))
        if narrow:
            if self.circle_id == SERVICES and not str(placement.extras.get("reason", "")).strip():
                parts.insert(0, ("⚠", "bold $warning"))
            return Content.assemble(*parts)
        if self.circle_id == SERVICES:
            reason = str(extras_seen(self.circle_id, placement, self.audience).get("reason", ""))
            if reason.strip():
                parts.append(("\n   " + shorten(clean_name(reason.strip()), SNIPPET), "italic"))
            elif not placement.extras.get("reason"):
                parts.append(("\n   ⚠ reason needed", "bold $warning"))
        elif placement.note.strip():
            note = shorten(clean_name(placement.note), SNIPPET)
            parts.append((f"\n   “{note}”", "italic $text-muted"))
        return Content.assemble(*parts)

    def _show_detail(self) -> None:
        detail = self.query_one("#circle-detail", Static)
        placement = self._selected_placement()
        workbook = self.workbook
        if placement is None or workbook is None:
            self.query_one("#circle-detail-box").add_class("-empty")
            return
        self.query_one("#circle-detail-box").remove_class("-empty")
        person = workbook.person(placement.person)
        lines: list[Content] = []
        head = [(person.name, "bold")]
        for extra in (person.relationship, person.lives):
            if extra.strip():
                head.append((f" · {extra}", "$text-muted"))
        lines.append(Content.assemble(*head))
        if placement.named_by:
            named_by = self.content.named_by.get(placement.named_by, placement.named_by)
            lines.append(self._detail_pair(self.content.heading("who_named", "Named by"), named_by))
        if placement.note.strip():
            lines.append(self._detail_pair("Note", placement.note))
        extras = extras_seen(self.circle_id, placement, self.audience)
        for field in self.circle.fields:
            value = extras.get(field.id)
            if not value:
                continue
            shown = (", ".join(field.label_of(v) for v in value) if isinstance(value, tuple)
                     else field.label_of(value))
            lines.append(self._detail_pair(field.label, shown))
        if sees(self.audience, "Placement.practitioner_note"):
            if placement.practitioner_note.strip():
                lines.append(self._detail_pair("Practitioner only", placement.practitioner_note,
                                               "bold $warning"))
        if sees(self.audience, "Person.concern"):
            if person.concern.strip():
                lines.append(self._detail_pair("Concern (practitioner only)", person.concern,
                                               "bold $error"))
        update_text(detail, Content("\n").join(lines))

    @staticmethod
    def _detail_pair(label: str, value: str, label_style: str = "$text-muted") -> Content:
        return Content.assemble((f"{label}: ", label_style), value)

    # -- the selection -----------------------------------------------------------------

    def _selected_placement(self) -> Placement | None:
        if self.workbook is None or self.selected is None:
            return None
        visible = self.visible(self.workbook)
        return next((p for p in visible if p.person == self.selected), None)

    @on(OptionList.OptionHighlighted, "#circle-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        person_id = person_of(event.option)
        if self._rebuilding or person_id is None:
            return
        self.select(person_id)

    def select(self, person_id: str) -> None:
        """Make `person_id` the selected person, in the list and the picture."""
        previous, self.selected = self.selected, person_id
        self.query_one(RingsDiagram).highlight = person_id
        listing = self.query_one("#circle-list", OptionList)
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
        placement = self._current(person_id) if person_id else None
        if placement is None or self.workbook is None:
            return
        listing = self.query_one("#circle-list", OptionList)
        try:
            listing.get_option(option_id(placement.person))
        except OptionDoesNotExist:  # not listed (hidden in child view)
            return
        person = self.workbook.person(placement.person)
        listing.replace_option_prompt(
            option_id(placement.person),
            self._line(placement, person, person_id == self.selected, self.has_class("-narrow")),
        )

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
        if placement is None or self.workbook is None:
            return
        name = self._person_name(placement.person)
        ring = placement.ring + direction
        if not 1 <= ring <= RING_COUNT:
            edge = "innermost" if direction < 0 else "outermost"
            label = self.circle.ring_label(placement.ring)
            self.notify(f"{name} is already in the {edge} ring ({label}).", markup=False)
            return
        moved = attrs.evolve(placement, ring=ring)
        way = "inward" if direction < 0 else "outward"
        self._replace(placement, moved, f"Moved {name} {way} in {self.circle.short}")

    def _replace(self, old: Placement, new: Placement | None, label: str) -> None:
        assert self.workbook is not None
        placements = [
            new if p.person == old.person else p for p in self.placements()
        ]
        workbook = set_placements(
            self.workbook, self.circle_id, [p for p in placements if p is not None]
        )
        self.edit(workbook, label)

    def action_remove(self) -> None:
        placement = self._selected_placement()
        if placement is None or self.workbook is None:
            return
        name = self._person_name(placement.person)
        # Keep the cursor near where it was: the next person down, else the one above.
        listing = self.query_one("#circle-list", OptionList)
        ids = [person_of(o) for o in listing.options if person_of(o) is not None]
        if placement.person in ids:
            index = ids.index(placement.person)
            rest = ids[index + 1:] + ids[:index][::-1]
            self.selected = rest[0] if rest else None
        self._replace(placement, None, f"Removed {name} from {self.circle.short}")
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

    def action_edit(self) -> None:
        placement = self._selected_placement()
        if placement is None or self.workbook is None:
            return
        person = self.workbook.person(placement.person)
        if extras_seen(self.circle_id, placement, self.audience) != placement.extras:
            # The dialog would show, or lose, what this audience must not see.
            self.notify("Some of these details are kept out of child view; press F2 to "
                        "edit them.", title="Child view", markup=False)
            return

        def done(edited: Placement | None) -> None:
            if edited is None or edited == placement:
                return
            current = self._current(placement.person)
            if current is None:
                return
            # Keep a ring change made meanwhile (there is none today, but be safe).
            edited = attrs.evolve(edited, ring=current.ring)
            label = f"Edited {self._person_name(person.id)} in {self.circle.short}"
            self._replace(current, edited, label)

        self.app.push_screen(
            PlacementDialog(self.content, self.circle, person, placement, self.child_view),
            callback=done,
        )

    def _current(self, person_id: str) -> Placement | None:
        return next((p for p in self.placements() if p.person == person_id), None)

    def action_add(self) -> None:
        if self.workbook is None:
            return
        exclude = {p.person for p in self.placements()}
        self.app.push_screen(
            PersonDialog(self.workbook, f"Add someone to “{self.circle.short}”", exclude),
            callback=self._person_chosen,
        )

    def _person_chosen(self, choice: PersonChoice | None) -> None:
        if choice is None:
            return
        self.app.push_screen(
            RingDialog(self.circle, choice.person.name, default=2),
            callback=lambda ring: self._ring_chosen(choice, ring),
        )

    def _ring_chosen(self, choice: PersonChoice, ring: int | None) -> None:
        if ring is None:
            return
        named_by = "practitioner" if self.circle_id == SERVICES else "child"
        placement = Placement(choice.person.id, ring, named_by=named_by)
        if self.circle_id != SERVICES:
            self._commit_add(choice, placement)
            return

        def detailed(edited: Placement | None) -> None:
            if edited is None:
                self.notify(
                    f"{clean_name(choice.person.name)} was not added: everyone in "
                    f"{self.circle.short} needs a reason.",
                    markup=False, severity="warning",
                )
                return
            self._commit_add(choice, edited)

        self.app.push_screen(
            PlacementDialog(self.content, self.circle, choice.person, placement,
                            self.child_view, adding=True),
            callback=detailed,
        )

    def _commit_add(self, choice: PersonChoice, placement: Placement) -> None:
        workbook = self.workbook
        if workbook is None:
            return
        person = choice.person
        if choice.is_new:
            if person.id in workbook.people_by_id():  # taken meanwhile: make a fresh id
                person = attrs.evolve(person, id=new_person_id(workbook, person.name))
                placement = attrs.evolve(placement, person=person.id)
            workbook = add_person(workbook, person)
        elif person.id not in workbook.people_by_id():
            return
        if any(p.person == person.id for p in self.placements(workbook)):
            return
        placements = self.placements(workbook) + (placement,)
        workbook = set_placements(workbook, self.circle_id, placements)
        self.selected = person.id
        self.edit(workbook, f"Added {clean_name(person.name)} to {self.circle.short}")

    def progress(self, workbook: Workbook) -> Progress:
        return progress_of(self.circle_id, workbook)


def circle_steps(content: Wording) -> list[CircleStep]:
    """One step per circle, in the order a session takes them."""
    return [CircleStep(content, c.id, id=f"circle-{c.id}") for c in content.circles]


__all__: list[str] = ["CircleStep", "circle_steps", "progress_of"]
