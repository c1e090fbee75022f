"""The wording as the child reads it: every title, heading, label and choice the wording
file gives child words for, in place of the practitioner's.

Who reads these words is `core.audience`'s rule (`reads_child_words`, `wording_for`);
this module only makes them. Each worksheet's own words say what their child form is
(`EcomapText.for_child`, `FamilyText.for_child`). No Textual or Rich here.
"""

from __future__ import annotations

import attrs

from circles_tui.core.wording import CircleText, FieldText, Wording

# id(wording) -> (the wording, its child form): made once for each wording, as every
# step asks for it on every redraw in child view.
_MADE: dict[int, tuple[Wording, Wording]] = {}


def child_wording(wording: Wording) -> Wording:
    """`wording` with the child's words wherever the wording file gives them."""
    made = _MADE.get(id(wording))
    if made is None or made[0] is not wording:
        made = (wording, _made_for_child(wording))
        _MADE[id(wording)] = made
    return made[1]


def _made_for_child(wording: Wording) -> Wording:
    def field(text: FieldText) -> FieldText:
        return attrs.evolve(
            text,
            label=text.child_label or text.label,
            choices={**text.choices, **text.child_choices},
        )

    def circle(text: CircleText) -> CircleText:
        return attrs.evolve(
            text,
            title=text.child_title or text.title,
            short=text.child_short or text.short,
            fields=tuple(field(f) for f in text.fields),
        )

    return attrs.evolve(
        wording,
        named_by={**wording.named_by, **wording.child_named_by},
        circles=tuple(circle(c) for c in wording.circles),
        headings=dict(wording.child_headings),
        ecomap=wording.ecomap.for_child(),
        family=wording.family.for_child(),
    )
