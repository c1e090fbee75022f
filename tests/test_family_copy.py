"""The family's own copy of their plan: what it says, what it never says, and where it goes."""

from __future__ import annotations

import html
import re

import attrs
import pytest

from circles_tui.cli import main
from circles_tui.core.meeting import FamilyPlan, Meeting, PlanRow
from circles_tui.core.model import Workbook
from circles_tui.core.wording import bundled
from circles_tui.export import ExportError, ExportOptions, family_copy, render
from circles_tui.export.document import PRIVATE


PRIVATE_FIELDS = ("practitioner_note", "concern", "hold_until", "hold_asked_by")


def private_texts(workbook: Workbook) -> list[str]:
    """Every practitioner-only note, concern and hold anywhere in the workbook, meeting
    included."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                item = getattr(value, field.name)
                if field.name in PRIVATE_FIELDS and item:
                    found.append(item)
                else:
                    walk(item)

    walk(workbook)
    return found


def plain(markdown: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def test_the_example_has_private_texts_to_leave_out(complete_example):
    meeting_notes = private_texts(complete_example.meeting)
    assert meeting_notes and "Kerry agrees" in private_texts(complete_example)  # Sue's hold
    assert len(private_texts(complete_example)) > 15


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_no_practitioner_only_text_reaches_the_family_copy(complete_example, format):
    text = render(complete_example, format, bundled(), ExportOptions(family_copy=True))
    readable = html.unescape(text) if format == "html" else plain(text)
    for note in private_texts(complete_example):
        assert note[:40] not in readable, note
    assert PRIVATE not in readable
    assert "Craig" not in readable and "Kayleigh" not in readable  # undecided, never invited


def test_the_family_copy_says_the_plan_in_plain_words(complete_example):
    text = plain(family_copy.markdown(complete_example, bundled()))
    assert text.startswith("# Mia's family plan")
    assert "When: Thursday 2 April 2026" in text
    assert "**If it doesn't happen:** If Dad cannot come" in text
    assert "“Please don't be cross with Mum. She's trying really hard.”" in text
    assert "- Nanna Jo: Coming (asked by Dad)" in text
    assert "Grandma Sue" not in text.split("## Who we are inviting")[1]  # not decided yet
    assert "again on Thursday 14 May 2026" in text


def test_text_from_people_is_escaped_in_both_forms(complete_example):
    row = PlanRow("<script>alert(1)</script>", "**shout** [link](http://x)")
    workbook = attrs.evolve(complete_example, meeting=Meeting(plan=FamilyPlan((row,))))
    page = family_copy.page(workbook, bundled())
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    markdown = family_copy.markdown(workbook, bundled())
    assert "\\*\\*shout\\*\\*" in markdown and "\\[link\\]" in markdown


def test_an_empty_meeting_still_makes_a_sensible_copy(complete_example):
    workbook = attrs.evolve(complete_example, meeting=Meeting())
    text = family_copy.markdown(workbook, bundled())
    assert "The date is still to be agreed." in text and "The plan is still being made." in text


@pytest.mark.parametrize("format", ["svg", "text"])
def test_the_family_copy_is_html_or_markdown_only(complete_example, format):
    with pytest.raises(ExportError):
        render(complete_example, format, bundled(), ExportOptions(family_copy=True, tree=format == "svg"))
    with pytest.raises(ExportError):
        render(complete_example, "html", bundled(), ExportOptions(family_copy=True, redact=True))


def test_the_command_line_writes_the_family_copy(tmp_path, complete_example_path, capsys):
    out = tmp_path / "plan.html"
    assert main(["export", str(complete_example_path), "--format", "html", "--family-copy",
                 "-o", str(out)]) == 0
    assert "<h1>Mia&#x27;s family plan</h1>" in out.read_text()
    assert main(["export", str(complete_example_path), "--format", "svg", "--tree",
                 "--family-copy"]) == 2
    assert "family copy" in capsys.readouterr().err
