"""Exports: every example in every format, hostile text, the child view and option checks."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import attrs
import pytest

from circles_tui import cli
from circles_tui.core.wording import bundled
from circles_tui.export import ExportError, ExportOptions, render
from circles_tui.export.svg import circle_svg, tree_svg
from circles_tui.core.model import (
    CIRCLE_IDS,
    About,
    Answer,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
)
from circles_tui.core.file_format import read_workbook
from tests.conftest import EXAMPLES
from tests.sample_workbooks import small_workbook

CONTENT = bundled()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))
SVG = "{http://www.w3.org/2000/svg}"


class Tags(HTMLParser):
    """Collects start tags, attributes and the text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


def svg_text(svg: str) -> str:
    """The picture's words, one text element after another, wrapped lines joined by spaces."""
    return " ".join(" ".join(ET.fromstring(svg).itertext()).split())


def check_self_contained(page: str) -> Tags:
    parsed = parse_html(page)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "a", "base", "form"}
    for _, attributes in parsed.tags:
        for key, value in attributes:
            assert not key.startswith("on"), key
            assert key not in ("src", "href", "xlink:href", "srcset", "action"), key
    without_namespace = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "http://" not in without_namespace and "https://" not in without_namespace
    assert "url(" not in page and "@import" not in page
    return parsed


# -- every example -----------------------------------------------------------------------


@pytest.fixture(params=EXAMPLE_FILES, ids=lambda p: p.name, scope="module")
def example(request):
    return read_workbook(request.param).workbook


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(child_view=True),
                                     ExportOptions(redact=True)], ids=["full", "child", "redacted"])
def test_every_example_in_every_format(example, options):
    markdown = render(example, "markdown", CONTENT, options)
    assert markdown.startswith("# ")
    page = render(example, "html", CONTENT, options)
    assert page.startswith("<!DOCTYPE html>")
    parsed = check_self_contained(page)
    assert [tag for tag, _ in parsed.tags].count("svg") >= 1
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        ET.fromstring(svg)  # each inline picture is well-formed XML
    text = render(example, "text", CONTENT, options)
    assert "<" not in text.replace("<br>", "") or "<" in str(example)
    assert "**" not in text and "<br>" not in text and "|---" not in text
    assert all(len(line) <= 80 for line in text.splitlines() if " " in line.strip())
    for circle in CIRCLE_IDS:
        svg = render(example, "svg", CONTENT, attrs.evolve(options, circle=circle))
        assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
        root = ET.fromstring(svg.split("\n", 1)[1])
        assert root.tag == f"{SVG}svg"
    ET.fromstring(render(example, "svg", CONTENT, attrs.evolve(options, tree=True)).split("\n", 1)[1])


def test_complete_example_says_everything(complete_example):
    markdown = render(complete_example, "markdown", CONTENT, ExportOptions())
    about = complete_example.about
    for expected in (about.child, str(about.age), about.pronouns, "10 March 2026",
                     "17 March 2026", about.practitioner):
        assert expected in markdown
    for circle in CONTENT.circles:
        assert f"## {circle.title}" in markdown
        for label in circle.rings:
            assert f"### {label}" in markdown
    for supporter in CONTENT.supporters:
        assert supporter.title in markdown
    for part in CONTENT.tree:
        assert f"### {part.title}: {part.meaning}" in markdown
    assert "## Proposed network list" in markdown
    assert "| Name | Appears in |" in markdown
    assert "### Worth a conversation" in markdown and "### Gaps" in markdown
    # Practitioner-only notes are there, and marked as such.
    assert "**Practitioner only:** Check police information-sharing outcome" in markdown


