"""Whether a process on this computer is still the one that made a lock, and which boot
of the computer this is. Used by `lock` to tell a live lock from one left by a crash.
No Textual or Rich here.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

CLOCK_MARGIN = 120.0  # seconds: how far a process's start may seem to follow its lock


def process_running(pid: int, since: datetime) -> bool:
    """Whether process `pid` on this computer is still the one that made the lock."""
    if sys.platform == "win32":
        return windows_process_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # running, as another user
    except OSError:
        return True  # cannot tell: err on the side of caution
    started = linux_start_time(pid)
    if started is None:
        return True
    if started == "zombie":
        return False
    # The lock is made after its process starts; a process clearly younger than the
    # lock has been given a recycled number and is not the owner. The margin allows
    # for the clock being corrected in between.
    return started <= since.timestamp() + CLOCK_MARGIN


def boot_id() -> str:
    """This computer's boot identifier (Linux), which changes on every restart; else ""."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def linux_start_time(pid: int) -> float | str | None:
    """The process's start as a Unix time, "zombie" for a dead one not yet collected,
    or None where /proc cannot tell us (not Linux)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] in ("Z", "X"):
            return "zombie"
        ticks = os.sysconf("SC_CLK_TCK")
        return boot + int(fields[19]) / ticks
    except (OSError, ValueError, StopIteration, IndexError):
        return None


def windows_process_running(pid: int) -> bool:
    import ctypes

    still_active = 259
    query_limited = 0x1000
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited, False, pid)
    if not handle:
        # Access denied means it exists (another user's); anything else, it is gone.
        return kernel32.GetLastError() == 5
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
