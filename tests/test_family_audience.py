"""The audience rule for the family tree and the cultural genogram (core/audience.py)."""

from __future__ import annotations

import pytest

from circles_tui.core import audience
from circles_tui.core.audience import BEYOND_TEAM, CHILD, FAMILY, PRACTITIONER, view
from circles_tui.core.family import CHILD as THE_CHILD
from circles_tui.core.family import Family, FamilyLink, HeritageNote
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.wording import bundled


def workbook() -> Workbook:
    return Workbook(
        About("Mia"),
        (Person("nan", "Nanna Jo", "grandmother", lives="Leeds"), Person("mum", "Kerry", "Mum")),
        family=Family(
            links=(FamilyLink("parent", "nan", "mum", "Nanna Jo raised Kerry in Leeds",
                              "Care order 1990"),
                   FamilyLink("parent", "mum", THE_CHILD)),
            heritage=(HeritageNote("nan", "geography", "Nanna Jo came from Kingston to Leeds",
                                   "Ask about the Windrush papers"),),
            household=("mum",),
            practitioner_note="Dad's side not explored",
        ),
    )


@pytest.mark.parametrize("who", [CHILD, FAMILY, BEYOND_TEAM])
def test_practitioner_notes_in_the_family_reach_no_one_else(who):
    family = view(workbook(), bundled(), who).family
    assert family.practitioner_note == ""
    assert all(link.practitioner_note == "" for link in family.links)
    assert all(note.practitioner_note == "" for note in family.heritage)
    assert family.household == ("mum",) and len(family.links) == 2  # the links themselves are data


@pytest.mark.parametrize("who", [CHILD, FAMILY])
def test_the_child_and_family_read_the_familys_words_as_they_are(who):
    family = view(workbook(), bundled(), who).family
    assert family.heritage[0].words == "Nanna Jo came from Kingston to Leeds"
    assert family.links[0].note == "Nanna Jo raised Kerry in Leeds"


def test_beyond_the_team_names_and_towns_leave_the_familys_words():
    family = view(workbook(), bundled(), BEYOND_TEAM).family
    words = family.heritage[0].words + " " + family.links[0].note
    for name in ("Nanna", "Jo", "Kerry", "Leeds"):
        assert name not in words
    assert "Kingston" in words  # a place that is no one's town is not a name


def test_the_practitioner_sees_everything():
    assert view(workbook(), bundled(), PRACTITIONER) == workbook()


def test_every_family_field_has_a_rule():
    for field in ("FamilyLink.note", "HeritageNote.words", "Family.practitioner_note",
                  "FamilyLink.practitioner_note", "HeritageNote.practitioner_note"):
        assert field in audience.FIELDS
    assert not audience.sees(CHILD, "HeritageNote.practitioner_note")
    assert audience.sees(CHILD, "HeritageNote.words")


def test_the_child_reads_the_child_words_for_kinds_of_link():
    child = audience.wording_for(bundled(), CHILD).family
    assert child.kinds["parent"] == "Mum or dad" and child.title == "My family tree"
    assert bundled().family.kinds["parent"] == "Parent"
