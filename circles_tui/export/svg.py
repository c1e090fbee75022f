"""Pictures as SVG: a safety circle, and the Tree of Life.

`circle_svg` and `tree_svg` return one `<svg>` element that works both inside an
HTML page and as a file of its own (`standalone`). Every text from the workbook is
escaped with `esc`, which suits both XML and HTML. Colours are fixed tints chosen
from the circle's colour name in the content; an unknown name falls back to grey,
and the colour is never the only sign of a ring: each ring carries its number and
the key beneath the picture names it.
"""

from __future__ import annotations

import math
import textwrap

from circles_tui.core.text import for_markup
from circles_tui.core.wording import Wording
from circles_tui.export.document import TREE, clean
from circles_tui.core.model import RING_COUNT, TREE_PARTS, Workbook

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "font-family=\"'Segoe UI', Arial, Helvetica, sans-serif\""
INK = "#1d1d1b"

# Ring fills from the centre outwards, and the line colour, for each content colour.
PALETTES: dict[str, tuple[tuple[str, str, str], str]] = {
    "green": (("#b9dfc3", "#d6eddc", "#eef7f0"), "#2e6b3a"),
    "purple": (("#d3c3ea", "#e3d8f2", "#f3eefa"), "#5b3a8c"),
    "amber": (("#f9dc8c", "#fbe8b4", "#fdf5dc"), "#8a5a00"),
    "orange": (("#f8c49b", "#fbd9be", "#fdeee2"), "#a8430f"),
    "blue": (("#bcd3f0", "#d5e4f6", "#edf3fb"), "#1f4f8f"),
    "red": (("#f2b8b5", "#f7d2d0", "#fcecea"), "#9b2b25"),
    "grey": (("#d4d4d4", "#e4e4e4", "#f4f4f4"), "#4a4a4a"),
}


# Text safe inside XML or HTML elements and attributes.
esc = for_markup


def short(text: str, limit: int = 24) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _open(width: int, height: int, label: str) -> str:
    return (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{esc(label)}" {FONT}>'
        f"<title>{esc(label)}</title>"
    )


def _text(x: float, y: float, text: str, size: int = 13, anchor: str = "middle",
          weight: str = "normal", halo: str | None = "#ffffff") -> str:
    outline = (
        f' stroke="{halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
        if halo else ""
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{INK}"{outline}>{esc(text)}</text>'
    )


# -- a safety circle -------------------------------------------------------------------

CIRCLE_WIDTH = 680
CENTRE = (340, 372)
RADII = (58, 135, 215, 300)  # the child's disc, then the outer edge of rings 1, 2 and 3


def circle_svg(workbook: Workbook, content: Wording, circle_id: str) -> str:
    """One safety circle: three rings around the child, names in their ring, and a key."""
    circle = content.circle(circle_id)
    fills, line = PALETTES.get(circle.colour.strip().lower(), PALETTES["grey"])
    names = {p.id: p.name for p in workbook.people}
    placements = workbook.circles[circle_id]
    cx, cy = CENTRE
    key_top = cy + RADII[-1] + 30
    height = key_top + 26 * RING_COUNT + 10
    out = [_open(CIRCLE_WIDTH, height, f"{circle.title}: {workbook.about.child}")]
    out.append(_text(cx, 34, short(circle.title, 60), size=20, weight="bold", halo=None))
    for ring in range(RING_COUNT, 0, -1):
        out.append(
            f'<circle cx="{cx}" cy="{cy}" r="{RADII[ring]}" fill="{fills[ring - 1]}" '
            f'stroke="{line}" stroke-width="2"/>'
        )
    out.append(
        f'<circle cx="{cx}" cy="{cy}" r="{RADII[0]}" fill="#ffffff" stroke="{line}" stroke-width="2"/>'
    )
    out.append(_text(cx, cy + 5, short(workbook.about.child, 14), size=15, weight="bold", halo=None))

    for ring in range(1, RING_COUNT + 1):
        inner, outer = RADII[ring - 1], RADII[ring]
        mid = (inner + outer) / 2
        # The ring's number sits at the top of its band; the key says what it means.
        out.append(
            f'<rect x="{cx - 11}" y="{cy - mid - 11}" width="22" height="22" rx="11" '
            f'fill="#ffffff" stroke="{line}" stroke-width="1.5"/>'
        )
        out.append(_text(cx, cy - mid + 5, str(ring), size=13, weight="bold", halo=None))
        here = [names[p.person] for p in placements if p.ring == ring]
        out += _ring_names(here, mid, outer - inner)

    for index, ring in enumerate(range(1, RING_COUNT + 1)):
        y = key_top + index * 26
        count = sum(1 for p in placements if p.ring == ring)
        out.append(
            f'<rect x="40" y="{y - 14}" width="20" height="20" fill="{fills[ring - 1]}" '
            f'stroke="{line}" stroke-width="1.5"/>'
        )
        out.append(_text(50, y + 1, str(ring), size=12, weight="bold", halo=None))
        out.append(_text(72, y + 1, f"{circle.ring_label(ring)} ({count})", size=14,
                         anchor="start", halo=None))
    out.append("</svg>")
    return "".join(out)


