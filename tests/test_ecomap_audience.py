"""Who sees what of an ecomap (core/audience.py): one row per audience."""

from __future__ import annotations

from datetime import date

import pytest

from circles_tui.core import audience
from circles_tui.core.audience import AUDIENCES, BEYOND_TEAM, CHILD, FAMILY, PRACTITIONER
from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.redaction import pseudonyms
from circles_tui.core.wording import bundled

SHARED = EcoLink("nanna-jo", 3, 2, ("strong",), "both", note="Jo bakes with me in Yarmouth",
                 practitioner_note="Ask Dad about Christmas")
HIDDEN = EcoLink("kayleigh", 2, 8, ("stressful",), note="She takes my money",
                 practitioner_only=True)


def workbook() -> Workbook:
    people = (Person("nanna-jo", "Nanna Jo", "Dad's mum", "Great Yarmouth"),
              Person("kayleigh", "Kayleigh", "Older girl in the flats"),
              Person("school", "Meadow Primary", "Mia's school", kind="group"))
    return Workbook(About("Mia"), people, ecomaps=(
        Ecomap("child-2026-03-17", "child", date(2026, 3, 17), links=(SHARED, HIDDEN)),))


# audience -> (sees the hidden link, sees the practitioner's note, the note as it is)
ROWS = {
    PRACTITIONER: (True, True, True),
    CHILD: (False, False, True),
    FAMILY: (False, False, True),
    BEYOND_TEAM: (False, False, False),
}


@pytest.mark.parametrize("who", AUDIENCES)
def test_each_audience_sees_what_the_rule_says_of_an_ecomap(who):
    hidden_seen, note_seen, words_as_they_are = ROWS[who]
    links = audience.view(workbook(), bundled(), who).ecomaps[0].links
    assert (HIDDEN.person in [k.person for k in links]) == hidden_seen
    shared = next(k for k in links if k.person == "nanna-jo")
    assert (shared.practitioner_note == SHARED.practitioner_note) == note_seen
    assert (shared.note == SHARED.note) == words_as_they_are
    assert (shared.distance, shared.clock, shared.qualities, shared.flow) == (3, 2, ("strong",),
                                                                              "both")
    assert audience.links_seen(workbook().ecomaps[0], who) == (
        (SHARED, HIDDEN) if hidden_seen else (SHARED,))


def test_redaction_replaces_names_in_a_links_words_and_calls_a_group_a_group():
    shared = audience.view(workbook(), bundled(), BEYOND_TEAM).ecomaps[0].links[0]
    assert "Jo" not in shared.note and "Yarmouth" not in shared.note
    assert pseudonyms(workbook())["school"] == "Group 1"
    seen = audience.view(workbook(), bundled(), BEYOND_TEAM)
    assert (seen.person("school").name, seen.person("school").relationship) == ("Group 1", "Group")


# -- where someone appears, and the proposed network ------------------------------------------


def test_people_on_an_ecomap_appear_in_people_with_the_ecomap_named():
    from circles_tui.core.places import place_names

    assert workbook().appearances("kayleigh") == [("ecomap", "child-2026-03-17")]
    assert place_names(workbook(), bundled(), "nanna-jo") == ["Mia's ecomap (17 March 2026)"]
    assert place_names(workbook(), bundled(), "kayleigh") == ["Mia's ecomap (17 March 2026)"]
    assert place_names(workbook(), bundled(), "kayleigh", child_view=True) == []


def test_the_proposed_network_lists_groups_and_services_apart():
    from circles_tui.core.ecomap import Ecomap as Map
    from circles_tui.core.proposed_network import GROUPS_TITLE, NATURAL_TITLE, proposed_network

    school = EcoLink("school", 2, 5, ("ordinary",))
    book = audience.view(workbook(), bundled(), CHILD)
    book = Workbook(book.about, book.people, ecomaps=(
        Map("c", "child", links=book.ecomaps[0].links + (school,)),))
    entries = proposed_network(book)
    assert [(e.person.id, e.side, e.group, e.ecomaps) for e in entries] == [
        ("nanna-jo", NATURAL_TITLE, "ecomap", ("c",)),
        ("school", GROUPS_TITLE, "ecomap", ("c",)),
    ]  # Kayleigh's link is practitioner-only: not in the child's list


def test_someone_only_on_a_practitioner_only_link_is_not_offered_for_inviting_in_child_view():
    from circles_tui.steps.invitations import invitees

    from circles_tui.core.edits.ecomap import add_link

    linked = add_link("child-2026-03-17", EcoLink("school", 2, 6, ("strong",)), workbook())
    ids = [person.id for person, _ in invitees(linked, bundled())]
    assert ids == ["kayleigh", "nanna-jo"]  # not the school: a group is not invited
    assert [p.id for p, _ in invitees(workbook(), bundled(), child_view=True)] == ["nanna-jo"]
    assert audience.ecomaps_seen_on(workbook(), "kayleigh", CHILD) == ()
    assert audience.ecomaps_seen_on(workbook(), "kayleigh", PRACTITIONER) == ("child-2026-03-17",)
