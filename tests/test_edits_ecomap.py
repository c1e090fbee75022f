"""One test per ecomap edit (and the register's `set_kind`): what it changes, and when it
is refused."""

from __future__ import annotations

from datetime import date

import pytest

from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import ecomap as edits
from circles_tui.core.edits.people import set_kind
from circles_tui.core.model import About, Person, Workbook

CHILD = "child-2026-03-17"
FAMILY = "household-2026-03-17"
NANNA = EcoLink("nanna-jo", 3, 2, ("strong",))


@pytest.fixture
def workbook() -> Workbook:
    people = (Person("mum", "Mum"), Person("dad", "Dad"), Person("nanna-jo", "Nanna Jo"),
              Person("school", "Meadow Primary", kind="group"))
    return Workbook(About("Mia"), people, ecomaps=(
        Ecomap(CHILD, "child", date(2026, 3, 17), links=(NANNA,)),
        Ecomap(FAMILY, "household", date(2026, 3, 17), household=("mum",)),
    ))


def link(workbook: Workbook, person: str, between: str = "", ecomap: str = CHILD) -> EcoLink:
    return edits.ecomap_of(workbook, ecomap).link(person, between)


def test_set_kind(workbook):
    after = set_kind("school", "service", workbook)
    assert after.person("school").kind == "service"
    assert set_kind("school", "group", workbook) is workbook
    with pytest.raises(EditRefused, match="not a kind"):
        set_kind("school", "club", workbook)
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        set_kind("gone", "group", workbook)


def test_add_ecomap_makes_a_fresh_id_when_its_own_was_taken(workbook):
    assert edits.new_ecomap_id(workbook, "child", date(2026, 3, 17)) == CHILD + "-2"
    after = edits.add_ecomap(Ecomap(CHILD, "mum", date(2026, 3, 17)), workbook)
    assert after.ecomaps[-1].id == "mum-2026-03-17" and after.ecomaps[-1].whose == "mum"
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        edits.add_ecomap(Ecomap("x", "gone"), workbook)


def test_remove_ecomap(workbook):
    after = edits.remove_ecomap(CHILD, workbook)
    assert [e.id for e in after.ecomaps] == [FAMILY]
    assert after.people == workbook.people
    assert edits.remove_ecomap("gone", after).ecomaps == after.ecomaps


def test_set_made_on(workbook):
    after = edits.set_made_on(CHILD, date(2026, 5, 1), workbook)
    assert after.ecomaps[0].made_on == date(2026, 5, 1)
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        edits.set_made_on("gone", None, workbook)


def test_set_centre(workbook):
    assert edits.set_centre(CHILD, "planet", workbook).ecomaps[0].centre == "planet"
    with pytest.raises(EditRefused, match="not a centre"):
        edits.set_centre(CHILD, "volcano", workbook)


def test_set_whose(workbook):
    assert edits.set_whose(CHILD, "dad", workbook).ecomaps[0].whose == "dad"
    with pytest.raises(EditRefused, match="remove the link first"):
        edits.set_whose(CHILD, "nanna-jo", workbook)
    with pytest.raises(EditRefused, match="household members"):
        edits.set_whose(FAMILY, "child", workbook)


def test_set_household(workbook):
    after = edits.set_household(FAMILY, ("mum", "dad", "mum"), workbook)
    assert after.ecomaps[1].household == ("mum", "dad")
    with pytest.raises(EditRefused, match="Only a whole-family"):
        edits.set_household(CHILD, ("mum",), workbook)
    mums = edits.add_link(FAMILY, EcoLink("school", 2, 4, ("ordinary",), between="mum"), workbook)
    with pytest.raises(EditRefused, match="links of their own"):
        edits.set_household(FAMILY, (), mums)


def test_add_link(workbook):
    school = EcoLink("school", 2, 5, ("ordinary", "stressful"))
    after = edits.add_link(CHILD, school, workbook)
    assert link(after, "school") == school
    with pytest.raises(EditRefused, match="already on this ecomap"):
        edits.add_link(CHILD, NANNA, workbook)
    with pytest.raises(EditRefused, match="who the link is from"):
        edits.add_link(FAMILY, EcoLink("mum", 1, 1, ("strong",)), workbook)
    with pytest.raises(EditRefused, match="1 to 4 steps"):
        edits.add_link(CHILD, EcoLink("dad", 7, 1, ("strong",)), workbook)
    inside = EcoLink("mum", 1, 12, ("strong",), "both", between="child")
    assert link(edits.add_link(FAMILY, inside, workbook), "mum", "child", FAMILY) == inside


