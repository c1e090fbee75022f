"""When something unexpected goes wrong: keep the work, say where in one sentence, and
show none of the child's data.

Textual reports an error nobody handled with a traceback that lists local variables
(`show_locals=True`), and those hold workbook text. The app therefore gives Textual a
console that prints nowhere (`quiet_console`) unless `--debug` is given; after the app
has stopped, `run_app` writes any unsaved changes to an owner-only recovery copy beside
the workbook and prints one sentence saying where. A command (`circles validate ...`)
that fails unexpectedly says so in one sentence too (`command_failed`), naming only
the kind of error, never its text, which may quote the file.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from circles_tui.app import CirclesApp
    from circles_tui.core.session import Session

CRASHED = 1  # the return code Textual gives an app stopped by an error nobody handled
DEBUG_HINT = "run again with --debug for details"


def quiet_console() -> Console:
    """A console for Textual's crash report that prints nowhere."""
    from rich.console import Console

    return Console(file=io.StringIO(), markup=False, highlight=False)


def run_app(app: CirclesApp) -> int:
    """Run the app; after an unexpected error, keep the work and say where, in one sentence."""
    try:
        app.run()
    except Exception:  # Textual lets a few errors through (before its message loop runs)
        print(recovery_sentence(app.session), file=sys.stderr)
        if app.show_crash_details:
            raise
        return CRASHED
    if app.return_code == CRASHED:
        print(recovery_sentence(app.session), file=sys.stderr)
        return CRASHED
    return app.return_code or 0


def recovery_sentence(session: Session | None) -> str:
    """Save what is not saved yet, and say where the work is, in one sentence."""
    stopped = "circles: the app stopped after an unexpected error"
    if session is None:
        return f"{stopped}; no workbook was open ({DEBUG_HINT})."
    if not session.unsaved and session.path is not None:
        return f"{stopped}; all your work is saved in {_shown(session.path)} ({DEBUG_HINT})."
    try:
        copy = save_recovery_copy(session)
    except Exception as error:  # the failure may be the workbook's; still say something true
        return (f"{stopped}, and the last changes could not be kept "
                f"({type(error).__name__}; {DEBUG_HINT}).")
    return f"{stopped}; your unsaved work is in {_shown(copy)} ({DEBUG_HINT})."


def save_recovery_copy(session: Session, now: float | None = None) -> Path:
    """Write the session's workbook to a new owner-only file beside its workbook (or in the
    user's data folder when that folder cannot be written) and return where."""
    from circles_tui.core import file_format

    data = file_format.dumps(session.workbook).encode("utf-8")
    stamp = time.strftime("%Y-%m-%d-%H%M%S", time.localtime(now))
    problem: Exception | None = None
    for folder, stem in _recovery_places(session):
        for attempt in range(100):
            suffix = f"-{attempt + 1}" if attempt else ""
            copy = folder / f"{stem}.recovered-{stamp}{suffix}.toml"
            if copy.exists() or copy.is_symlink():
                continue
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                file_format.write_atomically(copy, data)
            except (OSError, file_format.WorkbookFileError) as error:
                problem = error
                break  # try the next place
            return copy
    raise problem or FileExistsError("no free name for a recovery copy")


def _recovery_places(session: Session) -> list[tuple[Path, str]]:
    import platformdirs

    data_folder = Path(platformdirs.user_data_dir("circles-tui")) / "recovered"
    if session.path is None:
        return [(data_folder, "workbook")]
    from circles_tui.core.file_format import real_file

    target = real_file(session.path)
    return [(target.parent, target.stem), (data_folder, target.stem)]


def command_failed(error: BaseException) -> int:
    """Say in one sentence that a command failed unexpectedly; the error's own text is left
    out, since it may quote the workbook."""
    print(f"circles: something unexpected went wrong ({type(error).__name__}); "
          f"{DEBUG_HINT}.", file=sys.stderr)
    return CRASHED


def _shown(path: Path) -> str:
    from circles_tui.core.text import quoted_line

    return quoted_line(str(path))
