"""The mobility map's layouts: the path in the terminal, and the SVG picture and section."""

from __future__ import annotations

import html as html_module
import re
import xml.etree.ElementTree as ET

from circles_tui.core.file_format import read_workbook
from circles_tui.core.mobility import STAY_KINDS, Stay
from circles_tui.core.model import About, Person, Workbook
from circles_tui.core.proposed_network import proposed_network
from circles_tui.core.wording import bundled
from circles_tui.export import ExportOptions, render
from circles_tui.export.mobility_svg import TURN, WIDTH, _path, mobility_svg
from circles_tui.widgets.mobility_drawing import (
    KIND_MARKERS, StayMark, in_columns, key_line, path_lines, stay_lines,
)
from tests.test_mobility_step import EXAMPLES

NAN = StayMark("stayed", "Stayed", "Nan's flat in Luton", "2015-2017", ("Nan", "Auntie Marlene"))


def text(lines) -> list[str]:
    return ["".join(piece for piece, _ in line) for line in lines]


def test_a_place_is_a_node_with_its_marker_number_kind_and_people():
    assert text(stay_lines(NAN, 2, 40)) == [
        "◆  2  Nan's flat in Luton",
        "│     Stayed · 2015-2017",
        "│     with Nan, Auntie Marlene",
        "▼",
    ]
    assert text(stay_lines(NAN, 2, 40, last=True))[-1] == "│     with Nan, Auntie Marlene"


def test_every_kind_has_its_own_marker():
    assert set(KIND_MARKERS) == set(STAY_KINDS)
    assert len(set(KIND_MARKERS.values())) == len(STAY_KINDS)


def test_long_text_wraps_inside_the_width_and_keeps_the_path():
    long = StayMark("lived", "Lived", "A very long name for a place " * 3, "", ())
    lines = text(stay_lines(long, 1, 30))
    assert all(len(line) <= 30 for line in lines)
    assert all(line.startswith("│") for line in lines[1:-1])


def test_the_path_runs_oldest_first_and_fits_columns_to_the_height():
    marks = [NAN._replace(place=f"Place {n}") for n in range(1, 7)]
    tall = text(path_lines(marks, 60, "Places"))
    assert tall[0] == "Places" and tall.index("◆  1  Place 1") < tall.index("◆  6  Place 6")
    wide = text(in_columns(marks, 120, 12))
    assert len(wide) <= 12
    assert "Place 1" in wide[0] and "Place 3" in wide[0] and "Place 5" in wide[0]
    assert text(in_columns(marks, 60, 100)) == text(path_lines(marks, 60))  # room for one
    narrow_but_short = text(in_columns(marks, 70, 12))
    assert len(narrow_but_short) <= 12 and "Place 4" in narrow_but_short[0]  # two columns


def test_the_key_names_every_kind_by_marker_and_word():
    key = "".join(piece for piece, _ in key_line(bundled().mobility.kinds))
    assert key.startswith("Key: ") and "■ Lived" in key and "● Visited" in key


# -- the SVG ------------------------------------------------------------------------------------


def kai() -> Workbook:
    return read_workbook(EXAMPLES / "kai-complete.toml").workbook


def test_the_svg_draws_each_place_with_its_shape_people_and_a_key():
    svg = mobility_svg(kai(), bundled())
    root = ET.fromstring(svg)  # well-formed
    words = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for expected in ("Mobility map: Kai", "Clarendon Court flats in", "Aunty Shirin",
                     "Lived, age 7-11", "Key:", "Stayed", "School", "Visited"):
        assert expected in words
    assert svg.count("<rect") >= 4 and "<polygon" in svg and "<circle" in svg
    assert "<polyline" in svg


def test_the_path_turns_outside_the_last_place_of_a_row():
    centres = [(130, 110), (380, 110), (630, 110), (630, 288)]
    assert _path(centres)[3:5] == [(630 + TURN, 110), (630 + TURN, 288)]
    assert 630 + TURN < WIDTH


def test_text_from_the_workbook_is_escaped_and_an_empty_map_says_so():
    book = Workbook(About("<Jay>"), (Person("x", "A & <b>"),),
                    mobility=(Stay("s", "<script>alert(1)</script>", "visited", people=("x",)),))
    svg = mobility_svg(book, bundled())
    ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "A &amp; &lt;b&gt;" in svg
    assert "No places on the map yet." in mobility_svg(Workbook(About("Jay")), bundled())


# -- the document and the network list -----------------------------------------------------------


def test_every_document_format_has_the_map_and_the_html_draws_it():
    for format in ("markdown", "text", "html"):
        out = html_module.unescape(render(kai(), format, bundled()))
        assert "Nan's house on Ashburnham Road" in out and "Neglect referrals" in out
    html = render(kai(), "html", bundled())
    # five circles, the tree, his two ecomaps, the genogram, the map
    assert html.count("<svg") == 5 + 1 + 2 + 1 + 1
    assert "aria-label=\"Mobility map: Kai\"" in html


def test_the_child_and_people_beyond_the_team_get_their_view_of_the_map():
    child = render(kai(), "markdown", bundled(), ExportOptions(child_view=True))
    assert "My places" in child and "I lived here, age 7-11" in child
    assert "Neglect referrals" not in child
    child_page = html_module.unescape(render(kai(), "html", bundled(), ExportOptions(child_view=True)))
    assert "My places: Kai" in child_page and "I lived here, age 7-11" in child_page
    redacted = render(kai(), "markdown", bundled(), ExportOptions(redact=True))
    assert "Neglect referrals" not in redacted and "Luton" not in redacted
    assert not re.search(r"\bShirin\b", redacted)


def test_the_network_list_marks_people_found_through_the_map():
    entries = {e.person.id: e for e in proposed_network(kai())}
    assert entries["shirin"].map_places == ("Clarendon Court flats in Luton",)
    assert entries["marlene"].map_places == ("Nan's house on Ashburnham Road",
                                             "The caravan in Skegness")
    assert "Mobility map: Clarendon Court flats in Luton" in render(kai(), "markdown", bundled())


def test_the_command_line_writes_the_map_as_an_svg_file(tmp_path):
    from circles_tui import cli

    out = tmp_path / "kai-map.svg"
    assert cli.main(["export", str(EXAMPLES / "kai-complete.toml"), "--format", "svg",
                     "--mobility", "--redact", "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "Mobility map: Child" in svg
    assert "Luton" not in svg and "Shirin" not in svg  # redacted like every export
    ET.fromstring(svg.split("\n", 1)[1])
