"""What someone is to the child, in our own fixed words, and the pseudonym redaction
gives them.

A person's relationship ("Nanna Jo's mum", "Dad's partner", "(great-aunt)") is read for
the kind of person it names, in our own words ("great-grandmother", "Father's partner"),
never their text; each kind is numbered in the order of the people list ("Grandmother 1",
"Teacher 1", "Person 2"), so the same workbook always gives the same pseudonyms in every
format. Used by `redaction.py`. No Textual or Rich here.
"""

from __future__ import annotations

import re
from collections import Counter

from circles_tui.core.model import Person, Workbook

UNKNOWN = "Person"

# A word in a relationship or name -> the kind of person it names.
RELATIONSHIP_WORDS: dict[str, str] = {}
for _kind, _words in {
    "mother": "mum mother mam mom mummy mommy ma",
    "father": "dad father daddy papa pa",
    "stepmother": "stepmum step-mum stepmother step-mother",
    "stepfather": "stepdad step-dad stepfather step-father",
    "grandmother": "nan nana nanna nanny gran granny grandma grandmother grandmum nain",
    "grandfather": "grandad granddad grandpa grandfather gramps grampa taid grandaddy",
    "grandparent": "grandparent grandparents",
    "great-grandmother": "great-grandma great-grandmother great-nan great-nanna great-gran great-granny",
    "great-grandfather": "great-grandad great-granddad great-grandpa great-grandfather",
    "great-aunt": "great-aunt great-auntie great-aunty",
    "great-uncle": "great-uncle",
    "aunt": "aunt auntie aunty",
    "uncle": "uncle",
    "cousin": "cousin",
    "sister": "sister half-sister sis",
    "brother": "brother half-brother bro",
    "stepsister": "stepsister step-sister",
    "stepbrother": "stepbrother step-brother",
    "son": "son",
    "daughter": "daughter",
    "partner": "partner boyfriend girlfriend husband wife fiance fiancee",
    "friend": "friend bestie mate",
    "neighbour": "neighbour neighbor",
    "teacher": "teacher teaching ta tutor",
    "school staff": "school head headteacher deputy senco dsl",
    "social worker": "social-worker",
    "health worker": "nurse doctor gp health-visitor midwife therapist counsellor camhs paediatrician",
    "worker": "worker keyworker key-worker mentor",
    "club leader": "coach leader scouts brownies cubs guides",
    "childminder": "childminder nursery",
    "foster carer": "foster foster-carer",
    "faith leader": "vicar priest imam rabbi pastor minister",
    "godparent": "godmother godfather godparent",
    "guardian": "guardian",
}.items():
    for _word in _words.split():
        RELATIONSHIP_WORDS[_word] = _kind

_PARENTS = {"mother", "father", "stepmother", "stepfather"}
_GRANDPARENTS = {"grandmother", "grandfather", "grandparent"}
_AUNTS = {"aunt", "uncle", "great-aunt", "great-uncle"}
# What someone's relative is to the child: (their kind, the word after "'s") -> kind.
_COMPOSED = {
    **{(p, "mother"): "grandmother" for p in _PARENTS},
    **{(p, "father"): "grandfather" for p in _PARENTS},
    **{(p, "sister"): "aunt" for p in _PARENTS},
    **{(p, "brother"): "uncle" for p in _PARENTS},
    **{(p, "son"): "brother" for p in _PARENTS},
    **{(p, "daughter"): "sister" for p in _PARENTS},
    **{(g, "mother"): "great-grandmother" for g in _GRANDPARENTS},
    **{(g, "father"): "great-grandfather" for g in _GRANDPARENTS},
    **{(g, "sister"): "great-aunt" for g in _GRANDPARENTS},
    **{(g, "brother"): "great-uncle" for g in _GRANDPARENTS},
    **{(a, c): "cousin" for a in _AUNTS for c in ("son", "daughter")},
}
# Someone close to a parent, named for the parent: "Mother's partner".
_OF_PARENT = {"partner", "friend", "worker", "health worker", "social worker", "neighbour"}
_FAMILY = set(RELATIONSHIP_WORDS.values()) - {
    "partner", "friend", "neighbour", "teacher", "school staff", "social worker",
    "health worker", "worker", "club leader", "childminder", "foster carer", "faith leader",
}
def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"\bgreat[\s-]+", "great-", text)
    text = re.sub(r"\b(step|half)\s+", r"\1-", text)
    text = re.sub(r"\b(social|key)\s+worker", r"\1-worker", text)
    text = re.sub(r"\bhealth\s+visitor", "health-visitor", text)
    text = re.sub(r"\bfoster\s+carer", "foster-carer", text)
    return re.findall(r"[a-z][a-z-]*(?:'s)?", text)


def _kind_of_words(words: list[str]) -> str | None:
    for index, word in enumerate(words):
        if not word.endswith("'s"):
            if index + 1 < len(words) and words[index + 1].endswith("'s"):
                continue  # part of an owner's name: "Nanna" of "Nanna Jo's mum"
            kind = RELATIONSHIP_WORDS.get(word)
            if kind:
                return kind
            continue
        # "X's Y": Y is someone's relative or friend; work out what they are to the child.
        before = words[index - 1] if index and not words[index - 1].endswith("'s") else ""
        owner = RELATIONSHIP_WORDS.get(word[:-2]) or RELATIONSHIP_WORDS.get(before)
        following = words[index + 1 : index + 3]
        if any(w.endswith("'s") for w in following):
            return None  # "Mum's friend's husband": too far removed to name safely
        noun = next((RELATIONSHIP_WORDS[w] for w in following if w in RELATIONSHIP_WORDS), None)
        if owner is None or noun is None:
            return None  # "Lacey's mum": a stranger's relative tells us nothing safe
        if (owner, noun) in _COMPOSED:
            return _COMPOSED[(owner, noun)]
        if owner in _PARENTS and noun in _OF_PARENT:
            return f"{_STEMS[owner]}'s {noun}"
        return "relative" if owner in _FAMILY else None
    return None


_STEMS = {"mother": "Mother", "father": "Father", "stepmother": "Stepmother", "stepfather": "Stepfather"}


def kind_of(person: Person) -> str:
    """What a person is to the child, in our own fixed words, never their text. A group,
    a service or a place is called just that ("Group 2"): a school's name tells too much."""
    if person.kind != "person":
        return person.kind
    relationship = person.relationship
    for bracket in re.findall(r"\(([^)]*)\)", relationship):  # "(great-aunt)" says it best
        kind = _kind_of_words(_words(bracket))
        if kind:
            return kind
    kind = _kind_of_words(_words(re.sub(r"\([^)]*\)", " ", relationship)))
    return kind or _kind_of_words(_words(person.name)) or UNKNOWN.lower()


def pseudonyms(workbook: Workbook) -> dict[str, str]:
    """Person id -> pseudonym, numbered within each kind in the order of the people list."""
    counts: Counter[str] = Counter()
    out = {}
    for person in workbook.people:
        kind = kind_of(person)
        counts[kind] += 1
        stem = kind[:1].upper() + kind[1:]
        out[person.id] = f"{stem} {counts[kind]}"
    return out
