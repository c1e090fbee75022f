"""What the circle step shows, as text: its heading and question, each list line and the
details of the selected person. No keys and no edits here; `steps/circle.py` uses these.

Everything a person typed goes in as literal text (`Content`), never as markup.
"""

from __future__ import annotations

from textual.content import Content

from circles_tui.core.audience import Audience, extras_seen, sees
from circles_tui.core.model import Person, Placement
from circles_tui.core.progress import SERVICES
from circles_tui.core.wording import CircleText, Wording
from circles_tui.widgets.rings import clean_name, shorten

SNIPPET = 48  # characters of a note shown in the list


def heading(circle: CircleText, role: str, with_purpose: bool) -> Content:
    """The circle's title; on a short screen its purpose follows on the same line."""
    parts: list[tuple[str, str]] = [(circle.title, f"bold $text-{role}")]
    if with_purpose:
        parts.append((f"  {circle.purpose}", "$text-muted"))  # one line, cut to fit
    return Content.assemble(*parts)


def question(circle: CircleText, child_words: bool, name_the_key: bool) -> Content:
    """The question to ask, in the child's or the adult's words."""
    whose, asked, other = (
        ("Child's words", circle.child_question, "Adult's words")
        if child_words
        else ("Adult's words", circle.adult_question, "Child's words")
    )
    parts = [(f"{whose}  ", "italic $text-muted"), (asked, "bold")]
    if name_the_key:
        parts.append((f"  (t: {other.lower()})", "$text-muted"))
    return Content.assemble(*parts)


def ring_heading(circle: CircleText, role: str, number: int, count: int) -> Content:
    style = f"$text-{role}"
    return Content.assemble(
        (f" {number} ", f"bold reverse {style}"),
        (f" {circle.ring_label(number)}", f"bold {style}"),
        (f"  ({count})", "$text-muted"),
    )


def list_line(circle_id: str, placement: Placement, person: Person, selected: bool,
              narrow: bool, audience: Audience) -> Content:
    """Two short lines: the name and relationship, then the note (or, in "services
    suggest", the reason). On a narrow screen only the first line, with a mark where a
    reason is missing."""
    # A pointer marks the selected person, so the cursor shows with colours off too.
    parts: list[tuple[str, str] | str] = [
        ("▶" if selected else " ", "bold"), (clean_name(person.name), "bold")]
    if person.relationship.strip():
        parts.append((f" · {clean_name(person.relationship)}", "$text-muted"))
    if narrow:
        if circle_id == SERVICES and not str(placement.extras.get("reason", "")).strip():
            parts.insert(0, ("⚠", "bold $warning"))
        return Content.assemble(*parts)
    if circle_id == SERVICES:
        # A worry's reason is the practitioner's: the audience rule may leave it out.
        reason = str(extras_seen(circle_id, placement, audience).get("reason", "")).strip()
        if reason:
            parts.append(("\n   " + shorten(clean_name(reason), SNIPPET), "italic"))
        elif not placement.extras.get("reason"):
            parts.append(("\n   ⚠ reason needed", "bold $warning"))
    elif placement.note.strip():
        note = shorten(clean_name(placement.note), SNIPPET)
        parts.append((f"\n   “{note}”", "italic $text-muted"))
    return Content.assemble(*parts)


def detail(wording: Wording, circle: CircleText, placement: Placement, person: Person,
           audience: Audience) -> Content:
    """Everything recorded about one person in this circle, a line a fact."""
    lines: list[Content] = []
    head = [(person.name, "bold")]
    for extra in (person.relationship, person.lives):
        if extra.strip():
            head.append((f" · {extra}", "$text-muted"))
    lines.append(Content.assemble(*head))
    if placement.named_by:
        named_by = wording.named_by.get(placement.named_by, placement.named_by)
        lines.append(_pair(wording.heading("who_named", "Named by"), named_by))
    if placement.note.strip():
        lines.append(_pair("Note", placement.note))
    extras = extras_seen(circle.id, placement, audience)
    for field in circle.fields:
        value = extras.get(field.id)
        if not value:
            continue
        shown = (", ".join(field.label_of(v) for v in value) if isinstance(value, tuple)
                 else field.label_of(value))
        lines.append(_pair(field.label, shown))
    if sees(audience, "Placement.practitioner_note") and placement.practitioner_note.strip():
        lines.append(_pair("Practitioner only", placement.practitioner_note, "bold $warning"))
    if sees(audience, "Person.concern") and person.concern.strip():
        lines.append(_pair("Concern (practitioner only)", person.concern, "bold $error"))
    return Content("\n").join(lines)


def _pair(label: str, value: str, label_style: str = "$text-muted") -> Content:
    return Content.assemble((f"{label}: ", label_style), value)
