"""An ecomap as SVG, after Ann Hartman's conventions, with a key and the date always.

The one in the middle (the child, a parent, or the household with its members) sits
in a centre drawn plain, as an island, a planet or a pitch; everyone linked sits round
it, nearer or further (`distance`) and at their hour (`clock`). A link is drawn by its
quality: strong solid and thicker, ordinary solid, tenuous dashed, stressful crossed by
hatch marks (and red); a link that varies is two lines side by side. Arrowheads show
which way support flows. The line style, never the colour alone, carries the meaning.

Text from the workbook is escaped with `svg.esc`; the workbook given is the audience's
view already, so practitioner-only links are not in it unless the practitioner reads it.
No ids or references are used, so any number of ecomaps can share one HTML page.
"""

from __future__ import annotations

import math

from circles_tui.core.ecomap import FROM_CHILD, LINK_QUALITIES, Ecomap, EcoLink
from circles_tui.core.ecomap_words import centre_name, ecomap_title, long_date
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.svg import INK, _open, _text, short

RADII = (170, 240, 310, 380)  # how near: 1 nearest .. 4 furthest (clear of a household)
WIDTH = 2 * (RADII[-1] + 85)  # room for the longest name at 3 or 9 o'clock
CX = WIDTH / 2
CY = 110 + RADII[-1]
STRESS = "#9b2b25"
# How each quality is drawn: stroke width, dash pattern ("" for solid), colour, hatched.
STYLES: dict[str, tuple[float, str, str, bool]] = {
    "strong": (5.0, "", INK, False),
    "ordinary": (2.0, "", INK, False),
    "tenuous": (2.0, "8 6", INK, False),
    "stressful": (2.0, "", STRESS, True),
}
CENTRE_LOOKS = {  # fill, outline, for each way of drawing the middle
    "plain": ("#ffffff", INK),
    "island": ("#f3e3b5", "#8a6d1f"),
    "planet": ("#d8cff0", "#4b3b8c"),
    "pitch": ("#cfe8c4", "#2e6b3a"),
}


def ecomap_svg(workbook: Workbook, content: Wording, ecomap_id: str) -> str:
    """One ecomap as an `<svg>` element (for a page, or a file of its own)."""
    ecomap = next((e for e in workbook.ecomaps if e.id == ecomap_id), None)
    if ecomap is None:
        from circles_tui.export import ExportError

        raise ExportError(f"there is no ecomap {ecomap_id!r} in this workbook.")
    words = content.ecomap
    title = ecomap_title(ecomap, workbook, words)
    names = {p.id: p.name for p in workbook.people}
    names[FROM_CHILD] = workbook.about.child
    kinds = {p.id: p.kind for p in workbook.people}
    centre_r = 112 if ecomap.is_whole_family else 62
    key_top = CY + RADII[-1] + 50
    height = key_top + 24 * (len(LINK_QUALITIES) + 3) + 20
    out = [_open(WIDTH, height, title)]
    out.append(_text(CX, 34, short(title, 70), size=20, weight="bold", halo=None))
    when = long_date(ecomap.made_on) if ecomap.made_on else words.undated
    out.append(_text(CX, 58, f"{words.made_on}: {when}", size=14, halo=None))
    out += _centre(ecomap.centre, centre_r)
    members = _member_spots(ecomap, centre_r)
    if not ecomap.is_whole_family:
        out.append(_text(CX, CY + 5, short(centre_name(ecomap, workbook), 16), size=15,
                         weight="bold"))
    spots = {**_outer_spots(ecomap), **members}
    boxes = {pid: _box(names.get(pid, pid), 12 if pid in members else 18) for pid in spots}
    for link in ecomap.links:
        if link.between:  # from the child or a household member
            start, start_box = spots[link.between], boxes[link.between]
        else:
            start, start_box = (CX, CY), (centre_r, centre_r)
        out += _link_lines(link, start, start_box, spots[link.person], boxes[link.person],
                           round_start=not link.between)
    for pid, (x, y) in spots.items():
        kind = "person" if pid in members else kinds.get(pid, "person")
        out += _node(x, y, short(names.get(pid, pid), 12 if pid in members else 18), kind,
                     boxes[pid])
    out += _key(key_top, content)
    out.append("</svg>")
    return "".join(out)


# -- the middle ---------------------------------------------------------------------------------


