"""Writing a workbook out: Markdown, HTML, SVG pictures and plain text.

No Textual or Rich here. `render` first takes the workbook's view for the export's
audience (`circles_tui.core.audience`: the child view, the family copy, or full
redaction), so every writer gets the same, already safe data.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import attrs

from circles_tui.core import audience
from circles_tui.core.labels import FORMATS
from circles_tui.core.model import CIRCLE_IDS, ModelError, Workbook
from circles_tui.core.wording import Wording
FAMILY_COPY_FORMATS: tuple[str, ...] = ("markdown", "html")


class ExportError(Exception):
    """The export options do not fit together; the message says what to change."""


@attrs.frozen
class ExportOptions:
    redact: bool = False  # for people beyond the team: see core/audience.py
    child_view: bool = False  # the child's copy: see core/audience.py
    family: bool = False  # the family's copy: see core/audience.py
    circle: str | None = None  # svg only: which safety circle to draw
    tree: bool = False  # svg only: draw the Tree of Life
    genogram: bool = False  # svg only: draw the genogram
    mobility: bool = False  # svg only: draw the mobility map
    family_copy: bool = False  # html or markdown: the family's own copy of their plan
    ecomap: str | None = None  # svg only: the id of the ecomap to draw

    @property
    def audience(self) -> audience.Audience:
        """Who the export is for; redaction covers everything the other copies leave out."""
        if self.redact:
            return audience.BEYOND_TEAM
        if self.family:
            return audience.FAMILY
        return audience.CHILD if self.child_view else audience.PRACTITIONER


def check_options(format: str, options: ExportOptions) -> None:
    if format not in FORMATS:
        raise ExportError(f"there is no export format {format!r}; choose one of {', '.join(FORMATS)}.")
    pictures = sum((options.circle is not None, options.tree, options.ecomap is not None,
                    options.genogram, options.mobility))
    if format != "svg" and pictures:
        raise ExportError("--circle, --tree, --ecomap, --genogram and --mobility choose a "
                          "picture, so they only go with --format svg.")
    if options.family_copy and (format not in FAMILY_COPY_FORMATS or options.redact):
        raise ExportError("the family copy is written as --format html or markdown, without --redact.")
    if format == "svg":
        if pictures > 1:
            raise ExportError("an SVG holds one picture: choose one of --circle, --tree, "
                              "--ecomap, --genogram or --mobility.")
        if not pictures:
            raise ExportError(
                "say which picture to draw: --tree, --genogram, --mobility, --ecomap ID, or "
                f"--circle with one of {', '.join(CIRCLE_IDS)}."
            )
        if options.circle is not None and options.circle not in CIRCLE_IDS:
            raise ExportError(
                f"there is no safety circle {options.circle!r}; choose one of {', '.join(CIRCLE_IDS)}."
            )


def prepare(workbook: Workbook, content: Wording, options: ExportOptions) -> Workbook:
    """The workbook as this export's audience may see it.

    The view changes free text only, so it cannot make a valid workbook invalid; should
    that ever happen, the export says so in a sentence rather than failing with a trace."""
    try:
        return audience.view(workbook, content, options.audience)
    except ModelError as error:
        raise ExportError(
            f"this workbook could not be prepared for this copy ({error.path}); "
            "please report it, and export it without that option meanwhile."
        ) from None


def render(
    workbook: Workbook, format: str, content: Wording, options: ExportOptions | None = None
) -> str:
    """The workbook in `format` (markdown, html, svg or text), as text ready to write."""
    with collector_paused():
        return _render(workbook, format, content, options or ExportOptions())


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while an export is built.

    An export makes hundreds of thousands of small records (a document item, a table row
    for each person) that all live until the page is written and hold no cycles; the
    collector would walk the whole growing heap again and again and free nothing (a
    quarter of the time of an HTML export of 20,000 people). It runs as before afterwards,
    and is left off if it was off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _render(workbook: Workbook, format: str, content: Wording, options: ExportOptions) -> str:
    check_options(format, options)
    if options.family_copy:  # its own audience: it picks what the family may see itself
        from circles_tui.export import family_copy

        return (family_copy.page if format == "html" else family_copy.markdown)(workbook, content)
    workbook = prepare(workbook, content, options)
    content = audience.wording_for(content, options.audience)
    if format == "svg" and options.genogram:
        from circles_tui.export import genogram_svg

        return genogram_svg.standalone(workbook, content)
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
