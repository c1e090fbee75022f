"""`Hanging`: rows of text, each with a marker in front and its wrapped lines indented under it."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

# A style of its own keeps an indent a separate run of cells, so screenshots show it too.
_INDENT = Style(strike=False)


class Hanging(Visual):
    """Rows of text, each with a marker in front and its wrapped lines indented under it."""

    def __init__(self, *rows: tuple[Content | str, Content | str]) -> None:
        self.rows = [
            (Content(p) if isinstance(p, str) else p, Content(b) if isinstance(b, str) else b)
            for p, b in rows
        ]
        self._wrapped: dict[int, list[Content]] = {}

    def _lines(self, width: int) -> list[Content]:
        cached = self._wrapped.get(width)
        if cached is not None:
            return cached
        lines: list[Content] = []
        for prefix, body in self.rows:
            indent = prefix.cell_length
            room = max(1, width - indent)
            wrapped = [w for part in body.split("\n") for w in (part.wrap(room) or [part])]
            for n, line in enumerate(wrapped or [Content("")]):
                lines.append((prefix if n == 0 else Content.styled(" " * indent, _INDENT)) + line)
        self._wrapped[width] = lines
        return lines

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return Content("\n").join(self._lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((p.cell_length + b.cell_length for p, b in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines(width))

    @property
    def plain(self) -> str:
        return "\n".join(p.plain + b.plain for p, b in self.rows)
