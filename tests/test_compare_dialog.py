"""Compare with another copy, from the Summary step: pick a file, read what changed since it."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from textual.geometry import Region
from textual.widgets import Static

from circles_tui.core import file_format
from circles_tui.app import CirclesApp
from circles_tui.core.change_report import describe_changes
from circles_tui.dialogs.compare import NO_DIFFERENCES, CompareDialog, CompareFileDialog
from circles_tui.dialogs.open_file import WorkbookTree
from circles_tui.core.model import Person
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.edits.people import add_person, remove_person, replace_person
from circles_tui.core.edits.supporters import set_supporters
from circles_tui.steps.summary import SummaryStep
from circles_tui.screens.workspace import WorkspaceScreen
from tests.conftest import EXAMPLES
from tests.test_supporters_step import ACTION_NAME, MARKUP_NAME

SIZE = (80, 24)
MARCH_3 = datetime(2026, 3, 3, 12, 30).timestamp()


@pytest.fixture
def current(tmp_path) -> Path:
    path = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLES / "mia-complete.toml", path)
    return path


def read(path: Path):
    return file_format.read_workbook(path).workbook


def older_version(current: Path) -> Path:
    """The workbook before Lou was added and before Nanna Jo moved to the inner ring."""
    workbook = remove_person(read(current), "lou")
    workbook = set_placements(workbook, "who-matters", [
        attrs.evolve(p, ring=2) if p.person == "nanna-jo" else p
        for p in workbook.circles["who-matters"]
    ])
    path = current.with_name("mia-march.toml")
    file_format.save_workbook(path, workbook)
    os.utime(path, (MARCH_3, MARCH_3))
    return path


def rendered(widget) -> str:
    """What a widget draws, its wrapped lines joined back into one line of text."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return " ".join(line for line in (strip.text.strip() for strip in strips) if line)


def shows(widget, text: str) -> bool:
    """Whether `widget` draws exactly `text`, however the lines wrap."""
    return "".join(rendered(widget).split()) == "".join(text.split())


def shown_sentences(dialog: CompareDialog) -> list[str]:
    return [rendered(w) for w in dialog.query(".sentence").results(Static)]


async def open_summary(pilot, app: CirclesApp) -> SummaryStep:
    await pilot.pause()
    summary = [step.id for step in app.screen.steps].index("step-summary")
    await pilot.press("g", "home", *["down"] * summary, "enter")
    await pilot.pause()
    step = app.screen.query_one(SummaryStep)
    assert app.screen.query_one("#panes").current == step.id
    return step


async def pick(pilot, app: CirclesApp, path: Path) -> CompareDialog:
    """Press the key, find `path` in the file browser and choose it with Enter."""
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CompareFileDialog)
    tree = app.screen.query_one(WorkbookTree)
    for _ in range(100):
        nodes = [n for n in tree.root.children if n.data and n.data.path.name == path.name]
        if nodes:
            break
        await pilot.pause(0.02)
    assert nodes, f"{path.name} is not in the file browser"
    tree.move_cursor(nodes[0])
    await pilot.press("enter")
    for _ in range(100):
        if isinstance(app.screen, CompareDialog):
            break
        await pilot.pause(0.02)
    assert isinstance(app.screen, CompareDialog)
    await pilot.pause()
    return app.screen


async def test_an_older_copy_shows_what_changed_since_it(current):
    older = older_version(current)
    before = current.read_bytes(), older.read_bytes()
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        dialog = await pick(pilot, app, older)
        who_matters = app.content.circle("who-matters")
        expected = describe_changes(read(older), read(current), app.content)
        assert shown_sentences(dialog) == expected
        assert "Lou (Mum's recovery worker) was added." in expected
        assert (f"Nanna Jo moved from '{who_matters.ring_label(2)}' to "
                f"'{who_matters.ring_label(1)}' in {who_matters.short}.") in expected
        assert "Lou was removed." not in expected  # the older copy is the "before" side
        assert rendered(dialog.query_one("#other-name")) == "Other copy: mia-march.toml"
        assert rendered(dialog.query_one("#other-when")) == (
            "Last changed 3 March 2026, 12:30 · last session 17 March 2026"
        )
        assert shows(dialog.query_one("#other-folder"), f"Folder: {current.parent}")
        assert dialog.query_one("#changes").border_subtitle == f"{len(expected)} changes"
        assert not dialog.query_one("#child-view-note").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
    assert (current.read_bytes(), older.read_bytes()) == before


async def test_the_list_scrolls_and_the_heading_and_keys_stay_in_view_at_80x24(current):
    longer_ago = current.with_name("mia-first-session.toml")
    shutil.copyfile(EXAMPLES / "mia-started.toml", longer_ago)
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        dialog = await pick(pilot, app, longer_ago)
        changes = dialog.query_one("#changes")
        assert len(shown_sentences(dialog)) > 50
        assert app.focused is changes
        box = dialog.query_one("Vertical").region
        for name in ("#other-name", "#direction", "#changes", "#keys"):
            assert box.contains_region(dialog.query_one(name).region), name
        assert changes.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert changes.scroll_y > 0


@pytest.mark.parametrize("which", ["a copy", "the open file"])
async def test_an_identical_copy_says_no_differences(current, which):
    other = current if which == "the open file" else current.with_name("mia-copy.toml")
    if other != current:
        shutil.copyfile(current, other)
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        dialog = await pick(pilot, app, other)
        assert shown_sentences(dialog) == []
        assert rendered(dialog.query_one(".none")) == NO_DIFFERENCES
        assert dialog.query_one("#changes").border_subtitle == ""
        name = rendered(dialog.query_one("#other-name"))
        assert ("the file open now" in name) == (which == "the open file")


