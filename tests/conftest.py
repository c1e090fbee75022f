"""Shared fixtures. Every test runs with its own home and data folders, never the user's."""

from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import settings

# CI runs the property tests on the same examples every time (`.ci/run` sets the profile), so a
# landing never hangs on a lucky draw; run locally without it to explore new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Keep the developer's own documents, data and config folders out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                     "XDG_DOCUMENTS_DIR"):
        monkeypatch.delenv(variable, raising=False)
    return home


@pytest.fixture
def complete_example_path() -> Path:
    return EXAMPLES / "mia-complete.toml"


@pytest.fixture
def complete_example(complete_example_path):
    from circles_tui.core.file_format import read_workbook

    return read_workbook(complete_example_path).workbook
