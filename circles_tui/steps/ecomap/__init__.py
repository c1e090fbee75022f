"""The ecomap step: the people, groups, services and places around the child or family.

`ecomap_step` (the keys) builds on `ecomap_display` (the widget), which shows what
`ecomap_view` works out from the records, in the list `link_list` builds and the drawing
`widgets/ecomap_drawing.py` makes; the keys that ask questions run the dialog chains in
`chains`; its mark in the step list is `core.progress.ecomap_progress`. The edits themselves
are in `circles_tui.core.edits.ecomap`.
"""

from circles_tui.core.progress import ecomap_progress
from circles_tui.steps.ecomap.ecomap_step import EcomapStep

__all__ = ["EcomapStep", "ecomap_progress"]