def _centre(centre: str, radius: float) -> list[str]:
    fill, line = CENTRE_LOOKS.get(centre, CENTRE_LOOKS["plain"])
    out = []
    if centre == "island":  # the sea round the island
        out.append(f'<circle cx="{CX}" cy="{CY}" r="{radius + 14}" fill="#cfe6f5" '
                   f'stroke="#3f7fae" stroke-width="1.5" stroke-dasharray="3 5"/>')
    if centre == "planet":  # a few stars, and the planet's ring
        for x, y in ((CX - 230, CY - 350), (CX + 260, CY - 320), (CX - 330, CY + 210),
                     (CX + 340, CY + 160), (CX + 60, CY + 390)):
            out.append(f'<path d="M{x} {y - 7} L{x + 2} {y - 2} L{x + 7} {y} L{x + 2} {y + 2} '
                       f'L{x} {y + 7} L{x - 2} {y + 2} L{x - 7} {y} L{x - 2} {y - 2} Z" '
                       f'fill="#c9a227"/>')
    if centre == "pitch":
        w, h = radius * 2.3, radius * 1.6
        out.append(f'<rect x="{CX - w / 2:.1f}" y="{CY - h / 2:.1f}" width="{w:.1f}" '
                   f'height="{h:.1f}" rx="6" fill="{fill}" stroke="{line}" stroke-width="2"/>')
        out.append(f'<line x1="{CX}" y1="{CY - h / 2:.1f}" x2="{CX}" y2="{CY + h / 2:.1f}" '
                   f'stroke="#ffffff" stroke-width="2"/>')
        out.append(f'<circle cx="{CX}" cy="{CY}" r="{radius * 0.35:.1f}" fill="none" '
                   f'stroke="#ffffff" stroke-width="2"/>')
        return out
    out.append(f'<circle cx="{CX}" cy="{CY}" r="{radius}" fill="{fill}" stroke="{line}" '
               f'stroke-width="2"/>')
    if centre == "planet":
        out.append(f'<ellipse cx="{CX}" cy="{CY}" rx="{radius * 1.35:.1f}" '
                   f'ry="{radius * 0.3:.1f}" fill="none" stroke="{line}" stroke-width="1.5"/>')
    return out


def _member_spots(ecomap: Ecomap, radius: float) -> dict[str, tuple[float, float]]:
    """Where the child and each household member sit inside a whole-family centre."""
    if not ecomap.is_whole_family:
        return {}
    who = [FROM_CHILD, *ecomap.household]
    inner = 0 if len(who) == 1 else radius * 0.55
    angles = [math.radians(180 + 360 * index / len(who)) for index in range(len(who))]
    return {member: (CX + inner * math.cos(angle), CY + inner * math.sin(angle) * 0.8)
            for member, angle in zip(who, angles, strict=True)}


# -- around it -------------------------------------------------------------------------------


