"""Everyone named so far, once each, and every place they appear.

A person is recorded once and linked by id wherever they appear, so renaming
here renames them everywhere, and two entries that turn out to be the same
person can be merged without losing anything either of them carried.
"""

from __future__ import annotations

from functools import partial

import attrs
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from circles_tui.core.audience import sees
from circles_tui.core.edits import people
from circles_tui.core.edits.people import new_person_id
from circles_tui.core.labels import label as field_label
from circles_tui.core.model import Person, Workbook
from circles_tui.core.places import place_names
from circles_tui.core.proposed_network import HOLD_TITLE, contact_hold
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.meeting_forms import FormField, ShortFormDialog
from circles_tui.dialogs.person_edit import PersonEditDialog, PickPersonDialog
from circles_tui.steps.step import Step


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# Widest a column grows before its text wraps; "Appears in" takes whatever is left.
CAPS = {"name": 20, "relationship": 16, "lives": 16, "living": 20, "who": 20}
WIDE = 100  # narrower than this, relationship and where they live share a column
PLACES_MIN = 20

# -- the step -----------------------------------------------------------------------------------


class PeopleStep(Step):
    """Every person, with their details and where they appear.

    Progress: "empty" while no one has been named, otherwise "done".
    """

    STEP_ID = "people"

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
        Binding("h", "hold", "Hold contact",
                tooltip="Put a hold on contacting this person, or lift it (practitioner only)"),
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
            if person.on_hold and sees(self.audience, "Person.hold_until"):
                name.append("\n⊘ hold on contact", style="not bold")
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
        if sees(self.audience, "Person.hold_until"):
            line(HOLD_TITLE, contact_hold(person), private=True)
        detail.update(Content("\n").join(lines))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hold" and not sees(self.audience, "Person.hold_until"):  # a hold is practitioner-only: not offered
            return False
        if action in ("edit", "rename", "delete", "merge", "hold"):
            if not self.is_mounted or self._selected() is None:
                return None
            if action == "merge" and self.workbook is not None and len(self.workbook.people) < 2:
                return None
        return True

    # -- actions ----------------------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        if self.workbook is None:
            return
        person = await self.app.push_screen_wait(
            PersonEditDialog(Person("new", ""), "Add someone", child_view=self.child_view))
        if person is None:
            return
        person = attrs.evolve(person, id=new_person_id(self.workbook, person.name))
        twin = next((p for p in self.workbook.people
                     if p.name.strip().casefold() == person.name.strip().casefold()), None)
        self._pending_select = person.id  # selected once it comes back down in `show`
        self.edit(partial(people.add, person), f"Added {person.name}")
        if twin is not None:
            self.notify(
                f"There is already someone called {twin.name}. If they are the same person, "
                "press m to merge them.",
                markup=False,
            )

    @work
    async def action_edit(self) -> None:
        person = self._selected()
        if person is None:
            return
        changed = await self.app.push_screen_wait(
            PersonEditDialog(person, f"Details for {person.name}", child_view=self.child_view))
        if changed is None:
            return
        label = (
            f"Edited {changed.name}'s details"
            if changed.name == person.name
            else f"Edited {person.name}'s details (now {changed.name})"
        )
        self.edit(partial(people.edit, changed), label)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    @work
    async def action_hold(self) -> None:
        """Put a hold on contacting someone (until what, who asked), or lift it."""
        person = self._selected()
        if person is None or not sees(self.audience, "Person.hold_until"):
            return
        values = await self.app.push_screen_wait(ShortFormDialog(
            f"{HOLD_TITLE}: {person.name}",
            (FormField("until", "Until", person.hold_until,
                       help="What has to happen first, like 'Kerry agrees'. Leave blank to lift "
                            "the hold.", audience_rule="Person.hold_until"),
             FormField("asked_by", "Asked for by", person.hold_asked_by,
                       help="Who asked for the hold, and when.",
                       audience_rule="Person.hold_asked_by")),
            help="Nobody contacts them until then. Practitioner only: never shown in child "
                 "view or in shared copies.",
        ))
        if values is None:
            return
        until = values["until"].strip()
        label = (f"Put a hold on contacting {person.name}" if until
                 else f"Lifted the hold on contacting {person.name}")
        self.edit(partial(people.hold_contact, person.id, until, values["asked_by"]), label)

    @work
    async def action_rename(self) -> None:
        person = self._selected()
        if person is None:
            return
        name = await self.app.push_screen_wait(TextDialog(
            f"Rename {person.name}",
            person.name,
            help="Use the name the child uses. It changes everywhere this person appears.",
        ))
        if name is not None:
            self.edit(partial(people.rename, person.id, name),
                      f"Renamed {person.name} to {name.strip()}")

    @work
    async def action_merge(self) -> None:
        """Who else this person is, then a plain account of what merging does, then merge."""
        person = self._selected()
        if person is None or self.workbook is None:
            return
        others = [p for p in self.workbook.people if p.id != person.id]
        if not others:
            self.notify("There is no one else to merge with.")
            return
        other_id = await self.app.push_screen_wait(PickPersonDialog(
            f"Who else is {person.name}?",
            f"Choose the entry that is the same person as {person.name}. "
            f"They will become one person called {person.name}.",
            others,
        ))
        if other_id is None:
            return
        keep, drop = person, next(p for p in others if p.id == other_id)
        if not await self.app.push_screen_wait(ConfirmDialog(
            f"Merge {drop.name} into {keep.name}?",
            self._merge_description(self.workbook, keep, drop), yes="Merge",
        )):
            return
        self.edit(partial(people.merge, keep.id, drop.id), f"Merged {drop.name} into {keep.name}")
        self.notify(f"Merged {drop.name} into {keep.name}. Press ctrl+z to undo.", markup=False)

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

    @work
    async def action_delete(self) -> None:
        person = self._selected()
        if person is None or self.workbook is None:
            return
        places = place_names(self.workbook, self.content, person.id, self.child_view)
        if places:
            body = (f"Remove {person.name} and their {_plural(len(places), 'place')}: "
                    f"{', '.join(places)}?")
        else:
            body = f"Remove {person.name}? They are not in any circle or the tree yet."
        if await self.app.push_screen_wait(ConfirmDialog("Remove someone", body, yes="Remove")):
            self.edit(partial(people.remove, person.id), f"Removed {person.name}")
            self.notify(f"Removed {person.name}. Press ctrl+z to undo.", markup=False)
