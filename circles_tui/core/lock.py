"""One copy of circles-tui per workbook: a small lock file beside it.

No Textual here. While a workbook is open for editing, a file named
`.NAME.lock` sits beside it (owner-only; beside a symlink's target, so both
paths see one lock) saying which computer, process and user have it open, and
since when. A second copy that tries to open the same
workbook gets `LockedError`, whose `message` is one sentence to show as it is.

How the app uses it::

    from circles_tui.core.lock import LockedError, acquire

    try:
        held = acquire(path)               # when opening a workbook
    except LockedError as error:
        notify(error.message)              # and open the workbook read-only
    ...
    held.release()                         # on quit (safe to call twice)

On "save as", acquire the new path first, then release the old lock. The
context-manager form (`with acquire(path) as held: ...`) releases on leaving.

A lock left behind by a crash is taken over without asking when it can be
shown to be stale: the same computer and its process is no longer running (the
computer has restarted since, or the process number now belongs to a younger
process), or the lock file cannot be read, or it is older than `STALE_AFTER`. A lock from another computer cannot be
checked, so it counts as live and the message says so; `acquire(path,
force=True)` takes it over when the person confirms nobody else is working on
it. Taking a lock also clears temporary files that an interrupted save left
beside the workbook, since no other copy can be writing them.

Where no lock file can be made at all (a read-only folder or memory stick),
`acquire` returns a `Lock` whose `held` is False and whose `problem` says why:
the workbook can still be read, and saving there fails with its own message.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import stat
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from circles_tui.core import owner_only, processes
from circles_tui.core.file_access import real_file
from circles_tui.core.text import quoted_line

LOCK_MODE = owner_only.FILE_MODE
STALE_AFTER = timedelta(days=7)  # nobody keeps one session open for a week
APP = "circles-tui"
ATTEMPTS = 20
JUST_MADE = 2.0  # seconds in which an unreadable lock may still be being written
BREAK_TIMEOUT = 10.0  # seconds after which a copy taking over a lock must have died
LOCK_LIMIT = 64 * 1024  # a lock file is one short line; more than this is not ours


class LockedError(Exception):
    """The workbook is open in another copy of circles-tui."""

    def __init__(self, path: Path, host: str, pid: int, since: datetime | None,
                 user: str = "", other_computer: bool = False, other_user: bool = False) -> None:
        self.path = Path(path)
        self.host = host
        self.pid = pid
        self.since = since
        self.user = user
        self.other_computer = other_computer
        self.other_user = other_user  # a lock we may not read: we know only when it was made
        self.message = self._sentence()
        super().__init__(self.message)

    def _sentence(self) -> str:
        when = f" since {_clock(self.since)}" if self.since else ""
        if self.other_user:
            return (f"{self.path.name} is open in circles-tui by another user{when}; "
                    "you can open it read-only.")
        if self.other_computer:
            who = f" by {self.user}" if self.user else ""
            return (
                f"{self.path.name} is open in circles-tui on another computer, {self.host}{who}"
                f"{when}; if nobody is using it there, it may have been left open by a crash, "
                "otherwise you can open it read-only."
            )
        return (
            f"{self.path.name} is open in another copy of circles-tui (process {self.pid} "
            f"on {self.host}{when}); you can open it read-only."
        )


def lock_path(path: str | os.PathLike) -> Path:
    """Where the lock for the workbook at `path` lives: beside the file itself, so a
    symlink and its target share one lock."""
    target = real_file(path)
    return target.with_name(f".{target.name}.lock")


class Lock:
    """A held lock on one workbook. Release it when the workbook is closed."""

    def __init__(self, path: Path, record: bytes | None, problem: str = "") -> None:
        self.path = Path(path)
        self.file = lock_path(path)
        self._record = record
        self.problem = problem

    @property
    def held(self) -> bool:
        return self._record is not None

    def release(self) -> None:
        """Remove the lock file, unless it is no longer ours. Safe to call more than once."""
        record, self._record = self._record, None
        if record is None:
            return
        try:
            if _read_lock_file(self.file) != record:
                return  # someone took it over (say, after confirming); it is theirs now
            self.file.unlink()
        except OSError:
            pass

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"Lock({str(self.path)!r}, held={self.held})"


def acquire(path: str | os.PathLike, force: bool = False) -> Lock:
    """Lock the workbook at `path` for this process, or raise LockedError.

    `force` takes over a live-looking lock too (after the person has confirmed).
    """
    path = Path(path)
    file = lock_path(path)
    for attempt in range(ATTEMPTS):
        record = _record()
        try:
            _create(file, record)
        except FileExistsError:
            pass
        except OSError as error:
            return Lock(path, None, _no_lock_problem(path, error))
        else:
            _clear_leftovers(path)
            return Lock(path, record)
        # Someone has (or had) it. Look at who.
        try:
            seen: tuple[int, int, int] | None = _identity(file)
            existing: bytes | None = _read_lock_file(file)
        except FileNotFoundError:
            continue  # released meanwhile: try again
        except NotALockFile:
            return Lock(path, None, f"{path.name} could not be locked: {file.name} is not an "
                        "ordinary file.")
        except PermissionError:
            # Lock files are owner-only, so this is another user's: live unless very old.
            seen, existing = _identity_or_none(file), None
            made = datetime.fromtimestamp(seen[1] / 1e9, timezone.utc) if seen else None
            if not force and (made is None or datetime.now(timezone.utc) - made <= STALE_AFTER):
                raise LockedError(path, "", 0, made, other_user=True) from None
        except OSError:
            seen, existing = None, b""
        age = time.time() - seen[1] / 1e9 if seen else JUST_MADE
        owner = _parse(existing) if existing is not None else None
        if existing is not None and owner is None and age < JUST_MADE and attempt < ATTEMPTS - 1:
            time.sleep(0.05)  # another copy may be writing it this instant: look again
            continue
        if owner is not None and not force and _is_live(owner):
            raise _locked_error(path, owner)
        _take_over(file, seen, existing)  # then try again to make ours
    # The lock kept changing hands while we looked: someone is busy with it.
    owner = _parse(_read(file))
    if owner is not None:
        raise _locked_error(path, owner)
    return Lock(path, None, f"{path.name} could not be locked because its lock kept changing.")


def read_owner(path: str | os.PathLike) -> dict | None:
    """Who holds the lock on the workbook at `path` (the decoded lock file), or None."""
    return _parse(_read(lock_path(path)))


# -- the lock file ---------------------------------------------------------------------


def _record() -> bytes:
    data = {
        "app": APP,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "user": _user(),
        "since": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "boot": processes.boot_id(),
    }
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name for this user id (some containers)
        return ""


def _create(file: Path, record: bytes) -> None:
    """Make the lock file holding `record`, failing with FileExistsError if there is one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(file, flags, LOCK_MODE)
    try:
        os.write(fd, record)
        os.fsync(fd)
    except OSError:
        os.close(fd)
        try:
            file.unlink()
        except OSError:
            pass
        raise
    os.close(fd)


