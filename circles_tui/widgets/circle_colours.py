"""Each safety circle's own named colour, as theme variables.

The paper worksheets give every circle a colour (green, purple, amber, orange, blue), and
Textual's six theme roles are too few to keep five of them apart (STYLE.md point 7). So each
colour is a theme variable of our own, `$circle-<name>` with its text shade
`$text-circle-<name>`, chosen per kind of theme to be a distinct hue legible on that theme's
background. A colour is never the only sign: it always sits beside the circle's label.
"""

from __future__ import annotations

from textual.theme import Theme

CIRCLE_COLOURS: tuple[str, ...] = ("green", "purple", "amber", "orange", "blue")

_DARK = {"green": "#4ade80", "purple": "#c084fc", "amber": "#facc15", "orange": "#fb8c3c",
         "blue": "#60a5fa"}
_LIGHT = {"green": "#15803d", "purple": "#7e22ce", "amber": "#8a5a00", "orange": "#c2410c",
          "blue": "#1d4ed8"}
# Pure, bright hues on black: blue stays blue (not the theme's yellow primary).
_HIGH_CONTRAST = {"green": "#00ff00", "purple": "#e08cff", "amber": "#ffd000",
                  "orange": "#ff7f00", "blue": "#55aaff"}


def circle_colour_variables(theme: Theme) -> dict[str, str]:
    """The `circle-*` and `text-circle-*` variables for `theme`."""
    if theme.name == "high-contrast":
        colours = _HIGH_CONTRAST
    else:
        colours = _DARK if theme.dark else _LIGHT
    variables = {}
    for name, value in colours.items():
        variables[f"circle-{name}"] = value
        variables[f"text-circle-{name}"] = value
    return variables


def circle_role(colour: str, theme_role: str) -> str:
    """The theme variable a circle is drawn in: its named colour when it is one we know,
    else the wording file's theme role (an organisation's own colour name)."""
    return f"circle-{colour}" if colour in CIRCLE_COLOURS else theme_role
