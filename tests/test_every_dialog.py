"""Every dialog fits small screens, finishes with Ctrl+S and cancels with Escape.

The dialogs are found by walking the modules of `circles_tui.dialogs` for ModalScreen
classes, so a new dialog is covered as soon as it exists: the test fails until `BUILD`
says how to make one (and, if Ctrl+S needs something typed first, `PREPARE`).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.geometry import Region
from textual.reactive import var
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, OptionList

import circles_tui.dialogs
from circles_tui.core.audience import MEETING_NOTES
from circles_tui.core.model import Placement, Supporter
from circles_tui.core.step_questions import StepAnswer
from circles_tui.core.wording import bundled
from circles_tui.dialogs.base import DialogBody
from circles_tui.type_ahead import TypeAhead
from tests.bursts import Typed, burst, settle
from tests.conftest import EXAMPLES
from tests.test_circle_step import family

SIZES = [(60, 20), (80, 24), (120, 40)]
# Classes the dialogs are built from, not dialogs of their own.
BASES = {"Dialog", "FormDialog", "ListChoiceDialog"}


def dialog_classes() -> dict[str, type[ModalScreen]]:
    found: dict[str, type[ModalScreen]] = {}
    for module_info in pkgutil.iter_modules(circles_tui.dialogs.__path__):
        module = importlib.import_module(f"circles_tui.dialogs.{module_info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, ModalScreen) and cls.__module__ == module.__name__
                    and name not in BASES):
                found[name] = cls
    return found


class Host(TypeAhead, App):
    """An empty app to open one dialog in; records what the dialog returned."""

    child_view: var[bool] = var(False)

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def action_toggle_child_view(self) -> None:
        self.child_view = not self.child_view


def folder_with_a_workbook(tmp: Path) -> Path:
    folder = tmp / "files"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(EXAMPLES / "mia-started.toml", folder / "mia.toml")
    return folder


def build(name: str, app: Host, tmp: Path):
    from circles_tui.dialogs.compare import CompareDialog, CompareFileDialog
    from circles_tui.dialogs.confirm import ConfirmDialog
    from circles_tui.dialogs.conflict import ConflictDialog
    from circles_tui.dialogs.export import ExportDialog
    from circles_tui.dialogs.family_person import FamilyPersonDialog
    from circles_tui.dialogs.help import HelpScreen
    from circles_tui.dialogs.meeting_forms import (
        ChecksDialog, ChoiceDialog, FormField, ShortFormDialog,
    )
    from circles_tui.dialogs.new_workbook import NewWorkbookDialog
    from circles_tui.dialogs.open_file import OpenFileDialog
    from circles_tui.dialogs.person_edit import PersonEditDialog, PickPersonDialog
    from circles_tui.dialogs.person_picker import PersonDialog
    from circles_tui.dialogs.placement import PlacementDialog, RingDialog
    from circles_tui.dialogs.question import QuestionDialog
    from circles_tui.dialogs.save_as import SaveAsDialog
    from circles_tui.dialogs.step_answer import StepAnswerDialog
    from circles_tui.dialogs.supporter import SupporterDialog
    from circles_tui.dialogs.text_entry import TextDialog
    from circles_tui.steps.family_tree.words import family_tree_words

    wording = bundled()
    workbook = family()
    nan = workbook.person("nanna-jo")
    services = wording.circle("services-suggest")
    long_note = " ".join(["A long note, so the form is taller than a small screen."] * 6)
    builders: dict[str, Callable[[], ModalScreen]] = {
        "ConfirmDialog": lambda: ConfirmDialog("Remove Nanna Jo?", "She is in two circles."),
        "TextDialog": lambda: TextDialog("Rename", "Nan", help="As the child says it."),
        "PersonDialog": lambda: PersonDialog(workbook, "Add someone"),
        "PersonEditDialog": lambda: PersonEditDialog(nan, "Details for Nanna Jo"),
        "FamilyPersonDialog": lambda: FamilyPersonDialog(
            nan, "Details for Nanna Jo", family_tree_words(wording).genders),
        "PickPersonDialog": lambda: PickPersonDialog("Who else is Nan?", "Pick one.",
                                                     list(workbook.people)),
        "SupporterDialog": lambda: SupporterDialog(Supporter("nanna-jo"), nan,
                                                   wording.supporter("emotional")),
        "RingDialog": lambda: RingDialog(wording.circle("who-matters"), "Nanna Jo"),
        # The tallest form there is: every field of "services suggest", with long notes.
        "PlacementDialog": lambda: PlacementDialog(
            wording, services, nan,
            Placement("nanna-jo", 2, "practitioner", long_note, long_note,
                      {"reason": "She asked to help."})),
        "QuestionDialog": lambda: QuestionDialog(
            "Ask a question", questions=[f"Question {n}?" for n in range(1, 15)]),
        "NewWorkbookDialog": lambda: NewWorkbookDialog(tmp / "new.toml"),
        "ConflictDialog": lambda: ConflictDialog("mia.toml was changed by another program."),
        "CompareDialog": lambda: CompareDialog(EXAMPLES / "mia-started.toml",
                                               family(), wording),
        "CompareFileDialog": lambda: CompareFileDialog(folder_with_a_workbook(tmp)),
        "OpenFileDialog": lambda: OpenFileDialog(folder_with_a_workbook(tmp)),
        "ExportDialog": lambda: ExportDialog(workbook, wording, tmp / "mia.toml"),
        "HelpScreen": lambda: HelpScreen(app.screen),
        "SaveAsDialog": lambda: SaveAsDialog(tmp / "mia.toml"),
        "ChoiceDialog": lambda: ChoiceDialog(
            "Coming to the meeting?", {f"c{n}": f"Choice {n}" for n in range(1, 15)},
            help="The family decides."),
        "StepAnswerDialog": lambda: StepAnswerDialog(
            "Question and answer: Who matters", StepAnswer("Who has helped?", long_note, "child",
                                                           long_note), wording.named_by),
        "ChecksDialog": lambda: ChecksDialog(
            "What they need", {f"n{n}": f"Need {n}" for n in range(1, 15)}, ("n2",)),
        "ShortFormDialog": lambda: ShortFormDialog("The meeting", tuple(
            FormField(f"f{n}", f"Field {n}", long_note, "Help.",
                      audience_rule=MEETING_NOTES if n > 5 else "",
                      ) for n in range(1, 12))),
    }
    assert name in builders, f"say in BUILD how to make a {name} for this test"
    return builders[name]()


async def prepare(name: str, pilot, dialog) -> None:
    """What a person would do before Ctrl+S can finish this dialog."""
    if name == "PersonDialog":
        burst(pilot.app, Typed("Zed"))
    elif name == "NewWorkbookDialog":
        burst(pilot.app, Typed("Jay"))
    elif name in ("OpenFileDialog", "CompareFileDialog"):
        tree = dialog.query_one(DirectoryTree)
        for _ in range(200):
            files = [n for n in tree.root.children if n.data and n.data.path.suffix == ".toml"]
            if files:
                break
            await pilot.pause(0.02)
        tree.move_cursor(files[0])
    elif name == "PickPersonDialog":
        dialog.query_one(OptionList).highlighted = 1
    await settle(pilot)


# What Ctrl+S gives back, where the dialog has nothing to return but closing.
RETURNS_NOTHING = {"HelpScreen", "CompareDialog"}


async def open_dialog(app: Host, pilot, name: str, tmp: Path):
    dialog = build(name, app, tmp)
    app.push_screen(dialog, app.results.append)
    await settle(pilot)
    assert app.screen is dialog
    return dialog


def inside(outer: Region, widget) -> bool:
    return widget.region.area > 0 and outer.contains_region(widget.region)


def check_fits(app: Host, dialog, where: str) -> None:
    screen = Region(0, 0, *app.size)
    for button in dialog.query(Button):
        assert inside(screen, button), f"{where}: button {button.label} off screen"
    assert inside(screen, dialog.query_one(".dialog-title")), f"{where}: the title line"
    focused = app.focused
    assert focused is not None, f"{where}: nothing has focus"
    assert inside(screen, focused), f"{where}: the focused {focused!r} is off screen"
    body = dialog.query_one(DialogBody)
    if body in focused.ancestors:
        assert inside(body.region, focused), f"{where}: {focused!r} scrolled out of view"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("name", sorted(dialog_classes()))
async def test_every_dialog_fits_and_finishes_with_ctrl_s_and_cancels_with_escape(
        name, size, tmp_path):
    app = Host()
    async with app.run_test(size=size) as pilot:
        dialog = await open_dialog(app, pilot, name, tmp_path)
        where = f"{name} at {size[0]}x{size[1]}"
        check_fits(app, dialog, where)
        assert "Esc" in str(dialog.query_one(".dialog-title").render()), where
        # Tab through every field: each one, and the buttons, stay in view.
        for _ in range(len(dialog.focus_chain)):
            burst(app, "tab")
            await settle(pilot)
            check_fits(app, dialog, f"{where}, tabbing")

        burst(app, "escape")
        await settle(pilot)
        assert app.screen is not dialog, f"{where}: Escape did not cancel"
        assert app.results[-1] in (None, False), f"{where}: Escape gave {app.results[-1]!r}"

        dialog = await open_dialog(app, pilot, name, tmp_path)
        await prepare(name, pilot, dialog)
        burst(app, "ctrl+s")
        await settle(pilot)
        assert app.screen is not dialog, f"{where}: Ctrl+S did not finish"
        if name not in RETURNS_NOTHING:
            assert app.results[-1] not in (None, False), f"{where}: Ctrl+S gave nothing"
