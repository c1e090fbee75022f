"""The mobility map: the places a child has lived, stayed, gone to school or visited,
"from as far back as they can remember", drawn as a path, and the people from each.

The list is the path (oldest first, in the order the child told it); a key puts the
highlighted place's person in "Who could we ask?". Child view (F2) shows the child's
words and hides the practitioner's note and guidance (core/audience.py).
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.audience import GUIDANCE, reads_child_words, sees
from circles_tui.core.edits import mobility as edits
from circles_tui.core.edits.circles import placement_of
from circles_tui.core.mobility import STAY_KINDS, Stay
from circles_tui.core.model import Person, Workbook
from circles_tui.core.wording import Wording
from circles_tui.dialogs.meeting_forms import ChoiceDialog, FormField, ShortFormDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.steps.meeting_step import facts
from circles_tui.steps.step import PICTURE, Step, update_text
from circles_tui.widgets.mobility_drawing import StayMark, as_content, stay_lines
from circles_tui.widgets.mobility_picture import MobilityPicture

SHORT = 30  # below this many lines the guidance gives way to the path
TINY = 20  # and below this, the question to ask (q still changes it)
LOST_TOUCH = {"yes": "Yes, they lost touch", "no": "No, they are still in touch"}


def _named(person: Person) -> str:
    """ "Aunty Shirin (neighbour)"; the relationship is left out where it repeats the name."""
    relationship = person.relationship
    if not relationship or relationship.casefold().startswith(person.name.casefold()):
        return person.name
    return f"{person.name} ({relationship})"


class MobilityMapStep(Step):
    """The places in the child's story as a path, each with its kind and its people."""

    STEP_ID = "mobility-map"

    DEFAULT_CSS = """
    MobilityMapStep #mobility-prompt { height: auto; text-style: italic; }
    MobilityMapStep #mobility-guidance {
        height: auto; background: $warning 15%; padding: 0 1;
    }
    MobilityMapStep.-child #mobility-guidance, MobilityMapStep.-short #mobility-guidance {
        display: none;
    }
    MobilityMapStep #mobility-question { height: auto; color: $text-muted; }
    MobilityMapStep #stays {
        height: 1fr; min-height: 4; border: round $panel-lighten-2;
        border-title-style: bold; border-title-color: $text; background: transparent;
    }
    MobilityMapStep #stays:focus { border: heavy $primary; }
    MobilityMapStep #stay-detail { height: auto; max-height: 6; color: $text-muted; padding: 0 1; }
    MobilityMapStep.-short #stay-detail { max-height: 3; }
    MobilityMapStep.-tiny #mobility-question { display: none; }
    """

    BINDINGS = [
        PICTURE,
        Binding("a", "add", "Add place", id="mobility.add"),
        Binding("e", "edit", "Edit", id="mobility.edit"),
        Binding("x,delete", "remove", "Remove", id="mobility.remove"),
        # Not [ and ]: those go to the previous and next step everywhere.
        Binding("minus,less_than_sign", "move(-1)", "Earlier", id="mobility.earlier"),
        Binding("plus,greater_than_sign", "move(1)", "Later", id="mobility.later"),
        Binding("l", "link", "Link person", id="mobility.link"),
        Binding("u", "unlink", "Unlink", id="mobility.unlink", show=False),
        Binding("c", "could_ask", "Could we ask?", id="mobility.ask"),
        Binding("q", "question", "Next question", id="mobility.question", show=False),
    ]

    def __init__(self, content: Wording, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.words = content.mobility
        self.question = 0
        self.added = ""  # the id of a place just added

    def compose(self) -> ComposeResult:
        yield Static(id="mobility-prompt")
        yield Static(Content(self.words.guidance), id="mobility-guidance")
        yield Static(id="mobility-question")
        stays = OptionList(id="stays")
        stays.border_title = self.words.path_title
        yield stays
        yield Static(id="stay-detail")

    def on_resize(self) -> None:
        self.set_class(0 < self.size.height < SHORT, "-short")
        self.set_class(0 < self.size.height < TINY, "-tiny")
        if self.workbook is not None:
            self.show(self.workbook)  # the path wraps to the new width

    # -- showing ------------------------------------------------------------------------------

    def marks(self, workbook: Workbook) -> list[StayMark]:
        people = workbook.people_by_id()
        return [StayMark(stay.kind, self.words.kind(stay.kind, reads_child_words(self.audience)), stay.place,
                         stay.when, tuple(people[p].name for p in stay.people))
                for stay in workbook.mobility]

    def show(self, workbook: Workbook) -> None:
        prompt = (self.words.child_prompt if reads_child_words(self.audience)
                  else self.words.adult_prompt)
        update_text(self.query_one("#mobility-prompt", Static), Content(f"“{prompt}”"))
        self.set_class(not sees(self.audience, GUIDANCE), "-child")
        question = self.words.questions[self.question % len(self.words.questions)]
        update_text(self.query_one("#mobility-question", Static),
                    Content.assemble(("Ask: ", "bold"), question, ("  (q: another)", "dim")))
        stays = self.query_one("#stays", OptionList)
        kept = stays.highlighted_option.id if stays.highlighted_option else None
        ids = [stay.id for stay in workbook.mobility]
        if self.added in ids:
            kept, self.added = self.added, ""
        index = stays.highlighted
        width = max((self.size.width or 80) - 6, 24)  # inside the border and scroll bar
        marks = self.marks(workbook)
        options = [Option(as_content(stay_lines(mark, n, width, last=n == len(marks))), id=stay.id)
                   for n, (mark, stay) in enumerate(zip(marks, workbook.mobility, strict=True),
                                                    start=1)]
        stays.set_options(options)
        if ids:
            keep = kept if kept in ids else ids[min(index or 0, len(ids) - 1)]
            stays.highlighted = ids.index(keep)
        self._describe()

    def _describe(self) -> None:
        if self.workbook is None or not self.is_mounted:
            return
        stay = self.highlighted_stay()
        if stay is None:
            text = Content("No places yet: press a to add the first place the child remembers.")
        else:
            people = self.workbook.people_by_id()
            names = ", ".join(_named(people[p]) for p in stay.people)
            pairs = [("People", names), ("In their words", stay.note)]
            if sees(self.audience, "Stay.practitioner_note"):
                pairs.append(("Practitioner only", stay.practitioner_note))
            parts = facts(*pairs)
            text = Content.assemble(*parts) if parts else Content("Nothing more said yet.")
        update_text(self.query_one("#stay-detail", Static), text)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def highlighted_stay(self) -> Stay | None:
        option = self.query_one("#stays", OptionList).highlighted_option
        if option is None or self.workbook is None:
            return None
        return next((s for s in self.workbook.mobility if s.id == option.id), None)

    def make_picture(self) -> MobilityPicture | None:
        if self.workbook is None or not self.is_mounted:
            return None
        kinds = {k: self.words.kind(k, reads_child_words(self.audience)) for k in STAY_KINDS}
        return MobilityPicture(self.marks(self.workbook), kinds,
                               "No places yet: press a on the mobility map to add one.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove", "move", "link", "unlink", "could_ask"):
            return True if self.is_mounted and self.highlighted_stay() else None
        return True

    # -- actions --------------------------------------------------------------------------------

    def action_question(self) -> None:
        self.question += 1
        if self.workbook is not None:
            self.show(self.workbook)

    async def _ask_stay(self, title: str, stay: Stay) -> Stay | None:
        """The place's details, then its kind; None if either dialog is cancelled."""
        values = await self.app.push_screen_wait(ShortFormDialog(title, (
            FormField("place", "Place", stay.place, "In the child's words: \"Nan's flat in Luton\"."),
            FormField("when_from", "From", stay.when_from, "A year or an age: 2015, age 6."),
            FormField("when_to", "To", stay.when_to, "Leave empty for a single visit."),
            FormField("note", "In their words", stay.note, "What the child says about it."),
            FormField("practitioner_note", "Note", stay.practitioner_note,
                      "Your own note; never shown to the child or the family.",
                      audience_rule="Stay.practitioner_note"),
        ), child_view=self.child_view))
        if values is None:
            return None
        kinds = {k: self.words.kind(k, reads_child_words(self.audience)) for k in STAY_KINDS}
        kind = await self.app.push_screen_wait(ChoiceDialog(
            f"What kind of place was {values['place'] or 'it'}?", kinds, stay.kind))
        if kind is None:
            return None
        return Stay(stay.id, values["place"], kind, values["when_from"], values["when_to"],
                    stay.people, values["note"], values["practitioner_note"])

    @work
    async def action_add(self) -> None:
        if self.workbook is None:
            return
        stay = await self._ask_stay("A place on the map", Stay("", "", "lived"))
        if stay is not None and self.workbook is not None:
            stay = Stay(edits.new_stay_id(self.workbook, stay.place), stay.place, stay.kind,
                        stay.when_from, stay.when_to, (), stay.note, stay.practitioner_note)
            self.added = stay.id  # highlighted when the workbook comes back with it
            self.edit(partial(edits.add_stay, stay), f"Added {stay.place} to the mobility map")

    @work
    async def action_edit(self) -> None:
        current = self.highlighted_stay()
        if current is None:
            return
        stay = await self._ask_stay(f"Change {current.place}", current)
        if stay is not None:
            self.edit(partial(edits.edit_stay, stay), f"Changed {stay.place}")

    def action_remove(self) -> None:
        stay = self.highlighted_stay()
        if stay is None:
            return
        self.edit(partial(edits.remove_stay, stay.id), f"Removed {stay.place} from the map")
        self.notify(f"Removed {stay.place} from the map. Its people are still in the People "
                    "list. Press ctrl+z to undo.", markup=False)

    def action_move(self, places: int) -> None:
        stay = self.highlighted_stay()
        if stay is not None:
            self.edit(partial(edits.move_stay, stay.id, places),
                      f"Moved {stay.place} {'earlier' if places < 0 else 'later'}")

    @work
    async def action_link(self) -> None:
        stay = self.highlighted_stay()
        if stay is None or self.workbook is None:
            return
        choice = await self.app.push_screen_wait(PersonDialog(
            self.workbook, f"Who does the child remember from {stay.place}?",
            exclude=set(stay.people)))
        if choice is None:
            return
        if choice.is_new:
            operation = partial(edits.link_new_person, stay.id, choice.person)
        else:
            operation = partial(edits.link_person, stay.id, choice.person.id)
        self.edit(operation, f"Linked {choice.person.name} to {stay.place}")

    async def _pick_person(self, stay: Stay, title: str) -> str | None:
        """One of the place's people: the only one, or the one picked from a list."""
        if self.workbook is None or not stay.people:
            self.notify(f"No one is linked to {stay.place} yet: press l to link someone.",
                        markup=False)
            return None
        if len(stay.people) == 1:
            return stay.people[0]
        people = self.workbook.people_by_id()
        return await self.app.push_screen_wait(ChoiceDialog(
            title, {p: people[p].name for p in stay.people}, stay.people[0]))

    @work
    async def action_unlink(self) -> None:
        stay = self.highlighted_stay()
        if stay is None:
            return
        person_id = await self._pick_person(stay, f"Who is not from {stay.place}?")
        if person_id is not None and self.workbook is not None:
            name = self.workbook.person(person_id).name
            self.edit(partial(edits.unlink_person, stay.id, person_id),
                      f"Unlinked {name} from {stay.place}")

    @work
    async def action_could_ask(self) -> None:
        stay = self.highlighted_stay()
        if stay is None:
            return
        person_id = await self._pick_person(stay, "Who could we ask?")
        if person_id is None or self.workbook is None:
            return
        name = self.workbook.person(person_id).name
        lost = await self.app.push_screen_wait(ChoiceDialog(
            f"Has {self.workbook.about.child} lost touch with {name}?", LOST_TOUCH, "yes"))
        if lost is None or self.workbook is None:
            return
        already = placement_of(self.workbook, edits.ASK_CIRCLE, person_id) is not None
        circle = self.content.circle(edits.ASK_CIRCLE).title
        self.edit(partial(edits.ask_about, stay.id, person_id, lost == "yes"),
                  f"Put {name} in {circle}")
        self.notify(f"{name} is {'already' if already else 'now'} in {circle}.", markup=False)
