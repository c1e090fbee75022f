"""The `[[questions.<step id>]]` tables of a workbook file (format version 3).

No Textual or Rich here. `workbook_reader` calls `read_step_questions` with its reader
(whose typed getters raise `ModelError` naming the key) and `workbook_writer` calls
`step_questions_chunks`. A file without these tables (every file of version 1 or 2) gets
no answers, and a workbook without answers writes none, so such a file keeps its shape.

    [[questions.who-could-help]]
    question = "Who could help, and what would you like to ask them for?"
    answer = "Nanna Jo, to have me after school on Tuesdays."
    answered_by = "child"
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from circles_tui.core.step_questions import StepAnswer

TABLE = "questions"


def read_step_questions(reader: Any, doc: dict[str, Any]) -> dict[str, tuple[StepAnswer, ...]]:
    """The answers in a parsed document; `reader` is workbook_reader's `_WorkbookReader`.
    Which step ids may appear is checked with the rest of the workbook (`check_workbook`)."""
    group = reader._table(doc, TABLE, "")
    return {
        step: tuple(reader._record(StepAnswer, item, f"{TABLE}.{step}[{i}]")
                    for i, item in enumerate(reader._tables(group, step, TABLE)))
        for step in group
    }


def step_questions_chunks(
    questions: dict[str, tuple[StepAnswer, ...]],
    values: Callable[[dict[str, Any]], str],
    record: Callable[[Any, tuple[str, ...]], dict[str, Any]],
) -> Iterator[str]:
    """One `[[questions.<step>]]` table per answer, steps in the model's order so the same
    workbook always gives the same text. `values` and `record` come from workbook_writer."""
    from circles_tui.core.wording import STEP_IDS

    for step in sorted(questions, key=STEP_IDS.index):
        for answer in questions[step]:
            yield f"\n[[{TABLE}.{step}]]\n"
            yield values(record(answer, ()))
