"""A tiny app that hosts one workspace step, so a step can be tested on its own."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from circles_tui.widgets.footer import Footer

from circles_tui.core.wording import bundled
from circles_tui.core.edits import EditRefused
from circles_tui.core.model import Workbook
from circles_tui.steps.step import Step
from circles_tui.core.session import Session
from circles_tui.type_ahead import TypeAhead


class StepHarness(TypeAhead, App):
    """Hosts `step`, applies its edits to a Session and pushes the result back down."""

    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo"),
        Binding("f2", "toggle_child_view", "Child view"),
    ]

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from circles_tui.widgets.circle_colours import circle_colour_variables

        return circle_colour_variables(self.current_theme)  # as the app gives its steps

    def __init__(self, step: Step, workbook: Workbook) -> None:
        super().__init__()
        self.step = step
        self.session = Session(workbook)
        self.labels: list[str] = []
        self.notices: list[str] = []  # every notification's text, in order
        self.workbook_path = None  # as CirclesApp has, for steps that save beside the workbook

    def compose(self) -> ComposeResult:
        yield self.step
        yield Footer()

    def on_mount(self) -> None:
        self.step.workbook = self.session.workbook
        self.step.focus()

    def notify(self, message, *args, **kwargs) -> None:
        self.notices.append(str(message))
        super().notify(message, *args, **kwargs)

    def on_step_edited(self, event: Step.Edited) -> None:
        try:
            changed = self.session.apply(event.operation, event.label)
        except EditRefused as refused:
            self.notify(str(refused), severity="warning", markup=False)
            changed = False
        if changed:
            self.labels.append(event.label)
        self.step.workbook = self.session.workbook

    def action_undo(self) -> None:
        self.session.undo()
        self.step.workbook = self.session.workbook

    def action_redo(self) -> None:
        self.session.redo()
        self.step.workbook = self.session.workbook

    def action_toggle_child_view(self) -> None:
        self.step.child_view = not self.step.child_view


def content():
    return bundled()
