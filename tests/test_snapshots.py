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
    monkeypatch.setattr("circles_tui.app.clock", lambda seconds: "10:00:00")
    path = tmp_path / "mia-complete.toml"
    shutil.copyfile(EXAMPLES / "mia-complete.toml", path)
    return path


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", STEPS)
def test_workspace_step(snap_compare, example, step, size):
    async def go_to_step(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.show_step(STEPS.index(step))
        await pilot.pause()

    assert snap_compare(CirclesApp(path=example), terminal_size=SIZES[size], run_before=go_to_step)


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
