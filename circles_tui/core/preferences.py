"""The practitioner's preferences, remembered between runs: the theme, and whether
each safety circle starts with the child's words for its question.

They live in `preferences.toml` in the user's config folder, owner-only (a
preference says nothing about a child, but the folder is the person's own).
Loading never fails: a missing, unreadable or odd file gives the defaults, and a
value that makes no sense is left out. Saving never stops the work. No Textual here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import attrs
import tomli_w

# The themes F3 goes through, in order (Textual's names); the first is the default.
THEMES = ("textual-dark", "textual-light", "high-contrast")


@attrs.frozen
class Preferences:
    theme: str = THEMES[0]
    child_words: bool = False  # each safety circle opens showing the child's question


def preferences_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("circles-tui")) / "preferences.toml"


def load_preferences() -> Preferences:
    try:
        stored = tomllib.loads(preferences_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return Preferences()
    theme, child_words = stored.get("theme"), stored.get("child_words")
    default = Preferences()
    return Preferences(
        # Any theme name (the palette offers more than F3); the app checks it exists.
        theme=theme if isinstance(theme, str) and theme.isprintable() else default.theme,
        child_words=child_words if isinstance(child_words, bool) else default.child_words,
    )


def save_preferences(preferences: Preferences) -> None:
    from circles_tui.core import owner_only
    from circles_tui.core.file_format import write_atomically

    target = preferences_file()
    try:
        owner_only.make_folder(target.parent)
        write_atomically(target, tomli_w.dumps(attrs.asdict(preferences)).encode("utf-8"))
    except Exception:  # a preference is a convenience; losing it loses no work
        pass
