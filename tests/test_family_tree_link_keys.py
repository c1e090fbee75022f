"""The family tree step's x (take a link out) and f (add chosen family): each key sequence
pressed as one burst, the workbook checked afterwards, and undo bringing it back."""

from __future__ import annotations

import pytest
from textual.widgets import Button, OptionList, Static

from circles_tui.core.family import CHILD, Family
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.wording import bundled
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.meeting_forms import ChoiceDialog
from circles_tui.dialogs.person_picker import PersonDialog
from tests.bursts import Typed, burst, settle
from tests.test_family_tree_step import (
    MARKUP, drawing, family, family_file, go_to, go_to_blank, harness, links, showing_family_tree, step,
)

__all__ = ["family_file"]  # a fixture the footer test uses


def dialog_text(app) -> str:
    """Every line of text on the screen on top, with a list's entries."""
    lines = [str(s.render()) for s in app.screen.query(Static)]
    lines += [str(o.prompt) for options in app.screen.query(OptionList) for o in options.options]
    return " ".join(lines)


async def undo_brings_it_back(app, pilot) -> None:
    """Ctrl+Z, pressed as the practitioner would, gives the workbook as it was."""
    burst(app, "ctrl+z")
    await settle(pilot)
    assert app.session.workbook == family()


# -- x: taking a link out -----------------------------------------------------------------------


async def test_x_asks_which_link_then_removes_it_and_undo_brings_it_back():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "dad")
        assert "─/─" in drawing(app).layout_now.text()  # Mum and Dad drawn as separated
        burst(app, "x")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        shown = dialog_text(app)
        # Dad's three links, each in plain words: Sam, Mum and Kai.
        for said in ("Dad is Sam's father", "Mum and Dad are separated", "Dad is Kai's father"):
            assert said in shown, said
        burst(app, "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Remove: Mum and Dad are separated?" in dialog_text(app)
        burst(app, "y")
        await settle(pilot)
        assert ("separated", "mum", "dad") not in links(app)
        assert {p.id for p in app.session.workbook.people} == {p.id for p in family().people}
        assert app.labels == ["Removed the link: Mum and Dad are separated"]
        assert "─/─" not in drawing(app).layout_now.text()  # the separation mark has gone
        assert app.session.undo() == "Removed the link: Mum and Dad are separated"
        assert app.session.workbook == family()


async def test_x_as_one_burst_and_a_single_link_goes_straight_to_the_question():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "aunt-mo")  # her one link: Nanna Jo's sister
        burst(app, "x", "ctrl+s")
        await settle(pilot)
        assert ("sibling", "aunt-mo", "nanna-jo") not in links(app)
        assert app.labels == ["Removed the link: Great-aunt Mo is Nanna Jo's sister"]
        assert "Great-aunt Mo" not in drawing(app).layout_now.text()  # off the tree now
        assert drawing(app).current == "nanna-jo"  # the other end of the link
        await undo_brings_it_back(app, pilot)


async def test_x_on_the_child_as_one_burst():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "x", "down", "enter", "y")  # Mum, then Dad
        await settle(pilot)
        assert ("parent", "dad", CHILD) not in links(app)
        assert ("parent", "mum", CHILD) in links(app)
        assert len(step(app).shown.blanks) == 1  # Dad is a blank now; his parents' blanks went


async def test_a_name_that_looks_like_markup_is_shown_as_typed():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "dev")
        burst(app, "x")
        await settle(pilot)
        assert f"Remove: {MARKUP} is Mum's brother?" in dialog_text(app)
        burst(app, "y")
        await settle(pilot)
        assert app.is_running and ("sibling", "dev", "mum") not in links(app)


@pytest.mark.parametrize("keys", [("escape",), ("enter", "escape"), ("enter", "n")])
async def test_escape_or_no_anywhere_in_x_changes_nothing(keys):
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "mum")
        burst(app, "x", *keys)
        await settle(pilot)
        assert app.session.workbook == family()
        assert app.labels == []
        assert not isinstance(app.screen, (ChoiceDialog, ConfirmDialog))


