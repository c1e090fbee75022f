"""The genogram as SVG: the family's links drawn with McGoldrick and Gerson's symbols.

A square for a man, a circle for a woman, a diamond for another gender (with a "?"
when gender was not said); a cross over someone who has died; a double outline round
the child; a dashed outline for someone the child never met. Partners are joined by a
line beneath them (dashed for ex-partners, one slash for a separation, two for a
divorce); children hang from their parents' line; adoptive, step, foster and kinship
carers have lines of their own. A dashed boundary goes round the child's household when
it is recorded (`Family.household`). A key names every symbol and line.

The workbook given is already the audience's view (export/__init__.py), so the picture
shows only what that audience may see; practitioner-only notes are never drawn.
"""

from __future__ import annotations

from circles_tui.core.family import CHILD, PARENT_KINDS, PARTNER_KINDS, SIBLING_KINDS, FamilyLink
from circles_tui.core.model import Workbook
from circles_tui.core.wording import Wording
from circles_tui.export.genogram_layout import layout
from circles_tui.export.svg import INK, _open, _text, esc, short

R = 22  # half the size of a symbol
TOP = 90  # the first row's centre, below the title
BOUNDARY = "#1f4f8f"
CHOSEN = "#2e6b3a"
# How each kind of link is drawn: a dash pattern ("" for solid) and its colour.
DASHES: dict[str, str] = {
    "partner": "", "ex-partner": "7 4", "separated": "", "divorced": "",
    "parent": "", "adoptive-parent": "7 4", "step-parent": "12 4", "foster-carer": "2 4",
    "kinship-carer": "9 3 2 3", "sibling": "", "half-sibling": "7 4", "step-sibling": "2 4",
    "chosen-family": "1 5",
}
SLASHES = {"separated": 1, "divorced": 2}
KEY_WORDS = {"child": "The child (a double outline)", "died": "Has died",
             "never_met": "Never met (a dashed outline)"}
KEY_ROW = 30
KEY_COLUMN = 250


def child_gender(pronouns: str) -> str:
    """The child's symbol from their own pronouns (the workbook records no other gender
    for the child): she is female, he is male, any other pronouns another gender."""
    first = pronouns.strip().casefold().split("/")[0].strip()
    if not first:
        return ""
    return {"she": "female", "he": "male"}.get(first, "other")


