"""The family tree step's words, gathered in one place.

The worksheet's words come from the wording file's `[family]` table, as the person looking
reads it: `Step.content` is the child's wording in child view (`core.audience.wording_for`),
so nothing here decides who is looking. The screen's own sentences about its keys are the
app's, like a dialog's help, and live here.
"""

from __future__ import annotations

import attrs

from circles_tui.core.wording import Wording
from circles_tui.steps.family_tree.picture import TreeWords

# The screen's own sentences: about keys and dialogs, not the worksheet.
BLANK_HINT = "e: fill in who this is · w: ask about them in “{circle}”"
FILL_TITLE = "Who is {who}?"
GENDER_QUESTION = "gender (for the genogram)"
HERITAGE_QUESTION = "Which part of {name}'s story?"
HERITAGE_WORDS = "In their words"
NO_HERITAGE = "Nothing about heritage yet: h adds it."
THE_CHILD = "(the child)"
TREE_TITLE = "{child}: {title}"


@attrs.frozen
class FamilyTreeWords:
    title: str  # the step's name in the step list
    prompt: str
    tree: TreeWords
    kinds: dict[str, str]  # link kind -> label
    genders: dict[str, str]  # gender ("" for not said) -> label
    aspects: dict[str, str]  # aspect -> label
    heritage_title: str
    heritage_prompt: str
    remove_which: str  # "Which of {name}'s links should come out?"
    remove_question: str  # "Remove: {link}?"
    chosen_title: str  # "Add chosen family for {name}"
    chosen_help: str  # who chosen family are (the child's words in child view)


def family_tree_words(content: Wording) -> FamilyTreeWords:
    family = content.family
    tree = TreeWords(
        blanks=family.blank_words,
        side=family.side,
        kinds=dict(family.kinds),
        died=family.died,
        died_unknown=family.died_unknown,
        never_met=family.never_met_card,
    )
    genders = {("" if key == "not-said" else key): label for key, label in family.genders.items()}
    return FamilyTreeWords(
        title=family.title,
        prompt=family.prompt,
        tree=tree,
        kinds=dict(family.kinds),
        genders=genders,
        aspects=dict(family.aspects),
        heritage_title=family.heritage_title,
        heritage_prompt=family.heritage_prompt,
        remove_which=family.remove_which,
        remove_question=family.remove_question,
        chosen_title=family.chosen_title,
        chosen_help=family.chosen_help,
    )