def _ring_names(names: list[str], mid: float, band: float) -> list[str]:
    """Names spread round a ring, clear of its number at the top; two tracks when crowded."""
    if not names:
        return []
    cx, cy = CENTRE
    size = 13
    labels = [short(n, 22) for n in names]
    needed = sum(len(label) * size * 0.56 + 16 for label in labels)
    tracks = 1 if needed < 2 * math.pi * mid * 0.85 else 2
    if tracks == 2 and needed > 2 * 2 * math.pi * mid * 0.85:
        size = 11
    gap = math.degrees(40 / mid)  # keep clear of the ring's number
    step = (360 - 2 * gap) / len(labels)
    out = []
    for index, label in enumerate(labels):
        angle = math.radians(-90 + gap + (index + 0.5) * step)
        radius = mid if tracks == 1 else mid + (band / 4.5) * (1 if index % 2 else -1)
        x = cx + radius * math.cos(angle)
        y = cy + radius * math.sin(angle) + size * 0.35
        out.append(_text(x, y, label, size=size))
    return out


# -- the Tree of Life ------------------------------------------------------------------

TREE_WIDTH, TREE_HEIGHT = 900, 1100
TREE_INK = {"trunk": "#8d6e63", "line": "#5d4037", "canopy": "#dcefd3", "canopy_line": "#5a8f4e",
            "ground": "#eadfc8", "leaf": "#8dbf6e", "fruit": "#f2a65a", "seed": "#b08968"}
# Where each part's words go: x, y of the title, wrap width in characters, most lines.
TREE_BLOCKS = {
    "leaves": (250, 125, 26, 12),
    "fruits": (650, 125, 26, 12),
    "branches": (450, 345, 30, 8),
    "trunk": (450, 545, 14, 10),
    "ground": (215, 775, 38, 6),
    "seeds": (690, 775, 34, 6),
    "roots": (450, 935, 64, 8),
}


