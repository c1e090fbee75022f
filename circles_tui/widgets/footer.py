"""The footer: the keys that work here, drawn as one line of text.

Textual's `Footer` is made of a widget per key, thrown away and made anew whenever the
keys might have changed (a step shown, focus moved, a dialog closed). With a dozen keys
that cost 30-60 ms of CPU on every change of step, and the old keys stayed in memory
(their watches on the footer were only dropped when its `compact` changed, Textual issue
6666). This footer looks the same, a key in bold then what it does, the command palette's
key on the right, but is one widget that draws a line of text when the keys change.
"""

from __future__ import annotations

from collections import defaultdict

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION = "$footer-description-foreground on $footer-description-background"
EDGE = "$foreground 20%"  # the line before the command palette's key


class Footer(Widget):
    """The keys that work on this screen now; clicking one presses it."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
    }
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._shown: tuple | None = None
        # Where each key sits on the line: (first column, column after, key, enabled).
        self._spans: list[tuple[int, int, str, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self.keys_shown() != self._shown:
            self.refresh()

    def keys_shown(self) -> tuple:
        """Each key shown, left to right: (key, as shown, what it does, enabled), and the
        command palette's key (or None)."""
        app, active = self.app, self.screen.active_bindings
        # One key per action (the first bound), as Textual's footer shows them.
        by_action: dict[str, list] = defaultdict(list)
        for _, binding, enabled, _tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        keys = tuple((binding.key, app.get_key_display(binding), binding.description, enabled)
                     for binding, enabled in (found[0] for found in by_action.values()))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, _tooltip = found
                palette = (binding.key, app.get_key_display(binding), binding.description,
                           enabled)
        return keys, palette

    def render(self) -> Content:
        self._shown = keys, palette = self.keys_shown()
        width = self.size.width
        right = Content("")
        if palette is not None:
            right = Content.assemble(("▏", EDGE), *_key_parts(*palette[1:]))
        room = max(0, width - right.cell_length)
        parts, spans, column = [], [], 0
        for key, shown, description, enabled in keys:
            piece = Content.assemble(*_key_parts(shown, description, enabled))
            if column + piece.cell_length > room:
                break  # only whole keys; F1 lists them all
            spans.append((column, column + piece.cell_length, key, enabled))
            parts.append(piece)
            column += piece.cell_length
        if palette is not None:
            spans.append((room, width, palette[0], palette[3]))
        self._spans = spans
        return Content("").join(parts).pad_right(room - column) + right

    def on_mouse_down(self, event: events.MouseDown) -> None:
        for start, end, key, enabled in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return


def _key_parts(shown: str, description: str, enabled: bool) -> list[tuple[str, str]]:
    dim = "" if enabled else " dim"
    if not description:
        return [(f" {shown} ", KEY + dim)]
    return [(f" {shown} ", KEY + dim), (f"{description} ", DESCRIPTION + dim)]
