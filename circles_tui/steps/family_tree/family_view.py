"""`FamilyTreeView`: the child's family tree drawn, and beside it (below it on a narrow
screen) the highlighted person: who they are, how they are linked, and the cultural
genogram's notes about them in the family's words.

The editing keys are on `FamilyTreeStep`. What each audience sees is asked of
`core.audience`: in child view the practitioner's notes are left out here and in the
picture view (F5), which is drawn from this step.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import Static

from circles_tui.core.audience import sees
from circles_tui.core.family import CHILD
from circles_tui.core.family_tree import blank_label
from circles_tui.core.model import Workbook
from circles_tui.steps.family_tree.picture import (
    FamilyPicture, family_picture, first_capital, person_status,
)
from circles_tui.steps.family_tree.words import (
    BLANK_HINT, NO_HERITAGE, THE_CHILD, TREE_TITLE, FamilyTreeWords, family_tree_words,
)
from circles_tui.steps.step import Step, update_text
from circles_tui.widgets.family_drawing import FamilyDrawing
from circles_tui.widgets.family_layout import SIZES

WIDE = 140  # from this many cells across, the person's details sit beside the tree
TALL = 24  # shorter than this, the drawing goes without its frame and the title line


class FamilyTreeView(Step):
    """The family tree and the highlighted person's details."""

    STEP_ID = "family-tree"

    DEFAULT_CSS = """
    FamilyTreeView #family-title {
        height: auto;
        max-height: 3;
    }
    FamilyTreeView #family-layout {
        height: 1fr;
    }
    FamilyTreeView #family-drawing {
        border: round $panel-lighten-2;
    }
    FamilyTreeView #family-drawing:focus {
        border: round $primary;
    }
    FamilyTreeView #family-side {
        width: 38;
        height: 1fr;
        padding: 0 1;
    }
    FamilyTreeView.-narrow #family-layout {
        layout: vertical;
    }
    FamilyTreeView.-narrow #family-side {
        width: 1fr;
        height: auto;
        max-height: 10;
    }
    FamilyTreeView.-narrow.-short #family-side {
        max-height: 4;
    }
    FamilyTreeView.-short #family-drawing {
        border: none;
    }
    FamilyTreeView.-short #family-title {
        display: none;
    }
    FamilyTreeView #person-detail {
        height: auto;
    }
    FamilyTreeView #heritage {
        height: auto;
        margin-top: 1;
    }
    FamilyTreeView.-narrow #heritage {
        margin-top: 0;
    }
    """

    def __init__(self, content, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.shown: FamilyPicture | None = None
        self._select_next: str | None = None  # the card to highlight once an edit comes back

    @property
    def words(self) -> FamilyTreeWords:
        """The family tree's words as the person looking reads them (child view: the child's)."""
        return family_tree_words(self.content)

    def compose(self) -> ComposeResult:
        yield Static(id="family-title")
        with Horizontal(id="family-layout"):
            yield FamilyDrawing(id="family-drawing")
            with VerticalScroll(id="family-side", can_focus=False):
                yield Static(id="person-detail")
                yield Static(id="heritage")

    def focus(self, scroll_visible: bool = True) -> FamilyTreeView:
        if self.is_mounted:
            self.query_one(FamilyDrawing).focus(scroll_visible)
        return self

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE, "-narrow")
        self.set_class(event.size.height < TALL, "-short")

    # -- data down ---------------------------------------------------------------------

    def show(self, workbook: Workbook) -> None:
        self.shown = family_picture(workbook, self.words.tree)
        drawing = self.query_one(FamilyDrawing)
        wanted = self._select_next or drawing.current or CHILD
        self._select_next = None
        drawing.show(self.shown.root, self.shown.children, wanted)
        update_text(self.query_one("#family-title", Static), Content.assemble(
            (TREE_TITLE.format(child=workbook.about.child, title=self.words.title),
             "bold $text-primary"),
            ("  ", ""), (self.words.prompt, "italic $text-muted")))
        self._describe()

    def make_picture(self) -> FamilyDrawing | None:
        if not self.is_mounted or self.shown is None:
            return None
        picture = FamilyDrawing(sizes=SIZES)
        current = self.query_one(FamilyDrawing).current
        picture.show(self.shown.root, self.shown.children, current)
        return picture

    # -- the highlighted card ----------------------------------------------------------

    def highlighted(self) -> str:
        """The key of the highlighted card: a person's id, CHILD, or a blank's key."""
        return self.query_one(FamilyDrawing).current if self.is_mounted else ""

    def highlighted_person(self) -> str | None:
        """The highlighted person's id, or CHILD; None on a blank."""
        key = self.highlighted()
        if not key or (self.shown is not None and key in self.shown.blanks):
            return None
        return key

    @on(FamilyDrawing.Highlighted)
    def _moved(self) -> None:
        self._describe()
        self.refresh_bindings()

    def _describe(self) -> None:
        workbook = self.workbook
        if workbook is None or self.shown is None:
            return
        key = self.highlighted()
        detail = self.query_one("#person-detail", Static)
        if key in self.shown.blanks:
            slot = self.shown.blanks[key]
            detail.update(Content.assemble(
                (first_capital(blank_label(workbook, slot, self.words.tree.blanks)), "bold"), "\n",
                (BLANK_HINT.format(circle=self.content.circle("who-could-help").short),
                 "$text-muted")))
        else:
            detail.update(self._person_detail(workbook, key))
        self.query_one("#heritage", Static).update(self._heritage(workbook, key))

    def _person_detail(self, workbook: Workbook, key: str) -> Content:
        if key == CHILD or not key:
            return Content.assemble((workbook.about.child, "bold"), " ",
                                    (THE_CHILD, "$text-muted"))
        person = workbook.person(key)
        parts: list[str | tuple[str, str]] = [(person.name, "bold")]
        said = [person.relationship, self.words.kinds.get(self.shown.kinds.get(key, ""), "")]
        said = [s for s in dict.fromkeys(said) if s]
        if said:
            parts.append(f" ({', '.join(said)})")
        facts = [*person_status(person, self.words.tree), person.lives]
        facts = [f for f in facts if f]
        if facts:
            parts += ["\n", " · ".join(facts)]
        if person.note:
            parts += ["\n", (f"“{person.note}”", "italic")]
        notes = [link.practitioner_note for link in workbook.family.links_of(key)
                 if link.practitioner_note]
        if not sees(self.audience, "FamilyLink.practitioner_note"):
            notes = []
        if sees(self.audience, "Person.practitioner_note") and person.practitioner_note:
            notes.insert(0, person.practitioner_note)
        for note in notes:
            parts += ["\n", ("Practitioner only: ", "bold $text-warning"), note]
        return Content.assemble(*parts)

    def _heritage(self, workbook: Workbook, key: str) -> Content:
        person = key or CHILD  # the child's card may have no key of its own
        notes = [n for n in workbook.family.heritage if n.person == person]
        if not notes:
            return Content("") if key in self.shown.blanks else Content.styled(
                NO_HERITAGE, "$text-muted")
        parts: list[str | tuple[str, str]] = [(self.words.heritage_title, "bold $text-accent")]
        private = sees(self.audience, "HeritageNote.practitioner_note")
        for note in notes:
            parts += ["\n", (f"{self.words.aspects.get(note.aspect, note.aspect)}: ", "bold"),
                      note.words]
            if private and note.practitioner_note:
                parts += ["\n  ", ("Practitioner only: ", "$text-warning"), note.practitioner_note]
        return Content.assemble(*parts)
