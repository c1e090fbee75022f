"""The family tree step: the child's family over three generations, with the blanks.

`family_step` (the keys and dialogs) builds on `family_view` (the drawing and the
highlighted person's details); `picture` turns the family records into the drawing's
cards and `words` gathers the wording; how far the tree has got is
`core.progress.family_tree_progress`.
The edits themselves are in `circles_tui.core.edits.family`.
"""

from circles_tui.core.progress import family_tree_progress
from circles_tui.steps.family_tree.family_step import FamilyTreeStep

__all__ = ["FamilyTreeStep", "family_tree_progress"]
