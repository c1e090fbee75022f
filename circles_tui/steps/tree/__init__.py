"""The Tree of Life step: seven parts of the child's story, then the storms if they want.

`tree_step` (the keys and dialogs) builds on `leaves` (the keys for the people on the
leaves), which builds on `tree_view` (the picture and the list of one part); `part_list`
builds that list and `parts` lists the parts. How far the tree has got is
`core.progress.tree_progress`; the edits themselves are in `circles_tui.core.edits.tree`.
"""

from circles_tui.core.progress import tree_progress
from circles_tui.steps.tree.tree_step import TreeStep

__all__ = ["TreeStep", "tree_progress"]
