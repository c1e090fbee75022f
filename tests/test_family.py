"""The family records, their rules, their file table, and opening version-2 files."""

from __future__ import annotations

import pytest

from circles_tui.core.edits.people import merge_people, remove_person
from circles_tui.core.family import CHILD, Family, FamilyLink, HeritageNote
from circles_tui.core.file_format import WorkbookFileError, dumps, parse_workbook, read_workbook, save_workbook
from circles_tui.core.model import FORMAT_VERSION, About, ModelError, Person, Workbook

V2 = ('format = "circles-tui workbook"\nformat_version = 2\n\n[about]\nchild = "Mia"\n'
      '\n[[people]]\nid = "mum"\nname = "Mum"\nliving = false\n'
      '\n[meeting]\nplace = "Family centre"\n')


def people() -> tuple[Person, ...]:
    return (Person("mum", "Kerry", "Mum", gender="female"),
            Person("dad", "Dad", "Dad", gender="male"),
            Person("nan", "Nanna Jo", "Mum's mum", gender="female", living=False, died="2019"),
            Person("tyler", "Tyler", "brother", gender="other"))


def family() -> Family:
    return Family(
        links=(FamilyLink("parent", "mum", CHILD), FamilyLink("parent", "dad", CHILD),
               FamilyLink("parent", "nan", "mum", note="Nanna raised her"),
               FamilyLink("divorced", "mum", "dad", practitioner_note="Court order 2021"),
               FamilyLink("half-sibling", CHILD, "tyler")),
        heritage=(HeritageNote("nan", "geography", "Came from Kingston in 1961"),
                  HeritageNote(CHILD, "religion", "We go to church at Easter", "Ask Mum")),
        household=("mum", "tyler"),
        practitioner_note="Dad's side not explored yet",
    )


def workbook(fam: Family | None = None) -> Workbook:
    return Workbook(About("Mia"), people(), family=family() if fam is None else fam)


def test_the_family_table_round_trips():
    original = workbook()
    text = dumps(original)
    assert parse_workbook(text) == original
    assert 'b = "@child"' in text and 'died = "2019"' in text and 'gender = "other"' in text
    assert dumps(parse_workbook(text)) == text


def test_an_empty_family_writes_no_table():
    assert "[family" not in dumps(workbook(Family()))


@pytest.mark.parametrize("fam, path", [
    (Family((FamilyLink("aunt-of", "mum", CHILD),)), "family.links[0].kind"),
    (Family((FamilyLink("parent", "ghost", CHILD),)), "family.links[0].a"),
    (Family((FamilyLink("partner", "mum", "mum"),)), "family.links[0].b"),
    (Family((FamilyLink("partner", "mum", "dad"), FamilyLink("partner", "dad", "mum"))),
     "family.links[1]"),
    (Family((FamilyLink("parent", "mum", "nan"), FamilyLink("parent", "nan", "mum"))),
     "family.links[1]"),
    (Family(heritage=(HeritageNote("mum", "hobbies", "Football"),)), "family.heritage[0].aspect"),
    (Family(heritage=(HeritageNote("mum", "culture", "  "),)), "family.heritage[0].words"),
    (Family(household=("mum", "mum")), "family.household"),
    (Family(household=(CHILD,)), "family.household[0]"),
])
def test_broken_family_rules_name_the_key(fam, path):
    with pytest.raises(ModelError) as caught:
        workbook(fam)
    assert caught.value.path == path


def test_a_parent_loop_through_three_people_is_refused():
    loop = (FamilyLink("parent", "mum", "nan"), FamilyLink("step-parent", "nan", "dad"),
            FamilyLink("adoptive-parent", "dad", "mum"))
    with pytest.raises(ModelError, match="own ancestor"):
        workbook(Family(loop))


def test_gender_and_died_rules():
    with pytest.raises(ModelError) as caught:
        Workbook(About("Mia"), (Person("x", "X", gender="woman"),))
    assert caught.value.path == "people[0].gender"
    with pytest.raises(ModelError) as caught:
        Workbook(About("Mia"), (Person("x", "X", died="1998"),))
    assert caught.value.path == "people[0].died" and "living = false" in caught.value.message


@pytest.mark.parametrize("table, fragment", [
    ('\n[family]\nmembers = ["mum"]\n', "not a key this format knows"),
    ('\n[[family.links]]\nkind = "parent"\na = "mum"\n', "'b' is missing"),
    ('\n[[family.links]]\nkind = "parent"\na = "mum"\nb = "nobody"\n', "no one in the people list"),
    ('\n[[family.heritage]]\nperson = "mum"\naspect = "faith"\nwords = "Catholic"\n', "must be one of"),
])
def test_a_broken_family_table_is_refused_with_its_line(table, fragment):
    text = V2.replace("format_version = 2", "format_version = 3") + table
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(text, "mia.toml")
    assert fragment in caught.value.problem
    assert caught.value.line is not None and caught.value.line > 10


def test_a_version_2_file_opens_unchanged_and_becomes_version_3_only_when_saved(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text(V2)
    opened = read_workbook(path)
    assert opened.workbook.family.is_empty
    assert opened.workbook.person("mum").died == "" and opened.workbook.person("mum").gender == ""
    assert path.read_text() == V2  # opening never writes
    save_workbook(path, opened.workbook, opened.fingerprint)
    saved = path.read_text()
    assert "format_version = 3" in saved and FORMAT_VERSION == 3
    assert saved.replace("format_version = 3", "format_version = 2").endswith(V2.split("\n\n", 1)[1])
    assert read_workbook(path).workbook == opened.workbook


def test_removing_a_person_takes_their_links_notes_and_household_place():
    after = remove_person(workbook(), "nan")
    assert not any(link.joins("nan") for link in after.family.links)
    assert all(note.person != "nan" for note in after.family.heritage)
    after = remove_person(after, "tyler")
    assert after.family.household == ("mum",)


def test_merging_people_moves_links_and_drops_what_would_join_someone_to_themselves():
    wb = workbook()
    wb = Workbook(wb.about, wb.people + (Person("kerry", "Kerry"),), family=Family(
        wb.family.links + (FamilyLink("parent", "kerry", CHILD), FamilyLink("sibling", "kerry", "mum")),
        household=("kerry", "mum")))
    merged = merge_people(wb, "mum", "kerry")
    assert merged.family.links.count(FamilyLink("parent", "mum", CHILD)) == 1
    assert not any(link.a == link.b for link in merged.family.links)
    assert merged.family.household == ("mum",)


def test_merging_a_child_into_their_parent_drops_the_loop_it_would_make():
    wb = workbook(Family((FamilyLink("parent", "nan", "mum"), FamilyLink("parent", "mum", "tyler"),
                          FamilyLink("parent", "tyler", "dad"))))
    merged = merge_people(wb, "nan", "tyler")
    assert FamilyLink("parent", "nan", "mum") in merged.family.links
    assert len(merged.family.links) == 2  # mum -> nan would close the loop, so it goes
