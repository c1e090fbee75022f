"""The About step: who the workbook is about, who is taking part, and when."""

from __future__ import annotations

from datetime import date

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import sees
from circles_tui.dialogs.common import TextDialog
from circles_tui.core.model import About, ModelError, Workbook
from circles_tui.steps.step import Progress, Step


@attrs.frozen
class AboutField:
    name: str  # the About attribute
    label: str
    help: str
    kind: str = "text"  # text, age, dates, lines, flag, note
    private: bool = False  # practitioner-only: hidden in child view


FIELDS = (
    AboutField("child", "Child or young person",
               "Their name or initials, as the family chose."),
    AboutField("age", "Age", "In years; leave empty if not known.", kind="age"),
    AboutField("pronouns", "Pronouns", "For example: she/her, he/him, they/them."),
    AboutField("taking_part", "Taking part",
               "Who is taking part in this session: one person a line.", kind="lines"),
    AboutField("session_dates", "Session dates",
               "One date a line, like 2026-11-22. Press d to add today.", kind="dates"),
    AboutField("practitioner", "Practitioner", "Your name."),
    AboutField("organisation", "Organisation", "Your team or service."),
    AboutField("share_false_supporters", "Share false supporters",
               "Has the young person agreed that their false supporters may appear in shared "
               "outputs? Space or enter switches.", kind="flag"),
    AboutField("practitioner_note", "Practitioner note",
               "Only for you and your colleagues; hidden in child view.", kind="note", private=True),
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

    title = "About"

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

    def progress(self, workbook: Workbook) -> Progress:
        about = workbook.about
        if about.practitioner and about.session_dates and about.taking_part:
            return "done"
        return "started"

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
    def action_edit(self) -> None:
        field = self._highlighted()
        if field is None or self.workbook is None:
            return
        about = self.workbook.about
        if field.kind == "flag":
            self._set(field, not about.share_false_supporters)
            return
        value = display_value(about, field)
        if field.kind in ("dates", "lines"):
            value = value.replace(", ", "\n")
        multiline = field.kind in ("dates", "lines", "note")

        def done(text: str | None) -> None:
            if text is not None:
                self._set_from_text(field, text)

        self.app.push_screen(
            TextDialog(field.label, value, field.help, multiline=multiline), done
        )

    def action_add_today(self) -> None:
        if self.workbook is None:
            return
        dates = self.workbook.about.session_dates
        today = date.today()
        if today in dates:
            self.notify("Today's date is already there.", timeout=3)
            return
        self._set(next(f for f in FIELDS if f.name == "session_dates"), dates + (today,))

    def _set_from_text(self, field: AboutField, text: str) -> None:
        try:
            value = parse_value(field, text)
        except ValueError as error:
            self.notify(str(error), severity="error", timeout=6, markup=False)
            return
        self._set(field, value)

    def _set(self, field: AboutField, value: object) -> None:
        assert self.workbook is not None
        try:
            about = attrs.evolve(self.workbook.about, **{field.name: value})
            workbook = attrs.evolve(self.workbook, about=about)
        except ModelError as error:
            self.notify(error.message[:1].upper() + error.message[1:] + ".", severity="error",
                        timeout=6, markup=False)
            return
        self.edit(workbook, f"Changed {field.label.lower()}")


def parse_value(field: AboutField, text: str) -> object:
    """Turn what was typed into the About value, or raise ValueError with a plain sentence."""
    if field.kind == "age":
        text = text.strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValueError("The age should be a whole number of years, like 8.")
        return int(text)
    if field.kind == "dates":
        dates = []
        for line in text.replace(",", "\n").splitlines():
            if line.strip():
                try:
                    dates.append(date.fromisoformat(line.strip()))
                except ValueError:
                    raise ValueError(
                        f"'{line.strip()}' is not a date; write dates like 2026-11-22."
                    ) from None
        return tuple(dates)
    if field.kind == "lines":
        return tuple(line.strip() for line in text.splitlines() if line.strip())
    if field.kind == "note":
        return text
    return text.strip()
