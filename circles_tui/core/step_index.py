"""Each step as the step list shows it, without building the step: its name and its mark.

The workspace lists every step but builds only the one on screen (the others when first shown),
so a step's name and how far it has got are answered here, from the wording and the workbook,
with no Textual; each step's own `step_title` and `progress` ask here too, so there is one
answer. Step ids are the wording's `[steps] order`; a circle's step id is its circle id.
"""

from __future__ import annotations

from collections.abc import Callable

from circles_tui.core import progress as marks
from circles_tui.core.audience import Audience, reads_child_words, wording_for
from circles_tui.core.model import Workbook
from circles_tui.core.progress import Progress
from circles_tui.core.wording import Wording

# Steps named by the app rather than by a worksheet in the wording file.
APP_TITLES: dict[str, str] = {
    "about": "About", "supporters": "Supporters", "tree": "Tree of Life", "people": "People",
    "summary": "Summary",
}
# The meeting steps' words in the wording file's `[meeting]` table.
MEETING_WORDS: dict[str, str] = {
    "invitations": "invitations", "child-voice": "child_voice", "family-plan": "plan",
}

STEP_PROGRESS: dict[str, Callable[[Workbook], Progress]] = {
    "about": marks.about_progress,
    "supporters": marks.supporters_progress,
    "ecomap": marks.ecomap_progress,
    "family-tree": marks.family_tree_progress,
    "tree": marks.tree_progress,
    "mobility-map": marks.mobility_progress,
    "people": marks.people_progress,
    "summary": marks.summary_progress,
    "invitations": marks.invitations_progress,
    "child-voice": marks.child_voice_progress,
    "family-plan": marks.family_plan_progress,
}


def step_title(step_id: str, wording: Wording, audience: Audience) -> str:
    """The step's name in the step list, in the words `audience` reads."""
    if step_id in APP_TITLES:
        return APP_TITLES[step_id]
    if step_id in MEETING_WORDS:
        return getattr(wording.meeting, MEETING_WORDS[step_id]).title
    if step_id == "mobility-map":
        words = wording.mobility
        return words.child_title if reads_child_words(audience) else words.title
    content = wording_for(wording, audience)
    if step_id == "ecomap":
        return content.ecomap.title
    if step_id == "family-tree":
        return content.family.title
    return content.circle(step_id).short


def step_progress(step_id: str, workbook: Workbook) -> Progress:
    """How far the step has got: its mark in the step list."""
    if step_id in STEP_PROGRESS:
        return STEP_PROGRESS[step_id](workbook)
    return marks.circle_progress(step_id, workbook)
