"""The proposed network list, disagreements and gaps."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import attrs
import pytest

from circles_tui.core.wording import bundled
from circles_tui.core.model import About, Person, Placement, Supporter, Workbook
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.proposed_network import anyone_placed, proposed_network
from circles_tui.core.talk_points import disagreements, gaps
from tests.conftest import EXAMPLES
from tests.sample_workbooks import small_workbook

CONTENT = bundled()


def by_name(workbook: Workbook):
    return {entry.person.name: entry for entry in proposed_network(workbook)}


def test_family_and_friends_come_first_grouped_by_circle_then_professionals():
    entries = proposed_network(small_workbook())
    assert [(e.person.name, e.natural, e.group) for e in entries] == [
        ("Dad", True, "who-matters"), ("Kyle", True, "who-matters"),
        ("Nanna Jo", True, "who-matters"), ("Aunty Bea", True, "who-could-help"),
        ("Mrs Khan", False, "trusted-adults"),  # a teacher: a professional
    ]


def test_the_list_never_ranks_by_number_of_mentions():
    # Gran appears once, in the tree only; Nanna Jo appears eight times. Gran is not
    # pushed down below anyone in her group for being mentioned less.
    workbook = small_workbook()
    workbook = attrs.evolve(
        workbook,
        people=workbook.people + (Person("gran", "Abigail Gran", "Dad's mum"),),
        circles={**workbook.circles, "who-matters": workbook.circles["who-matters"]
                 + (Placement("gran", 3),)},
    )
    names = [e.person.name for e in proposed_network(workbook) if e.group == "who-matters"]
    assert names == ["Abigail Gran", "Dad", "Kyle", "Nanna Jo"]


def test_professional_roles_come_from_the_wording_and_match_whole_words():
    from circles_tui.core.proposed_network import is_professional

    assert is_professional(Person("a", "A", "Mum's recovery worker"), CONTENT)
    assert is_professional(Person("b", "B", "Class Teacher, Year 3"), CONTENT)
    assert not is_professional(Person("c", "C", "Dad's sister"), CONTENT)
    assert not is_professional(Person("d", "D", "Group leader at Brownies"), CONTENT)  # not "gp"
    none = attrs.evolve(CONTENT, professional_roles=())
    assert not is_professional(Person("b", "B", "Class teacher"), none)


def test_never_met_living_relatives_stay_in_marked():
    workbook = small_workbook()
    workbook = attrs.evolve(
        workbook,
        people=workbook.people + (Person("cousin", "Cousin Ola", "cousin", known=False),),
        circles={**workbook.circles, "who-could-help": workbook.circles["who-could-help"]
                 + (Placement("cousin", 3),)},
    )
    entries = by_name(workbook)
    assert entries["Cousin Ola"].never_met
    assert not entries["Nanna Jo"].never_met


def test_anyone_placed_agrees_with_the_list():
    workbook = small_workbook()
    assert anyone_placed(workbook) and proposed_network(workbook)
    nobody = attrs.evolve(workbook, circles={}, supporters={}, tree={}, storms=None)
    assert not anyone_placed(nobody) and not proposed_network(nobody)


def test_people_placed_nowhere_or_not_living_are_left_out():
    names = by_name(small_workbook())
    assert "Unplaced Uncle" not in names
    assert "Grandad Pete" not in names  # a leaf and in who-matters, but has died


def test_entry_gathers_every_appearance():
    nan = by_name(small_workbook())["Nanna Jo"]
    assert nan.circles == (
        ("who-matters", 1), ("trusted-adults", 1), ("who-knows", 3),
        ("who-could-help", 1), ("services-suggest", 1),
    )
    assert nan.supporter_kinds == ("emotional",)
    assert nan.tree_parts == ("leaves", "storms")
    assert nan.suggested_by == ("child", "parent-carer", "practitioner")
    assert nan.knows_worries == 3
    assert nan.roles == ("emotional", "practical", "care")
    assert nan.lives == "Leeds"
    assert nan.concerns == ()
    assert nan.discuss_before_inviting is False
    assert nan.yp_view == "agree"


def test_concerns_come_from_person_services_and_false_supporters():
    entries = by_name(small_workbook())
    dad = entries["Dad"]
    assert dad.concerns == (
        "Police call-out in March",
        "Need to talk about: Dad has parental responsibility and we need to talk about the worries",
    )
    assert dad.discuss_before_inviting
    assert dad.yp_view == "disagree"
    assert entries["Kyle"].concerns == ("False supporters: Tells my secrets",)
    assert entries["Kyle"].discuss_before_inviting
    assert entries["Mrs Khan"].knows_worries == 1
    assert entries["Aunty Bea"].roles == ("emotional",)


def test_a_concern_reason_type_is_a_concern_even_in_the_inner_ring():
    workbook = set_placements(small_workbook(), "services-suggest", [
        Placement("aunt", 1, extras={"reason": "Drinks", "reason_type": "concern"}),
    ])
    aunt = by_name(workbook)["Aunty Bea"]
    assert aunt.concerns == ("A worry to talk about: Drinks",)
    assert aunt.suggested_by == ("child", "practitioner")


def test_disagreements_are_plain_sentences_with_content_wording():
    assert disagreements(small_workbook(), CONTENT) == (
        "Sam Smith puts Dad in 'Closest to me' in Who matters, but in "
        "Services suggest they are at 'Need to talk about'.",
        "Kyle is among False supporters, but is in 'Closest to me' in Who matters.",
        "Dad is at 'Need to talk about' in Services suggest, "
        "and 'Young person's view' is 'Disagrees' (\"I want Dad there\").",
        "Sam Smith would go to Nanna Jo 'Straight away' (Who I'd go to), but they are at "
        "'Doesn't know yet' in Who knows.",
        "Mrs Khan is at 'Knows most things' in Who knows, but is in none of "
        "the supporter circles.",
        "Dad has a concern noted (practitioner only), but is in 'Closest to me' in Who matters.",
    )


def test_concern_sentences_are_left_out_when_not_private():
    found = disagreements(small_workbook(), CONTENT, include_private=False)
    assert not any("concern" in line for line in found)
    assert len(found) == len(disagreements(small_workbook(), CONTENT)) - 1


def _missed_case() -> Workbook:
    """The issue's workbook: services suggest an aunt the child is unsure about, who is
    in none of the child's circles; a false supporter with a concern in Who matters."""
    return Workbook(
        About(child="Mia"),
        people=(Person("aunt", "Auntie Shanice", "Dad's sister"),
                Person("gaz", "Gaz", "Mum's boyfriend", concern="Shouts at Mia")),
        circles={
            "who-matters": (Placement("gaz", 2, named_by="child"),),
            "services-suggest": (Placement("aunt", 2, extras={
                "reason": "She offered to help", "yp_view": "unsure"}),),
        },
        supporters={"false": (Supporter("gaz"),)},
    )


