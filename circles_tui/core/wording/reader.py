"""Reading a content file's TOML document into a `Wording`, checking every key.

The ids must match the model's (circles, supporter kinds, tree parts, each circle's
fields, the steps); a key that is missing or of the wrong kind raises `ModelError`
with its path ("circles[2].fields[0].label"), which `load_wording` turns into a
`WordingError` with the file's line. No Textual or Rich here.
"""

from __future__ import annotations

from typing import Any

from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    NAMED_BY,
    SUPPORTER_KINDS,
    TREE_PARTS,
    ModelError,
)
from circles_tui.core.wording import (
    STEP_IDS,
    THEME_ROLES,
    AIStage,
    CircleText,
    FieldText,
    MeetingStepText,
    MeetingText,
    SupporterText,
    TreePartText,
    Wording,
    bundled,
)
from circles_tui.core.wording.ai_steps import read_ai_steps
from circles_tui.core.wording.ecomap_text import read_ecomap_text
from circles_tui.core.wording.family_text import read_family_text
from circles_tui.core.wording.mobility_text import read_mobility_text


def read_wording(doc: dict[str, Any]) -> Wording:
    """The wording a content file's TOML document gives; ModelError names the first bad key."""
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
    # A content file written before ecomaps existed borrows the bundled words.
    ecomap = read_ecomap_text(reader, doc["ecomap"]) if "ecomap" in doc else bundled().ecomap
    # Like the meeting: a content file older than the family tree borrows the bundled words.
    family = read_family_text(reader, doc["family"]) if "family" in doc else bundled().family
    # A wording file written before the mobility map existed borrows the bundled words.
    mobility = read_mobility_text(reader, doc["mobility"]) if "mobility" in doc else bundled().mobility
    ai_steps = read_ai_steps(doc, {s.id: len(s.questions) for s in stages}, STEP_IDS)
    return Wording(name, named_by, circles, supporters, tree, storms, stages, guidance, meeting,
                   child_headings=child_headings, child_named_by=child_named_by,
                   professional_roles=roles, step_order=order, ecomap=ecomap,
                   family=family, mobility=mobility, ai_steps=ai_steps)


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
