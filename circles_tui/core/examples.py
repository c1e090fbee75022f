"""The example workbooks that ship with the app, and fresh copies of them to try it on."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from circles_tui.core import owner_only

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_path(name: str) -> Path:
    return EXAMPLES / name


def copy_example() -> Path:
    """A fresh copy of the complete example, so trying the app never edits the original."""
    source = example_path("mia-complete.toml")
    target = Path(tempfile.mkdtemp(prefix="circles-example-")) / source.name
    shutil.copyfile(source, target)
    owner_only.restrict_path(target)
    return target
