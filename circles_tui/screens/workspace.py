"""The workspace: the step list always in view, and the current step beside it.

It watches the app's `workbook`, `child_view` and `save_status` and passes them down to
the step on screen, the step list's marks and the status bar. Edits do not stop here:
a step's `Step.Edited` bubbles on up to the app.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.events import Resize
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.widgets.footer import Footer
from circles_tui.core.audience import audience_of
from circles_tui.core.model import Workbook
from circles_tui.core.step_index import step_progress, step_title
from circles_tui.screens.steps_on_demand import StepsOnDemand, build_step
from circles_tui.steps.step import Progress, Step, update_text

PROGRESS_MARKS: dict[Progress, str] = {"empty": "○", "started": "◐", "done": "●"}


class StepList(OptionList):
    """The list of steps, each marked empty, started or done."""

    DEFAULT_CSS = """
    StepList {
        width: 24;
        height: 1fr;
        border: round $primary 50%;
        border-title-color: $text-muted;
    }
    StepList:focus {
        border: round $primary;
    }
    """


class StepIndicator(Static):
    """The step list folded into one line, for narrow screens: "Step 3 of 14 · Who I'd go to ◐"."""

    DEFAULT_CSS = """
    StepIndicator {
        height: 1;
        padding: 0 1;
        background: $boost;
        display: none;
    }
    """


class StatusBar(Static):
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """


TOGGLE_STEP_LIST = Binding("f4", "toggle_step_list", "Step list", id="toggle-step-list")


