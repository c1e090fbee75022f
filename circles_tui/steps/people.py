"""Everyone named so far, once each, and every place they appear.

A person is recorded once and linked by id wherever they appear, so renaming
here renames them everywhere, and two entries that turn out to be the same
person can be merged without losing anything either of them carried.
"""

from __future__ import annotations

import attrs
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from circles_tui.core.audience import audience_of, left_out_kinds, sees
from circles_tui.core.labels import label as field_label
from circles_tui.core.wording import Wording
from circles_tui.dialogs.common import ConfirmDialog, TextDialog
from circles_tui.dialogs.person_edit import PersonEditDialog, PickPersonDialog
from circles_tui.core.model import Person, Workbook
from circles_tui.core.edits.people import add_person, merge_people, new_person_id, remove_person, replace_person
from circles_tui.steps.step import Progress, Step

# -- where people appear (used by the supporter and summary steps too) -------------------------


def place_name(content: Wording, section: str, item: str) -> str:
    """The worksheet's name for a place: a circle's short title, a supporter or tree title."""
    if section == "circle":
        return content.circle(item).short
    if section == "supporter":
        return content.supporter(item).title
    return content.tree_part(item).title


def place_names(
    workbook: Workbook,
    content: Wording,
    person_id: str,
    child_view: bool = False,
    skip: tuple[str, str] | None = None,
) -> list[str]:
    """Every place a person appears, in worksheet order, named in the worksheet's words.

    In child view the supporter kinds the child does not see are left out (see
    core/audience.py).
    """
    hidden = left_out_kinds(workbook, content, audience_of(child_view))
    names = []
    for place in workbook.appearances(person_id):
        if place == skip or (place[0] == "supporter" and place[1] in hidden):
            continue
        names.append(place_name(content, *place))
    return names


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- merging without losing anything ------------------------------------------------------------


def _joined(keep: str, drop: str) -> str:
    """Both texts, once each: "a" and "b" become "a; b"; a blank side adds nothing."""
    keep, drop = keep.strip(), drop.strip()
    if not drop or drop.casefold() == keep.casefold():
        return keep
    if not keep:
        return drop
    return f"{keep}; {drop}"


def _join_fields(keep, drop, fields: tuple[str, ...]):
    return attrs.evolve(keep, **{f: _joined(getattr(keep, f), getattr(drop, f)) for f in fields})


def combine_people(workbook: Workbook, keep_id: str, drop_id: str) -> Workbook:
    """Merge `drop_id` into `keep_id`, keeping every detail and note either of them had.

    The kept person's name stays, and the other name goes into their note. Their other
    details gain whatever the other entry adds; where both sat in the same circle, their entries there are joined too
    (`model.merge_people` then moves every remaining reference across).
    """
    if keep_id == drop_id:
        return workbook
    keep, drop = workbook.person(keep_id), workbook.person(drop_id)
    person = _join_fields(
        keep, drop,
        ("relationship", "lives", "contact", "note", "practitioner_note", "concern"),
    )
    person = attrs.evolve(person, known=keep.known or drop.known)
    if drop.name.strip().casefold() != keep.name.strip().casefold():
        person = attrs.evolve(person, note=_joined(person.note, f"Also called {drop.name}."))
    circles = {}
    for circle, placements in workbook.circles.items():
        theirs = next((p for p in placements if p.person == drop_id), None)
        circles[circle] = tuple(
            attrs.evolve(
                _join_fields(p, theirs, ("note", "practitioner_note")),
                named_by=p.named_by or theirs.named_by,
                extras={**theirs.extras, **p.extras},
            )
            if theirs is not None and p.person == keep_id
            else p
            for p in placements
        )
    supporters = {}
    for kind, entries in workbook.supporters.items():
        theirs = next((s for s in entries if s.person == drop_id), None)
        supporters[kind] = tuple(
            _join_fields(s, theirs, ("what_they_do", "how_to_use", "reach", "note",
                                     "practitioner_note"))
            if theirs is not None and s.person == keep_id
            else s
            for s in entries
        )
    joined = attrs.evolve(workbook, circles=circles, supporters=supporters)
    return merge_people(replace_person(joined, person), keep_id, drop_id)


