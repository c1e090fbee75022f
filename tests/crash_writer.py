"""A workbook writer to be killed: the other half of tests/test_crash_safety.py.

Run as `python tests/crash_writer.py`, it imports everything once and then serves
lines on standard input, so each writer starts in milliseconds:

    start PATH JOURNAL SEED   fork a writer; answers `pid N`, and the writer says `ready N`
    reap N                    collect writer N after the test has killed it; answers `reaped N`
    quit

A writer does what the app does: locks the workbook, opens it in a Session, then
edits and saves for ever. Before each save it appends `begin N SHA` to the journal
(SHA being the fingerprint of the bytes it is about to write) and after it
`done N`, so the test knows which file contents are acceptable after a kill.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date
from pathlib import Path

if __name__ == "__main__":  # run as a script: make `circles_tui` importable from the tree
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs

from circles_tui.core import file_format, lock, model
from circles_tui.core.edits import circles as circle_edits
from circles_tui.core.edits import people as people_edits
from circles_tui.core.edits import tree as tree_edits
from circles_tui.core.model import CIRCLE_IDS, RING_COUNT, Person, Placement, TreePart, Workbook
from circles_tui.core.session import Session

NAMES = ("Nanna Jo", "Dad", "Mum", "Aunty Bee", "Mr Okafor", "Zainab", "Coach Lee", "Grandad",
         "Łucja", "Ahmed", "Siân", "Miss Price", "Uncle Ray", "Kai", "Chloé")
WORDS = ("football", "drawing", "my dog Biscuit", "being brave", "baking with Nan",
         "swimming", "Minecraft", "singing", "\"quotes\" and \\ slashes", "line one\nline two")


def make_workbook(people: int = 40, seed: int = 0) -> Workbook:
    """A realistic busy workbook: people in circles, notes, tree words."""
    rng = random.Random(seed)
    workbook = model.new_workbook("Mia", "Sam Practitioner", date(2026, 11, 22))
    for _ in range(people):
        workbook = _add_person(workbook, rng)
    for _ in range(people):
        workbook = _place(workbook, rng)
    return workbook


def random_edit(workbook: Workbook, rng: random.Random, n: int) -> Workbook:
    """One edit of the kinds a practitioner makes, plus a marker so every save differs."""
    kind = rng.choice(("add", "rename", "remove", "place", "move", "word", "note"))
    if kind == "add" or not workbook.people:
        workbook = _add_person(workbook, rng)
    elif kind == "rename":
        person = rng.choice(workbook.people)
        name = f"{rng.choice(NAMES)} {rng.randrange(1000)}"
        workbook = people_edits.replace_person(workbook, attrs.evolve(person, name=name))
    elif kind == "remove" and len(workbook.people) > 5:
        workbook = people_edits.remove_person(workbook, rng.choice(workbook.people).id)
    elif kind == "place":
        workbook = _place(workbook, rng)
    elif kind == "move":
        circle = rng.choice(CIRCLE_IDS)
        placements = list(workbook.circles[circle])
        if placements:
            i = rng.randrange(len(placements))
            ring = rng.randint(1, RING_COUNT)
            placements[i] = attrs.evolve(placements[i], ring=ring)
            workbook = circle_edits.set_placements(workbook, circle, placements)
    elif kind == "word":
        part = rng.choice(model.TREE_PARTS)
        old = workbook.tree[part]
        words = old.words + (rng.choice(WORDS),)
        workbook = tree_edits.set_tree_part(workbook, part, TreePart(words[-8:], old.answers,
                                                                 old.people, old.practitioner_note))
    about = attrs.evolve(workbook.about, practitioner_note=f"save number {n}")
    return attrs.evolve(workbook, about=about)


def _add_person(workbook: Workbook, rng: random.Random) -> Workbook:
    name = rng.choice(NAMES)
    note = rng.choice(WORDS) * rng.randint(1, 4)
    person = Person(people_edits.new_person_id(workbook, name), name, relationship="family", note=note)
    return people_edits.add_person(workbook, person)


def _place(workbook: Workbook, rng: random.Random) -> Workbook:
    circle = rng.choice(("who-matters", "trusted-adults", "who-knows"))
    placed = {p.person for p in workbook.circles[circle]}
    free = [p.id for p in workbook.people if p.id not in placed]
    if not free:
        return workbook
    placement = Placement(rng.choice(free), rng.randint(1, RING_COUNT), named_by="child",
                          note=rng.choice(WORDS))
    return circle_edits.set_placements(workbook, circle, workbook.circles[circle] + (placement,))


# -- the writer ------------------------------------------------------------------------


def write_for_ever(path: Path, journal: Path, seed: int) -> None:
    rng = random.Random(seed)
    held = lock.acquire(path)  # takes over the lock a killed writer left, as the app would
    assert held.held, held.problem
    session = Session.open(path)
    log = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.write(1, f"ready {os.getpid()}\n".encode())
    n = 0
    while True:
        n += 1
        session.replace(random_edit(session.workbook, rng, n), "edit")
        if rng.random() < 0.1 and session.can_undo:
            session.undo()
        data = file_format.dumps(session.workbook).encode("utf-8")
        os.write(log, f"begin {n} {file_format.fingerprint(data)}\n".encode())
        session.save()
        os.write(log, f"done {n}\n".encode())


def serve() -> None:
    out = sys.stdout
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        if words[0] == "start":
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    write_for_ever(Path(words[1]), Path(words[2]), int(words[3]))
                except BaseException as error:  # tell the test, which is waiting
                    os.write(1, f"failed {type(error).__name__}: {error}\n".replace(
                        "\n", " ").encode() + b"\n")
                    code = 1
                finally:
                    os._exit(code)
            out.write(f"pid {pid}\n")
        elif words[0] == "reap":
            pid = int(words[1])
            _, status = os.waitpid(pid, 0)
            out.write(f"reaped {pid} {status}\n")
        out.flush()


if __name__ == "__main__":
    serve()
