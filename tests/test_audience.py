"""One rule for who sees what (core/audience.py), checked in every output.

The matrix tests put a unique marker in every text field of every record (built from
the model's attrs fields, so a field added later is covered) and check, for each
audience, that exactly the markers the rule allows appear in each export format, and
that no marker it leaves out appears in any export, change report or step on screen.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import attrs
import pytest

from circles_tui.core.sharing_table import sharing_table
from circles_tui.core import audience
from circles_tui.core.audience import AUDIENCES, BEYOND_TEAM, CHILD, FAMILY, PRACTITIONER
from circles_tui.core.change_report import describe_changes
from circles_tui.core.labels import FIELD_LABELS, FORMATS
from circles_tui.core.model import CIRCLE_IDS, Workbook
from circles_tui.core.wording import bundled
from circles_tui.dialogs.compare import changes_since
from circles_tui.export import ExportOptions, render
from tests.audience_markers import TEXT_TYPES, expected, marked_workbook

CONTENT = bundled()
README = Path(__file__).resolve().parents[1] / "README.md"
OPTIONS = {
    PRACTITIONER: ExportOptions(),
    CHILD: ExportOptions(child_view=True),
    FAMILY: ExportOptions(family=True),
    BEYOND_TEAM: ExportOptions(redact=True),
}
DOCUMENTS = ("markdown", "html", "text")  # the formats that hold the whole workbook


def every_export(workbook: Workbook, who: audience.Audience) -> dict[str, str]:
    """Every format (each picture too), with HTML and XML entities turned back into text."""
    options = OPTIONS[who]
    out = {f: render(workbook, f, CONTENT, options) for f in FORMATS if f != "svg"}
    for circle in CIRCLE_IDS:
        out[f"svg {circle}"] = render(workbook, "svg", CONTENT, attrs.evolve(options, circle=circle))
    out["svg tree"] = render(workbook, "svg", CONTENT, attrs.evolve(options, tree=True))
    for ecomap in workbook.ecomaps:
        out[f"svg {ecomap.id}"] = render(workbook, "svg", CONTENT,
                                         attrs.evolve(options, ecomap=ecomap.id))
    return {name: html.unescape(text) for name, text in out.items()}


def blank(workbook: Workbook) -> Workbook:
    """The same records with every free-text field empty: the change report's "before"."""
    def clear(value):
        if isinstance(value, tuple):
            return tuple(clear(v) for v in value)
        if not attrs.has(type(value)):
            return value
        changes = {}
        for field in attrs.fields(type(value)):
            rule = audience.FIELDS.get(f"{type(value).__name__}.{field.name}")
            current = getattr(value, field.name)
            if field.name in ("answers", "links"):
                changes[field.name] = clear(current)
            elif rule is not audience.DATA and field.type in TEXT_TYPES and field.name not in (
                    "name", "child", "question"):  # the model needs these
                changes[field.name] = () if isinstance(current, tuple) else ""
        return attrs.evolve(value, **changes)

    return Workbook(
        clear(workbook.about), clear(workbook.people),
        {c: tuple(attrs.evolve(clear(p), extras={}) for p in ps) for c, ps in workbook.circles.items()},
        {k: clear(ss) for k, ss in workbook.supporters.items()},
        {k: clear(p) for k, p in workbook.tree.items()}, clear(workbook.storms),
        ecomaps=clear(workbook.ecomaps),
    )


def present(marker: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(marker)}(?![\w])", text, re.IGNORECASE) is not None


# -- the rule itself --------------------------------------------------------------------------


def test_every_field_of_every_record_has_a_rule_and_a_label():
    fields = {f"{cls.__name__}.{f.name}" for cls in audience.RECORDS for f in attrs.fields(cls)}
    assert set(audience.FIELDS) == fields
    assert set(FIELD_LABELS) == fields


def test_the_readme_table_is_the_rule():
    assert sharing_table() in README.read_text(encoding="utf-8")


def test_the_child_and_the_family_read_the_child_words_and_no_practitioner_notes():
    assert [audience.reads_child_words(who) for who in AUDIENCES] == [False, True, True, False]
    assert [audience.sees(who, audience.MEETING_NOTES) for who in AUDIENCES] == [
        True, False, False, False]


def test_private_kinds_come_from_the_wording_file_only():
    own = attrs.evolve(CONTENT, supporters=tuple(
        attrs.evolve(s, shared_by_default=s.id != "fair-weather") for s in CONTENT.supporters
    ))
    workbook, _, _ = marked_workbook()
    assert audience.left_out_kinds(workbook, own, CHILD) == {"fair-weather"}
    child = audience.view(workbook, own, CHILD)
    assert child.supporters["fair-weather"] == () and child.supporters["false"]
    markdown = render(workbook, "markdown", own, ExportOptions(child_view=True))
    assert "Fair-weather supporters" not in markdown and "False supporters" in markdown