def test_services_suggest_someone_the_child_is_unsure_about():
    assert (
        "Auntie Shanice is at 'Could be involved' in Services suggest, and 'Young person's view' is 'Not sure'."
    ) in disagreements(_missed_case(), CONTENT)


def test_services_suggest_someone_in_none_of_the_childs_circles():
    assert (
        "Auntie Shanice is in Services suggest, but in none "
        "of Mia's own circles."
    ) in disagreements(_missed_case(), CONTENT)


def test_a_false_supporter_in_who_matters_at_any_ring():
    assert (
        "Gaz is among False supporters, but is in 'Important to me' in Who matters."
    ) in disagreements(_missed_case(), CONTENT)


def test_a_person_with_a_concern_in_a_close_circle():
    workbook = set_placements(_missed_case(), "trusted-adults", [Placement("gaz", 3)])
    found = disagreements(workbook, CONTENT)
    assert (
        "Gaz has a concern noted (practitioner only), but is in 'Not sure' in Who I'd go to."
    ) in found
    assert (
        "Gaz has a concern noted (practitioner only), but is in 'Important to me' in Who matters."
    ) in found


def test_a_services_concern_counts_as_a_concern():
    workbook = _missed_case()
    workbook = set_placements(workbook, "services-suggest", [Placement("aunt", 3, extras={
        "reason": "Drinks", "reason_type": "concern"})])
    workbook = set_placements(workbook, "trusted-adults", [Placement("aunt", 1)])
    assert any(line.startswith("Auntie Shanice has a concern noted")
               for line in disagreements(workbook, CONTENT))


