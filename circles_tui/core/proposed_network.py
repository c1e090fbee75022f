"""The proposed network list (what is worth a conversation, and the gaps, are in
`core/talk_points.py`).

This is the session's output for planning a Family Network Meeting or Family Group
Conference: one entry per person placed anywhere, with everything the workbook says
about them. It never decides who is invited; it lays the facts side by side.

No Textual or Rich here. Everything is returned, practitioner-only parts included:
callers showing a child view, or writing a redacted export, filter what they show.
Sentences take their ring labels and circle titles from `Wording`; the only words of
our own are the glue between them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from circles_tui.core.audience import private_kinds
from circles_tui.core.family_tree import found_through_tree, in_family_tree
from circles_tui.core.wording import Wording, bundled
from circles_tui.core.model import (
    CIRCLE_IDS, SUPPORTER_KINDS, TREE_PARTS, Person, Placement, Supporter, Workbook,
)

ROLES: tuple[str, ...] = ("emotional", "practical", "safety", "care")
# Supporter kinds that say what role someone already plays.
_SUPPORTER_ROLES = {"emotional": "emotional", "practical": "practical"}
NEAREST, MIDDLE, OUTER = 1, 2, 3
# How the list's two halves and a never-met relative are named, on screen and in exports.
NATURAL_TITLE = "Family and friends"
PROFESSIONALS_TITLE = "Professionals"
GROUPS_TITLE = "Groups, services and places"
SIDES: tuple[str, ...] = (NATURAL_TITLE, PROFESSIONALS_TITLE, GROUPS_TITLE)
NEVER_MET = "never met: could we ask?"
FOUND_THROUGH_TREE = "found through the family tree"


@attrs.frozen
class NetworkEntry:
    """Everything the workbook says about one person, for planning who to invite."""

    person: Person
    circles: tuple[tuple[str, int], ...]  # (circle id, ring), in CIRCLE_IDS order
    supporter_kinds: tuple[str, ...]  # in SUPPORTER_KINDS order
    tree_parts: tuple[str, ...]  # in TREE_PARTS order, then "storms"
    suggested_by: tuple[str, ...]  # distinct named_by values, plus "practitioner" for services-suggest
    knows_worries: int | None  # ring in who-knows (1 most, 2 a little, 3 not yet), or None
    who_will_tell: str
    roles: tuple[str, ...]  # drawn from ROLES
    lives: str
    concerns: tuple[str, ...]  # practitioner-only
    discuss_before_inviting: bool
    yp_view: str  # the services-suggest yp_view choice id, or ""
    never_met: bool = False  # living, but the child has never met them: could we ask?
    natural: bool = True  # family and friends; False for professionals
    group: str = ""  # where the list shows them: see GROUPS
    ecomaps: tuple[str, ...] = ()  # the ids of the ecomaps they are on, in workbook order
    found_through_tree: bool = False  # see family_tree.found_through_tree
    in_family_tree: bool = False  # linked to someone in the family tree
    # Found through the mobility map: the places they are tied to, in the child's order.
    map_places: tuple[str, ...] = ()

    @property
    def side(self) -> str:
        """Which part of the list: family and friends, professionals, or (for a register
        entry that is not a person) groups, services and places."""
        if self.person.kind != "person":
            return GROUPS_TITLE
        return NATURAL_TITLE if self.natural else PROFESSIONALS_TITLE

    @property
    def appearances(self) -> int:
        return (len(self.circles) + len(self.supporter_kinds) + len(self.tree_parts)
                + len(self.ecomaps))

    def ring(self, circle: str) -> int | None:
        return next((ring for c, ring in self.circles if c == circle), None)


# The list's groups in the order shown: each person sits under the first circle they are
# in (family voice first), else under the supporters, the Tree of Life, an ecomap, the family
# tree or the mobility map, in that order.
GROUPS: tuple[str, ...] = (*CIRCLE_IDS, "supporters", "tree", "ecomap", "family-tree",
                           "mobility-map")


def proposed_network(workbook: Workbook, content: Wording | None = None) -> tuple[NetworkEntry, ...]:
    """One entry for every living person placed anywhere.

    Family and friends (the natural network) come first, then professionals; within
    each, people are grouped by where they first appear (`GROUPS`), then by name. The
    list never ranks people by how often they are mentioned: a grandmother seen only at
    Christmas may become the child's home. People who have died are left out (they can
    be leaves of the tree but cannot be asked to help); living relatives the child has
    never met stay in, marked `never_met`. `content` words the concerns that come from
    a placement and names the professional relationships (defaults to the bundled
    wording).
    """
    content = content or bundled()
    where = _Whereabouts(workbook)
    held_back = private_kinds(content)  # once per list, not once per person
    entries = [_entry(where, content, held_back, person) for person in _listed(workbook, where)]
    order = {person.id: index for index, person in enumerate(workbook.people)}
    entries.sort(key=lambda e: (
        SIDES.index(e.side), GROUPS.index(e.group), e.person.name.casefold(), order[e.person.id],
    ))
    return tuple(entries)


HOLD_TITLE = "Hold on contact"


def contact_hold(person: Person) -> str:
    """The hold on contacting someone, as one line ("until Kerry agrees, asked by Mum"),
    or "" when there is none. Practitioner-only, like the concern."""
    if not person.on_hold:
        return ""
    asked = person.hold_asked_by.strip()
    return f"until {person.hold_until.strip()}" + (f", asked by {asked}" if asked else "")


def is_professional(person: Person, content: Wording) -> bool:
    """Whether the relationship names a professional role (the wording file lists them)."""
    pattern = _roles_pattern(tuple(content.professional_roles))
    return pattern is not None and pattern.search(person.relationship.casefold()) is not None


@functools.lru_cache(maxsize=8)
def _roles_pattern(roles: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any one of `roles` as a whole word: one pattern, made once per wording (an export of
    20,000 people tried twenty patterns on each, most of the time the export took)."""
    if not roles:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, roles)) + r")\b")


