"""The About step: each field edited through its dialog, as one operation each."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from circles_tui.core.model import About, Workbook
from circles_tui.core.wording import bundled
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.steps.about import AboutStep
from tests.harness import StepHarness


def harness() -> StepHarness:
    workbook = Workbook(About(child="Mia", age=9, session_dates=(date(2026, 3, 2),)))
    return StepHarness(AboutStep(bundled()), workbook)


async def press_on(pilot, app: StepHarness, field: str, *keys: str) -> None:
    """Highlight `field` in the list, then press `keys`."""
    fields = app.query_one("#about-fields", OptionList)
    fields.focus()
    fields.highlighted = fields.get_option_index(field)
    await pilot.press(*keys)
    await pilot.pause()


async def test_enter_opens_the_fields_dialog_and_done_changes_that_field_only():
    app = harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await press_on(pilot, app, "pronouns", "enter")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"they/them", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TextDialog)
        assert app.session.workbook.about.pronouns == "they/them"
        assert app.session.workbook.about.child == "Mia"
        assert app.labels == ["Changed pronouns"]
        fields = app.query_one("#about-fields", OptionList)
        assert "they/them" in str(fields.get_option("pronouns").prompt)


async def test_an_age_that_is_not_a_number_is_refused_with_a_sentence():
    app = harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await press_on(pilot, app, "age", "e")
        await pilot.press("ctrl+u", *"eight", "enter")
        await pilot.pause()
        assert app.session.workbook.about.age == 9
        assert app.labels == []
        assert app.notices[-1] == "The age should be a whole number of years, like 8."


async def test_the_sharing_flag_switches_without_a_dialog():
    app = harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await press_on(pilot, app, "share_false_supporters", "enter")
        assert not isinstance(app.screen, TextDialog)
        assert app.session.workbook.about.share_false_supporters is True
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.workbook.about.share_false_supporters is False


async def test_d_adds_today_once():
    app = harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await press_on(pilot, app, "session_dates", "d")
        assert app.session.workbook.about.session_dates == (date(2026, 3, 2), date.today())
        await pilot.press("d")
        await pilot.pause()
        assert app.notices[-1] == "Today's date is already there."
        assert app.labels == ["Changed session dates"]
