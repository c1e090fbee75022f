"""How the mobility map looks with Kai's example: the step small and large, in child view,
and the picture view (F5). Open the SVGs under tests/__snapshots__/test_mobility_snapshots/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from circles_tui.app import CirclesApp
from tests.test_snapshots import showing

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def kai(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr("circles_tui.saving.clock", lambda seconds: "10:00:00")
    path = tmp_path / "kai-complete.toml"
    shutil.copyfile(EXAMPLES / "kai-complete.toml", path)
    return path


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 20)], ids=["80x24", "120x40", "60x20"])
def test_mobility_map(snap_compare, kai, size):
    assert snap_compare(CirclesApp(path=kai), terminal_size=size,
                        run_before=showing("mobility-map", "down", "down", "down"))


def test_mobility_map_child_view(snap_compare, kai):
    assert snap_compare(CirclesApp(path=kai), terminal_size=(120, 40),
                        run_before=showing("mobility-map", "f2"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_mobility_map_picture(snap_compare, kai, size):
    assert snap_compare(CirclesApp(path=kai), terminal_size=size,
                        run_before=showing("mobility-map", "f5"))
