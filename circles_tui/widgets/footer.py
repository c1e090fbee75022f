"""Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` throws its keys away and makes them anew whenever the bindings might
have changed: focus moving, a dialog opening or closing above it (even while it is
hidden under the dialog), a step refreshing its keys. Each rebuild cost 30-40 ms of CPU,
and each key made in it stayed in memory for the rest of the session (the old keys'
watches on the footer are only dropped when the footer's `compact` changes, Textual
issue 6666): about 1.7 MiB for every person added through the two dialogs.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """A `Footer` that keeps its keys while they would be made the same again."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self._shown: tuple | None = None

    def keys_shown(self) -> tuple:
        """What `compose` would show now: every key, its name, and whether it works."""
        app = self.app
        return (self.compact, self.show_command_palette, tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action,
             binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        ))

    async def recompose(self) -> None:
        # Under a dialog the keys are not seen; they are looked at again when it closes.
        if not self.is_attached or self.screen is not self.app.screen:
            return
        shown = self.keys_shown()
        if shown == self._shown and self.children:
            return
        await super().recompose()
        self._shown = shown if self.children else None
        # Announcing `compact` again makes Textual drop the removed keys' watches on it.
        self.mutate_reactive(TextualFooter.compact)
