"""The proposed network list as a section of the exported document: a table for each side
(family and friends, professionals, groups and services), then what is worth a
conversation and the gaps.

The workbook given is the audience's view; the concerns column (practitioner-only) is
built only for an audience that sees it. Each place someone can appear is worded once for
the whole list, not once for each of its thousands of rows. No Textual or Rich here.
"""

from __future__ import annotations

from circles_tui.core import audience
from circles_tui.core.ecomap_words import dated_title
from circles_tui.core.model import CIRCLE_IDS, SUPPORTER_KINDS, TREE_PARTS, Workbook
from circles_tui.core.proposed_network import (
    FOUND_THROUGH_TREE, HOLD_TITLE, NEVER_MET, SIDES, NetworkEntry, contact_hold,
    proposed_network,
)
from circles_tui.core.talk_points import disagreements, gaps
from circles_tui.core.wording import Wording
from circles_tui.export.document import (
    LABELS, NOBODY, PRIVATE, Block, Heading, Item, Items, Para, Section, Table, join,
)

NETWORK = "Proposed network list"
NETWORK_NOTE = (
    "Everyone living placed anywhere in this workbook, family and friends apart from "
    "professionals, grouped by where they were first named: nobody is ranked. It is a "
    "starting point for planning who to invite; it does not decide who is invited."
)
DISAGREEMENTS = "Worth a conversation"
GAPS = "Gaps"
NONE_FOUND = "None found."


def network_section(workbook: Workbook, content: Wording, who: audience.Audience) -> Section:
    private = audience.sees(who, audience.NETWORK_CONCERNS)
    rows = _Rows(workbook, content, private)
    by_side: dict[str, list[tuple[str, ...]]] = {side: [] for side in SIDES}
    for entry in proposed_network(workbook, content):
        by_side[entry.side].append(rows.row(entry))
    blocks: list[Block] = [Para(content.heading("network_note", NETWORK_NOTE))]
    if not any(by_side.values()):
        blocks.append(Para(NOBODY))
    for side in SIDES:  # family and friends apart from professionals, groups and services
        if by_side[side]:
            blocks += [Heading(3, side), Table(rows.headers, tuple(by_side[side]))]
    # The audience's view: nothing it leaves out, and no practitioner-only talk points.
    found = disagreements(workbook, content, include_private=private)
    blocks.append(Heading(3, content.heading("worth_talking", DISAGREEMENTS)))
    blocks.append(Items(tuple(Item("", s) for s in found)) if found else Para(NONE_FOUND))
    holes = gaps(workbook, content)
    blocks.append(Heading(3, content.heading("gaps", GAPS)))
    blocks.append(Items(tuple(Item("", s) for s in holes)) if holes else Para(NONE_FOUND))
    return Section("network", content.heading("network", NETWORK), tuple(blocks))


class _Rows:
    """The table's headers, and a row for each entry, in the wording given."""

    def __init__(self, workbook: Workbook, content: Wording, private: bool) -> None:
        self.content, self.private = content, private
        self.who_knows = content.circle("who-knows")
        could_help = content.circle("who-could-help")
        services = content.circle("services-suggest")
        self.help_field = next(f for f in could_help.fields if f.id == "help_types")
        self.tell_field = next(f for f in self.who_knows.fields if f.id == "who_will_tell")
        self.view_field = next(f for f in services.fields if f.id == "yp_view")
        headers = [
            LABELS["name"], content.heading("appears", LABELS["appears"]),
            content.heading("suggested_by", LABELS["suggested"]), self.who_knows.short,
            self.help_field.label, self.view_field.label,
        ]
        if private:
            headers.append(f"{LABELS['concerns']} ({PRIVATE})")
        self.headers = tuple(headers)
        circles = [content.circle(c) for c in CIRCLE_IDS]
        self.in_ring = {(c.id, ring): f"{c.short}: {label}"
                        for c in circles for ring, label in enumerate(c.rings, start=1)}
        self.kinds = {k: content.supporter(k).title for k in SUPPORTER_KINDS}
        self.parts = {t: content.tree_part(t).title for t in (*TREE_PARTS, "storms")}
        self.ecomaps = {e.id: dated_title(e, workbook, content.ecomap) for e in workbook.ecomaps}

    def row(self, entry: NetworkEntry) -> tuple[str, ...]:
        person, content = entry.person, self.content
        appears = [self.in_ring[place] for place in entry.circles]
        appears += [self.kinds[k] for k in entry.supporter_kinds]
        appears += [self.parts[t] for t in entry.tree_parts]
        appears += [self.ecomaps[e] for e in dict.fromkeys(entry.ecomaps)]
        appears += [content.family.title] if entry.in_family_tree else []
        appears += [f"{content.mobility.short}: {place}" for place in entry.map_places]
        knows = [self.who_knows.ring_label(entry.knows_worries) if entry.knows_worries else ""]
        if entry.who_will_tell:
            knows.append(f"{self.tell_field.label}: {entry.who_will_tell}")
        never_met = NEVER_MET if entry.never_met else ""
        found = FOUND_THROUGH_TREE if entry.found_through_tree else ""
        row = [
            join([person.name, person.relationship, entry.lives, never_met, found], "\n"),
            "\n".join(appears),
            "\n".join([content.named_by.get(s, s) for s in entry.suggested_by]),
            join(knows, "\n"),
            "\n".join([self.help_field.label_of(r) for r in entry.roles]),
            self.view_field.label_of(entry.yp_view) if entry.yp_view else "",
        ]
        if self.private:
            flag = [LABELS["discuss"]] if entry.discuss_before_inviting else []
            if person.on_hold:
                flag.append(f"{HOLD_TITLE}: {contact_hold(person)}")
            row.append("\n".join(flag + list(entry.concerns)))
        return tuple(row)
