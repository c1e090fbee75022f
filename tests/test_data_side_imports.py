"""Nothing under circles_tui/core/ or circles_tui/export/ imports Textual or Rich, so the data
side stays fast to load, testable without a terminal and usable from scripts.

The rule is about folders: every module found there is imported, so a module added later is
covered without anyone adding it to a list."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import circles_tui

FOLDERS = ["core", "export"]

PROBE = r"""
import importlib, json, pkgutil, sys
loaded = []
for folder in json.loads(sys.argv[1]):
    package = importlib.import_module("circles_tui." + folder)
    loaded.append(package.__name__)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        loaded.append(info.name)
# Use the data side the way the app and the command line do.
from circles_tui.core.wording import bundled
from circles_tui.core.file_format import dumps, read_workbook
from circles_tui.export import ExportOptions, render
workbook = read_workbook(sys.argv[2]).workbook
dumps(workbook)
for format in ("markdown", "html", "text"):
    render(workbook, format, bundled(), ExportOptions())
ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(json.dumps({"loaded": loaded, "ui": ui}))
"""


def modules_on_disk() -> set[str]:
    root = Path(circles_tui.__file__).parent
    found = set()
    for folder in FOLDERS:
        for path in (root / folder).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.add(".".join(("circles_tui", *parts)))
    return found


def run_probe(probe: str, path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(FOLDERS), str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_data_side_loads_no_textual_or_rich(complete_example_path):
    report = run_probe(PROBE, complete_example_path)
    assert modules_on_disk() <= set(report["loaded"]), "a module under core/ or export/ was missed"
    assert report["ui"] == [], f"the data side imported {report['ui']}"


def test_the_probe_would_notice(complete_example_path):
    """The same probe, made to import Textual, reports it: the check above is not vacuous."""
    probe = PROBE.replace("loaded = []", "import textual.app\nloaded = []")
    assert "textual.app" in run_probe(probe, complete_example_path)["ui"]
