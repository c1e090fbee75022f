"""`TreeStep`: the Tree of Life's keys, and the dialogs each key opens.

Every change goes up as an operation from `core.edits.tree` through `Step.edit`,
built from what the key was pressed on (the part, the entry and what it said), so
a dialog that was open while the workbook changed cannot write into the wrong
place: the operation refuses instead. A key starts a worker that opens its dialog and
reads on, top to bottom; the app's type-ahead holds the keys typed meanwhile for the dialog.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.binding import Binding
from textual.widgets import OptionList

from circles_tui.core.audience import sees
from circles_tui.core.edits import tree as edits
from circles_tui.core.edits.tree import LEAVES, STORMS, WHO_MATTERS
from circles_tui.core.model import Answer
from circles_tui.core.wording import bundled
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.question import QuestionDialog
from circles_tui.steps.step import PICTURE
from circles_tui.steps.tree.parts import PARTS, short
from circles_tui.steps.tree.leaves import Ask, TreeLeaves

# The footer names the circle `c` adds to. Binding descriptions belong to the class, so the
# bundled wording's name is written into one binding, and a second, plain one stands in
# when the wording in use calls that circle something else.
_BUNDLED_CIRCLE = bundled().circle(WHO_MATTERS).short


class TreeStep(TreeLeaves):
    """The Tree of Life with its Appreciative Inquiry questions, and the optional storms."""

    # Keys for a highlighted person come first: they only show then, and the footer is narrow.
    BINDINGS = [
        PICTURE,
        Binding("l", "link_person", "Link person", id="tree-link-person"),
        Binding("p", "toggle_living", "Living/passed", id="tree-living"),
        Binding("m", "toggle_known", "Met/never met", id="tree-known"),
        Binding("c", "add_to_circle", f"Add to {_BUNDLED_CIRCLE}", id="tree-add-to-circle"),
        Binding("c", "add_to_circle('renamed')", "Add to circle", id="tree-add-to-renamed"),
        Binding("a", "add_words", "Add words", id="tree-add-words"),
        Binding("e", "edit", "Edit", id="tree-edit"),
        Binding("x", "remove", "Remove", id="tree-remove"),
        Binding("delete", "remove", "Remove", show=False),
        Binding("q", "ask_question", "Ask", id="tree-ask"),
        Binding("o", "own_question", "Own question", id="tree-own-question"),
        Binding("s", "start_storms", "Start storms", id="tree-start-storms"),
        Binding("n", "note", "Note", id="tree-note"),
        Binding("right", "next_part", "Next part", key_display="→", id="tree-next-part"),
        Binding("left", "previous_part", "Previous part", key_display="←", id="tree-previous-part"),
        Binding("shift+up", "move(-1)", "Move up", show=False),
        Binding("shift+down", "move(1)", "Move down", show=False),
        *(
            Binding(str(n), f"go_to_part({n})", f"Part {n}", show=False)
            for n in range(1, len(PARTS) + 1)
        ),
    ]

    # -- which keys apply ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_to_circle":
            # One of the two `c` bindings, the one whose description names the circle right.
            renamed = self.circle_name != _BUNDLED_CIRCLE
            if renamed != (parameters == ("renamed",)):
                return False
        if self.workbook is None:
            return True
        started = self.tree_part(self.workbook) is not None
        highlighted = self.highlighted_entry()
        kind = highlighted[0] if highlighted else None
        if action == "start_storms":
            return self.part == STORMS and not started
        if action in ("next_part", "previous_part", "go_to_part", "inquire"):
            return True
        if not started:
            return False
        if action in ("edit", "remove"):
            return kind is not None
        if action == "move":
            return kind == "word"
        if action == "note":
            return sees(self.audience, "TreePart.practitioner_note")
        if action == "link_person":
            return self.part == LEAVES
        if action in ("toggle_living", "toggle_known", "add_to_circle"):
            return kind == "person"
        return True

    @on(OptionList.OptionSelected, "#items")
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- the child's words ---------------------------------------------------------------

    def action_add_words(self) -> None:
        text = self.part_text()
        self._add_words(self.part, lambda: TextDialog(
            f"Add to {text.title}",
            help=text.prompt + (f"\n\n{text.guidance}" if text.guidance else ""),
            placeholder="in the child's own words",
        ))

    @work
    async def _add_words(self, part: str, typed: Ask) -> None:
        text = self.part_text(part)
        words = await self.app.push_screen_wait(typed())
        if not (words and words.strip()):
            return
        current = self.tree_part(self.workbook, part)
        select = f"word-{len(current.words)}" if current is not None else None
        self._edit(partial(edits.add_words, part, words), f"Added to {text.title}", select)

    def _change_words(self, part: str, index: int, old: str) -> None:
        text = self.part_text(part)
        self._edit_words(part, index, old, lambda: TextDialog(
            f"Change words in {text.title}", value=old, help=text.prompt))

    @work
    async def _edit_words(self, part: str, index: int, old: str,
                          typed: Ask) -> None:
        title = self.part_text(part).title
        words = await self.app.push_screen_wait(typed())
        if words is None:
            return
        if not words.strip():
            self.notify("Nothing changed. To remove these words, press x.", markup=False)
            return
        self._edit(partial(edits.edit_words, part, index, old, words),
                   f"Changed words in {title}", select=f"word-{index}")

    def action_move(self, step: int) -> None:
        entry = self._entry()
        if entry is None or entry[1] != "word":
            return
        part, _, key = entry
        index = int(key)
        words = self.tree_part(self.workbook, part).words
        if not (0 <= index + step < len(words)):
            return
        self._edit(partial(edits.move_words, part, index, words[index], step),
                   f"Reordered words in {self.part_text(part).title}", select=f"word-{index + step}")

    # -- editing and removing whatever is highlighted --------------------------------------

    def action_edit(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        part, kind, key = entry
        current = self.tree_part(self.workbook, part)
        if kind == "word" and current is not None:
            self._change_words(part, int(key), current.words[int(key)])
        elif kind == "answer" and current is not None:
            self._change_answer(part, int(key), current.answers[int(key)])
        elif kind == "person":
            self._change_leaf_note(key)
        elif kind == "note":
            self.action_note()

    def action_remove(self) -> None:
        entry = self._entry()
        current = None if entry is None else self.tree_part(self.workbook, entry[0])
        if entry is None or current is None:
            return
        part, kind, key = entry
        title = self.part_text(part).title
        if kind == "word":
            removed = current.words[int(key)]
            self._edit(partial(edits.remove_words, part, int(key), removed),
                       f"Removed words from {title}")
            self._undo_hint(f"Removed from {title}: “{short(removed)}”.")
        elif kind == "answer":
            answer = current.answers[int(key)]
            self._edit(partial(edits.remove_answer, part, int(key), answer),
                       f"Removed an answer from {title}")
            self._undo_hint(f"Removed the question “{short(answer.question)}”.")
        elif kind == "person":
            name = self.workbook.person(key).name
            self._edit(partial(edits.unlink_person, key), f"Unlinked a person from {title}")
            self._undo_hint(f"{short(name)} is no longer on the {title.lower()}; "
                            "they stay in the people list.")
        elif kind == "note":
            self._edit(partial(edits.remove_practitioner_note, part),
                       f"Removed the practitioner note from {title}")
            self._undo_hint(f"Removed the practitioner note from {title}.")

    # -- Appreciative Inquiry questions ------------------------------------------------------

    def action_ask_question(self) -> None:
        part = self.tree_part(self.workbook)
        if part is None:
            return
        text = self.part_text()
        self._add_answer(self.part, lambda: QuestionDialog(
            f"Ask a question: {text.title}",
            questions=text.questions,
            asked={a.question for a in part.answers},
        ))

    def action_own_question(self) -> None:
        if self.tree_part(self.workbook) is None:
            return
        self._add_answer(self.part, lambda: QuestionDialog(
            f"Your own question: {self.part_text().title}",
            help="Type the question as you asked it, then what they said.",
        ))

    @work
    async def _add_answer(self, part: str, asked: Ask) -> None:
        answer = await self.app.push_screen_wait(asked())
        current = self.tree_part(self.workbook, part)
        if answer is None or current is None:
            return
        self._edit(partial(edits.add_answer, part, answer),
                   f"Asked a question in {self.part_text(part).title}",
                   select=f"answer-{len(current.answers)}")

    def _change_answer(self, part: str, index: int, old: Answer) -> None:
        title = self.part_text(part).title
        self._edit_answer(part, index, old, lambda: QuestionDialog(
            f"Question and answer: {title}", question=old.question, answer=old.answer))

    @work
    async def _edit_answer(self, part: str, index: int, old: Answer,
                           asked: Ask) -> None:
        title = self.part_text(part).title
        answer = await self.app.push_screen_wait(asked())
        if answer is not None:
            self._edit(partial(edits.edit_answer, part, index, old, answer),
                       f"Changed an answer in {title}", select=f"answer-{index}")

    # -- practitioner note -----------------------------------------------------------------

    def action_note(self) -> None:
        part = self.tree_part(self.workbook)
        if part is None or not sees(self.audience, "TreePart.practitioner_note"):
            return
        self._write_note(self.part, lambda: TextDialog(
            f"Practitioner note: {self.part_text().title}",
            value=part.practitioner_note,
            help="Only for you and your team: hidden in child view and left out of shared copies.",
            multiline=True,
        ))

    @work
    async def _write_note(self, part: str, typed: Ask) -> None:
        title = self.part_text(part).title
        note = await self.app.push_screen_wait(typed())
        if note is not None:
            self._edit(partial(edits.set_practitioner_note, part, note),
                       f"Practitioner note on {title}", select="note")

    # -- the storms ----------------------------------------------------------------------

    def action_start_storms(self) -> None:
        if self.part == STORMS and self.workbook is not None and self.workbook.storms is None:
            storms = self.content.storms
            self._start_storms(lambda: ConfirmDialog(
                f"Start the {storms.title.lower()}?",
                f"{storms.guidance}\n\n{storms.meaning}",
                yes="Start",
                no="Not now",
            ))

    @work
    async def _start_storms(self, agreement: Ask) -> None:
        storms = self.content.storms
        if await self.app.push_screen_wait(agreement()):
            self.edit(edits.start_storms, f"Started the {storms.title.lower()}")
