"""`FamilyTreeStep`: the family tree's keys, and the dialogs each key opens.

Every change goes up as an operation from `core.edits.family` (or `core.edits.people`)
through `Step.edit`, built from the card the key was pressed on, so a dialog left open
while the workbook changed cannot write into the wrong place: the operation refuses
instead. A key starts a worker that makes each dialog inside it and reads on, top to
bottom; the app's type-ahead holds the keys typed meanwhile for the dialog.
"""

from __future__ import annotations

from functools import partial

import attrs
from textual import work
from textual.binding import Binding

from circles_tui.core.audience import sees
from circles_tui.core.edits import family as edits
from circles_tui.core.edits import people as people_edits
from circles_tui.core.edits.people import new_person_id
from circles_tui.core.family import (
    CHILD, PARENT_KINDS, PARTNER_KINDS, SIBLING_KINDS, FamilyLink, HeritageNote,
)
from circles_tui.core.family_changes import relation as link_in_words
from circles_tui.core.family_tree import TreeSlot, blank_name
from circles_tui.core.model import Person
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.family_person import FamilyPersonDialog
from circles_tui.dialogs.meeting_forms import ChoiceDialog, FormField, ShortFormDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.steps.family_tree.family_view import FamilyTreeView
from circles_tui.steps.family_tree.words import (
    FILL_TITLE, GENDER_QUESTION, HERITAGE_QUESTION, HERITAGE_WORDS,
)
from circles_tui.steps.step import PICTURE

_GENDER_OF_MISSING = {"mother": "female", "father": "male"}


@attrs.frozen
class Relation:
    """One of the ways to add someone to a person on the tree."""

    kinds: tuple[str, ...]  # the link kinds to choose from, the usual one first
    # edits.add_parent and so on: (person_id, relative, kind, workbook); with one kind
    # only (edits.add_chosen_family), (person_id, relative, workbook).
    operation: object
    title: str  # "Add a parent of {name}"
    question: str  # "How is {relative} {name}'s parent?"; "" when there is one kind only
    help: str = ""  # what the person dialog says about who this is, with {name}

    def adding(self, person_id: str, relative: Person | str, kind: str) -> partial:
        """The edit that links `relative` to `person_id`; an operation for one kind of
        link only (chosen family) takes no kind."""
        if len(self.kinds) == 1:
            return partial(self.operation, person_id, relative)
        return partial(self.operation, person_id, relative, kind)


RELATIONS: dict[str, Relation] = {
    "parent": Relation(PARENT_KINDS, edits.add_parent, "Add a parent of {name}",
                       "How is {relative} a parent of {name}?"),
    "child": Relation(PARENT_KINDS, edits.add_child, "Add a child of {name}",
                      "How is {name} a parent of {relative}?"),
    "partner": Relation(PARTNER_KINDS, edits.add_partner, "Add a partner of {name}",
                        "{relative} and {name} are:"),
    "sibling": Relation(SIBLING_KINDS, edits.add_sibling, "Add a brother or sister of {name}",
                        "{relative} and {name} are:"),
}


