"""The family's own copy of their plan: a printable HTML page, or Markdown, in plain words.

No Textual or Rich here. Only what `core.meeting.FAMILY_SEES` lets through is used (never
a practitioner-only note, a concern or a person's private details), and only the people
the family chose to invite are named. Both writers share `sections`, so the page and the
Markdown always say the same thing.
"""

from __future__ import annotations

import html

import attrs

from circles_tui.core.meeting import Meeting, for_family
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.markdown import escape as md_escape


@attrs.frozen
class Section:
    title: str
    lines: tuple[str, ...] = ()  # paragraphs
    items: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # (heading, (label, text)...)
    bullets: tuple[str, ...] = ()


def _day(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def title(workbook: Workbook) -> str:
    return f"{workbook.about.child}'s family plan"


def sections(workbook: Workbook, wording: Wording) -> tuple[Section, ...]:
    """What the family copy says, section by section, already limited to what they may see."""
    meeting: Meeting = for_family(workbook.meeting)
    labels = wording.meeting
    child = workbook.about.child
    people = workbook.people_by_id()
    out: list[Section] = []

    when = [f"{label}: {value}" for label, value in (
        ("When", _day(meeting.on)), ("Where", meeting.place),
        ("Who is running the meeting", meeting.facilitator)) if value]
    out.append(Section("Our family meeting", tuple(when) or ("The date is still to be agreed.",)))

    voice = meeting.child_voice
    ways = [labels.taking_part[way] for way in voice.taking_part]
    if voice.speaker and "trusted-adult" in voice.taking_part:
        ways[voice.taking_part.index("trusted-adult")] += f": {people[voice.speaker].name}"
    out.append(Section(
        f"What {child} wants everyone to know",
        (f"How {child} is taking part: {', '.join(ways)}.",) if ways else (),
        bullets=tuple(f"“{words.text}”" for words in voice.words),
    ))

    plan = meeting.plan
    out.append(Section("Our plan", () if plan.rows else ("The plan is still being made.",), items=tuple(
        (row.worry or row.action, tuple((label, text) for label, text in (
            ("What will happen", row.action), ("Who", row.who),
            ("When, or how often", row.when), ("If it doesn't happen", row.fallback),
        ) if text))
        for row in plan.rows
    )))
    if plan.strengths:
        out.append(Section("What we are building on", bullets=plan.strengths))

    invited = [i for i in meeting.invitations if i.family_wants == "yes"]
    if invited:
        out.append(Section("Who we are inviting", bullets=tuple(
            f"{people[i.person].name}: {labels.statuses[i.status]}"
            + (f" (asked by {i.asked_by})" if i.asked_by else "")
            for i in invited
        )))
    if plan.review_on:
        out.append(Section("Looking at the plan again",
                           (f"We will look at this plan together again on {_day(plan.review_on)}.",)))
    return tuple(out)


FOOTER = "This plan belongs to the family. Keep it somewhere safe; share it only if you choose to."


def markdown(workbook: Workbook, wording: Wording) -> str:
    out = [f"# {md_escape(title(workbook))}", ""]
    for section in sections(workbook, wording):
        out += [f"## {md_escape(section.title)}", ""]
        out += [line for text in section.lines for line in (md_escape(text), "")]
        for heading, rows in section.items:
            out += [f"### {md_escape(heading)}", ""]
            out += [f"- **{md_escape(label)}:** {md_escape(text)}" for label, text in rows]
            out.append("")
        if section.bullets:
            out += [f"- {md_escape(text)}" for text in section.bullets] + [""]
    out += [f"*{md_escape(FOOTER)}*", ""]
    return "\n".join(out)


_CSS = """
body { font-family: Georgia, serif; font-size: 14pt; max-width: 42em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #222; }
h1 { font-size: 1.8em; } h2 { border-bottom: 2px solid #999; margin-top: 1.5em; }
h3 { margin-bottom: 0.2em; } dt { font-weight: bold; } dd { margin: 0 0 0.4em 1em; }
footer { margin-top: 2em; font-style: italic; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; font-size: 12pt; } h2, h3 { break-after: avoid; } }
"""


def page(workbook: Workbook, wording: Wording) -> str:
    """A printable HTML page; every piece of text is escaped."""
    e = html.escape
    body: list[str] = [f"<h1>{e(title(workbook))}</h1>"]
    for section in sections(workbook, wording):
        body.append(f"<section>\n<h2>{e(section.title)}</h2>")
        body += [f"<p>{e(text)}</p>" for text in section.lines]
        for heading, rows in section.items:
            body.append(f"<h3>{e(heading)}</h3>\n<dl>")
            body += [f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" for label, text in rows]
            body.append("</dl>")
        if section.bullets:
            body.append("<ul>" + "".join(f"<li>{e(t)}</li>" for t in section.bullets) + "</ul>")
        body.append("</section>")
    body.append(f"<footer>{e(FOOTER)}</footer>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{e(title(workbook))}</title>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
