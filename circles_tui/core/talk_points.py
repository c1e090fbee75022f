"""What is worth a conversation, and what the network seems to lack: plain sentences for the
Summary step and the exports, built from the workbook and the wording (no Textual here).
A circle is named in a sentence by its short name ("Services suggest"), as DOMAIN.md asks.

Each audience gets these from its own view of the workbook (see core/audience.py), so
nothing an audience does not see can show through a sentence.
"""

from __future__ import annotations

from circles_tui.core.audience import private_kinds
from circles_tui.core.family_tree import blanks_gap
from circles_tui.core.model import CIRCLE_IDS, SUPPORTER_KINDS, Workbook
from circles_tui.core.proposed_network import (
    MIDDLE, NEAREST, OUTER, extra_tags, extra_text, field_of, sentence,
)
from circles_tui.core.wording import Wording

# The child's own circles: the ones filled with the family, not suggested by services.
CHILD_CIRCLES: tuple[str, ...] = ("who-matters", "trusted-adults", "who-knows", "who-could-help")
# The circles of people the child holds close and would turn to.
CLOSE_CIRCLES: tuple[str, ...] = ("who-matters", "trusted-adults")


def disagreements(
    workbook: Workbook, content: Wording, include_private: bool = True,
) -> tuple[str, ...]:
    """Plain sentences about views that differ or things that do not fit: items for
    supervision or a conversation ("Worth a conversation").

    With `include_private` false, the sentences that tell of a practitioner-only concern
    are left out (false supporters stay: callers drop them when the child did not agree
    to share them).
    """
    child = workbook.about.child
    names = {p.id: p.name for p in workbook.people}
    services = content.circle("services-suggest")
    suggested = {p.person: p for p in workbook.circles["services-suggest"]}
    held_back = {  # person -> the private supporter kind they are in
        s.person: kind for kind in sorted(private_kinds(content), reverse=True)
        for s in workbook.supporters[kind]
    }
    knows = {p.person: p for p in workbook.circles["who-knows"]}
    found: list[str] = []

    # The child holds someone close whom Children's Services want to talk about, or the
    # other way round.
    for circle_id in CLOSE_CIRCLES:
        circle = content.circle(circle_id)
        for placement in workbook.circles[circle_id]:
            theirs = suggested.get(placement.person)
            if theirs is None or placement.named_by not in ("", "child"):
                continue
            name = names[placement.person]
            if placement.ring == NEAREST and theirs.ring == OUTER:
                found.append(sentence(
                    f"{child} puts {name} in '{circle.ring_label(NEAREST)}' in {circle.short}, "
                    f"but in {services.short} they are at '{services.ring_label(OUTER)}'"
                ))
            elif placement.ring == OUTER and theirs.ring == NEAREST and circle_id == "trusted-adults":
                found.append(sentence(
                    f"In {services.short}, {name} is at '{services.ring_label(NEAREST)}', "
                    f"but in {circle.short} {child} puts them at '{circle.ring_label(OUTER)}'"
                ))

    # A false supporter (a kind the wording keeps private) anywhere in the circles the
    # child holds close, or at the centre of another circle.
    for circle_id in CIRCLE_IDS:
        if circle_id == "who-knows":  # knowing the worries is not closeness
            continue
        circle = content.circle(circle_id)
        for placement in workbook.circles[circle_id]:
            close = circle_id in CLOSE_CIRCLES or placement.ring == NEAREST
            if placement.person in held_back and close:
                kind = content.supporter(held_back[placement.person]).title
                found.append(sentence(
                    f"{names[placement.person]} is among {kind}, but is in "
                    f"'{circle.ring_label(placement.ring)}' in {circle.short}"
                ))

    # The young person is unsure about, or does not want, someone services suggest.
    view_field = field_of(services, "yp_view")
    for placement in workbook.circles["services-suggest"]:
        view = extra_text(placement, "yp_view")
        if view not in ("disagree", "unsure"):
            continue
        words = extra_text(placement, "yp_words").strip()
        said = f' ("{words}")' if words else ""
        found.append(sentence(
            f"{names[placement.person]} is at '{services.ring_label(placement.ring)}' in "
            f"{services.short}, and '{view_field.label}' is '{view_field.label_of(view)}'{said}"
        ))

    # Someone the child would go to straight away who does not know the worries.
    trusted = content.circle("trusted-adults")
    who_knows = content.circle("who-knows")
    for placement in workbook.circles["trusted-adults"]:
        known = knows.get(placement.person)
        if placement.ring == NEAREST and known is not None and known.ring == OUTER:
            found.append(sentence(
                f"{child} would go to {names[placement.person]} "
                f"'{trusted.ring_label(NEAREST)}' ({trusted.short}), but they are at "
                f"'{who_knows.ring_label(OUTER)}' in {who_knows.short}"
            ))

    in_child_circles = {p.person for c in CHILD_CIRCLES for p in workbook.circles[c]}
    in_any_circle = in_child_circles | set(suggested)
    supporting = {s.person for kind in SUPPORTER_KINDS for s in workbook.supporters[kind]}

    # Services suggest someone the child has put in none of their own circles.
    for placement in workbook.circles["services-suggest"]:
        if placement.person not in in_child_circles:
            found.append(sentence(
                f"{names[placement.person]} is in {services.short}, but in none of "
                f"{child}'s own circles"
            ))

    # Someone who knows the worries well but is in no supporter circle.
    for placement in workbook.circles["who-knows"]:
        if placement.ring == NEAREST and placement.person not in supporting:
            found.append(sentence(
                f"{names[placement.person]} is at '{who_knows.ring_label(NEAREST)}' in "
                f"{who_knows.short}, but is in none of the supporter circles"
            ))

    # A supporter who is in none of the circles.
    for kind in SUPPORTER_KINDS:
        if kind == "false":  # not a supporter: being in no circle is as it should be
            continue
        title = content.supporter(kind).title
        for entry in dict.fromkeys(s.person for s in workbook.supporters[kind]):
            if entry not in in_any_circle:
                found.append(sentence(f"{names[entry]} is among {title}, but is in none of the circles"))

    if include_private:
        found += _concerns_held_close(workbook, content, names)
    return tuple(found)


