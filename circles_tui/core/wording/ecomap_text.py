"""The ecomap's words in the wording file (`[ecomap]` and its tables), read and checked.

No Textual or Rich here. The ids (qualities, flows, centres, kinds of register entry)
are fixed by `core/ecomap.py` and `core/model.py`; the words are the wording file's.
A text may hold `{name}`: whoever is in the middle (or the child), put in with
`EcomapText.fill`, never with `str.format`, so a name holding braces stays a name.
"""

from __future__ import annotations

from typing import Any

import attrs

from circles_tui.core.ecomap import CENTRES, DISTANCES, FLOWS, LINK_QUALITIES
from circles_tui.core.model import PERSON_KINDS, ModelError

WHOSE_KEYS = ("child", "household", "own")


@attrs.frozen
class EcomapText:
    """The ecomap step's words, and labels for the choices `core/ecomap.py` fixes."""

    title: str
    adult_prompt: str
    child_prompt: str
    family_prompt: str  # for a whole-family ecomap
    guidance: str
    key_title: str  # the heading of the key every drawing carries
    flow_key: str  # what an arrow means, in the key
    made_on: str  # "Made on", before the date
    undated: str  # what stands for the date when there is none
    household_name: str  # the household as one end of a link ("Mia's family"), with {name}
    distances: tuple[str, ...]  # 1 nearest .. 4 furthest
    whose: dict[str, str]  # child / household / own -> a title with {name}
    qualities: dict[str, str]
    flows: dict[str, str]  # to-centre / from-centre / both, with {name}
    centres: dict[str, str]
    kinds: dict[str, str]
    # The same, as the child sees them (child view, the child's and the family's copies).
    child_title: str = ""
    child_qualities: dict[str, str] = attrs.field(factory=dict)
    child_flows: dict[str, str] = attrs.field(factory=dict)

    @staticmethod
    def fill(text: str, name: str) -> str:
        return text.replace("{name}", name)

    def title_of(self, whose: str, name: str) -> str:
        """ "Mia's ecomap", "Mia's family", "Mum's own ecomap": `name` is whoever is in the
        middle (the child for a whole-family ecomap)."""
        key = whose if whose in ("child", "household") else "own"
        return self.fill(self.whose[key], name)

    def distance(self, distance: int) -> str:
        return self.distances[distance - 1]

    def flow(self, flow: str, name: str) -> str:
        return self.fill(self.flows[flow], name) if flow else ""

    def for_child(self) -> EcomapText:
        """These words as the child reads them, wherever the wording file gives child words."""
        return attrs.evolve(
            self,
            title=self.child_title or self.title,
            qualities={**self.qualities, **self.child_qualities},
            flows={**self.flows, **self.child_flows},
        )


def read_ecomap_text(reader: Any, t: object) -> EcomapText:
    """The `[ecomap]` table; `reader` is the wording loader's `_Reader` (its getters raise
    `ModelError` naming the key)."""
    if not isinstance(t, dict):
        raise ModelError("ecomap", "'ecomap' must be a table")
    p = "ecomap"
    flows = FLOWS[1:]

    def optional_labels(key: str, ids: tuple[str, ...]) -> dict[str, str]:
        return reader.labels(t, key, ids, p) if key in t else {}

    return EcomapText(
        title=reader.text(t, "title", p),
        adult_prompt=reader.text(t, "adult_prompt", p),
        child_prompt=reader.text(t, "child_prompt", p),
        family_prompt=reader.text(t, "family_prompt", p),
        guidance=reader.text(t, "guidance", p, required=False),
        key_title=reader.text(t, "key_title", p),
        flow_key=reader.text(t, "flow_key", p),
        made_on=reader.text(t, "made_on", p),
        undated=reader.text(t, "undated", p),
        household_name=reader.text(t, "household_name", p),
        distances=reader.texts(t, "distances", p, count=len(DISTANCES)),
        whose=reader.labels(t, "whose", WHOSE_KEYS, p),
        qualities=reader.labels(t, "qualities", LINK_QUALITIES, p),
        flows=reader.labels(t, "flows", flows, p),
        centres=reader.labels(t, "centres", CENTRES, p),
        kinds=reader.labels(t, "kinds", PERSON_KINDS, p),
        child_title=reader.text(t, "child_title", p, required=False),
        child_qualities=optional_labels("child_qualities", LINK_QUALITIES),
        child_flows=optional_labels("child_flows", flows),
    )
