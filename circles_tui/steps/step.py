"""The contract between the workspace and each of its steps.

Data down, messages up: the workspace sets `workbook` (and `child_view`) on a
step; the step never changes the workbook itself but posts `Step.Edited` with
an operation from `core.edits` and a short description; the session applies the
operation to the workbook current when it arrives, records it for undo and saves. A step shows text from people and files literally, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from circles_tui.core.audience import Audience, audience_of, wording_for
from circles_tui.core.wording import Wording
from circles_tui.core.edits import Operation
from circles_tui.core.model import Workbook
from circles_tui.core.progress import Progress
from circles_tui.core.step_index import step_progress, step_title
from circles_tui.steps.step_questions import ASK, AsksQuestions

# The key for a step with a drawing (a circle, the tree): the drawing full screen, to look at
# together. Listed first in those steps' BINDINGS so the footer names it on a small screen.
PICTURE = Binding("f5", "picture", "Picture", id="picture")


class Step(AsksQuestions, Vertical, can_focus=False):
    """One step of the guided session, shown beside the step list.

    Every step asks Appreciative Inquiry questions with the same key and lists the answers
    at its foot (steps/step_questions.py); a step queries its own lists by id."""

    DEFAULT_CSS = """
    Step {
        height: 1fr;
        width: 1fr;
        padding: 0 1;
    }
    """

    BINDINGS = [ASK]

    # The step's id in the wording's `[steps] order` (its widget id is "step-" and this):
    # its name and mark come from core/step_index.py. A circle step (one class, five
    # circles) answers for itself.
    STEP_ID: ClassVar[str] = ""

    workbook: var[Workbook | None] = var(None, always_update=True)
    child_view: var[bool] = var(False)

    class Edited(Message):
        """A step asks for an edit (an operation from `core.edits`) to be applied."""

        def __init__(self, operation: Operation, label: str) -> None:
            super().__init__()
            self.operation = operation
            self.label = label

    def __init__(self, content: Wording, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.wording = content  # as the practitioner reads it; `content` is what is on screen

    @property
    def audience(self) -> Audience:
        """Who is looking: the child while child view (F2) is on (see core/audience.py)."""
        return audience_of(self.child_view)

    @property
    def content(self) -> Wording:
        """The wording on screen: the child's words while child view is on."""
        return wording_for(self.wording, self.audience)

    @property
    def step_title(self) -> str:
        return step_title(self.STEP_ID, self.wording, self.audience)

    def edit(self, operation: Operation, label: str) -> None:
        """Ask for `operation` to be applied, described as `label` in undo messages."""
        self.post_message(self.Edited(operation, label))

    def watch_workbook(self, workbook: Workbook | None) -> None:
        if workbook is not None and self.is_mounted:
            self._show_all(workbook)

    def watch_child_view(self, child_view: bool) -> None:
        if self.workbook is not None and self.is_mounted:
            self._show_all(self.workbook)

    def on_mount(self) -> None:
        self.mount_answered_questions()
        if self.workbook is not None:
            self._show_all(self.workbook)

    def _show_all(self, workbook: Workbook) -> None:
        self.show(workbook)
        self.show_answered_questions(workbook)

    def show(self, workbook: Workbook) -> None:
        """Bring the widgets up to date with `workbook` (and `self.child_view`)."""
        raise NotImplementedError

    def make_picture(self) -> Widget | None:
        """A new drawing of what this step shows now, for the picture view (None: no drawing).

        Built from what is on screen, so child view hides in the picture what it hides here."""
        return None

    def action_picture(self) -> None:
        from circles_tui.screens.picture import PictureScreen

        if self.make_picture() is not None:
            self.app.push_screen(PictureScreen(self))

    def progress(self, workbook: Workbook) -> Progress:
        """How far this step has got, for the marks in the step list."""
        return step_progress(self.STEP_ID, workbook)


def update_text(static: Static, text: object) -> None:
    """Give `static` new text only if it differs: each update makes Textual lay out the
    whole screen again, and most redraws after an edit leave headings as they were."""
    if static.content != text:
        static.update(text)
