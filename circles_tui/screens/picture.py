"""The picture view: the current circle or the Tree of Life full screen, to look at together.

The drawing is rebuilt from the step underneath (`Step.make_picture`) whenever the workbook
or child view changes, so it never shows what the step would hide.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from circles_tui.widgets.footer import Footer
from circles_tui.steps.step import Step


class PictureScreen(Screen[None]):
    """One step's drawing, as large as the window; Escape or F5 goes back."""

    DEFAULT_CSS = """
    PictureScreen #picture-title {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    PictureScreen #picture {
        height: 1fr;
        padding: 1 2 0 2;
    }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="picture.back"),
        Binding("f5", "back", "Back", id="picture.back-f5", show=False),
    ]

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static(id="picture-title")
        yield Container(id="picture")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.app, "workbook", self._redraw_soon)
        self.watch(self.app, "child_view", self._redraw_soon)

    def _redraw_soon(self, *_: object) -> None:
        # After the workspace has passed the change to the step this picture is drawn from.
        self.call_after_refresh(self._redraw)

    async def _redraw(self) -> None:
        picture = self.step.make_picture()
        if picture is None:  # the step is gone (a different workbook): nothing to show
            self.dismiss(None)
            return
        title = Content.assemble((self.step.step_title, "bold"))
        if self.app.child_view:
            title = Content.assemble(title, ("  · child view", "$text-muted"))
        self.query_one("#picture-title", Static).update(title)
        frame = self.query_one("#picture", Container)
        await frame.remove_children()
        await frame.mount(picture)

    def action_back(self) -> None:
        self.dismiss(None)
