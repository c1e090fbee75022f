"""Ecomaps in the exports: the SVG (Hartman's conventions, a key and the date always), the
HTML page, Markdown and plain text, under every audience."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from circles_tui.core.audience import AUDIENCES, PRACTITIONER
from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.wording import bundled
from circles_tui.export import ExportError, ExportOptions, render
from circles_tui.export.ecomap_svg import ecomap_svg

NS = {"svg": "http://www.w3.org/2000/svg"}
OPTIONS = {
    "practitioner": ExportOptions(),
    "child": ExportOptions(child_view=True),
    "family": ExportOptions(family=True),
    "beyond-team": ExportOptions(redact=True),
}


def workbook(made_on: date | None = date(2026, 3, 17)) -> Workbook:
    people = (
        Person("mum", "Mum"), Person("nanna-jo", "Nanna Jo", "Dad's mum"),
        Person("kayleigh", "Kayleigh"), Person("school", "Meadow <b>&amp;", kind="group"),
        Person("gp", "Dr Patel's surgery", kind="service"), Person("lou", "Lou"),
    )
    child = Ecomap("child-map", "child", made_on, "island", links=(
        EcoLink("nanna-jo", 4, 2, ("strong",), "both", note="Christmas and birthdays with Jo",
                practitioner_note="Ask Dad for her number"),
        EcoLink("school", 1, 5, ("ordinary", "stressful"), "to-centre"),
        EcoLink("gp", 3, 7, ("tenuous",)),
        EcoLink("kayleigh", 2, 9, ("stressful",), practitioner_only=True, note="Asks for money"),
    ))
    family = Ecomap("family-map", "household", made_on, "pitch", household=("mum",), links=(
        EcoLink("mum", 1, 12, ("strong",), "both", between="child"),
        EcoLink("lou", 3, 3, ("ordinary",), "to-centre", between="mum"),
    ))
    return Workbook(About("Mia"), people, ecomaps=(child, family))


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{{{NS['svg']}}}text")]


def links(root: ET.Element, quality: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{{{NS['svg']}}}line")
            if e.get("class") == f"link {quality}"]


def test_the_svg_parses_and_carries_a_key_and_the_date():
    root = parsed(ecomap_svg(workbook(), bundled(), "child-map"))
    said = texts(root)
    assert "Mia's ecomap" in said and "Made on: 17 March 2026" in said
    assert "Key" in said
    for label in ("Strong", "Ordinary", "Tenuous (weak)", "Stressful",
                  "Support flows the way the arrow points"):
        assert label in said
    assert "Meadow <b>&amp;" in said  # a name is text, never markup
    undated = texts(parsed(ecomap_svg(workbook(None), bundled(), "child-map")))
    assert "Made on: No date yet" in undated


def test_each_quality_is_drawn_by_hartmans_conventions():
    root = parsed(ecomap_svg(workbook(), bundled(), "child-map"))
    strong, ordinary = links(root, "strong"), links(root, "ordinary")
    tenuous, stressful = links(root, "tenuous"), links(root, "stressful")
    assert len(strong) == 2 and len(ordinary) == 2 and len(tenuous) == 2  # the key's too
    assert all(e.get("stroke-dasharray") is None for e in strong + ordinary + stressful)
    assert all(e.get("stroke-dasharray") == "8 6" for e in tenuous)
    assert float(strong[0].get("stroke-width")) > float(ordinary[0].get("stroke-width"))
    hatches = [e for e in root.iter(f"{{{NS['svg']}}}path") if e.get("class") == "hatch"]
    assert len(hatches) == len(stressful) == 3  # the school (varies), Kayleigh, the key
    arrows = [e for e in root.iter(f"{{{NS['svg']}}}path") if e.get("class") == "arrow"]
    assert len(arrows) == 2 + 1 + 1  # both ways, towards Mia, and the key's
    assert "url(" not in ecomap_svg(workbook(), bundled(), "child-map")  # no references


def test_a_whole_family_ecomap_draws_the_household_in_the_middle():
    root = parsed(ecomap_svg(workbook(), bundled(), "family-map"))
    said = texts(root)
    assert {"Mia's family ecomap", "Mia", "Mum", "Lou"} <= set(said)
    assert len(links(root, "strong")) == 2  # Mia and Mum, and the key


def test_an_ecomap_is_a_picture_of_its_own():
    svg = render(workbook(), "svg", bundled(), ExportOptions(ecomap="family-map"))
    assert svg.startswith('<?xml version="1.0"') and "Mia's family ecomap" in html.unescape(svg)
    with pytest.raises(ExportError, match="no ecomap 'nope'"):
        render(workbook(), "svg", bundled(), ExportOptions(ecomap="nope"))
    with pytest.raises(ExportError, match="only go with --format svg"):
        render(workbook(), "html", bundled(), ExportOptions(ecomap="family-map"))
    with pytest.raises(ExportError, match="one picture"):
        render(workbook(), "svg", bundled(), ExportOptions(ecomap="family-map", tree=True))


def test_markdown_and_text_say_each_link_in_words():
    markdown = render(workbook(), "markdown", bundled())
    assert "- **Nanna Jo**: strong, far away, support flows both ways" in markdown
    assert "- **Mia and Mum**: strong, support flows both ways" in markdown
    assert "**Kayleigh** *(Practitioner only)*: stressful, near" in markdown
    text = render(workbook(), "text", bundled())
    assert re.search(r"Nanna Jo: strong, far away, support flows both ways", text)
    assert "Mia's family ecomap (17 March 2026)" in text


def test_the_html_page_draws_every_ecomap_and_keeps_its_policy():
    page = render(workbook(), "html", bundled())
    assert page.count("<figure><svg") >= 2
    assert "Mia&#x27;s family ecomap" in page or "Mia's family ecomap" in page
    assert "default-src 'none'; style-src 'unsafe-inline'; img-src data:" in page
    assert "<script" not in page and "href=" not in page
    assert "Meadow &lt;b&gt;&amp;amp;" in page


# audience -> (the practitioner-only link, its practitioner note, the family's words as typed)
ROWS = {
    "practitioner": (True, True, True),
    "child": (False, False, True),
    "family": (False, False, True),
    "beyond-team": (False, False, False),
}


@pytest.mark.parametrize("who", AUDIENCES)
@pytest.mark.parametrize("format", ["markdown", "text", "html"])
def test_every_audience_gets_only_what_the_rule_allows(who, format):
    out = html.unescape(render(workbook(), format, bundled(), OPTIONS[who]))
    hidden_link, private_note, own_words = ROWS[who]
    ecomaps = out[out.index("ecomap (17 March 2026)"):]  # the register lists Kayleigh anyway
    assert ("Asks for money" in out) == hidden_link
    assert ("Kayleigh" in ecomaps) == hidden_link
    assert ("Ask Dad for her number" in out) == private_note
    assert ("Christmas and birthdays with Jo" in out) == own_words
    assert ("Christmas and birthdays" in out)  # redaction changes the name, not the words
    if who != PRACTITIONER:
        assert "Practitioner only" not in ecomaps


def test_the_redacted_svg_has_pseudonyms_and_no_hidden_link():
    svg = render(workbook(), "svg", bundled(), ExportOptions(redact=True, ecomap="child-map"))
    said = texts(parsed(svg))
    assert "Nanna Jo" not in svg and "Kayleigh" not in svg and "Meadow" not in svg
    assert "Grandmother 1" in said and "Group 1" in said
    assert "Child's ecomap" in said


def test_the_command_line_draws_an_ecomap(tmp_path):
    from tests.test_cli import COMPLETE, circles

    result = circles("export", COMPLETE, "--format", "svg", "--ecomap", "household-2026-03-17")
    assert result.returncode == 0, result.stderr
    assert "Mia&#x27;s family ecomap" in result.stdout and "Made on: 17 March 2026" in result.stdout
    refused = circles("export", COMPLETE, "--format", "svg", "--ecomap", "nope")
    assert refused.returncode != 0 and "no ecomap 'nope'" in refused.stderr
