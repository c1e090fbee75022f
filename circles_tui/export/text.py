"""The session as plain text that pastes into any case-management system.

No markup at all: headings are underlined with = or -, lists use hyphens, and the
network table becomes one short block per person. Lines are wrapped at 80 columns.
"""

from __future__ import annotations

import textwrap

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

WIDTH = 80


def write(doc: Document) -> str:
    out = _heading(doc.title, "=")
    for section in doc.sections:
        out += _heading(section.title, "-")
        for block in section.blocks:
            out += _block(block)
    return "\n".join(out).rstrip() + "\n"


def _tidy(text: str) -> str:
    return " ".join(clean(text).split())


def _heading(text: str, rule: str) -> list[str]:
    lines = textwrap.wrap(_tidy(text), WIDTH) or [""]
    return lines + [rule * min(WIDTH, max(len(line) for line in lines)), ""]


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    """Wrap each paragraph of `text`, keeping the writer's own line breaks."""
    out: list[str] = []
    paragraphs = [p for p in clean(text).split("\n")] or [""]
    for index, paragraph in enumerate(paragraphs):
        lead = first if index == 0 else rest
        out += textwrap.wrap(
            " ".join(paragraph.split()), WIDTH, initial_indent=lead, subsequent_indent=rest,
            break_on_hyphens=False,
        ) or [lead.rstrip()]
    return out


def _block(block) -> list[str]:
    if isinstance(block, Heading):
        return _heading(block.text, "~") if block.level <= 3 else _wrap(block.text) + [""]
    if isinstance(block, Para):
        prefix = f"{PRIVATE.upper()}: " if block.private else ""
        return _wrap(prefix + block.text) + [""]
    if isinstance(block, Items):
        lines: list[str] = []
        for item in block.items:
            lines += _item(item, 0)
        return lines + [""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return []
    raise TypeError(block)


def _item_text(item: Item) -> str:
    title = _tidy(item.title)
    if item.private and item.title == PRIVATE:
        title = PRIVATE.upper()
    elif item.private:
        title = f"{title} ({PRIVATE.upper()})"
    if title and item.text:
        return f"{title} {item.text}" if title.endswith(("?", ":", "!")) else f"{title}: {item.text}"
    return title or item.text


def _item(item: Item, depth: int) -> list[str]:
    indent = "  " * depth
    lines = _wrap(_item_text(item), f"{indent}- ", f"{indent}  ")
    for child in item.children:
        lines += _item(child, depth + 1)
    return lines


def _table(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        lines += _wrap(row[0], "* ", "  ")
        for header, cell in zip(table.headers[1:], row[1:], strict=True):
            if cell:
                lines += _wrap(f"{_tidy(header)}: {cell}", "    ", "      ")
        lines.append("")
    return lines
