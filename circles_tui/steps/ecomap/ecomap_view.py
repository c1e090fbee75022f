"""What the ecomap step shows, worked out from the records: the drawing's picture, the
heading, each line of the list and the details of the highlighted link. No keys and no
edits here; `ecomap_display.py` and `ecomap_step.py` use these.

Only what the audience sees comes in: the step passes the links `core/audience.py` leaves
it, and asks that module whether the practitioner's notes are seen. Everything a person
typed goes in as literal text (`Content`), never as markup.
"""

from __future__ import annotations

from textual.content import Content

from circles_tui.core.audience import PRIVATE_LINKS, Audience, reads_child_words, sees
from circles_tui.core.ecomap import FROM_CHILD, WHOSE_CHILD, WHOSE_HOUSEHOLD, EcoLink, Ecomap
from circles_tui.core.ecomap_words import ecomap_title, long_date, qualities_text, start_name
from circles_tui.core.model import Workbook
from circles_tui.core.wording.ecomap_text import EcomapText
from circles_tui.widgets.ecomap_art import KIND_MARKS, SAMPLES, Tie
from circles_tui.widgets.ecomap_layout import EcomapPicture, Spoke
from circles_tui.widgets.rings_grid import clean_name, shorten

SNIPPET = 44  # characters of a note shown in the list
FLOW_MARKS = {"": "", "to-centre": "◀", "from-centre": "▶", "both": "◀▶"}


def link_id(link: EcoLink) -> str:
    """The list's and the drawing's id for a link: its two ends."""
    return f"{link.between}>{link.person}"


def ends_of(link_key: str) -> tuple[str, str]:
    """(person, between) from a `link_id`."""
    between, _, person = link_key.partition(">")
    return person, between


def child_name(workbook: Workbook) -> str:
    return clean_name(workbook.about.child)


def name_of(workbook: Workbook, person_id: str) -> str:
    """A register entry's name, or the child's for "child"."""
    if person_id == FROM_CHILD:
        return child_name(workbook)
    return clean_name(workbook.person(person_id).name)


def centre_members(ecomap: Ecomap, workbook: Workbook) -> tuple[tuple[str, str], ...]:
    """Who sits in the middle, as (id, name): the child, someone's own, or the household."""
    if ecomap.whose == WHOSE_CHILD:
        return ((FROM_CHILD, child_name(workbook)),)
    if ecomap.whose == WHOSE_HOUSEHOLD:
        return ((FROM_CHILD, child_name(workbook)),
                *((m, name_of(workbook, m)) for m in ecomap.household))
    return ((ecomap.whose, name_of(workbook, ecomap.whose)),)


def is_tie(ecomap: Ecomap, link: EcoLink) -> bool:
    """A link between two people in the middle of a whole-family ecomap."""
    return ecomap.is_whole_family and link.person in ecomap.household


def title(ecomap: Ecomap, workbook: Workbook, words: EcomapText) -> str:
    """"Mia's ecomap", "Mia's family ecomap", "Kerry's own ecomap", as one line."""
    return clean_name(ecomap_title(ecomap, workbook, words))


def when(ecomap: Ecomap, words: EcomapText) -> str:
    if ecomap.made_on is None:
        return words.undated
    return f"{words.made_on} {long_date(ecomap.made_on)}"


def short_kind(kind: str, words: EcomapText) -> str:
    """"A group (a school, a club...)" as "A group", for the key and the details."""
    return words.kinds[kind].split(" (")[0]


def prompt(ecomap: Ecomap | None, words: EcomapText, audience: Audience) -> str:
    if reads_child_words(audience):
        return words.child_prompt
    if ecomap is not None and ecomap.is_whole_family:
        return words.family_prompt
    return words.adult_prompt


