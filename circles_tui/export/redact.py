"""Making a workbook safe to share: the child view, and full redaction.

Both work on the Workbook before any writer sees it, so every format gets them
for free and a writer cannot leak what is no longer there.

`for_child_view` drops what the child should not see on a shared screen or copy:
every practitioner-only note, every concern, and the false supporters unless the
young person agreed to share them.

`redact` is for sharing beyond the team. It does all of the above, and:
- gives each person a stable pseudonym built from their relationship ("Grandmother 1",
  "Teacher 1", "Person 2"), numbered in the order of the people list, so the same
  workbook always gives the same pseudonyms in every format;
- calls the child "Child" and drops the practitioner's name and the organisation;
- drops contact details and how to reach supporters;
- keeps the false supporters out unless the young person agreed to share them;
- keeps where people live only when it names a country (towns are dropped);
- replaces the relationship with the pseudonym's kind ("Grandmother");
- replaces, in all free text, the names of people in the list (and their distinctive
  parts, like "Jo" of "Nanna Jo"), names given in brackets in a relationship
  ("Mum (Kerry)"), the child's and practitioner's names, and the towns people live in;
- replaces the practitioner's reason for a suggestion that is a worry (reason type
  "concern", or the outer ring) with REMOVED ("(not shared)").
Names the workbook does not know about (a name typed only inside a note) cannot
be found: read a redacted export before sharing it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import attrs

from circles_tui.core.model import About, Answer, Person, Placement, Supporter, TreePart, Workbook

CHILD = "Child"
PRACTITIONER = "Practitioner"
PLACE = "(place)"
REMOVED = "(not shared)"
UNKNOWN = "Person"

# -- the child view ----------------------------------------------------------------------


def for_child_view(workbook: Workbook) -> Workbook:
    """Without practitioner-only notes, concerns, or false supporters (unless the young
    person agreed to share them, as the app's own child view does)."""
    return _strip_private(workbook, drop_false=not workbook.about.share_false_supporters)


def _strip_private(workbook: Workbook, drop_false: bool) -> Workbook:
    def part(p: TreePart) -> TreePart:
        return attrs.evolve(p, practitioner_note="")

    return attrs.evolve(
        workbook,
        about=attrs.evolve(workbook.about, practitioner_note=""),
        people=tuple(attrs.evolve(p, practitioner_note="", concern="", hold_until="", hold_asked_by="")
                     for p in workbook.people),
        circles={
            c: tuple(attrs.evolve(p, practitioner_note="") for p in ps)
            for c, ps in workbook.circles.items()
        },
        supporters={
            k: () if (k == "false" and drop_false) else tuple(
                attrs.evolve(s, practitioner_note="") for s in ss
            )
            for k, ss in workbook.supporters.items()
        },
        tree={k: part(p) for k, p in workbook.tree.items()},
        storms=part(workbook.storms) if workbook.storms is not None else None,
    )


# -- pseudonyms ---------------------------------------------------------------------------

# A word in a relationship or name -> the kind of person it names.
_WORDS: dict[str, str] = {}
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
        _WORDS[_word] = _kind

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
_FAMILY = set(_WORDS.values()) - {
    "partner", "friend", "neighbour", "teacher", "school staff", "social worker",
    "health worker", "worker", "club leader", "childminder", "foster carer", "faith leader",
}
# Words in a name that are titles, not names: "Mrs" of "Mrs Okafor", "Nanna" of "Nanna Jo".
_TITLES = set(_WORDS) | {
    "mr", "mrs", "miss", "ms", "mx", "dr", "sir", "great", "little", "big", "baby", "old",
    "the", "and", "of", "my", "our", "in", "at", "to", "de", "da", "la", "le", "van", "von",
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
            kind = _WORDS.get(word)
            if kind:
                return kind
            continue
        # "X's Y": Y is someone's relative or friend; work out what they are to the child.
        owner = _WORDS.get(word[:-2]) or (
            _WORDS.get(words[index - 1]) if index and not words[index - 1].endswith("'s") else None
        )
        following = words[index + 1 : index + 3]
        if any(w.endswith("'s") for w in following):
            return None  # "Mum's friend's husband": too far removed to name safely
        noun = next((_WORDS[w] for w in following if w in _WORDS), None)
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
    """What a person is to the child, in our own fixed words, never their text."""
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


# -- places ---------------------------------------------------------------------------

# Places kept when redacting: countries, and the nations of the United Kingdom.
COUNTRIES = frozenset(c.lower() for c in """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|
Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|
Croatia|Cuba|Cyprus|Czechia|Czech Republic|Democratic Republic of the Congo|Denmark|Djibouti|
Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|
Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|
Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|
Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|
Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|
Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|Somaliland|South Africa|South Korea|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Turkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|
UAE|United Kingdom|UK|Great Britain|England|Scotland|Wales|Northern Ireland|United States|USA|
United States of America|America|Uruguay|Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|
Yemen|Zambia|Zimbabwe|Hong Kong|Puerto Rico|Greenland|Bermuda|Montserrat|Anguilla|Cayman Islands|
Gibraltar|Isle of Man|Jersey|Guernsey|Abroad
""".replace("\n", "").split("|"))


def country_only(lives: str) -> str:
    """Keep the parts of `lives` that name a country ("Krakow, Poland" -> "Poland")."""
    parts = [p.strip() for p in re.split(r"[,;/]", lives)]
    return ", ".join(p for p in parts if p.lower() in COUNTRIES)


def _towns(workbook: Workbook) -> set[str]:
    towns = set()
    for person in workbook.people:
        for part in re.split(r"[,;/]", person.lives):
            part = part.strip()
            if len(part) > 2 and part.lower() not in COUNTRIES:
                towns.add(part)
    return towns


# -- scrubbing names from free text -------------------------------------------------------


def _name_parts(name: str) -> list[str]:
    """The distinctive words of a name: "Nanna Jo" -> ["Jo"], "Mrs Okafor" -> ["Okafor"]."""
    words = re.findall(r"[^\W\d_](?:[\w'\u2019-]*\w)?", name)
    return [w for w in words if len(w) > 1 and w.lower() not in _TITLES]


def scrubber(workbook: Workbook) -> Callable[[str], str]:
    """A function that replaces every known name and town in a text."""
    names = pseudonyms(workbook)
    table: dict[str, str] = {}  # casefolded text -> replacement
    exact: dict[str, str] = {}  # names made only of titles ("Mum"): matched as written

    def add(text: str, replacement: str) -> None:
        text = " ".join(text.split())
        if len(text) < 2:
            return
        if not _name_parts(text):
            exact.setdefault(text, replacement)
        else:
            table.setdefault(text.casefold(), replacement)

    # Whole names first (a longer match always wins), then their distinctive parts.
    for person in workbook.people:
        add(person.name, names[person.id])
    add(workbook.about.child, CHILD)
    add(workbook.about.practitioner, PRACTITIONER)
    for person in workbook.people:
        for part in _name_parts(person.name):
            add(part, names[person.id])
        for bracket in re.findall(r"\(([^)]*)\)", person.relationship):
            for part in _name_parts(bracket):
                if part[:1].isupper():
                    add(part, names[person.id])
    for part in _name_parts(workbook.about.child):
        add(part, CHILD)
    for part in _name_parts(workbook.about.practitioner):
        add(part, PRACTITIONER)
    for town in _towns(workbook):
        add(town, PLACE)
        for part in _name_parts(town):
            if len(part) > 3 and part[:1].isupper():
                add(part, PLACE)
    if not (table or exact):
        return lambda text: text
    alternatives = [(t, True) for t in table] + [(t, False) for t in exact]
    alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
    pattern = re.compile(
        r"(?<![\w])("
        + "|".join(f"(?i:{_spaced(t)})" if folded else _spaced(t) for t, folded in alternatives)
        + r")(?![\w])"
    )

    def replace(match: re.Match) -> str:
        found = " ".join(match.group(0).split())
        return exact.get(found) or table[found.casefold()]

    return lambda text: pattern.sub(replace, text) if text else text


def _spaced(text: str) -> str:
    """A pattern for `text` that allows any run of spaces between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())


# -- redaction ----------------------------------------------------------------------------


def redact(workbook: Workbook) -> Workbook:
    """A copy safe to share beyond the team: see the module's docstring for what changes."""
    scrub = scrubber(workbook)
    names = pseudonyms(workbook)
    stripped = _strip_private(workbook, drop_false=not workbook.about.share_false_supporters)

    about = stripped.about
    about = About(
        child=CHILD,
        age=about.age,
        pronouns=about.pronouns,
        session_dates=about.session_dates,
        taking_part=tuple(scrub(t) for t in about.taking_part),
        share_false_supporters=about.share_false_supporters,
    )
    people = tuple(
        Person(
            id=p.id,
            name=names[p.id],
            relationship=names[p.id].rsplit(" ", 1)[0],
            lives=country_only(p.lives),
            note=scrub(p.note),
            living=p.living,
            known=p.known,
        )
        for p in stripped.people
    )

    def placement(circle: str, p: Placement) -> Placement:
        extras = {k: scrub(v) if isinstance(v, str) else v for k, v in p.extras.items()}
        if circle == "services-suggest" and (
            extras.get("reason_type") == "concern" or p.ring == 3
        ) and extras.get("reason"):
            extras["reason"] = REMOVED
        return Placement(p.person, p.ring, p.named_by, scrub(p.note), "", extras)

    def supporter(s: Supporter) -> Supporter:
        return Supporter(s.person, scrub(s.what_they_do), scrub(s.how_to_use), "", scrub(s.note))

    def part(p: TreePart) -> TreePart:
        return TreePart(
            words=tuple(scrub(w) for w in p.words),
            answers=tuple(Answer(scrub(a.question), scrub(a.answer)) for a in p.answers),
            people=p.people,
        )

    return Workbook(
        about=about,
        people=people,
        circles={c: tuple(placement(c, p) for p in ps) for c, ps in stripped.circles.items()},
        supporters={k: tuple(supporter(s) for s in ss) for k, ss in stripped.supporters.items()},
        tree={k: part(p) for k, p in stripped.tree.items()},
        storms=part(stripped.storms) if stripped.storms is not None else None,
    )
