"""Text that came from a person or a file, made safe to keep, draw, export or quote.

The one place for control characters and one-line display; no Textual or Rich here.
The rules, each used where the text goes:

- `control_character`: a file holding a terminal control character is refused
  (the reader names the line);
- `without_controls`: text typed or pasted into the app keeps its place, each
  control character shown as U+FFFD (the model's converter);
- `display_line`: one line for a drawing or a list (names in the rings);
- `for_export`: text for a document (Markdown, HTML, SVG, plain text);
- `for_markup`: the same, escaped for HTML or XML (quotes too);
- `quoted_line`: a file name or key inside an error message, always one line;
- `has_visible_character`: whether a name can be seen at all.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters a terminal takes as commands (ESC starts one that can retitle the window or
# clear the screen), C1 included. Tab, line feed and carriage return are ordinary text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# What a document cannot hold: the terminal's commands, the characters XML forbids, and the
# Unicode line and paragraph separators (which some viewers break on and others do not).
# Carriage return is among them: `for_export` turns it into a line feed.
_NOT_FOR_EXPORT_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff"
_NOT_FOR_EXPORT = re.compile(f"[{_NOT_FOR_EXPORT_CLASS}]")

# Letters that draw as blank space although Unicode counts them as letters or symbols.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Categories that show nothing on their own: controls, format characters (U+200B, U+FEFF),
# separators, and combining marks with nothing to combine with. (Characters newer than
# Python's Unicode tables, and private ones, are drawn as something, so they count.)
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})
_BREAKING = frozenset({"Cc", "Cf", "Zl", "Zp"})


def control_character(text: str) -> str | None:
    """The first terminal control character in `text`, or None."""
    found = CONTROL_CHARACTERS.search(text)
    return found.group() if found else None


def without_controls(text: str) -> str:
    """`text` with each terminal control character shown as U+FFFD, so text that was
    there stays there, visibly."""
    if CONTROL_CHARACTERS.search(text):
        return CONTROL_CHARACTERS.sub("\ufffd", text)
    return text


def display_line(text: str, empty: str = "?") -> str:
    """`text` as one line to draw: controls, format characters and line breaks become
    spaces, runs of space one space; `empty` when nothing is left."""
    chars = (" " if unicodedata.category(c) in _BREAKING else c for c in text)
    return " ".join("".join(chars).split()) or empty


def for_export(text: str) -> str:
    """`text` for a document: line breaks as `\\n`, tabs kept, what a document cannot
    hold dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_FOR_EXPORT.sub("", text)


def export_changes(also: str = "") -> re.Pattern[str]:
    """A pattern finding any character `for_export` would change, or any of `also` (a
    regular-expression character class body): text it does not find passes unchanged,
    so a writer can skip its escaping (a document of 20,000 people is mostly such text)."""
    return re.compile(f"[{_NOT_FOR_EXPORT_CLASS}{also}]")


_MARKUP_CHANGES = export_changes("&<>\"'")


def for_markup(text: str) -> str:
    """`text` for HTML or XML, in an element or a quoted attribute: `for_export`, then
    & < > " ' as character references."""
    if _MARKUP_CHANGES.search(text) is None:
        return text
    return html.escape(for_export(text), quote=True)


def quoted_line(text: str) -> str:
    """`text` (a file name, a key) for a one-line message: anything unprintable, line
    breaks included, as its escape (`\\n`, `\\x1b`, `\\u2028`)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def has_visible_character(text: str) -> bool:
    """Whether `text` shows anything: "Jo" does, U+200B or U+FEFF alone do not."""
    return any(
        c not in _BLANK_LOOKING and unicodedata.category(c) not in _INVISIBLE for c in text
    )
