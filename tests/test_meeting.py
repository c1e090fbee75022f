"""The meeting model, its rules, its file table, and opening version-1 files."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from circles_tui.core.edits.people import merge_people, remove_person
from circles_tui.core.file_format import WorkbookFileError, dumps, parse_workbook, read_workbook, save_workbook
from circles_tui.core.meeting import (
    FAMILY_SEES,
    ChildVoice,
    ChildWords,
    FamilyPlan,
    Invitation,
    Meeting,
    PlanRow,
    for_family,
)
from circles_tui.core.model import FORMAT_VERSION, About, ModelError, Person, Workbook

V1 = ('format = "circles-tui workbook"\nformat_version = 1\n\n[about]\nchild = "Mia"\n'
      '\n[[people]]\nid = "nanna-jo"\nname = "Nanna Jo"\n')


def meeting() -> Meeting:
    return Meeting(
        on=date(2026, 4, 2), place="Family centre", facilitator="Sam",
        invitations=(
            Invitation("nanna-jo", "yes", "Mum and Mia", "Dad", "phone call", "coming",
                       "Mum's low mood and drinking", "Mum (Kerry)", date(2026, 3, 20),
                       ("travel",), "Dad drives her", practitioner_note="Check travel costs"),
            Invitation("dad", status="asked"),
        ),
        child_voice=ChildVoice((ChildWords("I want Mum smiling", "Tree of Life: Branches"),
                                ChildWords("Yes yes yes!")),
                               ("letter", "trusted-adult"), "nanna-jo", "Mia chose"),
        plan=FamilyPlan((PlanRow("Mornings", "Breakfast club", "Miss Hughes", "Every day",
                                 "Mum rings Nanna Jo"),),
                        ("Nanna Jo's cooking",), date(2026, 6, 1)),
        practitioner_note="Book the room",
    )


def workbook(m: Meeting | None = None) -> Workbook:
    people = (Person("nanna-jo", "Nanna Jo"), Person("dad", "Dad"), Person("mum", "Mum"))
    return Workbook(About("Mia"), people, meeting=m or meeting())


def test_a_new_workbook_has_an_empty_meeting():
    assert Workbook(About("Mia")).meeting.is_empty
    assert not workbook().meeting.is_empty


@pytest.mark.parametrize("change, path", [
    (lambda m: attrs.evolve(m, invitations=(Invitation("nobody"),)), "meeting.invitations[0].person"),
    (lambda m: attrs.evolve(m, invitations=m.invitations + (Invitation("dad"),)),
     "meeting.invitations[2].person"),
    (lambda m: attrs.evolve(m, invitations=(Invitation("dad", status="maybe"),)),
     "meeting.invitations[0].status"),
    (lambda m: attrs.evolve(m, invitations=(Invitation("dad", family_wants="perhaps"),)),
     "meeting.invitations[0].family_wants"),
    (lambda m: attrs.evolve(m, invitations=(Invitation("dad", needs=("car",)),)),
     "meeting.invitations[0].needs"),
    (lambda m: attrs.evolve(m, child_voice=ChildVoice(speaker="nobody")), "meeting.child_voice.speaker"),
    (lambda m: attrs.evolve(m, child_voice=ChildVoice(taking_part=("song",))),
     "meeting.child_voice.taking_part"),
    (lambda m: attrs.evolve(m, child_voice=ChildVoice((ChildWords("  "),))),
     "meeting.child_voice.words[0].text"),
    (lambda m: attrs.evolve(m, plan=FamilyPlan((PlanRow(""),))), "meeting.plan.rows[0].worry"),
])
def test_meeting_rules_name_the_broken_key(change, path):
    with pytest.raises(ModelError) as caught:
        workbook(change(meeting()))
    assert caught.value.path == path


def test_control_characters_typed_into_the_meeting_are_shown_not_obeyed():
    row = PlanRow("Mornings\x1b[2J")
    assert row.worry == "Mornings\ufffd[2J"


def test_removing_a_person_takes_their_invitation_and_their_speaking_role():
    after = remove_person(workbook(), "nanna-jo")
    assert [i.person for i in after.meeting.invitations] == ["dad"]
    assert after.meeting.child_voice.speaker == ""
    assert after.meeting.child_voice.words == meeting().child_voice.words


def test_merging_moves_an_invitation_unless_the_kept_person_has_one():
    moved = merge_people(workbook(), "mum", "nanna-jo")
    assert [i.person for i in moved.meeting.invitations] == ["mum", "dad"]
    assert moved.meeting.child_voice.speaker == "mum"
    kept = merge_people(workbook(), "dad", "nanna-jo")
    assert [(i.person, i.status) for i in kept.meeting.invitations] == [("dad", "asked")]


def test_the_family_sees_no_practitioner_note():
    shown = for_family(meeting())
    assert shown.practitioner_note == ""
    assert shown.invitations[0].practitioner_note == ""
    assert shown.child_voice.practitioner_note == ""
    assert shown.plan == meeting().plan
    assert shown.invitations[0].may_be_told == "Mum's low mood and drinking"
    assert all("practitioner_note" not in fields for fields in FAMILY_SEES.values())


# -- the file -------------------------------------------------------------------------------------


def test_the_meeting_round_trips_through_the_file():
    text = dumps(workbook())
    assert "\n[meeting]\n" in text and "\n[[meeting.plan.rows]]\n" in text
    assert "on = 2026-04-02" in text
    again = parse_workbook(text)
    assert again == workbook()
    assert dumps(again) == text


def test_an_empty_meeting_writes_no_table():
    assert "meeting" not in dumps(workbook(Meeting()))


@pytest.mark.parametrize("table, fragment", [
    ('\n[meeting]\nwhen = "soon"\n', "not a key this format knows"),
    ('\n[meeting]\non = "April"\n', "must be a date"),
    ('\n[meeting]\non = 2026-04-02T10:00:00\n', "without a time"),
    ('\n[[meeting.invitations]]\nperson = "nobody"\n', "no one in the people list"),
    ('\n[meeting.plan]\nreview_on = 2026-06-01\nrows = [{ when = "weekly" }]\n',
     "needs a worry or what will happen"),
])
def test_a_broken_meeting_table_is_refused_with_its_line(table, fragment):
    text = V1.replace("format_version = 1", "format_version = 2") + table
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(text, "mia.toml")
    assert fragment in caught.value.problem
    assert caught.value.line is not None and caught.value.line > 8


def test_a_version_1_file_opens_unchanged_and_becomes_the_new_version_only_when_saved(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text(V1)
    opened = read_workbook(path)
    assert opened.workbook.meeting.is_empty
    assert path.read_text() == V1  # opening never writes
    save_workbook(path, opened.workbook, opened.fingerprint)
    saved = path.read_text()
    assert f"format_version = {FORMAT_VERSION}" in saved and FORMAT_VERSION == 3
    assert read_workbook(path).workbook == opened.workbook


def test_a_newer_version_is_still_refused():
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(V1.replace("format_version = 1", f"format_version = {FORMAT_VERSION + 1}"))
    assert f"newer circles-tui (format {FORMAT_VERSION + 1})" in caught.value.problem


# -- the change report ------------------------------------------------------------------------------


def test_meeting_changes_are_described_without_quoting_practitioner_notes():
    from circles_tui.core.change_report import describe_changes

    before = workbook(Meeting())
    after = workbook()
    sentences = describe_changes(before, after)
    assert "The meeting date was set to 2026-04-02." in sentences
    assert "The family's decision about inviting Nanna Jo: Yes, invite them (Mum and Mia)." in sentences
    assert "Dad's invitation: Asked." in sentences
    assert 'A row was added to the family plan: "Mornings".' in sentences
    assert "The practitioner-only note on Nanna Jo's invitation changed." in sentences
    assert not any("Check travel costs" in s or "Book the room" in s for s in sentences)
    assert describe_changes(after, after) == []
