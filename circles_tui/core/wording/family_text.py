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
# The kinds whose first person a sentence names by gender ("mother", "brother").
ROLE_KINDS: tuple[str, ...] = (
    "parent", "adoptive-parent", "step-parent", "sibling", "half-sibling", "step-sibling",
)


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
    # The step's keys for taking a link out and adding chosen family.
    remove_which: str = ""  # "Which of {name}'s links should come out?"
    remove_question: str = ""  # "Remove: {link}?"
    chosen_title: str = ""  # "Add chosen family for {name}"
    child_chosen_title: str = ""
    chosen_help: str = ""
    child_chosen_help: str = ""
    # ROLE_KINDS -> (female, male, not said): "mother", "father", "parent".
    roles: dict[str, tuple[str, str, str]] = attrs.field(factory=dict)
    child_roles: dict[str, tuple[str, str, str]] = attrs.field(factory=dict)  # some of them
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

    def role(self, kind: str, gender: str) -> str:
        """What a link of `kind` makes its first person ("mother", "stepbrother"); a
        carer's or partner's kind has no role by gender, so its label is used."""
        if kind not in self.roles:
            return self.kinds[kind].lower()
        female, male, not_said = self.roles[kind]
        return {"female": female, "male": male}.get(gender, not_said)

    def for_child(self) -> FamilyText:
        """The same words as the child reads them."""
        return attrs.evolve(self, title=self.child_title, heritage_title=self.child_heritage_title,
                            kinds={**self.kinds, **self.child_kinds},
                            roles={**self.roles, **self.child_roles},
                            chosen_title=self.child_chosen_title,
                            chosen_help=self.child_chosen_help, for_the_child=True)


_TEXTS = ("title", "child_title", "adult_prompt", "child_prompt", "guidance", "genogram_title",
          "heritage_title", "heritage_prompt", "child_heritage_title", "not_known", "household",
          "side", "died", "died_unknown", "never_met_card")
# Added with the step's x and f keys: a content file written before then borrows these.
_LATER_TEXTS = ("remove_which", "remove_question", "chosen_title", "child_chosen_title",
                "chosen_help", "child_chosen_help")


def read_family_text(reader: Any, t: object) -> FamilyText:
    """The `[family]` table; `reader` is the wording loader's `_Reader`."""
    if not isinstance(t, dict):
        raise ModelError("family", "'family' must be a table")
    texts = {key: reader.text(t, key, "family") for key in _TEXTS}
    if "{who}" not in texts["not_known"]:
        raise ModelError("family.not_known", "'not_known' must hold {who} for the blank's name")
    later = _later_words(reader, t)
    if "{link}" not in later["remove_question"]:
        raise ModelError("family.remove_question",
                         "'remove_question' must hold {link} for the link in words")
    return FamilyText(
        **texts,
        **later,
        kinds=reader.labels(t, "kinds", LINK_KINDS, "family"),
        child_kinds=reader.labels(t, "child_kinds", LINK_KINDS, "family"),
        aspects=reader.labels(t, "aspects", ASPECTS, "family"),
        genders=reader.labels(t, "genders", GENDER_IDS, "family"),
        blank_own=reader.labels(t, "blank_own", BLANK_IDS, "family"),
        blank_of=reader.labels(t, "blank_of", BLANK_IDS, "family"),
    )


def _later_words(reader: Any, t: dict) -> dict[str, Any]:
    """The words added after the family tree first came out; a content file without
    them borrows the bundled ones (reading the bundled file itself never borrows)."""
    from circles_tui.core.wording import bundled

    def borrowed(key: str) -> Any:
        return getattr(bundled().family, key)

    words: dict[str, Any] = {
        key: reader.text(t, key, "family") if key in t else borrowed(key) for key in _LATER_TEXTS
    }
    for key, kinds in (("roles", ROLE_KINDS), ("child_roles", None)):
        words[key] = _roles(reader, t, key, kinds) if key in t else borrowed(key)
    return words


def _roles(reader: Any, t: dict, key: str, kinds: tuple[str, ...] | None
           ) -> dict[str, tuple[str, str, str]]:
    """`[family.roles]`: three words for each of `kinds` (female, male, not said);
    `[family.child_roles]` (kinds None) gives any of ROLE_KINDS it changes."""
    table = reader.table(t, key, "family")
    wanted = kinds if kinds is not None else tuple(k for k in ROLE_KINDS if k in table)
    if set(table) - set(ROLE_KINDS) or (kinds is not None and set(table) != set(kinds)):
        raise ModelError(f"family.{key}",
                         f"{key!r} must give words for each of: {', '.join(ROLE_KINDS)}")
    return {kind: reader.texts(table, kind, f"family.{key}", count=3) for kind in wanted}
