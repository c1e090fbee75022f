"""Each safety circle's own named colour, in every theme."""

from __future__ import annotations

from itertools import combinations

import pytest
from textual.color import Color
from textual.widgets import Static

from circles_tui.app import CirclesApp, HIGH_CONTRAST
from circles_tui.core.wording import bundled
from circles_tui.steps.circle import CircleStep
from circles_tui.widgets.circle_colours import CIRCLE_COLOURS, circle_colour_variables, circle_role
from tests.harness import StepHarness
from tests.sample_workbooks import small_workbook

THEMES = ["textual-dark", "textual-light", "high-contrast"]


def theme(name: str):
    return HIGH_CONTRAST if name == "high-contrast" else CirclesApp().get_theme(name)


@pytest.mark.parametrize("name", THEMES)
def test_five_distinct_hues_in_every_theme(name):
    variables = circle_colour_variables(theme(name))
    hues = {colour: Color.parse(variables[f"circle-{colour}"]).hsl.h * 360
            for colour in CIRCLE_COLOURS}
    for a, b in combinations(CIRCLE_COLOURS, 2):
        gap = abs(hues[a] - hues[b])
        assert min(gap, 360 - gap) >= 15, (name, a, b, hues)
    assert 200 <= hues["blue"] <= 240 and 260 <= hues["purple"] <= 300  # blue is blue


def test_every_bundled_circle_has_a_named_colour_of_its_own():
    roles = [circle_role(c.colour, c.theme_role) for c in bundled().circles]
    assert roles == ["circle-green", "circle-purple", "circle-amber", "circle-orange",
                     "circle-blue"]
    assert circle_role("teal", "accent") == "accent"  # an organisation's own colour name


@pytest.mark.parametrize("name", THEMES)
async def test_the_circle_step_draws_its_question_in_its_own_colour(name):
    app = StepHarness(CircleStep(bundled(), "services-suggest"), small_workbook())
    async with app.run_test(size=(120, 40)) as pilot:
        if name == "high-contrast":
            app.register_theme(HIGH_CONTRAST)
        app.theme = name
        await pilot.pause()
        question = app.query_one("#circle-question", Static)
        blue = Color.parse(circle_colour_variables(app.current_theme)["text-circle-blue"])
        assert question.styles.border_left[1].rgb == blue.rgb