class FamilyTreeStep(FamilyTreeView):
    """The child's family tree: add relatives to the highlighted person and chosen family
    to the child, take a link out, fill in the blanks, ask about the people the child
    lost, and note their heritage."""

    # The keys used most come first: the footer is narrow at 80 columns (F1 lists them all).
    BINDINGS = [
        PICTURE,
        Binding("p", "add('parent')", "Add parent", id="family-add-parent"),
        Binding("e", "edit", "Edit", id="family-edit"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("w", "ask", "Who could we ask?", id="family-ask"),
        Binding("s", "add('sibling')", "Add brother/sister", id="family-add-sibling"),
        Binding("r", "add('partner')", "Add partner", id="family-add-partner"),
        Binding("c", "add('child')", "Add child", id="family-add-child"),
        Binding("h", "heritage", "Heritage", id="family-heritage"),
        Binding("f", "add_chosen", "Add chosen family", id="family-add-chosen"),
        Binding("x,delete", "remove_link", "Remove link", id="family-remove-link"),
    ]

    # -- which keys apply ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.workbook is None or not self.is_mounted or self.shown is None:
            return True
        key = self.highlighted()
        blank = key in self.shown.blanks
        if action in ("add", "heritage"):
            return None if blank else True
        if action == "edit":
            return None if key == CHILD else True
        if action == "remove_link":
            return True if not blank and self.workbook.family.links_of(key or CHILD) else None
        if action == "ask":
            if blank:
                return True
            person = self.workbook.people_by_id().get(key)
            return True if person is not None and person.living else None
        return True

    # -- sending edits up ----------------------------------------------------------------

    def _edit(self, operation, label: str, select: str | None = None) -> None:
        """Send `operation` up; `select` is the card to highlight once it is applied."""
        self._select_next = select
        self.edit(operation, label)

    def _name_of(self, key: str) -> str:
        if key == CHILD:
            return self.workbook.about.child
        return self.workbook.person(key).name

    def _blank(self) -> TreeSlot | None:
        return self.shown.blanks.get(self.highlighted()) if self.shown is not None else None

    # -- adding a relative ----------------------------------------------------------------

    def action_add(self, relation: str) -> None:
        key = self.highlighted_person()
        if key is not None and self.workbook is not None:
            self._add(RELATIONS[relation], key)

    def action_add_chosen(self) -> None:
        """Chosen family are the child's (the tree draws them beside the child), so this
        adds to the child wherever the highlight is."""
        if self.workbook is not None:
            words = self.words  # worksheet wording: the child's in child view
            self._add(Relation(("chosen-family",), edits.add_chosen_family, words.chosen_title,
                               "", help=words.chosen_help), CHILD)

    @work
    async def _add(self, relation: Relation, key: str) -> None:
        name = self._name_of(key)
        workbook = self.workbook
        choice = await self.app.push_screen_wait(PersonDialog(
            workbook, relation.title.format(name=name), exclude={key},
            help=relation.help.format(name=name)))
        if choice is None:
            return
        relative = choice.person
        kind = relation.kinds[0]
        if len(relation.kinds) > 1:
            kinds = {kind: self.words.kinds[kind] for kind in relation.kinds}
            kind = await self.app.push_screen_wait(ChoiceDialog(
                relation.question.format(relative=relative.name, name=name), kinds,
                current=relation.kinds[0]))
            if kind is None:
                return
        if choice.is_new:
            gender = await self.app.push_screen_wait(ChoiceDialog(
                f"{relative.name}: {GENDER_QUESTION}", self.words.genders))
            if gender is None:
                return
            # The id was chosen when the dialog opened; take one that is free now.
            relative = attrs.evolve(relative, id=new_person_id(self.workbook, relative.name),
                                    gender=gender)
        self._edit(relation.adding(key, relative if choice.is_new else relative.id, kind),
                   f"Added {relative.name} to the family tree", select=relative.id)

    # -- taking a link out ------------------------------------------------------------------

    def action_remove_link(self) -> None:
        key = self.highlighted_person()
        if key is not None and self.workbook is not None:
            self._remove_link(key)

    def _link_in_words(self, link: FamilyLink) -> str:
        """"Dean is Mia's father", in the words of whoever is looking."""
        return link_in_words(link, self.workbook, self.content, self._name_of)

    @work
    async def _remove_link(self, key: str) -> None:
        """Which link (when there are several), then a yes or no with it in plain words."""
        words = self.words
        links = self.workbook.family.links_of(key)
        if not links:
            return
        link = links[0]
        if len(links) > 1:
            choices = {str(i): self._link_in_words(each) for i, each in enumerate(links)}
            chosen = await self.app.push_screen_wait(ChoiceDialog(
                words.remove_which.format(name=self._name_of(key)), choices))
            if chosen is None:
                return
            link = links[int(chosen)]
        said = self._link_in_words(link)
        if not await self.app.push_screen_wait(ConfirmDialog(
                "Remove link", words.remove_question.format(link=said), yes="Remove")):
            return
        # Someone whose only link this was leaves the tree: the other person is highlighted.
        stays = key == CHILD or len(links) > 1
        self._edit(partial(edits.remove_link, link), f"Removed the link: {said}",
                   select=key if stays else link.other(key))
        self.notify(f"Removed the link: {said}. Both people stay in the people list; "
                    "Ctrl+Z undoes this.", markup=False)

    # -- editing the highlighted card -------------------------------------------------------

    def action_edit(self) -> None:
        if self.workbook is None:
            return
        slot = self._blank()
        if slot is not None:
            self._fill_blank(slot, blank_name(self.workbook, slot, self.words.tree.blanks))
            return
        key = self.highlighted_person()
        if key is not None and key != CHILD:
            self._edit_person(self.workbook.person(key))

    @work
    async def _fill_blank(self, slot: TreeSlot, who: str) -> None:
        """Someone in a blank: the person dialog, and they are that parent."""
        choice = await self.app.push_screen_wait(
            PersonDialog(self.workbook, FILL_TITLE.format(who=who)))
        if choice is None:
            return
        relative = choice.person
        if choice.is_new:
            relative = attrs.evolve(
                relative, id=new_person_id(self.workbook, relative.name),
                relationship=relative.relationship or who,
                gender=_GENDER_OF_MISSING.get(slot.missing, ""))
        self._edit(partial(edits.add_parent, slot.parent_of,
                           relative if choice.is_new else relative.id, "parent"),
                   f"Filled in {who}: {relative.name}", select=relative.id)

    @work
    async def _edit_person(self, person: Person) -> None:
        changed = await self.app.push_screen_wait(FamilyPersonDialog(
            person, f"Details for {person.name}", self.words.genders))
        if changed is not None:
            self._edit(partial(people_edits.edit, changed), f"Edited {person.name}'s details",
                       select=person.id)

    # -- "Who could we ask?" ---------------------------------------------------------------

    def action_ask(self) -> None:
        workbook = self.workbook
        if workbook is None:
            return
        circle = self.content.circle(edits.ASK_CIRCLE).short
        slot = self._blank()
        if slot is not None:
            who = blank_name(workbook, slot, self.words.tree.blanks)
            self._edit(partial(edits.ask_about_blank, slot, who), f"Asked about {who}",
                       select=new_person_id(workbook, who))
            self.notify(f"{who} is in {circle} now, as a question: who could tell us? "
                        "Ctrl+Z undoes this.", markup=False)
            return
        key = self.highlighted_person()
        if key is None or key == CHILD:
            return
        person = workbook.person(key)
        if any(p.person == key for p in workbook.circles.get(edits.ASK_CIRCLE, ())):
            self.notify(f"{person.name} is already in {circle}.", markup=False)
            return
        self._edit(partial(edits.ask_about_relative, key), f"Added {person.name} to {circle}",
                   select=key)
        self.notify(f"{person.name} is in {circle} now. Ctrl+Z undoes this.", markup=False)

    # -- the cultural genogram ---------------------------------------------------------------

    def action_heritage(self) -> None:
        key = self.highlighted_person()
        if key is not None and self.workbook is not None:
            self._heritage_note(key)

    @work
    async def _heritage_note(self, key: str) -> None:
        words = self.words
        name = self._name_of(key)
        noted = {n.aspect: n for n in self.workbook.family.heritage if n.person == key}
        choices = {aspect: label + (" ✓" if aspect in noted else "")
                   for aspect, label in words.aspects.items()}
        aspect = await self.app.push_screen_wait(ChoiceDialog(
            HERITAGE_QUESTION.format(name=name), choices, help=words.heritage_prompt))
        if aspect is None:
            return
        old = noted.get(aspect)
        private = sees(self.audience, "HeritageNote.practitioner_note")
        values = await self.app.push_screen_wait(ShortFormDialog(
            f"{words.aspects[aspect]}: {name}",
            (FormField("words", HERITAGE_WORDS, old.words if old else "",
                       help=words.heritage_prompt),
             FormField("practitioner_note", "Note", old.practitioner_note if old else "",
                       help="Your own note; never shown to the child.",
                       audience_rule="HeritageNote.practitioner_note")),
            child_view=not private))
        if values is None:
            return
        note = HeritageNote(key, aspect, values["words"], values["practitioner_note"])
        title = words.aspects[aspect]
        if old is None and note.words.strip():
            self._edit(partial(edits.add_heritage, note), f"Noted {title} for {name}", select=key)
        elif old is not None and note.words.strip():
            self._edit(partial(edits.edit_heritage, old, note), f"Changed {title} for {name}",
                       select=key)
        elif old is not None:
            self._edit(partial(edits.remove_heritage, old), f"Took out {title} for {name}",
                       select=key)
            self.notify(f"Took out {title} for {name}. Ctrl+Z undoes this.", markup=False)
