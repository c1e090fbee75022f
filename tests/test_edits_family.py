"""One test per family edit: what it changes, and when it is refused."""

from __future__ import annotations

import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import family as edits
from circles_tui.core.edits.tree import set_living
from circles_tui.core.family import CHILD, Family, FamilyLink, HeritageNote
from circles_tui.core.family_tree import TreeSlot, blanks
from circles_tui.core.model import About, Person, Placement, Workbook


@pytest.fixture
def workbook() -> Workbook:
    return Workbook(
        About("Mia"),
        (Person("mum", "Kerry", "Mum", gender="female"), Person("dad", "Dad", "Dad"),
         Person("nan", "Nanna Jo", "Mum's mum")),
        family=Family((FamilyLink("parent", "mum", CHILD), FamilyLink("partner", "mum", "dad"))),
    )


def test_add_parent_of_the_child_someone_new(workbook):
    after = edits.add_parent(CHILD, Person("lee", "Lee", "Dad"), "parent", workbook)
    assert after.person("lee").name == "Lee"
    assert FamilyLink("parent", "lee", CHILD) in after.family.links


def test_add_parent_someone_already_there_and_twice_is_nothing_to_do(workbook):
    after = edits.add_parent("mum", "nan", "parent", workbook)
    assert after.family.links[-1] == FamilyLink("parent", "nan", "mum")
    assert edits.add_parent("mum", "nan", "parent", after) is after


def test_add_parent_refuses_a_loop_a_wrong_kind_and_someone_gone(workbook):
    with pytest.raises(EditRefused, match="own ancestor"):
        edits.add_parent("mum", CHILD, "parent", workbook)
    with pytest.raises(EditRefused, match="does not fit"):
        edits.add_parent("mum", "nan", "partner", workbook)
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        edits.add_parent("ghost", "nan", "parent", workbook)


def test_add_child(workbook):
    after = edits.add_child("nan", "mum", "adoptive-parent", workbook)
    assert FamilyLink("adoptive-parent", "nan", "mum") in after.family.links


def test_add_partner_and_a_self_link_is_refused(workbook):
    after = edits.add_partner("nan", Person("bill", "Bill"), "divorced", workbook)
    assert FamilyLink("divorced", "nan", "bill") in after.family.links
    with pytest.raises(EditRefused, match="themselves"):
        edits.add_partner("nan", "nan", "partner", workbook)


def test_add_sibling(workbook):
    after = edits.add_sibling(CHILD, Person("tyler", "Tyler"), "half-sibling", workbook)
    assert FamilyLink("half-sibling", CHILD, "tyler") in after.family.links


def test_add_chosen_family(workbook):
    after = edits.add_chosen_family(CHILD, Person("bea", "Aunty Bea"), workbook)
    assert FamilyLink("chosen-family", CHILD, "bea") in after.family.links


def test_remove_link(workbook):
    after = edits.remove_link(FamilyLink("partner", "dad", "mum"), workbook)
    assert after.family.links == (FamilyLink("parent", "mum", CHILD),)
    assert edits.remove_link(FamilyLink("partner", "dad", "mum"), after) is after


def test_change_link_kind_keeps_notes(workbook):
    noted = edits.change_link(FamilyLink("partner", "mum", "dad"),
                              FamilyLink("partner", "mum", "dad", note="Met at school"), workbook)
    after = edits.change_link_kind(FamilyLink("partner", "mum", "dad"), "separated", noted)
    assert after.family.links[1] == FamilyLink("separated", "mum", "dad", note="Met at school")
    with pytest.raises(EditRefused, match="no longer in the family tree"):
        edits.change_link_kind(FamilyLink("partner", "mum", "dad"), "divorced", after)
    with pytest.raises(EditRefused, match="no such kind"):
        edits.change_link_kind(FamilyLink("separated", "mum", "dad"), "cousin", after)


def test_change_link_the_other_way_round_refuses_a_loop(workbook):
    with pytest.raises(EditRefused, match="own ancestor"):
        edits.change_link(FamilyLink("partner", "mum", "dad"), FamilyLink("parent", CHILD, "mum"),
                          workbook)


def test_set_gender(workbook):
    assert edits.set_gender("dad", "male", workbook).person("dad").gender == "male"
    with pytest.raises(EditRefused):
        edits.set_gender("dad", "man", workbook)


def test_set_death_keeps_living_and_died_together(workbook):
    died = edits.set_death("nan", True, " 2019 ", workbook)
    assert (died.person("nan").living, died.person("nan").died) == (False, "2019")
    living = edits.set_death("nan", False, "2019", died)
    assert (living.person("nan").living, living.person("nan").died) == (True, "")
    assert set_living("nan", True, died).person("nan").died == ""


def test_set_household(workbook):
    after = edits.set_household("mum", True, workbook)
    assert after.family.household == ("mum",)
    assert edits.set_household("mum", True, after) is after
    assert edits.set_household("mum", False, after).family.household == ()


def test_heritage_add_edit_remove(workbook):
    note = HeritageNote("nan", "geography", " Came from Kingston ")
    added = edits.add_heritage(note, workbook)
    stored = added.family.heritage[0]
    assert stored.words == "Came from Kingston"
    changed = HeritageNote("nan", "culture", "Sunday dinners", practitioner_note="Ask more")
    edited = edits.edit_heritage(stored, changed, added)
    assert edited.family.heritage == (changed,)
    assert edits.remove_heritage(changed, edited).family.heritage == ()
    with pytest.raises(EditRefused, match="no longer in the cultural genogram"):
        edits.edit_heritage(stored, changed, edited)
    with pytest.raises(EditRefused, match="no such aspect"):
        edits.add_heritage(HeritageNote(CHILD, "hobbies", "Football"), workbook)
    with pytest.raises(EditRefused, match="words are needed"):
        edits.add_heritage(HeritageNote(CHILD, "religion", " "), workbook)


def test_ask_about_blank_adds_a_never_met_parent_to_who_could_we_ask(workbook):
    slot = next(s for s in blanks(workbook) if s.parent_of == "mum" and s.missing == "mother")
    after = edits.ask_about_blank(slot, "Mum's mum", workbook)
    asked = next(p for p in after.people if p.name == "Mum's mum")
    assert (asked.known, asked.gender, asked.id) == (False, "female", "mum-s-mum")
    assert FamilyLink("parent", asked.id, "mum") in after.family.links
    assert Placement(asked.id, 3) in after.circles["who-could-help"]
    with pytest.raises(EditRefused, match="already filled"):
        edits.ask_about_blank(TreeSlot("mum", "nan"), "x", workbook)


def test_ask_about_relative(workbook):
    after = edits.ask_about_relative("dad", workbook)
    assert after.circles["who-could-help"] == (Placement("dad", 3),)
    assert edits.ask_about_relative("dad", after) is after
    with pytest.raises(EditRefused, match="died"):
        edits.ask_about_relative("nan", edits.set_death("nan", True, "", workbook))
