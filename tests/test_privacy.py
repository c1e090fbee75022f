"""Nothing about a child leaves the workbook: no network, owner-only files, no stray copies.

Network: two independent checks, because each catches what the other can miss.
1. A `sitecustomize` shim put first on PYTHONPATH replaces every Python way of
   reaching a network (connect, bind, send, name look-ups) with an immediate abort
   carrying a marker. It needs nothing installed, so it always runs, and the app is
   checked in-process the same way.
2. `strace -f` (where installed and allowed) records the real system calls of the
   command and every process it starts, so it also catches C code or helper
   programs that bypass Python's socket module. Local AF_UNIX sockets (asyncio's
   wake-up pipe, the name service cache) are not network and are allowed.
Each check first proves, on a deliberate socket, that it would have caught one.

Files: every file the CLI and the app create is owner-only (0600), and after a whole
app session the only thing written outside the workbook's folder is the recent-files
list, which holds paths only.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from circles_tui.core import file_format

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mia-complete.toml"
MARKER = "NETWORK-USE-BLOCKED"

SHIM = textwrap.dedent(f'''
    """Test shim: any attempt to reach a network aborts the process with a marker."""
    import os, socket, sys

    def _blocked(what):
        def refuse(*args, **kwargs):
            sys.stderr.write("{MARKER} " + what + " " + repr(args)[:200] + "\\n")
            sys.stderr.flush()
            os._exit(97)
        return refuse

    for _name in ("connect", "connect_ex", "bind", "sendto", "sendmsg", "listen"):
        setattr(socket.socket, _name, _blocked("socket." + _name))
    for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                  "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
        setattr(socket, _name, _blocked(_name))
''')


def private_env(home: Path, shim: Path | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "TEXTUAL", "PYTHON"))}
    env["HOME"] = str(home)
    env["TMPDIR"] = str(home / "tmp")
    (home / "tmp").mkdir(exist_ok=True)
    paths = ([str(shim)] if shim else []) + [str(ROOT)]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def tree(folder: Path) -> dict[str, int]:
    """Every file and folder under `folder`, with its permission bits."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            full = Path(dirpath, name)
            found[str(full.relative_to(folder))] = stat.S_IMODE(full.lstat().st_mode)
    return found


def cli_commands(work: Path) -> list[list[str]]:
    """Each command of the CLI that touches workbooks, run in `work`."""
    return [
        ["new", str(work / "new.toml"), "--child", "Ada", "--practitioner", "Sam"],
        ["validate", str(work / "mia.toml"), str(work / "new.toml")],
        ["export", str(work / "mia.toml"), "--format", "html", "-o", str(work / "mia.html")],
        ["export", str(work / "mia.toml"), "--format", "markdown", "-o", str(work / "mia.md")],
        ["export", str(work / "mia.toml"), "--format", "svg", "--circle", "who-matters",
         "-o", str(work / "mia.svg")],
        ["export", str(work / "mia.toml"), "--format", "text", "--redact"],
        ["diff", str(work / "new.toml"), str(work / "mia.toml")],
    ]


def run_cli(args: list[str], env: dict[str, str], prefix: list[str] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "circles_tui", *args], env=env,
                          capture_output=True, text=True, timeout=60, cwd=env["HOME"])


@pytest.fixture
def workplace(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    shutil.copyfile(EXAMPLE, work / "mia.toml")
    (work / "mia.toml").chmod(0o600)
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SHIM)
    return home, work, shim


# -- the CLI, through the shim -------------------------------------------------------------


def test_the_shim_really_stops_network_use(workplace):
    home, _, shim = workplace
    env = private_env(home, shim)
    for code in ("import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)",
                 "import socket; socket.getaddrinfo('localhost', 80)",
                 "import socket; s = socket.socket(); s.connect(('127.0.0.1', 9))",
                 "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/')"):
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                text=True, timeout=30)
        assert result.returncode == 97 and MARKER in result.stderr, (code, result.stderr)


def test_cli_commands_use_no_network_and_write_owner_only_files(workplace):
    home, work, shim = workplace
    env = private_env(home, shim)
    home_before = tree(home)
    for args in cli_commands(work):
        result = run_cli(args, env)
        assert MARKER not in result.stderr, (args, result.stderr)
        assert result.returncode in (0, 1), (args, result.stderr)  # validate/diff may say 1
        assert "Traceback" not in result.stderr, (args, result.stderr)
    made = tree(work)
    assert {"mia.toml", "new.toml", "mia.html", "mia.md", "mia.svg"} == set(made), made
    for name, mode in made.items():
        assert mode == 0o600, (name, oct(mode))
    # The CLI leaves nothing in the home folder (or its temporary folder).
    assert tree(home) == home_before


# -- the CLI and the app, through strace -----------------------------------------------------

NETWORK_FAMILIES = re.compile(r"AF_INET6?\b|AF_PACKET|AF_NETLINK|AF_BLUETOOTH")


def strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    try:
        return subprocess.run(["strace", "-f", "-qq", "-e", "trace=network", "true"],
                              capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


needs_strace = pytest.mark.skipif(not strace_works(),
                                  reason="strace is not installed or not allowed to trace here")


def traced(args: list[str], env: dict[str, str], log: Path) -> tuple[subprocess.CompletedProcess, list[str]]:
    prefix = ["strace", "-f", "-qq", "-e", "trace=network", "-o", str(log)]
    result = subprocess.run([*prefix, *args], env=env, capture_output=True, text=True,
                            timeout=120, cwd=env["HOME"])
    calls = log.read_text().splitlines() if log.exists() else []
    return result, [line for line in calls if NETWORK_FAMILIES.search(line)]


@needs_strace
def test_strace_would_see_a_network_socket(workplace, tmp_path):
    home, _, _ = workplace
    code = "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"
    _, network = traced([sys.executable, "-c", code], private_env(home), tmp_path / "control")
    assert network, "strace saw no AF_INET socket: this check would prove nothing"


@needs_strace
def test_cli_commands_make_no_network_system_calls(workplace, tmp_path):
    home, work, _ = workplace
    env = private_env(home)
    for n, args in enumerate(cli_commands(work)):
        result, network = traced([sys.executable, "-m", "circles_tui", *args], env,
                                 tmp_path / f"strace-{n}")
        assert result.returncode in (0, 1), (args, result.stderr)
        assert network == [], (args, network)


APP_SESSION = textwrap.dedent('''
    import asyncio, sys
    from pathlib import Path
    import attrs
    from circles_tui.app import CirclesApp

    async def main(path):
        app = CirclesApp(path=path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            workbook = app.session.workbook
            app.apply_edit(lambda workbook: attrs.evolve(workbook, about=attrs.evolve(workbook.about, age=9)),
                           "Changed age")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
        print("app session done")

    asyncio.run(main(Path(sys.argv[1])))
''')


@needs_strace
def test_the_app_makes_no_network_system_calls(workplace, tmp_path):
    pytest.importorskip("circles_tui.app")
    home, work, _ = workplace
    script = tmp_path / "app_session.py"
    script.write_text(APP_SESSION)
    result, network = traced([sys.executable, str(script), str(work / "mia.toml")],
                             private_env(home), tmp_path / "strace-app")
    assert result.returncode == 0 and "app session done" in result.stdout, result.stderr[-2000:]
    assert network == []
    assert file_format.read_workbook(work / "mia.toml").workbook.about.age == 9


# -- the app in-process: no network, owner-only files, nothing written elsewhere -------------


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Make every Python route to the network fail loudly, and remember any attempt."""
    attempts: list[str] = []

    def refuse(what):
        def refused(*args, **kwargs):
            attempts.append(what)
            raise NetworkUsed(f"{what} was called")
        return refused

    for name in ("connect", "connect_ex", "bind", "sendto", "sendmsg", "listen"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                 "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_network_guard_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket().connect(("127.0.0.1", 9))
    assert no_network == ["create_connection", "socket.connect"]
    no_network.clear()


async def test_an_app_session_uses_no_network_and_leaves_nothing_behind(
        tmp_path, monkeypatch, no_network, private_home):
    app_module = pytest.importorskip("circles_tui.app")
    from circles_tui.core import lock
    import attrs

    # A private temporary folder too, so anything written "to temp" is seen.
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    work = tmp_path / "work"
    work.mkdir()
    path = work / "mia.toml"
    shutil.copyfile(EXAMPLE, path)
    path.chmod(0o600)
    home_before, temp_before = tree(private_home), tree(temp)

    app = app_module.CirclesApp(path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # While the workbook is open, its lock sits beside it, owner-only.
        assert lock.lock_path(path).stat().st_mode & 0o777 == 0o600
        workbook = app.session.workbook
        app.apply_edit(lambda workbook: attrs.evolve(workbook, about=attrs.evolve(
            workbook.about, practitioner_note="Secret-ish: discussed with Nanna Jo.")), "Note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.unsaved
        await pilot.press("ctrl+q")
        await pilot.pause()

    assert no_network == []
    assert "discussed with Nanna Jo" in file_format.read_workbook(path).workbook.about.practitioner_note
    # Beside the workbook: only the workbook (no lock left, no temporary file, no backup).
    assert tree(work) == {"mia.toml": 0o600}
    # Nothing in the temporary folder.
    assert tree(temp) == temp_before
    # In the home folder: the recent-files list only, holding the path and nothing from inside.
    added = {name: mode for name, mode in tree(private_home).items() if name not in home_before}
    listed = [name for name in added if Path(name).name == "recent.json"]
    from circles_tui.core import recent_files

    assert listed, added
    recent_file = recent_files.recent_file()
    assert recent_file.relative_to(private_home).as_posix() == listed[0]
    files = {name for name in added if (private_home / name).is_file()}
    assert files == set(listed), added
    assert added[listed[0]] == 0o600
    assert stat.S_IMODE(recent_file.parent.stat().st_mode) == 0o700
    text = recent_file.read_text()
    assert str(path.resolve()) in text
    for secret in ("Mia", "Nanna Jo", "Sam Hartley", "Norwich"):
        assert secret not in text.replace(str(path.resolve()), "")


# -- the recent-files list ------------------------------------------------------------------


def test_recent_list_is_paths_only_owner_only_and_can_be_cleared(tmp_path, private_home):
    recent_files = pytest.importorskip("circles_tui.core.recent_files")
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    for path in (first, second):
        shutil.copyfile(EXAMPLE, path)
    recent_files.remember(first)
    recent_files.remember(second)
    recent_files.remember(first)
    assert recent_files.load_recent() == [first.resolve(), second.resolve()]
    where = recent_files.recent_file()
    assert private_home in where.parents  # in the user's data folder, never beside workbooks
    assert stat.S_IMODE(where.stat().st_mode) == 0o600
    assert "Mia" not in where.read_text()
    second.unlink()  # a workbook deleted since is not offered
    assert recent_files.load_recent() == [first.resolve()]
    recent_files.clear_recent()
    assert recent_files.load_recent() == []
    assert "a.toml" not in where.read_text()


def test_a_broken_recent_list_is_ignored(private_home):
    recent_files = pytest.importorskip("circles_tui.core.recent_files")
    where = recent_files.recent_file()
    where.parent.mkdir(parents=True)
    where.write_text("{not json")
    assert recent_files.load_recent() == []
    where.write_text('[1, null, {"a": 2}, "/nowhere/x.toml"]')
    assert recent_files.load_recent() == []