# Widest a column grows before its text wraps; "Appears in" takes whatever is left.
CAPS = {"name": 20, "relationship": 16, "lives": 16, "living": 20, "who": 20}
WIDE = 100  # narrower than this, relationship and where they live share a column
PLACES_MIN = 20

# -- the step -----------------------------------------------------------------------------------


class PeopleStep(Step):
    """Every person, with their details and where they appear.

    Progress: "empty" while no one has been named, otherwise "done".
    """

    title = "People"

    DEFAULT_CSS = """
    PeopleStep #people-intro {
        color: $text-muted;
        height: auto;
    }
    PeopleStep DataTable {
        height: 1fr;
        min-height: 5;
    }
    PeopleStep #person-detail-box {
        height: auto;
        max-height: 35%;
        border: round $panel-lighten-2;
        border-title-color: $text;
        border-title-style: bold;
        padding: 0 1;
    }
    PeopleStep #person-detail {
        height: auto;
    }
    PeopleStep #people-empty {
        color: $text-muted;
        text-style: italic;
        padding: 1 0;
    }
    """

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("r", "rename", "Rename"),
        Binding("m", "merge", "Merge"),
        Binding("x", "delete", "Delete"),
        Binding("delete", "delete", "Delete", show=False),
    ]

    _pending_select: str | None = None  # a person just added

    def compose(self) -> ComposeResult:
        yield Static(
            "Everyone named so far, once each. Someone in several circles is one person here, "
            "so a change made here shows everywhere.",
            id="people-intro",
        )
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static("No one yet. Press a to add someone.", id="people-empty")
        with VerticalScroll(id="person-detail-box"):
            yield Static(id="person-detail")

    # -- data down -----------------------------------------------------------------------

    def show(self, workbook: Workbook) -> None:
        table = self.query_one("#people", DataTable)
        kept = self._selected_id()
        if self._pending_select in workbook.people_by_id():
            kept, self._pending_select = self._pending_select, None
        kept_row = table.cursor_row
        table.clear(columns=True)
        narrow = bool(self.size.width) and self.size.width < WIDE
        headings = (
            {"name": "Name", "who": "Relationship, lives", "places": "Appears in"}
            if narrow else
            {"name": "Name", "relationship": "Relationship", "lives": "Lives",
             "living": "Living", "places": "Appears in"}
        )
        rows = []
        for person in workbook.people:
            places = place_names(workbook, self.content, person.id, self.child_view)
            name = Text(person.name, style="bold")
            if narrow and (not person.living or not person.known):
                name.append("\n" + self._living(person), style="not bold")
            if person.concern and sees(self.audience, "Person.concern"):
                name.append("\n⚑ concern", style="not bold")
            row = {
                "name": name,
                "relationship": Text(person.relationship),
                "lives": Text(person.lives),
                "who": Text("\n".join(x for x in (person.relationship, person.lives) if x)),
                "living": Text(self._living(person)),
                "places": Text(", ".join(places) if places else "nowhere yet"),
            }
            rows.append((person.id, row))
        keys = list(headings)
        caps = {**CAPS, "name": 14, "who": 19} if narrow else CAPS
        widths = {
            key: min(caps[key], max([len(headings[key])] + [
                max(len(line) for line in row[key].plain.splitlines() or [""])
                for _, row in rows
            ]))
            for key in keys if key != "places"
        }
        # Leave "Appears in" room to be read, narrowing the widest other column first.
        room = (self.size.width or 80) - 4
        while room - sum(w + 2 for w in widths.values()) - 2 < PLACES_MIN:
            shrinkable = [k for k in widths if widths[k] > max(8, len(headings[k]))]
            if not shrinkable:
                break
            widths[max(shrinkable, key=widths.get)] -= 1
        widths["places"] = max(PLACES_MIN, room - sum(w + 2 for w in widths.values()) - 2)
        for key in keys:
            table.add_column(headings[key], key=key, width=widths[key])
        for person_id, row in rows:
            table.add_row(*(row[k] for k in keys), key=person_id, height=None)
        ids = [p.id for p in workbook.people]
        if ids:
            table.move_cursor(row=ids.index(kept) if kept in ids else min(kept_row, len(ids) - 1))
        table.display = bool(ids)
        self.query_one("#people-empty").display = not ids
        self.query_one("#person-detail-box").display = bool(ids)
        self._describe()

    def on_resize(self) -> None:
        if self.workbook is not None:
            self.show(self.workbook)

    @staticmethod
    def _living(person: Person) -> str:
        status = "Living" if person.living else "Passed away"
        return status if person.known else f"{status}, never met"

    def _selected_id(self) -> str | None:
        table = self.query_one("#people", DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:
            return None
        return key.value

    def _selected(self) -> Person | None:
        person_id = self._selected_id()
        if person_id is None or self.workbook is None:
            return None
        try:
            return self.workbook.person(person_id)
        except KeyError:
            return None

    def _describe(self) -> None:
        person = self._selected()
        box = self.query_one("#person-detail-box")
        detail = self.query_one("#person-detail", Static)
        if person is None or self.workbook is None:
            detail.update("")
            return
        box.border_title = Content(person.name)
        places = place_names(self.workbook, self.content, person.id, self.child_view)
        lines: list[Content] = []

        def line(label: str, value: str, private: bool = False) -> None:
            if value:
                label = f"{label} (practitioner only)" if private else label
                style = "$text-warning" if private else ""
                lines.append(Content.assemble((f"{label}: ", f"bold {style}"), value))

        facts = [person.relationship, f"lives in {person.lives}" if person.lives else "",
                 self._living(person)]
        lines.append(Content(" · ".join(fact for fact in facts if fact)))
        line("Appears in", ", ".join(places) if places else "nowhere yet")
        line("Note", person.note)
        for field, words in (("contact", field_label("Person.contact")), ("practitioner_note", "Note"),
                             ("concern", "Concern, discuss before inviting")):
            if sees(self.audience, f"Person.{field}"):
                line(words, getattr(person, field), private=True)
        detail.update(Content("\n").join(lines))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "rename", "delete", "merge"):
            if not self.is_mounted or self._selected() is None:
                return None
            if action == "merge" and self.workbook is not None and len(self.workbook.people) < 2:
                return None
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_add(self) -> None:
        if self.workbook is None:
            return

        def added(person: Person | None) -> None:
            if person is None or self.workbook is None:
                return
            person = attrs.evolve(person, id=new_person_id(self.workbook, person.name))
            twin = next((p for p in self.workbook.people
                         if p.name.strip().casefold() == person.name.strip().casefold()), None)
            self._pending_select = person.id  # selected once it comes back down in `show`
            self.edit(add_person(self.workbook, person), f"Added {person.name}")
            if twin is not None:
                self.notify(
                    f"There is already someone called {twin.name}. If they are the same person, "
                    "press m to merge them.",
                    markup=False,
                )

        self.app.push_screen(
            PersonEditDialog(Person("new", ""), "Add someone", child_view=self.child_view), added
        )

    def action_edit(self) -> None:
        person = self._selected()
        if person is None:
            return

        def edited(changed: Person | None) -> None:
            if changed is None or self.workbook is None:
                return
            if changed.id not in self.workbook.people_by_id():
                return
            label = (
                f"Edited {changed.name}'s details"
                if changed.name == person.name
                else f"Edited {person.name}'s details (now {changed.name})"
            )
            self.edit(replace_person(self.workbook, changed), label)

        self.app.push_screen(
            PersonEditDialog(person, f"Details for {person.name}", child_view=self.child_view),
            edited,
        )

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_rename(self) -> None:
        person = self._selected()
        if person is None:
            return

        def renamed(name: str | None) -> None:
            if name is None or self.workbook is None:
                return
            name = name.strip()
            if not name:
                self.notify("A name cannot be empty, so nothing changed.", severity="warning")
                return
            if name == person.name or person.id not in self.workbook.people_by_id():
                return
            current = self.workbook.person(person.id)
            self.edit(
                replace_person(self.workbook, attrs.evolve(current, name=name)),
                f"Renamed {current.name} to {name}",
            )

        self.app.push_screen(
            TextDialog(
                f"Rename {person.name}",
                person.name,
                help="Use the name the child uses. It changes everywhere this person appears.",
            ),
            renamed,
        )

    def action_merge(self) -> None:
        person = self._selected()
        if person is None or self.workbook is None:
            return
        others = [p for p in self.workbook.people if p.id != person.id]
        if not others:
            self.notify("There is no one else to merge with.")
            return

        def picked(other_id: str | None) -> None:
            if other_id is None or self.workbook is None:
                return
            workbook = self.workbook
            if not {person.id, other_id} <= set(workbook.people_by_id()):
                return
            keep, drop = workbook.person(person.id), workbook.person(other_id)

            def confirmed(yes: bool | None) -> None:
                if not yes or self.workbook is None:
                    return
                if not {keep.id, drop.id} <= set(self.workbook.people_by_id()):
                    return
                self.edit(combine_people(self.workbook, keep.id, drop.id),
                          f"Merged {drop.name} into {keep.name}")
                self.notify(f"Merged {drop.name} into {keep.name}. Press ctrl+z to undo.",
                            markup=False)

            self.app.push_screen(
                ConfirmDialog(f"Merge {drop.name} into {keep.name}?",
                              self._merge_description(workbook, keep, drop), yes="Merge"),
                confirmed,
            )

        self.app.push_screen(
            PickPersonDialog(
                f"Who else is {person.name}?",
                f"Choose the entry that is the same person as {person.name}. "
                f"They will become one person called {person.name}.",
                others,
            ),
            picked,
        )

    def _merge_description(self, workbook: Workbook, keep: Person, drop: Person) -> str:
        theirs = place_names(workbook, self.content, drop.id, self.child_view)
        mine = set(place_names(workbook, self.content, keep.id, self.child_view))
        both = [place for place in theirs if place in mine]
        moving = [place for place in theirs if place not in mine]
        lines = [f"{drop.name} and {keep.name} become one person, called {keep.name}."]
        if moving:
            lines.append(
                f"{drop.name}'s {_plural(len(moving), 'place')} move to {keep.name}: "
                f"{', '.join(moving)}."
            )
        if both:
            lines.append(f"Where both are already ({', '.join(both)}), their notes are joined.")
        lines.append(
            f"Details {keep.name} is missing are taken from {drop.name}, and notes from both "
            "are kept"
            + (f", with \"Also called {drop.name}\" added to the note." if
               drop.name.strip().casefold() != keep.name.strip().casefold() else ".")
        )
        return "\n".join(lines)

    def action_delete(self) -> None:
        person = self._selected()
        if person is None or self.workbook is None:
            return
        places = place_names(self.workbook, self.content, person.id, self.child_view)
        if places:
            body = (f"Remove {person.name} and their {_plural(len(places), 'place')}: "
                    f"{', '.join(places)}?")
        else:
            body = f"Remove {person.name}? They are not in any circle or the tree yet."

        def confirmed(yes: bool | None) -> None:
            if not yes or self.workbook is None:
                return
            if person.id not in self.workbook.people_by_id():
                return
            self.edit(remove_person(self.workbook, person.id), f"Removed {person.name}")
            self.notify(f"Removed {person.name}. Press ctrl+z to undo.", markup=False)

        self.app.push_screen(
            ConfirmDialog("Remove someone", body, yes="Remove"), confirmed
        )

    # -- progress --------------------------------------------------------------------------

    def progress(self, workbook: Workbook) -> Progress:
        return "done" if workbook.people else "empty"
