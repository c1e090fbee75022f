"""The mobility map's words in the wording file (`[mobility]`): its title, its prompts in
adult and child words, the names of the kinds of place, and its Appreciative Inquiry
questions. No Textual or Rich here; `wording._read` calls `read_mobility_text`.
"""

from __future__ import annotations

from typing import Any

import attrs

from circles_tui.core.mobility import STAY_KINDS
from circles_tui.core.model import ModelError


@attrs.frozen
class MobilityText:
    title: str
    short: str
    child_title: str
    path_title: str  # over the list of places
    adult_prompt: str
    child_prompt: str
    guidance: str
    questions: tuple[str, ...]  # Appreciative Inquiry questions suited to the map
    kinds: dict[str, str]  # kind id -> its name, in STAY_KINDS order
    child_kinds: dict[str, str]  # the same in the child's words

    def kind(self, kind: str, child: bool = False) -> str:
        """The name of a kind of place ("Lived"), the child's words when `child`."""
        return (self.child_kinds if child else self.kinds).get(kind, kind)


def read_mobility_text(reader: Any, t: object) -> MobilityText:
    """The `[mobility]` table, read with the wording's `_Reader` (which names bad keys)."""
    if not isinstance(t, dict):
        raise ModelError("mobility", "'mobility' must be a table")
    p = "mobility"
    return MobilityText(
        title=reader.text(t, "title", p),
        short=reader.text(t, "short", p),
        child_title=reader.text(t, "child_title", p),
        path_title=reader.text(t, "path_title", p),
        adult_prompt=reader.text(t, "adult_prompt", p),
        child_prompt=reader.text(t, "child_prompt", p),
        guidance=reader.text(t, "guidance", p, required=False),
        questions=reader.texts(t, "questions", p),
        kinds=reader.labels(t, "kinds", STAY_KINDS, p),
        child_kinds=reader.labels(t, "child_kinds", STAY_KINDS, p),
    )