class WorkspaceScreen(Screen):
    """Where the session happens."""

    BINDINGS = [
        Binding("right_square_bracket", "next_step", "Next step", id="next-step"),
        Binding("left_square_bracket", "previous_step", "Previous step", id="previous-step"),
        Binding("g", "go_to_steps", "Steps", id="go-to-steps", show=False),
        TOGGLE_STEP_LIST,
    ]

    # Narrower than this, the step list folds into a one-line indicator unless F4 says otherwise.
    FOLD_BELOW = 100

    def __init__(self) -> None:
        super().__init__()
        # Each step is built the first time it is wanted (see steps_on_demand.py).
        self.steps = StepsOnDemand(self.app.content.step_order, self._build_step)
        self.current = 0
        # None: the step list follows the width; True/False: the practitioner chose with F4.
        self.step_list_choice: bool | None = None
        self._peeking = False  # the list is open for one choice (g while folded)
        self._step_labels: tuple[Content, ...] = ()  # what the step list shows

    def _build_step(self, step_id: str) -> Step:
        step = build_step(step_id, self.app.content, self.app.preferences.child_words)
        step.child_view = self.app.child_view
        return step

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield StepIndicator(id="step-indicator")
        with Horizontal(id="workspace"):
            step_list = StepList(id="steps")
            step_list.border_title = "Steps"
            yield step_list
            # Only the first step is built now; each of the others is mounted the first
            # time it is shown (see show_step), which keeps start-up and restyling light.
            with ContentSwitcher(initial=self.steps[0].id, id="panes"):
                yield self.steps[0]
        yield Footer(show_command_palette=False)

    def on_resize(self, event: Resize) -> None:
        self._fold_step_list()

    def on_mount(self) -> None:
        self.watch(self.app, "save_status", self._show_status)
        self.watch(self.app, "child_view", self._show_child_view)
        self._fill_step_list()
        self.show_step(0)
        # After the first step is shown: each change of workbook from here on.
        self.watch(self.app, "workbook", self._show_workbook, init=False)

    # -- data down ---------------------------------------------------------------------

    def _show_workbook(self, workbook: Workbook | None) -> None:
        """Push the workbook into the step on screen and refresh the marks."""
        if workbook is None:
            return
        self.steps[self.current].workbook = workbook
        self._fill_step_list()
        self._show_status()

    def _show_child_view(self, child_view: bool) -> None:
        for step in self.steps.built():
            step.child_view = child_view
        if self.is_mounted:
            self._fill_step_list()  # step names in the child's words, or back
        self._show_status()

    def _show_status(self, *_: object) -> None:
        try:
            status = self.query_one(StatusBar)
        except NoMatches:  # not composed yet
            return
        workbook = self.app.workbook
        about = workbook.about if workbook is not None else None
        parts = []
        if about is not None:
            parts.append(about.child + (f" ({about.age})" if about.age is not None else ""))
        if self.app.save_status:
            parts.append(self.app.save_status)
        if self.app.child_view:
            parts.append("CHILD VIEW: practitioner notes hidden (F2)")
        status.update(Content(" · ".join(parts)), layout=False)  # always one line high

    def _fill_step_list(self) -> None:
        step_list = self.query_one(StepList)
        labels = tuple(Content.assemble(f"{PROGRESS_MARKS[self._progress(step_id)]} ",
                                        self._title(step_id)) for step_id in self.steps.ids)
        # Most edits leave every mark as it was: then the list is not redrawn at all.
        if labels != self._step_labels:
            self._step_labels = labels
            highlighted = step_list.highlighted
            step_list.set_options(Option(label, id=f"step-{step_id}")
                                  for label, step_id in zip(labels, self.steps.ids))
            step_list.highlighted = self.current if highlighted is None else highlighted
        self._show_indicator()

    # -- the step list, open or folded -------------------------------------------------------

    @property
    def step_list_folded(self) -> bool:
        if self._peeking:
            return False
        if self.step_list_choice is not None:
            return not self.step_list_choice
        return self.size.width < self.FOLD_BELOW

    def _fold_step_list(self) -> None:
        folded = self.step_list_folded
        self.query_one(StepList).display = not folded
        self.query_one(StepIndicator).display = folded

    def _title(self, step_id: str) -> str:
        """A step's name in the step list, built or not, in the words of whoever looks."""
        return step_title(step_id, self.app.content, audience_of(self.app.child_view))

    def _progress(self, step_id: str) -> Progress:
        return step_progress(step_id, self.app.workbook)

    def _show_indicator(self) -> None:
        step_id = self.steps.ids[self.current]
        mark = PROGRESS_MARKS[self._progress(step_id)]
        key = self.app.get_key_display(TOGGLE_STEP_LIST)
        update_text(self.query_one(StepIndicator), Content.assemble(
            (f"Step {self.current + 1} of {len(self.steps)} · ", "$text-muted"),
            (self._title(step_id), "bold"), (f" {mark}", ""),
            (f"   {key.upper()}: step list", "$text-muted")))

    def action_toggle_step_list(self) -> None:
        self._peeking = False
        self.step_list_choice = self.step_list_folded
        self._fold_step_list()

    # -- moving between steps -------------------------------------------------------------

    def show_step(self, index: int, focus: bool = True) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        self.current = index
        step = self.steps[index]
        step.workbook = self.app.workbook
        switcher = self.query_one(ContentSwitcher)
        mounting = None if step.parent is not None else switcher.mount(step)
        switcher.current = step.id
        step_list = self.query_one(StepList)
        if step_list.highlighted != index:
            step_list.highlighted = index
        self._show_indicator()
        if focus:
            self.app.hold_keys(step)  # keys typed on wait until the step has focus
        if focus and mounting is None:
            self.call_after_refresh(self._focus_step, step)
        elif focus:
            async def focus_once_mounted() -> None:
                await mounting
                self.call_after_refresh(self._focus_step, step)

            self.call_later(focus_once_mounted)

    def _focus_step(self, step: Step) -> None:
        if step is not self.steps[self.current]:  # moved on before this step was ready
            self.app.release_keys(step)
            return
        target = _first_focusable(step)
        if target is not None:
            self.set_focus(target)  # at once: the keys held meanwhile go to it
        self.app.release_keys(step)

    def action_next_step(self) -> None:
        self.show_step(self.current + 1)

    def action_previous_step(self) -> None:
        self.show_step(self.current - 1)

    def action_go_to_steps(self) -> None:
        if self.step_list_folded:
            self._peeking = True  # open for this one choice; folded again once chosen
            self._fold_step_list()
        self.query_one(StepList).focus()

    @on(OptionList.OptionHighlighted, "#steps")
    def _step_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.current:
            self.show_step(event.option_index, focus=False)

    @on(OptionList.OptionSelected, "#steps")
    def _step_selected(self, event: OptionList.OptionSelected) -> None:
        if self._peeking:
            self._peeking = False
            self._fold_step_list()
        self.show_step(event.option_index)


def _first_focusable(widget: Widget) -> Widget | None:
    for child in widget.query("*"):
        if child.focusable:
            return child
    return None