class NotALockFile(OSError):
    """Something other than a regular file (a pipe, a device) has the lock file's name."""


def _read_lock_file(file: Path) -> bytes:
    """The lock file's bytes. Opened without waiting (a pipe named like a lock file would
    otherwise block the read for ever) and read only if it is a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(file, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotALockFile(errno.EINVAL, "not a regular file", str(file))
        return os.read(fd, LOCK_LIMIT)
    finally:
        os.close(fd)


def _read(file: Path) -> bytes:
    try:
        return _read_lock_file(file)
    except OSError:
        return b""


def _parse(data: bytes) -> dict | None:
    """The lock's fields, or None when the file is empty, corrupt or not ours."""
    try:
        owner = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(owner, dict):
        return None
    host, pid, since = owner.get("host"), owner.get("pid"), owner.get("since")
    if not isinstance(host, str) or not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return None
    try:
        started = datetime.fromisoformat(since) if isinstance(since, str) else None
    except ValueError:
        started = None
    if started is None:
        return None
    if started.tzinfo is None:
        started = started.replace(tzinfo=timezone.utc)
    user, boot = owner.get("user"), owner.get("boot")
    return {"host": _plain(host), "pid": pid, "since": started,
            "user": _plain(user) if isinstance(user, str) else "",
            "boot": boot if isinstance(boot, str) else ""}


