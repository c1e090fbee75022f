"""What changed in the ecomaps (and in what the register's entries are), in plain sentences.

Called by `change_report` (for `circles diff` and the compare dialog) with both workbooks
already in the audience's view. Like the rest of that report, practitioner-only notes are
never quoted: a sentence says that one changed. Ecomaps are matched by id and links by their
two ends, so a renamed person is the same link. Where a link sits round the centre (`clock`)
is layout, not meaning, and is not reported. No Textual or Rich here.
"""

from __future__ import annotations

from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.ecomap_words import (
    dated_title,
    ecomap_title,
    link_name,
    long_date,
    qualities_text,
    start_name,
)
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.core.wording.ecomap_text import EcomapText


def ecomap_changes(old: Workbook, new: Workbook, wording: Wording) -> list[str]:
    """Sentences (without full stops): kinds of register entry first, then each ecomap."""
    words = wording.ecomap
    out: list[str] = []
    before_people = old.people_by_id()
    for person in new.people:
        before = before_people.get(person.id)
        if before is not None and before.kind != person.kind:
            out.append(f"{person.name} is now recorded as {words.kinds[person.kind].lower()}")
    before = {e.id: e for e in old.ecomaps}
    after = {e.id: e for e in new.ecomaps}
    for ecomap in new.ecomaps:
        if ecomap.id not in before:
            out.append(f"{dated_title(ecomap, new, words)} was added")
            out += [_added(ecomap, link, new, words) for link in ecomap.links]
        else:
            out += _changed(before[ecomap.id], ecomap, old, new, words)
    out += [f"{dated_title(e, old, words)} was taken out" for e in old.ecomaps
            if e.id not in after]
    return out


def _changed(a: Ecomap, b: Ecomap, old: Workbook, new: Workbook,
             words: EcomapText) -> list[str]:
    title = ecomap_title(b, new, words)
    out: list[str] = []
    if a.whose != b.whose:
        out.append(f"{ecomap_title(a, old, words)} is now {title}")
    if a.made_on != b.made_on:
        out.append(f"{title} is now dated {long_date(b.made_on)}" if b.made_on
                   else f"The date of {title} was taken out")
    if a.centre != b.centre:
        out.append(f"The middle of {title} is now {words.centres[b.centre].lower()}")
    names = new.people_by_id()
    out += [f"{names[m].name} is now in the middle of {title}"
            for m in b.household if m not in a.household]
    out += [f"{names[m].name} is no longer in the middle of {title}"
            for m in a.household if m not in b.household and m in names]
    links_before = {link.ends: link for link in a.links}
    links_after = {link.ends: link for link in b.links}
    for ends, link in links_after.items():
        if ends not in links_before:
            out.append(_added(b, link, new, words))
        else:
            out += _link(b, links_before[ends], link, new, words, title)
    for ends, link in links_before.items():
        if ends not in links_after and link.person in names and link.between in (
                "", "child", *names):  # someone removed from the register is said once
            what = link_name(b, link, new, words)
            out.append(f"On {title}, {what} was taken out")
    return out


def _added(ecomap: Ecomap, link: EcoLink, workbook: Workbook, words: EcomapText) -> str:
    title = ecomap_title(ecomap, workbook, words)
    what = link_name(ecomap, link, workbook, words).removeprefix("the ")
    quality = qualities_text(link.qualities, words)
    if link.person in ecomap.household:  # in the middle: how near is not drawn
        return f"On {title}, a {quality} {what} was added"
    return f"On {title}, a {quality} {what} was added ({words.distance(link.distance).lower()})"


def _link(ecomap: Ecomap, a: EcoLink, b: EcoLink, workbook: Workbook, words: EcomapText,
          title: str) -> list[str]:
    what = link_name(ecomap, b, workbook, words)
    what_capital = what[:1].upper() + what[1:]
    out: list[str] = []
    if a.qualities != b.qualities:
        out.append(f"{what_capital} went from {qualities_text(a.qualities, words)} to "
                   f"{qualities_text(b.qualities, words)} on {title}")
    if a.distance != b.distance:
        way = "nearer" if b.distance < a.distance else "further away"
        out.append(f"On {title}, {what} moved {way} ("
                   f"{words.distance(b.distance).lower()})")
    if a.flow != b.flow:
        flow = words.flow(b.flow, start_name(ecomap, b, workbook, words))
        out.append(f"On {title}, {what}: {flow}" if flow
                   else f"On {title}, which way support flows in {what} was taken out")
    if a.note != b.note:
        out.append(f'On {title}, the note on {what} is now "{" ".join(b.note.split())}"'
                   if b.note else f"On {title}, the note on {what} was taken out")
    if a.practitioner_note != b.practitioner_note:
        out.append(f"On {title}, the practitioner-only note on {what} changed")
    if a.practitioner_only != b.practitioner_only:
        out.append(f"On {title}, {what} is now "
                   + ("practitioner-only" if b.practitioner_only else "shared with the family"))
    return out
