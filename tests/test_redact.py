"""Redaction: pseudonyms, and nothing identifying left in any format."""

from __future__ import annotations

import html
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from circles_tui.core.wording import bundled
from circles_tui.export import ExportOptions, render
from circles_tui.core.redaction import (
    REMOVED,
    _fold_character,
    _name_parts,
    country_only,
    distinctive_parts,
    fold,
    kind_of,
    pseudonyms,
    scrubber,
)
from circles_tui.core.audience import BEYOND_TEAM, view
from circles_tui.core.model import CIRCLE_IDS, About, Person, Workbook
from circles_tui.core.file_format import read_workbook
from tests.conftest import EXAMPLES
from tests.sample_workbooks import small_workbook

CONTENT = bundled()


def redact(workbook: Workbook) -> Workbook:
    return view(workbook, CONTENT, BEYOND_TEAM)
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))


def every_output(workbook: Workbook) -> dict[str, str]:
    """Every redacted output, with HTML and XML entities turned back into characters."""
    options = ExportOptions(redact=True)
    out = {f: render(workbook, f, CONTENT, options) for f in ("markdown", "html", "text")}
    for circle in CIRCLE_IDS:
        out[f"svg {circle}"] = render(workbook, "svg", CONTENT, attrs.evolve(options, circle=circle))
    out["svg tree"] = render(workbook, "svg", CONTENT, attrs.evolve(options, tree=True))
    for ecomap in workbook.ecomaps:
        out[f"svg {ecomap.id}"] = render(workbook, "svg", CONTENT,
                                         attrs.evolve(options, ecomap=ecomap.id))
    return {name: html.unescape(text) if name != "text" else text for name, text in out.items()}


def secrets_of(workbook: Workbook) -> set[str]:
    """Everything redaction must remove, gathered from the workbook itself."""
    found: set[str] = set()
    about = workbook.about
    found |= {about.practitioner, about.organisation, about.practitioner_note}
    found |= set(_name_parts(about.child)) | set(_name_parts(about.practitioner))
    for person in workbook.people:
        found |= {person.contact, person.practitioner_note, person.concern}
        found |= set(distinctive_parts(person))
        found |= {w for b in re.findall(r"\(([^)]*)\)", person.relationship)
                  for w in _name_parts(b) if w[:1].isupper()}
        if country_only(person.lives) != person.lives:
            found.add(person.lives)
    for placements in workbook.circles.values():
        found |= {p.practitioner_note for p in placements}
    for kind, entries in workbook.supporters.items():
        found |= {s.practitioner_note for s in entries} | {s.reach for s in entries}
        if kind == "false" and not about.share_false_supporters:
            found |= {s.what_they_do for s in entries} | {s.how_to_use for s in entries}
    for part in [*workbook.tree.values(), workbook.storms]:
        if part is not None:
            found.add(part.practitioner_note)
    # Words the worksheets themselves use ("School days") identify nobody.
    wording = {label for c in CONTENT.circles for f in c.fields for label in f.choices.values()}
    return {s for s in found if s and len(s) > 1 and s not in wording}


def leaks(text: str, secret: str) -> bool:
    if len(secret) > 40:  # a note: any long stretch of it would be a leak
        return secret[:40] in text or secret[-40:] in text
    return re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", text) is not None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_nothing_identifying_in_any_format(path):
    workbook = read_workbook(path).workbook
    secrets = secrets_of(workbook)
    assert len(secrets) > 10  # the check is only as good as what it looks for
    for name, output in every_output(workbook).items():
        flat = " ".join(output.split())
        for secret in secrets:
            assert not leaks(output, secret) and not leaks(flat, secret), (name, secret)


def test_the_complete_example_in_particular(complete_example):
    words = ("Mia", "Kerry", "Dean", "Josephine", "Shanice", "Tyler", "Pearl", "Winston", "Ivy",
             "Okafor", "Hughes", "Dunn", "Lacey", "Donna", "Bex", "Kayleigh", "Craig", "Sue",
             "Lou", "Sam", "Hartley", "Eastshire", "Norwich", "Yarmouth", "Peterborough", "07700",
             "Police", "exploitation", "MASH", "Meadow")
    for name, output in every_output(complete_example).items():
        for word in words:
            assert not re.search(rf"(?<!\w){word}(?!\w)", output), (name, word)


def test_small_workbook_secrets_are_gone():
    workbook = small_workbook()
    for name, output in every_output(workbook).items():
        for secret in ("Sam", "Smith", "Alex", "Northshire", "07700", "dad@example.org", "@kyle",
                       "Police call-out", "respite", "bail", "exploitation", "struggling",
                       "lit up", "Leeds", "Bradford", "Glasgow", "Tells my secrets"):
            assert secret not in output, (name, secret)
        assert "Practitioner only" not in output


