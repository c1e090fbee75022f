"""Appreciative Inquiry on every step: the questions asked there, and what was said.

No Textual or Rich here. A workbook keeps, per step id, the questions asked on that step
(from the question bank in the wording file, or the practitioner's own) with the answer
and who gave it. The Tree of Life also keeps its own part-by-part answers (`TreePart`);
these are the step-wide ones. Which of the bank's questions suit which step is the
wording file's `[ai_steps]` table (`Wording.ai_steps`), read by `suited_questions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from circles_tui.core.model import NAMED_BY, ModelError, _printable_text
from circles_tui.core.text import has_visible_character

# Where a step's questions come from when the wording gives it no list of its own.
DEFAULT_STEP = "default"


@attrs.frozen(field_transformer=_printable_text)
class StepAnswer:
    """One question asked on a step, as it was asked, and the answer."""

    question: str
    answer: str = ""
    answered_by: str = ""  # one of NAMED_BY (the child, a parent or carer...), "" not recorded
    practitioner_note: str = ""


@attrs.frozen
class SuitedQuestion:
    """A question of the bank offered on a step, with the title of its stage."""

    stage: str  # "Discover"
    text: str


def step_questions(value: Mapping[str, Iterable[StepAnswer]]) -> dict[str, tuple[StepAnswer, ...]]:
    """The `questions` of a workbook: tuples, and no step without answers (so two workbooks
    that say the same are equal however they were built)."""
    out = {step: tuple(answers) for step, answers in value.items()}
    return {step: answers for step, answers in out.items() if answers}


def check_step_questions(questions: Mapping[str, tuple[StepAnswer, ...]]) -> None:
    """Raise ModelError for the first broken rule, naming where it is."""
    from circles_tui.core.wording import STEP_IDS  # the wording builds on the model

    for step, answers in questions.items():
        if step not in STEP_IDS:
            raise ModelError(f"questions.{step}", "there is no step with this id")
        for index, answer in enumerate(answers):
            path = f"questions.{step}[{index}]"
            if not isinstance(answer, StepAnswer):
                raise ModelError(path, "must be a question and its answer")
            if not has_visible_character(answer.question):
                raise ModelError(f"{path}.question", "the question asked is needed")
            if answer.answered_by and answer.answered_by not in NAMED_BY:
                raise ModelError(f"{path}.answered_by", f"must be one of {', '.join(NAMED_BY)}")


def suited_questions(wording, step_id: str) -> tuple[SuitedQuestion, ...]:
    """The bank's questions the wording offers on `step_id` (its own list, else the default)."""
    stages = {stage.id: stage for stage in wording.ai_stages}
    picks = wording.ai_steps.get(step_id, wording.ai_steps.get(DEFAULT_STEP, ()))
    if not wording.ai_steps:  # a content file without [ai_steps]: the whole bank
        picks = tuple(stages)
    out: list[SuitedQuestion] = []
    for pick in picks:
        stage_id, _, number = pick.partition(" ")
        stage = stages[stage_id]
        chosen = stage.questions if not number else (stage.questions[int(number) - 1],)
        out += [SuitedQuestion(stage.title, text) for text in chosen]
    return tuple(dict.fromkeys(out))


# The names of the steps whose name is not in the wording file (the step widgets say the same).
_OWN_NAMES = {"about": "About", "tree": "Tree of Life", "supporters": "Supporters",
              "people": "People", "summary": "Summary"}
_MEETING_STEPS = {"invitations": "invitations", "child-voice": "child_voice", "family-plan": "plan"}


def step_name(wording, step_id: str) -> str:
    """A step's name in running text: a circle's short name ("Services suggest"), a meeting
    step's title from the wording, else the step's own name."""
    if step_id in _MEETING_STEPS:
        return getattr(wording.meeting, _MEETING_STEPS[step_id]).title
    if any(circle.id == step_id for circle in wording.circles):
        return wording.circle(step_id).short
    return _OWN_NAMES.get(step_id) or step_id.replace("-", " ").capitalize()


def answered_steps(questions: Mapping[str, tuple[StepAnswer, ...]],
                   order: Iterable[str]) -> list[tuple[str, tuple[StepAnswer, ...]]]:
    """(step id, answers) for each step with answers, in the guided order `order`."""
    return [(step, questions[step]) for step in order if questions.get(step)]
