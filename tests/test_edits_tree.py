"""The Tree of Life edits (core/edits/tree.py), one test per operation, without Textual."""

from __future__ import annotations

from functools import partial

import attrs
import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import tree
from circles_tui.core.model import About, Answer, Person, Placement, TreePart, Workbook

ASKED = Answer("Where does your family come from?", "Jamaica")


def family() -> Workbook:
    return Workbook(
        About(child="Sam"),
        people=(
            Person("nanna-jo", "Nanna Jo", "grandmother"),
            Person("grandad", "Grandad Ray", living=False),
            Person("kai", "Kai", "friend"),
        ),
        circles={"who-matters": (Placement("kai", 1, "child"),)},
        tree={
            "roots": TreePart(words=("Leeds", "Jamaica"), answers=(ASKED,),
                              practitioner_note="Ask about Dad"),
            "leaves": TreePart(people=("nanna-jo", "grandad")),
        },
    )


def with_storms(workbook: Workbook) -> Workbook:
    return tree.start_storms(workbook)


def test_operations_are_built_with_partial_and_take_the_workbook_last():
    add = partial(tree.add_words, "roots", "Mum's cooking")
    assert add(family()).tree["roots"].words == ("Leeds", "Jamaica", "Mum's cooking")


def test_add_words():
    workbook = family()
    assert tree.add_words("trunk", "  good at drawing ", workbook).tree["trunk"].words == (
        "good at drawing",
    )
    assert tree.add_words("trunk", "   ", workbook) is workbook
    with pytest.raises(EditRefused, match="storms"):
        tree.add_words("storms", "when Mum was poorly", workbook)
    started = with_storms(workbook)
    assert tree.add_words("storms", "when Mum was poorly", started).storms.words == (
        "when Mum was poorly",
    )


def test_edit_words():
    workbook = family()
    edited = tree.edit_words("roots", 0, "Leeds", " Leeds, then Bradford ", workbook)
    assert edited.tree["roots"].words == ("Leeds, then Bradford", "Jamaica")
    assert tree.edit_words("roots", 0, "Leeds", "Leeds", workbook) is workbook
    with pytest.raises(EditRefused, match="empty"):
        tree.edit_words("roots", 0, "Leeds", "  ", workbook)
    # The words changed under the dialog: nothing lands on whatever is there now.
    with pytest.raises(EditRefused, match="in the meantime"):
        tree.edit_words("roots", 0, "Jamaica", "Kingston", workbook)
    with pytest.raises(EditRefused, match="in the meantime"):
        tree.edit_words("roots", 5, "Leeds", "Kingston", workbook)


def test_remove_words():
    workbook = family()
    assert tree.remove_words("roots", 1, "Jamaica", workbook).tree["roots"].words == ("Leeds",)
    with pytest.raises(EditRefused):
        tree.remove_words("roots", 1, "Leeds", workbook)


def test_move_words():
    workbook = family()
    moved = tree.move_words("roots", 0, "Leeds", 1, workbook)
    assert moved.tree["roots"].words == ("Jamaica", "Leeds")
    assert tree.move_words("roots", 0, "Leeds", -1, workbook) is workbook
    assert tree.move_words("roots", 1, "Jamaica", 1, workbook) is workbook
    with pytest.raises(EditRefused):
        tree.move_words("roots", 0, "Jamaica", 1, workbook)


def test_add_answer():
    workbook = family()
    answer = Answer("What song reminds you of home?", "Three Little Birds")
    assert tree.add_answer("roots", answer, workbook).tree["roots"].answers == (ASKED, answer)
    with pytest.raises(EditRefused):
        tree.add_answer("storms", answer, workbook)


def test_edit_answer():
    workbook = family()
    new = attrs.evolve(ASKED, answer="Jamaica and Leeds")
    assert tree.edit_answer("roots", 0, ASKED, new, workbook).tree["roots"].answers == (new,)
    assert tree.edit_answer("roots", 0, ASKED, ASKED, workbook) is workbook
    with pytest.raises(EditRefused, match="answer"):
        tree.edit_answer("roots", 0, new, ASKED, workbook)


