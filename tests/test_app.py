"""The app as a practitioner meets it: start, steps, saving, undo, conflicts, help, child view."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import OptionList

from circles_tui.core import file_format
from circles_tui.app import CirclesApp
from circles_tui.core.model import new_workbook
from circles_tui.screens.workspace import StatusBar, StepList, WorkspaceScreen

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AUTOSAVE_WAIT = 1.0  # the promise: saved within a second of a change


@pytest.fixture
def started(tmp_path) -> Path:
    path = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLES / "mia-started.toml", path)
    return path


@pytest.fixture
def complete(tmp_path) -> Path:
    path = tmp_path / "mia-complete.toml"
    shutil.copyfile(EXAMPLES / "mia-complete.toml", path)
    return path


def status_text(app: CirclesApp) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def test_start_screen_makes_a_new_workbook(tmp_path):
    target = tmp_path / "work" / "ab.toml"
    app = CirclesApp()
    async with app.run_test(size=(100, 30)) as pilot:
        assert type(app.screen).__name__ == "StartScreen"
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "NewWorkbookDialog"
        await pilot.press(*"A.B.", "enter")  # child, then on to the practitioner
        await pilot.press(*"Sam", "enter", "enter", "enter")  # date default, taking part empty
        app.screen.query_one("#path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
    workbook = file_format.read_workbook(target).workbook
    assert workbook.about.child == "A.B."
    assert workbook.about.practitioner == "Sam"
    assert len(workbook.about.session_dates) == 1
    assert os.stat(target).st_mode & 0o777 == 0o600


async def test_ctrl_s_starts_the_new_workbook_from_any_box(tmp_path):
    target = tmp_path / "jo.toml"
    app = CirclesApp(path=target)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "NewWorkbookDialog"
        await pilot.press(*"Jo", "tab", *"Sam", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
    about = file_format.read_workbook(target).workbook.about
    assert (about.child, about.practitioner) == ("Jo", "Sam")


async def test_new_workbook_needs_the_childs_name(tmp_path):
    app = CirclesApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
        assert "child's name" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"


async def test_a_path_that_does_not_exist_starts_a_new_workbook_there(tmp_path):
    target = tmp_path / "new.toml"
    app = CirclesApp(path=target)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "NewWorkbookDialog"
        assert app.screen.query_one("#path").value == str(target)
        await pilot.press(*"Jay", "enter")
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
    assert file_format.read_workbook(target).workbook.about.child == "Jay"


def notices_into(messages: list[str]) -> Callable[[Message], None]:
    """A message hook for `run_test` that keeps the text of every notification."""

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            messages.append(message.notification.message)

    return hook


async def test_a_broken_file_is_reported_and_left_alone(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('format = "circles-tui workbook"\nformat_version = 1\n[about\n')
    before = broken.read_bytes()
    app = CirclesApp(path=broken)
    messages: list[str] = []
    async with app.run_test(size=(100, 30), notifications=True,
                            message_hook=notices_into(messages)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"
        assert any("broken.toml on line 3" in m and "not valid TOML" in m for m in messages)
    assert broken.read_bytes() == before


async def test_steps_are_listed_in_order_with_progress_marks(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        steps = app.screen.query_one(StepList)
        labels = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        titles = [label[2:] for label in labels]
        circles = [c.short for c in app.content.circles]
        # The warm-up first (Who matters, the Tree of Life), before trust and worries.
        assert titles == ["About", circles[0], "Tree of Life", *circles[1:], "Supporters",
                          "Ecomap", "Family tree", "Mobility map",
                          "People", "Summary", "Invitations", "The child's voice",
                          "The family plan"]
        assert all(label[0] in "○◐●" for label in labels)
        assert labels[1].startswith("●")  # who-matters is filled in the complete example


async def test_next_previous_and_jumping_between_steps(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.current == 0
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current == 1
        assert screen.query_one("#panes").current == "step-who-matters"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.current == 0  # clamped at the first step
        await pilot.press("g")
        assert isinstance(app.focused, StepList)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert screen.query_one("#panes").current == "step-family-plan"


async def test_keys_pressed_quickly_leave_the_focus_in_the_step_on_show(complete):
    """Each step is built when first shown; one passed over at once must not take the focus."""
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*["right_square_bracket"] * 3)
        await pilot.pause()
        screen = app.screen
        assert screen.current == 3
        shown = screen.steps[3]
        assert app.focused is not None and shown in app.focused.ancestors_with_self
        assert all(not step.is_mounted or not step.display for step in screen.steps[1:3])


async def test_a_step_first_opened_in_child_view_starts_in_child_view(complete):
    """Steps are built when first shown; one built while F2 is on must hide what F2 hides."""
    from circles_tui.steps.supporters import SupporterColumn

    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        screen.show_step(1)
        await pilot.pause()
        assert screen.steps[1].child_words  # the child's wording of the question
        supporters = [step.step_title for step in screen.steps].index("Supporters")
        screen.show_step(supporters)
        await pilot.pause()
        columns = {c.kind.id: c.display for c in screen.steps[supporters].query(SupporterColumn)}
        assert columns == {"emotional": True, "practical": True, "fair-weather": True,
                           "false": False}


async def test_the_status_says_saving_until_the_autosave_lands(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.apply_edit(lambda current: _with_age(current, 9), "Changed age")
        assert "saving…" in app.save_status
        await pilot.pause(AUTOSAVE_WAIT)
        assert "saved" in app.save_status and "saving" not in app.save_status


async def test_an_edit_is_saved_within_a_second_and_can_be_undone_and_redone(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        fields = app.screen.query_one("#about-fields", OptionList)
        fields.highlighted = 2  # pronouns
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"they/them", "enter")
        await pilot.pause(AUTOSAVE_WAIT)
        assert file_format.read_workbook(started).workbook.about.pronouns == "they/them"
        assert "saved" in status_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause(AUTOSAVE_WAIT)
        assert file_format.read_workbook(started).workbook.about.pronouns == "she/her"
        await pilot.press("ctrl+y")
        await pilot.pause(AUTOSAVE_WAIT)
        assert file_format.read_workbook(started).workbook.about.pronouns == "they/them"


async def test_ctrl_s_saves_at_once(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        workbook = app.session.workbook
        app.apply_edit(lambda current: _with_age(current, 9), "Changed age")
        await pilot.press("ctrl+s")
        assert file_format.read_workbook(started).workbook.about.age == 9


async def test_ctrl_s_in_a_dialog_finishes_the_dialog(started):
    """The dialog's own Ctrl+S (Done) comes before the app's save, and saves the answer too."""
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#about-fields", OptionList).highlighted = 2  # pronouns
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert not isinstance(dialog, WorkspaceScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"they/them", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.session.workbook.about.pronouns == "they/them"
        await pilot.press("ctrl+s")
        assert file_format.read_workbook(started).workbook.about.pronouns == "they/them"


def _with_age(workbook, age):
    import attrs

    return attrs.evolve(workbook, about=attrs.evolve(workbook.about, age=age))


async def test_a_file_changed_elsewhere_asks_reload_or_save_as(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        theirs = _with_age(file_format.read_workbook(started).workbook, 10)
        started.write_text(file_format.dumps(theirs))  # another copy saved meanwhile
        app.apply_edit(lambda current: _with_age(current, 9), "Changed age")
        await pilot.pause(AUTOSAVE_WAIT)
        assert type(app.screen).__name__ == "ConflictDialog"
        assert file_format.read_workbook(started).workbook.about.age == 10  # nothing overwritten
        await pilot.press("r")
        await pilot.pause()
        assert app.session.workbook.about.age == 10
        await pilot.press("ctrl+z")  # our version is one undo away
        assert app.session.workbook.about.age == 9


async def test_save_as_moves_the_work_to_a_new_file(started, tmp_path):
    target = tmp_path / "copy.toml"
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.path == target
        assert target.read_bytes() == started.read_bytes()
        assert "copy.toml" in status_text(app)
        await pilot.press("f12")  # and Ctrl+S finishes the dialog as Enter does
        await pilot.pause()
        app.screen.query_one("#path").value = str(tmp_path / "second.toml")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.path == tmp_path / "second.toml"


async def test_child_view_hides_practitioner_notes_and_says_so(complete):
    app = CirclesApp(path=complete)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        fields = app.screen.query_one("#about-fields", OptionList)
        shown = [str(fields.get_option_at_index(i).prompt) for i in range(fields.option_count)]
        assert any(s.startswith("Practitioner note") for s in shown)
        await pilot.press("f2")
        await pilot.pause()
        shown = [str(fields.get_option_at_index(i).prompt) for i in range(fields.option_count)]
        assert not any(s.startswith("Practitioner note") for s in shown)
        assert "CHILD VIEW" in status_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert "CHILD VIEW" not in status_text(app)


async def test_help_lists_the_keys_of_the_screen_underneath(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert type(help_screen).__name__ == "HelpScreen"
        descriptions = {row[2] for row in help_screen.rows}
        assert {"Undo", "Redo", "Save", "Next step", "Previous step", "Child view", "Quit",
                "Edit"} <= descriptions
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_command_palette_offers_every_action_and_runs_it(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Next step", "Undo", "Child view", "Save as", "Edit"} <= titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next step")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.current == 1


async def test_themes_include_high_contrast(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen = set()
        for _ in range(3):
            await pilot.press("f3")
            seen.add(app.theme)
        assert {"textual-dark", "textual-light", "high-contrast"} <= seen


async def test_quit_saves_first(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.apply_edit(lambda current: _with_age(current, 11), "Changed age")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert file_format.read_workbook(started).workbook.about.age == 11


async def test_text_from_the_file_is_shown_literally(tmp_path):
    path = tmp_path / "hostile.toml"
    file_format.save_workbook(path, new_workbook("[@click=app.quit]Mia[/] [b]x[/b]"))
    app = CirclesApp(path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "[@click=app.quit]Mia[/] [b]x[/b]" in status_text(app)
        await pilot.click(StatusBar)
        await pilot.pause()
        assert app.is_running


async def test_start_screen_lists_and_clears_recent_workbooks(started):
    app = CirclesApp(path=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    app = CirclesApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#start-menu", OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert f"recent:{started.resolve()}" in ids
        await pilot.press("c")
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert not any(i and i.startswith("recent:") for i in ids)


async def test_start_screen_opens_the_example_as_a_copy():
    app = CirclesApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.session.path.name == "mia-complete.toml"
        assert app.session.path.parent != EXAMPLES


async def test_a_workbook_open_elsewhere_opens_read_only(started, tmp_path):
    from circles_tui.core import lock

    before = started.read_bytes()
    with lock.acquire(started):  # another copy has it open
        app = CirclesApp(path=started)
        messages: list[str] = []
        async with app.run_test(size=(100, 30), notifications=True,
                                message_hook=notices_into(messages)) as pilot:
            await pilot.pause()
            assert app.session.read_only
            assert "read-only" in status_text(app)
            assert any("open in another copy" in m for m in messages)
            app.apply_edit(lambda current: _with_age(current, 12), "Changed age")
            await pilot.pause(AUTOSAVE_WAIT)
            assert started.read_bytes() == before  # the other copy's file is untouched
            await pilot.press("ctrl+s")  # offers save as instead
            await pilot.pause()
            assert type(app.screen).__name__ == "SaveAsDialog"
            app.screen.query_one("#path").value = str(tmp_path / "mine.toml")
            await pilot.press("enter")
            await pilot.pause()
            assert not app.session.read_only
    assert file_format.read_workbook(tmp_path / "mine.toml").workbook.about.age == 12


async def test_quitting_a_read_only_workbook_with_changes_asks_first(started):
    from circles_tui.core import lock

    with lock.acquire(started):
        app = CirclesApp(path=started)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.apply_edit(lambda current: _with_age(current, 12), "Changed age")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmDialog"
            await pilot.press("escape")  # changed my mind
            await pilot.pause()
            assert app.is_running
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
        assert app.return_code == 0
