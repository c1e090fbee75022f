"""The data side (model, storage, content, session, export, network, diff, lock) never imports
Textual or Rich, so it stays fast to load, testable without a terminal and usable from scripts."""

from __future__ import annotations

import json
import subprocess
import sys

REQUIRED = ["circles_tui.model", "circles_tui.storage", "circles_tui.content", "circles_tui.session",
            "circles_tui.reuse"]
OPTIONAL = ["circles_tui.export", "circles_tui.network", "circles_tui.diff", "circles_tui.lock"]

PROBE = r"""
import importlib, importlib.util, json, pkgutil, sys
required, optional = json.loads(sys.argv[1])
loaded = []
for name in required + optional:
    if name in optional and importlib.util.find_spec(name) is None:
        continue
    module = importlib.import_module(name)
    loaded.append(name)
    if hasattr(module, "__path__"):  # a package, like export/ with one module per format
        for info in pkgutil.iter_modules(module.__path__, name + "."):
            importlib.import_module(info.name)
            loaded.append(info.name)
# Use the data side the way the app and the command line do.
from circles_tui.content import bundled
from circles_tui.storage import dumps, read_workbook
workbook = read_workbook(sys.argv[2]).workbook
dumps(workbook)
bundled()
ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(json.dumps({"loaded": loaded, "ui": ui}))
"""


def test_data_side_loads_no_textual_or_rich(complete_example_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([REQUIRED, OPTIONAL]), str(complete_example_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(REQUIRED) <= set(report["loaded"])
    assert report["ui"] == [], f"the data side imported {report['ui']}"


def test_the_probe_would_notice(complete_example_path):
    """The same probe, made to import Textual, reports it: the check above is not vacuous."""
    probe = PROBE.replace("loaded = []", "import textual.app\nloaded = []")
    result = subprocess.run(
        [sys.executable, "-c", probe, json.dumps([REQUIRED, []]), str(complete_example_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "textual.app" in json.loads(result.stdout)["ui"]
