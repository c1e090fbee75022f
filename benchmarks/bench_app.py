"""How quickly the real app answers keys with 1,000 people in a circle.

Runs `CirclesApp` headless (Textual's `run_test` with Pilot) on a generated
workbook of 1,000 people, all placed in "who matters", and times, key press to
settled screen: adding someone (the final key that places them), moving someone
outward and inward, undo, redo, going on to the next step (and back, untimed), and a
key that does nothing as the baseline measured in the same run. Autosave runs as it
would for a person (0.4 s after an edit), so some timed keys include writing the
workbook to disk, as they would in use.

Two clocks per key. Wall time includes Pilot's own settling: it sleeps in 20 ms
steps until the process looks idle, which is most of what the no-op key costs.
CPU time (`time.process_time`) is the work the process did for the key, drawing
included, without those sleeps; it is the closer figure for what a person waits.
Prints a table, or JSON with `--json` (benchmarks/run.py uses that).

    python benchmarks/bench_app.py [--people 1000] [--repeat 30] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from circles_tui.core import file_format  # noqa: E402
from circles_tui.core.model import Person, Placement, Workbook, new_workbook  # noqa: E402

CIRCLE = "who-matters"
NOOP_KEY = "f10"  # bound to nothing in the app or the circle step


def big_workbook(people: int) -> Workbook:
    base = new_workbook("Mia", "Sam Hartley", date(2026, 3, 10))
    everyone = tuple(
        Person(f"p{n:04d}", f"Person {n:04d}", "family friend", lives="Norwich",
               note=f"Knows Mia from the estate ({n}).")
        for n in range(people)
    )
    placements = tuple(
        Placement(p.id, 1 + n % 3, named_by="child", note="Plays football with Mia")
        for n, p in enumerate(everyone)
    )
    return Workbook(base.about, everyone, {CIRCLE: placements})


def peak_memory_mib() -> float:
    """This process's own peak resident memory. Linux keeps `ru_maxrss` across exec, so a
    child of a big parent (benchmarks/run.py, after exporting 20,000 people) reported the
    parent's peak; /proc's VmHWM belongs to this process image alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def measure(path: Path, repeat: int, size: tuple[int, int]) -> dict:
    from circles_tui.app import CirclesApp
    from circles_tui.steps.circle import CircleStep

    app = CirclesApp(path=path)
    timings: dict[str, list[float]] = {"no-op key": [], "move": [], "undo": [], "redo": [],
                                       "next step": [], "add": []}
    cpu: dict[str, list[float]] = {name: [] for name in timings}

    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")  # About -> the first circle
        await pilot.pause()
        step = app.screen.steps[app.screen.current]
        assert isinstance(step, CircleStep) and step.circle_id == CIRCLE, step
        start_people = len(app.session.workbook.people)

        async def timed(name: str, *keys: str) -> None:
            # Only the last key is timed; the ones before it (typing a name) set it up.
            if keys[:-1]:
                await pilot.press(*keys[:-1])
                await pilot.pause()
            began, began_cpu = time.perf_counter(), time.process_time()
            await pilot.press(keys[-1])
            await pilot.pause()
            timings[name].append((time.perf_counter() - began) * 1000)
            cpu[name].append((time.process_time() - began_cpu) * 1000)

        # Warm up: the first of anything pays for imports and caches.
        await timed("no-op key", NOOP_KEY)
        await pilot.press("down", "o", "i")
        await pilot.pause()
        for key in timings:
            timings[key].clear()
            cpu[key].clear()

        for n in range(repeat):
            await timed("no-op key", NOOP_KEY)
            before = app.session.version
            await timed("move", "o" if n % 2 == 0 else "i")
            if app.session.version == before:  # at the edge ring: move the other way
                timings["move"].pop()
                cpu["move"].pop()
                await timed("move", "i" if n % 2 == 0 else "o")
            await timed("undo", "ctrl+z")
            await timed("redo", "ctrl+y")
            await pilot.press("ctrl+z")  # back as it was, untimed
            await pilot.pause()
            await timed("next step", "right_square_bracket")  # the second circle
            await pilot.press("left_square_bracket")
            await pilot.pause()
        for n in range(max(5, repeat // 3)):
            # a: the name dialog; type a new name; enter, enter; then the ring key is timed.
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*f"New {n}", "enter", "enter")
            await pilot.pause()
            await timed("add", "2")
        added = len(app.session.workbook.people) - start_people
        await pilot.pause(0.6)  # let the last autosave finish
    return {
        "people": start_people,
        "added": added,
        "size": list(size),
        "actions": {
            name: {"p50": statistics.median(values), "p95": percentile(values, 0.95),
                   "cpu_p50": statistics.median(cpu[name]), "cpu_p95": percentile(cpu[name], 0.95),
                   "n": len(values)}
            for name, values in timings.items() if values
        },
        "peak_memory_mib": peak_memory_mib(),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="circles-bench-") as folder:
        path = Path(folder) / "big.toml"
        file_format.save_workbook(path, big_workbook(args.people))
        result = asyncio.run(measure(path, args.repeat, (120, 40)))
    if args.json:
        print(json.dumps(result))
    else:
        base = result["actions"]["no-op key"]["p50"]
        print(f"{result['people']} people in one circle, terminal {result['size'][0]}x{result['size'][1]}")
        print(f"{'action':<12}{'p50 ms':>9}{'p95 ms':>9}{'x no-op':>9}"
              f"{'cpu p50':>9}{'cpu p95':>9}{'n':>5}")
        for name, row in result["actions"].items():
            print(f"{name:<12}{row['p50']:>9.1f}{row['p95']:>9.1f}{row['p50'] / base:>9.1f}"
                  f"{row['cpu_p50']:>9.1f}{row['cpu_p95']:>9.1f}{row['n']:>5}")
        print(f"peak memory {result['peak_memory_mib']:.0f} MiB; {result['added']} people added")
    return result


if __name__ == "__main__":
    main()
