"""The About step: who the workbook is about, who is taking part, and when."""

from __future__ import annotations

from datetime import date
from functools import partial

import attrs
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import sees
from circles_tui.core.edits import about as about_edits
from circles_tui.core.edits.about import TEXT_KINDS
from circles_tui.core.model import About, Workbook
from circles_tui.steps.step import Step


@attrs.frozen
class AboutField:
    name: str  # the About attribute
    label: str
    help: str
    private: bool = False  # practitioner-only: hidden in child view

    @property
    def kind(self) -> str:
        """How it is shown and edited: a yes/no flag, or text read as `TEXT_KINDS` says."""
        return "flag" if self.name == "share_false_supporters" else TEXT_KINDS.get(self.name, "text")


FIELDS = (
    AboutField("child", "Child or young person",
               "Their name or initials, as the family chose."),
    AboutField("age", "Age", "In years; leave empty if not known."),
    AboutField("pronouns", "Pronouns", "For example: she/her, he/him, they/them."),
    AboutField("taking_part", "Taking part",
               "Who is taking part in this session: one person a line."),
    AboutField("session_dates", "Session dates",
               "One date a line, like 2026-11-22. Press d to add today."),
    AboutField("practitioner", "Practitioner", "Your name."),
    AboutField("organisation", "Organisation", "Your team or service."),
    AboutField("share_false_supporters", "Share false supporters",
               "Has the young person agreed that their false supporters may appear in shared "
               "outputs? Space or enter switches."),
    AboutField("practitioner_note", "Practitioner note",
               "Only for you and your colleagues; hidden in child view.", private=True),
)


def display_value(about: About, field: AboutField) -> str:
    value = getattr(about, field.name)
    if field.kind == "flag":
        return "yes" if value else "no"
    if field.kind == "age":
        return "" if value is None else str(value)
    if field.kind == "dates":
        return ", ".join(d.isoformat() for d in value)
    if field.kind == "lines":
        return ", ".join(value)
    return value


class AboutStep(Step):
    """The first step: the facts at the top of every record."""

    STEP_ID = "about"

    DEFAULT_CSS = """
    AboutStep #about-intro { color: $text-muted; margin-bottom: 1; height: auto; }
    AboutStep #about-fields { height: 1fr; border: round $primary 50%; }
    AboutStep #about-fields:focus { border: round $primary; }
    AboutStep #about-help { height: auto; color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("e", "edit", "Edit", id="about-edit"),
        Binding("d", "add_today", "Add today", id="about-today"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            "Start here: who this workbook is about and who is taking part. "
            "Move with the arrow keys; Enter or e changes the highlighted line.",
            id="about-intro",
        )
        yield OptionList(id="about-fields")
        yield Static("", id="about-help")

    def visible_fields(self) -> list[AboutField]:
        return [f for f in FIELDS if sees(self.audience, f"About.{f.name}")]

    def show(self, workbook: Workbook) -> None:
        fields = self.query_one("#about-fields", OptionList)
        highlighted = fields.highlighted
        options = []
        for field in self.visible_fields():
            value = display_value(workbook.about, field) or "—"
            options.append(Option(Content.assemble((f"{field.label}: ", "bold"), value),
                                  id=field.name))
        fields.set_options(options)
        fields.highlighted = min(highlighted or 0, len(options) - 1)
        self._show_help()

    @on(OptionList.OptionHighlighted, "#about-fields")
    def _show_help(self) -> None:
        field = self._highlighted()
        self.query_one("#about-help", Static).update(field.help if field else "")

    def _highlighted(self) -> AboutField | None:
        fields = self.query_one("#about-fields", OptionList)
        if fields.highlighted is None:
            return None
        visible = self.visible_fields()
        return visible[fields.highlighted] if fields.highlighted < len(visible) else None

    @on(OptionList.OptionSelected, "#about-fields")
    def _chosen(self) -> None:
        self.action_edit()

    @work
    async def action_edit(self) -> None:
        field = self._highlighted()
        if field is None or self.workbook is None:
            return
        label = f"Changed {field.label.lower()}"
        if field.kind == "flag":
            self.edit(about_edits.toggle_false_supporters_shared, label)
            return
        value = display_value(self.workbook.about, field)
        if field.kind in ("dates", "lines"):
            value = value.replace(", ", "\n")
        multiline = field.kind in ("dates", "lines", "note")
        # Imported here, not at the top: About is the first screen, and the dialog brings
        # Textual's TextArea (about 8 ms of start-up) that nothing there needs until `e`.
        from circles_tui.dialogs.text_entry import TextDialog

        text = await self.app.push_screen_wait(
            TextDialog(field.label, value, field.help, multiline=multiline))
        if text is not None:
            self.edit(partial(about_edits.set_from_text, field.name, text), label)

    def action_add_today(self) -> None:
        if self.workbook is None:
            return
        today = date.today()
        if today in self.workbook.about.session_dates:
            self.notify("Today's date is already there.", timeout=3)
            return
        self.edit(partial(about_edits.add_session_date, today), "Changed session dates")
