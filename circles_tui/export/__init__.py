"""Writing a workbook out: Markdown, HTML, SVG pictures and plain text.

No Textual or Rich here. `render` prepares the workbook first (the child view, or
full redaction: see `redact.py`), so every writer gets the same, already safe data.
"""

from __future__ import annotations

import attrs

from circles_tui.core.wording import Wording
from circles_tui.core.model import CIRCLE_IDS, Workbook

FORMATS: tuple[str, ...] = ("markdown", "html", "svg", "text")
FAMILY_COPY_FORMATS: tuple[str, ...] = ("markdown", "html")


class ExportError(Exception):
    """The export options do not fit together; the message says what to change."""


@attrs.frozen
class ExportOptions:
    redact: bool = False  # pseudonyms; no contacts, practitioner notes or concerns
    child_view: bool = False  # no practitioner-only notes, concerns or false supporters
    circle: str | None = None  # svg only: which safety circle to draw
    tree: bool = False  # svg only: draw the Tree of Life
    family_copy: bool = False  # html or markdown: the family's own copy of their plan


def check_options(format: str, options: ExportOptions) -> None:
    if format not in FORMATS:
        raise ExportError(f"there is no export format {format!r}; choose one of {', '.join(FORMATS)}.")
    if format != "svg" and (options.circle is not None or options.tree):
        raise ExportError("--circle and --tree choose a picture, so they only go with --format svg.")
    if options.family_copy and (format not in FAMILY_COPY_FORMATS or options.redact):
        raise ExportError("the family copy is written as --format html or markdown, without --redact.")
    if format == "svg":
        if options.circle is not None and options.tree:
            raise ExportError("an SVG holds one picture: choose --circle or --tree, not both.")
        if options.circle is None and not options.tree:
            raise ExportError(
                f"say which picture to draw: --tree, or --circle with one of {', '.join(CIRCLE_IDS)}."
            )
        if options.circle is not None and options.circle not in CIRCLE_IDS:
            raise ExportError(
                f"there is no safety circle {options.circle!r}; choose one of {', '.join(CIRCLE_IDS)}."
            )


def prepare(workbook: Workbook, options: ExportOptions) -> Workbook:
    """The workbook as this export may show it."""
    from circles_tui.export import redact

    if options.redact:
        workbook = redact.redact(workbook)
    if options.child_view:
        workbook = redact.for_child_view(workbook)
    return workbook


def render(
    workbook: Workbook, format: str, content: Wording, options: ExportOptions | None = None
) -> str:
    """The workbook in `format` (markdown, html, svg or text), as text ready to write."""
    options = options or ExportOptions()
    check_options(format, options)
    if options.family_copy:  # its own audience: it picks what the family may see itself
        from circles_tui.export import family_copy

        return (family_copy.page if format == "html" else family_copy.markdown)(workbook, content)
    workbook = prepare(workbook, options)
    if format == "svg":
        from circles_tui.export import svg

        return svg.standalone(workbook, content, options)
    from circles_tui.export import document

    doc = document.build(workbook, content, options)
    if format == "markdown":
        from circles_tui.export import markdown

        return markdown.write(doc)
    if format == "text":
        from circles_tui.export import text

        return text.write(doc)
    from circles_tui.export import html

    return html.write(doc, workbook, content)
