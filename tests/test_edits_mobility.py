"""One test per mobility-map edit: what it changes, and when it is refused."""

from __future__ import annotations

import attrs
import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import mobility as edits
from circles_tui.core.edits.circles import placement_of
from circles_tui.core.mobility import Stay
from circles_tui.core.model import About, Person, Placement, Workbook


@pytest.fixture
def workbook() -> Workbook:
    stays = (Stay("mum-s", "Mum's flat in Luton", "lived", "age 3", "age 7", ("mum",)),
             Stay("nan-s", "Nan's flat", "stayed", "2015", people=("nan", "mum")),
             Stay("school", "Hill Street Primary", "school"))
    people = (Person("mum", "Mum"), Person("nan", "Nan"), Person("sal", "Sal next door"))
    return Workbook(About("Jay"), people, mobility=stays)


def test_add_stay_tidies_and_appends(workbook):
    after = edits.add_stay(Stay("caravan", " The caravan ", "visited", " 2019 "), workbook)
    assert after.mobility[-1] == Stay("caravan", "The caravan", "visited", "2019")


def test_add_stay_makes_a_fresh_id_and_refuses_a_blank_place(workbook):
    after = edits.add_stay(Stay("nan-s", "Nan's house", "lived"), workbook)
    assert after.mobility[-1].id == "nan-s-house"
    with pytest.raises(EditRefused, match="needs a name"):
        edits.add_stay(Stay("x", "  ", "lived"), workbook)
    with pytest.raises(EditRefused, match="kind of place"):
        edits.add_stay(attrs.evolve(Stay("x", "Park", "lived"), kind="holiday"), workbook)


def test_edit_stay_keeps_the_people_and_refuses_a_gone_place(workbook):
    after = edits.edit_stay(Stay("nan-s", "Nan's flat in Luton", "lived", "2015", "2017",
                                 note=" I had my own room "), workbook)
    stay = after.mobility[1]
    assert (stay.place, stay.kind, stay.when, stay.note, stay.people) == (
        "Nan's flat in Luton", "lived", "2015-2017", "I had my own room", ("nan", "mum"))
    with pytest.raises(EditRefused, match="no longer on the mobility map"):
        edits.edit_stay(Stay("gone", "Somewhere", "lived"), workbook)


def test_remove_stay(workbook):
    after = edits.remove_stay("nan-s", workbook)
    assert [s.id for s in after.mobility] == ["mum-s", "school"]
    assert after.people == workbook.people
    assert edits.remove_stay("nan-s", after) is after


def test_move_stay_earlier_and_later_stops_at_the_ends(workbook):
    assert [s.id for s in edits.move_stay("school", -1, workbook).mobility] == [
        "mum-s", "school", "nan-s"]
    assert [s.id for s in edits.move_stay("mum-s", 2, workbook).mobility] == [
        "nan-s", "school", "mum-s"]
    assert edits.move_stay("mum-s", -1, workbook) is workbook
    with pytest.raises(EditRefused):
        edits.move_stay("gone", 1, workbook)


def test_link_and_unlink_a_person(workbook):
    after = edits.link_person("school", "sal", workbook)
    assert after.mobility[2].people == ("sal",)
    assert edits.link_person("school", "sal", after) is after
    assert edits.unlink_person("school", "sal", after).mobility[2].people == ()
    assert edits.unlink_person("school", "nan", workbook) is workbook
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        edits.link_person("school", "gone", workbook)


def test_link_a_new_person(workbook):
    after = edits.link_new_person("school", Person("mum", "Mrs Okafor", "neighbour"), workbook)
    assert after.person("mrs-okafor").relationship == "neighbour"  # "mum" was taken
    assert after.mobility[2].people == ("mrs-okafor",)
    with pytest.raises(EditRefused):
        edits.link_new_person("gone", Person("x", "X"), workbook)


def test_ask_about_places_them_in_who_could_we_ask(workbook):
    after = edits.ask_about("nan-s", "nan", False, workbook)
    assert placement_of(after, "who-could-help", "nan") == Placement("nan", 2, named_by="child")
    lost = edits.ask_about("nan-s", "nan", True, workbook)
    assert placement_of(lost, "who-could-help", "nan").ring == 3
    assert edits.ask_about("nan-s", "nan", False, lost) is lost  # stays where they are
    assert placement_of(edits.ask_about("nan-s", "nan", True, after),
                        "who-could-help", "nan").ring == 3
    with pytest.raises(EditRefused, match="no longer tied"):
        edits.ask_about("school", "nan", False, workbook)
