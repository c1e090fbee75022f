"""All the benchmarks, as one table: `python benchmarks/run.py`.

Every timing is shown beside a baseline measured in the same run on the same
machine, and as a ratio to it, so numbers from different machines compare:

* start-up to the first screen: circles-tui opening examples/mia-complete.toml
  against a bare Textual app with one label; each in fresh processes, several
  runs interleaved, median; peak memory of those processes too;
* loading and saving a big workbook against plain TOML (benchmarks/bench_storage.py);
* exporting and validating 1,000 / 5,000 / 20,000 people against plain TOML loading of
  the same file (benchmarks/bench_export.py);
* key-to-screen latency with 1,000 people in a circle (benchmarks/bench_app.py),
  wall and CPU time, against a key that does nothing, with the session's peak memory.

Not part of the test suite. A full run takes one to three minutes; `--only startup`
(or storage, export, app; repeatable) runs one part.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "mia-complete.toml"
SECTIONS = ["startup", "storage", "export", "app"]  # the parts of the table, in order


# -- start-up, measured in a fresh process each time --------------------------------------

def startup_child(kind: str, path: str) -> None:
    """Run in the child: start an app headless, print `ready` and the CPU milliseconds the
    process has used once its first screen is on show, then leave."""
    sys.path.insert(0, str(ROOT))
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Label

        class Bare(App):
            def compose(self) -> ComposeResult:
                yield Label("Hello")

            def on_mount(self) -> None:
                self.call_after_refresh(self.ready)

            def ready(self) -> None:
                say_ready()
                self.exit()

        Bare().run(headless=True, size=(100, 30))
        return

    from textual.screen import Screen

    from circles_tui.app import CirclesApp
    from circles_tui.screens.workspace import WorkspaceScreen

    class Timed(CirclesApp):
        # A subclass looks for its CSS beside its own module: point it at the app's.
        CSS_PATH = str(Path(sys.modules[CirclesApp.__module__].__file__).with_name("app.tcss"))

        def on_mount(self) -> None:
            # Runs before CirclesApp.on_mount (Textual calls each class's handler in the MRO,
            # the subclass's first), which pushes the workspace. No polling timer: it would
            # cost CPU time of its own.
            self.screen_change_signal.subscribe(self, self.screen_changed, immediate=True)

        def screen_changed(self, screen: Screen) -> None:
            if isinstance(screen, WorkspaceScreen):
                # Queued on the workspace, this runs once it has mounted (its first step
                # too), then waits for the next refresh: the first screen on show.
                screen.call_after_refresh(self.ready)

        def ready(self) -> None:
            say_ready()
            self.exit()

    Timed(path=Path(path)).run(headless=True, size=(100, 30))


def say_ready() -> None:
    # CPU time counts from the process's start, the interpreter's own start-up included.
    os.write(1, f"ready {time.process_time() * 1000:.1f}\n".encode())


def time_startup(kind: str, path: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Milliseconds from starting the process to its first screen, the CPU milliseconds it
    used until then (less disturbed by a busy machine), and its peak MiB."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--startup-child", kind, str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - began) * 1000
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    said = line.split()
    if not said or said[0] != b"ready":
        raise RuntimeError(f"{kind} start-up failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, float(said[1]), usage.ru_maxrss / 1024


def startup_rows(runs: int) -> tuple[list[tuple[str, str, str, str]], float]:
    """The start-up rows, and the bare app's peak memory (a baseline for later rows)."""
    with tempfile.TemporaryDirectory(prefix="circles-bench-") as folder:
        folder = Path(folder)
        env = dict(os.environ, HOME=str(folder), XDG_DATA_HOME=str(folder / "data"),
                   XDG_CONFIG_HOME=str(folder / "config"), PYTHONPATH=str(ROOT),
                   # Compiled bytecode, as an installed app has after its first run: the
                   # warm-up runs write it here (not into the source tree) for both apps.
                   PYTHONPYCACHEPREFIX=str(folder / "bytecode"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        workbook = folder / "mia-complete.toml"
        shutil.copyfile(EXAMPLE, workbook)
        times: dict[str, list[float]] = {"bare": [], "app": []}
        memory: dict[str, list[float]] = {"bare": [], "app": []}
        cpu: dict[str, list[float]] = {"bare": [], "app": []}
        for kind in ("bare", "app"):  # warm the disk cache; not counted
            time_startup(kind, workbook, env)
        for _ in range(runs):
            for kind in ("bare", "app"):
                ms, cpu_ms, mib = time_startup(kind, workbook, env)
                times[kind].append(ms)
                cpu[kind].append(cpu_ms)
                memory[kind].append(mib)
    bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
    bare_cpu, app_cpu = statistics.median(cpu["bare"]), statistics.median(cpu["app"])
    bare_mib, app_mib = max(memory["bare"]), max(memory["app"])
    return [
        (f"start-up to first screen, mia-complete (median of {runs})", f"{app:.0f} ms",
         f"bare Textual app {bare:.0f} ms", ratio(app, bare)),
        ("  the same, CPU time", f"{app_cpu:.0f} ms", f"bare Textual app {bare_cpu:.0f} ms",
         ratio(app_cpu, bare_cpu)),
        ("peak memory at start-up", f"{app_mib:.0f} MiB", f"bare Textual app {bare_mib:.0f} MiB",
         ratio(app_mib, bare_mib)),
    ], bare_mib


def bare_memory() -> float:
    """The bare app's peak MiB on its own, for the app rows when start-up is not run."""
    with tempfile.TemporaryDirectory(prefix="circles-bench-") as folder:
        env = dict(os.environ, HOME=folder, PYTHONPATH=str(ROOT))
        return time_startup("bare", EXAMPLE, env)[2]


# -- storage, from bench_storage.py ------------------------------------------------------

def storage_rows() -> list[tuple[str, str, str, str]]:
    """Rows from bench_storage's figures: ours (checked) against plain TOML of the same data."""
    sys.path.insert(0, str(HERE))
    import bench_storage

    result = bench_storage.main(quiet=True)
    mib = 1024 * 1024
    what = (f"{result['people']} people, {result['placements']} placements, "
            f"{result['file_bytes'] / mib:.1f} MiB")
    rows = []
    for step, ours, plain in (("save", "ours_save_s", "plain_save_s"),
                              ("load and check", "ours_load_s", "plain_load_s"),
                              ("round trip", "ours_round_trip_s", "plain_round_trip_s")):
        rows.append((f"{step}, big workbook ({what})" if step == "save" else f"{step}, big workbook",
                     f"{result[ours] * 1000:.0f} ms", f"plain TOML {result[plain] * 1000:.0f} ms",
                     ratio(result[ours], result[plain])))
    rows.insert(1, ("save after one edit (autosave), big workbook",
                    f"{result['ours_autosave_s'] * 1000:.0f} ms",
                    f"plain TOML {result['plain_save_s'] * 1000:.0f} ms",
                    ratio(result["ours_autosave_s"], result["plain_save_s"])))
    verdict = "within" if result["within_target"] else "OVER"
    last = rows[-1]
    rows[-1] = (last[0], last[1], last[2], f"{last[3]} ({verdict} {result['target_ratio']}x)")
    rows.append(("peak memory (traced) saving / loading it",
                 f"{result['ours_save_peak_bytes'] / mib:.0f} / "
                 f"{result['ours_load_peak_bytes'] / mib:.0f} MiB", "", ""))
    return rows


# -- export, from bench_export.py -------------------------------------------------------------

def export_rows() -> list[tuple[str, str, str, str]]:
    """Rows from bench_export's figures: export and validate against plain TOML loading,
    at three sizes, so a ratio that grows with the size shows at once."""
    sys.path.insert(0, str(HERE))
    import bench_export

    result = bench_export.main(quiet=True)
    rows = []
    for size in result["sizes"]:
        plain = f"plain TOML load {size['plain_load_s'] * 1000:.0f} ms"  # CPU time, both
        for step, key in (("export to HTML", "html"), ("export to Markdown", "markdown"),
                          ("validate", "validate")):
            rows.append((f"{step}, {size['people']:,} people (CPU time)",
                         f"{size[key + '_s'] * 1000:.0f} ms",
                         plain, ratio(size[key + "_s"], size["plain_load_s"])))
    verdict = "within" if result["within_target"] else "OVER"
    last_html = rows[-3]
    rows[-3] = (*last_html[:3], f"{last_html[3]} ({verdict} {result['target_ratio']}x)")
    return rows


# -- the app with 1,000 people --------------------------------------------------------------

def app_rows(people: int, repeat: int, bare_mib: float) -> list[tuple[str, str, str, str]]:
    with tempfile.TemporaryDirectory(prefix="circles-bench-") as folder:
        env = dict(os.environ, HOME=folder, XDG_DATA_HOME=str(Path(folder) / "data"),
                   PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, str(HERE / "bench_app.py"), "--json", "--people", str(people),
             "--repeat", str(repeat)],
            capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != 0:
        return [(f"actions with {people} people", "failed", done.stderr.strip()[-200:], "-")]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    actions = result["actions"]
    base = actions["no-op key"]
    names = {"add": "add someone (ring key)", "move": "move outward/inward", "undo": "undo",
             "redo": "redo", "next step": "next step (a circle of 1,000 to the next)"}
    rows = []
    for key, label in names.items():
        row = actions.get(key)
        if row is None:
            continue
        rows.append((f"{label}, {result['people']} people, wall p50 / p95 (n={row['n']})",
                     f"{row['p50']:.0f} / {row['p95']:.0f} ms",
                     f"no-op key {base['p50']:.0f} / {base['p95']:.0f} ms",
                     ratio(row["p50"], base["p50"])))
        rows.append(("  the same, CPU time p50 / p95",
                     f"{row['cpu_p50']:.0f} / {row['cpu_p95']:.0f} ms",
                     f"no-op key {base['cpu_p50']:.0f} / {base['cpu_p95']:.0f} ms",
                     ratio(row["cpu_p50"], base["cpu_p50"])))
    peak = result["peak_memory_mib"]
    rows.append((f"peak memory, {result['people']}-person session", f"{peak:.0f} MiB",
                 f"bare Textual app {bare_mib:.0f} MiB", ratio(peak, bare_mib)))
    return rows


# -- the table ----------------------------------------------------------------------------------

def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}x" if baseline else "-"


def machine() -> str:
    try:
        from importlib.metadata import version

        textual = version("textual")
    except Exception:
        textual = "?"
    return (f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}, Textual {textual}")


def print_table(rows: list[tuple[str, str, str, str]], seconds: float) -> None:
    header = ("measure", "result", "baseline (same run)", "ratio")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    print(f"circles-tui benchmarks on {machine()}")
    print(line)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print(line)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    print(line)
    print(f"whole run: {seconds:.0f} s; ratios are result / baseline (lower is better)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run every benchmark and print one table.")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each app")
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15, help="timed presses of each key")
    parser.add_argument("--only", action="append", choices=SECTIONS, metavar="SECTION",
                        help="run only this part (repeatable): " + ", ".join(SECTIONS))
    parser.add_argument("--startup-child", nargs=2, metavar=("KIND", "PATH"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup_child:
        startup_child(*args.startup_child)
        return
    sections = args.only or SECTIONS
    began = time.perf_counter()
    rows: list[tuple[str, str, str, str]] = []
    bare_mib = 0.0
    if "startup" in sections:
        rows, bare_mib = startup_rows(args.runs)
    if "storage" in sections:
        rows += storage_rows()
    if "export" in sections:
        rows += export_rows()
    if "app" in sections:
        rows += app_rows(args.people, args.repeat, bare_mib or bare_memory())
    print_table(rows, time.perf_counter() - began)


if __name__ == "__main__":
    main()
