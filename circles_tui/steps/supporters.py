"""The four supporter circles: emotional, practical, fair-weather and false, side by side.

Each column is one kind of supporter, headed by the worksheet's wording for it
(from `Content`, never written here). Wide, the four sit side by side with their
own wording; narrower, they sit two by two and the wording of the column in use
shows once, above them. The false column is practitioner territory: in child view
it is hidden completely unless the young person agreed to share it.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import GUIDANCE, left_out_kinds, sees
from circles_tui.core.edits import supporters
from circles_tui.core.model import Person, Supporter, Workbook
from circles_tui.core.places import place_names
from circles_tui.core.wording import SupporterText
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.supporter import SupporterDialog
from circles_tui.core.labels import label as field_label
from circles_tui.steps.step import Step
from circles_tui.steps.supporter_column import SupporterColumn

WIDE = 96  # from this many cells across, the four kinds sit side by side
TALL = 30  # from this many lines, entries show how to use them even when two by two


class SupportersStep(Step):
    """The supporter circles, one column per kind.

    Progress: "empty" while no one is in any supporter circle; "done" once there is
    at least one emotional and one practical supporter (the two kinds every network
    needs; fair-weather and false may rightly stay empty); "started" in between.
    """

    STEP_ID = "supporters"

    DEFAULT_CSS = """
    SupportersStep #kind-help {
        height: auto;
        display: none;
        padding: 0 1;
    }
    SupportersStep.-narrow #kind-help {
        display: block;
    }
    SupportersStep #columns {
        height: 1fr;
        grid-size: 4 1;
        grid-gutter: 0 1;
    }
    SupportersStep #entry-detail {
        height: auto;
        max-height: 4;
        padding: 0 1;
        color: $text-muted;
    }
    SupportersStep SupporterColumn .kind-words {
        height: auto;
    }
    SupportersStep.-narrow SupporterColumn .kind-words {
        display: none;
    }
    """

    BINDINGS = [
        Binding("left", "column(-1)", "Previous kind", show=False),
        Binding("right", "column(1)", "Next kind", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("x", "remove", "Remove"),
        Binding("delete", "remove", "Remove", show=False),
        Binding("w", "where", "Where else"),
    ]

    _pending_editor: tuple[str, str] | None = None  # (kind, person) just added

    def compose(self) -> ComposeResult:
        yield Static(id="kind-help")
        with Grid(id="columns"):
            for kind in self.content.supporters:
                yield SupporterColumn(kind)
        yield Static(id="entry-detail")

    # -- data down -----------------------------------------------------------------------

    def show(self, workbook: Workbook) -> None:
        people = workbook.people_by_id()
        hidden = left_out_kinds(workbook, self.wording, self.audience)
        for column in self.query(SupporterColumn):
            kind = column.kind.id
            column.display = kind not in hidden
            entries = workbook.supporters.get(kind, ())
            self._fill(column, entries, people)
            for sharing in column.query(".kind-sharing"):
                sharing.display = sees(self.audience, GUIDANCE)
                sharing.update(
                    "The young person agreed to share this."
                    if workbook.about.share_false_supporters
                    else "Not shared unless the young person agrees."
                )
            for guidance in column.query(".kind-guidance"):
                guidance.display = sees(self.audience, GUIDANCE)
        self._arrange()
        focused = self._focused_column()
        if focused is not None and not focused.display:
            self._columns()[0].entries.focus()
        self._describe()
        self._open_pending_editor(workbook)

    def _fill(self, column: SupporterColumn, entries: tuple[Supporter, ...],
              people: dict[str, Person]) -> None:
        option_list = column.entries
        kept = option_list.highlighted_option.id if option_list.highlighted_option else None
        kept_index = option_list.highlighted
        options: list[Option | None] = []
        for entry in entries:
            if options:
                options.append(None)
            options.append(Option(self._entry_text(entry, people[entry.person]), id=entry.person))
        option_list.set_options(options)
        column.query_one(".kind-empty").display = not entries
        if entries:
            ids = [e.person for e in entries]
            if kept in ids:
                option_list.highlighted = ids.index(kept)
            else:
                option_list.highlighted = min(kept_index or 0, len(ids) - 1)

    def _entry_text(self, entry: Supporter, person: Person) -> Content:
        parts: list[str | tuple[str, str]] = [(person.name, "bold")]
        if person.lives:
            parts += [("  ·  ", "dim"), (person.lives, "italic")]
        if entry.what_they_do:
            parts += ["\n", entry.what_they_do]
        if entry.how_to_use and not self.has_class("-compact"):
            parts += ["\n", ("→ ", "bold"), (entry.how_to_use, "dim italic")]
        return Content.assemble(*parts)

    def _arrange(self) -> None:
        narrow = self.size.width and self.size.width < WIDE
        visible = [c for c in self.query(SupporterColumn) if c.display]
        grid = self.query_one("#columns", Grid)
        if narrow:
            grid.styles.grid_size_columns = 2
            grid.styles.grid_size_rows = 2
        else:
            grid.styles.grid_size_columns = max(len(visible), 1)
            grid.styles.grid_size_rows = 1

    def on_resize(self) -> None:
        narrow = bool(self.size.width) and self.size.width < WIDE
        # Short and narrow: entries show name and what they do; the rest is in the line below.
        compact = narrow and self.size.height < TALL
        if narrow != self.has_class("-narrow") or compact != self.has_class("-compact"):
            self.set_class(narrow, "-narrow")
            self.set_class(compact, "-compact")
            if self.workbook is not None:
                self.show(self.workbook)
        else:
            self._arrange()

    def _describe(self) -> None:
        """The wording of the column in use (narrow layout) and the details of its entry."""
        column = self._focused_column() or self.query(SupporterColumn).first()
        kind = column.kind
        help_parts: list[str | tuple[str, str]] = [
            (kind.title, "bold"), ": ", kind.who, "\n", (f"“{kind.child_prompt}”", "italic")
        ]
        if kind.guidance and sees(self.audience, GUIDANCE):
            help_parts += ["\n", ("Practitioner guidance: ", "bold"), kind.guidance]
        self.query_one("#kind-help", Static).update(Content.assemble(*help_parts))
        self.query_one("#entry-detail", Static).update(self._detail(column))

    def _detail(self, column: SupporterColumn) -> Content:
        entry = self._entry(column)
        if entry is None or self.workbook is None:
            return Content("")
        person = self.workbook.person(entry.person)
        parts: list[str | tuple[str, str]] = [(person.name, "bold")]
        if person.relationship:
            parts.append(f" ({person.relationship})")
        facts = [
            (field_label("Supporter.how_to_use"), entry.how_to_use if self.has_class("-compact") else ""),
            (field_label("Supporter.reach"), entry.reach if sees(self.audience, "Supporter.reach") else ""),
            (field_label("Supporter.note"), entry.note),
        ]
        if sees(self.audience, "Supporter.practitioner_note"):
            facts.append(("Practitioner only", entry.practitioner_note))
        for label, value in facts:
            if value:
                parts += ["  ·  ", (f"{label}: ", "bold"), value]
        return Content.assemble(*parts)

    # -- where we are ----------------------------------------------------------------------

    def _columns(self) -> list[SupporterColumn]:
        return [c for c in self.query(SupporterColumn) if c.display]

    def _focused_column(self) -> SupporterColumn | None:
        focused = self.app.focused
        for column in self.query(SupporterColumn):
            if focused is column.entries:
                return column
        return None

    def _column_in_use(self) -> SupporterColumn:
        return self._focused_column() or self._columns()[0]

    def _highlighted_entry(self) -> tuple[SupporterColumn, Supporter] | None:
        """The column in use and its highlighted entry, if there is one."""
        if self.workbook is None:
            return None
        column = self._column_in_use()
        entry = self._entry(column)
        return None if entry is None else (column, entry)

    def _entry(self, column: SupporterColumn) -> Supporter | None:
        option = column.entries.highlighted_option
        if option is None or self.workbook is None:
            return None
        for entry in self.workbook.supporters.get(column.kind.id, ()):
            if entry.person == option.id:
                return entry
        return None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    def on_descendant_focus(self) -> None:
        self._describe()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove", "where"):
            if not self.is_mounted or self.workbook is None or not self._columns():
                return None
            return True if self._entry(self._column_in_use()) is not None else None
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_column(self, step: int) -> None:
        columns = self._columns()
        current = self._column_in_use()
        index = columns.index(current) if current in columns else 0
        target = columns[max(0, min(len(columns) - 1, index + step))]
        target.entries.focus()

    @work
    async def action_add(self) -> None:
        if self.workbook is None:
            return
        kind = self._column_in_use().kind
        already = {entry.person for entry in self.workbook.supporters.get(kind.id, ())}
        choice = await self.app.push_screen_wait(
            PersonDialog(self.workbook, f"Add someone to {kind.title}", exclude=already))
        if choice is None:
            return
        person = choice.person
        # Once the new entry comes back down in `show`, highlight it.
        self._pending_editor = (kind.id, person.id)
        operation = (partial(supporters.add_new_person, kind.id, person) if choice.is_new
                     else partial(supporters.add, kind.id, person.id))
        self.edit(operation, f"Added {person.name} to {kind.title}")
        # Its details open at once, in this same worker, so "what they do" typed straight
        # on lands in them (the type-ahead hold lasts while this worker runs).
        await self._ask_details(kind, Supporter(person.id), person)

    def _open_pending_editor(self, workbook: Workbook) -> None:
        """After an add: highlight the new entry, once it is shown."""
        if self._pending_editor is None:
            return
        kind_id, person_id = self._pending_editor
        if person_id not in {e.person for e in workbook.supporters.get(kind_id, ())}:
            return
        self._pending_editor = None
        column = self.query_one(f"#kind-{kind_id}", SupporterColumn)
        column.entries.highlighted = column.entries.get_option_index(person_id)
        column.entries.focus()

    def action_edit(self) -> None:
        self._edit_entry(self._column_in_use())

    @work
    async def _edit_entry(self, column: SupporterColumn) -> None:
        if self.workbook is None:
            return
        entry = self._entry(column)
        if entry is None:
            return
        kind = column.kind
        person = self.workbook.person(entry.person)
        await self._ask_details(kind, entry, person)

    async def _ask_details(self, kind: SupporterText, entry: Supporter, person: Person) -> None:
        """The supporter's details, asked in the worker that called (so keys wait for them)."""
        result = await self.app.push_screen_wait(
            SupporterDialog(entry, person, kind, child_view=self.child_view))
        if result is not None:
            self.edit(partial(supporters.edit, kind.id, result.supporter, result.lives),
                      f"Edited {person.name} in {kind.title}")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        highlighted = self._highlighted_entry()
        if highlighted is None:
            return
        column, entry = highlighted
        kind = column.kind
        name = self.workbook.person(entry.person).name
        self.edit(partial(supporters.remove, kind.id, entry.person),
                  f"Removed {name} from {kind.title}")
        self.notify(
            f"Removed {name} from {kind.title}. They are still in the People list. "
            "Press ctrl+z to undo.",
            markup=False,
        )

    def action_where(self) -> None:
        highlighted = self._highlighted_entry()
        if highlighted is None:
            return
        column, entry = highlighted
        name = self.workbook.person(entry.person).name
        elsewhere = [
            place for place in place_names(
                self.workbook, self.content, entry.person, self.child_view,
                skip=("supporter", column.kind.id),
            )
        ]
        if elsewhere:
            message = f"{name} also appears in: {', '.join(elsewhere)}."
        else:
            message = f"{name} is not anywhere else yet."
        self.notify(message, title="Where else", markup=False, timeout=8)
