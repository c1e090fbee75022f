"""Where the meeting steps find things to pick: the child's own words, and strengths.

No Textual or Rich here. Only what the workbook holds in the child's or family's words
is offered (tree words and answers, circle notes, the child's view of a suggestion,
supporters' help); practitioner-only notes, concerns and the false supporters never are.
Each pick carries where it came from, worded from `Wording`.
"""

from __future__ import annotations

from collections.abc import Iterator

from circles_tui.core.meeting import ChildWords
from circles_tui.core.model import CIRCLE_IDS, TREE_PARTS, Workbook
from circles_tui.core.wording import Wording

# The parts of the tree that hold what the child is good at and what they were given.
STRENGTH_PARTS: tuple[str, ...] = ("trunk", "fruits")
STRENGTH_KINDS: tuple[str, ...] = ("emotional", "practical")


def child_words(workbook: Workbook, wording: Wording) -> tuple[ChildWords, ...]:
    """Everything the child said in the tree and the circles, each once, with its source."""
    seen: set[str] = set()
    found: list[ChildWords] = []
    for words in _child_words(workbook, wording):
        if words.text.strip() and words.text not in seen:
            seen.add(words.text)
            found.append(words)
    return tuple(found)


def _child_words(workbook: Workbook, wording: Wording) -> Iterator[ChildWords]:
    for part in TREE_PARTS:
        source = f"Tree of Life: {wording.tree_part(part).title}"
        tree_part = workbook.tree[part]
        for text in tree_part.words:
            yield ChildWords(text, source)
        for answer in tree_part.answers:
            yield ChildWords(answer.answer, source)
    people = workbook.people_by_id()
    for circle in CIRCLE_IDS:
        title = wording.circle(circle).short
        for placement in workbook.circles[circle]:
            source = f"{title}: {people[placement.person].name}"
            if placement.note:
                yield ChildWords(placement.note, source)
            yp_words = placement.extras.get("yp_words")
            if isinstance(yp_words, str) and yp_words:
                yield ChildWords(yp_words, source)


def strengths(workbook: Workbook) -> tuple[str, ...]:
    """Strengths to build the plan on: the tree's skills and gifts, and who helps and how."""
    found: list[str] = []
    for part in STRENGTH_PARTS:
        found += [text for text in workbook.tree[part].words if text.strip()]
    people = workbook.people_by_id()
    for kind in STRENGTH_KINDS:
        for supporter in workbook.supporters[kind]:
            if supporter.what_they_do:
                found.append(f"{people[supporter.person].name}: {supporter.what_they_do}")
    return tuple(dict.fromkeys(found))
