"""Dialogs for one person's place in a safety circle: which ring, and the details.

`RingDialog` asks which ring a newly added person goes in. `PlacementDialog`
edits a placement: the note in the child's words, who named them, the
practitioner-only note (left out in child view, and kept as it was) and every
extra field the circle asks about. All wording comes from `Content`; names
and notes are shown literally, never as markup.
"""

from __future__ import annotations

import attrs
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import (
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from circles_tui.core.audience import audience_of, sees
from circles_tui.core.model import ExtraValue, Person, Placement
from circles_tui.core.wording import CircleText, FieldText, Wording
from circles_tui.dialogs.base import Dialog
from circles_tui.dialogs.list_choice import ListChoiceDialog
from circles_tui.widgets.tick_list import TickList

# Text fields long enough to want more than one line.
LONG_TEXT_FIELDS = {"reason", "what_helps", "what_they_know", "family_view", "yp_words"}


class RingDialog(ListChoiceDialog[int | None]):
    """Which ring should this person go in? Enter takes the highlighted one; 1, 2 or 3 choose."""

    KEYS = "1-3 ring"
    DEFAULT_CSS = """
    RingDialog > #dialog { width: 56; }
    """
    BINDINGS = [
        Binding("1", "choose(1)", "Ring 1", show=False),
        Binding("2", "choose(2)", "Ring 2", show=False),
        Binding("3", "choose(3)", "Ring 3", show=False),
    ]

    def __init__(self, circle: CircleText, name: str, default: int = 2) -> None:
        rings = [Option(Content.assemble((f" {n} ", "bold reverse"), " ", label), id=str(n))
                 for n, label in enumerate(circle.rings, start=1)]
        super().__init__(
            Content.assemble("Which ring for ", (name, "bold"), "?"),
            "Ring 1 is nearest the child. Press 1, 2 or 3, or choose and press enter.",
            rings, "rings", highlighted=default - 1,
        )
        self.circle = circle
        self.person_name = name
        self.default = default

    def chosen_value(self, entry_id: str) -> int:
        return int(entry_id)

    def action_choose(self, ring: int) -> None:
        self.dismiss(ring)


def field_value(field: FieldText, value: ExtraValue | None) -> ExtraValue | None:
    """`value` cleaned for storing: None when there is nothing to keep."""
    if value is None:
        return None
    if field.field.kind == "tags":
        order = [c for c in field.field.choices if c in set(value)]
        return tuple(order) or None
    if field.field.kind == "choice":
        return value if value in field.field.choices else None
    text = str(value).strip()
    return text or None


class PlacementDialog(Dialog[Placement | None]):
    """Edit one person's place in a circle. Returns the new placement, or None when cancelled.

    A required field (the practitioner's reason in "services suggest") must be
    filled before the dialog will save.
    """

    KEYS = "Tab next"
    DEFAULT_CSS = """
    PlacementDialog > #dialog {
        width: 80;
        padding: 0 1;
    }
    PlacementDialog .dialog-title { margin-bottom: 0; }
    PlacementDialog .field-label {
        margin-top: 1;
        text-style: bold;
    }
    PlacementDialog .field-help {
        color: $text-muted;
    }
    PlacementDialog .practitioner-only {
        color: $warning;
        text-style: bold;
    }
    PlacementDialog TextArea {
        height: 4;
    }
    PlacementDialog SelectionList {
        height: auto;
    }
    PlacementDialog .dialog-buttons {
        margin-top: 0;
    }
    """

    def __init__(
        self,
        wording: Wording,
        circle: CircleText,
        person: Person,
        placement: Placement,
        child_view: bool = False,
        adding: bool = False,
    ) -> None:
        super().__init__(Content.assemble((person.name, "bold"), " in ", circle.short))
        self.wording = wording
        self.circle = circle
        self.person = person
        self.placement = placement
        self.audience = audience_of(child_view)
        self.adding = adding
        self.FINISH = "Add" if adding else "Save"
        self._choice_values: dict[str, list[object]] = {}

    # -- building the form -----------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        ring = self.circle.ring_label(self.placement.ring)
        yield Static(Content(f"Ring {self.placement.ring}: {ring}"), classes="dialog-help")
        yield from self._field_widgets()

    def _field_widgets(self) -> ComposeResult:
        placement = self.placement
        required_first = [f for f in self.circle.fields if f.field.required]
        for field in required_first:
            yield from self._extra(field)
        yield Label("Note, in the child's words", classes="field-label")
        yield TextArea(
            placement.note, id="note", soft_wrap=True, tab_behavior="focus",
            placeholder="What the child said about them",
        )
        yield Label("Who named them", classes="field-label")
        yield self._choice(
            [(Text(label), key) for key, label in self.wording.named_by.items()],
            value=placement.named_by if placement.named_by in self.wording.named_by
            else Select.NULL,
            prompt="Not recorded",
            id="named_by",
        )
        for field in self.circle.fields:
            if not field.field.required:
                yield from self._extra(field)
        if sees(self.audience, "Placement.practitioner_note"):
            yield Label("Practitioner-only note (hidden in child view)",
                        classes="field-label practitioner-only")
            yield TextArea(
                placement.practitioner_note, id="practitioner_note", soft_wrap=True,
                tab_behavior="focus",
            )

    def _choice(self, options: list[tuple[Text, str]], value: str | object, prompt: str,
                id: str) -> Select:
        # The values in the order its list shows them ("not recorded" first), so Enter
        # in the list can choose at once (see `enter_pressed`).
        self._choice_values[id] = [Select.NULL, *(key for _, key in options)]
        return Select(options, value=value, prompt=prompt, id=id)

    def _extra(self, field: FieldText) -> ComposeResult:
        value = self.placement.extras.get(field.id)
        label = field.label + (" (needed)" if field.field.required else "")
        yield Label(Content(label), classes="field-label")
        yield Static(Content(field.help), classes="field-help")
        widget_id = f"field-{field.id}"
        kind = field.field.kind
        if kind == "text":
            text = value if isinstance(value, str) else ""
            if field.id in LONG_TEXT_FIELDS:
                yield TextArea(text, id=widget_id, soft_wrap=True, tab_behavior="focus")
            else:
                yield Input(text, id=widget_id)
        elif kind == "choice":
            yield self._choice(
                [(Text(field.label_of(c)), c) for c in field.field.choices],
                value=value if value in field.field.choices else Select.NULL,
                prompt="Not recorded",
                id=widget_id,
            )
        else:
            chosen = set(value) if isinstance(value, tuple) else set()
            yield TickList(
                *(
                    Selection(Content(field.label_of(c)), c, c in chosen)
                    for c in field.field.choices
                ),
                id=widget_id,
            )

    # -- reading it back ---------------------------------------------------------------

    def _read(self, widget: Widget) -> ExtraValue | None:
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else str(widget.value)
        if isinstance(widget, SelectionList):
            return tuple(widget.selected)
        return None

    def result(self) -> Placement | str:
        """The edited placement, or the sentence explaining what is missing."""
        extras: dict[str, ExtraValue] = {}
        for field in self.circle.fields:
            value = field_value(field, self._read(self.query_one(f"#field-{field.id}")))
            if value is None:
                if field.field.required:
                    return f"Please fill in “{field.label}” before saving."
                continue
            extras[field.id] = value
        named_by = self._read(self.query_one("#named_by", Select)) or ""
        note = self.query_one("#note", TextArea).text.strip()
        practitioner_note = self.placement.practitioner_note
        if sees(self.audience, "Placement.practitioner_note"):
            practitioner_note = self.query_one("#practitioner_note", TextArea).text.strip()
        return attrs.evolve(
            self.placement,
            note=note,
            named_by=named_by,
            practitioner_note=practitioner_note,
            extras=extras,
        )

    def takes_enter(self, widget: Widget | None) -> bool:
        return super().takes_enter(widget) or self._open_choice(widget) is not None

    def _open_choice(self, widget: Widget | None) -> Select | None:
        """The choice whose open list `widget` is, if it is one."""
        parent = widget.parent if widget is not None else None
        if isinstance(widget, OptionList) and isinstance(parent, Select) \
                and parent.id in self._choice_values:
            return parent
        return None

    def enter_pressed(self, field: Widget) -> None:
        choice = self._open_choice(field)
        if choice is None:
            super().enter_pressed(field)
            return
        # Choose and close at once (Select itself does it a message later), so the key
        # after Enter (Tab, say) already starts from the choice.
        index = field.highlighted  # type: ignore[attr-defined]
        if index is not None:
            choice.value = self._choice_values[choice.id][index]
        choice.expanded = False
        self.set_focus(choice)

    def finish(self) -> None:
        result = self.result()
        if isinstance(result, str):
            self.show_error(result)
            missing = next(f for f in self.circle.fields if f.field.required
                           and field_value(f, self._read(self.query_one(f"#field-{f.id}"))) is None)
            self.set_focus(self.query_one(f"#field-{missing.id}"))
            return
        self.dismiss(result)
