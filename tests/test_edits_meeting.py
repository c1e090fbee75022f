"""One test per meeting edit: what it changes, and when it is refused."""

from __future__ import annotations

from datetime import date

import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import meeting as edits
from circles_tui.core.meeting import ChildWords, PlanRow
from circles_tui.core.model import About, Person, Workbook


@pytest.fixture
def workbook() -> Workbook:
    return Workbook(About("Mia"), (Person("nanna-jo", "Nanna Jo"), Person("dad", "Dad")))


def test_set_details(workbook):
    after = edits.set_details(date(2026, 4, 2), " Family centre ", "Sam", "", workbook)
    assert (after.meeting.on, after.meeting.place, after.meeting.facilitator) == (
        date(2026, 4, 2), "Family centre", "Sam")


def test_record_family_decision_needs_who_decided(workbook):
    after = edits.record_family_decision("dad", "yes", "Mum and Mia", workbook)
    invitation = after.meeting.invitation("dad")
    assert (invitation.family_wants, invitation.decided_by) == ("yes", "Mum and Mia")
    with pytest.raises(EditRefused, match="who in the family"):
        edits.record_family_decision("dad", "no", " ", workbook)
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        edits.record_family_decision("gone", "yes", "Mum", workbook)


def test_set_status(workbook):
    after = edits.set_status("nanna-jo", "coming", workbook)
    assert after.meeting.invitation("nanna-jo").status == "coming"
    with pytest.raises(EditRefused):
        edits.set_status("nanna-jo", "maybe", workbook)


def test_set_needs(workbook):
    after = edits.set_needs("dad", ("video", "time", "video"), " evenings ", workbook)
    invitation = after.meeting.invitation("dad")
    assert (invitation.needs, invitation.needs_note) == (("video", "time"), "evenings")


def test_set_asking_needs_consent_to_share_the_worries(workbook):
    after = edits.set_asking("dad", "Sam", "phone", "The worries", "Mum", date(2026, 3, 20), "",
                             workbook)
    assert after.meeting.invitation("dad").consent_on == date(2026, 3, 20)
    with pytest.raises(EditRefused, match="consent"):
        edits.set_asking("dad", "Sam", "phone", "The worries", "", None, "", workbook)


def test_add_child_words(workbook):
    words = ChildWords("I want Mum smiling", "Tree of Life: Branches")
    after = edits.add_child_words(words, workbook)
    assert after.meeting.child_voice.words == (words,)
    with pytest.raises(EditRefused, match="already"):
        edits.add_child_words(words, after)


def test_change_child_words_keeps_the_source(workbook):
    words = ChildWords("I want Mum smiling", "Tree of Life: Branches")
    after = edits.change_child_words(words, "Mum smiling", edits.add_child_words(words, workbook))
    assert after.meeting.child_voice.words == (ChildWords("Mum smiling", "Tree of Life: Branches"),)
    with pytest.raises(EditRefused, match="changed meanwhile"):
        edits.change_child_words(words, "again", after)


def test_remove_child_words(workbook):
    words = ChildWords("Yes yes yes!")
    after = edits.remove_child_words(words, edits.add_child_words(words, workbook))
    assert after.meeting.child_voice.words == ()


def test_set_taking_part(workbook):
    after = edits.set_taking_part(("letter", "trusted-adult"), "nanna-jo", workbook)
    assert after.meeting.child_voice.taking_part == ("letter", "trusted-adult")
    assert after.meeting.child_voice.speaker == "nanna-jo"
    with pytest.raises(EditRefused):
        edits.set_taking_part(("there",), "gone", workbook)


def test_add_plan_row(workbook):
    row = PlanRow("Mornings", "Breakfast club", "Miss Hughes", "Every day", "Nanna Jo rings")
    assert edits.add_plan_row(row, workbook).meeting.plan.rows == (row,)
    with pytest.raises(EditRefused):
        edits.add_plan_row(PlanRow("", who="Dad"), workbook)


def test_replace_plan_row(workbook):
    old, new = PlanRow("Mornings"), PlanRow("Mornings", "Breakfast club")
    after = edits.replace_plan_row(old, new, edits.add_plan_row(old, workbook))
    assert after.meeting.plan.rows == (new,)


def test_remove_plan_row(workbook):
    row = PlanRow("Mornings")
    assert edits.remove_plan_row(row, edits.add_plan_row(row, workbook)).meeting.plan.rows == ()
    with pytest.raises(EditRefused):
        edits.remove_plan_row(row, workbook)


def test_add_strength(workbook):
    after = edits.add_strength(" Nanna Jo's cooking ", workbook)
    assert after.meeting.plan.strengths == ("Nanna Jo's cooking",)
    with pytest.raises(EditRefused):
        edits.add_strength("Nanna Jo's cooking", after)


def test_remove_strength(workbook):
    after = edits.remove_strength("Kind", edits.add_strength("Kind", workbook))
    assert after.meeting.plan.strengths == ()


def test_set_review_date(workbook):
    assert edits.set_review_date(date(2026, 6, 1), workbook).meeting.plan.review_on == date(2026, 6, 1)
