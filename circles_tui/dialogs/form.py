"""A compact form dialog: one line per field, the label to the left, and one help line
below the form that explains whichever field has focus. Used for a person's details and
a supporter's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import DescendantFocus
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from circles_tui.core.audience import Audience, sees
from circles_tui.dialogs.base import Dialog, ResultType

PRIVATE_SECTION = "Practitioner only: hidden in child view"


def form_row(label: str, field: Input, help: str = "", private: bool = False) -> Horizontal:
    """One labelled field on one line; its help shows below the form while it has focus."""
    field.form_help = help  # read by FormDialog
    return Horizontal(
        Label(Content(label), classes="form-label"), field,
        classes="form-row -private" if private else "form-row",
    )


def name_row(name: str) -> Horizontal:
    """The person's name, as the child says it: the first row of a person's form."""
    return form_row("Name", text_input(name, "name"),
                    help="As the child says it, for example \"Nanna Jo\".")


def form_section(title: str) -> Static:
    return Static(Content(title), classes="form-section")


def practitioner_section(audience: Audience, rows: dict[str, Horizontal]) -> list[Widget]:
    """The practitioner-only rows that `audience` sees, under their heading (none: no
    heading). Each row is keyed by the core/audience.py rule of what it edits
    ("Person.contact"); a row left out keeps its value (see `FormDialog.value_of`)."""
    seen = [row for rule, row in rows.items() if sees(audience, rule)]
    return [form_section(PRIVATE_SECTION), *seen] if seen else []


def text_input(value: str, id: str, placeholder: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=id, compact=True)


class FormDialog(Dialog[ResultType]):
    """A dialog whose body is a form of `form_row`s. Enter goes on to the next field."""

    KEYS = "Enter next"
    DEFAULT_CSS = """
    FormDialog > #dialog {
        width: 84;
    }
    FormDialog .form-row {
        height: 1;
    }
    FormDialog .form-row > .form-label {
        width: 20;
        padding-right: 1;
        color: $text-muted;
    }
    FormDialog .form-row Input {
        width: 1fr;
        background: $boost;
    }
    FormDialog .form-row Input:focus {
        background-tint: $primary 20%;
    }
    FormDialog .form-row.-private > .form-label {
        color: $text-warning;
    }
    FormDialog .form-section {
        margin-top: 1;
        color: $text-warning;
        text-style: bold;
    }
    FormDialog #field-help {
        height: 2;
        margin-top: 1;
        color: $text-muted;
        text-style: italic;
    }
    FormDialog .form-checks {
        height: auto;
        margin-top: 1;
        padding-left: 20;
    }
    FormDialog .form-checks Checkbox {
        margin-right: 3;
    }
    FormDialog.-narrow .form-checks {
        padding-left: 0;
    }
    """

    def compose_below(self) -> ComposeResult:
        yield Static(id="field-help")

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        help = getattr(event.widget, "form_help", "")
        for line in self.query("#field-help").results(Static):
            line.update(Content(help))

    def value_of(self, field: str, default: str) -> str:
        """What `#field` holds, trimmed; `default` when the field is not shown (child view)."""
        found = self.query(f"#{field}")
        return found.first(Input).value.strip() if found else default
