"""The shape of the worksheets: which circles, rings, supporter kinds, tree parts and
extra fields exist. Part of the file format (ids are written in files); the wording shown
to people lives in `circles_tui/core/wording/`. No Textual or Rich here.
"""

from __future__ import annotations

from typing import Literal

import attrs

# Centre outwards; the order a session takes them, family voice first.
CIRCLE_IDS: tuple[str, ...] = (
    "who-matters",
    "trusted-adults",
    "who-knows",
    "who-could-help",
    "services-suggest",
)
RING_COUNT = 3  # every safety circle has three rings; ring 1 is nearest the child
SUPPORTER_KINDS: tuple[str, ...] = ("emotional", "practical", "fair-weather", "false")
TREE_PARTS: tuple[str, ...] = (
    "roots",
    "ground",
    "trunk",
    "branches",
    "leaves",
    "fruits",
    "seeds",
)
NAMED_BY: tuple[str, ...] = ("child", "parent-carer", "practitioner", "other")

FieldKind = Literal["text", "choice", "tags"]


@attrs.frozen
class ExtraField:
    """An extra question a circle asks about each person placed in it."""

    id: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    required: bool = False


def _text(id: str, required: bool = False) -> ExtraField:
    return ExtraField(id, "text", required=required)


def _choice(id: str, *choices: str) -> ExtraField:
    return ExtraField(id, "choice", choices)


def _tags(id: str, *choices: str) -> ExtraField:
    return ExtraField(id, "tags", choices)


CIRCLE_FIELDS: dict[str, tuple[ExtraField, ...]] = {
    "who-matters": (
        _choice("frequency", "often", "sometimes", "rarely", "lost-touch"),
        _tags("contact_modes", "in-person", "phone", "video", "messages"),
    ),
    "trusted-adults": (
        _tags("reachable", "school-days", "evenings", "weekends"),
        _text("what_helps"),
    ),
    "who-knows": (
        _text("what_they_know"),
        _text("who_told"),
        _choice("tell_more", "yes", "no", "unsure"),
        _text("who_will_tell"),
    ),
    "who-could-help": (
        _tags("help_types", "emotional", "practical", "safety", "care"),
        _text("who_should_ask"),
        _text("family_view"),
        _text("language"),
    ),
    "services-suggest": (
        _text("reason", required=True),
        _choice(
            "reason_type",
            "strength",
            "helped-before",
            "named-by-family",
            "legal-role",
            "concern",
        ),
        _choice("yp_view", "agree", "unsure", "disagree", "didnt-say"),
        _text("yp_words"),
        _text("next_step"),
    ),
}
