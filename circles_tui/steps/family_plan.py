"""The family plan: for each worry what will happen, who, when, and what if it doesn't.

Beside the rows, the strengths the plan builds on (picked from the Tree of Life and the
supporters, or written fresh) and the date to review it. `c` writes the family's own
copy (a printable page and Markdown) beside the workbook.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList

from circles_tui.core.edits import meeting as edits
from circles_tui.core.meeting import PlanRow
from circles_tui.core.meeting_sources import strengths
from circles_tui.core.model import Workbook
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.meeting_forms import (
    ChoiceDialog, ShortFormDialog, FormField, date_text, parse_date,
)
from circles_tui.steps.meeting_step import MeetingStep, facts, long_date, titled_list

WRITE_OWN = "write-own"  # the strength picker's choice for writing a new one
ROW_FIELDS = (
    ("worry", "The worry", "What people are worried about, in words the family agrees with."),
    ("action", "What will happen", "What the network will do about it."),
    ("who", "Who", "Who will do it."),
    ("when", "When", "When, or how often."),
    ("fallback", "If it doesn't", "What happens if it doesn't happen: who notices, who steps in."),
)


def family_copy_paths(workbook_path: Path | None) -> tuple[Path, Path]:
    """Beside the workbook: "mia.toml" -> "mia-family-copy.html" and ".md"."""
    folder = workbook_path.parent if workbook_path is not None else Path.home()
    stem = (workbook_path.stem if workbook_path is not None else "workbook") + "-family-copy"
    return folder / f"{stem}.html", folder / f"{stem}.md"


class FamilyPlanStep(MeetingStep):
    """The plan the family and their network make at the meeting.

    Progress: "empty" with no rows, strengths or review date; "done" once there is a row
    with who does it and what if it doesn't, and a review date; "started" in between.
    """

    STEP_ID, words_id = "family-plan", "plan"

    DEFAULT_CSS = """
    FamilyPlanStep #plan-lists {
        height: 1fr;
    }
    FamilyPlanStep #plan-rows {
        width: 2fr;
    }
    FamilyPlanStep #strengths {
        width: 1fr;
    }
    """

    BINDINGS = [
        Binding("a", "add", "Add row"),
        Binding("e", "edit", "Edit row"),
        Binding("x", "remove", "Remove"),
        Binding("s", "strength", "Add strength"),
        Binding("r", "review", "Review date"),
        Binding("left", "focus_list('plan-rows')", "Plan rows", show=False),
        Binding("right", "focus_list('strengths')", "Strengths", show=False),
        Binding("c", "family_copy", "Family copy"),
    ]

    def compose_lists(self) -> ComposeResult:
        with Horizontal(id="plan-lists"):
            yield titled_list("plan-rows", "The plan")
            yield titled_list("strengths", "Strengths it builds on")

    def line(self, workbook: Workbook) -> Content:
        review = workbook.meeting.plan.review_on
        if review is None:
            return Content("No review date yet: press r to agree one.")
        return Content.assemble(*facts(("Review", long_date(review))))

    def fill(self, workbook: Workbook) -> None:
        plan = workbook.meeting.plan
        rows = []
        for index, row in enumerate(plan.rows):
            parts: list[str | tuple[str, str]] = [(row.worry or row.action, "bold")]
            if row.worry and row.action:
                parts += ["\n  → ", row.action]
            if row.who or row.when:
                parts += ["\n  ", ", ".join(t for t in (row.who, row.when) if t)]
            if row.fallback:
                parts += ["\n  ", ("If not: ", "italic"), row.fallback]
            rows.append((str(index), Content.assemble(*parts)))
        self.fill_list(self.query_one("#plan-rows", OptionList), rows)
        self.fill_list(self.query_one("#strengths", OptionList),
                       [(str(i), Content(s)) for i, s in enumerate(plan.strengths)])

    def detail(self, workbook: Workbook) -> Content:
        if not workbook.meeting.plan.rows:
            return Content("No rows yet: press a to add the first worry and what will happen.")
        return Content("")

    def _row(self) -> PlanRow | None:
        return self._highlighted_entry("plan-rows", "rows")

    def _strength(self) -> str | None:
        return self._highlighted_entry("strengths", "strengths")

    def _highlighted_entry(self, list_id: str, field: str):
        """The entry of the plan's `field` highlighted in the list `list_id` (rows are numbered)."""
        index = self.highlighted_id(self.query_one(f"#{list_id}", OptionList))
        if index is None or self.workbook is None:
            return None
        entries = getattr(self.workbook.meeting.plan, field)
        return entries[int(index)] if int(index) < len(entries) else None

    def _in_strengths(self) -> bool:
        return self.app.focused is self.query_one("#strengths")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return None
        if action == "edit":
            return True if not self._in_strengths() and self._row() is not None else None
        if action == "remove":
            chosen = self._strength() if self._in_strengths() else self._row()
            return True if chosen is not None else None
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_focus_list(self, list_id: str) -> None:
        self.query_one(f"#{list_id}", OptionList).focus()

    async def _ask_row(self, title: str, row: PlanRow) -> PlanRow | None:
        values = await self.app.push_screen_wait(ShortFormDialog(title, tuple(
            FormField(key, label, getattr(row, key), help) for key, label, help in ROW_FIELDS
        )))
        return None if values is None else PlanRow(**values)

    @work
    async def action_add(self) -> None:
        row = await self._ask_row("A new row of the plan", PlanRow(""))
        if row is not None:
            self.edit(partial(edits.add_plan_row, row), "Added a row to the plan")

    @work
    async def action_edit(self) -> None:
        old = self._row()
        if old is None:
            return
        row = await self._ask_row("This row of the plan", old)
        if row is not None and row != old:
            self.edit(partial(edits.replace_plan_row, old, row), "Changed a row of the plan")

    def action_remove(self) -> None:
        if self._in_strengths():
            strength = self._strength()
            if strength is not None:
                self.edit(partial(edits.remove_strength, strength), "Removed a strength")
        else:
            row = self._row()
            if row is None:
                return
            self.edit(partial(edits.remove_plan_row, row), "Removed a row of the plan")
        self.notify("Removed. Press ctrl+z to undo.", timeout=4)

    @work
    async def action_strength(self) -> None:
        if self.workbook is None:
            return
        chosen = set(self.workbook.meeting.plan.strengths)
        offered = [s for s in strengths(self.workbook) if s not in chosen]
        choices: dict[str, str | Content] = {str(i): s for i, s in enumerate(offered)}
        choices[WRITE_OWN] = Content.styled("Write a strength of your own…", "italic")
        picked = await self.app.push_screen_wait(ChoiceDialog(
            "What strength does the plan build on?", choices,
            help="From the Tree of Life and the supporters, or in the family's own words.",
        ))
        if picked is None:
            return
        if picked == WRITE_OWN:
            text = await self.app.push_screen_wait(TextDialog("A strength the plan builds on"))
            if text is None or not text.strip():
                return
        else:
            text = offered[int(picked)]
        self.edit(partial(edits.add_strength, text), "Added a strength to the plan")

    @work
    async def action_review(self) -> None:
        if self.workbook is None:
            return
        values = await self.app.push_screen_wait(ShortFormDialog("When will the plan be reviewed?", (
            FormField("review_on", "Review date", date_text(self.workbook.meeting.plan.review_on),
                      "The day the family and network look at the plan again.", is_date=True),
        )))
        if values is not None:
            self.edit(partial(edits.set_review_date, parse_date(values["review_on"])),
                      "Changed the review date")

    def action_family_copy(self) -> None:
        """Write the family's copy, a printable page and Markdown, beside the workbook."""
        from circles_tui.core.file_format import WorkbookFileError, write_atomically
        from circles_tui.export import family_copy

        if self.workbook is None:
            return
        page_path, markdown_path = family_copy_paths(getattr(self.app, "workbook_path", None))
        try:
            write_atomically(page_path, family_copy.page(self.workbook, self.content).encode())
            write_atomically(markdown_path,
                             family_copy.markdown(self.workbook, self.content).encode())
        except WorkbookFileError as error:
            self.notify(error.problem, title="The family copy was not written",
                        severity="error", markup=False)
            return
        self.notify(f"Wrote {page_path.name} (to print) and {markdown_path.name} beside the "
                    "workbook. It has no practitioner-only notes.",
                    title="Family copy", markup=False, timeout=8)
