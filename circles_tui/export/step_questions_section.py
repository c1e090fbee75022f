"""The exports' section of Appreciative Inquiry questions asked on each step.

No Textual or Rich here. `document.build` adds it (only when some step has answers): one
part per step in the guided order, each answer as its question, who answered and what
they said. The workbook given is already the audience's view (`core.audience.view`), so
redaction has covered the text; the practitioner's notes are added only for an audience
that sees them.
"""

from __future__ import annotations

from circles_tui.core import audience
from circles_tui.core.model import Workbook
from circles_tui.core.step_questions import answered_steps, step_name
from circles_tui.core.wording import Wording
from circles_tui.export.document import PRIVATE, Heading, Item, Items, Section

TITLE = "Questions asked on each step"


def questions_section(workbook: Workbook, content: Wording,
                      who: audience.Audience) -> Section | None:
    """The section, or None when no step has answers."""
    private = audience.sees(who, "StepAnswer.practitioner_note")
    blocks: list = []
    for step, answers in answered_steps(workbook.questions, content.step_order):
        items = []
        for answer in answers:
            said = f"\u201c{answer.answer}\u201d" if answer.answer else ""
            by = content.named_by.get(answer.answered_by, "")
            text = f"{by}: {said}" if by and said else by or said
            note = (Item(PRIVATE, answer.practitioner_note, private=True),) \
                if private and answer.practitioner_note else ()
            items.append(Item(answer.question, text, note))
        blocks += [Heading(3, step_name(content, step)), Items(tuple(items))]
    if not blocks:
        return None
    return Section("questions", content.heading("questions", TITLE), tuple(blocks))