def _plain(text: str) -> str:
    """A name from a lock file, safe to put in a one-line message."""
    return quoted_line(text)[:64]


def _is_live(owner: dict) -> bool:
    """Whether the lock's owner may still be working on the workbook."""
    now = datetime.now(timezone.utc)
    if now - owner["since"] > STALE_AFTER:
        return False
    if owner["host"] != socket.gethostname():
        return True  # another computer: we cannot look at its processes
    if owner["boot"] and processes.boot_id() and owner["boot"] != processes.boot_id():
        return False  # the computer has restarted since: that process is long gone
    if owner["pid"] == os.getpid():
        return True  # this very process has it open already (in another window, say)
    return processes.process_running(owner["pid"], owner["since"])


def _locked_error(path: Path, owner: dict) -> LockedError:
    return LockedError(path, owner["host"], owner["pid"], owner["since"], owner["user"],
                       other_computer=owner["host"] != socket.gethostname())


def _identity(file: Path) -> tuple[int, int, int]:
    """What tells one lock file from a later one with the same name."""
    info = file.stat()
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _identity_or_none(file: Path) -> tuple[int, int, int] | None:
    try:
        return _identity(file)
    except OSError:
        return None


def _take_over(file: Path, seen: tuple[int, int, int] | None, expected: bytes | None) -> None:
    """Remove a stale lock file, but only if it is still the very one we judged.

    Copies taking over at once go one at a time, each holding a short-lived
    `.NAME.lock.break` file: nobody else can make a lock while the stale one is
    there, so a check made with the break file held stays true until the removal.
    """
    breaker = file.with_name(file.name + ".break")
    try:
        fd = os.open(breaker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, LOCK_MODE)
    except FileExistsError:
        try:  # one left by a copy that died while taking over
            if time.time() - breaker.stat().st_mtime > BREAK_TIMEOUT:
                breaker.unlink()
        except OSError:
            pass
        time.sleep(0.01)
        return
    except OSError:
        return
    os.close(fd)
    try:
        same = seen is None or _identity(file) == seen
        if same and (expected is None or _read_lock_file(file) == expected):
            file.unlink()
    except OSError:
        pass
    finally:
        try:
            breaker.unlink()
        except OSError:
            pass


def _clear_leftovers(path: Path) -> None:
    """Delete temporary files from saves that were interrupted (by a crash or power cut).

    They hold a copy of the workbook, so they should not linger; with the lock held,
    no other copy of circles-tui can be in the middle of writing one.
    """
    target = real_file(path)  # saves write their temporary files beside the real file
    try:
        leftovers = list(target.parent.glob(f".{_glob_escape(target.name)}.*.tmp"))
    except OSError:
        return
    for leftover in leftovers:
        try:
            leftover.unlink()
        except OSError:
            pass


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _no_lock_problem(path: Path, error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{path.name} cannot be locked because its folder cannot be written to."
    if error.errno == errno.ENOENT:
        return f"{path.name} cannot be locked because its folder no longer exists."
    return f"{path.name} could not be locked ({error.strerror or error})."


def _clock(since: datetime) -> str:
    """14:02 today, or 20 Nov 14:02 on another day, in local time."""
    local = since.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return f"{local.day} {local.strftime('%b %H:%M')}"
