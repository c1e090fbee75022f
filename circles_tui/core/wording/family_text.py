"""The family tree's and genograms' words, read from the wording file's `[family]` table.

No Textual or Rich here. The ids each table must label (kinds of link, aspects, genders,
which parent a blank is) come from core/family.py and core/model.py.
"""

from __future__ import annotations

from typing import Any

import attrs

from circles_tui.core.family import ASPECTS, LINK_KINDS
from circles_tui.core.family_tree import BlankWords
from circles_tui.core.model import ModelError

GENDER_IDS: tuple[str, ...] = ("female", "male", "other", "not-said")  # "" is "not-said"
BLANK_IDS: tuple[str, ...] = ("mother", "father", "parent")


@attrs.frozen
class FamilyText:
    title: str
    child_title: str
    adult_prompt: str
    child_prompt: str
    guidance: str
    genogram_title: str
    heritage_title: str
    heritage_prompt: str
    child_heritage_title: str
    not_known: str  # "{who}: not known yet"
    household: str
    kinds: dict[str, str]  # link kind -> label
    child_kinds: dict[str, str]
    aspects: dict[str, str]
    genders: dict[str, str]  # GENDER_IDS -> label
    blank_own: dict[str, str]
    blank_of: dict[str, str]
    # The family tree step's cards: "{who}'s side", "died {when}", "died", "never met".
    side: str = ""
    died: str = ""
    died_unknown: str = ""
    never_met_card: str = ""
    for_the_child: bool = False  # set by `for_child`

    @property
    def prompt(self) -> str:
        """The prompt for whoever reads these words."""
        return self.child_prompt if self.for_the_child else self.adult_prompt

    @property
    def blank_words(self) -> BlankWords:
        return BlankWords(own=self.blank_own, of=self.blank_of, not_known=self.not_known)

    def gender(self, gender: str) -> str:
        return self.genders[gender or "not-said"]

    def for_child(self) -> FamilyText:
        """The same words as the child reads them."""
        return attrs.evolve(self, title=self.child_title, heritage_title=self.child_heritage_title,
                            kinds={**self.kinds, **self.child_kinds}, for_the_child=True)


_TEXTS = ("title", "child_title", "adult_prompt", "child_prompt", "guidance", "genogram_title",
          "heritage_title", "heritage_prompt", "child_heritage_title", "not_known", "household",
          "side", "died", "died_unknown", "never_met_card")


def read_family_text(reader: Any, t: object) -> FamilyText:
    """The `[family]` table; `reader` is the wording loader's `_Reader`."""
    if not isinstance(t, dict):
        raise ModelError("family", "'family' must be a table")
    texts = {key: reader.text(t, key, "family") for key in _TEXTS}
    if "{who}" not in texts["not_known"]:
        raise ModelError("family.not_known", "'not_known' must hold {who} for the blank's name")
    return FamilyText(
        **texts,
        kinds=reader.labels(t, "kinds", LINK_KINDS, "family"),
        child_kinds=reader.labels(t, "child_kinds", LINK_KINDS, "family"),
        aspects=reader.labels(t, "aspects", ASPECTS, "family"),
        genders=reader.labels(t, "genders", GENDER_IDS, "family"),
        blank_own=reader.labels(t, "blank_own", BLANK_IDS, "family"),
        blank_of=reader.labels(t, "blank_of", BLANK_IDS, "family"),
    )