def _concerns_held_close(workbook: Workbook, content: Wording, names: dict[str, str]) -> list[str]:
    """Someone with a practitioner-only concern in a circle the child holds close."""
    worried = {p.id for p in workbook.people if p.concern.strip()}
    worried |= {
        p.person for p in workbook.circles["services-suggest"]
        if extra_text(p, "reason_type") == "concern"
    }
    found = []
    for circle_id in CLOSE_CIRCLES:
        circle = content.circle(circle_id)
        for placement in workbook.circles[circle_id]:
            if placement.person in worried:
                found.append(sentence(
                    f"{names[placement.person]} has a concern noted (practitioner only), but is "
                    f"in '{circle.ring_label(placement.ring)}' in {circle.short}"
                ))
    return found


# -- gaps ------------------------------------------------------------------------------


def gaps(workbook: Workbook, content: Wording) -> tuple[str, ...]:
    """Plain sentences about what the network seems to lack, or what is not done yet."""
    names = {p.id: p.name for p in workbook.people}
    found: list[str] = []
    for circle_id in CIRCLE_IDS:
        if not workbook.circles[circle_id]:
            found.append(sentence(f"{content.circle(circle_id).short} has not been started"))

    trusted = content.circle("trusted-adults")
    placed = workbook.circles["trusted-adults"]
    if placed:
        if not any(p.ring == NEAREST for p in placed):
            found.append(sentence(
                f"Nobody is at '{trusted.ring_label(NEAREST)}' in {trusted.short}"
            ))
        reachable = field_of(trusted, "reachable")
        if not any("weekends" in extra_tags(p, "reachable") for p in placed):
            found.append(sentence(
                f"Nobody in {trusted.short} has '{reachable.label_of('weekends')}' "
                f"under '{reachable.label}'"
            ))

    who_knows = content.circle("who-knows")
    knowing = workbook.circles["who-knows"]
    if knowing:
        if not any(p.ring in (NEAREST, MIDDLE) for p in knowing):
            found.append(sentence(
                f"Nobody in {who_knows.short} is at '{who_knows.ring_label(NEAREST)}' or "
                f"'{who_knows.ring_label(MIDDLE)}'"
            ))
        tell_more = field_of(who_knows, "tell_more")
        will_tell = field_of(who_knows, "who_will_tell")
        for p in knowing:
            if extra_text(p, "tell_more") == "yes" and not extra_text(p, "who_will_tell").strip():
                found.append(sentence(
                    f"{names[p.person]} has '{tell_more.label_of('yes')}' under "
                    f"'{tell_more.label}' but nothing under '{will_tell.label}'"
                ))

    for kind in ("emotional", "practical"):
        if not workbook.supporters[kind]:
            found.append(sentence(f"Nobody is in {content.supporter(kind).title} yet"))

    services = content.circle("services-suggest")
    reason, view = field_of(services, "reason"), field_of(services, "yp_view")
    for p in workbook.circles["services-suggest"]:
        if not extra_text(p, "reason").strip():
            found.append(sentence(
                f"{names[p.person]} is in {services.short} with nothing under '{reason.label}'"
            ))
        if not extra_text(p, "yp_view"):
            found.append(sentence(
                f"{names[p.person]} is in {services.short} with nothing under '{view.label}'"
            ))
    found += [sentence(s) for s in blanks_gap(workbook, content.family.title,
                                              content.family.blank_words)]
    return tuple(found)
