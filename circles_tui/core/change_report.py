"""What changed between two versions of a workbook, in sentences for a review.

People are matched by id, so a renamed person is the same person. Ring labels,
circle titles, field labels and choices come from `Wording`; names and the
child's words are data. Practitioner-only notes and contact details are never
quoted: a sentence says that they changed, not what they say. For an audience other
than the practitioner both copies go through `core.audience.view` first, so no
sentence tells that audience anything the rest of its view leaves out.

No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from circles_tui.core import audience as audiences
from circles_tui.core.family import CHILD as FAMILY_CHILD
from circles_tui.core.family_changes import family_changes
from circles_tui.core.labels import label
from circles_tui.core.wording import CircleText, Wording, bundled
from circles_tui.export.document import extra_text, long_date
from circles_tui.core.model import CIRCLE_IDS, SUPPORTER_KINDS, TREE_PARTS, Answer, Placement, TreePart, Workbook
from circles_tui.core.proposed_network import sentence

T = TypeVar("T")


def describe_changes(
    old: Workbook, new: Workbook, content: Wording | None = None,
    audience: audiences.Audience = audiences.PRACTITIONER,
) -> list[str]:
    """Plain sentences, in the order of the workbook, as `audience` may read them; an
    empty list when nothing changed."""
    content = content or bundled()
    if audience != audiences.PRACTITIONER:
        # Both sides follow the agreement in the newer copy; otherwise a change in that
        # agreement alone would list every false supporter as added or taken out.
        share = new.about.share_false_supporters
        old = attrs.evolve(old, about=attrs.evolve(old.about, share_false_supporters=share))
        old, new = audiences.view(old, content, audience), audiences.view(new, content, audience)
        content = audiences.wording_for(content, audience)
    return _Differ(old, new, content).run()


def list_changes(before: Sequence[T], after: Sequence[T],
                 added: Callable[[T], str], taken_out: Callable[[T], str]) -> list[str]:
    """What became of a list: `added(entry)` for each entry new in `after` (in its order),
    then `taken_out(entry)` for each entry of `before` that is gone."""
    return ([added(entry) for entry in after if entry not in before]
            + [taken_out(entry) for entry in before if entry not in after])


def _q(text: str) -> str:
    """A person's own words, quoted."""
    return f'"{" ".join(text.split())}"'


