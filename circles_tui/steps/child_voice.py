"""The child's voice at the meeting: what they want it to know, and how they take part.

Words are picked from what the child already said in the tree and the circles (with where
they said it), or written fresh. How the child takes part (being there, a letter, a
drawing, a trusted adult speaking for them) is a choice of the wording file's labels.
"""

from __future__ import annotations

from functools import partial

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList

from circles_tui.core.edits import meeting as edits
from circles_tui.core.meeting import ChildWords
from circles_tui.core.meeting_sources import child_words
from circles_tui.core.model import Workbook
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.meeting_forms import ChecksDialog, ChoiceDialog
from circles_tui.steps.meeting_step import MeetingStep, titled_list

SPEAKER_WAY = "trusted-adult"


class ChildVoiceStep(MeetingStep):
    """What the child wants the meeting to know, and how they will take part.

    Progress: "empty" with no words and no way of taking part; "done" with both;
    "started" in between.
    """

    STEP_ID, words_id = "child-voice", "child_voice"

    BINDINGS = [
        Binding("p", "pick", "Pick their words"),
        Binding("w", "write", "Write new"),
        Binding("e", "edit", "Edit"),
        Binding("x", "remove", "Remove"),
        Binding("t", "taking_part", "Taking part"),
    ]

    def compose_lists(self) -> ComposeResult:
        yield titled_list("child-words", "What they want the meeting to know")

    def line(self, workbook: Workbook) -> Content:
        voice = workbook.meeting.child_voice
        if not voice.taking_part:
            return Content("How they take part is not decided yet: press t to choose.")
        labels = self.content.meeting.taking_part
        ways = [labels[way] for way in voice.taking_part]
        if voice.speaker and SPEAKER_WAY in voice.taking_part:
            ways[voice.taking_part.index(SPEAKER_WAY)] += f" ({workbook.person(voice.speaker).name})"
        return Content.assemble(("Taking part: ", "bold"), ", ".join(ways))

    def fill(self, workbook: Workbook) -> None:
        rows = []
        for index, words in enumerate(workbook.meeting.child_voice.words):
            parts: list[str | tuple[str, str]] = [f"“{words.text}”"]
            if words.source:
                parts += ["\n  ", (words.source, "dim italic")]
            rows.append((str(index), Content.assemble(*parts)))
        self.fill_list(self.query_one(OptionList), rows)

    def detail(self, workbook: Workbook) -> Content:
        if not workbook.meeting.child_voice.words:
            return Content("Nothing yet: press p to pick the child's own words, or w to write new.")
        return Content("")

    def _words(self) -> ChildWords | None:
        row = self.highlighted_id()
        if row is None or self.workbook is None:
            return None
        words = self.workbook.meeting.child_voice.words
        return words[int(row)] if int(row) < len(words) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove"):
            return True if self.is_mounted and self._words() is not None else None
        return True

    # -- actions ----------------------------------------------------------------------------

    @work
    async def action_pick(self) -> None:
        if self.workbook is None:
            return
        chosen = {w.text for w in self.workbook.meeting.child_voice.words}
        offered = [w for w in child_words(self.workbook, self.content) if w.text not in chosen]
        if not offered:
            self.notify("There are no more of the child's words to pick; press w to write new.")
            return
        choices: dict[str, str | Content] = {
            str(i): Content.assemble(f"“{w.text}”", ("  " + w.source, "dim"))
            for i, w in enumerate(offered)
        }
        picked = await self.app.push_screen_wait(ChoiceDialog(
            f"What would {self.workbook.about.child} like the meeting to know?", choices,
            help="Their own words from the tree and the circles. Check they still want them said.",
        ))
        if picked is not None:
            self.edit(partial(edits.add_child_words, offered[int(picked)]), "Added the child's words")

    @work
    async def action_write(self) -> None:
        if self.workbook is None:
            return
        text = await self.app.push_screen_wait(TextDialog(
            "In the child's own words", multiline=True,
            help="What they want the meeting to know. Ctrl+s when done.",
        ))
        if text is not None and text.strip():
            self.edit(partial(edits.add_child_words, ChildWords(text.strip())),
                      "Added the child's words")

    @work
    async def action_edit(self) -> None:
        words = self._words()
        if words is None:
            return
        text = await self.app.push_screen_wait(TextDialog(
            "In the child's own words", words.text, multiline=True,
            help="Change only as the child wants it said. Ctrl+s when done.",
        ))
        if text is not None and text.strip() != words.text:
            self.edit(partial(edits.change_child_words, words, text), "Changed the child's words")

    def action_remove(self) -> None:
        words = self._words()
        if words is None:
            return
        self.edit(partial(edits.remove_child_words, words), "Removed the child's words")
        self.notify("Removed. Press ctrl+z to undo.", timeout=4)

    @work
    async def action_taking_part(self) -> None:
        if self.workbook is None:
            return
        voice = self.workbook.meeting.child_voice
        child = self.workbook.about.child
        ways = await self.app.push_screen_wait(ChecksDialog(
            f"How would {child} like to take part?", self.content.meeting.taking_part,
            voice.taking_part, help="Tick every way they choose (space ticks; ctrl+s when done).",
        ))
        if ways is None:
            return
        speaker = ""
        if SPEAKER_WAY in ways:
            speaker = await self._ask_speaker(voice.speaker)
            if speaker is None:
                return
        self.edit(partial(edits.set_taking_part, ways, speaker), "Changed how the child takes part")

    async def _ask_speaker(self, current: str) -> str | None:
        """Who speaks for the child: their trusted adults first, then everyone living."""
        workbook = self.workbook
        assert workbook is not None
        trusted = [p.person for p in workbook.circles["trusted-adults"]]
        people = workbook.people_by_id()
        order = list(dict.fromkeys(trusted + [p.id for p in workbook.people if p.living]))
        choices: dict[str, str | Content] = {
            pid: Content.assemble((people[pid].name, "bold"),
                                  (f"  {people[pid].relationship}", "dim"))
            for pid in order
        }
        return await self.app.push_screen_wait(ChoiceDialog(
            f"Who will speak for {workbook.about.child}?", choices, current,
            help="Someone the child trusts; the people they would go to come first.",
        ))