def test_network_lists_family_and_friends_apart_from_professionals_and_marks_never_met():
    workbook = small_workbook()
    workbook = attrs.evolve(workbook, people=workbook.people + (
        Person("cousin", "Cousin Ola", "cousin", known=False),), tree={
        **workbook.tree, "roots": attrs.evolve(workbook.tree["roots"], people=("cousin",))})
    markdown = render(workbook, "markdown", CONTENT, ExportOptions())
    network = markdown[markdown.index("## Proposed network list"):]
    natural, professionals = network.index("### Family and friends"), network.index("### Professionals")
    assert natural < network.index("Nanna Jo") < professionals < network.index("Mrs Khan")
    assert "never met: could we ask?" in network[network.index("Cousin Ola"):]
    # A concern held close is a practitioner-only talking point: not in a redacted copy.
    assert "Dad has a concern noted" in markdown
    redacted = render(workbook, "markdown", CONTENT, ExportOptions(redact=True))
    assert "has a concern noted" not in redacted


def test_a_hold_on_contact_is_in_the_practitioners_export_only(complete_example):
    markdown = render(complete_example, "markdown", CONTENT, ExportOptions())
    assert markdown.count("Hold on contact: until Kerry agrees, asked by Mum (Kerry), on 17 March") == 1
    # In the people list too, marked practitioner-only.
    assert ("- **Hold on contact** *(Practitioner only)*: until Kerry agrees, asked by Mum (Kerry), "
            "on 17 March") in markdown
    for options in (ExportOptions(child_view=True), ExportOptions(redact=True)):
        assert "Kerry agrees" not in render(complete_example, "markdown", CONTENT, options)


def test_circle_pictures_put_every_name_in_its_ring(complete_example):
    for circle_id in CIRCLE_IDS:
        circle = CONTENT.circle(circle_id)
        root = ET.fromstring(circle_svg(complete_example, CONTENT, circle_id))
        texts = [t.text for t in root.iter(f"{SVG}text")]
        for placement in complete_example.circles[circle_id]:
            assert complete_example.person(placement.person).name in texts
        for ring, label in enumerate(circle.rings, start=1):
            count = sum(1 for p in complete_example.circles[circle_id] if p.ring == ring)
            assert f"{label} ({count})" in texts  # the key pairs colour with words
        assert len(list(root.iter(f"{SVG}circle"))) == 4  # three rings and the child


def test_names_sit_inside_their_ring(complete_example):
    from circles_tui.export.svg import CENTRE, RADII

    root = ET.fromstring(circle_svg(complete_example, CONTENT, "who-matters"))
    ring_of = {complete_example.person(p.person).name: p.ring
               for p in complete_example.circles["who-matters"]}
    found = 0
    for element in root.iter(f"{SVG}text"):
        if element.text in ring_of and element.get("font-weight") == "normal":
            x, y = float(element.get("x")), float(element.get("y"))
            distance = ((x - CENTRE[0]) ** 2 + (y - CENTRE[1]) ** 2) ** 0.5
            ring = ring_of[element.text]
            assert RADII[ring - 1] < distance < RADII[ring], element.text
            found += 1
    assert found == len(ring_of)


def test_tree_picture_carries_the_childs_words(complete_example):
    text = svg_text(tree_svg(complete_example, CONTENT))
    for part in CONTENT.tree:
        assert part.title in text
    assert "I want to be a vet." in text
    assert "Great-Grandma Ivy (never met her)" in text.replace("\u2022 ", "")


def test_html_and_svg_share_the_drawing_code(complete_example):
    page = render(complete_example, "html", CONTENT, ExportOptions())
    for circle_id in CIRCLE_IDS:
        assert circle_svg(complete_example, CONTENT, circle_id) in page
        svg = render(complete_example, "svg", CONTENT, ExportOptions(circle=circle_id))
        assert circle_svg(complete_example, CONTENT, circle_id) in svg
    assert tree_svg(complete_example, CONTENT) in page


def test_html_prints_on_a4_with_a_page_per_section(complete_example):
    page = render(complete_example, "html", CONTENT, ExportOptions())
    assert "@page { size: A4;" in page
    assert "break-before: page" in page
    assert page.count("<section ") >= 9


# -- hostile text ------------------------------------------------------------------------

