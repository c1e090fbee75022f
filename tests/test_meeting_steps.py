"""The three meeting steps: every key, child view, progress, and how they look."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from textual.widgets import Input, OptionList, SelectionList, TextArea

from circles_tui.core.meeting import ChildWords, Meeting, PlanRow
from circles_tui.core.model import About, Person, Placement, Supporter, TreePart, Workbook
from circles_tui.core.wording import bundled
from circles_tui.dialogs.meeting_forms import ChecksDialog, ChoiceDialog, ShortFormDialog
from circles_tui.steps.child_voice import ChildVoiceStep
from circles_tui.steps.family_plan import FamilyPlanStep
from circles_tui.steps.invitations import InvitationsStep
from tests.harness import StepHarness

MARKUP_NAME = "[@click=app.quit]Kai[/]"


def family(meeting: Meeting | None = None) -> Workbook:
    return Workbook(
        About("Mia", 8),
        people=(Person("nanna-jo", "Nanna Jo", "grandmother"), Person("dad", "Dad", "father",
                concern="Police call-out in March"), Person("kai", MARKUP_NAME, "friend")),
        circles={"who-matters": (Placement("nanna-jo", 1, "child", note="She calls me chicken."),
                                 Placement("dad", 2, "child"), Placement("kai", 3, "child")),
                 "trusted-adults": (Placement("nanna-jo", 1, "child"),)},
        supporters={"emotional": (Supporter("nanna-jo", "Listens at bedtime"),),
                    "false": (Supporter("kai", "Tells my secrets"),)},
        tree={"trunk": TreePart(words=("I'm kind to new kids.",)),
              "branches": TreePart(words=("Mum smiling in the morning",))},
        meeting=meeting or Meeting(),
    )


def meeting_of(app: StepHarness) -> Meeting:
    return app.session.workbook.meeting


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press keys, then let the dialog they open (or the edit they make) arrive."""
    await pilot.press(*keys)
    await settle(pilot)


async def choose(pilot, key: str) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    options = dialog.query_one(OptionList)
    options.highlighted = options.get_option_index(key)
    await press(pilot, "enter")


async def fill(pilot, **values: str) -> None:
    dialog = pilot.app.screen
    for field, value in values.items():
        dialog.query_one(f"#{field}", Input).value = value
    await press(pilot, "ctrl+s")


async def type_text(pilot, text: str) -> None:
    widget = pilot.app.screen.query_one("#text")
    if isinstance(widget, TextArea):
        widget.text = text
    else:
        widget.value = text
    await press(pilot, "ctrl+s")


async def tick(pilot, *keys: str) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, ChecksDialog)
    selection = dialog.query_one(SelectionList)
    selection.deselect_all()
    for key in keys:
        selection.select(key)
    await press(pilot, "ctrl+s")


# -- invitations ------------------------------------------------------------------------------


def invitations(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(InvitationsStep(bundled()), workbook or family())


async def test_invitations_list_the_proposed_network_with_names_as_data():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        options = app.query_one("#invitees", OptionList)
        # The order is the network list's; this step only follows it.
        assert {options.get_option_at_index(i).id for i in range(options.option_count)} == {
            "nanna-jo", "dad", "kai"}
        assert MARKUP_NAME in str(options.get_option("kai").prompt)
        assert "discuss before inviting" in str(options.get_option("dad").prompt)
        await press(pilot, "f2")
        assert "discuss before inviting" not in str(options.get_option("dad").prompt)
        # A false supporter is not listed in child view unless the young person agreed.
        assert {options.get_option_at_index(i).id for i in range(options.option_count)} == {
            "nanna-jo", "dad"}


async def test_invitations_show_a_hold_on_contact_to_the_practitioner_only():
    from circles_tui.core.edits.people import hold_contact

    app = invitations(hold_contact("nanna-jo", "Mum agrees", "Mum", family()))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        options = app.query_one("#invitees", OptionList)
        prompt = str(options.get_option("nanna-jo").prompt)
        assert "Hold on contact: until Mum agrees, asked by Mum" in prompt
        await press(pilot, "f2")
        assert "Hold on contact" not in str(options.get_option("nanna-jo").prompt)


def highlight(app: StepHarness, person_id: str) -> None:
    options = app.query_one("#invitees", OptionList)
    options.highlighted = options.get_option_index(person_id)


async def test_m_sets_the_meeting_details_and_refuses_a_wrong_date():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "m")
        await fill(pilot, on="2nd April", place="Family centre")
        assert isinstance(app.screen, ShortFormDialog)  # still open, saying how to write a date
        assert "2026-04-02" in str(app.screen.query_one("#error").content)
        await fill(pilot, on="2026-04-02", facilitator="Sam")
        assert (meeting_of(app).on, meeting_of(app).place, meeting_of(app).facilitator) == (
            date(2026, 4, 2), "Family centre", "Sam")


