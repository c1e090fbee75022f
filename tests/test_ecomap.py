"""Ecomaps: the records and their rules, the register's kinds, the file tables, and opening
version-2 files; removing and merging people keeps ecomaps whole."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.edits.people import combine_people, remove_person
from circles_tui.core.file_format import (
    WorkbookFileError,
    dumps,
    parse_workbook,
    read_workbook,
    save_workbook,
)
from circles_tui.core.model import FORMAT_VERSION, About, ModelError, Person, Workbook

PEOPLE = (
    Person("mum", "Mum"), Person("dad", "Dad"), Person("nanna-jo", "Nanna Jo"),
    Person("school", "Meadow Primary", kind="group"), Person("gp", "Dr Patel's surgery",
                                                            kind="service"),
)


def child_map(*links: EcoLink, **changes) -> Ecomap:
    return Ecomap("child-2026-03-17", "child", date(2026, 3, 17), links=links,
                  **{"centre": "island", **changes})


def family_map(*links: EcoLink) -> Ecomap:
    return Ecomap("household-2026-03-17", "household", date(2026, 3, 17),
                  household=("mum",), links=links)


def workbook(*ecomaps: Ecomap, people=PEOPLE) -> Workbook:
    return Workbook(About("Mia"), people, ecomaps=ecomaps)


NANNA = EcoLink("nanna-jo", 3, 2, ("strong",), "both", note="Seen at Christmas")
DAD = EcoLink("dad", 2, 9, ("stressful", "strong"), "to-centre", practitioner_note="Cancels",
              practitioner_only=True)


def test_a_whole_workbook_with_ecomaps_round_trips_through_its_file():
    inside = EcoLink("mum", 1, 12, ("strong",), "both", between="child")
    mums = EcoLink("gp", 4, 5, ("tenuous",), between="mum")
    original = workbook(child_map(NANNA, DAD), family_map(inside, mums),
                        Ecomap("mums-own", "mum", None, "pitch"))
    text = dumps(original)
    assert "[[ecomaps]]" in text and "[[ecomaps.links]]" in text
    assert 'kind = "group"' in text and 'kind = "person"' not in text  # the default is left out
    assert parse_workbook(text) == original
    assert dumps(parse_workbook(text)) == text


def test_no_ecomaps_write_no_table():
    assert "ecomaps" not in dumps(workbook())


@pytest.mark.parametrize("change, fragment", [
    (lambda: child_map(attrs.evolve(NANNA, person="nobody")), "no one in the people list"),
    (lambda: child_map(attrs.evolve(NANNA, distance=5)), "from 1 (nearest) to 4"),
    (lambda: child_map(attrs.evolve(NANNA, clock=0)), "from 1 to 12"),
    (lambda: child_map(attrs.evolve(NANNA, qualities=())), "one quality, or two"),
    (lambda: child_map(attrs.evolve(NANNA, qualities=("strong", "tenuous", "ordinary"))),
     "one quality, or two"),
    (lambda: child_map(attrs.evolve(NANNA, qualities=("warm",))), "drawn from strong"),
    (lambda: child_map(attrs.evolve(NANNA, qualities=("strong", "strong"))), "twice"),
    (lambda: child_map(attrs.evolve(NANNA, flow="sideways")), "to-centre"),
    (lambda: child_map(NANNA, attrs.evolve(NANNA, distance=1)), "linked twice"),
    (lambda: child_map(attrs.evolve(NANNA, between="mum")), "household members"),
    (lambda: child_map(centre="volcano"), "plain, island, planet, pitch"),
    (lambda: child_map(household=("mum",)), "only a whole-family ecomap"),
    (lambda: Ecomap("x", "nobody"), "child, household, or the id"),
    (lambda: Ecomap("mums", "mum", links=(attrs.evolve(NANNA, person="mum"),)),
     "cannot be linked with themselves"),
    (lambda: family_map(EcoLink("mum", 1, 1, ("strong",))), "say whom the link starts from"),
    (lambda: family_map(EcoLink("mum", 1, 1, ("strong",), between="mum")), "two different ends"),
    (lambda: family_map(EcoLink("dad", 1, 1, ("strong",), between="gp")), "household members"),
    (lambda: Ecomap("Bad Id", "child"), "an id is 1 to 64"),
])
def test_an_ecomap_that_breaks_a_rule_is_refused(change, fragment):
    with pytest.raises(ModelError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        workbook(change())


def test_a_link_inside_the_household_is_recorded_once_whichever_way_round():
    there = EcoLink("dad", 2, 3, ("ordinary",), between="mum")
    back = EcoLink("mum", 2, 3, ("ordinary",), between="dad")
    both = Ecomap("h", "household", household=("mum", "dad"), links=(there, back))
    with pytest.raises(ModelError, match="linked twice"):
        workbook(both)
    assert workbook(attrs.evolve(both, links=(there,))).ecomaps[0].link("mum", "dad") == there


def test_two_ecomaps_cannot_share_an_id():
    with pytest.raises(ModelError, match="used by two ecomaps"):
        workbook(child_map(), child_map())


def test_a_register_entry_is_a_person_group_service_or_place():
    assert workbook().person("school").kind == "group"
    with pytest.raises(ModelError, match=r"people\[0\].kind"):
        workbook(people=(Person("x", "X", kind="club"),))


V2 = ('format = "circles-tui workbook"\nformat_version = 2\n\n[about]\nchild = "Mia"\n'
      '\n[[people]]\nid = "nanna-jo"\nname = "Nanna Jo"\n'
      '\n[meeting]\nplace = "Family centre"\n')


def test_a_version_2_file_opens_unchanged_and_becomes_version_3_only_when_saved(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text(V2)
    opened = read_workbook(path)
    assert opened.workbook.ecomaps == ()
    assert opened.workbook.person("nanna-jo").kind == "person"
    assert path.read_text() == V2  # opening never writes
    save_workbook(path, opened.workbook, opened.fingerprint)
    saved = path.read_text()
    assert FORMAT_VERSION == 3 and "format_version = 3" in saved
    assert saved.replace("format_version = 3", "format_version = 2").endswith(V2.split("\n\n", 1)[1])
    assert read_workbook(path).workbook == opened.workbook


@pytest.mark.parametrize("table, fragment", [
    ('\n[[ecomaps]]\nid = "a"\nwhose = "child"\nmade = 2026-03-17\n', "not a key this format knows"),
    ('\n[[ecomaps]]\nid = "a"\nwhose = "child"\nmade_on = "March"\n', "must be a date"),
    ('\n[[ecomaps]]\nid = "a"\nwhose = "child"\n\n[[ecomaps.links]]\nperson = "nanna-jo"\n'
     'clock = 3\nqualities = ["strong"]\n', "'distance' is missing"),
    ('\n[[ecomaps]]\nid = "a"\nwhose = "child"\n\n[[ecomaps.links]]\nperson = "nanna-jo"\n'
     'distance = 1\nclock = 3\nqualities = ["strong"]\npractitioner_only = "yes"\n',
     "true or false"),
    ('\n[[ecomaps]]\nid = "a"\nwhose = "child"\n\n[[ecomaps.links]]\nperson = "nanna-jo"\n'
     'distance = 9\nclock = 3\nqualities = ["strong"]\n', "from 1 (nearest) to 4"),
])
def test_a_broken_ecomap_table_is_refused_with_its_line(table, fragment):
    text = V2.replace("format_version = 2", "format_version = 3") + table
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(text, "mia.toml")
    assert fragment in caught.value.problem
    assert caught.value.line is not None and caught.value.line > 11


# -- people leaving or merging --------------------------------------------------------------


def test_removing_someone_takes_their_links_their_place_and_their_own_ecomap():
    family = family_map(EcoLink("mum", 1, 12, ("strong",), between="child"),
                        EcoLink("gp", 4, 5, ("tenuous",), between="mum"),
                        EcoLink("school", 2, 5, ("ordinary",), between="child"))
    before = workbook(child_map(NANNA, DAD), family, Ecomap("mums", "mum"))
    after = remove_person(before, "mum")
    assert [e.id for e in after.ecomaps] == ["child-2026-03-17", "household-2026-03-17"]
    assert after.ecomaps[1].household == ()
    assert [k.person for k in after.ecomaps[1].links] == ["school"]
    assert after.ecomaps[0] is before.ecomaps[0]  # untouched ecomaps stay the same value
    assert remove_person(before, "dad").ecomaps[0].links == (NANNA,)


def test_merging_keeps_the_kept_persons_own_link_and_relinks_the_rest():
    people = PEOPLE + (Person("jo", "Jo"),)
    jo = EcoLink("jo", 1, 6, ("ordinary",))
    before = workbook(child_map(NANNA, jo), Ecomap("jos", "jo", links=(DAD,)),
                      Ecomap("h", "household", household=("jo",),
                             links=(EcoLink("nanna-jo", 1, 1, ("strong",), between="jo"),)),
                      people=people)
    after = combine_people(before, "nanna-jo", "jo")
    assert after.ecomaps[0].links == (NANNA,)  # Nanna Jo's own link wins
    assert after.ecomaps[1].whose == "nanna-jo"
    assert after.ecomaps[2].household == ("nanna-jo",)
    assert after.ecomaps[2].links == ()  # a link from her to herself goes
    single = combine_people(workbook(child_map(jo), people=people), "nanna-jo", "jo")
    assert single.ecomaps[0].links == (attrs.evolve(jo, person="nanna-jo"),)
