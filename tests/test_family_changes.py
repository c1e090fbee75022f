"""The change report's sentences about the family tree and the cultural genogram."""

from __future__ import annotations

import attrs

from circles_tui.core.audience import CHILD, FAMILY
from circles_tui.core.change_report import describe_changes
from circles_tui.core.edits import family as edits
from circles_tui.core.edits.people import remove_person
from circles_tui.core.family import CHILD as THE_CHILD
from circles_tui.core.family import Family, FamilyLink, HeritageNote
from circles_tui.core.model import About, Person, Workbook


def before() -> Workbook:
    return Workbook(
        About("Mia"),
        (Person("mum", "Mum", gender="female"), Person("lee", "Lee", gender="male"),
         Person("nan", "Nanna Jo", gender="female"), Person("grandad", "Grandad Pete")),
        family=Family((FamilyLink("parent", "mum", THE_CHILD), FamilyLink("partner", "mum", "lee"),
                       FamilyLink("parent", "grandad", "mum"))),
    )


def test_a_new_parent_a_changed_partnership_and_a_death():
    wb = before()
    wb = edits.add_parent("mum", "nan", "parent", wb)
    wb = edits.change_link_kind(FamilyLink("partner", "mum", "lee"), "divorced", wb)
    wb = edits.set_death("grandad", True, "1998", wb)
    wb = edits.set_gender("grandad", "male", wb)
    sentences = describe_changes(before(), wb)
    assert "Nanna Jo is now recorded as Mum's mother." in sentences
    assert "Mum and Lee are now recorded as divorced." in sentences
    assert not any("partners" in s for s in sentences)  # a kind that changed is said once
    assert "Grandad Pete is now recorded as having died." in sentences
    assert 'When Grandad Pete died is now recorded: "1998".' in sentences
    assert "Grandad Pete's gender is now recorded as male." in sentences


def test_a_link_taken_out_and_the_household():
    wb = edits.remove_link(FamilyLink("parent", "grandad", "mum"), before())
    wb = edits.set_household("mum", True, wb)
    sentences = describe_changes(before(), wb)
    assert "Grandad Pete is no longer recorded as Mum's parent." in sentences
    assert "Mum is now recorded as living with Mia." in sentences


def test_a_removed_person_is_said_once():
    sentences = describe_changes(before(), remove_person(before(), "grandad"))
    assert sentences == ["Grandad Pete was removed."]


def test_heritage_notes_added_changed_and_taken_out():
    note = HeritageNote("nan", "geography", "Came from Kingston in 1961")
    wb = edits.add_heritage(note, before())
    assert describe_changes(before(), wb) == [
        'In Cultural genogram, Nanna Jo\'s geography was added: "Came from Kingston in 1961".']
    changed = edits.edit_heritage(note, attrs.evolve(note, words="Kingston, Jamaica"), wb)
    assert describe_changes(wb, changed) == [
        'In Cultural genogram, Nanna Jo\'s geography is now "Kingston, Jamaica".']
    noted = edits.edit_heritage(note, attrs.evolve(note, practitioner_note="Windrush papers"), wb)
    assert describe_changes(wb, noted) == [
        "In Cultural genogram, the practitioner-only note on Nanna Jo's geography changed."]
    assert describe_changes(wb, before()) == [
        "In Cultural genogram, Nanna Jo's geography was taken out."]


def test_the_child_and_family_hear_nothing_of_practitioner_notes_on_links():
    link = FamilyLink("parent", "mum", THE_CHILD)
    wb = edits.change_link(link, attrs.evolve(link, practitioner_note="Section 20"), before())
    assert describe_changes(before(), wb) == [
        "The practitioner-only note on the link between Mum and Mia changed."]
    for who in (CHILD, FAMILY):
        assert describe_changes(before(), wb, audience=who) == []
