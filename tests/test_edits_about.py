"""The About-page operations, on plain workbooks (no Textual)."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import about
from tests.sample_workbooks import small_workbook


def test_set_field_changes_one_field_and_refuses_what_the_rules_refuse():
    workbook = small_workbook()
    changed = partial(about.set_field, "pronouns", "they/them")(workbook)
    assert changed.about.pronouns == "they/them"
    assert changed.about.child == workbook.about.child
    assert about.set_field("pronouns", "he/him", workbook) is workbook
    with pytest.raises(EditRefused, match="^The child's name or initials are needed.$"):
        about.set_field("child", "  ", workbook)
    with pytest.raises(EditRefused, match="0 to 25"):
        about.set_field("age", 40, workbook)
    with pytest.raises(EditRefused):
        about.set_field("favourite_colour", "blue", workbook)


def test_set_from_text_reads_each_kind_of_field():
    workbook = small_workbook()
    assert about.set_from_text("age", " 10 ", workbook).about.age == 10
    assert about.set_from_text("age", "", workbook).about.age is None
    assert about.set_from_text("session_dates", "2026-11-22\n2026-11-29", workbook) \
        .about.session_dates == (date(2026, 11, 22), date(2026, 11, 29))
    assert about.set_from_text("taking_part", "Sam\n\n Mum \n", workbook) \
        .about.taking_part == ("Sam", "Mum")
    assert about.set_from_text("practitioner_note", "  as typed  ", workbook) \
        .about.practitioner_note == "  as typed  "
    assert about.set_from_text("organisation", "  Team A ", workbook).about.organisation == "Team A"
    with pytest.raises(EditRefused, match="whole number"):
        about.set_from_text("age", "eight", workbook)
    with pytest.raises(EditRefused, match="'22/11' is not a date"):
        about.set_from_text("session_dates", "22/11", workbook)


def test_toggle_false_supporters_shared_flips_the_agreement():
    workbook = small_workbook()
    shared = about.toggle_false_supporters_shared(workbook)
    assert shared.about.share_false_supporters is True
    assert about.toggle_false_supporters_shared(shared).about.share_false_supporters is False


def test_add_session_date_adds_a_date_once():
    workbook = small_workbook()
    added = about.add_session_date(date(2026, 3, 16), workbook)
    assert added.about.session_dates[-1] == date(2026, 3, 16)
    assert about.add_session_date(date(2026, 3, 16), added) is added
