"""The installed `circles` command in a real terminal, driven by keys as a person types them.

Each test starts `circles FILE` inside its own tmux server (80 columns, TERM=xterm-256color,
a private HOME and XDG folders), sends keys with `tmux send-keys`, reads the screen with
`tmux capture-pane`, and after Ctrl+Q checks what is on disk: the workbook parsed with
tomllib, the lock file gone and the exit status 0. This proves the console script, the
terminal driver and saving work together, which the in-process Pilot tests cannot show.

Every wait polls the screen (or the cursor) until what should be there is there: a key
sent before the app has moved the focus would land in the wrong place, as it would for a
person typing faster than the screen.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from circles_tui.core.wording import bundled
from circles_tui.core.lock import lock_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TMUX = shutil.which("tmux")
TIMEOUT = 20.0  # generous: CI machines can be slow to start Python and Textual
POLL = 0.1

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed, so the real terminal "
                                            "cannot be driven (apt-get install tmux)"),
]


def circles_command() -> str | None:
    """The `circles` console script of the Python running the tests, else the one on PATH."""
    beside = Path(sys.executable).parent / "circles"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("circles")


class Terminal:
    """One private tmux server with one window running `circles`; `close` ends it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = f"circles-test-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self.target = "circles"
        home = folder / "home"
        self.data_home = home / ".local" / "share"
        self.env = {
            "HOME": str(home),
            "XDG_DATA_HOME": str(self.data_home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DOCUMENTS_DIR": str(home / "Documents"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        for path in self.env.values():
            if path.startswith(str(folder)):
                Path(path).mkdir(parents=True, exist_ok=True)
        # tmux and so the app get only these and PATH: nothing from the developer's own tmux,
        # data folders or Textual settings, and no COLUMNS or LINES (which pytest-xdist
        # workers have, and which would override the window's size).
        self._client_env = {"PATH": os.environ.get("PATH", os.defpath)} | self.env
        self.config = folder / "tmux.conf"
        self.config.write_text(
            'set -g default-terminal "xterm-256color"\n'
            "set -g remain-on-exit on\n"  # keep the last screen (a traceback, say) to show
            "set -g status off\n"
            "set -g history-limit 0\n"
        )
        self.status_file = folder / "exit-status"
        self.socket_path: str | None = None

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", str(self.config), *args],
            env=self._client_env, capture_output=True, text=True, timeout=TIMEOUT,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, *arguments: str, size: tuple[int, int] = (80, 24)) -> None:
        command = circles_command()
        if command is None:
            pytest.skip("the circles command is not installed (pip install -e .)")
        settings = [part for key, value in self.env.items() for part in ("-e", f"{key}={value}")]
        # A shell waits for circles and writes down its exit status. (tmux's own record,
        # #{pane_dead_status}, is not enough: with libutempter, tmux now and then misses
        # the child's exit and leaves it a zombie, and the pane never shows as dead.)
        script = 'status="$1"; shift; "$@"; echo $? > "$status.new" && mv "$status.new" "$status"'
        self.tmux("new-session", "-d", "-s", self.target, "-x", str(size[0]), "-y", str(size[1]),
                  "-c", str(self.folder), *settings,
                  "/bin/sh", "-c", script, "sh", str(self.status_file), command, *arguments)
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()

    def close(self) -> None:
        self.tmux("kill-server", check=False)  # says "no server running" if never started
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)  # tmux leaves it behind

    # -- looking ---------------------------------------------------------------------

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target, check=False)

    def cursor(self) -> tuple[int, int]:
        """Where the terminal cursor is: Textual keeps it in the focused text field."""
        x, y = self.tmux("display-message", "-p", "-t", self.target,
                         "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def exit_status(self) -> int | None:
        """The command's exit status once it has ended, else None."""
        try:
            return int(self.status_file.read_text())
        except FileNotFoundError:
            return None

    def wait_until(self, check: Callable[[str], bool], what: str) -> str:
        """Poll the screen until `check(screen)` holds; fail, showing the screen, after TIMEOUT
        or as soon as the app has ended (a crash leaves its traceback on the screen)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            status = self.exit_status()
            if status is not None:
                raise AssertionError(f"circles ended (status {status}) while waiting for {what}; "
                                     f"the screen:\n{screen}")
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {TIMEOUT:.0f}s for {what}; the screen:\n{screen}")
            time.sleep(POLL)

    def wait_for(self, *texts: str) -> str:
        return self.wait_until(lambda screen: all(t in screen for t in texts),
                               " and ".join(repr(t) for t in texts))

    def focused(self, label: str, screen: str) -> bool:
        """Whether the cursor is in the text field under `label` (Textual keeps the terminal's
        hidden cursor in the focused field)."""
        found = field(screen, label)
        return found is not None and self.cursor()[1] == found[0]

    def wait_for_focus(self, label: str) -> None:
        self.wait_until(lambda screen: self.focused(label, screen),
                        f"the focus in the field {label!r}")

    def fill(self, label: str, text: str) -> None:
        """Type `text` and wait until it all shows in the field under `label`, with the cursor.

        Checking afterwards also covers a dialog's first field, where Textual has not
        placed the cursor yet when the dialog first appears."""
        self.type(text)
        self.wait_until(lambda screen: field_text(screen, label) == text
                        and self.focused(label, screen),
                        f"{text!r} typed into the field {label!r}")

    def wait_for_exit(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"circles did not exit in {TIMEOUT:.0f}s; the screen:\n"
                                     f"{self.screen()}")
            time.sleep(POLL)
        return status

    # -- typing ----------------------------------------------------------------------

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)


@pytest.fixture
def terminal(tmp_path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()


def field(screen: str, label: str) -> tuple[int, str] | None:
    """The row of the text field under `label` and the text in it, or None if not on screen.

    Textual draws a field under its label as a border line, then "▊  text  ▎"."""
    alone = re.compile(r"(?:^|\s)(" + re.escape(label) + r")(?:\s\s|\s*[█│▁▇]|\s*$)")
    lines = screen.splitlines()
    for row, line in enumerate(lines):
        match = alone.search(line)
        if match and row + 2 < len(lines):
            box = lines[row + 2][match.start(1):]
            if box.startswith("▊"):
                return row + 2, box[1:].split("▎")[0].strip()
    return None


def field_text(screen: str, label: str) -> str | None:
    found = field(screen, label)
    return found[1] if found else None


def footer(screen: str) -> str:
    return screen.splitlines()[-1] if screen.strip() else ""


def step_marks(screen: str) -> dict[str, str]:
    """The step list down the left: each step's title and its mark (○ ◐ ●)."""
    marks = {}
    for line in screen.splitlines():
        cell = line[:24].strip("│ ")
        if cell[:1] in ("○", "◐", "●"):
            marks[cell[2:].strip()] = cell[0]
    return marks


def read_toml(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def test_adding_someone_to_a_circle_in_the_real_terminal_is_saved(terminal, tmp_path):
    """`circles FILE`, three steps on, `a`, a new name and relationship, ring 1, Ctrl+S, Ctrl+Q:
    the person is on screen in the circle, then in the file in that circle, and nothing
    else in the file changed."""
    workbook = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLES / "mia-started.toml", workbook)
    before = read_toml(workbook)
    circle = bundled().circles[1]  # "Who I'd go to", empty in the started example
    assert not before.get("circles", {}).get(circle.id)

    terminal.start(workbook.name)
    terminal.wait_for("Mia (8) · mia.toml", "Step 1 of")  # at 80 columns the list is folded
    terminal.press("F4")  # F4 opens it
    screen = terminal.wait_for("Steps")
    marks = step_marks(screen)
    circles = [c.short for c in bundled().circles]
    assert list(marks) == ["About", circles[0], "Tree of Life", *circles[1:], "Supporters",
                           "Ecomap", "Family tree", "Mobility map", "People", "Summary",
                           "Invitations", "The child's voice", "The family plan"]
    assert marks["Who matters"] == "●" and marks[circle.short] == "○"
    assert lock_path(workbook).exists()

    # Three steps on (Who matters, the Tree of Life, Who I'd go to), one key at a time as a
    # person looks at each: something the step shows, and its keys in the footer, which
    # show that the focus went with it.
    first = bundled().circles[0]
    for seen, what in ((first.title, first.short), ("Where I come from", "Tree of Life"),
                       (circle.title, circle.short)):
        terminal.type("]")
        terminal.wait_until(lambda s: seen in s and " a Add " in footer(s),
                            f"the {what!r} step with its keys in the footer")

    terminal.type("a")
    terminal.wait_for(f"Add someone to “{circle.short}”")
    terminal.fill("Name", "Coach Dee")
    terminal.press("Enter")  # someone new, so the relationship is asked next
    relationship = "Relationship to the child (for someone new)"
    terminal.wait_for_focus(relationship)
    terminal.fill(relationship, "football coach")
    terminal.press("Enter")
    terminal.wait_for("Which ring for Coach Dee?")
    terminal.type("1")
    # Listed (and selected) in ring 1, and the step is marked as started.
    terminal.wait_until(lambda s: "▶Coach Dee · football" in s and "Which ring" not in s
                        and step_marks(s).get(circle.short) == "◐",
                        "Coach Dee listed in the circle, and the step marked started")

    terminal.press("C-s")
    terminal.wait_for("Saved.")
    saved = read_toml(workbook)  # on disk before quitting, not only by the last save on quit
    assert {"person": "coach-dee", "ring": 1, "named_by": "child"} in saved["circles"][circle.id]

    terminal.press("C-q")
    assert terminal.wait_for_exit() == 0
    assert not lock_path(workbook).exists()

    after = read_toml(workbook)
    assert {"id": "coach-dee", "name": "Coach Dee", "relationship": "football coach"} \
        in after["people"]
    assert after["circles"][circle.id] == [{"person": "coach-dee", "ring": 1, "named_by": "child"}]
    # Nothing else moved: the other circles, the people already there and the about page.
    assert after["circles"]["who-matters"] == before["circles"]["who-matters"]
    assert after["people"][: len(before["people"])] == before["people"]
    assert after["about"] == before["about"]
    assert workbook.stat().st_mode & 0o777 == 0o600
    # The recent list went to the private data folder given to the app, nowhere else.
    recent = terminal.data_home / "circles-tui" / "recent.json"
    assert str(workbook.resolve()) in recent.read_text(encoding="utf-8")


@pytest.mark.parametrize("save_to", [None, "chosen/jay"], ids=["offered-path", "changed-path"])
def test_a_new_path_starts_a_new_workbook_where_save_to_says(terminal, tmp_path, save_to):
    """`circles NEW.toml` for a file that is not there yet asks for a new workbook, offering
    that path; the workbook is made where the Save to field says when Start is pressed."""
    offered = tmp_path / "new.toml"
    expected = offered if save_to is None else tmp_path / "chosen" / "jay.toml"
    today = date.today()

    # Tall enough for the whole form: when the form scrolls, Textual leaves the hidden
    # cursor where the field was, and the cursor is how the test sees the focus move.
    terminal.start(offered.name, size=(80, 40))
    terminal.wait_for("New workbook")
    terminal.fill("Child or young person (name or initials, as the family chose)", "Jay")
    terminal.press("Enter")
    terminal.wait_for_focus("Practitioner (you)")
    terminal.fill("Practitioner (you)", "Sam Hartley")
    terminal.press("Enter")
    terminal.wait_for_focus("Session date")
    terminal.press("Enter")  # today, as offered
    terminal.wait_for_focus("Who is taking part (separate with commas)")
    terminal.fill("Who is taking part (separate with commas)", "Jay, Dad")
    terminal.press("Enter")
    terminal.wait_for_focus("Save to")
    assert field_text(terminal.screen(), "Save to") == offered.name  # as on the command line
    if save_to is not None:
        terminal.press("C-u")  # clear it, as a person would, and type another
        terminal.wait_until(lambda s: field_text(s, "Save to") != offered.name,
                            "the Save to field cleared")
        terminal.fill("Save to", save_to)
    terminal.press("Enter")

    terminal.wait_for(f"Jay · {expected.name}", "Step 1 of")
    terminal.press("F4")  # the step list, folded at 80 columns
    screen = terminal.wait_for("Steps")
    assert "People" in step_marks(screen)
    terminal.press("C-q")
    assert terminal.wait_for_exit() == 0

    assert expected.is_file()
    if save_to is not None:
        assert not offered.exists(), "the workbook went to the path on the command line"
    assert not lock_path(expected).exists()
    assert expected.stat().st_mode & 0o777 == 0o600
    about = read_toml(expected)["about"]
    assert about["child"] == "Jay"
    assert about["practitioner"] == "Sam Hartley"
    assert about["taking_part"] == ["Jay", "Dad"]
    assert about["session_dates"][0] in (today, date.today())  # the test may cross midnight
