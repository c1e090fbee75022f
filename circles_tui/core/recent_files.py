"""The list of recently opened workbooks: the one thing kept outside a workbook.

It holds file paths only (no names or content from inside workbooks), lives in
the user's data folder, is owner-only, and can be cleared from the start screen.
No Textual here.
"""

from __future__ import annotations

import json
from pathlib import Path

from circles_tui.core import owner_only
from circles_tui.core.file_format import write_atomically

LIMIT = 10


def recent_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("circles-tui")) / "recent.json"


def load_recent() -> list[Path]:
    """Recently opened workbooks that still exist, newest first. Never raises."""
    try:
        entries = json.loads(recent_file().read_text(encoding="utf-8"))
        paths = [Path(entry) for entry in entries if isinstance(entry, str)]
    except (OSError, ValueError, TypeError):
        return []
    return [path for path in paths if path.is_file()][:LIMIT]


def remember(path: Path) -> None:
    """Put `path` at the top of the list. A failure here must never stop the work."""
    path = path.resolve()
    paths = [path] + [p for p in load_recent() if p != path]
    _write(paths[:LIMIT])


def clear_recent() -> None:
    _write([])


def _write(paths: list[Path]) -> None:
    target = recent_file()
    try:
        owner_only.make_folder(target.parent)
        write_atomically(target, json.dumps([str(p) for p in paths], indent=1).encode("utf-8"))
    except Exception:  # the recent list is a convenience; losing it loses no work
        pass
