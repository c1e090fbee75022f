"""The Tree of Life as a picture in characters: which cell shows what, and where each label goes.

`draw_tree` draws a tree to fit a size (a storm cloud, the canopy with fruits, the
branches, trunk, seeds, ground and roots); each cell knows the region it belongs to,
so the widget (`tree_drawing.TreeDrawing`) can colour it and find the part under a click.
Nothing here knows about Textual.
"""

from __future__ import annotations

from functools import lru_cache

Cell = tuple[str, str]  # character, region ("" for sky)


class Art:
    """A drawn tree: rows of cells, and the row where each part's label belongs."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.cells: list[list[Cell]] = [[(" ", "")] * width for _ in range(height)]
        self.anchors: dict[str, int] = {}
        self.region_rows: dict[str, list[int]] = {}

    def put(self, x: int, y: int, char: str, region: str) -> None:
        if 0 <= y < len(self.cells) and 0 <= x < self.width:
            self.cells[y][x] = (char, region)
            rows = self.region_rows.setdefault(part_of(region), [])
            if y not in rows:
                rows.append(y)

    def right_edge(self, y: int, part: str | None = None) -> int:
        """One past the last drawn cell of row `y` (of `part`, when it is in that row)."""
        row = self.cells[y]
        for wanted in (part, None):
            for x in range(len(row) - 1, -1, -1):
                char, region = row[x]
                if char != " " and (wanted is None or part_of(region) == wanted):
                    return x + 1
        return 0


# Regions drawn in a style of their own, and the part each belongs to.
_REGION_PART = {
    "grass": "ground",
    "leaves-light": "leaves",
    "rain": "storms",
    "storms-started": "storms",
}


def part_of(region: str) -> str:
    """The part a region of the picture belongs to ("grass-faint" is part of the ground)."""
    region = region.removesuffix("-faint")
    return _REGION_PART.get(region, region)


@lru_cache(maxsize=16)
def draw_tree(width: int, height: int, storms_started: bool) -> Art:
    """Draw a tree filling about `width` x `height` cells; proportions follow the smaller.

    The result is cached, so callers must not change it.
    """
    # Rows for each band, grown from the canopy size that fits both ways.
    cloud_rows = 3 if width >= 24 else 2
    canopy = max(3, min(round((width - 1) / 2.6), round(height * 0.36)))
    while True:
        branch_rows = max(1, canopy // 4)
        trunk_rows = max(2, canopy // 2)
        root_rows = max(1, canopy // 3)
        total = cloud_rows + canopy + branch_rows + trunk_rows + 1 + root_rows
        if total <= height or canopy <= 3:
            break
        canopy -= 1
    art = Art(width, min(total, height))
    cx = width / 2
    y = 0

    # A storm cloud in the top corner: faint until the storms are started, then raining.
    big_cloud = width >= 24
    cloud_rows = 3 if big_cloud else 2
    cloud = ["  ▄▆██▆▄▄▆▆▄", " ▀▀▀▀▀▀▀▀▀▀▀▀"] if big_cloud else ["▂▄▆▆▄▂▄▂"[: max(4, width // 3)]]
    cloud_style = "storms-started" if storms_started else "storms"
    for row, text in enumerate(cloud):
        for x, char in enumerate(text):
            if char != " ":
                art.put(x, y + row, char, cloud_style)
    if storms_started:
        for x in range(2, len(cloud[-1]) - 1, 3):
            art.put(x, y + len(cloud), "╱", "rain")
    art.anchors["storms"] = y + len(cloud) - 1
    y += cloud_rows

    # The canopy: an ellipse drawn with half blocks (two rows of dots per line), fruits inside.
    top = y
    half_w = min(width / 2 - 0.5, canopy * 1.3)
    half_h = canopy  # in half-rows

    def inside(px: float, py: float) -> bool:
        dx = (px - cx) / half_w
        dy = (py - half_h) / half_h
        return dx * dx + dy * dy <= 1.0

    for row in range(canopy):
        for x in range(width):
            upper = inside(x + 0.5, row * 2 + 0.5)
            lower = inside(x + 0.5, row * 2 + 1.5)
            if upper and lower:
                char = "█"
            elif upper:
                char = "▀"
            elif lower:
                char = "▄"
            else:
                continue
            art.put(x, top + row, char, "leaves")
    # Fruits hang where a fixed scatter lands well inside the canopy, never touching.
    placed: list[tuple[int, int]] = []
    for row in range(1, canopy - 1):
        for x in range(1, width - 1):
            if not all(
                inside(x + 0.5 + dx, row * 2 + 1 + dy) for dx in (-1.5, 1.5) for dy in (-1.5, 1.5)
            ):
                continue
            if ((x * 2654435761) ^ (row * 40503)) % 97 > 30:
                continue
            if any(abs(x - fx) < 5 and abs(row - fy) < 2 for fx, fy in placed):
                continue
            placed.append((x, row))
            art.put(x, top + row, "●", "fruits")
    # Sunlight on the upper left of the canopy.
    light_x, light_rx = cx - half_w * 0.38, half_w * 0.38
    light_y, light_ry = half_h * 0.6, half_h * 0.38
    for row in range(canopy):
        for x in range(width):
            char, region = art.cells[top + row][x]
            if region != "leaves" or char != "█":
                continue
            dx = (x + 0.5 - light_x) / light_rx
            dy = (row * 2 + 1 - light_y) / light_ry
            if dx * dx + dy * dy <= 1.0:
                art.put(x, top + row, char, "leaves-light")
    if not placed:  # a tiny canopy still bears one fruit
        placed.append((round(cx), canopy // 2))
        art.put(round(cx), top + canopy // 2, "●", "fruits")
    # The fruits' label points at the lowest fruit, the leaves' label high in the canopy.
    art.anchors["fruits"] = top + max(row for _, row in placed)
    leaves_row = top + max(0, canopy // 4)
    art.anchors["leaves"] = leaves_row if leaves_row != art.anchors["fruits"] else top
    y += canopy

    # The trunk runs from under the canopy to the ground; the branches fan out above it.
    trunk_w = 3 if width < 22 else 4 if width < 32 else 6
    tx0 = round(cx - trunk_w / 2)
    tx1 = tx0 + trunk_w - 1
    for j in range(branch_rows):
        spread = branch_rows - j  # wider near the canopy
        art.put(tx0 - 1 - (spread - 1) * 2, y + j, "╲", "branches")
        art.put(tx1 + 1 + (spread - 1) * 2, y + j, "╱", "branches")
        if spread > 1:
            art.put(tx0 - (spread - 1) * 2, y + j, "_", "branches")
            art.put(tx1 + (spread - 1) * 2, y + j, "_", "branches")
    art.anchors["branches"] = y + branch_rows // 2
    for j in range(branch_rows + trunk_rows):
        for x in range(tx0, tx1 + 1):
            char = "▐" if x == tx0 else "▌" if x == tx1 else "▓"
            art.put(x, y + j, char, "trunk")
    y += branch_rows
    art.anchors["trunk"] = y + (trunk_rows - 1) // 2
    # The trunk flares where it meets the ground.
    art.put(tx0 - 1, y + trunk_rows - 1, "▟", "trunk")
    art.put(tx1 + 1, y + trunk_rows - 1, "▙", "trunk")
    # Seeds drift down from the canopy to the right of the trunk; grass grows at its foot.
    seed_row = y + trunk_rows - 1
    drift = [(tx1 + 3, seed_row), (tx1 + 6, seed_row - 1), (tx1 + 4, seed_row - 3),
             (tx1 + 8, seed_row - 2), (tx1 + 7, seed_row - 5)]
    for n, (x, row) in enumerate(drift):
        if x < width - 1 and row > y - branch_rows and row != y + (trunk_rows - 1) // 2:
            art.put(x, row, "•" if n % 2 == 0 else "◦", "seeds")
    for x in (1, 3, tx0 - 4):
        if 0 <= x < tx0 - 2:
            art.put(x, seed_row, "ʷ", "grass")
    art.anchors["seeds"] = seed_row if seed_row != art.anchors["trunk"] else seed_row - 1
    y += trunk_rows

    # The ground, then the roots spreading under it.
    for x in range(width):
        if tx0 <= x <= tx1:
            art.put(x, y, "▓", "trunk")
        else:
            art.put(x, y, "▀", "ground")
    art.anchors["ground"] = y
    y += 1
    mid = round(cx) - (1 if trunk_w % 2 == 0 else 0)
    for k in range(root_rows):
        art.put(tx0 - 1 - k * 2, y + k, "╱", "roots")
        art.put(tx1 + 1 + k * 2, y + k, "╲", "roots")
        art.put(tx0 - k, y + k, "╱", "roots") if k else None
        art.put(tx1 + k, y + k, "╲", "roots") if k else None
        art.put(mid, y + k, "│" if k < root_rows - 1 else "╵", "roots")
    art.anchors["roots"] = y + (root_rows - 1) // 2
    return art