def anyone_placed(workbook: Workbook) -> bool:
    """Whether the network list would have anyone on it, without building it."""
    return next(_listed(workbook, _Whereabouts(workbook)), None) is not None


def _listed(workbook: Workbook, where: _Whereabouts) -> Iterator[Person]:
    """Who goes on the list: the living people who appear somewhere, met or not, and
    those the family tree found."""
    return (p for p in workbook.people
            if p.living and (where.appears(p.id) or p.id in where.found_through_tree))


class _Whereabouts:
    """Every placement, supporter entry and tree part, looked up by person.

    Built once per list so that the list costs time in proportion to the workbook,
    not to people times placements (a 1,000-person workbook is redrawn on each key).
    """

    def __init__(self, workbook: Workbook) -> None:
        self.placements: dict[str, dict[str, Placement]] = {}
        for circle in CIRCLE_IDS:  # dicts keep CIRCLE_IDS order per person
            for placement in workbook.circles[circle]:
                self.placements.setdefault(placement.person, {}).setdefault(circle, placement)
        self.supporters: dict[str, dict[str, Supporter]] = {}
        for kind in SUPPORTER_KINDS:
            for supporter in workbook.supporters[kind]:
                self.supporters.setdefault(supporter.person, {}).setdefault(kind, supporter)
        self.tree_parts: dict[str, list[str]] = {}
        for part in TREE_PARTS:
            for pid in dict.fromkeys(workbook.tree[part].people):
                self.tree_parts.setdefault(pid, []).append(part)
        if workbook.storms is not None:
            for pid in dict.fromkeys(workbook.storms.people):
                self.tree_parts.setdefault(pid, []).append("storms")
        self.ecomaps: dict[str, list[str]] = {}
        for ecomap in workbook.ecomaps:  # the audience's view: only the links it sees
            for pid in ecomap.people():
                self.ecomaps.setdefault(pid, []).append(ecomap.id)
        self.found_through_tree = frozenset(found_through_tree(workbook))
        self.in_family_tree = frozenset(in_family_tree(workbook))
        self.map_places: dict[str, list[str]] = {}
        for stay in workbook.mobility:
            for pid in stay.people:
                self.map_places.setdefault(pid, []).append(stay.place)

    def appears(self, pid: str) -> bool:
        return (pid in self.placements or pid in self.supporters or pid in self.tree_parts
                or pid in self.ecomaps or pid in self.map_places)


