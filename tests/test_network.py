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
from circles_tui.core.proposed_network import anyone_placed, disagreements, gaps, proposed_network
from tests.conftest import EXAMPLES
from tests.sample_workbooks import small_workbook

CONTENT = bundled()


def by_name(workbook: Workbook):
    return {entry.person.name: entry for entry in proposed_network(workbook)}


def test_entries_are_ordered_by_appearances_then_name():
    names = [entry.person.name for entry in proposed_network(small_workbook())]
    assert names == ["Nanna Jo", "Dad", "Kyle", "Mrs Khan", "Aunty Bea"]


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
        "Sam Smith puts Dad in 'Closest to me' in People who are important to me, but in "
        "People Children's Services think should be involved they are at 'Need to talk about'.",
        "Kyle is among False supporters, but is in 'Closest to me' in People who are "
        "important to me.",
        "Dad is at 'Need to talk about' in People Children's Services think should be involved, "
        "and 'Young person's view' is 'Disagrees' (\"I want Dad there\").",
        "Sam Smith would go to Nanna Jo 'Straight away' (Who I would go to), but they are at "
        "'Doesn't know yet' in Who knows about the worries.",
    )


def test_disagreements_follow_the_content_wording():
    circle = CONTENT.circle("who-matters")
    renamed = attrs.evolve(circle, title="My people", rings=("Inner", "Middle", "Outer"))
    content = attrs.evolve(
        CONTENT, circles=tuple(renamed if c.id == "who-matters" else c for c in CONTENT.circles)
    )
    assert disagreements(small_workbook(), content)[0].startswith(
        "Sam Smith puts Dad in 'Inner' in My people, but"
    )


def test_services_inner_ring_but_child_not_sure():
    workbook = set_placements(small_workbook(), "trusted-adults", [Placement("nan", 3)])
    assert (
        "In People Children's Services think should be involved, Nanna Jo is at 'Should be "
        "involved', but in Who I would go to Sam Smith puts them at 'Not sure'."
    ) in disagreements(workbook, CONTENT)


def test_gaps():
    assert gaps(small_workbook(), CONTENT) == (
        "Nobody in Who I would go to has 'Weekends' under 'When you can reach them'.",
        "Nanna Jo has 'Yes' under 'Should they know more?' but nothing under 'Who will tell them'.",
        "Nobody is in Practical supporters yet.",
    )


def test_gaps_of_an_empty_workbook_name_every_circle():
    found = gaps(Workbook(About(child="Ali")), CONTENT)
    for circle in CONTENT.circles:
        assert f"{circle.title} has not been started." in found
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
        "People who are important to me has not been started.",
        "Who could we ask? has not been started.",
        "Nobody is at 'Straight away' in Who I would go to.",
        "Nobody in Who knows about the worries is at 'Knows most things' or 'Knows a little'.",
        "Ann is in People Children's Services think should be involved with nothing under "
        "'Why I suggest them'.",
        "Ann is in People Children's Services think should be involved with nothing under "
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
