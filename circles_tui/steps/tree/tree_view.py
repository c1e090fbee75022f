"""`TreeView`: the picture of the tree beside the list of what is written in one part.

Number keys 1 to 8 or the left and right arrows move between parts (the key
bindings are on `TreeStep`, which adds the editing keys). For the current part
the detail pane shows the worksheet's wording, the child's own words, the
questions asked with their answers, for the leaves the people linked, and the
practitioner's note (never in child view).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.reactive import var
from textual.widgets import OptionList, Static

from circles_tui.core.audience import GUIDANCE, sees
from circles_tui.core.edits import Operation
from circles_tui.core.edits.tree import part_of
from circles_tui.core.model import TREE_PARTS, TreePart, Workbook
from circles_tui.core.progress import part_entries
from circles_tui.core.wording import TreePartText, Wording
from circles_tui.steps.step import Step
from circles_tui.steps.tree.part_list import part_options, questions_hint, storms_not_started
from circles_tui.steps.tree.parts import PARTS
from circles_tui.widgets.tree_drawing import PartMark, TreeDrawing

MEDIUM = 72  # from this many cells across, the tree beside the detail; narrower, labels above
ROOM_FOR_COMPACT = 21  # narrower but at least this tall: a compact tree above the detail
COMPACT_HEIGHT = 11
TALL = 30  # shorter than this, the guidance is left out of the pane (the add dialog has it)


class TreeView(Step):
    """The Tree of Life and the part being worked on; moving between parts."""

    STEP_ID = "tree"

    DEFAULT_CSS = """
    TreeView #tree-layout {
        height: 1fr;
    }
    TreeView #drawing {
        width: 36;
        height: 1fr;
    }
    TreeView.-narrow #tree-layout {
        layout: vertical;
    }
    TreeView.-narrow #drawing {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
    }
    TreeView #detail {
        width: 1fr;
        height: 1fr;
    }
    TreeView #part-title {
        color: $text;
    }
    TreeView #part-prompt {
        text-style: italic;
        margin-bottom: 1;
    }
    TreeView #part-guidance {
        color: $text-muted;
        margin-bottom: 1;
    }
    TreeView #items {
        height: 1fr;
        border: round $panel-lighten-2;
        padding: 0 1;
        background: transparent;
    }
    TreeView #items:focus {
        border: round $primary;
    }
    TreeView #part-hint {
        color: $text-muted;
        height: auto;
    }
    TreeView.-short #part-guidance {
        display: none;
    }
    TreeView.-short #part-prompt {
        margin-bottom: 0;
    }
    TreeView .-hidden {
        display: none;
    }
    """

    part: var[str] = var(TREE_PARTS[0])

    def __init__(self, content: Wording, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self._select_next: str | None = None  # option id to highlight after the next show
        self._keys_pending = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="tree-layout"):
            yield TreeDrawing(id="drawing")
            with Vertical(id="detail"):
                yield Static(id="part-title")
                yield Static(id="part-prompt")
                yield Static(id="part-guidance")
                yield OptionList(id="items", markup=False)
                yield Static(id="part-hint")

    def focus(self, scroll_visible: bool = True) -> TreeView:
        """Focus goes to the list of what is written in the current part."""
        if self.is_mounted:
            self.query_one("#items", OptionList).focus(scroll_visible)
        return self

    # -- looks -------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        width = event.size.width
        self.set_class(width < MEDIUM, "-narrow")
        self.set_class(event.size.height < TALL, "-short")
        drawing = self.query_one(TreeDrawing)
        if width >= MEDIUM:
            # The picture takes a bit under half the width, more when there is room.
            drawing.styles.width = max(34, min(58, round(width * 0.45)))
            drawing.styles.height = "1fr"
        else:
            # Narrow: a compact tree above the detail when there is height, else a line of labels.
            tall = event.size.height >= ROOM_FOR_COMPACT
            drawing.styles.height = COMPACT_HEIGHT if tall else "auto"

    def make_picture(self) -> TreeDrawing | None:
        if not self.is_mounted:
            return None
        shown = self.query_one(TreeDrawing)
        picture = TreeDrawing()
        picture.art_max_width = 90  # full screen: as big as the screen allows
        picture.show(shown.marks, shown.current, shown.title_text)
        return picture

    def part_text(self, part: str | None = None) -> TreePartText:
        return self.content.tree_part(part or self.part)

    def tree_part(self, workbook: Workbook, part: str | None = None) -> TreePart | None:
        return part_of(workbook, part or self.part)

    def show(self, workbook: Workbook) -> None:
        self._show_drawing(workbook)
        self._show_detail(workbook)
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Ask the footer to look again at which keys apply, once per refresh at most."""
        if not self._keys_pending:
            self._keys_pending = True
            self.call_after_refresh(self._keys_refreshed)

    def _keys_refreshed(self) -> None:
        self._keys_pending = False
        self.refresh_bindings()

    def _show_drawing(self, workbook: Workbook) -> None:
        marks = []
        for number, part in enumerate(PARTS, 1):
            tree_part = self.tree_part(workbook, part)
            marks.append(
                PartMark(
                    part,
                    str(number),
                    self.part_text(part).title,
                    part_entries(tree_part),
                    available=tree_part is not None,
                )
            )
        title = f"{workbook.about.child}'s Tree of Life"
        self.query_one(TreeDrawing).show(marks, self.part, title)

    def _show_detail(self, workbook: Workbook) -> None:
        text = self.part_text()
        number = PARTS.index(self.part) + 1
        self.query_one("#part-title", Static).update(
            Content.assemble(
                (f"{number} ", "bold $text-accent"),
                (text.title, "bold $text-primary"),
                (" · ", "$text-muted"),
                text.meaning,
            )
        )
        self.query_one("#part-prompt", Static).update(Content(f"“{text.prompt}”"))
        guidance = self.query_one("#part-guidance", Static)
        guidance.update(Content(text.guidance))
        guidance.set_class(not (text.guidance and sees(self.audience, GUIDANCE)), "-hidden")

        items = self.query_one("#items", OptionList)
        previous = items.highlighted_option.id if items.highlighted_option else None
        previous_index = items.highlighted
        tree_part = self.tree_part(workbook)
        if tree_part is None:
            options = storms_not_started(workbook, self.content, self.audience)
        else:
            options = part_options(workbook, self.part, tree_part, self.content, self.audience)
        items.set_options(options)
        wanted = self._select_next or previous
        self._select_next = None
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        ids = [options[i].id for i in enabled]
        if wanted in ids:
            items.highlighted = items.get_option_index(wanted)
        elif ids:
            # Stay near where the cursor was (after a removal), else the first entry.
            near = [i for i in enabled if previous_index is not None and i >= previous_index]
            items.highlighted = near[0] if near and previous is not None else enabled[0]
        else:
            items.highlighted = None
        if not enabled or items.highlighted == enabled[0]:
            # Keep the first heading in view when the cursor is on the first entry.
            self.call_after_refresh(items.scroll_home, animate=False)
        self.query_one("#part-hint", Static).update(questions_hint(tree_part, text))

    # -- what the cursor is on ------------------------------------------------------------

    def highlighted_entry(self) -> tuple[str, str] | None:
        """The kind and key of the highlighted entry: ("word", "2"), ("person", "mum")..."""
        if not self.is_mounted:
            return None
        option = self.query_one("#items", OptionList).highlighted_option
        if option is None or option.disabled or option.id is None:
            return None
        kind, _, key = option.id.partition("-")
        return kind, key

    # -- sending edits up, for the keys (TreeStep) ------------------------------------------

    def _edit(self, operation: Operation, label: str, select: str | None = None) -> None:
        """Send `operation` up; `select` is the entry to highlight once it is applied."""
        self._select_next = select
        self.edit(operation, label)

    def _undo_hint(self, message: str) -> None:
        self.notify(f"{message} Ctrl+Z undoes this.", markup=False)

    def _entry(self) -> tuple[str, str, str] | None:
        """The part, kind and key of the highlighted entry, as the key found them."""
        highlighted = self.highlighted_entry()
        if highlighted is None or self.workbook is None:
            return None
        return (self.part, *highlighted)

    @on(OptionList.OptionHighlighted, "#items")
    def _highlight_moved(self) -> None:
        self._refresh_keys()

    @on(TreeDrawing.PartClicked)
    def _part_clicked(self, event: TreeDrawing.PartClicked) -> None:
        self.part = event.part

    # -- moving between parts ----------------------------------------------------------

    def watch_part(self, part: str) -> None:
        if self.workbook is not None and self.is_mounted:
            items = self.query_one("#items", OptionList)
            items.highlighted = None
            self.show(self.workbook)
            items.scroll_home(animate=False)

    def action_next_part(self) -> None:
        self.part = PARTS[min(PARTS.index(self.part) + 1, len(PARTS) - 1)]

    def action_previous_part(self) -> None:
        self.part = PARTS[max(PARTS.index(self.part) - 1, 0)]

    def action_go_to_part(self, number: int) -> None:
        if 1 <= number <= len(PARTS):
            self.part = PARTS[number - 1]
