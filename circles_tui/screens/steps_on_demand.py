"""The workspace's steps, each built the first time it is asked for.

Building a step means importing its module, and with it its dialogs and drawings: about
60 ms for all sixteen, most of the start-up a practitioner waits through before the first
step shows. The step list's names and marks need no step (core/step_index.py), so a step
is built only when it is shown, or when something asks for it by its place in the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from circles_tui.core.wording import Wording
from circles_tui.steps.step import Step


def build_step(step_id: str, content: Wording, child_words: bool = False) -> Step:
    """A new step for `step_id`, one of the wording's `[steps] order`.

    Each step's module is imported here, when the step is first wanted, not at start-up."""
    widget_id = f"step-{step_id}"
    if step_id in {circle.id for circle in content.circles}:
        from circles_tui.steps.circle import CircleStep

        return CircleStep(content, step_id, child_words=child_words, id=widget_id)
    return _step_class(step_id)(content, id=widget_id)


def _step_class(step_id: str) -> type[Step]:
    if step_id == "about":
        from circles_tui.steps.about import AboutStep as step_class
    elif step_id == "supporters":
        from circles_tui.steps.supporters import SupportersStep as step_class
    elif step_id == "ecomap":
        from circles_tui.steps.ecomap import EcomapStep as step_class
    elif step_id == "family-tree":
        from circles_tui.steps.family_tree import FamilyTreeStep as step_class
    elif step_id == "tree":
        from circles_tui.steps.tree import TreeStep as step_class
    elif step_id == "mobility-map":
        from circles_tui.steps.mobility_map import MobilityMapStep as step_class
    elif step_id == "people":
        from circles_tui.steps.people import PeopleStep as step_class
    elif step_id == "summary":
        from circles_tui.steps.summary import SummaryStep as step_class
    elif step_id == "invitations":
        from circles_tui.steps.invitations import InvitationsStep as step_class
    elif step_id == "child-voice":
        from circles_tui.steps.child_voice import ChildVoiceStep as step_class
    elif step_id == "family-plan":
        from circles_tui.steps.family_plan import FamilyPlanStep as step_class
    else:
        raise KeyError(f"no step is called {step_id!r}")
    return step_class


class StepsOnDemand(Sequence[Step]):
    """The steps in the guided order, built on first use; `ids` lists them all unbuilt."""

    def __init__(self, ids: Sequence[str], build: Callable[[str], Step]) -> None:
        self.ids: tuple[str, ...] = tuple(ids)
        self._build = build
        self._built: dict[int, Step] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Step: ...

    @overload
    def __getitem__(self, index: slice) -> list[Step]: ...

    def __getitem__(self, index: int | slice) -> Step | list[Step]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # negative indexes, and IndexError past the end
        if index not in self._built:
            self._built[index] = self._build(self.ids[index])
        return self._built[index]

    def built(self) -> Iterator[Step]:
        """The steps built so far, without building any more."""
        return iter(self._built.values())
