"""How fast is saving and opening a large workbook, against plain TOML of the same data?

A workbook with 1,000 people, each placed in all five safety circles (with their extra fields)
and all four supporter circles, plus tree parts with answers and linked leaves. We time our
`dumps` + `parse_workbook` round trip (which checks every rule) against `tomli_w.dumps` +
`tomllib.loads` of the same document as a plain dict, in the same run, best of several runs.
Target: no more than 2x the plain round trip.

    python benchmarks/bench_storage.py [--people N] [--runs N]

`main()` returns the figures as a dict, for `benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import attrs
import tomli_w

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    NAMED_BY,
    SUPPORTER_KINDS,
    TREE_PARTS,
    About,
    Answer,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
)
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.file_format import dumps, forget_formatted_records, parse_workbook  # noqa: E402

TARGET_RATIO = 2.0


def large_workbook(count: int = 1000) -> Workbook:
    """A workbook far bigger than any real one, using every kind of value the format has."""
    people = tuple(
        Person(
            id=f"person-{n}",
            name=f"Person {n} \"Nan\" O'Neill",
            relationship="Dad's cousin" if n % 2 else "Neighbour",
            lives="Great Yarmouth" if n % 3 else "Kingston, Jamaica",
            contact=f"07700 900{n % 1000:03d}" if n % 5 == 0 else "",
            note=f"Sees Mia on Saturdays.\nBrings the dog ({n})." if n % 4 == 0 else "Kind.",
            practitioner_note="Check before inviting." if n % 7 == 0 else "",
            living=n % 50 != 0,
            known=n % 60 != 0,
            concern="Discuss first." if n % 97 == 0 else "",
        )
        for n in range(count)
    )

    def extras(circle: str, n: int) -> dict:
        out: dict = {}
        for i, field in enumerate(CIRCLE_FIELDS[circle]):
            if field.kind == "text":
                out[field.id] = f"{field.id.replace('_', ' ')} for person {n}, in plain words."
            elif field.kind == "choice":
                out[field.id] = field.choices[(n + i) % len(field.choices)]
            else:
                out[field.id] = field.choices[: 1 + (n + i) % len(field.choices)]
        return out

    circles = {
        circle: tuple(
            Placement(
                person=p.id,
                ring=1 + n % 3,
                named_by=NAMED_BY[n % len(NAMED_BY)],
                note="In Mia's words." if n % 2 else "",
                practitioner_note="Supervision item." if n % 11 == 0 else "",
                extras=extras(circle, n),
            )
            for n, p in enumerate(people)
        )
        for circle in CIRCLE_IDS
    }
    supporters = {
        kind: tuple(
            Supporter(p.id, "Listens.", "Ring after a bad day.", "Phone, evenings",
                      "She's nice." if n % 2 else "", "")
            for n, p in enumerate(people)
        )
        for kind in SUPPORTER_KINDS
    }
    tree = {
        part: TreePart(
            words=tuple(f"{part} word {i}" for i in range(20)),
            answers=tuple(Answer(f"Question {i} about {part}?", f"An answer.\nOn two lines {i}.")
                          for i in range(10)),
            people=tuple(p.id for p in people) if part == "leaves" else (),
            practitioner_note="Seen together.",
        )
        for part in TREE_PARTS
    }
    about = About(
        child="Mia", age=8, practitioner="Sam Hartley",
        session_dates=tuple(date(2026, 1, 5) + timedelta(weeks=i) for i in range(10)),
        taking_part=("Mia", "Mum"),
    )
    storms = TreePart(words=("A storm.",), answers=(Answer("Who shelters you?", "Nanna Jo."),))
    return Workbook(about, people, circles, supporters, tree, storms)


def best_of(runs: int, action: Callable[[], object],
            clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of `runs` timings, in seconds, with the garbage collector out of the way."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = clock()
        action()
        times.append(clock() - start)
    return min(times)


def peak_memory(action: Callable[[], object]) -> int:
    """Peak bytes allocated while `action` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(people: int = 1000, runs: int = 5, quiet: bool = False) -> dict:
    workbook = large_workbook(people)
    text = dumps(workbook)
    assert parse_workbook(text) == workbook, "the round trip must be exact"
    document = tomllib.loads(text)  # the same data as a plain dict
    plain_text = tomli_w.dumps(document, multiline_strings=True)

    def cold_dumps() -> str:
        forget_formatted_records()  # as if the file had just been opened
        return dumps(workbook)

    def dumps_after_one_edit() -> float:
        dumps(workbook)
        moved = attrs.evolve(workbook.circles["who-matters"][0], ring=3)
        edited = set_placements(workbook, "who-matters",
                                (moved, *workbook.circles["who-matters"][1:]))
        began = time.perf_counter()
        dumps(edited)
        return time.perf_counter() - began

    ours_save = best_of(runs, cold_dumps)
    autosave = min(dumps_after_one_edit() for _ in range(runs))
    ours_load = best_of(runs, lambda: parse_workbook(text))
    plain_save = best_of(runs, lambda: tomli_w.dumps(document, multiline_strings=True))
    plain_load = best_of(runs, lambda: tomllib.loads(plain_text))
    ours = ours_save + ours_load
    plain = plain_save + plain_load
    results = {
        "people": people,
        "placements": sum(len(v) for v in workbook.circles.values()),
        "supporters": sum(len(v) for v in workbook.supporters.values()),
        "file_bytes": len(text.encode("utf-8")),
        "ours_save_s": ours_save,
        "ours_autosave_s": autosave,
        "ours_load_s": ours_load,
        "ours_round_trip_s": ours,
        "plain_save_s": plain_save,
        "plain_load_s": plain_load,
        "plain_round_trip_s": plain,
        "ratio": ours / plain,
        "target_ratio": TARGET_RATIO,
        "within_target": ours / plain <= TARGET_RATIO,
        "ours_save_peak_bytes": peak_memory(cold_dumps),
        "ours_load_peak_bytes": peak_memory(lambda: parse_workbook(text)),
    }
    mb = 1024 * 1024
    if not quiet:
        print(f"{people} people, {results['placements']} placements, "
              f"{results['supporters']} supporters, file {results['file_bytes'] / mb:.1f} MB")
        print(f"ours:  save {ours_save * 1000:7.1f} ms  load {ours_load * 1000:7.1f} ms  "
              f"round trip {ours * 1000:7.1f} ms")
        print(f"ours:  save after one edit (autosave) {autosave * 1000:7.1f} ms")
        print(f"plain: save {plain_save * 1000:7.1f} ms  load {plain_load * 1000:7.1f} ms  "
              f"round trip {plain * 1000:7.1f} ms")
        print(f"ratio {results['ratio']:.2f}x (target <= {TARGET_RATIO}x): "
              f"{'ok' if results['within_target'] else 'TOO SLOW'}")
        print(f"peak memory: save {results['ours_save_peak_bytes'] / mb:.1f} MB, "
              f"load {results['ours_load_peak_bytes'] / mb:.1f} MB")
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    main(options.people, options.runs)
