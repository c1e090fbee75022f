"""What changed in the questions asked on each step, in plain sentences.

Called by `change_report` (for `circles diff` and the compare dialog), which lends its
way of describing questions and answers (the tree's too) and of saying a sentence.
Practitioner-only notes are never quoted: a sentence says that one changed.
No Textual or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from circles_tui.core.model import Answer
from circles_tui.core.step_questions import StepAnswer, step_name
from circles_tui.core.wording import STEP_IDS, Wording

Answers = Mapping[str, tuple[StepAnswer, ...]]


def step_question_changes(old: Answers, new: Answers, wording: Wording,
                          answers: Callable[[str, tuple[Answer, ...], tuple[Answer, ...]], None],
                          say: Callable[[str], None]) -> None:
    """Describe each step's changes: `answers(title, old, new)` for the questions and their
    answers, then `say` for who answered and the practitioner's notes."""
    for step in STEP_IDS:
        before, after = old.get(step, ()), new.get(step, ())
        if before == after:
            continue
        title = step_name(wording, step)
        answers(title, tuple(Answer(a.question, a.answer) for a in before),
                tuple(Answer(a.question, a.answer) for a in after))
        was = _first_of_each(before)
        for answer in _first_of_each(after).values():
            earlier = was.get(answer.question)
            if earlier is None:
                continue
            if earlier.answered_by != answer.answered_by:
                who = wording.named_by.get(answer.answered_by, "not recorded")
                say(f"Who answered '{answer.question}' in {title} is now: {who}")
            if earlier.practitioner_note != answer.practitioner_note:
                say(f"The practitioner-only note on '{answer.question}' in {title} changed")


def _first_of_each(answers: tuple[StepAnswer, ...]) -> dict[str, StepAnswer]:
    """Each question's first answer, by question, as `answers` in change_report matches them."""
    out: dict[str, StepAnswer] = {}
    for answer in answers:
        out.setdefault(answer.question, answer)
    return out