def _entry(where: _Whereabouts, content: Wording, held_back: frozenset[str],
           person: Person) -> NetworkEntry:
    pid = person.id
    placements = where.placements.get(pid, {})
    supporters = where.supporters.get(pid, {})
    supporter_kinds = tuple(supporters)
    tree_parts = tuple(where.tree_parts.get(pid, ()))
    ecomaps = tuple(where.ecomaps.get(pid, ()))

    suggested: list[str] = [p.named_by for p in placements.values() if p.named_by]
    if "services-suggest" in placements:
        suggested.append("practitioner")

    knows = placements.get("who-knows")
    helps = placements.get("who-could-help")
    help_types = set(extra_tags(helps, "help_types")) if helps else set()
    help_types |= {_SUPPORTER_ROLES[k] for k in supporter_kinds if k in _SUPPORTER_ROLES}

    concerns: list[str] = []
    if person.concern.strip():
        concerns.append(person.concern.strip())
    services = placements.get("services-suggest")
    yp_view = ""
    if services is not None:
        yp_view = extra_text(services, "yp_view")
        reason = extra_text(services, "reason").strip()
        circle = content.circle("services-suggest")
        reason_type = extra_text(services, "reason_type")
        if reason_type == "concern" or services.ring == OUTER:
            heading = (
                field_of(circle, "reason_type").label_of("concern")
                if reason_type == "concern"
                else circle.ring_label(services.ring)
            )
            concerns.append(f"{heading}: {reason}" if reason else heading)
    for kind in supporter_kinds:
        if kind in held_back:  # false supporters, unless the wording says more
            entry = supporters[kind]
            detail = (entry.what_they_do or entry.note).strip()
            title = content.supporter(kind).title
            concerns.append(f"{title}: {detail}" if detail else title)

    return NetworkEntry(
        person=person,
        circles=tuple((circle, p.ring) for circle, p in placements.items()),
        supporter_kinds=supporter_kinds,
        tree_parts=tree_parts,
        suggested_by=tuple(dict.fromkeys(suggested)),
        knows_worries=knows.ring if knows else None,
        who_will_tell=extra_text(knows, "who_will_tell").strip() if knows else "",
        roles=tuple(role for role in ROLES if role in help_types),
        lives=person.lives,
        concerns=tuple(concerns),
        discuss_before_inviting=bool(concerns) or yp_view == "disagree",
        yp_view=yp_view,
        never_met=not person.known,
        natural=not is_professional(person, content),
        group=_group(placements, {
            "supporters": bool(supporter_kinds), "tree": bool(tree_parts), "ecomap": bool(ecomaps),
            "family-tree": pid in where.in_family_tree or pid in where.found_through_tree,
            "mobility-map": pid in where.map_places,
        }),
        ecomaps=ecomaps,
        found_through_tree=pid in where.found_through_tree,
        in_family_tree=pid in where.in_family_tree,
        map_places=tuple(where.map_places.get(pid, ())),
    )


def _group(placements: dict[str, Placement], found_in: dict[str, bool]) -> str:
    """The first of GROUPS that holds them: a circle, else the first other place they are in."""
    if placements:
        return next(iter(placements))  # the dict keeps CIRCLE_IDS order
    return next((group for group, found in found_in.items() if found), "family-tree")


# -- helpers ---------------------------------------------------------------------------


def sentence(text: str) -> str:
    """End with a full stop, unless the text already ends in . ? or !"""
    text = text.strip()
    ended = text.rstrip("\"'\u201d\u2019")  # a closing quote after the stop is fine
    return text if ended.endswith((".", "?", "!")) else text + "."


def extra_text(placement: Placement | None, key: str) -> str:
    if placement is None:
        return ""
    value = placement.extras.get(key, "")
    return value if isinstance(value, str) else ""


def extra_tags(placement: Placement | None, key: str) -> tuple[str, ...]:
    if placement is None:
        return ()
    value = placement.extras.get(key, ())
    return value if isinstance(value, tuple) else ()


def field_of(circle, field_id: str):
    return next(f for f in circle.fields if f.id == field_id)

