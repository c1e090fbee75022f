"""The genogram in SVG, and the family section of the exports, under the audience rules."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from circles_tui.core.family import CHILD, Family, FamilyLink, HeritageNote
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.wording import bundled
from circles_tui.export import ExportOptions, render
from circles_tui.export.genogram_layout import generations, layout, people_drawn
from circles_tui.export.genogram_svg import child_gender, genogram_svg, standalone

NS = {"svg": "http://www.w3.org/2000/svg"}
CONTENT = bundled()


def workbook() -> Workbook:
    people = (
        Person("mum", "Kerry", "Mum", gender="female", lives="Leeds"),
        Person("dad", "Lee", "Dad", gender="male"),
        Person("nan", "Nanna Jo", "Mum's mum", gender="female"),
        Person("pete", "Grandad Pete", gender="male", living=False, died="2019"),
        Person("sam", "Sam", "Mum's partner", gender="other"),
        Person("pat", "Aunty Pat", known=False),
        Person("tyler", "Tyler", gender="male"),
    )
    family = Family(
        links=(FamilyLink("parent", "mum", CHILD, "Kerry raised Mia", "PRIVATE-LINK-NOTE"),
               FamilyLink("parent", "dad", CHILD), FamilyLink("divorced", "mum", "dad"),
               FamilyLink("partner", "mum", "sam"), FamilyLink("separated", "nan", "pete"),
               FamilyLink("parent", "nan", "mum"), FamilyLink("parent", "pete", "mum"),
               FamilyLink("sibling", "pat", "nan"), FamilyLink("parent", "mum", "tyler"),
               FamilyLink("kinship-carer", "nan", "tyler")),
        heritage=(HeritageNote("nan", "geography", "Nanna Jo came from Kingston to Leeds",
                               "PRIVATE-HERITAGE-NOTE"),),
        household=("mum", "sam", "tyler"),
        practitioner_note="PRIVATE-FAMILY-NOTE",
    )
    return Workbook(About("Mia", pronouns="she/her"), people, family=family)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def people_in(svg: ET.Element) -> dict[str, set[str]]:
    """Each person's name -> the classes on their symbol's group."""
    out = {}
    for group in svg.iterfind(".//svg:g", NS):
        classes = set(group.get("class", "").split())
        if "person" in classes:
            out[group.find("svg:title", NS).text] = classes - {"person"}
    return out


def test_the_svg_parses_and_each_person_has_the_right_symbol():
    svg = parse(standalone(workbook(), CONTENT).split("\n", 1)[1])
    drawn = people_in(svg)
    assert drawn == {
        "Mia": {"female", "child"}, "Kerry": {"female"}, "Lee": {"male"},
        "Nanna Jo": {"female"}, "Grandad Pete": {"male", "died"}, "Sam": {"other"},
        "Aunty Pat": {"not-said", "never-met"}, "Tyler": {"male"},
    }
    groups = {g.find("svg:title", NS).text: g for g in svg.iterfind(".//svg:g", NS)
              if "person" in g.get("class", "")}
    assert groups["Kerry"].find("svg:circle", NS) is not None
    assert groups["Lee"].find("svg:rect", NS) is not None
    assert groups["Sam"].find("svg:polygon", NS) is not None
    assert len(groups["Mia"].findall("svg:circle", NS)) == 2  # the child's double outline
    assert groups["Grandad Pete"].find("svg:path[@class='died']", NS) is not None
    assert "stroke-dasharray" in ET.tostring(groups["Aunty Pat"]).decode()
    assert "d. 2019" in ET.tostring(groups["Grandad Pete"], encoding="unicode")


def test_lines_for_partnerships_separation_divorce_and_the_household():
    svg = parse(genogram_svg(workbook(), CONTENT))
    classes = [p.get("class", "") for p in svg.iterfind(".//svg:path", NS)]
    for kind in ("link partner", "link divorced", "link separated", "link parent",
                 "link kinship-carer", "link sibling"):
        assert kind in classes, kind
    # One slash for the separation, two for the divorce, one each in the key.
    assert classes.count("slash") == 3
    assert svg.find(".//svg:polygon[@class='household']", NS) is not None


def test_the_key_names_every_symbol_and_line():
    svg = genogram_svg(workbook(), CONTENT)
    words = CONTENT.family
    for label in [*words.kinds.values(), *words.genders.values(), words.household,
                  "The child (a double outline)", "Has died", "Never met (a dashed outline)"]:
        assert f">{label}<" in svg, label
    assert ">Key<" in svg


def test_no_household_no_boundary():
    wb = workbook()
    wb = Workbook(wb.about, wb.people, family=Family(wb.family.links))
    svg = genogram_svg(wb, CONTENT)
    assert "household" not in svg and CONTENT.family.household not in svg


def test_generations_and_rows():
    wb = workbook()
    gens = generations(wb.family, people_drawn(wb))
    assert gens[CHILD] == 0 and gens["mum"] == -1 and gens["nan"] == -2 and gens["pat"] == -2
    assert gens["tyler"] == 0 and gens["sam"] == -1
    places = layout(wb).positions
    assert places["nan"][1] < places["mum"][1] < places[CHILD][1]
    # Kerry sits between her two partners.
    xs = sorted(("dad", "mum", "sam"), key=lambda p: places[p][0])
    assert xs[1] == "mum"


@pytest.mark.parametrize("pronouns, gender", [("she/her", "female"), ("He/him", "male"),
                                              ("they/them", "other"), ("", "")])
def test_the_childs_symbol_follows_their_pronouns(pronouns, gender):
    assert child_gender(pronouns) == gender


def test_hostile_names_are_escaped():
    wb = workbook()
    people = (Person("mum", "<script>x</script> & [b]", gender="female"),) + wb.people[1:]
    wb = Workbook(wb.about, people, family=wb.family)
    svg = genogram_svg(wb, CONTENT)
    parse(svg)
    assert "<script>" not in svg


# -- the family section, for each audience ---------------------------------------------------


def test_practitioner_export_has_the_genogram_links_blanks_and_notes():
    html = render(workbook(), "html", CONTENT, ExportOptions())
    assert '<section id="family">' in html and "Genogram: Mia" in html
    markdown = render(workbook(), "markdown", CONTENT, ExportOptions())
    assert "Kerry is Mia's mother" in markdown and "Kerry and Lee are divorced" in markdown
    assert "Dad's mum: not known yet" in markdown  # Lee (Dad) has no parents recorded
    assert "Nanna Jo came from Kingston to Leeds" in markdown
    for note in ("PRIVATE-LINK-NOTE", "PRIVATE-HERITAGE-NOTE", "PRIVATE-FAMILY-NOTE"):
        assert note in markdown
    assert "has died (2019)" in markdown


@pytest.mark.parametrize("options", [ExportOptions(child_view=True), ExportOptions(family=True),
                                     ExportOptions(redact=True)])
def test_other_audiences_never_see_practitioner_notes_on_the_family(options):
    for format in ("markdown", "html", "text"):
        out = render(workbook(), format, CONTENT, options)
        for note in ("PRIVATE-LINK-NOTE", "PRIVATE-HERITAGE-NOTE", "PRIVATE-FAMILY-NOTE"):
            assert note not in out, (format, note)


def test_the_child_reads_child_words_and_redaction_hides_names_in_the_genogram():
    child = render(workbook(), "html", CONTENT, ExportOptions(child_view=True))
    assert "My family tree" in child and "Where my family comes from" in child
    redacted = render(workbook(), "html", CONTENT, ExportOptions(redact=True))
    for name in ("Kerry", "Nanna Jo", "Leeds", "Mia"):
        assert name not in redacted, name
    assert "Genogram: Child" in redacted


# -- the genogram as an SVG file of its own -----------------------------------------------------


def test_the_genogram_is_an_svg_export_of_its_own(tmp_path):
    from circles_tui.core.file_format import save_workbook
    from tests.test_cli import circles

    svg = render(workbook(), "svg", CONTENT, ExportOptions(genogram=True))
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert people_in(parse(svg.split("\n", 1)[1]))["Grandad Pete"] == {"male", "died"}
    path = tmp_path / "mia.toml"
    save_workbook(path, workbook(), None)
    done = circles("export", path, "--format", "svg", "--genogram", "--redact")
    assert done.returncode == 0, done.stderr
    assert "Genogram: Child" in done.stdout and "Kerry" not in done.stdout


@pytest.mark.parametrize("format, options, fragment", [
    ("svg", ExportOptions(genogram=True, tree=True), "one picture"),
    ("html", ExportOptions(genogram=True), "only go with --format svg"),
])
def test_the_genogram_option_fits_with_the_others(format, options, fragment):
    from circles_tui.export import ExportError

    with pytest.raises(ExportError, match=fragment):
        render(workbook(), format, CONTENT, options)
