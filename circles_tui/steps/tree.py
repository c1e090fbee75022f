"""The Tree of Life: seven parts of the child's story, then the storms if they want.

The picture of the tree (widgets/tree_drawing.py) sits beside the part being
worked on; number keys 1 to 8 or the left and right arrows move between parts.
For the current part the detail pane shows the worksheet's wording (from
`Content`), the child's own words, the questions asked with their answers, for
the leaves the people linked, and the practitioner's note (never in child view).

Every change goes up as a new workbook through `Step.edit`; text from people is
always shown literally.

Progress: "empty" while nothing at all is written in the tree or storms;
"done" once each of the seven parts has at least one entry (words, an answered
or asked question, or for the leaves a linked person); "started" in between.
A practitioner note alone counts as started, not as an entry. The storms are
optional and never needed for "done".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.reactive import var
from textual.strip import Strip
from textual.css.styles import RulesMap
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circles_tui.core.wording import TreePartText
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.person_picker import PersonChoice, PersonDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.question import QuestionDialog
from circles_tui.core.model import TREE_PARTS, Answer, Placement, TreePart, Workbook
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.edits.people import add_person, new_person_id, replace_person
from circles_tui.core.edits.tree import set_tree_part
from circles_tui.steps.step import Progress, Step
from circles_tui.widgets.tree_drawing import PartMark, TreeDrawing

STORMS = "storms"
PARTS: tuple[str, ...] = TREE_PARTS + (STORMS,)
LEAVES = "leaves"
WHO_MATTERS = "who-matters"
WHO_MATTERS_RING = 2  # "Important to me": the practitioner can move them later
MEDIUM = 72  # from this many cells across, the tree beside the detail; narrower, labels above
TALL = 30  # shorter than this, the guidance shows in the add dialog instead of the pane

BULLET = "•"
QUESTION_MARK = "?"
PERSON_MARK = "♥"


def part_entries(part: TreePart | None) -> int:
    """How many things are written in a part: words, questions asked, people linked."""
    if part is None:
        return 0
    return len(part.words) + len(part.answers) + len(part.people)


def tree_progress(workbook: Workbook) -> Progress:
    parts = [workbook.tree[p] for p in TREE_PARTS]
    if all(part_entries(p) for p in parts):
        return "done"
    if any(not p.is_empty for p in parts) or workbook.storms is not None:
        return "started"
    return "empty"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A style of its own keeps an indent a separate run of cells, so screenshots show it too.
_INDENT = Style(strike=False)


class Hanging(Visual):
    """Rows of text, each with a marker in front and its wrapped lines indented under it."""

    def __init__(self, *rows: tuple[Content | str, Content | str]) -> None:
        self.rows = [
            (Content(p) if isinstance(p, str) else p, Content(b) if isinstance(b, str) else b)
            for p, b in rows
        ]
        self._wrapped: dict[int, list[Content]] = {}

    def _lines(self, width: int) -> list[Content]:
        cached = self._wrapped.get(width)
        if cached is not None:
            return cached
        lines: list[Content] = []
        for prefix, body in self.rows:
            indent = prefix.cell_length
            room = max(1, width - indent)
            wrapped = [w for part in body.split("\n") for w in (part.wrap(room) or [part])]
            for n, line in enumerate(wrapped or [Content("")]):
                lines.append((prefix if n == 0 else Content.styled(" " * indent, _INDENT)) + line)
        self._wrapped[width] = lines
        return lines

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return Content("\n").join(self._lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((p.cell_length + b.cell_length for p, b in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines(width))

    @property
    def plain(self) -> str:
        return "\n".join(p.plain + b.plain for p, b in self.rows)


class TreeStep(Step):
    """The Tree of Life with its Appreciative Inquiry questions, and the optional storms."""

    title = "Tree of Life"

    DEFAULT_CSS = """
    TreeStep #tree-layout {
        height: 1fr;
    }
    TreeStep #drawing {
        width: 36;
        height: 1fr;
    }
    TreeStep.-narrow #tree-layout {
        layout: vertical;
    }
    TreeStep.-narrow #drawing {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
    }
    TreeStep #detail {
        width: 1fr;
        height: 1fr;
    }
    TreeStep #part-title {
        color: $text;
    }
    TreeStep #part-prompt {
        text-style: italic;
        margin-bottom: 1;
    }
    TreeStep #part-guidance {
        color: $text-muted;
        margin-bottom: 1;
    }
    TreeStep #items {
        height: 1fr;
        border: round $panel-lighten-2;
        padding: 0 1;
        background: transparent;
    }
    TreeStep #items:focus {
        border: round $primary;
    }
    TreeStep #part-hint {
        color: $text-muted;
        height: auto;
    }
    TreeStep.-short #part-guidance {
        display: none;
    }
    TreeStep.-short #part-prompt {
        margin-bottom: 0;
    }
    TreeStep .-hidden {
        display: none;
    }
    """

    # Keys for a highlighted person come first: they only show then, and the footer is narrow.
    BINDINGS = [
        Binding("l", "link_person", "Link person", id="tree-link-person"),
        Binding("p", "toggle_living", "Living/passed", id="tree-living"),
        Binding("m", "toggle_known", "Met/never met", id="tree-known"),
        Binding("c", "add_to_circle", "Add to circle", id="tree-add-to-circle"),
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

    part: var[str] = var(TREE_PARTS[0])

    def __init__(self, content, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        # The description of `c` names the circle in the content's own words.
        self.circle_name = content.circle(WHO_MATTERS).short
        bindings = self._bindings.key_to_bindings
        bindings["c"] = [
            replace(b, description=f"Add to {self.circle_name}")
            if b.action == "add_to_circle" else b
            for b in bindings.get("c", [])
        ]
        self._select_next: str | None = None  # option id to highlight after the next show
        self._keys_pending = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="tree-layout"):
            yield TreeDrawing(id="drawing")
            with Vertical(id="detail"):
                yield Static(id="part-title")
                yield Static(id="part-prompt")
                yield Static(id="part-guidance")
                yield OptionList(id="items", markup=False)
                yield Static(id="part-hint")

    def focus(self, scroll_visible: bool = True) -> TreeStep:
        """Focus goes to the list of what is written in the current part."""
        if self.is_mounted:
            self.query_one("#items", OptionList).focus(scroll_visible)
        return self

    # -- looks -------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        width = event.size.width
        self.set_class(width < MEDIUM, "-narrow")
        self.set_class(event.size.height < TALL, "-short")
        if width >= MEDIUM:
            # The picture takes a bit under half the width, more when there is room.
            self.query_one(TreeDrawing).styles.width = max(34, min(58, round(width * 0.45)))

    def part_text(self, part: str | None = None) -> TreePartText:
        return self.content.tree_part(part or self.part)

    def tree_part(self, workbook: Workbook, part: str | None = None) -> TreePart | None:
        part = part or self.part
        return workbook.storms if part == STORMS else workbook.tree[part]

    def show(self, workbook: Workbook) -> None:
        self._show_drawing(workbook)
        self._show_detail(workbook)
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Ask the footer to look again at which keys apply, once per refresh at most."""
        if not self._keys_pending:
            self._keys_pending = True
            self.call_after_refresh(self._keys_refreshed)

    def _keys_refreshed(self) -> None:
        self._keys_pending = False
        self.refresh_bindings()

    def _show_drawing(self, workbook: Workbook) -> None:
        marks = []
        for number, part in enumerate(PARTS, 1):
            tree_part = self.tree_part(workbook, part)
            marks.append(
                PartMark(
                    part,
                    str(number),
                    self.part_text(part).title,
                    part_entries(tree_part),
                    available=tree_part is not None,
                )
            )
        title = f"{workbook.about.child}'s Tree of Life"
        self.query_one(TreeDrawing).show(marks, self.part, title)

    def _show_detail(self, workbook: Workbook) -> None:
        text = self.part_text()
        number = PARTS.index(self.part) + 1
        self.query_one("#part-title", Static).update(
            Content.assemble(
                (f"{number} ", "bold $text-accent"),
                (text.title, "bold $text-primary"),
                (" · ", "$text-muted"),
                text.meaning,
            )
        )
        self.query_one("#part-prompt", Static).update(Content(f"“{text.prompt}”"))
        guidance = self.query_one("#part-guidance", Static)
        guidance.update(Content(text.guidance))
        guidance.set_class(not text.guidance or self.child_view, "-hidden")

        items = self.query_one("#items", OptionList)
        previous = items.highlighted_option.id if items.highlighted_option else None
        previous_index = items.highlighted
        tree_part = self.tree_part(workbook)
        if tree_part is None:
            options = self._storms_not_started(workbook)
        else:
            options = self._part_options(workbook, tree_part)
        items.set_options(options)
        wanted = self._select_next or previous
        self._select_next = None
        ids = [o.id for o in options if not o.disabled]
        if wanted in ids:
            items.highlighted = items.get_option_index(wanted)
        elif ids:
            # Stay near where the cursor was (after a removal), else the first entry.
            enabled = [i for i, o in enumerate(options) if not o.disabled]
            near = [i for i in enabled if previous_index is not None and i >= previous_index]
            items.highlighted = near[0] if near and previous is not None else enabled[0]
        else:
            items.highlighted = None
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if not enabled or items.highlighted == enabled[0]:
            # Keep the first heading in view when the cursor is on the first entry.
            self.call_after_refresh(items.scroll_home, animate=False)
        self.query_one("#part-hint", Static).update(self._hint(tree_part))

    def _hint(self, tree_part: TreePart | None) -> Content:
        if tree_part is None:
            return Content("")
        suggested = self.part_text().questions
        asked = {a.question for a in tree_part.answers}
        count = sum(1 for q in suggested if q in asked)
        return Content(f"Suggested questions asked: {count} of {len(suggested)}")

    def _heading(self, text: str, id: str) -> Option:
        return Option(Content.styled(text, "bold $text-primary"), id=id, disabled=True)

    def _empty(self, text: str, id: str) -> Option:
        return Option(Hanging(("  ", Content.styled(text, "italic $text-muted"))), id=id,
                      disabled=True)

    def _part_options(self, workbook: Workbook, part: TreePart) -> list[Option]:
        options: list[Option] = [self._heading("Their words", "h-words")]
        for index, words in enumerate(part.words):
            options.append(
                Option(Hanging((Content.styled(f"{BULLET} ", "$text-success"), words)),
                       id=f"word-{index}")
            )
        if not part.words:
            options.append(self._empty("Nothing yet: press a to add their words.", "e-words"))
        if self.part == LEAVES:
            options.append(self._heading("People on the leaves", "h-people"))
            people = workbook.people_by_id()
            in_circle = {p.person for p in workbook.circles.get(WHO_MATTERS, ())}
            for person_id in part.people:
                person = people.get(person_id)
                if person is not None:
                    options.append(
                        Option(self._person_prompt(person, person_id in in_circle),
                               id=f"person-{person_id}")
                    )
            if not part.people:
                options.append(
                    self._empty("No one linked yet: press l to link a person.", "e-people")
                )
        options.append(self._heading("Questions asked", "h-answers"))
        for index, answer in enumerate(part.answers):
            options.append(Option(self._answer_prompt(answer), id=f"answer-{index}"))
        if not part.answers:
            options.append(
                self._empty("None yet: press q to pick a question, o to ask your own.", "e-answers")
            )
        if not self.child_view:
            options.append(self._heading("Practitioner note (hidden in child view)", "h-note"))
            if part.practitioner_note:
                options.append(
                    Option(Hanging(("  ", Content.styled(part.practitioner_note, "$text-warning"))),
                           id="note")
                )
            else:
                options.append(self._empty("No note: press n to write one.", "e-note"))
        return options

    def _person_prompt(self, person, in_circle: bool) -> Content:
        status = [
            "living" if person.living else "passed away",
            "knows them" if person.known else "never met",
        ]
        if in_circle:
            status.append(f"in {self.circle_name}")
        name: list = [(person.name, "bold")]
        if person.relationship:
            name += [(" · ", "$text-muted"), person.relationship]
        rows = [
            (Content.styled(f"{PERSON_MARK} ", "$text-error"), Content.assemble(*name)),
            ("  ", Content.styled(" · ".join(status), "$text-muted")),
        ]
        if person.note:
            rows.append(("  ", Content.styled(person.note, "italic")))
        return Hanging(*rows)

    def _answer_prompt(self, answer: Answer) -> Hanging:
        reply = (
            Content.styled(answer.answer, "italic")
            if answer.answer
            else Content.styled("no answer yet", "$text-muted italic")
        )
        return Hanging(
            (Content.styled(f"{QUESTION_MARK} ", "bold $text-accent"),
             Content.styled(answer.question, "bold")),
            ("  ", reply),
        )

    def _storms_not_started(self, workbook: Workbook) -> list[Option]:
        empty = [self.part_text(p).title for p in TREE_PARTS if not part_entries(workbook.tree[p])]
        if self.child_view:
            about = "This part is only if you want to. It's fine to stop at any time."
        else:
            about = (
                "The storms are optional. Only start them once the tree is finished, "
                "and only if the child wants to."
            )
        lines = [
            self._heading("Not started", "h-storms"),
            self._empty(about, "e-storms"),
            self._empty("Press s to start the storms of life.", "e-storms-key"),
        ]
        if empty and not self.child_view:
            lines.append(self._empty("Parts of the tree still empty: " + ", ".join(empty) + ".",
                                     "e-storms-empty"))
        return lines

    # -- which keys apply ----------------------------------------------------------------

    def _highlighted(self) -> tuple[str, str] | None:
        """The kind and key of the highlighted entry: ("word", "2"), ("person", "mum")..."""
        if not self.is_mounted:
            return None
        option = self.query_one("#items", OptionList).highlighted_option
        if option is None or option.disabled or option.id is None:
            return None
        kind, _, key = option.id.partition("-")
        return kind, key

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.workbook is None:
            return True
        started = self.tree_part(self.workbook) is not None
        highlighted = self._highlighted()
        kind = highlighted[0] if highlighted else None
        if action == "start_storms":
            return self.part == STORMS and not started
        if action in ("next_part", "previous_part", "go_to_part"):
            return True
        if not started:
            return False
        if action in ("edit", "remove"):
            return kind is not None
        if action == "move":
            return kind == "word"
        if action == "note":
            return not self.child_view
        if action == "link_person":
            return self.part == LEAVES
        if action in ("toggle_living", "toggle_known", "add_to_circle"):
            return kind == "person"
        return True

    @on(OptionList.OptionHighlighted, "#items")
    def _highlight_moved(self) -> None:
        self._refresh_keys()

    @on(OptionList.OptionSelected, "#items")
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    @on(TreeDrawing.PartClicked)
    def _part_clicked(self, event: TreeDrawing.PartClicked) -> None:
        self.part = event.part

    # -- moving between parts ----------------------------------------------------------

    def watch_part(self, part: str) -> None:
        if self.workbook is not None and self.is_mounted:
            items = self.query_one("#items", OptionList)
            items.highlighted = None
            self.show(self.workbook)
            items.scroll_home(animate=False)

    def action_next_part(self) -> None:
        self.part = PARTS[min(PARTS.index(self.part) + 1, len(PARTS) - 1)]

    def action_previous_part(self) -> None:
        self.part = PARTS[max(PARTS.index(self.part) - 1, 0)]

    def action_go_to_part(self, number: int) -> None:
        if 1 <= number <= len(PARTS):
            self.part = PARTS[number - 1]

    # -- editing -----------------------------------------------------------------------

    def _change(self, change: Callable[[TreePart], TreePart], label: str,
                select: str | None = None) -> None:
        """Apply `change` to the current part of the latest workbook and send it up."""
        workbook = self.workbook
        if workbook is None:
            return
        current = self.tree_part(workbook)
        if current is None:
            return
        updated = change(current)
        if updated == current:
            return
        self._select_next = select
        self.edit(self._with_part(workbook, self.part, updated), label)

    @staticmethod
    def _with_part(workbook: Workbook, part: str, tree_part: TreePart) -> Workbook:
        if part == STORMS:
            return attrs.evolve(workbook, storms=tree_part)
        return set_tree_part(workbook, part, tree_part)

    def _ask(self, dialog, then: Callable) -> None:
        self.app.push_screen(dialog, lambda result: then(result) if result is not None else None)

    @property
    def _title(self) -> str:
        return self.part_text().title

    def action_add_words(self) -> None:
        text = self.part_text()

        def add(words: str) -> None:
            words = words.strip()
            if words:
                self._change(
                    lambda p: attrs.evolve(p, words=p.words + (words,)),
                    f"Added to {text.title}",
                    select=f"word-{len(self.tree_part(self.workbook).words)}",
                )

        self._ask(
            TextDialog(
                f"Add to {text.title}",
                help=text.prompt + (f"\n\n{text.guidance}" if text.guidance else ""),
                placeholder="in the child's own words",
            ),
            add,
        )

    def action_edit(self) -> None:
        highlighted = self._highlighted()
        if highlighted is None:
            return
        kind, key = highlighted
        if kind == "word":
            self._edit_words(int(key))
        elif kind == "answer":
            self._edit_answer(int(key))
        elif kind == "person":
            self._edit_person_note(key)
        elif kind == "note":
            self.action_note()

    def _edit_words(self, index: int) -> None:
        part = self.tree_part(self.workbook)
        if part is None or index >= len(part.words):
            return
        old = part.words[index]

        def save(words: str) -> None:
            words = words.strip()
            if not words:
                self.notify("Nothing changed. To remove these words, press x.", markup=False)
                return

            def change(p: TreePart) -> TreePart:
                if index >= len(p.words) or p.words[index] != old:
                    return p
                return attrs.evolve(p, words=p.words[:index] + (words,) + p.words[index + 1:])

            self._change(change, f"Changed words in {self._title}", select=f"word-{index}")

        self._ask(TextDialog(f"Change words in {self._title}", value=old,
                             help=self.part_text().prompt), save)

    def _edit_answer(self, index: int) -> None:
        part = self.tree_part(self.workbook)
        if part is None or index >= len(part.answers):
            return
        old = part.answers[index]

        def save(answer: Answer) -> None:
            def change(p: TreePart) -> TreePart:
                if index >= len(p.answers) or p.answers[index] != old:
                    return p
                return attrs.evolve(
                    p, answers=p.answers[:index] + (answer,) + p.answers[index + 1:]
                )

            self._change(change, f"Changed an answer in {self._title}", select=f"answer-{index}")

        self._ask(
            QuestionDialog(f"Question and answer: {self._title}", question=old.question,
                           answer=old.answer),
            save,
        )

    def _edit_person_note(self, person_id: str) -> None:
        workbook = self.workbook
        try:
            person = workbook.person(person_id)
        except KeyError:
            return

        def save(note: str) -> None:
            latest = self.workbook.person(person_id)
            if note.strip() == latest.note:
                return
            self._select_next = f"person-{person_id}"
            self.edit(
                replace_person(self.workbook, attrs.evolve(latest, note=note.strip())),
                "Changed what the child says about a leaf",
            )

        self._ask(
            TextDialog(
                f"What the child says about {person.name}",
                value=person.note,
                help="In the child's own words. This is their note wherever they appear.",
                multiline=True,
            ),
            save,
        )

    def action_remove(self) -> None:
        highlighted = self._highlighted()
        if highlighted is None:
            return
        kind, key = highlighted
        part = self.tree_part(self.workbook)
        if part is None:
            return
        title = self._title
        if kind == "word":
            index = int(key)
            if index >= len(part.words):
                return
            removed = part.words[index]
            self._change(
                lambda p: attrs.evolve(p, words=p.words[:index] + p.words[index + 1:]),
                f"Removed words from {title}",
            )
            self._undo_hint(f"Removed from {title}: “{_short(removed)}”.")
        elif kind == "answer":
            index = int(key)
            if index >= len(part.answers):
                return
            removed = part.answers[index]
            self._change(
                lambda p: attrs.evolve(p, answers=p.answers[:index] + p.answers[index + 1:]),
                f"Removed an answer from {title}",
            )
            self._undo_hint(f"Removed the question “{_short(removed.question)}”.")
        elif kind == "person":
            if key not in part.people:
                return
            name = self.workbook.person(key).name
            self._change(
                lambda p: attrs.evolve(p, people=tuple(x for x in p.people if x != key)),
                f"Unlinked a person from {title}",
            )
            self._undo_hint(f"{_short(name)} is no longer on the {title.lower()}; "
                            "they stay in the people list.")
        elif kind == "note":
            self._change(
                lambda p: attrs.evolve(p, practitioner_note=""),
                f"Removed the practitioner note from {title}",
            )
            self._undo_hint(f"Removed the practitioner note from {title}.")

    def _undo_hint(self, message: str) -> None:
        self.notify(f"{message} Ctrl+Z undoes this.", markup=False)

    def action_move(self, step: int) -> None:
        highlighted = self._highlighted()
        if highlighted is None or highlighted[0] != "word":
            return
        index = int(highlighted[1])
        target = index + step

        def change(p: TreePart) -> TreePart:
            if not (0 <= target < len(p.words)):
                return p
            words = list(p.words)
            words[index], words[target] = words[target], words[index]
            return attrs.evolve(p, words=tuple(words))

        self._change(change, f"Reordered words in {self._title}", select=f"word-{target}")

    # -- questions ---------------------------------------------------------------------

    def action_ask_question(self) -> None:
        part = self.tree_part(self.workbook)
        if part is None:
            return
        text = self.part_text()
        self._ask(
            QuestionDialog(
                f"Ask a question: {text.title}",
                questions=text.questions,
                asked={a.question for a in part.answers},
            ),
            self._add_answer,
        )

    def action_own_question(self) -> None:
        if self.tree_part(self.workbook) is None:
            return
        self._ask(
            QuestionDialog(
                f"Your own question: {self._title}",
                help="Type the question as you asked it, then what they said.",
            ),
            self._add_answer,
        )

    def _add_answer(self, answer: Answer) -> None:
        count = len(self.tree_part(self.workbook).answers)
        self._change(
            lambda p: attrs.evolve(p, answers=p.answers + (answer,)),
            f"Asked a question in {self._title}",
            select=f"answer-{count}",
        )

    # -- practitioner note -----------------------------------------------------------------

    def action_note(self) -> None:
        if self.child_view:
            return
        part = self.tree_part(self.workbook)
        if part is None:
            return
        title = self._title

        def save(note: str) -> None:
            self._change(
                lambda p: attrs.evolve(p, practitioner_note=note.strip()),
                f"Practitioner note on {title}",
                select="note",
            )

        self._ask(
            TextDialog(
                f"Practitioner note: {title}",
                value=part.practitioner_note,
                help="Only for you and your team: hidden in child view and left out of shared copies.",
                multiline=True,
            ),
            save,
        )

    # -- the leaves: people --------------------------------------------------------------

    def action_link_person(self) -> None:
        if self.part != LEAVES:
            return
        workbook = self.workbook
        leaves = workbook.tree[LEAVES]

        def link(choice: PersonChoice) -> None:
            latest = self.workbook
            person = choice.person
            if choice.is_new:
                # The id was chosen when the dialog opened; make sure it is still free.
                person = attrs.evolve(person, id=new_person_id(latest, person.name))
                latest = add_person(latest, person)
            part = latest.tree[LEAVES]
            if person.id in part.people:
                return
            self._select_next = f"person-{person.id}"
            self.edit(
                set_tree_part(latest, LEAVES, attrs.evolve(part, people=part.people + (person.id,))),
                f"Linked a person to {self.part_text(LEAVES).title}",
            )
            if choice.is_new:
                self.notify(
                    f"Added {_short(person.name)}. Press p if they have passed away, "
                    "m if the child never met them.",
                    markup=False,
                )

        self._ask(
            PersonDialog(workbook, f"Link someone to the {self._title.lower()}",
                         exclude=set(leaves.people)),
            link,
        )

    def _highlighted_person(self):
        highlighted = self._highlighted()
        if highlighted is None or highlighted[0] != "person":
            return None
        try:
            return self.workbook.person(highlighted[1])
        except KeyError:
            return None

    def action_toggle_living(self) -> None:
        person = self._highlighted_person()
        if person is None:
            return
        self._select_next = f"person-{person.id}"
        self.edit(
            replace_person(self.workbook, attrs.evolve(person, living=not person.living)),
            "Marked a leaf as living" if not person.living else "Marked a leaf as passed away",
        )

    def action_toggle_known(self) -> None:
        person = self._highlighted_person()
        if person is None:
            return
        self._select_next = f"person-{person.id}"
        self.edit(
            replace_person(self.workbook, attrs.evolve(person, known=not person.known)),
            "Marked a leaf as known" if not person.known else "Marked a leaf as never met",
        )

    def action_add_to_circle(self) -> None:
        person = self._highlighted_person()
        if person is None:
            return
        if not (person.living and person.known):
            self.notify(
                f"Only living people the child knows can join {self.circle_name}.",
                severity="warning",
                markup=False,
            )
            return
        if any(p.person == person.id for p in self.workbook.circles.get(WHO_MATTERS, ())):
            self.notify(f"{_short(person.name)} is already in {self.circle_name}.", markup=False)
            return
        circle = self.content.circle(WHO_MATTERS)

        def add(agreed: bool) -> None:
            if not agreed:
                return
            latest = self.workbook
            placements = latest.circles.get(WHO_MATTERS, ())
            if any(p.person == person.id for p in placements):
                return
            placement = Placement(person.id, WHO_MATTERS_RING, named_by="child")
            self._select_next = f"person-{person.id}"
            self.edit(
                set_placements(latest, WHO_MATTERS, placements + (placement,)),
                f"Added a leaf to {self.circle_name}",
            )

        self._ask(
            ConfirmDialog(
                f"Add {person.name} to {circle.title}?",
                f"Only if the child agrees. {person.name} will go in the ring "
                f"“{circle.ring_label(WHO_MATTERS_RING)}”; you can move them there later.",
                yes="Yes, the child agrees",
                no="Not now",
            ),
            add,
        )

    # -- the storms ----------------------------------------------------------------------

    def action_start_storms(self) -> None:
        if self.part != STORMS or self.workbook is None or self.workbook.storms is not None:
            return
        storms = self.content.storms

        def start(agreed: bool) -> None:
            if agreed and self.workbook.storms is None:
                self.edit(attrs.evolve(self.workbook, storms=TreePart()), f"Started the {storms.title.lower()}")

        self._ask(
            ConfirmDialog(
                f"Start the {storms.title.lower()}?",
                f"{storms.guidance}\n\n{storms.meaning}",
                yes="Start",
                no="Not now",
            ),
            start,
        )

    # -- progress ------------------------------------------------------------------------

    def progress(self, workbook: Workbook) -> Progress:
        return tree_progress(workbook)
