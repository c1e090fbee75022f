"""Reading the wording file's `[ai_steps]` table: which questions of the Appreciative
Inquiry bank each step offers (the key that asks one is the same on every step).

    [ai_steps]
    default = ["discover", "dream", "design", "deliver"]
    family-plan = ["deliver", "design 1"]

Each entry names a stage of `[[ai_stages]]` (all its questions) or a stage and the number
of one of its questions, counting from 1. A step not listed offers the `default` list.
No Textual or Rich here.
"""

from __future__ import annotations

from typing import Any

from circles_tui.core.model import ModelError

DEFAULT = "default"


def read_ai_steps(doc: dict[str, Any], stages: dict[str, int],
                  step_ids: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The table checked: known steps, known stages, question numbers in range.
    `stages` gives each stage's number of questions."""
    table = doc.get("ai_steps", {})
    if not isinstance(table, dict):
        raise ModelError("ai_steps", "'ai_steps' must be a table")
    out: dict[str, tuple[str, ...]] = {}
    for step, picks in table.items():
        path = f"ai_steps.{step}"
        if step != DEFAULT and step not in step_ids:
            raise ModelError(path, f"there is no step {step!r}; the steps are: {', '.join(step_ids)}")
        if not isinstance(picks, list) or not all(isinstance(p, str) for p in picks):
            raise ModelError(path, f"{step!r} must be a list of texts like \"discover\" or \"design 2\"")
        for pick in picks:
            stage, _, number = pick.partition(" ")
            if stage not in stages:
                raise ModelError(path, f"{pick!r} names no stage; the stages are: {', '.join(stages)}")
            if number and not (number.isdigit() and 1 <= int(number) <= stages[stage]):
                raise ModelError(path, f"{pick!r}: the stage {stage!r} has questions 1 to {stages[stage]}")
        out[step] = tuple(picks)
    return out