async def test_f_records_the_family_decision_and_who_decided():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        highlight(app, "nanna-jo")  # the list is grouped by circle, then by name
        await press(pilot, "f")
        await choose(pilot, "yes")
        await type_text(pilot, "Mum and Mia")
        invitation = meeting_of(app).invitation("nanna-jo")
        assert (invitation.family_wants, invitation.decided_by) == ("yes", "Mum and Mia")
        assert app.labels == ["Recorded the family's decision about Nanna Jo"]


async def test_s_changes_the_status():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        options = app.query_one("#invitees", OptionList)
        options.highlighted = options.get_option_index("dad")
        await press(pilot, "s")
        await choose(pilot, "coming")
        assert meeting_of(app).invitation("dad").status == "coming"


async def test_a_records_who_asks_and_what_they_may_be_told():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        highlight(app, "nanna-jo")  # the list is grouped by circle, then by name
        await press(pilot, "a")
        await fill(pilot, asked_by="Dad", how="Phone", may_be_told="The worries",
                   consent_by="Mum", consent_on="2026-03-17", note="Ring first")
        invitation = meeting_of(app).invitation("nanna-jo")
        assert (invitation.asked_by, invitation.consent_on, invitation.practitioner_note) == (
            "Dad", date(2026, 3, 17), "Ring first")


async def test_a_in_child_view_keeps_the_practitioner_note_out_of_sight():
    app = invitations(family(Meeting(invitations=())))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        highlight(app, "nanna-jo")  # the list is grouped by circle, then by name
        await press(pilot, "a")
        await fill(pilot, note="Ring first")
        await press(pilot, "f2", "a")
        assert not app.screen.query("#note")
        await fill(pilot, how="Phone")
        assert meeting_of(app).invitation("nanna-jo").practitioner_note == "Ring first"


async def test_n_records_needs_and_their_details():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        highlight(app, "nanna-jo")  # the list is grouped by circle, then by name
        await press(pilot, "n")
        await tick(pilot, "video", "interpreter")
        await type_text(pilot, "Patois interpreter")
        invitation = meeting_of(app).invitation("nanna-jo")
        assert invitation.needs == ("interpreter", "video")  # the wording's order
        assert invitation.needs_note == "Patois interpreter"


async def test_escape_in_a_chain_changes_nothing():
    app = invitations()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        await choose(pilot, "no")
        await press(pilot, "escape")
        assert meeting_of(app) == Meeting() and app.labels == []


# -- the child's voice ------------------------------------------------------------------------


