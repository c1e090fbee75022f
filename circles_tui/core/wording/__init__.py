"""The worksheet wording: circles, rings, supporter kinds, tree parts and questions.

The wording is data (`worksheets.toml` beside this file) so that an organisation
can use its own (`circles --content FILE`). The ids must match the model's; a
content file that does not fit gets the same kind of error as a broken workbook.
Here: the records of the wording and loading a file; `reader` checks and reads its keys.
No Textual or Rich here.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
import attrs

from circles_tui.core.file_access import read_regular_file
from circles_tui.core.file_errors import WorkbookFileError
from circles_tui.core.wording.family_text import FamilyText
from circles_tui.core.text import quoted_line
from circles_tui.core.toml_lines import key_too_deep, line_of, syntax_problem
from circles_tui.core.wording.ecomap_text import EcomapText
from circles_tui.core.model import CIRCLE_IDS, ExtraField, ModelError
from circles_tui.core.wording.mobility_text import MobilityText

BUNDLED = Path(__file__).with_name("worksheets.toml")
THEME_ROLES = ("primary", "secondary", "accent", "success", "warning", "error")


# Every step a guided session can take, by id; the wording file's [steps] order puts them
# in order. The circles go by their own ids.
STEP_IDS: tuple[str, ...] = (
    "about", *CIRCLE_IDS, "tree", "supporters", "ecomap", "family-tree", "mobility-map", "people", "summary",
    "invitations", "child-voice", "family-plan",
)


@attrs.frozen
class FieldText:
    """The wording of one extra field of a circle, and its rules from the model."""

    field: ExtraField
    label: str
    help: str
    choices: dict[str, str]  # choice id -> label, in the model's order
    # The same, as the child sees them (child view, and the child's and family's copies).
    child_label: str = ""
    child_choices: dict[str, str] = attrs.field(factory=dict)

    @property
    def id(self) -> str:
        return self.field.id

    def label_of(self, choice: str) -> str:
        return self.choices.get(choice, choice)


@attrs.frozen
class CircleText:
    id: str
    title: str
    short: str
    colour: str
    theme_role: str
    purpose: str
    adult_question: str
    child_question: str
    rings: tuple[str, ...]
    guidance: str
    fields: tuple[FieldText, ...]
    child_title: str = ""  # the title and short name as the child sees them
    child_short: str = ""

    def ring_label(self, ring: int) -> str:
        return self.rings[ring - 1]


@attrs.frozen
class SupporterText:
    id: str
    title: str
    short: str
    who: str
    child_prompt: str
    how_to_use: str
    shared_by_default: bool
    guidance: str


@attrs.frozen
class TreePartText:
    id: str
    title: str
    meaning: str
    prompt: str
    questions: tuple[str, ...]
    guidance: str


@attrs.frozen
class AIStage:
    id: str
    title: str
    about: str
    questions: tuple[str, ...]


@attrs.frozen
class MeetingStepText:
    """The words of one meeting step: its title, its questions, and guidance."""

    id: str
    title: str
    adult_prompt: str
    child_prompt: str
    guidance: str


@attrs.frozen
class MeetingText:
    """The meeting steps' words, and labels for the choices `core/meeting.py` fixes."""

    invitations: MeetingStepText
    child_voice: MeetingStepText
    plan: MeetingStepText
    family_choices: dict[str, str]
    statuses: dict[str, str]
    needs: dict[str, str]
    taking_part: dict[str, str]


@attrs.frozen
class Wording:
    name: str
    named_by: dict[str, str]
    circles: tuple[CircleText, ...]
    supporters: tuple[SupporterText, ...]
    tree: tuple[TreePartText, ...]
    storms: TreePartText
    ai_stages: tuple[AIStage, ...]
    ai_guidance: str
    meeting: MeetingText
    # Headings of our own ("network", "named_by", ...) that have child wording; see
    # `heading`. Empty in the practitioner's wording, which uses the app's own words.
    headings: dict[str, str] = attrs.field(factory=dict)
    child_headings: dict[str, str] = attrs.field(factory=dict)
    child_named_by: dict[str, str] = attrs.field(factory=dict)

    def heading(self, key: str, default: str) -> str:
        """One of our own headings, in the child's words when this is the child's wording."""
        return self.headings.get(key, default)
    # Words that mark a relationship as a professional one (matched case-blind inside the
    # relationship), so the network list shows family and friends apart from professionals.
    professional_roles: tuple[str, ...] = ()
    # The guided order of the steps, by step id (see STEP_IDS).
    step_order: tuple[str, ...] = ()
    ecomap: EcomapText = attrs.field(factory=lambda: bundled().ecomap)
    family: FamilyText = attrs.field(kw_only=True)  # the family tree's words (family_text.py)
    # Which questions of the bank each step offers (see wording/ai_steps.py).
    ai_steps: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    mobility: MobilityText = attrs.field(kw_only=True)  # the mobility map's words

    def circle(self, circle_id: str) -> CircleText:
        return next(c for c in self.circles if c.id == circle_id)

    def supporter(self, kind: str) -> SupporterText:
        return next(s for s in self.supporters if s.id == kind)

    def tree_part(self, part: str) -> TreePartText:
        if part == "storms":
            return self.storms
        return next(t for t in self.tree if t.id == part)


class WordingError(Exception):
    """A content file could not be used; the message is one sentence naming file and key."""

    def __init__(self, file: str, problem: str, path: str = "", line: int | None = None) -> None:
        self.file, self.problem, self.path, self.line = file, problem, path, line
        where = f" on line {line}" if line else ""
        key = f" ({path})" if path else ""
        super().__init__(quoted_line(f"{file}{where}{key}: {problem}"))


@cache
def bundled() -> Wording:
    """The wording that ships with circles-tui."""
    return load_wording(BUNDLED)


def load_wording(path: str | os.PathLike) -> Wording:
    path = Path(path)
    try:
        text = read_regular_file(path).decode("utf-8-sig")
    except WorkbookFileError as error:
        raise WordingError(str(path), error.problem) from None
    except UnicodeDecodeError:
        raise WordingError(str(path), "the content file could not be read: it is not UTF-8 text.") from None
    too_deep = key_too_deep(text)
    if too_deep is not None:
        raise WordingError(str(path), "this line holds a key of far too many parts.", line=too_deep)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problem, line = syntax_problem(str(error))
        raise WordingError(str(path), problem, line=line) from None
    except RecursionError:  # tomllib goes one level deeper for each bracket inside a bracket
        raise WordingError(str(path), "the file has brackets nested too deeply.") from None
    from circles_tui.core.wording.reader import read_wording  # it builds the records above

    try:
        return read_wording(document)
    except ModelError as error:
        line = line_of(text, error.path)
        raise WordingError(str(path), error.message + ".", error.path, line) from None