def test_pseudonyms_of_the_complete_example(complete_example):
    assert pseudonyms(complete_example) == {
        "mum": "Mother 1", "dad": "Father 1", "nanna-jo": "Grandmother 1",
        "auntie-shanice": "Aunt 1", "cousin-tyler": "Cousin 1", "great-aunt-pearl": "Great-aunt 1",
        "grandad-winston": "Grandfather 1", "great-grandma-ivy": "Great-grandmother 1",
        "mrs-okafor": "Teacher 1", "miss-hughes": "School staff 1", "mr-dunn": "School staff 2",
        "lacey": "Friend 1", "donna": "Person 1", "bex": "Mother's friend 1",
        "kayleigh": "Person 2", "craig": "Mother's partner 1", "grandma-sue": "Grandmother 2",
        "lou": "Mother's worker 1", "school": "Group 1", "breakfast-club": "Group 2",
        "nannas-church": "Group 3", "gp-surgery": "Service 1", "recovery-service": "Service 2",
        "donnas-flat": "Place 1",
    }


@pytest.mark.parametrize(("relationship", "name", "kind"), [
    ("Dad's mum (Josephine)", "X", "grandmother"),
    ("Mum's dad", "X", "grandfather"),
    ("Nanna Jo's mum", "X", "great-grandmother"),
    ("Nanna Jo's sister (great-aunt)", "X", "great-aunt"),
    ("Cousin, Auntie Shanice's son (13)", "X", "cousin"),
    ("Auntie's daughter", "X", "cousin"),
    ("Lacey's mum", "X", "person"),
    ("Mum's friend's husband", "X", "person"),
    ("Mum's boyfriend, on and off", "X", "Mother's partner"),
    ("step mum", "X", "stepmother"),
    ("Class teacher, Year 3", "X", "teacher"),
    ("Social Worker", "X", "social worker"),
    ("", "Grandma Sue", "grandmother"),
    ("", "Kyle", "person"),
])
def test_kinds_come_from_fixed_words(relationship, name, kind):
    assert kind_of(Person("a", name, relationship)) == kind


def test_pseudonyms_are_stable_and_the_same_in_every_format(complete_example):
    names = pseudonyms(complete_example)
    assert redact(complete_example) == redact(complete_example)
    outputs = every_output(complete_example)
    for pid in ("nanna-jo", "mum", "craig", "great-aunt-pearl"):
        for name in ("markdown", "html", "text", "svg who-matters"):
            assert names[pid] in outputs[name], (pid, name)
    # The same person keeps the same pseudonym: Nanna Jo's words, Nanna Jo's pseudonym.
    for name in ("markdown", "text"):
        assert "Grandmother 1" in outputs[name]
        assert "Grandmother 1's always been good to Child" in " ".join(outputs[name].split())


def test_free_text_names_towns_and_the_child_are_replaced(complete_example):
    scrub = scrubber(complete_example)
    assert scrub("Mum gets on with Shanice; Jo's always been good to Mia.") == (
        "Mother 1 gets on with Aunt 1; Grandmother 1's always been good to Child."
    )
    assert scrub("Kerry and Sam in Great  Yarmouth") == "Mother 1 and Practitioner in (place)"
    assert scrub("my dad's family") == "my dad's family"  # a title alone is not a name


def test_what_redaction_keeps_and_drops(complete_example):
    redacted = redact(complete_example)
    about = redacted.about
    assert (about.child, about.practitioner, about.organisation, about.practitioner_note) == (
        "Child", "", "", "")
    assert about.age == 8 and about.session_dates == complete_example.about.session_dates
    people = redacted.people_by_id()
    assert people["great-aunt-pearl"].lives == "Jamaica"  # a country stays
    assert people["mum"].lives == ""  # a town goes
    assert people["nanna-jo"].contact == ""
    assert people["nanna-jo"].relationship == "Grandmother"
    assert people["craig"].concern == ""
    assert redacted.supporters["false"] == ()
    craig = next(p for p in redacted.circles["services-suggest"] if p.person == "craig")
    assert craig.extras["reason"] == REMOVED and craig.practitioner_note == ""
    assert all(s.reach == "" for entries in redacted.supporters.values() for s in entries)


def test_false_supporters_stay_when_the_young_person_agreed(complete_example):
    agreed = attrs.evolve(
        complete_example, about=attrs.evolve(complete_example.about, share_false_supporters=True)
    )
    markdown = render(agreed, "markdown", CONTENT, ExportOptions(redact=True))
    assert "### False supporters" in markdown
    assert "Says she is Child's friend but tells other children things." in markdown
    assert "Possible exploitation" not in markdown


def test_country_only():
    assert country_only("Krakow, Poland") == "Poland"
    assert country_only("Leeds") == ""
    assert country_only("jamaica") == "jamaica"
    assert country_only("") == ""


def test_a_group_is_scrubbed_by_its_distinctive_words_only():
    people = (Person("jo", "Nanna Jo"), Person("school", "Meadow Primary", kind="group"),
              Person("club", "Breakfast club", kind="group"),
              Person("church", "Nanna Jo's church", kind="group"))
    scrub = scrubber(Workbook(About("Mia"), people))
    assert distinctive_parts(people[1]) == ["Meadow"] and distinctive_parts(people[3]) == []
    assert scrub("Meadow Primary, then breakfast club; Jo's church") == (
        "Group 1, then breakfast club; Grandmother 1's church")


@given(st.text(st.one_of(st.characters(max_codepoint=127), st.characters()), max_size=20))
def test_folding_takes_a_short_cut_for_ascii_to_the_same_result(text):
    pieces = [_fold_character(c) for c in text]
    expected = ("".join(pieces), [i for i, piece in enumerate(pieces) for _ in piece])
    assert fold(text) == expected