HOSTILE = "# h\n<script>alert(1)</script> **x** [b]y[/b] a|b ]]> \"dq\" 'sq' & [a](b) `c` \x1b[31m"
PIECES = ("<script>alert(1)</script>", "**x**", "[b]y[/b]", "a|b", "]]>", '"dq"', "'sq'",
          "[a](b)", "`c`")


def hostile_workbook() -> Workbook:
    h = HOSTILE
    people = tuple(
        Person(f"p{i}", f"{h} {i}", relationship=h, lives=h, contact=h, note=h,
               practitioner_note=h, concern=h)
        for i in range(3)
    )
    circles = {
        "who-matters": (Placement("p0", 1, "child", h, h, {"frequency": "often"}),),
        "trusted-adults": (Placement("p1", 2, "child", h, h, {"what_helps": h}),),
        "who-knows": (Placement("p2", 3, "", h, h, {"what_they_know": h, "who_told": h,
                                                   "who_will_tell": h, "tell_more": "yes"}),),
        "who-could-help": (Placement("p0", 1, "", h, h, {"who_should_ask": h, "family_view": h,
                                                        "language": h}),),
        "services-suggest": (Placement("p1", 3, "", h, h, {"reason": h, "yp_words": h,
                                                          "next_step": h, "yp_view": "disagree",
                                                          "reason_type": "concern"}),),
    }
    supporters = {kind: (Supporter("p2", h, h, h, h, h),) for kind in
                  ("emotional", "practical", "fair-weather", "false")}
    part = TreePart(words=(h, h + "2"), answers=(Answer(h, h),), people=("p0",), practitioner_note=h)
    tree = {name: part for name in ("roots", "ground", "trunk", "branches", "leaves", "fruits", "seeds")}
    about = About(h, 9, h, h, h, (date(2026, 1, 2),), (h,), True, h)
    return Workbook(about, people, circles, supporters, tree, part)


def hostile_content():
    """Worksheet wording can come from an organisation's file, so it is escaped too."""
    circles = tuple(attrs.evolve(c, title=f"{c.title} <i>t</i>", rings=("<b>1</b>", "**2**", "[3](x)"))
                    for c in CONTENT.circles)
    return attrs.evolve(CONTENT, circles=circles)


@pytest.mark.parametrize("content", [CONTENT, hostile_content()], ids=["bundled", "hostile-content"])
@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(child_view=True)],
                         ids=["full", "child"])
def test_hostile_text_in_html(content, options):
    page = render(hostile_workbook(), "html", content, options)
    parsed = check_self_contained(page)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "b" not in names and "i" not in names
    text = "".join(parsed.text)
    for piece in PIECES:
        assert piece in text, piece
    assert "\x1b" not in page


@pytest.mark.parametrize("content", [CONTENT, hostile_content()], ids=["bundled", "hostile-content"])
def test_hostile_text_in_svg(content):
    workbook = hostile_workbook()
    pictures = [render(workbook, "svg", content, ExportOptions(circle=c)) for c in CIRCLE_IDS]
    pictures.append(render(workbook, "svg", content, ExportOptions(tree=True)))
    for picture in pictures:
        assert "\x1b" not in picture
        root = ET.fromstring(picture.split("\n", 1)[1])  # fails on anything unescaped
        assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "a", "foreignObject")]
        assert not [k for e in root.iter() for k in e.attrib if k.startswith("on")]
    tree = svg_text(pictures[-1])
    for piece in ("<script>alert(1)</script>", "**x**", "[b]y[/b]", "]]>"):
        assert piece in tree, piece
    circle = svg_text(pictures[0])
    assert "# h <script>alert(1" in circle  # names are shortened, but shown literally


def test_hostile_text_in_markdown():
    from markdown_it import MarkdownIt

    markdown = render(hostile_workbook(), "markdown", CONTENT, ExportOptions())
    assert "\x1b" not in markdown
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    parsed = parse_html(rendered)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "a" not in names and "code" not in names
    assert set(re.findall(r"<em>(.*?)</em>", rendered)) == {"(Practitioner only)"}
    assert names.count("h1") == 1  # only the document's title; "# h" stays text
    text = "".join(parsed.text)
    for piece in PIECES:
        assert piece in text, piece
    assert "# h" in text
    # "a|b" never splits a table cell: every row has as many cells as the header.
    for table in re.findall(r"<table>.*?</table>", rendered, re.S):
        header = table.count("<th>")
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
            assert row.count("<td>") == header


