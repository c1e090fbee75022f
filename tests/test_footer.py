"""The footer: one line naming the keys that work now, whole keys only, a click presses one."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from circles_tui.widgets.footer import Footer


class KeysApp(App[None]):
    BINDINGS = [
        Binding("a", "add", "Add someone"),
        Binding("e", "edit", "Edit"),
        Binding("x", "remove", "Remove"),
        Binding("h", "hidden", "Not shown", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []
        self.can_remove = False

    def compose(self) -> ComposeResult:
        yield Input(id="name")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return True if self.can_remove else None  # shown, but greyed out
        return True

    def action_add(self) -> None:
        self.done.append("add")

    def action_edit(self) -> None:
        self.done.append("edit")

    def action_remove(self) -> None:
        self.done.append("remove")


async def test_the_footer_names_each_shown_key_with_the_palette_on_the_right():
    app = KeysApp()
    async with app.run_test(size=(80, 10)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        line = app.query_one(Footer).render().plain
        assert line.startswith(" a Add someone  e Edit  x Remove ")
        assert "Not shown" not in line
        assert line.rstrip().endswith("^p palette") and len(line) == 80


async def test_keys_that_do_not_fit_are_left_out_whole():
    app = KeysApp()
    async with app.run_test(size=(40, 10)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        line = app.query_one(Footer).render().plain
        assert " a Add someone  e Edit " in line
        assert "Remove" not in line and " x " not in line  # no half key
        assert len(line) == 40


async def test_a_click_on_a_key_presses_it_and_a_greyed_key_only_rings():
    app = KeysApp()
    rang = []
    app.bell = lambda: rang.append(True)
    async with app.run_test(size=(80, 10)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        await pilot.click(Footer, offset=(17, 0))  # " e Edit "
        await pilot.pause()
        assert app.done == ["edit"]
        await pilot.click(Footer, offset=(26, 0))  # " x Remove ", greyed out
        await pilot.pause()
        assert app.done == ["edit"] and rang == [True]
        app.can_remove = True
        app.refresh_bindings()
        await pilot.pause()
        await pilot.click(Footer, offset=(26, 0))
        await pilot.pause()
        assert app.done == ["edit", "remove"]


async def test_the_footer_follows_the_keys_as_focus_moves():
    app = KeysApp()
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        with_input = footer.render().plain
        app.set_focus(None)
        await pilot.pause()
        without = footer.render().plain
        assert with_input != without  # the Input's own keys came and went
