"""The Summary step: the proposed network list, disagreements, gaps, child view and export."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest
from textual.widgets import Checkbox, Input, OptionList, RadioSet

from circles_tui.core.wording import bundled
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.export import ExportDialog, default_path
from circles_tui.core.model import Person, Placement, Workbook
from circles_tui.core.proposed_network import proposed_network
from circles_tui.core.talk_points import disagreements, gaps
from circles_tui.steps.summary import NOT_DECIDING, SummaryStep
from tests.harness import StepHarness
from tests.sample_workbooks import small_workbook
from tests.test_supporters_step import ACTION_NAME, MARKUP_NAME, family


def harness(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(SummaryStep(bundled()), workbook or small_workbook())


def cards(app: StepHarness) -> dict[str, str]:
    network = app.query_one("#network", OptionList)
    return {
        option.id: option.prompt.plain
        for option in (network.get_option_at_index(i) for i in range(network.option_count))
        if not option.disabled  # the group headings
    }


def box(app: StepHarness, name: str) -> str:
    return str(app.query_one(f"#{name}").render())


async def test_one_card_per_person_in_the_network_order():
    workbook = small_workbook()
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert list(cards(app)) == [e.person.id for e in proposed_network(workbook)]
        nan = cards(app)["nan"]
        assert nan.startswith("Nanna Jo (grandmother)  ·  lives in Leeds")
        for expected in (
            "Who matters (Closest to me)", "Who knows (Doesn't know yet)",
            "Emotional supporters", "Leaves", "Storms of life",
            "Suggested by: The child or young person, A parent or carer, The practitioner",
            "Knows the worries: Doesn't know yet",
            "Could help with: Emotional support, Practical help, Looking after the child",
            "Young person's view: Agrees",
        ):
            assert expected in nan, expected
        assert "Knows the worries: not in Who knows yet" in cards(app)["aunt"]
        assert "Unplaced Uncle" not in " ".join(cards(app).values())
        assert "Grandad Pete" not in " ".join(cards(app).values())  # passed away: a leaf only
        assert box(app, "not-deciding") == NOT_DECIDING


async def test_concerns_show_for_the_practitioner_only():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dad = cards(app)["dad"]
        assert "⚑ discuss before inviting" in dad
        assert "Concerns (practitioner only): Police call-out in March" in dad
        assert "False supporters: Tells my secrets" in cards(app)["kyle"]
        await pilot.press("f2")
        await pilot.pause()
        dad = cards(app)["dad"]
        assert "discuss before inviting" not in dad
        assert "Police" not in dad and "Concerns" not in dad
        kyle = cards(app)["kyle"]
        assert "False supporters" not in kyle and "secrets" not in kyle
        assert "Who matters (Closest to me)" in kyle
        assert "Kyle is among False supporters" not in box(app, "disagreements")
        assert "I want Dad there" in box(app, "disagreements")  # the young person's own words


async def test_someone_only_in_the_false_circle_is_left_out_in_child_view():
    app = harness(family())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "action" in cards(app)
        assert app.query_one("#network").border_subtitle == "6 people"
        await pilot.press("f2")
        await pilot.pause()
        assert "action" not in cards(app)
        assert app.query_one("#network").border_subtitle == "5 people"


async def test_child_view_keeps_false_supporters_the_young_person_agreed_to_share():
    workbook = small_workbook()
    workbook = attrs.evolve(workbook, about=attrs.evolve(workbook.about,
                                                         share_false_supporters=True))
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        kyle = cards(app)["kyle"]
        assert "False supporters" in kyle
        assert "Concerns" not in kyle
        assert "Kyle is among False supporters" in box(app, "disagreements")


async def test_disagreements_and_gaps_come_from_the_network_module():
    workbook = small_workbook()
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for line in disagreements(workbook, bundled()):
            assert f"• {line}" in box(app, "disagreements")
        for line in gaps(workbook, bundled()):
            assert f"• {line}" in box(app, "gaps")


async def test_empty_workbook_says_so():
    app = harness(Workbook(small_workbook().about))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.query_one("#network").display
        assert app.query_one("#network-empty").display
        assert "has not been started" in box(app, "gaps")
        assert box(app, "disagreements") == "Nothing found where the circles disagree."


async def test_names_are_literal():
    app = harness(family())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert cards(app)["bold"].startswith(MARKUP_NAME)
        assert cards(app)["action"].startswith(ACTION_NAME)
        assert f"lives in {ACTION_NAME}" in cards(app)["action"]
        app.query_one("#network", OptionList).highlighted = 5
        await pilot.pause()
        assert app.is_running


async def test_the_list_follows_edits():
    workbook = small_workbook()
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        renamed = attrs.evolve(workbook.person("nan"), name="Nanna Josephine")
        from circles_tui.core.edits.people import replace_person

        app.query_one(SummaryStep).edit(lambda current: replace_person(current, renamed), "Renamed")
        await pilot.pause()
        assert cards(app)["nan"].startswith("Nanna Josephine")


def test_progress():
    step = SummaryStep(bundled())
    assert step.progress(small_workbook()) == "done"
    assert step.progress(Workbook(small_workbook().about)) == "empty"


# -- export -------------------------------------------------------------------------------


def test_default_export_path_sits_beside_the_workbook(tmp_path, private_home):
    workbook_file = tmp_path / "mia.toml"
    assert default_path(workbook_file, "html", False, False) == tmp_path / "mia.html"
    assert default_path(workbook_file, "markdown", True, True) == (
        tmp_path / "mia-redacted-child-view.md")
    assert default_path(None, "text", False, False) == private_home / "workbook.txt"


async def test_x_exports_to_a_file_beside_the_workbook(tmp_path):
    app = harness()
    app.workbook_path = tmp_path / "sam.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#path", Input).value == str(tmp_path / "sam.md")
        await pilot.press("down")  # HTML
        await pilot.press("space")
        await pilot.pause()
        assert dialog.query_one(RadioSet).pressed_button.id == "html"
        assert dialog.query_one("#path", Input).value == str(tmp_path / "sam.html")
        await pilot.press("ctrl+s")
        await pilot.pause()
        target = tmp_path / "sam.html"
        assert target.exists()
        assert os.stat(target).st_mode & 0o777 == 0o600
        html = target.read_text()
        assert "<html" in html.lower() and "Nanna Jo" in html
        assert any(str(target) in n for n in app.notices)
        assert app.screen is app.screen_stack[0]


async def test_export_redacted_child_view_text_to_the_home_folder(private_home):
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#text").value = True
        dialog.query_one("#redact", Checkbox).value = True
        dialog.query_one("#child-view", Checkbox).value = True
        await pilot.pause()
        expected = private_home / "workbook-redacted-child-view.txt"
        assert dialog.query_one("#path", Input).value == str(expected)
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = expected.read_text()
        assert "Nanna Jo" not in text and "07700" not in text and "Tells my secrets" not in text


async def test_export_asks_before_replacing_a_file(tmp_path):
    target = tmp_path / "sam.md"
    target.write_text("earlier notes")
    app = harness()
    app.workbook_path = tmp_path / "sam.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text() == "earlier notes"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Nanna Jo" in target.read_text()


async def test_export_into_a_missing_folder_says_so(tmp_path):
    app = harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "nowhere" / "sam.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "folder" in box(app.screen, "error")
        await pilot.press("escape")
        await pilot.pause()
        assert not (tmp_path / "nowhere").exists()


# -- snapshots ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_complete_example(snap_compare, complete_example, size):
    assert snap_compare(StepHarness(SummaryStep(bundled()), complete_example), terminal_size=size)


def test_snapshot_concerns(snap_compare):
    assert snap_compare(StepHarness(SummaryStep(bundled()), small_workbook()),
                        terminal_size=(120, 40))


def test_snapshot_export_dialog(snap_compare, complete_example):
    app = StepHarness(SummaryStep(bundled()), complete_example)
    app.workbook_path = Path("/cases/mia-complete.toml")

    async def open_export(pilot):
        await pilot.press("x")

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_export)


async def test_a_hold_on_contact_shows_on_the_card_but_not_in_child_view():
    from circles_tui.core.edits.people import hold_contact

    app = harness(hold_contact("aunt", "Mum agrees", "Mum", small_workbook()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        aunt = cards(app)["aunt"]
        assert "⊘ hold on contact" in aunt
        assert "Hold on contact (practitioner only): until Mum agrees, asked by Mum" in aunt
        await pilot.press("f2")
        await pilot.pause()
        assert "hold on contact" not in cards(app)["aunt"].casefold()


async def test_never_met_relatives_are_listed_and_marked():
    workbook = small_workbook()
    workbook = attrs.evolve(workbook, people=workbook.people + (
        Person("ola", "Cousin Ola", "cousin", known=False),), circles={
        **workbook.circles, "who-could-help": workbook.circles["who-could-help"]
        + (Placement("ola", 3),)})
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "never met: could we ask?" in cards(app)["ola"]
        network = app.query_one("#network", OptionList)
        headings = [option.prompt.plain for option in
                    (network.get_option_at_index(i) for i in range(network.option_count))
                    if option.disabled]
        assert headings == [
            "Family and friends  ·  first named in Who matters",
            "Family and friends  ·  first named in Who could help",
            "Professionals  ·  first named in Who I'd go to",
        ]
