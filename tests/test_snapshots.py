"""How every step of the workspace looks with the complete example, small and large.

Open the SVGs under tests/__snapshots__/test_snapshots/ to see them; `pytest
--snapshot-update` rewrites them after a deliberate change of look.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from circles_tui.app import CirclesApp
from circles_tui.core.wording import bundled

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# The guided order the wording file sets: each snapshot is named after its step.
STEPS = list(bundled().step_order)
SIZES = {"small": (80, 24), "large": (120, 40)}


@pytest.fixture
def example(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr("circles_tui.saving.clock", lambda seconds: "10:00:00")
    path = tmp_path / "mia-complete.toml"
    shutil.copyfile(EXAMPLES / "mia-complete.toml", path)
    return path


def showing(step: str, *keys: str):
    """A `run_before` that goes to `step`, then presses `keys`."""
    async def go_to_step(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.show_step(STEPS.index(step))
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return go_to_step


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", STEPS)
def test_workspace_step(snap_compare, example, step, size):
    assert snap_compare(CirclesApp(path=example), terminal_size=SIZES[size],
                        run_before=showing(step))


def test_start_screen(snap_compare):
    assert snap_compare(CirclesApp(), terminal_size=(80, 24))


def test_help(snap_compare, example):
    assert snap_compare(CirclesApp(path=example), press=["_", "right_square_bracket", "f1"],
                        terminal_size=(100, 32))


def test_child_view_high_contrast(snap_compare, example):
    async def setup(pilot) -> None:
        pilot.app.theme = "high-contrast"
        await pilot.pause()

    assert snap_compare(CirclesApp(path=example), press=["_", "right_square_bracket", "f2", "_"],
                        terminal_size=(100, 32), run_before=setup)


# Each kind of step at the smallest usable size and on a very large screen (80x24 and 120x40
# are above); at 60x20 the step list is folded into its one-line indicator.
KINDS = ["about", "who-matters", "supporters", "tree", "people", "summary"]
MORE_SIZES = {"60x20": (60, 20), "200x60": (200, 60)}


@pytest.mark.parametrize("size", MORE_SIZES)
@pytest.mark.parametrize("step", KINDS)
def test_workspace_step_more_sizes(snap_compare, example, step, size):
    assert snap_compare(CirclesApp(path=example), terminal_size=MORE_SIZES[size],
                        run_before=showing(step))


@pytest.mark.parametrize("step", ["who-matters", "tree", "ecomap"])
def test_picture_view(snap_compare, example, step):
    assert snap_compare(CirclesApp(path=example), terminal_size=(80, 24),
                        run_before=showing(step, "f5"))


def test_ecomap_whole_family(snap_compare, example):
    # The second ecomap of the example: Mia and Mum in the middle, each with links of their own.
    assert snap_compare(CirclesApp(path=example), terminal_size=(120, 40),
                        run_before=showing("ecomap", "w", "end", "enter"))


@pytest.mark.parametrize("size", [(40, 12), (20, 6)], ids=["40x12", "20x6"])
def test_window_too_small(snap_compare, example, size):
    assert snap_compare(CirclesApp(path=example), terminal_size=size)
