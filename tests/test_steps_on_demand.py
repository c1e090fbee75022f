"""Steps are built when first wanted; the step list names and marks them without building them."""

from __future__ import annotations

from pathlib import Path

import pytest

from circles_tui.app import CirclesApp
from circles_tui.core.audience import CHILD, PRACTITIONER
from circles_tui.core.file_format import read_workbook
from circles_tui.core.model import new_workbook
from circles_tui.core.step_index import step_progress, step_title
from circles_tui.core.wording import bundled
from circles_tui.screens.steps_on_demand import StepsOnDemand, build_step
from circles_tui.screens.workspace import StepList
from tests.sample_workbooks import small_workbook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STEP_IDS = bundled().step_order


@pytest.mark.parametrize("step_id", STEP_IDS)
def test_a_built_step_has_the_name_and_mark_the_step_list_shows(step_id):
    content = bundled()
    step = build_step(step_id, content)
    assert step.id == f"step-{step_id}" and step.step_id == step_id  # F6 files answers here
    assert type(step).STEP_ID in (step_id, "")  # "": a circle step answers for itself
    for child_view, audience in ((False, PRACTITIONER), (True, CHILD)):
        step.child_view = child_view
        assert step.step_title == step_title(step_id, content, audience)
    workbooks = (new_workbook("Sam"), small_workbook(),
                 read_workbook(EXAMPLES / "mia-complete.toml").workbook)
    for workbook in workbooks:
        assert step.progress(workbook) == step_progress(step_id, workbook)


def test_the_child_reads_some_step_names_in_their_own_words():
    content = bundled()
    names = {audience: [step_title(s, content, audience) for s in STEP_IDS]
             for audience in (PRACTITIONER, CHILD)}
    assert names[PRACTITIONER] != names[CHILD]
    assert names[PRACTITIONER][:2] == ["About", content.circle(STEP_IDS[1]).short]


def test_steps_are_built_once_and_only_when_asked_for():
    built: list[str] = []

    def build(step_id: str):
        built.append(step_id)
        return build_step(step_id, bundled())

    steps = StepsOnDemand(STEP_IDS, build)
    assert len(steps) == len(STEP_IDS) and built == [] and list(steps.built()) == []
    assert steps[2] is steps[2] and steps[-1] is steps[len(STEP_IDS) - 1]
    assert built == [STEP_IDS[2], STEP_IDS[-1]]
    assert [s.id for s in steps[:2]] == [f"step-{i}" for i in STEP_IDS[:2]]
    with pytest.raises(IndexError):
        steps[len(STEP_IDS)]
    with pytest.raises(KeyError):
        build_step("no-such-step", bundled())


async def test_the_workspace_opens_with_only_the_first_step_built(complete_example_path):
    app = CirclesApp(path=complete_example_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert [s.id for s in screen.steps.built()] == ["step-about"]
        step_list = screen.query_one(StepList)
        assert step_list.option_count == len(STEP_IDS)  # every step listed, one built
        await pilot.press("f2")  # child view reaches the steps built later too
        await pilot.pause()
        screen.show_step(2)
        await pilot.pause()
        assert [s.id for s in screen.steps.built()] == ["step-about", f"step-{STEP_IDS[2]}"]
        assert screen.steps[2].child_view and screen.steps[2].is_mounted