async def test_x_is_not_offered_on_a_blank_or_without_links():
    app = harness(Workbook(About(child="Sam"), people=(Person("mum", "Mum"),), family=Family()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert step(app).check_action("remove_link", ()) is None
        burst(app, "x")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to_blank(pilot, "mother")
        assert step(app).check_action("remove_link", ()) is None
        assert step(app).check_action("add_chosen", ()) is True  # always for the child


# -- f: chosen family ---------------------------------------------------------------------------


async def test_f_adds_someone_new_as_chosen_family_and_undo_takes_them_out():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "f", Typed("Aunty Bea"), "enter", Typed("Mum's best friend"), "enter",
              "up", "up", "up", "enter")  # female
        await settle(pilot)
        assert ("chosen-family", CHILD, "aunty-bea") in links(app)
        bea = app.session.workbook.person("aunty-bea")
        assert (bea.relationship, bea.gender) == ("Mum's best friend", "female")
        assert app.labels == ["Added Aunty Bea to the family tree"]
        assert drawing(app).current == "aunty-bea"
        assert "Aunty Bea" in drawing(app).layout_now.text()
        await undo_brings_it_back(app, pilot)


async def test_f_is_for_the_child_from_any_card_and_takes_someone_already_known():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to_blank(pilot, "mother")
        burst(app, "f")
        await settle(pilot)
        assert isinstance(app.screen, PersonDialog)
        words = bundled().family
        assert words.chosen_title.format(name="Sam") in str(app.screen.title_line())
        assert "not related by birth or law" in dialog_text(app)
        burst(app, Typed("great-aunt mo"), "enter")  # no kind to choose, nor gender asked
        await settle(pilot)
        assert ("chosen-family", CHILD, "aunt-mo") in links(app)
        assert len(app.session.workbook.people) == len(family().people)


async def test_escape_in_f_changes_nothing():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "f", Typed("Bea"), "enter", "enter", "escape")
        await settle(pilot)
        assert app.session.workbook == family()


# -- child view --------------------------------------------------------------------------------


async def test_child_view_uses_the_childs_words_in_both_keys():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await go_to(pilot, "dad")
        burst(app, "x")
        await settle(pilot)
        shown = dialog_text(app)
        assert "Dad is Sam's dad" in shown and "Mum and Dad are living apart" in shown
        burst(app, "escape")
        await settle(pilot)
        await go_to(pilot, CHILD)
        burst(app, "f")
        await settle(pilot)
        words = bundled().family
        assert words.child_chosen_help.format(name="Sam") in dialog_text(app)
        assert words.child_chosen_title in str(app.screen.title_line())
        burst(app, "escape")
        await settle(pilot)


# -- the footer, help, and small screens ----------------------------------------------------------


async def test_both_keys_are_in_the_footer_and_in_help(family_file):
    from circles_tui.app import CirclesApp

    app = CirclesApp(path=family_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await showing_family_tree()(pilot)
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()
                        if b.binding.show}
        assert {"Remove link", "Add chosen family"} <= descriptions
        await pilot.press("f1")
        await settle(pilot)
        help_text = dialog_text(app)
        assert "Remove link" in help_text and "Add chosen family" in help_text


@pytest.mark.parametrize("keys, dialog", [
    (("x",), ChoiceDialog), (("x", "enter"), ConfirmDialog), (("f",), PersonDialog),
])
async def test_each_dialog_fits_60_by_20(keys, dialog):
    app = harness()
    async with app.run_test(size=(60, 20)) as pilot:
        await go_to(pilot, "dad")
        burst(app, *keys)
        await settle(pilot)
        assert isinstance(app.screen, dialog)
        frame = app.screen.query_one("#dialog").region
        assert frame.right <= 60 and frame.bottom <= 20
        for button in app.screen.query(Button):
            assert button.region.bottom <= frame.bottom and button.region.height > 0
