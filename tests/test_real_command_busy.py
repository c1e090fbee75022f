"""The real `circles` command at 80x24 on a busy machine, typed to in whole bursts.

Unlike `test_real_command`, nothing here waits for the screen between keys: each
sequence (a step change, `a`, a name, Enter, a relationship, Enter, a ring...) goes to
tmux in one `send-keys`, while busy processes keep the CPU loaded, as a fast typist on a
laptop in a video call would type. Afterwards the file must hold exactly what was typed,
field by field. The busy processes are ended by their process ids, whatever happens.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest

from circles_tui.core.lock import lock_path
from circles_tui.core.wording import bundled
from tests.test_real_command import EXAMPLES, Terminal, read_toml, terminal  # noqa: F401

pytestmark = pytest.mark.tmux

BUSY_PROCESSES = 3
STEP_NEXT, STEP_BACK = "]", "["


def moves(from_step: str, to_step: str) -> list[str]:
    """The keys that go from one step to another, in the wording file's order."""
    order = bundled().step_order
    distance = order.index(to_step) - order.index(from_step)
    return [STEP_NEXT if distance > 0 else STEP_BACK] * abs(distance)


@pytest.fixture
def busy_cpu() -> Iterator[list[int]]:
    """A few processes that spin for as long as the test runs."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(BUSY_PROCESSES)]
    try:
        yield [p.pid for p in spinners]
    finally:
        for spinner in spinners:
            spinner.kill()  # by its own process id
            spinner.wait()


def send_burst(terminal: Terminal, *keys: str) -> None:
    """Every key in one `send-keys`: tmux writes them to the terminal at once. Text goes as
    it is; Enter, Tab, BTab and C-s are keys."""
    terminal.press(*keys)


def people_by_id(saved: dict) -> dict[str, dict]:
    return {p["id"]: p for p in saved["people"]}


def placed(saved: dict, circle: str) -> dict[str, dict]:
    return {p["person"]: p for p in saved["circles"].get(circle, [])}


def answers(saved: dict) -> list[dict]:
    """Every Appreciative Inquiry answer in the tree, part by part."""
    return [a for part in saved.get("tree", {}).values() for a in part.get("answers", [])]


def test_bursts_typed_on_a_busy_machine_are_saved_exactly_as_typed(terminal, tmp_path,
                                                                   busy_cpu):
    workbook = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLES / "mia-started.toml", workbook)
    before = read_toml(workbook)
    wording = bundled()
    assert [c.id for c in wording.circles][1:2] == ["trusted-adults"]
    assert not before.get("circles", {}).get("trusted-adults")

    terminal.start(workbook.name)
    terminal.wait_for("Mia (8) · mia.toml", "Step 1 of")

    # On to "Who I'd go to" and three people added, all in one burst.
    send_burst(terminal, *moves("about", "trusted-adults"),
               "a", "Aunt Rosalind", "Enter", "maternal aunt", "Enter", "1",
               "a", "Mr Okonkwo", "Enter", "class teacher", "Enter", "3",
               "a", "Coach Dee", "Enter", "football coach", "Enter", "2")
    terminal.wait_for("▶Coach Dee", "Mr Okonkwo")
    # The last one added is the one selected: a note for them, in one burst.
    send_burst(terminal, "e", "He says well done every week", "C-s")

    # On to "services suggest": someone new, the practitioner's reason, then (four fields
    # on) the young person's view, chosen from its list, and in their own words.
    send_burst(terminal, *moves("trusted-adults", "services-suggest"),
               "a", "Ms Patel", "Enter", "school nurse", "Enter", "2",
               "Checks on Mia every week at school",
               "Tab", "Tab", "Tab", "Tab", "Enter", "Down", "Enter",
               "Tab", "I like her, she is kind", "C-s")
    terminal.wait_for("Ms Patel")

    # Supporters: someone new, and what they do.
    send_burst(terminal, *moves("services-suggest", "supporters"),
               "a", "Uncle Ben", "Enter", "uncle", "Enter", "takes me fishing", "C-s")
    terminal.wait_for("Uncle Ben")

    # Tree of Life: the first question asked, and the answer.
    send_burst(terminal, *moves("supporters", "tree"), "q", "Enter", "My fox drawings", "C-s")
    terminal.wait_for("My fox drawings")

    terminal.press("C-q")
    assert terminal.wait_for_exit() == 0
    assert not lock_path(workbook).exists()

    saved = read_toml(workbook)
    people = people_by_id(saved)
    expected_people = {
        "aunt-rosalind": ("Aunt Rosalind", "maternal aunt"),
        "mr-okonkwo": ("Mr Okonkwo", "class teacher"),
        "coach-dee": ("Coach Dee", "football coach"),
        "ms-patel": ("Ms Patel", "school nurse"),
        "uncle-ben": ("Uncle Ben", "uncle"),
    }
    for person_id, (name, relationship) in expected_people.items():
        assert person_id in people, f"{name} was not added"
        assert people[person_id] == {"id": person_id, "name": name,
                                     "relationship": relationship}, person_id
    assert len(people) == len(before["people"]) + len(expected_people)

    assert placed(saved, "trusted-adults") == {
        "aunt-rosalind": {"person": "aunt-rosalind", "ring": 1, "named_by": "child"},
        "mr-okonkwo": {"person": "mr-okonkwo", "ring": 3, "named_by": "child"},
        "coach-dee": {"person": "coach-dee", "ring": 2, "named_by": "child",
                      "note": "He says well done every week"},
    }
    patel = placed(saved, "services-suggest")["ms-patel"]
    assert patel == {"person": "ms-patel", "ring": 2, "named_by": "practitioner",
                     "reason": "Checks on Mia every week at school",
                     "yp_view": "agree", "yp_words": "I like her, she is kind"}
    assert {"person": "uncle-ben", "what_they_do": "takes me fishing"}.items() \
        <= next(s for s in saved["supporters"]["emotional"]
                if s["person"] == "uncle-ben").items()
    new_answers = [a for a in answers(saved) if a not in answers(before)]
    assert [a["answer"] for a in new_answers] == ["My fox drawings"]
    assert new_answers[0]["question"].strip()
    # Nothing else changed: the people already there and the about page.
    assert saved["people"][: len(before["people"])] == before["people"]
    assert saved["about"] == before["about"]
