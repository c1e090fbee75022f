"""A workbook with a unique marker in every text field, built from the model's attrs fields.

A field added to a record later gets a marker without anyone remembering to add one;
`expected` then says, from core/audience.py's table, whether each audience must see it.
"""

from __future__ import annotations

from datetime import date

import attrs

from circles_tui.core import audience
from circles_tui.core.ecomap import Ecomap, EcoLink
from circles_tui.core.family import CHILD as FAMILY_CHILD
from circles_tui.core.family import Family, FamilyLink, HeritageNote
from circles_tui.core.mobility import Stay
from circles_tui.core.model import (
    CIRCLE_FIELDS, About, Answer, Person, Placement, Supporter, TreePart, Workbook,
)

TEXT_TYPES = ("str", "tuple[str, ...]")
# A town and a name given in brackets: redaction replaces both wherever they appear.
TOWN = "Qzvtown"
BRACKET_NAME = "Qzvlee"


@attrs.frozen
class Marker:
    text: str
    field: str  # "Record.field", or "Placement.extras.<id>"
    record: str  # which record: "person p2", "supporter false p2", "placement services p3"...
    part: str = ""  # a key of audience.PARTS that decides instead of the field's rule


class Markers:
    """Hands out markers and remembers which field each one went into."""

    def __init__(self) -> None:
        self.all: list[Marker] = []

    def new(self, field: str, record: str, part: str = "") -> str:
        text = f"qzv{len(self.all):03d}m"
        self.all.append(Marker(text, field, record, part))
        return text

    def record(self, cls: type, where: str, fixed: dict, part: str = ""):
        """A `cls` with a marker in every text field not given in `fixed`."""
        values = dict(fixed)
        for field in attrs.fields(cls):
            if field.name in values or field.type not in TEXT_TYPES:
                continue
            marker = self.new(f"{cls.__name__}.{field.name}", where, part)
            values[field.name] = (marker,) if field.type == "tuple[str, ...]" else marker
        return cls(**values)


def marked_workbook() -> tuple[Workbook, list[Marker], dict[str, str]]:
    """The workbook, its markers, and the names that redaction must replace (name -> why)."""
    m = Markers()
    about = m.record(About, "about", {"age": 9, "session_dates": (date(2026, 3, 12),)})
    about = attrs.evolve(about, taking_part=(*about.taking_part, f"Dad ({BRACKET_NAME})"))
    people = [
        m.record(Person, f"person {pid}", {"id": pid, "lives": f"{TOWN}, Poland", "kind": "person",
                                           "gender": "female", **({} if pid == "p3" else {"died": ""})})
        for pid in ("p1", "p2", "p3")
    ]
    people[2] = attrs.evolve(people[2], living=False)  # p3 has died: `died` carries a marker
    # Each person's note names the next person, so names inside free text are covered too.
    people = [
        attrs.evolve(p, note=f"{p.note} with {people[(i + 1) % 3].name} of {TOWN}")
        for i, p in enumerate(people)
    ]
    circles = {}
    for circle, fields in CIRCLE_FIELDS.items():
        placements = []
        for pid, ring in (("p1", 1), ("p2", 2)) + ((("p3", 3),) if circle == "services-suggest" else ()):
            worry = circle == "services-suggest" and pid != "p1"
            where = f"placement {circle} {pid}"
            extras = {}
            for field in fields:
                if field.kind == "text":
                    part = audience.WORRY_REASON if worry and field.id == "reason" else ""
                    extras[field.id] = m.new(f"Placement.extras.{field.id}", where, part)
                elif field.kind == "choice":
                    extras[field.id] = "concern" if worry and field.id == "reason_type" else field.choices[0]
                else:
                    extras[field.id] = field.choices[:2]
            placements.append(m.record(
                Placement, where, {"person": pid, "ring": ring, "named_by": "child", "extras": extras}
            ))
        circles[circle] = tuple(placements)
    supporters = {
        kind: (m.record(Supporter, f"supporter {kind} p2", {"person": "p2"},
                        audience.PRIVATE_KINDS if kind == "false" else ""),)
        for kind in ("emotional", "practical", "fair-weather", "false")
    }

    def part(where: str) -> TreePart:
        answers = (m.record(Answer, f"{where} answer", {}),)
        return m.record(TreePart, where, {"answers": answers, "people": ("p1",)})

    tree = {name: part(f"tree {name}") for name in ("roots", "leaves", "seeds")}

    def link(pid: str, hidden: bool) -> EcoLink:
        fixed = {"person": pid, "distance": 2, "clock": 3, "qualities": ("stressful",),
                 "flow": "both", "between": "", "practitioner_only": hidden}
        return m.record(EcoLink, f"ecomap link {pid}", fixed,
                        audience.PRIVATE_LINKS if hidden else "")

    ecomap = Ecomap("child-map", "child", date(2026, 3, 12), "island",
                    links=(link("p1", False), link("p3", True)))

    links = (m.record(FamilyLink, "link p1 child", {"kind": "parent", "a": "p1", "b": FAMILY_CHILD}),
             m.record(FamilyLink, "link p1 p2", {"kind": "divorced", "a": "p1", "b": "p2"}))
    heritage = (m.record(HeritageNote, "heritage p2", {"person": "p2", "aspect": "culture"}),)
    family = m.record(Family, "family", {"links": links, "heritage": heritage, "household": ("p1",)})
    stays = (m.record(Stay, "stay s1", {"id": "s1", "kind": "lived", "people": ("p2",)}),)
    workbook = Workbook(about, tuple(people), circles, supporters, tree, part("storms"),
                        family=family, ecomaps=(ecomap,), mobility=stays)
    names = {p.name: "a person's name" for p in people}
    names |= {about.child: "the child", about.practitioner: "the practitioner",
              about.organisation: "the organisation", TOWN: "a town", BRACKET_NAME: "in brackets"}
    return workbook, m.all, names


def expected(marker: Marker, who: audience.Audience) -> bool:
    """Whether `who` must see `marker` (as it is: free text keeps words that are no names)."""
    if marker.part:
        rule = audience.PARTS[marker.part][1]
    elif marker.field.startswith("Placement.extras."):
        rule = audience.FREE_TEXT  # a text answer: free text, unless its part says otherwise
    else:
        rule = audience.FIELDS[marker.field]
    treatment = rule.of(who)
    return treatment == audience.SHOWN or (treatment == audience.CHANGED and rule.change == "scrub")