def test_someone_who_knows_the_worries_well_in_no_supporter_circle():
    workbook = set_placements(_missed_case(), "who-knows", [Placement("aunt", 1), Placement("gaz", 2)])
    found = [line for line in disagreements(workbook, CONTENT) if "supporter circles" in line]
    assert found == [
        "Auntie Shanice is at 'Knows most things' in Who knows, but is in "
        "none of the supporter circles."
    ]
    supported = attrs.evolve(workbook, supporters={**workbook.supporters,
                                                   "practical": (Supporter("aunt"),)})
    assert not any("supporter circles" in line for line in disagreements(supported, CONTENT))


def test_a_supporter_in_no_circle():
    workbook = attrs.evolve(_missed_case(), people=_missed_case().people + (Person("jo", "Jo"),),
                            supporters={"false": (Supporter("gaz"),),
                                        "emotional": (Supporter("jo"),)})
    found = disagreements(workbook, CONTENT)
    assert "Jo is among Emotional supporters, but is in none of the circles." in found
    # A false supporter in no circle is not a conversation point of this kind.
    assert not any(line.startswith("Gaz is among False supporters, but is in none") for line in found)


def test_disagreements_follow_the_content_wording():
    circle = CONTENT.circle("who-matters")
    renamed = attrs.evolve(circle, short="My people", rings=("Inner", "Middle", "Outer"))
    content = attrs.evolve(
        CONTENT, circles=tuple(renamed if c.id == "who-matters" else c for c in CONTENT.circles)
    )
    assert disagreements(small_workbook(), content)[0].startswith(
        "Sam Smith puts Dad in 'Inner' in My people, but"
    )


def test_services_inner_ring_but_child_not_sure():
    workbook = set_placements(small_workbook(), "trusted-adults", [Placement("nan", 3)])
    assert (
        "In Services suggest, Nanna Jo is at 'Should be "
        "involved', but in Who I'd go to Sam Smith puts them at 'Not sure'."
    ) in disagreements(workbook, CONTENT)


def test_gaps():
    assert gaps(small_workbook(), CONTENT) == (
        "Nobody in Who I'd go to has 'Weekends' under 'When you can reach them'.",
        "Nanna Jo has 'Yes' under 'Should they know more?' but nothing under 'Who will tell them'.",
        "Nobody is in Practical supporters yet.",
    )


def test_gaps_of_an_empty_workbook_name_every_circle():
    found = gaps(Workbook(About(child="Ali")), CONTENT)
    for circle in CONTENT.circles:
        assert f"{circle.short} has not been started." in found
    assert "Nobody is in Emotional supporters yet." in found


def test_gaps_when_nobody_is_close_or_knows():
    workbook = Workbook(
        About(child="Ali", session_dates=(date(2026, 1, 1),)),
        people=(Person("a", "Ann"),),
        circles={
            "trusted-adults": (Placement("a", 2, extras={"reachable": ("weekends",)}),),
            "who-knows": (Placement("a", 3),),
            "services-suggest": (Placement("a", 2),),
        },
        supporters={"emotional": (Supporter("a"),), "practical": (Supporter("a"),)},
    )
    assert gaps(workbook, CONTENT) == (
        "Who matters has not been started.",
        "Who could help has not been started.",
        "Nobody is at 'Straight away' in Who I'd go to.",
        "Nobody in Who knows is at 'Knows most things' or 'Knows a little'.",
        "Ann is in Services suggest with nothing under "
        "'Why I suggest them'.",
        "Ann is in Services suggest with nothing under "
        "'Young person's view'.",
    )


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_every_example(path):
    from circles_tui.core.file_format import read_workbook

    workbook = read_workbook(path).workbook
    entries = proposed_network(workbook)
    placed = {pid for pid in (p.id for p in workbook.people) if workbook.appearances(pid)}
    listed = {entry.person.id for entry in entries}
    assert listed <= placed
    assert all(isinstance(s, str) and s.endswith((".", "?", "!"))
               for s in disagreements(workbook, CONTENT) + gaps(workbook, CONTENT))


def test_data_side_never_imports_textual_or_rich():
    code = (
        "import sys\n"
        "import circles_tui.core.proposed_network, circles_tui.core.change_report, circles_tui.export\n"
        "from circles_tui.export import markdown, html, svg, text\n"
        "import circles_tui.core.audience, circles_tui.core.redaction\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
