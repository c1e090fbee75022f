"""The names a workbook knows, and how redaction replaces them.

What each audience sees is decided in `circles_tui.core.audience`; this module
supplies what redaction puts in place of a name:
- a stable pseudonym for each person, and the relationship's kind in our own fixed
  words, never their text (`pseudonyms.py`);
- where someone lives only when it names a country (towns are dropped);
- a scrubber for free text that replaces every name the workbook knows: people (and
  their distinctive parts, like "Jo" of "Nanna Jo"), names in brackets anywhere
  ("Dad (Lee)"), the child, the practitioner, the organisation and the towns people
  live in, matched in any case and script (casefolded, accents ignored).
Names the workbook does not know about (a name typed only inside a note) cannot
be found: read a redacted export before sharing it.

No Textual or Rich here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

import attrs

from circles_tui.core.model import Person, Workbook
from circles_tui.core.pseudonyms import (  # noqa: F401 - redaction's pseudonyms, named here too
    RELATIONSHIP_WORDS, UNKNOWN, kind_of, pseudonyms,
)

CHILD = "Child"
PRACTITIONER = "Practitioner"
PLACE = "(place)"
ORGANISATION = "(organisation)"
NAME = "(name)"  # a name in brackets that belongs to no one in the people list
REMOVED = "(not shared)"

# Words in a name that are titles, not names: "Mrs" of "Mrs Okafor", "Nanna" of "Nanna Jo".
_TITLES = set(RELATIONSHIP_WORDS) | {
    "mr", "mrs", "miss", "ms", "mx", "dr", "sir", "great", "little", "big", "baby", "old",
    "the", "and", "of", "my", "our", "in", "at", "to", "de", "da", "la", "le", "van", "von",
}


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
            if len(part) > 1 and part.lower() not in COUNTRIES:
                towns.add(part)
    return towns


# -- scrubbing names from free text -------------------------------------------------------

# Words an organisation's name shares with ordinary text: never taken as a name.
_ORGANISATION_WORDS = {
    "children's", "childrens", "services", "service", "council", "county", "city", "borough",
    "district", "family", "families", "health", "trust", "nhs", "school", "academy", "team",
    "social", "care", "department", "early", "help", "support", "centre", "center", "hub",
    "partnership", "safeguarding", "example", "youth", "community", "local", "authority",
}
_BRACKET = re.compile(r"\(([^()]*)\)")


def _name_parts(name: str) -> list[str]:
    """The distinctive words of a name: "Nanna Jo" -> ["Jo"], "Mrs Okafor" -> ["Okafor"]."""
    words = re.findall(r"[^\W\d_](?:[\w'\u2019-]*\w)?", name)
    return [w for w in words if len(w) > 1 and w.lower() not in _TITLES]


# Words that groups, services and places share ("Breakfast club", "GP surgery"): they
# name no one, so they are never taken as a name; a distinctive word ("Meadow" of
# "Meadow Primary") is.
_GROUP_WORDS = frozenset("""
club clubs breakfast after-school holiday group groups surgery practice clinic hospital ward
gp doctor doctors doctor's dentist recovery service services church chapel mosque temple
gurdwara synagogue mandir faith flat flats house home park library pool swimming football
sports dance art drama music youth scouts brownies cubs guides rainbows beavers primary
secondary infant infants junior juniors nursery playgroup play academy college school
centre center team estate shop cafe
""".split())


def distinctive_parts(person: Person) -> list[str]:
    """The words of a register entry's name that identify it. For a person, every
    distinctive word; for a group, a service or a place, only capitalised words that are
    not ordinary words of such names, and never a possessive ("Jo's" of "Nanna Jo's
    church": Jo has her own entry)."""
    parts = _name_parts(person.name)
    if person.kind == "person":
        return parts
    return [p for p in parts if p[:1].isupper() and not p.endswith(("'s", "\u2019s"))
            and p.casefold() not in _ORGANISATION_WORDS | _GROUP_WORDS]


@functools.lru_cache(maxsize=4096)  # a workbook's texts use few distinct characters
def _fold_character(character: str) -> str:
    decomposed = unicodedata.normalize("NFKD", character)
    # Dotless ı upper-cases to I, which casefolds to i: fold it to i too, so "IŞIK" finds "Işık".
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace(
        "\u0131", "i")


def fold(text: str) -> tuple[str, list[int]]:
    """`text` for matching names: casefolded, accents and ligatures undone ("Weiß" ->
    "weiss", "İpek" -> "ipek"), and for each character of that, where it came from."""
    if text.isascii():  # nothing to decompose: each character folds to one, its lower case
        return text.lower(), list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        piece = _fold_character(character)
        folded.append(piece)
        origin += [index] * len(piece)
    return "".join(folded), origin


def _key(text: str) -> str:
    return " ".join(fold(text)[0].split())


def _texts(value: object) -> Iterator[str]:
    """Every piece of text held anywhere in a workbook (ids and choices included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name))


def _bracketed_names(text: str) -> Iterator[str]:
    """Names given in brackets: "Dad (Lee)" -> "Lee"; "(Year 3)" or "(13)" name no one."""
    for inside in _BRACKET.findall(text):
        words = inside.split()
        parts = _name_parts(inside)
        if 0 < len(words) <= 3 and len(parts) == len(words) and all(
            w[:1].isupper() for w in words
        ):
            yield from parts


def scrubber(workbook: Workbook) -> Callable[[str], str]:
    """A function that replaces every name, town and organisation the workbook knows in a
    text. Matching is done on folded text (see `fold`) mapped back to the original."""
    names = pseudonyms(workbook)
    about = workbook.about
    table: dict[str, str] = {}  # folded text -> replacement
    exact: dict[str, str] = {}  # names made only of titles ("Mum"): matched as written

    def add(text: str, replacement: str) -> None:
        text = " ".join(text.split())
        if len(text) < 2:
            return
        if not _name_parts(text):
            exact.setdefault(text, replacement)
        elif len(_key(text)) > 1:
            table.setdefault(_key(text), replacement)

    # Whole names first (a longer match always wins), then their distinctive parts.
    for person in workbook.people:
        if person.kind == "person" or distinctive_parts(person):  # "School" names no one
            add(person.name, names[person.id])
    add(about.child, CHILD)
    add(about.practitioner, PRACTITIONER)
    add(about.organisation, ORGANISATION)
    for person in workbook.people:
        for part in distinctive_parts(person):
            add(part, names[person.id])
        for part in _bracketed_names(person.relationship):
            add(part, names[person.id])
    for part in _name_parts(about.child):
        add(part, CHILD)
    for part in _name_parts(about.practitioner):
        add(part, PRACTITIONER)
    for part in _name_parts(_BRACKET.sub(" ", about.organisation)):
        if part[:1].isupper() and part.casefold() not in _ORGANISATION_WORDS:
            add(part, ORGANISATION)
    for town in _towns(workbook):
        add(town, PLACE)
        for part in _name_parts(town):
            if part[:1].isupper():
                add(part, PLACE)
    for text in _texts(workbook):
        for part in _bracketed_names(text):
            add(part, NAME)
    if not (table or exact):
        return lambda text: text
    folded_pattern = _pattern(table)
    exact_pattern = _pattern(exact)

    def scrub(text: str) -> str:
        if not text:
            return text
        found: list[tuple[int, int, str]] = []
        folded, origin = fold(text)
        if folded_pattern is not None:
            for match in folded_pattern.finditer(folded):
                start, end = origin[match.start()], origin[match.end() - 1] + 1
                while end < len(text) and not _fold_character(text[end]):
                    end += 1  # a combining mark belongs to the letter before it
                found.append((start, end, table[" ".join(match.group(0).split())]))
        if exact_pattern is not None:
            for match in exact_pattern.finditer(text):
                found.append((match.start(), match.end(), exact[" ".join(match.group(0).split())]))
        return _replace(text, found)

    return scrub


def _pattern(alternatives: dict[str, str]) -> re.Pattern | None:
    if not alternatives:
        return None
    longest_first = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(_spaced(t) for t in longest_first) + r")(?!\w)")


def _replace(text: str, found: list[tuple[int, int, str]]) -> str:
    """`text` with the earliest, longest of overlapping matches replaced, and a bracket
    that held nothing but names dropped ("Dad (Lee)" -> "Father 1", not "Father 1 ((name))")."""
    chosen: list[tuple[int, int, str]] = []
    for start, end, replacement in sorted(found, key=lambda m: (m[0], m[0] - m[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, replacement))
    covered = [False] * len(text)
    for start, end, _ in chosen:
        covered[start:end] = [True] * (end - start)
    dropped: list[tuple[int, int]] = []
    for bracket in re.finditer(r"\s*\(([^()]*)\)", text):
        inside = range(bracket.start(1), bracket.end(1))
        if any(covered[i] for i in inside) and all(covered[i] or text[i].isspace() for i in inside):
            dropped.append((bracket.start(), bracket.end()))
    out: list[str] = []
    position = 0
    edits = [(s, e, r) for s, e, r in chosen if not any(a <= s < b for a, b in dropped)]
    edits += [(a, b, "") for a, b in dropped]
    for start, end, replacement in sorted(edits):
        out.append(text[position:start])
        out.append(replacement)
        position = end
    out.append(text[position:])
    return "".join(out)


def _spaced(text: str) -> str:
    """A pattern for `text` that allows any run of spaces between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())
