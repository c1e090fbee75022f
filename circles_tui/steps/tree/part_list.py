"""What the list beside the tree shows for one part: the child's words, the people on the
leaves, the questions asked and the practitioner's note, each under its heading.

Each entry's option id says what it is and which one ("word-2", "answer-0",
"person-nanna-jo", "note"); headings and "nothing yet" lines are disabled options.
Text from people is shown literally (`Content(text)`), never as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from circles_tui.core.audience import GUIDANCE, Audience, reads_child_words, sees
from circles_tui.core.edits.tree import LEAVES, WHO_MATTERS
from circles_tui.core.model import TREE_PARTS, Answer, Person, TreePart, Workbook
from circles_tui.core.progress import part_entries
from circles_tui.core.wording import TreePartText, Wording
from circles_tui.steps.tree.hanging import Hanging

BULLET = "•"
QUESTION_MARK = "?"
PERSON_MARK = "♥"


def _heading(text: str, id: str) -> Option:
    return Option(Content.styled(text, "bold $text-primary"), id=id, disabled=True)


def _empty(text: str, id: str) -> Option:
    return Option(Hanging(("  ", Content.styled(text, "italic $text-muted"))), id=id,
                  disabled=True)


def part_options(
    workbook: Workbook, part_id: str, part: TreePart, wording: Wording, audience: Audience
) -> list[Option]:
    """The entries of a part that exists (every part of the tree, the storms once started)."""
    options: list[Option] = [_heading("Their words", "h-words")]
    for index, words in enumerate(part.words):
        options.append(
            Option(Hanging((Content.styled(f"{BULLET} ", "$text-success"), words)),
                   id=f"word-{index}")
        )
    if not part.words:
        options.append(_empty("Nothing yet: press a to add their words.", "e-words"))
    if part_id == LEAVES:
        options += _leaves(workbook, part, wording.circle(WHO_MATTERS).short)
    options.append(_heading("Questions asked", "h-answers"))
    for index, answer in enumerate(part.answers):
        options.append(Option(_answer_prompt(answer), id=f"answer-{index}"))
    if not part.answers:
        options.append(
            _empty("None yet: press q to pick a question, o to ask your own.", "e-answers")
        )
    if sees(audience, "TreePart.practitioner_note"):
        options.append(_heading("Practitioner note (hidden in child view)", "h-note"))
        if part.practitioner_note:
            options.append(
                Option(Hanging(("  ", Content.styled(part.practitioner_note, "$text-warning"))),
                       id="note")
            )
        else:
            options.append(_empty("No note: press n to write one.", "e-note"))
    return options


def _leaves(workbook: Workbook, part: TreePart, circle_name: str) -> list[Option]:
    options = [_heading("People on the leaves", "h-people")]
    people = workbook.people_by_id()
    in_circle = {p.person for p in workbook.circles.get(WHO_MATTERS, ())}
    for person_id in part.people:
        person = people.get(person_id)
        if person is not None:
            options.append(
                Option(_person_prompt(person, circle_name if person_id in in_circle else None),
                       id=f"person-{person_id}")
            )
    if not part.people:
        options.append(_empty("No one linked yet: press l to link a person.", "e-people"))
    return options


def _person_prompt(person: Person, in_circle: str | None) -> Hanging:
    status = [
        "living" if person.living else "passed away",
        "knows them" if person.known else "never met",
    ]
    if in_circle:
        status.append(f"in {in_circle}")
    name: list = [(person.name, "bold")]
    if person.relationship:
        name += [(" · ", "$text-muted"), person.relationship]
    rows = [
        (Content.styled(f"{PERSON_MARK} ", "$text-error"), Content.assemble(*name)),
        ("  ", Content.styled(" · ".join(status), "$text-muted")),
    ]
    if person.note:
        rows.append(("  ", Content.styled(person.note, "italic")))
    return Hanging(*rows)


def _answer_prompt(answer: Answer) -> Hanging:
    reply = (
        Content.styled(answer.answer, "italic")
        if answer.answer
        else Content.styled("no answer yet", "$text-muted italic")
    )
    return Hanging(
        (Content.styled(f"{QUESTION_MARK} ", "bold $text-accent"),
         Content.styled(answer.question, "bold")),
        ("  ", reply),
    )


def storms_not_started(workbook: Workbook, wording: Wording, audience: Audience) -> list[Option]:
    """What the storms show before anyone has started them."""
    empty = [wording.tree_part(p).title for p in TREE_PARTS if not part_entries(workbook.tree[p])]
    if reads_child_words(audience):
        about = "This part is only if you want to. It's fine to stop at any time."
    else:
        about = (
            "The storms are optional. Only start them once the tree is finished, "
            "and only if the child wants to."
        )
    lines = [
        _heading("Not started", "h-storms"),
        _empty(about, "e-storms"),
        _empty("Press s to start the storms of life.", "e-storms-key"),
    ]
    if empty and sees(audience, GUIDANCE):
        lines.append(_empty("Parts of the tree still empty: " + ", ".join(empty) + ".",
                            "e-storms-empty"))
    return lines


def questions_hint(part: TreePart | None, text: TreePartText) -> Content:
    """How many of the suggested questions have been asked in this part."""
    if part is None:
        return Content("")
    asked = {a.question for a in part.answers}
    count = sum(1 for q in text.questions if q in asked)
    return Content(f"Suggested questions asked: {count} of {len(text.questions)}")
