"""What changed in the family tree and the cultural genogram, in plain sentences.

Called by `change_report` (for `circles diff` and the compare dialog), which has already
put both workbooks through the audience's view. Like the rest of that report,
practitioner-only notes are never quoted: a sentence says that one changed.
No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable

from circles_tui.core.family import CHILD, PARTNER_KINDS, FamilyLink
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording

def family_changes(old: Workbook, new: Workbook, wording: Wording,
                   name: Callable[[str], str]) -> list[str]:
    """Sentences (without full stops) about the family; `name` gives a person's name by
    id, and the child's name for CHILD."""
    out: list[str] = []
    out += _people_changes(old, new)
    still_there = {p.id for p in new.people} | {CHILD}
    before, after = old.family, new.family

    def gone(link: FamilyLink) -> bool:  # a removed person's links go without a sentence
        return not (link.a in still_there and link.b in still_there)

    added = [link for link in after.links if not any(link.same_pair(o) for o in before.links)]
    for link in added:
        out.append(relation(link, new, wording, name, "now recorded as"))
    for link in before.links:
        if any(link.same_pair(n) for n in after.links) or gone(link):
            continue
        if not any({n.a, n.b} == {link.a, link.b} for n in added):  # not a kind that changed
            out.append(relation(link, old, wording, name, "no longer recorded as"))
    for link in after.links:
        old_link = next((o for o in before.links if o.same_pair(link)), None)
        if old_link is None:
            continue
        between = f"the link between {name(link.a)} and {name(link.b)}"
        if old_link.note != link.note:
            out.append(f'The note on {between} is now "{link.note}"' if link.note
                       else f"The note on {between} was taken out")
        if old_link.practitioner_note != link.practitioner_note:
            out.append(f"The practitioner-only note on {between} changed")
    out += _heritage_changes(old, new, wording, name, still_there)
    child = name(CHILD)
    out += [f"{name(pid)} is now recorded as living with {child}"
            for pid in after.household if pid not in before.household]
    out += [f"{name(pid)} is no longer recorded as living with {child}"
            for pid in before.household if pid not in after.household and pid in still_there]
    if before.practitioner_note != after.practitioner_note:
        out.append("The practitioner-only note about the family changed")
    return out


def relation(link: FamilyLink, workbook: Workbook, wording: Wording,
             name: Callable[[str], str], how: str = "") -> str:
    """A link in words: "Nanna Jo is Mum's mother", "Kerry and Lee are divorced"; `how`
    goes before the relation ("now recorded as")."""
    a, b = name(link.a), name(link.b)
    how = f"{how} " if how else ""
    if link.kind in PARTNER_KINDS or link.kind == "chosen-family":
        return f"{a} and {b} are {how}{wording.family.kinds[link.kind].lower()}"
    gender = "" if link.a == CHILD else workbook.person(link.a).gender
    role = wording.family.role(link.kind, gender)  # from the wording file: "mother"
    return f"{a} is {how}{b}'s {role}"


def _people_changes(old: Workbook, new: Workbook) -> list[str]:
    out = []
    before = old.people_by_id()
    for person in new.people:
        was = before.get(person.id)
        if was is None:
            continue
        if was.gender != person.gender:
            out.append(f"{person.name}'s gender is now recorded as {person.gender}"
                       if person.gender else f"{person.name}'s gender was taken out")
        if was.died != person.died and person.died:
            out.append(f'When {person.name} died is now recorded: "{person.died}"')
    return out


def _heritage_changes(old: Workbook, new: Workbook, wording: Wording,
                      name: Callable[[str], str], still_there: set[str]) -> list[str]:
    out = []
    before, after = old.family.heritage, new.family.heritage
    where = f"In {wording.family.heritage_title}"

    def whose(note) -> str:
        return f"{name(note.person)}'s {wording.family.aspects[note.aspect].lower()}"

    def same_place(a, b) -> bool:
        return (a.person, a.aspect) == (b.person, b.aspect)

    for note in after:
        if note in before:
            continue
        earlier = next((n for n in before if same_place(n, note) and n not in after), None)
        if earlier is None:
            out.append(f'{where}, {whose(note)} was added: "{note.words}"')
        elif earlier.words != note.words:
            out.append(f'{where}, {whose(note)} is now "{note.words}"')
        else:
            out.append(f"{where}, the practitioner-only note on {whose(note)} changed")
    for note in before:
        replaced = any(same_place(n, note) and n not in before for n in after)
        if note not in after and not replaced and note.person in still_there:
            out.append(f"{where}, {whose(note)} was taken out")
    return out