class _Differ:
    def __init__(self, old: Workbook, new: Workbook, content: Wording) -> None:
        self.old, self.new, self.content = old, new, content
        self.old_people = old.people_by_id()
        self.new_people = new.people_by_id()
        self.out: list[str] = []

    def say(self, text: str) -> None:
        self.out.append(sentence(text))

    def say_list_changes(self, before: Sequence[T], after: Sequence[T],
                         added: Callable[[T], str], taken_out: Callable[[T], str]) -> None:
        for text in list_changes(before, after, added, taken_out):
            self.say(text)

    def name(self, person_id: str) -> str:
        person = self.new_people.get(person_id) or self.old_people[person_id]
        return person.name

    def run(self) -> list[str]:
        self.about()
        self.people()
        for circle_id in CIRCLE_IDS:
            self.circle(circle_id)
        for kind in SUPPORTER_KINDS:
            self.supporters(kind)
        for part in TREE_PARTS:
            self.tree_part(self.content.tree_part(part).title, self.old.tree[part], self.new.tree[part])
        self.storms()
        from circles_tui.core.meeting_changes import meeting_changes

        for text in meeting_changes(self.old.meeting, self.new.meeting, self.content, self.name):
            self.say(text)
        from circles_tui.core.ecomap_changes import ecomap_changes

        for text in ecomap_changes(self.old, self.new, self.content):
            self.say(text)
        for text in family_changes(self.old, self.new, self.content, self.person_or_child):
            self.say(text)
        from circles_tui.core.step_question_changes import step_question_changes

        step_question_changes(self.old.questions, self.new.questions, self.content,
                              self.answers, self.say)
        from circles_tui.core.mobility_changes import mobility_changes

        for text in mobility_changes(self.old.mobility, self.new.mobility, self.content, self.name):
            self.say(text)
        return self.out

    def person_or_child(self, person_id: str) -> str:
        return self.new.about.child if person_id == FAMILY_CHILD else self.name(person_id)

    # -- about ------------------------------------------------------------------------

    def about(self) -> None:
        a, b = self.old.about, self.new.about
        if a.child != b.child:
            self.say(f"The child's name changed from {_q(a.child)} to {_q(b.child)}")
        if a.age != b.age:
            self.say(f"The child's age is now {b.age}" if b.age is not None else "The child's age was taken out")
        if a.pronouns != b.pronouns:
            self.say(f"The child's pronouns are now {_q(b.pronouns)}" if b.pronouns
                     else "The child's pronouns were taken out")
        for key, what in (("practitioner", "The practitioner"), ("organisation", "The organisation")):
            if getattr(a, key) != getattr(b, key):
                value = getattr(b, key)
                self.say(f"{what} is now {_q(value)}" if value else f"{what} was taken out")
        self.say_list_changes(a.session_dates, b.session_dates,
                              lambda day: f"A session on {long_date(day)} was added",
                              lambda day: f"The session on {long_date(day)} was taken out")
        self.say_list_changes(a.taking_part, b.taking_part,
                              lambda who: f"{_q(who)} is now listed as taking part",
                              lambda who: f"{_q(who)} is no longer listed as taking part")
        if a.share_false_supporters != b.share_false_supporters:
            title = " and ".join(self.content.supporter(kind).title for kind in
                                 sorted(audiences.private_kinds(self.content)))
            self.say(
                f"The young person agreed that {title} may be shared" if b.share_false_supporters
                else f"{title} are no longer to be shared"
            )
        if a.practitioner_note != b.practitioner_note:
            self.say(_note_change("the practitioner-only note about this work", a.practitioner_note,
                                  b.practitioner_note))

    # -- people -----------------------------------------------------------------------

    def people(self) -> None:
        for person in self.new.people:
            if person.id not in self.old_people:
                detail = f" ({person.relationship})" if person.relationship else ""
                self.say(f"{person.name}{detail} was added")
        for person in self.new.people:
            before = self.old_people.get(person.id)
            if before is None or before == person:
                continue
            if before.name != person.name:
                self.say(f"{before.name} is now called {person.name}")
            name = person.name
            if before.relationship != person.relationship:
                self.say(f"{name}'s relationship is now {_q(person.relationship)}" if person.relationship
                         else f"{name}'s relationship was taken out")
            if before.lives != person.lives:
                self.say(f"{name} now lives in {person.lives}" if person.lives
                         else f"Where {name} lives was taken out")
            if before.contact != person.contact:
                self.say(f"Contact details for {name} were "
                         + ("added" if not before.contact else "taken out" if not person.contact
                            else "changed"))
            if before.note != person.note:
                self.say(f"{name}'s note is now {_q(person.note)}" if person.note
                         else f"{name}'s note was taken out")
            if before.practitioner_note != person.practitioner_note:
                self.say(_note_change(f"the practitioner-only note on {name}", before.practitioner_note,
                                      person.practitioner_note))
            if before.concern != person.concern:
                self.say(_note_change(f"the concern about {name}", before.concern, person.concern))
            if before.living != person.living:
                self.say(f"{name} is now recorded as having died" if not person.living
                         else f"{name} is now recorded as living")
            if before.known != person.known:
                self.say(f"{name} is now recorded as someone the child never met" if not person.known
                         else f"{name} is now recorded as someone the child knows")
        for person in self.old.people:
            if person.id not in self.new_people:
                self.say(f"{person.name} was removed")

    # -- circles ----------------------------------------------------------------------

    def circle(self, circle_id: str) -> None:
        circle = self.content.circle(circle_id)
        before = {p.person: p for p in self.old.circles[circle_id]}
        after = {p.person: p for p in self.new.circles[circle_id]}
        for pid, placement in after.items():
            old = before.get(pid)
            if old is None:
                self.say(f"{self.name(pid)} was placed in '{circle.ring_label(placement.ring)}' "
                         f"in {circle.short}")
                continue
            if old.ring != placement.ring:
                self.say(f"{self.name(pid)} moved from '{circle.ring_label(old.ring)}' to "
                         f"'{circle.ring_label(placement.ring)}' in {circle.short}")
            self.placement_details(circle, pid, old, placement)
        for pid, placement in before.items():
            if pid not in after and pid in self.new_people:  # removed people are said once
                self.say(f"{self.name(pid)} was taken out of {circle.short} "
                         f"(was at '{circle.ring_label(placement.ring)}')")

    def placement_details(self, circle: CircleText, pid: str, old: Placement, new: Placement) -> None:
        name = self.name(pid)
        where = f"In {circle.short}"
        if old.named_by != new.named_by and new.named_by:
            by = self.content.named_by.get(new.named_by, new.named_by)
            self.say(f"{where}, {name} is now recorded as named by {by.lower()}")
        if old.note != new.note:
            self.say(f"{where}, {name}'s note is now {_q(new.note)}" if new.note
                     else f"{where}, {name}'s note was taken out")
        if old.practitioner_note != new.practitioner_note:
            self.say(f"{where}, " + _note_change(f"the practitioner-only note on {name}",
                                                 old.practitioner_note, new.practitioner_note))
        old_extras = dict(extra_text(circle, old))
        new_extras = dict(extra_text(circle, new))
        for field in circle.fields:
            a, b = old_extras.get(field.label, ""), new_extras.get(field.label, "")
            if a == b:
                continue
            shown = b if field.choices else _q(b)
            self.say(f"{where}, {name}'s '{field.label}' is now {shown}" if b
                     else f"{where}, {name}'s '{field.label}' was taken out")

    # -- supporters -------------------------------------------------------------------

    def supporters(self, kind: str) -> None:
        title = self.content.supporter(kind).title
        before = {s.person: s for s in self.old.supporters[kind]}
        after = {s.person: s for s in self.new.supporters[kind]}
        for pid, entry in after.items():
            old = before.get(pid)
            if old is None:
                self.say(f"{self.name(pid)} was added to {title}")
            elif old != entry:
                changed = [
                    _field_words(f"Supporter.{key}")
                    for key in ("what_they_do", "how_to_use", "reach", "note", "practitioner_note")
                    if getattr(old, key) != getattr(entry, key)
                ]
                self.say(f"{self.name(pid)}'s entry in {title} changed ({', '.join(changed)})")
        for pid in before:
            if pid not in after and pid in self.new_people:
                self.say(f"{self.name(pid)} was taken out of {title}")

    # -- tree and storms --------------------------------------------------------------

    def tree_part(self, title: str, old: TreePart, new: TreePart) -> None:
        self.say_list_changes(old.words, new.words,
                              lambda word: f"Added to {title}: {_q(word)}",
                              lambda word: f"Taken out of {title}: {_q(word)}")
        # Someone removed from the workbook is said once, as removed.
        self.say_list_changes([pid for pid in old.people if pid in self.new_people], new.people,
                              lambda pid: f"{self.name(pid)} was linked to {title}",
                              lambda pid: f"{self.name(pid)} is no longer linked to {title}")
        self.answers(title, old.answers, new.answers)
        if old.practitioner_note != new.practitioner_note:
            self.say(_note_change(f"the practitioner-only note on {title}", old.practitioner_note,
                                  new.practitioner_note))

    def answers(self, title: str, old: tuple[Answer, ...], new: tuple[Answer, ...]) -> None:
        before: dict[str, str] = {}
        for answer in old:
            before.setdefault(answer.question, answer.answer)
        after: dict[str, str] = {}
        for answer in new:
            after.setdefault(answer.question, answer.answer)
        for question, answer in after.items():
            if question not in before:
                said = f": {_q(answer)}" if answer else ""
                self.say(f"New question in {title}, '{question}'{said}")
            elif before[question] != answer:
                self.say(f"The answer in {title} to '{question}' is now {_q(answer)}" if answer
                         else f"The answer in {title} to '{question}' was taken out")
        for question in before:
            if question not in after:
                self.say(f"The question '{question}' was taken out of {title}")

    def storms(self) -> None:
        title = self.content.storms.title
        old, new = self.old.storms, self.new.storms
        if old is None and new is None:
            return
        if old is None:
            self.say(f"{title} was started")
        elif new is None:
            self.say(f"{title} was taken out")
            return
        self.tree_part(title, old or TreePart(), new)


def _field_words(field: str) -> str:
    """A field's label inside a sentence: "What they do" -> "what they do", "the note"."""
    words = label(field).lower()
    return f"the {words}" if words.endswith("note") else words


def _note_change(what: str, before: str, after: str) -> str:
    what = what[:1].upper() + what[1:]
    if not before:
        return f"{what} was added"
    if not after:
        return f"{what} was taken out"
    return f"{what} changed"