def test_remove_answer():
    workbook = family()
    assert tree.remove_answer("roots", 0, ASKED, workbook).tree["roots"].answers == ()
    with pytest.raises(EditRefused):
        tree.remove_answer("roots", 1, ASKED, workbook)


def test_set_practitioner_note():
    workbook = family()
    noted = tree.set_practitioner_note("ground", " Quiet about mornings ", workbook)
    assert noted.tree["ground"].practitioner_note == "Quiet about mornings"
    assert tree.set_practitioner_note("roots", "Ask about Dad", workbook) is workbook


def test_remove_practitioner_note():
    workbook = family()
    assert tree.remove_practitioner_note("roots", workbook).tree["roots"].practitioner_note == ""
    assert tree.remove_practitioner_note("ground", workbook) is workbook


def test_link_person():
    workbook = family()
    assert tree.link_person("kai", workbook).tree["leaves"].people == (
        "nanna-jo", "grandad", "kai"
    )
    assert tree.link_person("grandad", workbook) is workbook
    with pytest.raises(EditRefused, match="no longer"):
        tree.link_person("auntie-pearl", workbook)


def test_link_new_person_keeps_a_free_id_and_makes_a_fresh_one_when_taken():
    workbook = family()
    pearl = Person("auntie-pearl", "Auntie Pearl", "great-aunt")
    linked = tree.link_new_person(pearl, workbook)
    assert linked.person("auntie-pearl") == pearl
    assert linked.tree["leaves"].people[-1] == "auntie-pearl"
    # Someone took the id while the dialog was open: a second Kai gets an id of their own.
    other_kai = Person("kai", "Kai", "cousin")
    linked = tree.link_new_person(other_kai, workbook)
    assert linked.person("kai").relationship == "friend"
    assert linked.person("kai-2").relationship == "cousin"
    assert linked.tree["leaves"].people[-1] == "kai-2"


def test_unlink_person():
    workbook = family()
    unlinked = tree.unlink_person("grandad", workbook)
    assert unlinked.tree["leaves"].people == ("nanna-jo",)
    assert unlinked.person("grandad").name == "Grandad Ray"
    assert tree.unlink_person("kai", workbook) is workbook


@pytest.mark.parametrize(
    ("operation", "field"), [(tree.set_living, "living"), (tree.set_known, "known")],
    ids=["set_living", "set_known"],
)
def test_set_living_and_set_known(operation, field):
    workbook = family()
    changed = operation("nanna-jo", False, workbook)
    assert getattr(changed.person("nanna-jo"), field) is False
    assert operation("nanna-jo", False, changed) is changed
    with pytest.raises(EditRefused, match="no longer"):
        operation("nobody", False, workbook)


def test_set_leaf_note():
    workbook = family()
    noted = tree.set_leaf_note("nanna-jo", " She makes dumplings\n", workbook)
    assert noted.person("nanna-jo").note == "She makes dumplings"
    assert tree.set_leaf_note("nanna-jo", "", workbook) is workbook
    with pytest.raises(EditRefused):
        tree.set_leaf_note("nobody", "x", workbook)


def test_add_leaf_to_who_matters():
    workbook = family()
    added = tree.add_leaf_to_who_matters("nanna-jo", workbook)
    assert added.circles["who-matters"][-1] == Placement("nanna-jo", 2, named_by="child")
    assert tree.add_leaf_to_who_matters("nanna-jo", added) is added
    assert tree.add_leaf_to_who_matters("kai", workbook) is workbook
    with pytest.raises(EditRefused, match="Only living people"):
        tree.add_leaf_to_who_matters("grandad", workbook)
    never_met = tree.set_known("nanna-jo", False, workbook)
    with pytest.raises(EditRefused, match="Only living people"):
        tree.add_leaf_to_who_matters("nanna-jo", never_met)


def test_start_storms():
    workbook = family()
    started = tree.start_storms(workbook)
    assert started.storms == TreePart()
    assert tree.start_storms(started) is started


def test_part_of_and_set_tree_part_cover_the_storms():
    workbook = family()
    assert tree.part_of(workbook, "storms") is None
    assert tree.part_of(workbook, "roots").words == ("Leeds", "Jamaica")
    stormy = tree.set_tree_part(workbook, "storms", TreePart(words=("the move",)))
    assert tree.part_of(stormy, "storms").words == ("the move",)