def test_add_link_to_new_adds_a_group_to_the_register_and_links_it(workbook):
    club = Person("mum", "Rainbows", kind="group")  # its id was taken meanwhile
    after = edits.add_link_to_new(CHILD, club, EcoLink("", 2, 7, ("strong",)), workbook)
    added = after.people[-1]
    assert (added.id, added.kind) == ("rainbows", "group")
    assert link(after, "rainbows").clock == 7
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        edits.add_link_to_new("gone", club, EcoLink("", 2, 7, ("strong",)), workbook)


def test_move_out_stops_at_the_edges(workbook):
    assert link(edits.move_out(CHILD, "nanna-jo", "", -1, workbook), "nanna-jo").distance == 2
    further = edits.move_out(CHILD, "nanna-jo", "", 5, workbook)
    assert link(further, "nanna-jo").distance == 4
    assert edits.move_out(CHILD, "nanna-jo", "", 1, further) is further
    with pytest.raises(EditRefused, match="no longer on this ecomap"):
        edits.move_out(CHILD, "dad", "", 1, workbook)


def test_move_round_wraps_past_twelve(workbook):
    assert link(edits.move_round(CHILD, "nanna-jo", "", -2, workbook), "nanna-jo").clock == 12
    assert link(edits.move_round(CHILD, "nanna-jo", "", 11, workbook), "nanna-jo").clock == 1


def test_cycle_quality_passes_over_the_second_quality(workbook):
    after = edits.cycle_quality(CHILD, "nanna-jo", "", workbook)
    assert link(after, "nanna-jo").qualities == ("ordinary",)
    mixed = edits.set_qualities(CHILD, "nanna-jo", "", ("ordinary", "tenuous"), workbook)
    assert link(edits.cycle_quality(CHILD, "nanna-jo", "", mixed), "nanna-jo").qualities == (
        "stressful", "tenuous")
    stressful = edits.set_qualities(CHILD, "nanna-jo", "", ("stressful",), workbook)
    assert link(edits.cycle_quality(CHILD, "nanna-jo", "", stressful), "nanna-jo").qualities == (
        "strong",)


def test_set_qualities(workbook):
    with pytest.raises(EditRefused, match="two different ones"):
        edits.set_qualities(CHILD, "nanna-jo", "", ("strong", "strong"), workbook)
    with pytest.raises(EditRefused, match="two different ones"):
        edits.set_qualities(CHILD, "nanna-jo", "", (), workbook)


def test_add_and_remove_a_second_quality(workbook):
    mixed = edits.add_second_quality(CHILD, "nanna-jo", "", "stressful", workbook)
    assert link(mixed, "nanna-jo").qualities == ("strong", "stressful")
    with pytest.raises(EditRefused, match="two different ones"):
        edits.add_second_quality(CHILD, "nanna-jo", "", "strong", workbook)
    single = edits.remove_second_quality(CHILD, "nanna-jo", "", mixed)
    assert link(single, "nanna-jo").qualities == ("strong",)


def test_set_flow(workbook):
    assert link(edits.set_flow(CHILD, "nanna-jo", "", "both", workbook), "nanna-jo").flow == "both"
    with pytest.raises(EditRefused, match="not a way support can flow"):
        edits.set_flow(CHILD, "nanna-jo", "", "up", workbook)


def test_set_notes(workbook):
    after = edits.set_notes(CHILD, "nanna-jo", "", " Christmas and birthdays ", " Ask Dad ",
                            workbook)
    found = link(after, "nanna-jo")
    assert (found.note, found.practitioner_note) == ("Christmas and birthdays", "Ask Dad")


def test_set_practitioner_only(workbook):
    after = edits.set_practitioner_only(CHILD, "nanna-jo", "", True, workbook)
    assert link(after, "nanna-jo").practitioner_only
    assert edits.set_practitioner_only(CHILD, "nanna-jo", "", True, after) is after


def test_remove_link(workbook):
    after = edits.remove_link(CHILD, "nanna-jo", "", workbook)
    assert after.ecomaps[0].links == () and after.person("nanna-jo")
    assert edits.remove_link(CHILD, "nanna-jo", "", after) is after