def tree_svg(workbook: Workbook, content: Wording) -> str:
    """The Tree of Life with the child's words written on its parts."""
    t = TREE_INK
    out = [_open(TREE_WIDTH, TREE_HEIGHT, f"{TREE}: {workbook.about.child}")]
    out.append(_text(30, 34, f"{TREE}: {short(workbook.about.child, 30)}", size=20,
                     anchor="start", weight="bold", halo=None))
    # Roots behind the ground, then the ground, trunk, crown and branches.
    for end in ((220, 1040), (350, 1080), (550, 1080), (680, 1040), (450, 1090)):
        out.append(
            f'<path d="M450 760 Q{(450 + end[0]) / 2:.0f} {end[1] - 120} {end[0]} {end[1]}" '
            f'fill="none" stroke="{t["trunk"]}" stroke-width="12" stroke-linecap="round"/>'
        )
    out.append(f'<rect x="0" y="745" width="{TREE_WIDTH}" height="150" fill="{t["ground"]}"/>')
    out.append(f'<line x1="0" y1="745" x2="{TREE_WIDTH}" y2="745" stroke="{t["line"]}" stroke-width="2"/>')
    out.append(
        f'<path d="M395 500 L505 500 L530 760 L370 760 Z" fill="{t["trunk"]}" '
        f'stroke="{t["line"]}" stroke-width="2"/>'
    )
    out.append(
        f'<ellipse cx="450" cy="300" rx="425" ry="250" fill="{t["canopy"]}" '
        f'stroke="{t["canopy_line"]}" stroke-width="2"/>'
    )
    for end in ((250, 330), (650, 330), (450, 270), (340, 420), (560, 420)):
        out.append(
            f'<line x1="450" y1="520" x2="{end[0]}" y2="{end[1]}" stroke="{t["trunk"]}" '
            f'stroke-width="14" stroke-linecap="round"/>'
        )
    # A trunk patch so the words on it sit on bark, not branches.
    out.append(f'<rect x="392" y="520" width="116" height="210" rx="8" fill="{t["trunk"]}"/>')
    for x, y, turn in ((90, 250, -30), (130, 370, 20), (340, 95, 40), (560, 95, -40), (95, 150, 10)):
        out.append(
            f'<ellipse cx="{x}" cy="{y}" rx="16" ry="8" transform="rotate({turn} {x} {y})" '
            f'fill="{t["leaf"]}"/>'
        )
    for x, y in ((820, 250), (780, 370), (830, 160), (600, 460)):
        out.append(f'<circle cx="{x}" cy="{y}" r="10" fill="{t["fruit"]}" stroke="{t["line"]}"/>')
    for x, y in ((850, 860), (870, 875), (835, 882)):
        out.append(f'<ellipse cx="{x}" cy="{y}" rx="6" ry="4" fill="{t["seed"]}"/>')

    names = {p.id: p.name for p in workbook.people}
    for part in TREE_PARTS:
        x, y, width, most = TREE_BLOCKS[part]
        tree_part = workbook.tree[part]
        lines = list(tree_part.words)
        if part == "leaves":
            said = {" ".join(w.split()).casefold() for w in lines}
            lines += [names[p] for p in tree_part.people
                      if not any(names[p].casefold() in w for w in said)]
        on_bark = part == "trunk"
        out += _block(x, y, content.tree_part(part).title, lines, width, most,
                      halo=None if on_bark else "#ffffff", ink="#ffffff" if on_bark else INK)
    out.append("</svg>")
    return "".join(out)


def _block(x: float, y: float, title: str, items: list[str], width: int, most: int,
           halo: str | None, ink: str) -> list[str]:
    """A part's title and its words, wrapped; "+ N more" when they do not fit."""
    out = [_coloured(_text(x, y, title, size=16, weight="bold", halo=halo), ink)]
    lines: list[str] = []
    shown = 0
    for item in items:
        wrapped = textwrap.wrap("\u2022 " + " ".join(clean(item).split()), width,
                                break_on_hyphens=False)
        if len(lines) + len(wrapped) > most - (1 if shown < len(items) - 1 else 0):
            break
        lines += wrapped
        shown += 1
    if shown < len(items):
        lines.append(f"+ {len(items) - shown} more")
    for index, line in enumerate(lines):
        out.append(_coloured(_text(x, y + 20 + index * 17, line, size=13, halo=halo), ink))
    return out


def _coloured(element: str, ink: str) -> str:
    return element if ink == INK else element.replace(f'fill="{INK}"', f'fill="{ink}"', 1)


# -- a file of its own -----------------------------------------------------------------


def standalone(workbook: Workbook, content: Wording, options) -> str:
    """One picture as a complete SVG file: options.circle, the tree, options.ecomap or the
    mobility map."""
    if options.ecomap is not None:
        from circles_tui.export.ecomap_svg import ecomap_svg  # it builds on this module

        picture = ecomap_svg(workbook, content, options.ecomap)
    elif options.mobility:
        from circles_tui.export.mobility_svg import mobility_svg  # it builds on this module

        picture = mobility_svg(workbook, content)
    else:
        picture = (
            tree_svg(workbook, content) if options.tree
            else circle_svg(workbook, content, options.circle)
        )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + picture + "\n"
