"""The proposed network list and the family tree: who the tree found, and never-met relatives."""

from __future__ import annotations

from circles_tui.core.edits import family as edits
from circles_tui.core.family import CHILD, Family, FamilyLink
from circles_tui.core.family_tree import blanks
from circles_tui.core.model import About, Person, Placement, Workbook
from circles_tui.core.proposed_network import FOUND_THROUGH_TREE, proposed_network
from circles_tui.core.wording import bundled
from circles_tui.export import ExportOptions, render


def workbook() -> Workbook:
    return Workbook(
        About("Jade", age=14),
        (Person("mum", "Mum", gender="female"), Person("pat", "Aunty Pat", "great-aunt", known=False),
         Person("gran", "Gran", living=False), Person("teacher", "Mr Bell", "teacher")),
        circles={"who-matters": (Placement("mum", 1), Placement("teacher", 2))},
        family=Family((FamilyLink("parent", "mum", CHILD), FamilyLink("parent", "gran", "mum"),
                       FamilyLink("sibling", "pat", "gran"))),
    )


def test_the_list_keeps_living_people_the_tree_found_and_marks_them():
    entries = {e.person.id: e for e in proposed_network(workbook())}
    assert set(entries) == {"mum", "pat", "teacher"}  # Gran has died
    pat = entries["pat"]
    assert pat.found_through_tree and pat.never_met and pat.group == "family-tree"
    assert not entries["mum"].found_through_tree  # named in a circle first
    assert entries["mum"].in_family_tree and not entries["teacher"].in_family_tree


def test_asking_about_a_blank_keeps_the_mark():
    wb = workbook()
    slot = next(s for s in blanks(wb) if s.parent_of == CHILD)
    wb = edits.ask_about_blank(slot, "Dad", wb)
    entry = next(e for e in proposed_network(wb) if e.person.name == "Dad")
    assert entry.found_through_tree and entry.never_met and entry.group == "who-could-help"


def test_the_mark_is_in_the_exported_list():
    text = render(workbook(), "markdown", bundled(), ExportOptions())
    network = text[text.index("## Proposed network"):]
    assert FOUND_THROUGH_TREE in network and "never met: could we ask?" in network
    assert "Family tree" in network  # under "Appears in"
    child = render(workbook(), "markdown", bundled(), ExportOptions(child_view=True))
    assert "My family tree" in child[child.index("People who could help"):]


def test_the_trees_blanks_are_a_gap_once_it_is_started():
    from circles_tui.core.talk_points import gaps

    found = gaps(workbook(), bundled())
    assert "Family tree still has blanks: Dad, Mum's other parent." in found  # Gran: no gender
    started_nothing = Workbook(About("Jade"), workbook().people)
    assert not any("blanks" in s for s in gaps(started_nothing, bundled()))
