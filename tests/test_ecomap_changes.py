"""The change report's sentences about ecomaps and the register's kinds."""

from __future__ import annotations

from datetime import date

import attrs

from circles_tui.core.audience import CHILD
from circles_tui.core.change_report import describe_changes
from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.edits import ecomap as edits
from circles_tui.core.edits.people import remove_person, set_kind
from circles_tui.core.model import About, Person, Workbook

MAP = "child-2026-03-17"
DAD = EcoLink("dad", 2, 9, ("stressful",), practitioner_note="Cancels visits")
NANNA = EcoLink("nanna-jo", 4, 2, ("strong",), "both", note="Christmas and birthdays")


def workbook(*links: EcoLink, **changes) -> Workbook:
    people = (Person("mum", "Mum"), Person("dad", "Dad"), Person("nanna-jo", "Nanna Jo"),
              Person("school", "Meadow Primary"))
    ecomap = Ecomap(MAP, "child", date(2026, 3, 17), links=links, **changes)
    return Workbook(About("Mia"), people, ecomaps=(ecomap,))


def test_a_new_ecomap_and_its_links_are_told_with_the_date():
    before = attrs.evolve(workbook(), ecomaps=())
    assert describe_changes(before, workbook(NANNA)) == [
        "Mia's ecomap (17 March 2026) was added.",
        "On Mia's ecomap, a strong link with Nanna Jo was added (far away).",
    ]
    assert describe_changes(workbook(NANNA), before) == ["Mia's ecomap (17 March 2026) was taken out."]


def test_a_links_quality_distance_flow_and_notes():
    before = workbook(DAD, NANNA)
    after = edits.set_qualities(MAP, "dad", "", ("ordinary",), before)
    after = edits.move_out(MAP, "nanna-jo", "", -2, after)
    after = edits.move_round(MAP, "nanna-jo", "", 3, after)  # layout only: not told
    after = edits.set_flow(MAP, "dad", "", "to-centre", after)
    after = edits.set_notes(MAP, "dad", "", "Comes on Saturdays", "Kept his word", after)
    assert describe_changes(before, after) == [
        "The link with Dad went from stressful to ordinary on Mia's ecomap.",
        "On Mia's ecomap, the link with Dad: support flows to Mia.",
        'On Mia\'s ecomap, the note on the link with Dad is now "Comes on Saturdays".',
        "On Mia's ecomap, the practitioner-only note on the link with Dad changed.",
        "On Mia's ecomap, the link with Nanna Jo moved nearer (near).",
    ]


def test_the_ecomap_itself_and_the_register_kinds():
    before = workbook(NANNA)
    after = edits.set_centre(MAP, "island", edits.set_made_on(MAP, date(2026, 5, 1), before))
    after = edits.remove_link(MAP, "nanna-jo", "", set_kind("school", "group", after))
    assert describe_changes(before, after) == [
        "Meadow Primary is now recorded as a group (a school, a club, a faith group).",
        "Mia's ecomap is now dated 1 May 2026.",
        "The middle of Mia's ecomap is now a desert island.",
        "On Mia's ecomap, the link with Nanna Jo was taken out.",
    ]
    assert not any("ecomap" in s for s in describe_changes(before, remove_person(before, "nanna-jo")))


def test_links_inside_the_family_are_named_by_both_ends():
    people = (Person("mum", "Mum"), Person("lou", "Lou"))
    family = Ecomap("h", "household", household=("mum",), links=(
        EcoLink("lou", 3, 4, ("tenuous",), between="mum"),))
    before = Workbook(About("Mia"), people, ecomaps=(family,))
    after = edits.cycle_quality("h", "lou", "mum", before)
    after = edits.add_link("h", EcoLink("mum", 1, 12, ("strong",), between="child"), after)
    assert describe_changes(before, after) == [
        "The link between Mum and Lou went from tenuous (weak) to stressful on Mia's family ecomap.",
        "On Mia's family ecomap, a strong link between Mia and Mum was added.",
    ]


def test_the_child_is_never_told_about_a_practitioner_only_link():
    before = workbook(NANNA)
    hidden = edits.add_link(MAP, attrs.evolve(DAD, practitioner_only=True), before)
    assert describe_changes(before, hidden, audience=CHILD) == []
    assert any("Cancels" not in s and "Dad" in s for s in describe_changes(before, hidden))
    assert not any("Cancels" in s for s in describe_changes(before, hidden))
