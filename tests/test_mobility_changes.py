"""The change report's sentences about the mobility map, for each audience."""

from __future__ import annotations

import attrs

from circles_tui.core.audience import BEYOND_TEAM, CHILD
from circles_tui.core.change_report import describe_changes
from circles_tui.core.edits import mobility as edits
from circles_tui.core.mobility import Stay
from circles_tui.core.model import About, Person, Workbook

NAN = Stay("nan-s", "Nan's flat in Luton", "lived", "2015", "2017", ("nan",), "My own room",
           "Ask about the move")


def before() -> Workbook:
    return Workbook(About("Jay"), (Person("nan", "Nan", lives="Luton"), Person("sal", "Sal")),
                    mobility=(Stay("school", "Hill Street Primary", "school"),))


def test_a_new_place_and_its_people():
    after = attrs.evolve(before(), mobility=before().mobility + (NAN,))
    said = describe_changes(before(), after)
    assert "A new place: Nan's flat in Luton (lived, 2015-2017)." in said
    assert "Nan is tied to Nan's flat in Luton." in said


def test_a_changed_place_says_what_changed_and_never_quotes_the_practitioner_note():
    old = edits.add_stay(NAN, before())
    new = edits.edit_stay(attrs.evolve(NAN, kind="stayed", when_to="", note="",
                                       practitioner_note="Moved in a hurry"), old)
    new = edits.link_person("nan-s", "sal", edits.unlink_person("nan-s", "nan", new))
    new = edits.move_stay("nan-s", -1, new)
    said = describe_changes(old, new)
    assert said == [
        "Nan's flat in Luton is now: (stayed, 2015).",
        "What the child said about Nan's flat in Luton was taken out.",
        "The practitioner-only note on Nan's flat in Luton changed.",
        "Sal is tied to Nan's flat in Luton.",
        "Nan is no longer tied to Nan's flat in Luton.",
        "The places on the mobility map are in a new order.",
    ]
    assert not any("hurry" in s for s in said)


def test_a_renamed_and_a_removed_place():
    old = edits.add_stay(NAN, before())
    new = edits.remove_stay("school", edits.edit_stay(attrs.evolve(NAN, place="Nan's house"), old))
    assert describe_changes(old, new) == [
        "The place Nan's flat in Luton is now called Nan's house.",
        "Hill Street Primary was taken off the mobility map.",
    ]


def test_the_child_and_people_beyond_the_team_read_only_their_view():
    after = attrs.evolve(before(), mobility=before().mobility + (NAN,))
    noted = edits.edit_stay(attrs.evolve(NAN, practitioner_note="Moved in a hurry"), after)
    assert describe_changes(after, noted, None, CHILD) == []
    redacted = " ".join(describe_changes(before(), after, None, BEYOND_TEAM))
    assert "A new place:" in redacted and "Luton" not in redacted and "Nan" not in redacted
