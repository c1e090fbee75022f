"""The circle step's list: its people grouped by ring, the selected one marked."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option, OptionDoesNotExist

from circles_tui.core.model import Person, Placement
from circles_tui.core.audience import PRACTITIONER, Audience
from circles_tui.core.render_cache import RenderCache
from circles_tui.core.wording import CircleText
from circles_tui.steps.circle_view import list_line, ring_heading
from circles_tui.widgets.line_list import LineList


def option_id(person_id: str) -> str:
    """The list's id for a person's line ("person:" keeps it apart from the headings)."""
    return f"person:{person_id}"


def person_of(option: Option) -> str | None:
    """The person a line of the list stands for, or None for headings and hints."""
    if option.disabled or not option.id or not option.id.startswith("person:"):
        return None
    return option.id.removeprefix("person:")


class CircleList(LineList):
    """A heading per ring, then one line (two where there is room) per person in it."""

    def __init__(self, circle_id: str, circle: CircleText, role: str, *, id: str) -> None:
        super().__init__(id=id)
        self.circle_id, self.circle, self.role = circle_id, circle, role
        # Who is looking; the step sets it (and `circle`, in their words) before each fill.
        self.audience: Audience = PRACTITIONER
        # True while the options are replaced, when highlight messages are not the user's.
        self.rebuilding = False
        # The options from the last fill. Most survive an edit, and the list keeps what it
        # drew for each: making and drawing 1,000 lines anew was most of what a key cost.
        self._made_lines: RenderCache[Option] = RenderCache()

    def person_ids(self) -> list[str]:
        """The people listed, top to bottom."""
        return [person for person in map(person_of, self.options) if person is not None]

    def fill(self, by_ring: list[list[Placement]], people: dict[str, Person],
             selected: str | None, narrow: bool) -> None:
        options: list[Option] = []
        for number, ring in enumerate(by_ring, start=1):
            options.append(Option(ring_heading(self.circle, self.role, number, len(ring)),
                                  id=f"ring-{number}", disabled=True))
            if not ring:
                options.append(
                    Option(Content.styled("    no one yet", "italic $text-muted"),
                           id=f"empty-{number}", disabled=True)
                )
            for placement in ring:
                options.append(self._option(placement, people[placement.person],
                                            placement.person == selected, narrow))
        if not any(by_ring):
            options.append(
                Option(Content.styled("Press a to add someone.", "$text-muted"),
                       id="hint", disabled=True)
            )
        self._made_lines.end_pass()
        self.rebuilding = True
        try:
            self.set_options(options)  # keeps where the list is scrolled to
            if selected is not None:
                self.highlighted = self.get_option_index(option_id(selected))
        finally:
            self.rebuilding = False

    def repaint(self, placement: Placement, person: Person, selected: bool,
                narrow: bool) -> None:
        """Redraw one person's line (to move the pointer); nothing if they are not listed."""
        try:
            self.get_option(option_id(placement.person))
        except OptionDoesNotExist:  # not listed (hidden in child view)
            return
        self.replace_option_prompt(option_id(placement.person),
                                   self._option(placement, person, selected, narrow).prompt)

    def _option(self, placement: Placement, person: Person, selected: bool,
                narrow: bool) -> Option:
        """The line for a placement, reused from the last redraw when nothing changed."""
        return self._made_lines.get(
            (selected, narrow, self.audience), (placement, person),
            lambda: Option(list_line(self.circle_id, placement, person, selected, narrow,
                                     self.audience), id=option_id(placement.person)))
