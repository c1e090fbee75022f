"""The marks in the step list, from the workbook alone (no Textual)."""

from __future__ import annotations

from datetime import date

from circles_tui.core.edits import supporters
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.progress import about_progress, people_progress, supporters_progress


def test_about_is_done_once_practitioner_dates_and_who_is_taking_part_are_written():
    assert about_progress(Workbook(About("Mia"))) == "started"
    done = Workbook(About("Mia", practitioner="Sam", session_dates=(date(2026, 3, 2),),
                          taking_part=("Mia",)))
    assert about_progress(done) == "done"


def test_supporters_are_done_with_an_emotional_and_a_practical_supporter():
    workbook = Workbook(About("Mia"), people=(Person("nan", "Nan"), Person("kai", "Kai")))
    assert supporters_progress(workbook) == "empty"
    workbook = supporters.add("fair-weather", "kai", workbook)
    assert supporters_progress(workbook) == "started"
    workbook = supporters.add("emotional", "nan", workbook)
    assert supporters_progress(workbook) == "started"
    assert supporters_progress(supporters.add("practical", "kai", workbook)) == "done"


def test_people_are_done_once_anyone_is_named():
    assert people_progress(Workbook(About("Mia"))) == "empty"
    assert people_progress(Workbook(About("Mia"), people=(Person("nan", "Nan"),))) == "done"