@pytest.mark.parametrize("text, problem", [
    ('format = "circles-tui workbook"\nformat_version = 1\n[about\n', "on line 3"),
    ('format = "circles-tui workbook"\nformat_version = 99\n', "newer circles-tui"),
    ("", "the file is empty"),
    ('[about]\nchild = "Mia"\n', "format"),
])
async def test_a_file_that_cannot_be_read_says_why_in_one_sentence(current, text, problem):
    broken = current.with_name("broken.toml")
    broken.write_text(text)
    before = current.read_bytes(), broken.read_bytes()
    with pytest.raises(file_format.WorkbookFileError) as error:
        file_format.read_workbook(broken)
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        dialog = await pick(pilot, app, broken)
        message = str(dialog.query_one("#error").content)
        assert message == error.value.sentence()
        assert problem in message and "broken.toml" in message
        assert "Traceback" not in message and "\n" not in message
        assert shows(dialog.query_one("#error"), message)  # all of it, though a path may wrap
        assert not dialog.query("#changes")
        assert rendered(dialog.query_one("#keys")) == "Escape closes."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.is_running
        assert app.session.workbook == read(current)
    assert (current.read_bytes(), broken.read_bytes()) == before


async def test_names_and_file_names_that_look_like_markup_show_as_typed(current):
    old = current.with_name("[@click=app.quit]old[b].toml")
    shutil.copyfile(current, old)
    workbook = read(current)
    workbook = replace_person(workbook, attrs.evolve(workbook.person("nanna-jo"), name=MARKUP_NAME))
    workbook = add_person(workbook, Person("action", ACTION_NAME, ACTION_NAME))
    file_format.save_workbook(current, workbook, check=False)
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        dialog = await pick(pilot, app, old)
        assert shown_sentences(dialog) == [
            f"{ACTION_NAME} ({ACTION_NAME}) was added.",
            f"Nanna Jo is now called {MARKUP_NAME}.",
        ]
        assert rendered(dialog.query_one("#other-name")) == f"Other copy: {old.name}"
        await pilot.click(dialog.query(".sentence").first())
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, CompareDialog)


async def test_escape_backs_out_of_the_file_browser_without_comparing(current):
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        step = await open_summary(pilot, app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareFileDialog)
        assert "Compare" in rendered(app.screen.query_one(".dialog-title"))
        assert Path(app.screen.query_one(WorkbookTree).path) == current.parent
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        assert app.focused is not None and step in app.focused.ancestors_with_self


async def test_child_view_leaves_out_false_supporters_concerns_and_private_notes(current):
    """As the rest of the child view does; and F2 pressed with the dialog open counts too."""
    workbook = read(current)
    assert not workbook.about.share_false_supporters
    older = set_supporters(workbook, "false", [])  # before Kayleigh was a false supporter
    older = replace_person(older, attrs.evolve(older.person("craig"), concern=""))
    older = replace_person(older, attrs.evolve(older.person("mum"), practitioner_note="Met once."))
    old = current.with_name("mia-before.toml")
    file_format.save_workbook(old, older)
    false_title = app_content_false_title()
    private = {
        f"Kayleigh was added to {false_title}.",
        "The concern about Craig was added.",
        "The practitioner-only note on Mum changed.",
    }
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        dialog = await pick(pilot, app, old)
        assert set(shown_sentences(dialog)) == private
        await pilot.press("f2")  # the child comes back to the screen
        await pilot.pause()
        assert app.child_view
        assert shown_sentences(dialog) == []
        assert rendered(dialog.query_one(".none")) == NO_DIFFERENCES
        note = dialog.query_one("#child-view-note")
        assert note.display and "false supporters" in rendered(note)
        await pilot.press("escape")
        await pilot.pause()
        dialog = await pick(pilot, app, old)  # opened in child view from the start
        assert shown_sentences(dialog) == []
        await pilot.press("f2")
        await pilot.pause()
        assert set(shown_sentences(dialog)) == private
        assert not dialog.query_one("#child-view-note").display


async def test_child_view_keeps_false_supporters_the_young_person_agreed_to_share(current):
    workbook = read(current)
    shared = attrs.evolve(workbook, about=attrs.evolve(workbook.about, share_false_supporters=True))
    file_format.save_workbook(current, shared, check=False)
    old = current.with_name("mia-before.toml")
    file_format.save_workbook(old, set_supporters(workbook, "false", []))  # and not yet agreed
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        await pilot.press("f2")
        dialog = await pick(pilot, app, old)
        # Only the sentence about the agreement itself is left out: the rule for both
        # sides is the one on screen.
        assert shown_sentences(dialog) == [f"Kayleigh was added to {app_content_false_title()}."]
        assert "false supporters" not in rendered(dialog.query_one("#child-view-note"))


async def test_the_key_is_in_the_footer_help_and_command_palette(current):
    older = older_version(current)
    app = CirclesApp(path=current)
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(pilot, app)
        assert ("c", "Compare") in [
            (b.binding.key, b.binding.description) for b in app.screen.active_bindings.values()
        ]
        await pilot.press("f1")
        await pilot.pause()
        assert ("This step: Summary", "c", "Compare") in app.screen.rows
        await pilot.press("escape")
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Compare" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Compare")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CompareFileDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        dialog = await pick(pilot, app, older)  # the key still works after the palette
        assert shown_sentences(dialog)


def app_content_false_title() -> str:
    from circles_tui.core.wording import bundled

    return bundled().supporter("false").title
