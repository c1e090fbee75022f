"""Edits to the Appreciative Inquiry questions asked on a step (core/step_questions.py).

Each operation takes the workbook last, so `functools.partial(add_answer, "about", answer)`
is an `Operation`. An answer that was on screen when the practitioner chose it is named by
its place and what it said then: if either no longer matches (an undo while a dialog was
open, say), the edit is refused instead of landing on whatever took its place.
"""

from __future__ import annotations

import attrs

from circles_tui.core.edits import EditRefused
from circles_tui.core.model import Workbook
from circles_tui.core.step_questions import StepAnswer
from circles_tui.core.text import has_visible_character

_GONE = "That answer was changed or removed in the meantime, so nothing was changed."
_NO_QUESTION = "Please write the question you asked."


def _set(workbook: Workbook, step: str, answers: tuple[StepAnswer, ...]) -> Workbook:
    if answers == workbook.questions.get(step, ()):
        return workbook
    return attrs.evolve(workbook, questions={**workbook.questions, step: answers})


def _still_there(workbook: Workbook, step: str, index: int, old: StepAnswer) -> tuple[StepAnswer, ...]:
    answers = workbook.questions.get(step, ())
    if not (0 <= index < len(answers)) or answers[index] != old:
        raise EditRefused(_GONE)
    return answers


def _tidy(answer: StepAnswer) -> StepAnswer:
    if not has_visible_character(answer.question):
        raise EditRefused(_NO_QUESTION)
    return attrs.evolve(answer, question=answer.question.strip(), answer=answer.answer.strip(),
                        practitioner_note=answer.practitioner_note.strip())


def add_answer(step: str, answer: StepAnswer, workbook: Workbook) -> Workbook:
    """Add a question asked on `step` and its answer, after the others."""
    return _set(workbook, step, workbook.questions.get(step, ()) + (_tidy(answer),))


def change_answer(step: str, index: int, old: StepAnswer, new: StepAnswer,
                  workbook: Workbook) -> Workbook:
    """Replace the answer at `index` (which must still be `old`) with `new`."""
    answers = _still_there(workbook, step, index, old)
    return _set(workbook, step, answers[:index] + (_tidy(new),) + answers[index + 1:])


def remove_answer(step: str, index: int, old: StepAnswer, workbook: Workbook) -> Workbook:
    """Take out the answer at `index` (which must still be `old`)."""
    answers = _still_there(workbook, step, index, old)
    return _set(workbook, step, answers[:index] + answers[index + 1:])
