"""Does exporting grow linearly with the workbook? Export against plain TOML loading.

Workbooks of 1,000, 5,000 and 20,000 people (each placed in one safety circle, half of
them in a supporter circle, a tenth linked to a leaf of the tree) are written to a file;
for each we time what `circles export FILE --format html` does (read, check, build and
write the HTML), the same for Markdown, and `circles validate` (read and check), against
`tomllib.loads` of the same file's text, in the same run, best of several runs, in CPU
time (all of it is computation, and CPU time is less disturbed by other work on a shared
machine than the clock on the wall). Ratios
that stay flat as the workbook grows mean every step is linear; the target is an HTML
export of 20,000 people in under 3x the plain load.

    python benchmarks/bench_export.py [--people 1000 5000 20000] [--runs N]

`main()` returns the figures as a dict, for `benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_storage import best_of  # noqa: E402

from circles_tui import export  # noqa: E402
from circles_tui.core.file_format import dumps, parse_workbook  # noqa: E402
from circles_tui.core.model import (  # noqa: E402
    CIRCLE_IDS,
    SUPPORTER_KINDS,
    TREE_PARTS,
    About,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
)
from circles_tui.core.wording import bundled  # noqa: E402

SIZES = (1000, 5000, 20000)
TARGET_RATIO = 3.0


def wide_workbook(count: int) -> Workbook:
    """A workbook with `count` people spread over the worksheets as a real one is."""
    people = tuple(
        Person(f"person-{n}", f"Person {n} O'Neill", "Dad's cousin" if n % 2 else "Neighbour",
               lives="Great Yarmouth", note="Kind." if n % 3 else "")
        for n in range(count)
    )
    circles = {
        circle: tuple(
            Placement(p.id, 1 + n % 3, note="In Mia's words." if n % 2 else "",
                      extras={"reason": "Helped before."} if circle == "services-suggest" else {})
            for n, p in enumerate(people) if n % len(CIRCLE_IDS) == c
        )
        for c, circle in enumerate(CIRCLE_IDS)
    }
    supporters = {
        kind: tuple(Supporter(p.id, "Listens.") for n, p in enumerate(people)
                    if n % 2 == 0 and (n // 2) % len(SUPPORTER_KINDS) == k)
        for k, kind in enumerate(SUPPORTER_KINDS)
    }
    tree = {part: TreePart(words=(f"{part} word",)) for part in TREE_PARTS}
    tree["leaves"] = TreePart(words=("Nan",), people=tuple(p.id for p in people[::10]))
    return Workbook(About("Mia", 8, session_dates=(date(2026, 1, 5),)), people, circles,
                    supporters, tree)


def measure(people: int, runs: int) -> dict:
    text = dumps(wide_workbook(people))
    wording = bundled()

    def exported(format: str) -> Callable[[], str]:
        return lambda: export.render(parse_workbook(text), format, wording)

    def cpu_seconds(action: Callable[[], object]) -> float:
        return best_of(runs, action, clock=time.process_time)

    plain = cpu_seconds(lambda: tomllib.loads(text))
    figures = {
        "people": people,
        "file_bytes": len(text.encode("utf-8")),
        "plain_load_s": plain,
        "validate_s": cpu_seconds(lambda: parse_workbook(text)),
        "html_s": cpu_seconds(exported("html")),
        "markdown_s": cpu_seconds(exported("markdown")),
    }
    for key in ("validate", "html", "markdown"):
        figures[f"{key}_ratio"] = figures[f"{key}_s"] / plain
    return figures


def main(sizes: tuple[int, ...] = SIZES, runs: int = 3, quiet: bool = False) -> dict:
    rows = [measure(people, runs) for people in sizes]
    largest = rows[-1]
    result = {"sizes": rows, "target_ratio": TARGET_RATIO,
              "within_target": largest["html_ratio"] <= TARGET_RATIO}
    if not quiet:
        for row in rows:
            print(f"{row['people']:>6} people ({row['file_bytes'] / 2**20:4.1f} MiB): "
                  f"plain load {row['plain_load_s'] * 1000:6.0f} ms CPU | "
                  f"validate {row['validate_ratio']:.2f}x  html {row['html_ratio']:.2f}x  "
                  f"markdown {row['markdown_ratio']:.2f}x")
        print(f"html export of {largest['people']} people: {largest['html_ratio']:.2f}x the plain "
              f"load (target <= {TARGET_RATIO}x): "
              f"{'ok' if result['within_target'] else 'TOO SLOW'}")
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    main(tuple(options.people), options.runs)