def test_hostile_text_in_plain_text():
    text = render(hostile_workbook(), "text", CONTENT, ExportOptions())
    assert "\x1b" not in text
    flat = " ".join(text.split())
    for piece in PIECES:
        assert piece in flat, piece


# -- the child view ----------------------------------------------------------------------


@pytest.mark.parametrize("format", ["markdown", "html", "text"])
def test_child_view_leaves_out_practitioner_only_things(format):
    workbook = small_workbook()
    full = render(workbook, format, CONTENT, ExportOptions())
    child = render(workbook, format, CONTENT, ExportOptions(child_view=True))
    hidden = ("Offered respite before", "Has parental responsibility", "Police call-out in March",
              "Check the bail conditions", "Older, possible exploitation", "Mum is struggling",
              "Sam lit up", "Tells my secrets", "Practitioner only", "False supporters")
    for secret in hidden:
        assert secret in full, secret
        assert secret not in child, secret
    # What is worth a conversation comes from the child's view, in the child's words.
    assert "Worth a conversation" in full and "Things to talk about" in child
    assert "Nanna Jo" in child and "She gives the best hugs" in child
    # Where the child placed someone stays theirs; only the false-supporter label goes.
    assert "Kyle" in child


# -- options -----------------------------------------------------------------------------


@pytest.mark.parametrize(("format", "options", "message"), [
    ("markdown", ExportOptions(circle="who-knows"), "only go with --format svg"),
    ("html", ExportOptions(tree=True), "only go with --format svg"),
    ("svg", ExportOptions(), "say which picture"),
    ("svg", ExportOptions(circle="who-knows", tree=True), "holds one picture"),
    ("svg", ExportOptions(tree=True, mobility=True), "one picture"),
    ("text", ExportOptions(mobility=True), "only go with --format svg"),
    ("svg", ExportOptions(circle="nobody"), "no safety circle 'nobody'"),
    ("pdf", ExportOptions(), "no export format"),
])
def test_bad_option_combinations(format, options, message):
    with pytest.raises(ExportError, match=message):
        render(small_workbook(), format, CONTENT, options)


def test_command_line_export(tmp_path, complete_example_path, capsys):
    out = tmp_path / "mia.html"
    assert cli.main(["export", str(complete_example_path), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert out.stat().st_mode & 0o777 == 0o600
    assert cli.main(["export", str(complete_example_path), "--format", "svg", "--circle", "x"]) == 2
    err = capsys.readouterr().err  # argparse lists the circle ids (issue 14)
    assert "invalid choice: 'x'" in err and "who-matters" in err
    assert cli.main(["export", str(complete_example_path), "--format", "text", "--redact"]) == 0
    assert "Mia" not in capsys.readouterr().out


def test_child_view_keeps_false_supporters_the_young_person_agreed_to_share():
    workbook = small_workbook()
    agreed = attrs.evolve(workbook, about=attrs.evolve(workbook.about, share_false_supporters=True))
    child = render(agreed, "markdown", CONTENT, ExportOptions(child_view=True))
    assert "### False supporters" in child and "Tells my secrets" in child
    assert "Older, possible exploitation" not in child and "Practitioner only" not in child


def test_an_export_holds_the_cycle_collector_off_and_leaves_it_as_it_was(complete_example):
    import gc

    collections = []
    gc.callbacks.append(lambda phase, info: collections.append(phase))
    try:
        assert gc.isenabled()
        render(complete_example, "html", CONTENT, ExportOptions())
        assert collections == [] and gc.isenabled()
        with pytest.raises(ExportError):
            render(complete_example, "pdf", CONTENT, ExportOptions())
        assert gc.isenabled()
        gc.disable()
        render(complete_example, "markdown", CONTENT, ExportOptions())
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.pop()