def picture(ecomap: Ecomap, links: tuple[EcoLink, ...], workbook: Workbook,
            words: EcomapText) -> EcomapPicture:
    """What the drawing shows of `links` (the ones the audience sees), in `words`."""
    people = workbook.people_by_id()
    spokes, ties = [], []
    for link in links:
        if is_tie(ecomap, link):
            ties.append(Tie(link_id(link), link.person, link.between, link.qualities))
            continue
        person = people[link.person]
        spokes.append(Spoke(link_id(link), person.name, person.kind, link.distance, link.clock,
                            link.qualities, link.flow, link.between))
    return EcomapPicture(
        ecomap.centre, centre_members(ecomap, workbook), tuple(spokes), tuple(ties),
        dict(words.qualities), words.flow_key, {k: short_kind(k, words) for k in words.kinds},
        words.key_title)


def heading(ecomap: Ecomap | None, workbook: Workbook, words: EcomapText, index: int,
            count: int) -> Content:
    """The ecomap's title, its date and its centre; which of how many."""
    if ecomap is None:
        return Content.styled(words.title, "bold")
    parts: list[tuple[str, str]] = [
        (title(ecomap, workbook, words), "bold"),
        (f"  {when(ecomap, words)}", ""),
        (f"  · {words.centres[ecomap.centre]}", "$text-muted"),
    ]
    if count > 1:
        parts.append((f"  · {index + 1} of {count}", "$text-muted"))
    return Content.assemble(*parts)


def list_line(ecomap: Ecomap, link: EcoLink, workbook: Workbook, words: EcomapText,
              selected: bool, narrow: bool, audience: Audience) -> Content:
    """The name (with its kind's mark and, on a family ecomap, whom the link starts from),
    the line's look and its quality; on the lines below, where there is room, how near,
    where round, the flow and the family's note."""
    person = workbook.person(link.person)
    mark = KIND_MARKS.get(person.kind, "")
    sample = "".join(SAMPLES[q] for q in link.qualities)
    parts: list[tuple[str, str] | str] = [
        ("▶" if selected else " ", "bold"),
        (f"{mark} " if mark else "", ""),
        (clean_name(person.name), "bold"),
    ]
    if ecomap.is_whole_family and link.between:
        parts.append((f" ({name_of(workbook, link.between)})", "$text-muted"))
    parts += [f"  {sample}{FLOW_MARKS[link.flow]} ",
              (qualities_text(link.qualities, words), "italic")]
    if link.practitioner_only and sees(audience, PRIVATE_LINKS):
        parts.append(("  ⚑ practitioner only", "bold $text-warning"))
    if narrow:
        return Content.assemble(*parts)
    # Someone in the household sits in the middle: how near and where round are not drawn.
    second = [] if is_tie(ecomap, link) else [
        f"{words.distance(link.distance)}, {link.clock} o'clock"]
    if link.flow:
        start = clean_name(start_name(ecomap, link, workbook, words))
        second.append(words.flow(link.flow, start))
    if second:
        parts.append(("\n   " + " · ".join(second), "$text-muted"))
    if link.note.strip():
        parts.append((f"\n   “{shorten(clean_name(link.note), SNIPPET)}”", "italic $text-muted"))
    return Content.assemble(*parts)


def detail(link: EcoLink, workbook: Workbook, words: EcomapText, audience: Audience) -> Content:
    """Everything recorded about the highlighted link, a line a fact."""
    person = workbook.person(link.person)
    head: list[tuple[str, str]] = [(person.name, "bold")]
    kind = short_kind(person.kind, words) if person.kind != "person" else ""
    for extra in (kind, person.relationship):
        if extra.strip():
            head.append((f" · {extra}", "$text-muted"))
    lines = [Content.assemble(*head)]
    if link.note.strip():
        lines.append(Content.assemble(("Note: ", "$text-muted"), link.note))
    if sees(audience, "EcoLink.practitioner_note") and link.practitioner_note.strip():
        lines.append(Content.assemble(("Practitioner only: ", "bold $warning"),
                                      link.practitioner_note))
    return Content("\n").join(lines)
