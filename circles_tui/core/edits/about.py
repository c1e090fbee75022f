"""Edits to the About page: who the workbook is about, who is taking part, and when.

What is typed arrives as text; `set_from_text` turns it into the field's value (a whole
number for the age, dates one a line, names one a line) and refuses text that is not one,
with a sentence saying how to write it.
"""

from __future__ import annotations

from datetime import date

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.model import About, ModelError, Workbook

# How typed text becomes each field's value; fields not listed are one line of text.
TEXT_KINDS = {
    "age": "age",
    "session_dates": "dates",
    "taking_part": "lines",
    "practitioner_note": "note",
}


def parse_text(field: str, text: str) -> object:
    """Turn what was typed into the About value, or raise EditRefused with a plain sentence."""
    kind = TEXT_KINDS.get(field, "text")
    if kind == "age":
        text = text.strip()
        if not text:
            return None
        if not text.isdigit():
            raise EditRefused("The age should be a whole number of years, like 8.")
        return int(text)
    if kind == "dates":
        dates = []
        for line in text.replace(",", "\n").splitlines():
            if line.strip():
                try:
                    dates.append(date.fromisoformat(line.strip()))
                except ValueError:
                    raise EditRefused(
                        f"'{line.strip()}' is not a date; write dates like 2026-11-22."
                    ) from None
        return tuple(dates)
    if kind == "lines":
        return tuple(line.strip() for line in text.splitlines() if line.strip())
    if kind == "note":
        return text
    return text.strip()


# -- operations (workbook last) --------------------------------------------------------


def set_field(field: str, value: object, workbook: Workbook) -> Workbook:
    """Give one About field a new value; a value the workbook's rules refuse changes nothing."""
    if field not in attrs.fields_dict(About):
        raise EditRefused("The About page has no such field, so nothing changed.")
    if getattr(workbook.about, field) == value:
        return workbook
    try:
        return attrs.evolve(workbook, about=attrs.evolve(workbook.about, **{field: value}))
    except ModelError as error:
        raise EditRefused(error.message[:1].upper() + error.message[1:] + ".") from None


def set_from_text(field: str, text: str, workbook: Workbook) -> Workbook:
    """Set an About field from what was typed for it."""
    return set_field(field, parse_text(field, text), workbook)


def toggle_false_supporters_shared(workbook: Workbook) -> Workbook:
    """Switch whether the young person agreed to share their false supporters."""
    return set_field("share_false_supporters",
                     not workbook.about.share_false_supporters, workbook)


def add_session_date(day: date, workbook: Workbook) -> Workbook:
    """Add a session date; nothing to do if it is there already."""
    dates = workbook.about.session_dates
    if day in dates:
        return workbook
    return set_field("session_dates", dates + (day,), workbook)
