"""The questions asked of the family's links: relatives, generations, blanks, who was found."""

from __future__ import annotations

from circles_tui.core.family import CHILD, Family, FamilyLink
from circles_tui.core.family_tree import (
    BlankWords,
    Relative,
    TreeSlot,
    blank_label,
    blanks,
    children_of,
    found_through_tree,
    lost_touch_relatives,
    parents_of,
    partners_of,
    siblings_of,
    tree_rows,
)
from circles_tui.core.model import About, Person, Placement, Workbook

WORDS = BlankWords(own={"mother": "Mum", "father": "Dad", "parent": "Another parent"},
                   of={"mother": "mum", "father": "dad", "parent": "other parent"},
                   not_known="{who}: not known yet")


def workbook(*links: FamilyLink, circles=None) -> Workbook:
    people = (Person("mum", "Kerry", "Mum", gender="female"),
              Person("dad", "Lee", "Dad", gender="male"),
              Person("nan", "Nanna Jo", "", gender="female"),
              Person("steve", "Steve", "stepdad", gender="male"),
              Person("tyler", "Tyler", "brother"),
              Person("ava", "Ava", "sister"),
              Person("great-aunt", "Aunty Pat", "great-aunt", known=False),
              Person("grandad", "Grandad", "Dad's dad", gender="male", living=False))
    return Workbook(About("Mia"), people, circles=circles or {}, family=Family(links))


P = FamilyLink


def test_parents_children_partners():
    wb = workbook(P("parent", "mum", CHILD), P("step-parent", "steve", CHILD),
                  P("partner", "steve", "mum"), P("divorced", "mum", "dad"))
    fam = wb.family
    assert parents_of(fam, CHILD) == (Relative("mum", "parent"), Relative("steve", "step-parent"))
    assert children_of(fam, "mum") == (Relative(CHILD, "parent"),)
    assert partners_of(fam, "mum") == (Relative("steve", "partner"), Relative("dad", "divorced"))


def test_siblings_recorded_and_worked_out_from_shared_parents():
    wb = workbook(P("parent", "mum", CHILD), P("parent", "dad", CHILD),
                  P("parent", "mum", "tyler"), P("parent", "dad", "tyler"),
                  P("parent", "mum", "ava"), P("step-sibling", "great-aunt", CHILD))
    assert siblings_of(wb.family, CHILD) == (
        Relative("great-aunt", "step-sibling"),
        Relative("tyler", "sibling", recorded=False),
        Relative("ava", "half-sibling", recorded=False),
    )


def test_an_empty_tree_has_the_child_and_two_blank_parents():
    rows = tree_rows(workbook())
    assert rows[0] == (TreeSlot("", CHILD, ""),)
    assert [blank_label(workbook(), s, WORDS) for s in rows[1]] == [
        "Mum: not known yet", "Dad: not known yet"]
    assert rows[2] == ()


def test_three_generations_with_blanks_worded_from_relationships():
    wb = workbook(P("parent", "mum", CHILD), P("parent", "dad", CHILD),
                  P("parent", "nan", "mum"), P("parent", "grandad", "dad"),
                  P("step-parent", "steve", CHILD))
    rows = tree_rows(wb)
    assert [s.person for s in rows[1]] == ["mum", "dad", "steve"]
    assert [(s.parent_of, s.person) for s in rows[2] if not s.is_blank] == [
        ("mum", "nan"), ("dad", "grandad")]
    # Nanna Jo is female, so Mum's missing parent is her father; Dad's is his mother.
    # A step-parent's side has no blanks looked for.
    assert [blank_label(wb, s, WORDS) for s in blanks(wb)] == [
        "Mum's dad: not known yet", "Dad's mum: not known yet"]


def test_a_blank_uses_the_name_when_there_is_no_relationship_and_other_parent_for_no_gender():
    wb = workbook(P("parent", "mum", CHILD), P("parent", "nan", "mum"), P("parent", "tyler", "nan"))
    labels = [blank_label(wb, s, WORDS) for s in blanks(wb, generations=4)]
    assert labels == ["Dad: not known yet", "Mum's dad: not known yet",
                      "Nanna Jo's other parent: not known yet"]


def test_someone_reached_twice_is_listed_once():
    wb = workbook(P("parent", "mum", CHILD), P("kinship-carer", "nan", CHILD), P("parent", "nan", "mum"))
    people = [s.person for row in tree_rows(wb) for s in row if not s.is_blank]
    assert people.count("nan") == 1


def test_found_through_tree_and_lost_touch_relatives():
    circles = {"who-matters": (Placement("mum", 1), Placement("dad", 3, extras={"frequency": "lost-touch"})),
               "who-could-help": (Placement("nan", 2),)}
    wb = workbook(P("parent", "mum", CHILD), P("parent", "dad", CHILD), P("parent", "grandad", "dad"),
                  P("sibling", "dad", "great-aunt"), P("parent", "nan", "mum"), circles=circles)
    # Grandad has died; Mum and Dad were named in Who matters; Nanna Jo is only in "Who
    # could we ask?" (where asking about a blank puts someone), so the tree found her too.
    assert found_through_tree(wb) == ("nan", "great-aunt")
    assert lost_touch_relatives(wb) == ("dad", "great-aunt")


def test_a_name_in_brackets_after_the_relationship_is_left_out_of_a_blank():
    wb = workbook(P("parent", "mum", CHILD))
    wb = Workbook(wb.about, (Person("mum", "Mum", "Mum (Kerry)", gender="female"),), family=wb.family)
    labels = [blank_label(wb, s, WORDS) for s in blanks(wb)]
    assert labels == ["Dad: not known yet", "Mum's mum: not known yet", "Mum's dad: not known yet"]
