"""The session as Markdown, for case notes.

Every piece of text from the workbook goes through `escape`, so a name like
`**x**`, `[a](b)`, `<script>` or `# h` shows literally wherever the Markdown is
rendered: Markdown's special characters get a backslash, and < > & become HTML
entities (which CommonMark turns back into the characters themselves).
"""

from __future__ import annotations

import re

from circles_tui.core.text import export_changes
from circles_tui.export.document import (
    PRIVATE,
    Document,
    Figure,
    Heading,
    Item,
    Items,
    Para,
    Table,
    clean,
)

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")
# Any character `escape` changes anywhere in a text: `_SPECIAL`, & < >, line breaks.
_CHANGES = export_changes(r"\\`*_\[\]|~&<>\n")


def escape(text: str) -> str:
    """Text that renders as itself: no emphasis, links, headings, tables or raw HTML.

    Newlines become <br>, so a note never breaks the list or table it sits in.
    """
    if _CHANGES.search(text) is None and not _START.match(text) and text == text.strip():
        return text  # one line with nothing to escape, the most common kind
    text = clean(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    lines = [line.strip() for line in text.split("\n")]
    return "<br>".join(_START.sub(_escape_start, line) for line in lines)


def _escape_start(match: re.Match) -> str:
    found = match.group(0)
    return found + "\\" if found[0].isdigit() else "\\" + found


def write(doc: Document) -> str:
    out = [f"# {escape(doc.title)}", ""]
    for section in doc.sections:
        out += [f"## {escape(section.title)}", ""]
        for block in section.blocks:
            out += _block(block)
    return "\n".join(out).rstrip() + "\n"


def _block(block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {escape(block.text)}", ""]
    if isinstance(block, Para):
        prefix = f"**{PRIVATE}:** " if block.private else ""
        return [prefix + escape(block.text), ""]
    if isinstance(block, Items):
        lines: list[str] = []
        for item in block.items:
            lines += _item(item, 0)
        return lines + [""]
    if isinstance(block, Table):
        return _table(block) + [""]
    if isinstance(block, Figure):
        return []
    raise TypeError(block)


def _item(item: Item, depth: int) -> list[str]:
    title = escape(item.title)
    if item.private and item.title == PRIVATE:
        head = f"**{PRIVATE}:**"
    elif item.private:
        head = f"**{title}** *({PRIVATE})*"
    else:
        head = f"**{title}**" if title else ""
    if head and item.text:
        bare = head.endswith(":**") or item.title.rstrip().endswith(("?", ":", "!"))
        head += (" " if bare else ": ") + escape(item.text)
    elif item.text:
        head = escape(item.text)
    lines = [f"{'  ' * depth}- {head}"]
    for child in item.children:
        lines += _item(child, depth + 1)
    return lines


def _table(table: Table) -> list[str]:
    def row(cells) -> str:
        return "| " + " | ".join(escape(c) or " " for c in cells) + " |"

    return [row(table.headers), "|" + "---|" * len(table.headers)] + [row(r) for r in table.rows]