def genogram_svg(workbook: Workbook, content: Wording) -> str:
    """The whole genogram, with its key, as one `<svg>` element."""
    words = content.family
    places = layout(workbook)
    pos = {pid: (x, y + TOP) for pid, (x, y) in places.positions.items()}
    width = max(places.width, 3 * KEY_COLUMN + 40)
    shift = (width - places.width) / 2
    pos = {pid: (x + shift, y) for pid, (x, y) in pos.items()}
    key_top = TOP + places.height + R + 80
    kinds = list(DASHES)
    key_entries = 7 + len(kinds) + (1 if workbook.family.household else 0)
    height = key_top + 40 + KEY_ROW * -(-key_entries // 3) + 10
    title = f"{words.genogram_title}: {workbook.about.child}"
    out = [_open(int(width), int(height), title)]
    out.append(_text(30, 36, short(title, 70), size=20, anchor="start", weight="bold", halo=None))
    out += _household(workbook, pos, words.household)
    links = workbook.family.links
    out += _children_lines(links, pos)
    partnered: list[str] = []
    for link in links:
        if link.kind in PARTNER_KINDS:
            out += _partner_line(link, pos, partnered.count(link.a) + partnered.count(link.b))
            partnered += [link.a, link.b]
        elif link.kind in SIBLING_KINDS and not _share_a_parent(links, link):
            out += _sibling_line(link, pos)
        elif link.kind == "chosen-family":
            (ax, ay), (bx, by) = pos[link.a], pos[link.b]
            low = max(ay, by) + R + 70  # a curve beneath the row, clear of the others
            out.append(_line(f"M{ax:.0f} {ay:.0f} Q{(ax + bx) / 2:.0f} {low:.0f} "
                             f"{bx:.0f} {by:.0f}", link.kind))
    people = workbook.people_by_id()
    for pid, (x, y) in pos.items():
        out.append(_person(workbook, people, pid, x, y))
    out += _key(workbook, content, key_top, kinds)
    out.append("</svg>")
    return "".join(out)


def _line(path: str, kind: str, width: float = 2) -> str:
    dash = DASHES.get(kind, "")
    colour = CHOSEN if kind == "chosen-family" else INK
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    caps = ' stroke-linecap="round"' if kind == "chosen-family" else ""
    return (f'<path class="link {kind}" d="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="{width}"{dashed}{caps}/>')


def _couple_y(*ys: float) -> float:
    """Where a couple's line runs: beneath their names."""
    return max(ys) + R + 48


def _partner_line(link: FamilyLink, pos, earlier: int) -> list[str]:
    """`earlier` partnerships of either partner drawn already: each runs a little lower."""
    (ax, ay), (bx, by) = pos[link.a], pos[link.b]
    y = _couple_y(ay, by) + 8 * earlier
    out = [_line(f"M{ax:.0f} {ay + R:.0f} V{y:.0f} H{bx:.0f} V{by + R:.0f}", link.kind)]
    mid = (ax + bx) / 2
    for index in range(SLASHES.get(link.kind, 0)):
        x = mid + (index - (SLASHES[link.kind] - 1) / 2) * 10
        out.append(f'<path class="slash" d="M{x - 5:.0f} {y + 8:.0f} L{x + 5:.0f} {y - 8:.0f}" '
                   f'stroke="{INK}" stroke-width="2"/>')
    return out


def _share_a_parent(links: tuple[FamilyLink, ...], link: FamilyLink) -> bool:
    def parents(pid: str) -> set[str]:
        return {x.a for x in links if x.kind == "parent" and x.b == pid}

    return bool(parents(link.a) & parents(link.b))


def _sibling_line(link: FamilyLink, pos) -> list[str]:
    """Brothers and sisters with no parent recorded in common: a bar above them."""
    (ax, ay), (bx, by) = pos[link.a], pos[link.b]
    top = min(ay, by) - R - 18
    return [_line(f"M{ax:.0f} {ay - R:.0f} V{top:.0f} H{bx:.0f} V{by - R:.0f}", link.kind)]


def _children_lines(links: tuple[FamilyLink, ...], pos) -> list[str]:
    """Children hang from their birth parents' line; other carers' lines go one by one."""
    out: list[str] = []
    by_parents: dict[tuple[str, ...], list[str]] = {}
    for child in dict.fromkeys(link.b for link in links if link.kind == "parent"):
        parents = tuple(sorted(x.a for x in links if x.kind == "parent" and x.b == child))[:2]
        by_parents.setdefault(parents, []).append(child)
    for parents, children in by_parents.items():
        xs = [pos[p][0] for p in parents]
        ys = [pos[p][1] for p in parents]
        if len(parents) == 2:
            origin_x, origin_y = sum(xs) / 2, _couple_y(*ys)
            if not any(x.kind in PARTNER_KINDS and {x.a, x.b} == set(parents) for x in links):
                # Parents not recorded as partners still share the line their children hang from.
                out.append(_line(f"M{xs[0]:.0f} {ys[0] + R:.0f} V{origin_y:.0f} H{xs[1]:.0f} "
                                 f"V{ys[1] + R:.0f}", "parent", width=1.2))
        else:
            origin_x, origin_y = xs[0], ys[0] + R
        bar = min(pos[c][1] for c in children) - R - 22
        child_xs = [pos[c][0] for c in children]
        path = [f"M{origin_x:.0f} {origin_y:.0f} V{bar:.0f}",
                f"M{min(child_xs + [origin_x]):.0f} {bar:.0f} H{max(child_xs + [origin_x]):.0f}"]
        path += [f"M{x:.0f} {bar:.0f} V{pos[c][1] - R:.0f}" for c, x in zip(children, child_xs)]
        out.append(_line(" ".join(path), "parent"))
    for link in links:
        if link.kind in PARENT_KINDS and link.kind != "parent":
            (px, py), (cx, cy) = pos[link.a], pos[link.b]
            mid = (py + R + cy - R) / 2 + 8
            out.append(_line(f"M{px:.0f} {py + R:.0f} V{mid:.0f} H{cx:.0f} V{cy - R:.0f}", link.kind))
    return out


def _household(workbook: Workbook, pos, label: str) -> list[str]:
    household = workbook.family.household
    if not household:
        return []
    rows: dict[float, list[float]] = {}  # y -> the household's x in that row
    for pid in (CHILD, *household):
        x, y = pos[pid]
        rows.setdefault(y, []).append(x)
    # One outline down the right of each row and back up the left: a freeform boundary
    # that keeps out whoever sits beyond the household in a row.
    right = [(max(xs) + R + 45, y + dy) for y, xs in sorted(rows.items()) for dy in (-R - 14, R + 40)]
    left = [(min(xs) - R - 45, y + dy) for y, xs in sorted(rows.items(), reverse=True)
            for dy in (R + 40, -R - 14)]
    points = " ".join(f"{x:.0f},{y:.0f}" for x, y in right + left)
    return [f'<polygon class="household" points="{points}" fill="none" stroke="{BOUNDARY}" '
            f'stroke-width="2" stroke-dasharray="10 6" stroke-linejoin="round">'
            f'<title>{esc(label)}</title></polygon>']


def _symbol(gender: str, x: float, y: float, size: float, dashed: bool = False) -> str:
    style = (f'fill="#ffffff" stroke="{INK}" stroke-width="2"'
             + (' stroke-dasharray="5 3"' if dashed else ""))
    if gender == "female":
        return f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{size:.0f}" {style}/>'
    if gender == "male":
        return (f'<rect x="{x - size:.0f}" y="{y - size:.0f}" width="{2 * size:.0f}" '
                f'height="{2 * size:.0f}" {style}/>')
    d = size + 5
    shape = (f'<polygon points="{x:.0f},{y - d:.0f} {x + d:.0f},{y:.0f} {x:.0f},{y + d:.0f} '
             f'{x - d:.0f},{y:.0f}" {style}/>')
    if gender == "other":
        return shape
    return shape + _text(x, y + 6, "?", size=17, weight="bold", halo=None)


def _cross(x: float, y: float) -> str:
    d = R + 6
    return (f'<path class="died" d="M{x - d:.0f} {y - d:.0f} L{x + d:.0f} {y + d:.0f} '
            f'M{x + d:.0f} {y - d:.0f} L{x - d:.0f} {y + d:.0f}" stroke="{INK}" stroke-width="2.5"/>')


def _person(workbook: Workbook, people, pid: str, x: float, y: float) -> str:
    if pid == CHILD:
        gender, name, classes = child_gender(workbook.about.pronouns), workbook.about.child, ["child"]
        parts = [_symbol(gender, x, y, R + 6), _symbol(gender, x, y, R)]
        lines = [name]
    else:
        person = people[pid]
        gender, name, classes = person.gender, person.name, []
        parts = [_symbol(gender, x, y, R, dashed=not person.known)]
        if not person.known:
            classes.append("never-met")
        if not person.living:
            classes.append("died")
            parts.append(_cross(x, y))
        lines = [name, f"d. {person.died}" if person.died else ""]
    classes.insert(0, gender or "not-said")
    below = y + R + (24 if pid == CHILD else 18)
    lines = [short(text, 20) for text in lines if text]
    # A white card behind the name keeps the lines that pass beneath it from crossing it.
    card_width = max(len(text) for text in lines) * 7.5 + 8
    labels = [f'<rect x="{x - card_width / 2:.0f}" y="{below - 13:.0f}" width="{card_width:.0f}" '
              f'height="{len(lines) * 15 + 3}" fill="#ffffff"/>']
    labels += [_text(x, below + i * 15, text, size=13 if i == 0 else 11,
                     weight="bold" if i == 0 else "normal") for i, text in enumerate(lines)]
    return (f'<g class="person {" ".join(classes)}"><title>{esc(name)}</title>'
            + "".join(parts + labels) + "</g>")


def _key(workbook: Workbook, content: Wording, top: float, kinds: list[str]) -> list[str]:
    words = content.family
    out = [_text(30, top, "Key", size=16, anchor="start", weight="bold", halo=None)]
    entries: list[tuple[str, str]] = [
        (_symbol(g, 0, 0, 10), words.gender(g)) for g in ("female", "male", "other", "")
    ]
    entries.append((_symbol("female", 0, 0, 13) + _symbol("female", 0, 0, 9), KEY_WORDS["child"]))
    entries.append((_symbol("male", 0, 0, 10) + _small_cross(), KEY_WORDS["died"]))
    entries.append((_symbol("female", 0, 0, 10, dashed=True), KEY_WORDS["never_met"]))
    for kind in kinds:
        line = _line("M-22 0 H22", kind)
        for index in range(SLASHES.get(kind, 0)):
            x = (index - (SLASHES[kind] - 1) / 2) * 8
            line += f'<path d="M{x - 4:.0f} 7 L{x + 4:.0f} -7" stroke="{INK}" stroke-width="2"/>'
        entries.append((line, words.kinds[kind]))
    if workbook.family.household:
        entries.append((f'<rect x="-22" y="-10" width="44" height="20" rx="6" fill="none" '
                        f'stroke="{BOUNDARY}" stroke-width="2" stroke-dasharray="6 4"/>',
                        words.household))
    rows = -(-len(entries) // 3)
    for index, (drawing, label) in enumerate(entries):
        column, row = divmod(index, rows)
        x, y = 55 + column * KEY_COLUMN, top + 32 + row * KEY_ROW
        out.append(f'<g class="key" transform="translate({x} {y})">{drawing}</g>')
        out.append(_text(x + 34, y + 5, label, size=13, anchor="start", halo=None))
    return out


def _small_cross() -> str:
    return f'<path d="M-13 -13 L13 13 M13 -13 L-13 13" stroke="{INK}" stroke-width="2"/>'


def standalone(workbook: Workbook, content: Wording) -> str:
    """The genogram as a complete SVG file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + genogram_svg(workbook, content) + "\n"