def child_voice(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(ChildVoiceStep(bundled()), workbook or family())


async def test_p_picks_the_childs_own_words_with_where_they_said_them():
    app = child_voice()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        options = app.screen.query_one(OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("She calls me chicken." in t for t in texts)
        await choose(pilot, str(next(i for i, t in enumerate(texts) if "chicken" in t)))
        assert meeting_of(app).child_voice.words == (
            ChildWords("She calls me chicken.", "Who matters: Nanna Jo"),)


async def test_w_writes_new_words_and_e_changes_them_and_x_removes_them():
    app = child_voice()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        await type_text(pilot, "Please don't be cross with Mum.")
        assert meeting_of(app).child_voice.words == (ChildWords("Please don't be cross with Mum."),)
        await press(pilot, "e")
        await type_text(pilot, "Don't be cross with Mum.")
        assert meeting_of(app).child_voice.words[0].text == "Don't be cross with Mum."
        await press(pilot, "x")
        assert meeting_of(app).child_voice.words == ()


async def test_t_chooses_how_the_child_takes_part_and_who_speaks_for_them():
    app = child_voice()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        await tick(pilot, "drawing", "trusted-adult")
        await choose(pilot, "nanna-jo")
        voice = meeting_of(app).child_voice
        assert (voice.taking_part, voice.speaker) == (("drawing", "trusted-adult"), "nanna-jo")
        assert "A trusted adult speaking for them (Nanna Jo)" in str(
            app.query_one(".meeting-line").content)


# -- the family plan ----------------------------------------------------------------------------


def plan(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(FamilyPlanStep(bundled()), workbook or family())


async def test_a_adds_a_row_and_e_edits_it():
    app = plan()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await fill(pilot, worry="Mornings", action="Breakfast club", who="Miss Hughes",
                   when="Every day", fallback="School rings Nanna Jo")
        row = PlanRow("Mornings", "Breakfast club", "Miss Hughes", "Every day",
                      "School rings Nanna Jo")
        assert meeting_of(app).plan.rows == (row,)
        await press(pilot, "e")
        await fill(pilot, when="Every school day")
        assert meeting_of(app).plan.rows == (attrs.evolve(row, when="Every school day"),)


async def test_a_refuses_an_empty_row():
    app = plan()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await fill(pilot, who="Dad")
        assert meeting_of(app).plan.rows == ()


async def test_s_picks_a_strength_or_writes_one_and_x_removes_it_from_the_focused_list():
    app = plan()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        await choose(pilot, "0")
        await press(pilot, "s")
        await choose(pilot, "write-own")
        await type_text(pilot, "Mum's singing")
        assert meeting_of(app).plan.strengths == ("I'm kind to new kids.", "Mum's singing")
        await press(pilot, "right", "x")
        assert meeting_of(app).plan.strengths == ("Mum's singing",)


async def test_x_removes_a_row():
    app = plan(family(Meeting(plan=attrs.evolve(Meeting().plan, rows=(PlanRow("Mornings"),)))))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "left", "x")
        assert meeting_of(app).plan.rows == ()


async def test_r_sets_the_review_date():
    app = plan()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        await fill(pilot, review_on="2026-05-14")
        assert meeting_of(app).plan.review_on == date(2026, 5, 14)
        assert "Thursday 14 May 2026" in str(app.query_one(".meeting-line").content)


async def test_c_writes_the_family_copy_beside_the_workbook(tmp_path, complete_example):
    app = plan(complete_example)
    app.workbook_path = tmp_path / "mia.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "c")
    page = (tmp_path / "mia-family-copy.html").read_text()
    assert "Mia&#x27;s family plan" in page
    assert "Dad's visits get cancelled" in (tmp_path / "mia-family-copy.md").read_text()


# -- progress and looks --------------------------------------------------------------------------


def test_progress_of_the_three_steps(complete_example):
    content = bundled()
    steps = (InvitationsStep(content), ChildVoiceStep(content), FamilyPlanStep(content))
    assert [s.progress(family()) for s in steps] == ["empty"] * 3
    assert [s.progress(complete_example) for s in steps] == ["done"] * 3
    started = attrs.evolve(complete_example, meeting=attrs.evolve(complete_example.meeting, on=None))
    assert steps[0].progress(started) == "started"


STEPS = {"invitations": InvitationsStep, "child-voice": ChildVoiceStep, "plan": FamilyPlanStep}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("step", STEPS)
def test_snapshot_complete_example(snap_compare, complete_example, step, size):
    assert snap_compare(StepHarness(STEPS[step](bundled()), complete_example), terminal_size=size)


# -- a version-1 file in the app -------------------------------------------------------------------


async def test_a_version_1_file_is_left_alone_until_an_edit_is_saved(tmp_path):
    from functools import partial

    from circles_tui.app import CirclesApp
    from circles_tui.core.edits.meeting import set_details
    from circles_tui.core.file_format import parse_workbook

    old = ('format = "circles-tui workbook"\nformat_version = 1\n\n[about]\nchild = "Mia"\n'
           '\n[[people]]\nid = "nanna-jo"\nname = "Nanna Jo"\n'
           '\n[[circles.who-matters]]\nperson = "nanna-jo"\nring = 1\n')
    path = tmp_path / "mia.toml"
    path.write_text(old)
    app = CirclesApp(path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.session.workbook == parse_workbook(old)
        app.screen.show_step(len(app.screen.steps) - 3)  # Invitations
        await settle(pilot)
        assert path.read_text() == old  # opened and shown: not written
        app.apply_edit(partial(set_details, date(2026, 4, 2), "Family centre", "", ""), "Details")
        assert app.save_now()
    saved = path.read_text()
    assert "format_version = 3" in saved and "on = 2026-04-02" in saved
    assert parse_workbook(saved).circles == parse_workbook(old).circles


async def test_the_buttons_of_a_form_do_what_they_say():
    app = plan()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        app.screen.query_one("#review_on", Input).value = "2026-05-14"
        await pilot.click("#cancel")
        await settle(pilot)
        assert meeting_of(app).plan.review_on is None
        await press(pilot, "r")
        app.screen.query_one("#review_on", Input).value = "2026-05-14"
        await pilot.click("#save")
        await settle(pilot)
        assert meeting_of(app).plan.review_on == date(2026, 5, 14)
