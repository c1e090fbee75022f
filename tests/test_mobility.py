"""The mobility map's records, their rules, their file tables, and opening version-2 files."""

from __future__ import annotations

import pytest

from circles_tui.core.edits.people import merge_people, remove_person
from circles_tui.core.file_format import WorkbookFileError, dumps, parse_workbook, read_workbook, save_workbook
from circles_tui.core.mobility import Stay, stays_of
from circles_tui.core.model import FORMAT_VERSION, About, ModelError, Person, Workbook

V2 = ('format = "circles-tui workbook"\nformat_version = 2\n\n[about]\nchild = "Jay"\n'
      '\n[[people]]\nid = "nan"\nname = "Nan"\n\n[[people]]\nid = "sal"\nname = "Sal"\n'
      '\n[meeting]\nplace = "Family centre"\n')


def stays() -> tuple[Stay, ...]:
    return (Stay("nan-s", "Nan's flat in Luton", "lived", "2015", "2017", ("nan", "sal"),
                 "I had my own room", "Ask Nan about the move"),
            Stay("school", "Hill Street Primary", "school", "age 6"))


def workbook() -> Workbook:
    return Workbook(About("Jay"), (Person("nan", "Nan"), Person("sal", "Sal")), mobility=stays())


def test_when_joins_the_years_or_ages():
    assert [s.when for s in stays()] == ["2015-2017", "age 6"]
    assert Stay("x", "Park", "visited", "", "2019").when == "2019"
    assert Stay("x", "Park", "visited", "2019", "2019").when == "2019"


@pytest.mark.parametrize("stay, path, fragment", [
    (Stay("Bad Id", "Park", "lived"), "mobility[1].id", "lower-case"),
    (Stay("nan-s", "Park", "lived"), "mobility[1].id", "used by two places"),
    (Stay("x", " ", "lived"), "mobility[1].place", "needs a name"),
    (Stay("x", "Park", "holiday"), "mobility[1].kind", "must be one of"),
    (Stay("x", "Park", "lived", people=("nobody",)), "mobility[1].people[0]", "no one"),
    (Stay("x", "Park", "lived", people=("nan", "nan")), "mobility[1].people", "twice"),
])
def test_the_rules(stay, path, fragment):
    with pytest.raises(ModelError) as caught:
        Workbook(About("Jay"), (Person("nan", "Nan"),),
                 mobility=(Stay("nan-s", "Nan's", "lived"), stay))
    assert caught.value.path == path and fragment in caught.value.message


def test_removing_or_merging_a_person_updates_the_places():
    removed = remove_person(workbook(), "nan")
    assert removed.mobility[0].people == ("sal",)
    merged = merge_people(workbook(), "sal", "nan")
    assert merged.mobility[0].people == ("sal",)
    assert stays_of(merged.mobility, "sal") == (merged.mobility[0],)


def test_the_map_is_written_in_the_childs_order_and_read_back():
    text = dumps(workbook())
    assert text.index("[[mobility]]") > text.index("[[people]]")
    assert 'place = "Nan\'s flat in Luton"' in text and 'kind = "school"' in text
    assert parse_workbook(text) == workbook()
    assert "[[mobility]]" not in dumps(Workbook(About("Jay")))  # an empty map writes nothing


@pytest.mark.parametrize("table, fragment", [
    ('\n[[mobility]]\nid = "a"\nplace = "Park"\n', "'kind' is missing"),
    ('\n[[mobility]]\nid = "a"\nplace = "Park"\nkind = "lived"\nyear = 2015\n', "not a key"),
    ('\n[[mobility]]\nid = "a"\nplace = "Park"\nkind = "lived"\nwhen_from = 2015\n',
     "text in quotes"),
    ('\n[[mobility]]\nid = "a"\nplace = "Park"\nkind = "lived"\npeople = ["nobody"]\n',
     "no one in the people list"),
])
def test_a_broken_mobility_table_is_refused_with_its_line(table, fragment):
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(V2.replace("format_version = 2", "format_version = 3") + table, "jay.toml")
    assert fragment in caught.value.problem
    assert caught.value.line is not None and caught.value.line > 12


def test_a_version_2_file_opens_unchanged_and_becomes_version_3_only_when_saved(tmp_path):
    path = tmp_path / "jay.toml"
    path.write_text(V2)
    opened = read_workbook(path)
    assert opened.workbook.mobility == () and opened.workbook.meeting.place == "Family centre"
    assert path.read_text() == V2  # opening never writes
    save_workbook(path, opened.workbook, opened.fingerprint)
    saved = path.read_text()
    assert "format_version = 3" in saved and FORMAT_VERSION == 3
    assert "[[mobility]]" not in saved
    assert read_workbook(path).workbook == opened.workbook


def test_a_newer_version_is_still_refused():
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(V2.replace("format_version = 2", "format_version = 4"))
    assert "newer circles-tui (format 4)" in caught.value.problem


# -- its words in the wording file -------------------------------------------------------------


def test_the_wording_names_each_kind_in_adult_and_child_words():
    from circles_tui.core.mobility import STAY_KINDS
    from circles_tui.core.wording import bundled

    words = bundled().mobility
    assert list(words.kinds) == list(STAY_KINDS) == list(words.child_kinds)
    assert words.kind("school") == "School" and words.kind("school", child=True) == "My school"
    assert "Where is the first place you remember living?" in words.questions


def test_a_wording_file_without_the_map_borrows_the_bundled_words_and_a_bad_one_is_refused(tmp_path):
    from circles_tui.core.wording import BUNDLED, WordingError, bundled, load_wording

    text = BUNDLED.read_text(encoding="utf-8")
    start, end = text.index("[mobility]"), text.index("# ------", text.index("[mobility]"))
    older = tmp_path / "older.toml"
    older.write_text(text[:start] + text[end:], encoding="utf-8")
    assert load_wording(older).mobility == bundled().mobility
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('school = "My school"\n', ""), encoding="utf-8")
    with pytest.raises(WordingError) as caught:
        load_wording(broken)
    assert caught.value.path == "mobility.child_kinds"