def _outer_spots(ecomap: Ecomap) -> dict[str, tuple[float, float]]:
    """Where each linked person sits: their hour and nearness, nudged apart when two share
    a place (several members may link to one outside person: they share one spot)."""
    spots: dict[str, tuple[float, float]] = {}
    taken: dict[tuple[int, int], int] = {}
    household = set(ecomap.household)
    for link in ecomap.links:
        if link.person in spots or link.person in household:
            continue
        place = (link.distance, link.clock)
        nudge = taken.get(place, 0)
        taken[place] = nudge + 1
        angle = math.radians(link.clock * 30 - 90 + 11 * ((nudge + 1) // 2) * (-1) ** nudge)
        radius = RADII[link.distance - 1]
        spots[link.person] = (CX + radius * math.cos(angle), CY + radius * math.sin(angle))
    return spots


def _box(name: str, limit: int) -> tuple[float, float]:
    """Half the width and height of a name's shape."""
    return (len(short(name, limit)) * 3.7 + 12, 15.0)


def _edge(box: tuple[float, float], ux: float, uy: float) -> float:
    """How far from a shape's middle its edge is, going in direction (ux, uy)."""
    hw, hh = box
    return min(hw / abs(ux) if ux else math.inf, hh / abs(uy) if uy else math.inf) + 3


def _node(x: float, y: float, name: str, kind: str, box: tuple[float, float]) -> list[str]:
    """A name in its shape."""
    return [_shape(x, y, kind, box), _text(x, y + 4.5, name, size=13, halo=None)]


def _shape(x: float, y: float, kind: str, box: tuple[float, float]) -> str:
    """A person round, a group rounded, a service square, a place with a roof."""
    hw, hh = box
    if kind == "person":
        shape = (f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{hw:.1f}" ry="{hh:.1f}" '
                 f'fill="#ffffff" stroke="{INK}" stroke-width="1.5"/>')
    elif kind == "place":
        shape = (f'<path d="M{x - hw:.1f} {y + hh:.1f} L{x - hw:.1f} {y - hh + 6:.1f} '
                 f'L{x:.1f} {y - hh - 6:.1f} L{x + hw:.1f} {y - hh + 6:.1f} '
                 f'L{x + hw:.1f} {y + hh:.1f} Z" fill="#ffffff" stroke="{INK}" stroke-width="1.5"/>')
    else:
        corner = 10 if kind == "group" else 0
        shape = (f'<rect x="{x - hw:.1f}" y="{y - hh:.1f}" width="{2 * hw:.1f}" '
                 f'height="{2 * hh:.1f}" rx="{corner}" fill="#ffffff" stroke="{INK}" '
                 f'stroke-width="1.5"/>')
    return shape


# -- the lines --------------------------------------------------------------------------------


def _link_lines(link: EcoLink, start: tuple[float, float], start_box: tuple[float, float],
                end: tuple[float, float], end_box: tuple[float, float],
                round_start: bool) -> list[str]:
    """A link's line (two for two qualities) from the edge of one shape to the edge of the
    other (the centre is round), with its arrowheads."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    start_gap = start_box[0] if round_start else _edge(start_box, ux, uy)
    end_gap = _edge(end_box, ux, uy)
    a = (x1 + ux * start_gap, y1 + uy * start_gap)
    b = (x2 - ux * end_gap, y2 - uy * end_gap)
    out = []
    count = len(link.qualities)
    for index, quality in enumerate(link.qualities):
        shift = 0.0 if count == 1 else (index - 0.5) * 8  # two qualities: side by side
        px, py = -uy * shift, ux * shift
        out += _quality_line(quality, (a[0] + px, a[1] + py), (b[0] + px, b[1] + py))
    if link.flow in ("to-centre", "both"):  # towards where the link starts
        out.append(_arrowhead(a, b))
    if link.flow in ("from-centre", "both"):
        out.append(_arrowhead(b, a))
    return out


def _quality_line(quality: str, a: tuple[float, float], b: tuple[float, float]) -> list[str]:
    width, dash, colour, hatched = STYLES[quality]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    out = [f'<line class="link {quality}" x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" '
           f'y2="{b[1]:.1f}" stroke="{colour}" stroke-width="{width}"{dashes} '
           f'stroke-linecap="round"/>']
    if hatched:
        out.append(_hatches(a, b, colour))
    return out


def _hatches(a: tuple[float, float], b: tuple[float, float], colour: str) -> str:
    """Short marks across a stressful line, every 12 units, as one path."""
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    marks = []
    for step in range(1, int(length // 12)):
        mx, my = a[0] + ux * step * 12, a[1] + uy * step * 12
        marks.append(f"M{mx - uy * 6 - ux * 3:.1f} {my + ux * 6 - uy * 3:.1f} "
                     f"L{mx + uy * 6 + ux * 3:.1f} {my - ux * 6 + uy * 3:.1f}")
    return (f'<path class="hatch" d="{" ".join(marks)}" stroke="{colour}" stroke-width="2" '
            f'fill="none"/>')


def _arrowhead(tip: tuple[float, float], tail: tuple[float, float]) -> str:
    """A filled arrowhead at `tip`, pointing away from `tail`."""
    length = math.hypot(tip[0] - tail[0], tip[1] - tail[1]) or 1.0
    ux, uy = (tip[0] - tail[0]) / length, (tip[1] - tail[1]) / length
    bx, by = tip[0] - ux * 13, tip[1] - uy * 13
    return (f'<path class="arrow" d="M{tip[0]:.1f} {tip[1]:.1f} L{bx - uy * 6:.1f} '
            f'{by + ux * 6:.1f} L{bx + uy * 6:.1f} {by - ux * 6:.1f} Z" fill="{INK}"/>')


# -- the key ----------------------------------------------------------------------------------


def _key(top: float, content: Wording) -> list[str]:
    words = content.ecomap
    out = [_text(40, top, words.key_title, size=16, anchor="start", weight="bold", halo=None)]
    for index, quality in enumerate(LINK_QUALITIES):
        y = top + 26 + index * 24
        out += _quality_line(quality, (44, y - 4), (124, y - 4))
        out.append(_text(140, y, words.qualities[quality], size=14, anchor="start", halo=None))
    y = top + 26 + len(LINK_QUALITIES) * 24
    out.append(f'<line x1="44" y1="{y - 4}" x2="124" y2="{y - 4}" stroke="{INK}" '
               f'stroke-width="2"/>')
    out.append(_arrowhead((124, y - 4), (44, y - 4)))
    out.append(_text(140, y, words.flow_key, size=14, anchor="start", halo=None))
    y += 28
    x = 44.0
    for kind, label in words.kinds.items():
        label = label.split(" (")[0]  # "A group (a school...)": the shape needs no examples
        out.append(_shape(x + 14, y - 4, kind, (14.0, 9.0)))
        out.append(_text(x + 34, y, label, size=14, anchor="start", halo=None))
        x += 44 + len(label) * 7.5
    return out