# -- the matrix ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", AUDIENCES)
def test_exports_show_exactly_what_the_rule_allows(who):
    workbook, markers, names = marked_workbook()
    outputs = every_export(workbook, who)
    for marker in markers:
        if marker.text in names:
            continue  # names are shown as names: checked below
        allowed = expected(marker, who)
        for name, output in outputs.items():
            if not allowed:
                assert not present(marker.text, output), (who, name, marker)
            elif name in DOCUMENTS:
                assert present(marker.text, output), (who, name, marker)
    for name_text, why in names.items():
        for name, output in outputs.items():
            if who == BEYOND_TEAM:
                assert not present(name_text, output), (name, why, name_text)


@pytest.mark.parametrize("who", AUDIENCES)
def test_the_change_report_and_the_compare_dialog_say_only_what_the_rule_allows(who):
    workbook, markers, names = marked_workbook()
    said = " ".join(describe_changes(blank(workbook), workbook, CONTENT, who))
    assert said
    if who in (PRACTITIONER, CHILD):
        assert changes_since(blank(workbook), workbook, CONTENT, who == CHILD) == \
            describe_changes(blank(workbook), workbook, CONTENT, who)
    for marker in markers:
        if not expected(marker, who) and marker.text not in names:
            assert not present(marker.text, said), (who, marker)
    if who == BEYOND_TEAM:
        for name_text in names:
            assert not present(name_text, said), name_text


def test_the_child_never_sees_a_worry_in_any_words():
    workbook, _, _ = marked_workbook()
    child_words = audience.wording_for(CONTENT, CHILD)
    worry_labels = {
        field.label_of("concern")
        for wording in (CONTENT, child_words)
        for field in wording.circle("services-suggest").fields if field.id == "reason_type"
    }
    for who in (CHILD, FAMILY):
        for name, output in every_export(workbook, who).items():
            for label in worry_labels:
                assert label not in output, (who, name, label)


# -- each step on screen ----------------------------------------------------------------------


def _steps():
    from circles_tui.steps.about import AboutStep
    from circles_tui.steps.mobility_map import MobilityMapStep
    from circles_tui.steps.circle import CircleStep
    from circles_tui.steps.people import PeopleStep
    from circles_tui.steps.summary import SummaryStep
    from circles_tui.steps.supporters import SupportersStep
    from circles_tui.steps.tree import TreeStep

    yield "about", lambda: AboutStep(CONTENT)
    for circle in CIRCLE_IDS:
        yield circle, lambda circle=circle: CircleStep(CONTENT, circle)
    yield "supporters", lambda: SupportersStep(CONTENT)
    yield "tree", lambda: TreeStep(CONTENT)
    yield "people", lambda: PeopleStep(CONTENT)
    yield "summary", lambda: SummaryStep(CONTENT)
    yield "mobility-map", lambda: MobilityMapStep(CONTENT)


async def _on_screen(make_step, workbook: Workbook, child_view: bool) -> str:
    """Everything the step shows while the cursor visits its entries, as one text."""
    from tests.harness import StepHarness

    app = StepHarness(make_step(), workbook)
    seen: list[str] = []
    async with app.run_test(size=(220, 80)) as pilot:
        app.step.child_view = child_view
        await pilot.pause()
        for key in [None, "down", "down", "down", "right", "down", "right", "down", "right"]:
            if key:
                await pilot.press(key)
                await pilot.pause()
            svg = app.export_screenshot()
            seen.append(html.unescape("".join(re.findall(r">([^<]*)<", svg))).replace("\xa0", " "))
    return "\n".join(seen)


@pytest.mark.parametrize(("name", "make_step"), list(_steps()), ids=[n for n, _ in _steps()])
async def test_each_step_in_child_view_shows_nothing_the_rule_leaves_out(name, make_step):
    workbook, markers, _ = marked_workbook()
    practitioner = await _on_screen(make_step, workbook, child_view=False)
    child = await _on_screen(make_step, workbook, child_view=True)
    shown_to_practitioner = [m for m in markers if present(m.text, practitioner)]
    assert shown_to_practitioner, name  # the screen is read at all
    for marker in shown_to_practitioner:
        if not expected(marker, CHILD):
            assert not present(marker.text, child), (name, marker)
        elif marker.field in ("Person.name", "About.child"):
            assert present(marker.text, child), (name, marker)  # nobody the child placed goes
