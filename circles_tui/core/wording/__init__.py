"""The worksheet wording: circles, rings, supporter kinds, tree parts and questions.

The wording is data (`worksheets.toml` beside this file) so that an organisation
can use its own (`circles --content FILE`). The ids must match the model's; a
content file that does not fit gets the same kind of error as a broken workbook.
No Textual or Rich here.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from circles_tui.core.file_access import read_regular_file
from circles_tui.core.file_errors import WorkbookFileError
from circles_tui.core.text import quoted_line
from circles_tui.core.toml_lines import key_too_deep, line_of, syntax_problem
from circles_tui.core.wording.mobility_text import MobilityText, read_mobility_text
from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    NAMED_BY,
    SUPPORTER_KINDS,
    TREE_PARTS,
    ExtraField,
    ModelError,
)

BUNDLED = Path(__file__).with_name("worksheets.toml")
THEME_ROLES = ("primary", "secondary", "accent", "success", "warning", "error")


# Every step a guided session can take, by id; the wording file's [steps] order puts them
# in order. The circles go by their own ids.
STEP_IDS: tuple[str, ...] = (
    "about", *CIRCLE_IDS, "tree", "supporters", "people", "summary",
    "invitations", "child-voice", "family-plan", "mobility-map",
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
    mobility: MobilityText | None = None  # always set by `_read`

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
    try:
        return _read(document)
    except ModelError as error:
        line = line_of(text, error.path)
        raise WordingError(str(path), error.message + ".", error.path, line) from None


def _read(doc: dict[str, Any]) -> Wording:
    reader = _Reader()
    named_by = reader.labels(doc, "named_by", NAMED_BY)
    circles = tuple(
        reader.circle(item, f"circles[{i}]", expected)
        for i, (item, expected) in enumerate(reader.entries(doc, "circles", CIRCLE_IDS))
    )
    supporters = tuple(
        SupporterText(
            id=kind,
            title=reader.text(item, "title", p),
            short=reader.text(item, "short", p),
            who=reader.text(item, "who", p),
            child_prompt=reader.text(item, "child_prompt", p),
            how_to_use=reader.text(item, "how_to_use", p),
            shared_by_default=reader.flag(item, "shared_by_default", p),
            guidance=reader.text(item, "guidance", p, required=False),
        )
        for i, (item, kind) in enumerate(reader.entries(doc, "supporters", SUPPORTER_KINDS))
        for p in [f"supporters[{i}]"]
    )
    tree = tuple(
        reader.tree_part(item, f"tree[{i}]", part)
        for i, (item, part) in enumerate(reader.entries(doc, "tree", TREE_PARTS))
    )
    storms = reader.tree_part(reader.table(doc, "storms", ""), "storms", "storms")
    stages = tuple(
        AIStage(
            id=reader.text(item, "id", p),
            title=reader.text(item, "title", p),
            about=reader.text(item, "about", p),
            questions=reader.texts(item, "questions", p),
        )
        for i, item in enumerate(reader.list_of_tables(doc, "ai_stages", ""))
        for p in [f"ai_stages[{i}]"]
    )
    guidance = reader.text(reader.table(doc, "ai_guidance", ""), "text", "ai_guidance")
    name = reader.text(reader.table(doc, "content", ""), "name", "content")
    # A content file written before the meeting steps existed borrows the bundled words.
    meeting = reader.meeting(doc["meeting"]) if "meeting" in doc else bundled().meeting
    child = reader.table(doc, "child", "") if "child" in doc else {}
    child_headings = {
        key: reader.text(child, key, "child") for key, value in child.items() if key != "named_by"
    }
    child_named_by = reader.labels(child, "named_by", NAMED_BY, "child") if "named_by" in child else {}
    network = reader.table(doc, "network", "") if "network" in doc else {}
    roles = (
        tuple(r.casefold() for r in reader.texts(network, "professional_roles", "network"))
        if network else bundled().professional_roles
    )
    order = reader.step_order(doc["steps"]) if "steps" in doc else bundled().step_order
    # A wording file written before the mobility map existed borrows the bundled words.
    mobility = read_mobility_text(reader, doc["mobility"]) if "mobility" in doc else bundled().mobility
    return Wording(name, named_by, circles, supporters, tree, storms, stages, guidance, meeting,
                   child_headings=child_headings, child_named_by=child_named_by,
                   professional_roles=roles, step_order=order, mobility=mobility)


class _Reader:
    def table(self, t: dict, key: str, p: str) -> dict:
        value = t.get(key)
        if not isinstance(value, dict):
            raise ModelError(self._at(p, key), f"{key!r} must be a table")
        return value

    def list_of_tables(self, t: dict, key: str, p: str) -> list[dict]:
        value = t.get(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ModelError(self._at(p, key), f"{key!r} must be a list of tables")
        return value

    def entries(self, doc: dict, key: str, ids: tuple[str, ...]) -> list[tuple[dict, str]]:
        """The tables of `key`, which must carry exactly `ids`, in that order."""
        items = self.list_of_tables(doc, key, "")
        found = [item.get("id") for item in items]
        if found != list(ids):
            raise ModelError(key, f"{key!r} must list exactly these ids, in order: {', '.join(ids)}")
        return list(zip(items, ids, strict=True))

    def text(self, t: dict, key: str, p: str, required: bool = True) -> str:
        value = t.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise ModelError(self._at(p, key), f"{key!r} must be some text")
        return value

    def flag(self, t: dict, key: str, p: str) -> bool:
        value = t.get(key)
        if not isinstance(value, bool):
            raise ModelError(self._at(p, key), f"{key!r} must be true or false")
        return value

    def texts(self, t: dict, key: str, p: str, count: int | None = None) -> tuple[str, ...]:
        value = t.get(key)
        if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            raise ModelError(self._at(p, key), f"{key!r} must be a list of texts")
        if count is not None and len(value) != count:
            raise ModelError(self._at(p, key), f"{key!r} must have exactly {count} entries")
        return tuple(value)

    def labels(self, t: dict, key: str, ids: tuple[str, ...], p: str = "") -> dict[str, str]:
        table = self.table(t, key, p)
        missing = [i for i in ids if not isinstance(table.get(i), str)]
        if missing or set(table) - set(ids):
            raise ModelError(
                self._at(p, key), f"{key!r} must give a label for each of: {', '.join(ids)}"
            )
        return {i: table[i] for i in ids}

    def circle(self, t: dict, p: str, circle_id: str) -> CircleText:
        role = self.text(t, "theme_role", p)
        if role not in THEME_ROLES:
            raise ModelError(f"{p}.theme_role", f"must be one of {', '.join(THEME_ROLES)}")
        fields_doc = self.list_of_tables(t, "fields", p) if "fields" in t else []
        model_fields = CIRCLE_FIELDS[circle_id]
        if [f.get("id") for f in fields_doc if isinstance(f, dict)] != [f.id for f in model_fields]:
            raise ModelError(
                f"{p}.fields",
                f"the fields must be exactly: {', '.join(f.id for f in model_fields)}",
            )
        fields = []
        for i, (item, field) in enumerate(zip(fields_doc, model_fields, strict=True)):
            q = f"{p}.fields[{i}]"
            choices = self.labels(item, "choices", field.choices, q) if field.choices else {}
            child_choices = (
                self.labels(item, "child_choices", field.choices, q)
                if "child_choices" in item else {}
            )
            fields.append(FieldText(field, self.text(item, "label", q), self.text(item, "help", q),
                                    choices, self.text(item, "child_label", q, required=False),
                                    child_choices))
        return CircleText(
            id=circle_id,
            title=self.text(t, "title", p),
            short=self.text(t, "short", p),
            colour=self.text(t, "colour", p),
            theme_role=role,
            purpose=self.text(t, "purpose", p),
            adult_question=self.text(t, "adult_question", p),
            child_question=self.text(t, "child_question", p),
            rings=self.texts(t, "rings", p, count=3),
            guidance=self.text(t, "guidance", p, required=False),
            fields=tuple(fields),
            child_title=self.text(t, "child_title", p, required=False),
            child_short=self.text(t, "child_short", p, required=False),
        )

    def tree_part(self, t: dict, p: str, part: str) -> TreePartText:
        return TreePartText(
            id=part,
            title=self.text(t, "title", p),
            meaning=self.text(t, "meaning", p),
            prompt=self.text(t, "prompt", p),
            questions=self.texts(t, "questions", p),
            guidance=self.text(t, "guidance", p, required=False),
        )

    def step_order(self, t: object) -> tuple[str, ...]:
        """Every step id once, in the order the guided session takes them."""
        order = self.texts(t, "order", "steps") if isinstance(t, dict) else ()
        if sorted(order) != sorted(STEP_IDS):
            raise ModelError("steps.order", f"'order' must list each of these steps once: "
                                            f"{', '.join(STEP_IDS)}")
        return order

    def meeting(self, t: object) -> MeetingText:
        from circles_tui.core.meeting import FAMILY_CHOICES, INVITE_STATUSES, NEEDS, TAKING_PART

        if not isinstance(t, dict):
            raise ModelError("meeting", "'meeting' must be a table")

        def step(key: str) -> MeetingStepText:
            item, p = self.table(t, key, "meeting"), f"meeting.{key}"
            return MeetingStepText(key, self.text(item, "title", p),
                                   self.text(item, "adult_prompt", p),
                                   self.text(item, "child_prompt", p),
                                   self.text(item, "guidance", p, required=False))

        return MeetingText(
            step("invitations"), step("child_voice"), step("plan"),
            self.labels(t, "family_choices", FAMILY_CHOICES, "meeting"),
            self.labels(t, "statuses", INVITE_STATUSES, "meeting"),
            self.labels(t, "needs", NEEDS, "meeting"),
            self.labels(t, "taking_part", TAKING_PART, "meeting"),
        )

    @staticmethod
    def _at(p: str, key: str) -> str:
        return f"{p}.{key}" if p else key
