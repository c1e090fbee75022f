"""Preferences: remembered between runs, owner-only, in the user's config folder (the test's
own, from conftest), never stopping the work when the file is odd or cannot be written."""

from __future__ import annotations

import shutil
import stat

from textual.widgets import Static

from circles_tui.app import CirclesApp
from circles_tui.core.preferences import (
    Preferences,
    load_preferences,
    preferences_file,
    save_preferences,
)
from tests.conftest import EXAMPLES


def test_the_file_is_in_the_test_home_and_owner_only(private_home):
    assert str(preferences_file()).startswith(str(private_home))
    save_preferences(Preferences(theme="textual-light", child_words=True))
    assert stat.S_IMODE(preferences_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(preferences_file().parent.stat().st_mode) == 0o700
    assert load_preferences() == Preferences(theme="textual-light", child_words=True)


def test_a_missing_or_odd_file_gives_the_defaults():
    assert load_preferences() == Preferences()
    preferences_file().parent.mkdir(parents=True)
    for text in ("[[[", "theme = 3\nchild_words = 'yes'\n", "\x00\xff", 'theme = "a\\u001bb"\n'):
        preferences_file().write_text(text, encoding="latin-1")
        assert load_preferences() == Preferences()


def test_a_folder_that_cannot_be_written_loses_no_work(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))  # the config folder would be inside a file
    save_preferences(Preferences(theme="textual-light"))  # says nothing, raises nothing
    assert load_preferences() == Preferences()


async def test_a_theme_changed_with_f3_is_there_after_a_restart():
    app = CirclesApp()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme == "textual-light"
    assert load_preferences().theme == "textual-light"
    again = CirclesApp()
    async with again.run_test(size=(100, 30)):
        assert again.theme == "textual-light"


async def test_a_theme_for_one_run_is_not_remembered():
    save_preferences(Preferences(theme="textual-light"))
    app = CirclesApp(theme="high-contrast")
    async with app.run_test(size=(100, 30)):
        assert app.theme == "high-contrast"
    assert load_preferences().theme == "textual-light"


async def test_circles_can_start_with_the_childs_words(tmp_path):
    path = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLES / "mia-complete.toml", path)
    app = CirclesApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Start each circle with the child")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
    assert load_preferences().child_words is True

    app = CirclesApp(path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.show_step(1)
        await pilot.pause()
        step = screen.steps[1]
        question = str(step.query_one("#circle-question", Static).render())
        assert step.child_words and step.circle.child_question in question
        await pilot.press("t")  # the key still switches, for this circle
        await pilot.pause()
        assert not step.child_words
