"""Text from a workbook file is drawn literally on every screen and in every dialog.

The workbook below fills every text field (the About facts, every person's details,
every placement's note and extra fields, every supporter entry, every part of the tree
and the storms) with a different trap: Textual and Rich markup, click actions, links,
theme variables, escaped and lone brackets, HTML, emoji and right-to-left text, each
around a marker naming its field. The file itself is called
`[@click=app.quit]wb [red].toml`.

A few Pilot sessions in a 160x60 terminal walk every step of the workspace (About, the
five safety circles, Supporters, Tree of Life and each of its parts, People, Summary),
open each dialog that shows stored text, do it again in child view, and visit the start
screen and the file browser. At every stop they read what the terminal would show (the
compositor's cells, as a screenshot does) and check that

- each value is there, brackets and all, exactly as written, in the widget that should
  show it (a value may wrap inside its widget, so there spaces and line ends are ignored);
- no cell anywhere carries a click action or a link, no action ran and the app is up;
- in child view, the practitioner-only text is not on screen at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date
from itertools import count
from pathlib import Path

import attrs
import pytest
from textual.errors import NoWidget
from textual.geometry import Region
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, TextArea

from circles_tui.core.audience import CHILD, wording_for
from circles_tui import app as circles_app
from circles_tui.core import file_format
from circles_tui.app import CirclesApp
from circles_tui.dialogs.confirm import ConfirmDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.text_entry import TextDialog
from circles_tui.dialogs.conflict import ConflictDialog
from circles_tui.dialogs.export import ExportDialog
from circles_tui.dialogs.help import HelpScreen
from circles_tui.dialogs.open_file import OpenFileDialog
from circles_tui.dialogs.person_edit import PersonEditDialog, PickPersonDialog
from circles_tui.dialogs.placement import PlacementDialog, RingDialog
from circles_tui.dialogs.question import QuestionDialog
from circles_tui.dialogs.save_as import SaveAsDialog
from circles_tui.dialogs.supporter import SupporterDialog
from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    TREE_PARTS,
    About,
    Answer,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
    new_workbook,
)
from circles_tui.core.proposed_network import proposed_network
from circles_tui.core.talk_points import disagreements, gaps
from circles_tui.screens.workspace import StatusBar, WorkspaceScreen
from circles_tui.widgets.rings import NAME_MAX, RingsDiagram, shorten
from circles_tui.widgets.tree_drawing import TreeDrawing

SIZE = (160, 60)
FILE_NAME = "[@click=app.quit]wb [red].toml"

# -- the workbook ---------------------------------------------------------------------------

# One trap of each kind; `{m}` is the marker naming the field. `hostile` is an action
# the test app defines, so a click that reached it would be recorded, not lost.
TRAPS = (
    "[b]{m}[/b]",
    "[@click=app.hostile]{m}[/]",
    "[red]{m}[/red]",
    "[link=https://x]{m}[/link]",
    "$primary {m}",
    "\\[escaped] {m}",
    "<script>alert('{m}')</script>",
    "{m} [ lone",
    "🐻 {m} 🌳",
    "{m} שלום עולם",
    "[@click=app.quit]{m}[/]",
    "[$error on $primary]{m}[/]",
    "{m} [/]",
)

# Names are short (they show in narrow places) and each is a different kind of trap.
NAMES = {
    "nan": "[b]Nan[/b]",
    "dad": "[@click=app.quit]Dad[/]",
    "kay": "[red]Kay[/red]",
    "miss": "[link=https://x]Miss[/link]",
    "bea": "\\[Bea]",
    "ted": "🐻 Ted [",
    "sara": "שרה $primary",
    "scr": "<script>alert(1)</script>",
}
CODES = {  # short circle names for the markers
    "who-matters": "wm",
    "trusted-adults": "ta",
    "who-knows": "wk",
    "who-could-help": "wc",
    "services-suggest": "ss",
}
PLACED = {
    "who-matters": {"nan": 1, "dad": 1, "kay": 2, "sara": 2, "ted": 3, "bea": 3},
    "trusted-adults": {"nan": 1, "miss": 2, "bea": 3},
    "who-knows": {"nan": 1, "miss": 2, "dad": 3},
    "who-could-help": {"nan": 1, "bea": 2, "sara": 2, "ted": 3},
    "services-suggest": {"dad": 3, "nan": 1, "scr": 2},
}
SUPPORTED = {
    "emotional": ("nan", "bea"),
    "practical": ("miss", "sara"),
    "fair-weather": ("ted",),
    "false": ("kay", "scr"),
}
LEAF_PEOPLE = ("nan", "miss", "ted")  # Miss is not in "who matters", so `c` asks to add her
PARTS = TREE_PARTS + ("storms",)


def hostile_workbook() -> Workbook:
    turn = count()

    def trap(marker: str) -> str:
        """The next kind of trap around `marker`; they take turns, so every kind is used."""
        return TRAPS[next(turn) % len(TRAPS)].format(m=marker)

    def extra(circle: str, person: str, field) -> object:
        if field.kind == "text":
            return trap(f"{CODES[circle]}.{person}.{field.id}")
        return field.choices[0] if field.kind == "choice" else field.choices[:2]

    about = About(
        child="[b]Mia[/b] 🐻",
        age=8,
        pronouns=trap("about.pronouns"),
        practitioner="[@click=app.quit]Sam[/]",
        organisation="[link=https://x]Org[/link]",
        session_dates=(date(2026, 3, 2),),
        taking_part=(trap("about.taking1"), trap("about.taking2")),
        practitioner_note=trap("about.pnote"),
    )
    people = tuple(
        Person(pid, name, relationship=trap(f"{pid}.rel"), lives=trap(f"{pid}.lives"),
               contact=trap(f"{pid}.contact"), note=trap(f"{pid}.note"),
               practitioner_note=trap(f"{pid}.pnote"), concern=trap(f"{pid}.concern"),
               hold_until=trap(f"{pid}.hold"), hold_asked_by=trap(f"{pid}.holdby"))
        for pid, name in NAMES.items()
    )
    circles = {
        circle: tuple(
            Placement(
                pid, ring,
                named_by="practitioner" if circle == "services-suggest" else "child",
                note=trap(f"{CODES[circle]}.{pid}.note"),
                practitioner_note=trap(f"{CODES[circle]}.{pid}.pnote"),
                extras={f.id: extra(circle, pid, f) for f in CIRCLE_FIELDS[circle]},
            )
            for pid, ring in placed.items()
        )
        for circle, placed in PLACED.items()
    }
    supporters = {
        kind: tuple(
            Supporter(pid, what_they_do=trap(f"{kind}.{pid}.does"),
                      how_to_use=trap(f"{kind}.{pid}.use"), reach=trap(f"{kind}.{pid}.reach"),
                      note=trap(f"{kind}.{pid}.note"),
                      practitioner_note=trap(f"{kind}.{pid}.pnote"))
            for pid in pids
        )
        for kind, pids in SUPPORTED.items()
    }

    def part(name: str, people: tuple[str, ...] = ()) -> TreePart:
        return TreePart(
            words=(trap(f"{name}.word1"), trap(f"{name}.word2")),
            answers=(Answer(trap(f"{name}.q1"), trap(f"{name}.a1")),
                     Answer(trap(f"{name}.q2"), trap(f"{name}.a2"))),
            people=people,
            practitioner_note=trap(f"{name}.pnote"),
        )

    tree = {name: part(name, LEAF_PEOPLE if name == "leaves" else ()) for name in TREE_PARTS}
    return Workbook(about, people, circles, supporters, tree, part("storms", ("nan",)))


def test_the_workbook_is_hostile_everywhere():
    """Every text field of every record is filled, no two alike, with every kind of trap."""
    workbook = hostile_workbook()
    values = list(all_text(workbook))
    assert all(values) and len(values) == len(set(values)) > 200
    for template in TRAPS:
        before, _, after = template.partition("{m}")
        assert any(v.startswith(before) and v.endswith(after) for v in values), template
    assert file_format.parse_workbook(file_format.dumps(workbook)) == workbook  # it saves and loads


def all_text(workbook: Workbook) -> Iterable[str]:
    """Every piece of text a person typed, found field by field (ids and choices aside)."""
    records: list[object] = [workbook.about, *workbook.people]
    for circle, placements in workbook.circles.items():
        records += placements
        text_fields = {f.id for f in CIRCLE_FIELDS[circle] if f.kind == "text"}
        yield from (p.extras[f] for p in placements for f in text_fields)
    for entries in workbook.supporters.values():
        records += entries
    for part in [*workbook.tree.values(), workbook.storms]:
        records += [part, *part.answers]
    for record in records:
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            if field.name in ("id", "person", "people", "named_by", "kind", "gender"):
                continue  # ids and choices, not typed text
            if field.name == "died" and getattr(record, "living", True):
                continue  # only said of someone who died
            if isinstance(value, str):
                yield value
            elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                yield from value


# -- reading the screen ---------------------------------------------------------------------


class HostileApp(CirclesApp):
    """The real app, recording any action a click in the text could have reached."""

    CSS_PATH = Path(circles_app.__file__).with_name("app.tcss")  # relative to circles_tui/

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actions_run: list[str] = []
        self.notices: list[str] = []

    def notify(self, message, *args, **kwargs) -> None:
        self.notices.append(str(message))
        super().notify(message, *args, **kwargs)

    def action_hostile(self) -> None:
        self.actions_run.append("hostile")

    async def action_quit(self) -> None:
        self.actions_run.append("quit")
        await super().action_quit()


def painted(screen: Screen) -> tuple[list[Strip], dict[Widget, tuple[Region, Region]]]:
    """The screen's rows of cells, and each visible widget with its region and clip.

    Painted as the compositor paints the terminal, back to front, each widget from its own
    lines (`render_lines`) where `find_widget` says it is, with public API only. A dialog's
    see-through backdrop is painted plain, without the screen under it.
    """
    area = screen.size.region
    found = []
    for widget in screen.walk_children(with_self=True):
        try:
            region, order, clip, *_ = screen.find_widget(widget)
        except NoWidget:
            continue
        if area.overlaps(region) and clip.overlaps(region):
            found.append((order, widget, region, clip))
    found.sort(key=lambda entry: entry[0])
    rows = [Strip.blank(area.width) for _ in range(area.height)]
    for _, widget, region, clip in found:
        shown = region.intersection(clip).intersection(area)
        if not shown:
            continue
        crop = Region(shown.x - region.x, shown.y - region.y, shown.width, shown.height)
        for y, strip in zip(shown.line_range, widget.render_lines(crop)):
            row = rows[y]
            rows[y] = Strip.join([row.crop(0, shown.x), strip.crop(0, shown.width),
                                  row.crop(shown.right, area.width)])
    visible = {widget: (region, clip) for _, widget, region, clip in reversed(found)}
    return rows, visible


class Shown:
    """What the terminal shows now, painted from the widgets' cells as a screenshot is.

    `rows` are whole lines of cells; `areas` are widgets' text areas (inside border,
    padding and scrollbar) with every space taken out, so that a value wrapped onto two
    lines is still found whole. `within` narrows both to some widgets (a selector or a
    widget), so a value shown literally in one place cannot hide a leak in another. In a
    dialog only the dialog counts, not the dimmed screen behind it.
    """

    def __init__(self, app: HostileApp, within: str | Widget | None = None) -> None:
        strips, visible = painted(app.screen)
        self.all_rows = [strip.text for strip in strips]
        screen = app.screen.size.region

        def cells(region) -> list[str]:
            return [strips[y].crop(region.x, region.right).text
                    for y in range(region.y, region.bottom)]

        if within is None:
            widgets = [w for w in visible if not isinstance(w, Screen)]
            self.rows = [] if isinstance(app.screen, ModalScreen) else self.all_rows
        else:
            widgets = [within] if isinstance(within, Widget) else list(app.screen.query(within))
            assert widgets, f"nothing matches {within!r}"
            self.rows = []
        self.areas: list[str] = []
        for widget in widgets:
            if widget not in visible:
                continue
            region, clip = visible[widget]
            clip = clip.intersection(screen)
            if within is not None:
                self.rows += cells(region.intersection(clip))  # with the border and its title
            area = region.shrink(widget.styles.gutter).shrink(widget.scrollbar_gutter)
            self.areas.append("".join("".join(cells(area.intersection(clip))).split()))

        # Anything markup would have left in the cells' styles, anywhere on screen.
        self.actions = []
        self.links = []
        for strip in strips:
            for segment in strip:
                style = segment.style
                if style is None:
                    continue
                if style.link:
                    self.links.append((segment.text, style.link))
                if "@click" in style.meta:
                    self.actions.append((segment.text, style.meta))

    def has(self, text: str) -> bool:
        squeezed = "".join(text.split())
        return any(text in row for row in self.rows) or any(squeezed in a for a in self.areas)

    def __str__(self) -> str:
        return "\n".join(self.all_rows)


def safe(app: HostileApp, where: str, within: str | Widget | None = None) -> Shown:
    """The screen now, after checking nothing in it acted as markup."""
    assert app.is_running, f"{where}: the app stopped"
    assert not app.actions_run, f"{where}: an action ran from the text: {app.actions_run}"
    shown = Shown(app, within)
    assert not shown.actions, f"{where}: cells carry actions: {shown.actions[:5]}"
    assert not shown.links, f"{where}: cells carry links: {shown.links[:5]}"
    return shown


def shows(app: HostileApp, where: str, *texts: str, within: str | Widget | None = None) -> None:
    """Each of `texts` is on screen (in `within`), literally; nothing on screen is live markup."""
    shown = safe(app, where, within)
    missing = [text for text in texts if not shown.has(text)]
    inside = f" in {within}" if within is not None else ""
    assert not missing, f"{where}: not shown literally{inside}: {missing}\n{shown}"


def hides(app: HostileApp, where: str, *texts: str) -> None:
    """None of `texts` is anywhere on screen (child view keeps them off)."""
    shown = safe(app, where)
    found = [text for text in texts if shown.has(text)]
    assert not found, f"{where}: shown in child view: {found}\n{shown}"


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def back_out(pilot, app: HostileApp) -> None:
    """Escape from a dialog, back to the workspace, and clear the notices it left."""
    await press(pilot, "escape")
    assert isinstance(app.screen, WorkspaceScreen), app.screen
    app.clear_notifications()
    await pilot.pause()


async def fields_shown(pilot, app: HostileApp, where: str, **expected: str) -> None:
    """In a form dialog, each field (by id) holds its value and shows it, scrolled into view
    first when the form is taller than the dialog."""
    for widget_id, value in expected.items():
        widget = app.screen.query_one(f"#{widget_id}")
        assert (widget.text if isinstance(widget, TextArea) else widget.value) == value, (
            where, widget_id)
        if not Shown(app, widget).has(value):
            widget.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
        shows(app, f"{where} #{widget_id}", value, within=widget)


def workspace(app: HostileApp) -> WorkspaceScreen:
    screen = app.screen
    assert isinstance(screen, WorkspaceScreen), screen
    return screen


async def next_step(pilot, app: HostileApp, title: str) -> None:
    """Go on to `title`: with ] when it is the next step in the guided order, else by the
    step list (the Tree of Life sits between Who matters and the other circles)."""
    screen = workspace(app)
    titles = [step.step_title for step in screen.steps]
    if titles.index(title) == screen.current + 1:
        await press(pilot, "right_square_bracket")
    else:
        await jump_to(pilot, app, title)
    assert screen.steps[screen.current].step_title == title


async def help_opens(pilot, app: HostileApp, where: str) -> None:
    await press(pilot, "f1")
    assert isinstance(app.screen, HelpScreen)
    shows(app, f"{where}: help", "Keys")
    await back_out(pilot, app)


# -- the walk -------------------------------------------------------------------------------


@pytest.fixture
def folder(private_home) -> Path:
    """Where the start screen's file browser opens, inside the test's own home."""
    from circles_tui.dialogs.new_workbook import default_folder

    path = default_folder()
    path.mkdir(parents=True)
    return path


@contextlib.asynccontextmanager
async def opened(folder: Path, child_view: bool = False):
    """The hostile workbook open in the app, in a big terminal; checked again at the end."""
    workbook = hostile_workbook()
    path = folder / FILE_NAME
    file_format.save_workbook(path, workbook, expected=None)
    app = HostileApp(path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        workspace(app)
        if child_view:
            await press(pilot, "f2")
        app.clear_notifications()
        yield pilot, app, workbook
        safe(app, "at the end")
        assert app.session.workbook == workbook  # every change made on the way was undone


async def jump_to(pilot, app: HostileApp, title: str) -> None:
    """Show the step called `title` (the walk then goes on from it with `]`)."""
    screen = workspace(app)
    screen.show_step([step.step_title for step in screen.steps].index(title))
    await pilot.pause()


async def test_about_and_the_safety_circles(folder):
    async with opened(folder) as (pilot, app, workbook):
        await about_step(pilot, app, workbook)
        for circle in CIRCLE_IDS:
            await circle_step(pilot, app, workbook, circle)


async def test_supporters_and_the_tree_of_life(folder):
    async with opened(folder) as (pilot, app, workbook):
        await jump_to(pilot, app, app.content.circle(CIRCLE_IDS[-1]).short)
        await supporters_step(pilot, app, workbook)
        await tree_step(pilot, app, workbook)


async def test_people_summary_and_the_file_dialogs(folder):
    async with opened(folder) as (pilot, app, workbook):
        await jump_to(pilot, app, "Tree of Life")
        await people_step(pilot, app, workbook)
        await summary_step(pilot, app, workbook)
        await save_as_and_conflict(pilot, app, folder / FILE_NAME)


async def test_child_view(folder):
    async with opened(folder, child_view=True) as (pilot, app, workbook):
        await child_view(pilot, app, workbook)


async def about_step(pilot, app: HostileApp, workbook: Workbook) -> None:
    about = workbook.about
    where = "About"
    shows(app, where, about.child, about.pronouns, ", ".join(about.taking_part),
          about.practitioner, about.organisation, about.practitioner_note,
          within="#about-fields")
    shows(app, "status bar", f"{about.child} (8) · {FILE_NAME}", within=StatusBar)
    await press(pilot, "e")
    assert isinstance(app.screen, TextDialog)
    await fields_shown(pilot, app, "About: edit child", text=about.child)
    await back_out(pilot, app)
    await press(pilot, "down", "down", "down")  # taking part: one person a line
    await press(pilot, "e")
    await fields_shown(pilot, app, "About: edit taking part", text="\n".join(about.taking_part))
    await back_out(pilot, app)
    await press(pilot, "end", "e")  # the practitioner note
    await fields_shown(pilot, app, "About: edit note", text=about.practitioner_note)
    await back_out(pilot, app)
    await help_opens(pilot, app, where)


def in_list_order(circle: str) -> list[str]:
    placed = PLACED[circle]
    return sorted(placed, key=lambda pid: placed[pid])  # sorted() keeps order within a ring


async def circle_step(pilot, app: HostileApp, workbook: Workbook, circle: str) -> None:
    step_title = app.content.circle(circle).short
    await next_step(pilot, app, step_title)
    step = workspace(app).steps[workspace(app).current]
    placements = {p.person: p for p in workbook.circles[circle]}
    text_fields = [f.id for f in CIRCLE_FIELDS[circle] if f.kind == "text"]
    # The picture: the child in the middle, and everyone it has room for, names shortened.
    diagram = step.query_one(RingsDiagram)
    drawn = [pid for ring in diagram.layout_now().shown for pid in ring]
    assert set(drawn) == set(placements)
    shows(app, f"{step_title}: picture", workbook.about.child,
          *(shorten(NAMES[pid], NAME_MAX) for pid in drawn), within=diagram)
    await press(pilot, "home")
    order = in_list_order(circle)
    for n, pid in enumerate(order):
        if n:
            await press(pilot, "down")
        assert step.selected == pid
        placement, person = placements[pid], workbook.person(pid)
        # The list: name and relationship, then the note (the reason, in "services suggest");
        # the detail below: everything about this person in this circle.
        listed = placement.extras["reason"] if circle == "services-suggest" else placement.note
        shows(app, f"{step_title}: {pid}: list", f"{person.name} · ", listed,
              within="#circle-list")
        shows(app, f"{step_title}: {pid}: detail", person.name, person.relationship,
              person.lives, f"Note: {placement.note}", placement.practitioner_note,
              person.concern, *(placement.extras[f] for f in text_fields),
              within="#circle-detail")

    # The details dialog and "where else", for the last person in the list.
    pid = order[-1]
    placement, person = placements[pid], workbook.person(pid)
    where = f"{step_title}: {pid}"
    await press(pilot, "e")
    assert isinstance(app.screen, PlacementDialog)
    shows(app, f"{where}: details dialog", f"{person.name} in {step_title}",
          within=".dialog-title")
    await fields_shown(pilot, app, f"{where}: details dialog",
                       note=placement.note, practitioner_note=placement.practitioner_note,
                       **{f"field-{f}": placement.extras[f] for f in text_fields})
    await back_out(pilot, app)
    await press(pilot, "w")
    shows(app, f"{where}: where else", f"{person.name} is also in:", within="Toast")
    app.clear_notifications()

    if circle == "who-matters":
        # Adding someone already in the workbook: the name completes and the ring is asked.
        await press(pilot, "a")
        assert isinstance(app.screen, PersonDialog)
        name = app.screen.query_one("#name", Input)
        name.value = NAMES["miss"][:6]  # the rest of the name is suggested
        await pilot.pause()
        shows(app, "add person dialog", NAMES["miss"], within=name)
        name.value = NAMES["miss"]
        await pilot.pause()
        await press(pilot, "enter")
        assert isinstance(app.screen, RingDialog)
        shows(app, "ring dialog", f"Which ring for {NAMES['miss']}?", within=".dialog-title")
        await back_out(pilot, app)
        # Removing someone, and bringing them back: both notices name them literally.
        await press(pilot, "home")
        assert step.selected == "nan"
        await press(pilot, "x")
        shows(app, "removed notice", f"Removed {NAMES['nan']} from {step_title}",
              within="Toast")
        await press(pilot, "ctrl+z")
        shows(app, "undone notice", f"Undone: Removed {NAMES['nan']} from {step_title}",
              within="Toast")
        app.clear_notifications()
        assert app.session.workbook == workbook


async def supporters_step(pilot, app: HostileApp, workbook: Workbook) -> None:
    await next_step(pilot, app, "Supporters")
    step = workspace(app).steps[workspace(app).current]
    for k, kind in enumerate(SUPPORTED):
        if k:
            await press(pilot, "right")
        column = step.query_one(f"#kind-{kind}")
        assert app.focused is column.entries
        for n, entry in enumerate(workbook.supporters[kind]):
            if n:
                await press(pilot, "down")
            assert column.entries.highlighted_option.id == entry.person
            person = workbook.person(entry.person)
            where = f"Supporters: {kind}: {entry.person}"
            shows(app, where, person.name, person.lives, entry.what_they_do,
                  entry.how_to_use, within=column.entries)
            shows(app, f"{where}: detail", f"{person.name} ({person.relationship})",
                  f"How to reach them: {entry.reach}", f"Note: {entry.note}",
                  f"Practitioner only: {entry.practitioner_note}", within="#entry-detail")
        if kind not in ("emotional", "false"):
            continue
        # The dialog, for the last one in the column.
        where = f"Supporters: {kind}: {entry.person}"
        await press(pilot, "e")
        assert isinstance(app.screen, SupporterDialog)
        shows(app, f"{where}: dialog", person.name, within=".dialog-title")
        await fields_shown(pilot, app, f"{where}: dialog", what_they_do=entry.what_they_do,
                           how_to_use=entry.how_to_use, reach=entry.reach, lives=person.lives,
                           note=entry.note, practitioner_note=entry.practitioner_note)
        await back_out(pilot, app)
    await press(pilot, "w")
    shows(app, "Supporters: where else", f"{person.name} also appears in:", within="Toast")
    app.clear_notifications()


def items(app: HostileApp) -> OptionList:
    return app.screen.query_one("#items", OptionList)


async def highlight_item(pilot, app: HostileApp, option_id: str) -> None:
    items(app).highlighted = items(app).get_option_index(option_id)
    await pilot.pause()


async def tree_step(pilot, app: HostileApp, workbook: Workbook) -> None:
    await next_step(pilot, app, "Tree of Life")
    shows(app, "Tree of Life", f"{workbook.about.child}'s Tree of Life", within=TreeDrawing)
    for number, name in enumerate(PARTS, 1):
        await press(pilot, str(number))
        part = workbook.storms if name == "storms" else workbook.tree[name]
        where = f"Tree of Life: {name}"
        shows(app, where, *part.words, *(t for a in part.answers for t in (a.question, a.answer)),
              part.practitioner_note, within="#items")
        for pid in part.people if name == "leaves" else ():  # only the leaves list people
            person = workbook.person(pid)
            shows(app, f"{where}: {pid}", f"{person.name} · {person.relationship}", person.note,
                  within="#items")

        # Each of the three dialogs in one part (they are the same in every part), and
        # the question dialog again in the storms.
        dialog = {1: "words", 2: "answer", 3: "note", 8: "answer"}.get(number)
        if dialog:
            await tree_dialog(pilot, app, where, part, dialog)

        if name == "leaves":
            person = workbook.person("miss")
            await highlight_item(pilot, app, "person-miss")
            await press(pilot, "e")
            assert isinstance(app.screen, TextDialog)
            shows(app, f"{where}: leaf note", f"What the child says about {person.name}",
                  within=".dialog-title")
            await fields_shown(pilot, app, f"{where}: leaf note", text=person.note)
            await back_out(pilot, app)
            await press(pilot, "c")
            assert isinstance(app.screen, ConfirmDialog)
            shows(app, f"{where}: add to circle", f"Add {person.name} to",
                  f"Only if the child agrees. {person.name} will go in the ring")
            await back_out(pilot, app)
    await press(pilot, "1", "q")  # the suggested questions, none of them asked here
    assert isinstance(app.screen, QuestionDialog)
    shows(app, "Tree of Life: suggested questions", app.content.tree_part("roots").questions[0])
    await back_out(pilot, app)
    await help_opens(pilot, app, "Tree of Life")


async def tree_dialog(pilot, app: HostileApp, where: str, part: TreePart, dialog: str) -> None:
    if dialog == "words":
        await highlight_item(pilot, app, "word-1")
        await press(pilot, "e")
        assert isinstance(app.screen, TextDialog)
        await fields_shown(pilot, app, f"{where}: change words", text=part.words[1])
    elif dialog == "answer":
        await highlight_item(pilot, app, "answer-1")
        await press(pilot, "e")
        assert isinstance(app.screen, QuestionDialog)
        await fields_shown(pilot, app, f"{where}: question", question=part.answers[1].question,
                           answer=part.answers[1].answer)
    else:
        await press(pilot, "n")
        assert isinstance(app.screen, TextDialog)
        await fields_shown(pilot, app, f"{where}: note", text=part.practitioner_note)
    await back_out(pilot, app)


def table(app: HostileApp) -> DataTable:
    return app.screen.query_one("#people", DataTable)


async def people_step(pilot, app: HostileApp, workbook: Workbook) -> None:
    await next_step(pilot, app, "People")
    table(app).focus()
    await pilot.pause()
    # The table: text longer than its column wraps inside the cell, so only what fits is
    # looked for there; the box below the table shows everything about the selected person.
    shows(app, "People: table", *(
        text for p in workbook.people
        for text, cap in ((p.name, 20), (p.relationship, 16), (p.lives, 16)) if len(text) <= cap
    ), within=table(app))
    for n, person in enumerate(workbook.people):
        if n:
            await press(pilot, "down")
        selected = table(app).coordinate_to_cell_key(table(app).cursor_coordinate).row_key
        assert selected.value == person.id
        shows(app, f"People: {person.id}", person.name,
              f"{person.relationship} · lives in {person.lives}", f"Note: {person.note}",
              f"Contact (practitioner only): {person.contact}",
              f"Note (practitioner only): {person.practitioner_note}",
              f"Concern, discuss before inviting (practitioner only): {person.concern}",
              f"Hold on contact (practitioner only): until {person.hold_until}, asked by "
              f"{person.hold_asked_by}", within="#person-detail-box")

    # The dialogs, for the last person (the one whose name is an HTML script tag).
    where = f"People: {person.id}"
    await press(pilot, "e")
    assert isinstance(app.screen, PersonEditDialog)
    shows(app, f"{where}: edit", f"Details for {person.name}", within=".dialog-title")
    await fields_shown(pilot, app, f"{where}: edit", name=person.name,
                       relationship=person.relationship, lives=person.lives, note=person.note,
                       contact=person.contact, practitioner_note=person.practitioner_note,
                       concern=person.concern)
    await back_out(pilot, app)
    await press(pilot, "r")
    assert isinstance(app.screen, TextDialog)
    shows(app, f"{where}: rename", f"Rename {person.name}", within=".dialog-title")
    await fields_shown(pilot, app, f"{where}: rename", text=person.name)
    await back_out(pilot, app)
    await press(pilot, "x")
    assert isinstance(app.screen, ConfirmDialog)
    shows(app, f"{where}: remove", f"Remove {person.name} and their")
    await back_out(pilot, app)

    # Merge Dad into Nan, then undo it: the picker, the question and both notices.
    table(app).move_cursor(row=0)
    await pilot.pause()
    nan, dad = workbook.person("nan"), workbook.person("dad")
    await press(pilot, "m")
    assert isinstance(app.screen, PickPersonDialog)
    shows(app, "merge: pick", f"Who else is {nan.name}?", within=".dialog-title")
    shows(app, "merge: pick", *(f"{p.name}  ({p.relationship}, {p.lives})"
                                for p in workbook.people[1:4]), within="#people")
    await press(pilot, "enter")  # the first other person: Dad
    assert isinstance(app.screen, ConfirmDialog)
    shows(app, "merge: confirm", f"Merge {dad.name} into {nan.name}?",
          f"{dad.name} and {nan.name} become one person, called {nan.name}.")
    await press(pilot, "y")
    workspace(app)
    shows(app, "merge: notice", f"Merged {dad.name} into {nan.name}. Press ctrl+z to undo.",
          within="Toast")
    assert app.session.workbook.person("nan").note.endswith(f"Also called {dad.name}.")
    await press(pilot, "ctrl+z")
    shows(app, "merge: undone", f"Undone: Merged {dad.name} into {nan.name}", within="Toast")
    app.clear_notifications()
    assert app.session.workbook == workbook
    await help_opens(pilot, app, "People")


async def summary_step(pilot, app: HostileApp, workbook: Workbook) -> None:
    await next_step(pilot, app, "Summary")
    network = app.screen.query_one("#network", OptionList)
    network.focus()
    await pilot.pause()
    entries = proposed_network(workbook, app.content)
    assert len(entries) == len(NAMES)
    for n, entry in enumerate(entries):
        if n:
            await press(pilot, "down")
        assert network.highlighted_option.id == entry.person.id
        person = entry.person
        shows(app, f"Summary: {person.id}", f"{person.name} ({person.relationship})",
              f"lives in {person.lives}", f"Concerns (practitioner only): {person.concern}",
              f"until {person.hold_until}", within="#network")
    # What the circles disagree about, and the gaps: the first lines are in view.
    talk, missing = disagreements(workbook, app.content), gaps(workbook, app.content)
    assert talk and missing
    shows(app, "Summary: talk points", talk[0], within="#disagreements")
    shows(app, "Summary: gaps", missing[0], within="#gaps")

    # Export: the suggested file name, the notice, and the question before replacing it.
    await press(pilot, "x")
    assert isinstance(app.screen, ExportDialog)
    exported = str(Path(app.workbook_path).with_suffix(".md"))
    path_field = app.screen.query_one("#path", Input)
    assert path_field.value == exported
    path_field.focus()  # the end of a long path shows while the field has focus
    await pilot.pause()
    shows(app, "export dialog", Path(exported).name, within=path_field)
    await press(pilot, "enter")
    workspace(app)
    shows(app, "export notice", f"Exported to {exported}", within="Toast")
    app.clear_notifications()
    await press(pilot, "x")
    app.screen.query_one("#path", Input).focus()
    await press(pilot, "enter")
    assert isinstance(app.screen, ConfirmDialog)
    shows(app, "export: replace?", f"{exported} already exists. Replace it with this export?")
    await press(pilot, "escape")
    assert isinstance(app.screen, ExportDialog)
    await back_out(pilot, app)
    await help_opens(pilot, app, "Summary")


async def save_as_and_conflict(pilot, app: HostileApp, path: Path) -> None:
    await press(pilot, "f12")
    assert isinstance(app.screen, SaveAsDialog)
    copy = path.with_name(f"{path.stem} (copy){path.suffix}")
    assert app.screen.query_one("#path", Input).value == str(copy)
    shows(app, "save as", copy.name, within="#path")  # the end, where the cursor is
    await back_out(pilot, app)
    # The file changes on disk behind the app's back (a comment only): the dialog names it
    # literally, and reloading it brings back the same workbook.
    path.write_bytes(path.read_bytes() + b"# changed elsewhere\n")
    await press(pilot, "ctrl+s")
    assert isinstance(app.screen, ConflictDialog)
    shows(app, "conflict dialog", str(path), within="Static")
    await press(pilot, "r")
    workspace(app)
    app.clear_notifications()


async def child_view(pilot, app: HostileApp, workbook: Workbook) -> None:
    """F2: the same text, literal, and the practitioner-only part of it gone."""
    screen = workspace(app)
    about = workbook.about
    shows(app, "child view: About", about.child, about.pronouns, about.practitioner,
          "CHILD VIEW")
    hides(app, "child view: About", about.practitioner_note)

    child_words = wording_for(app.content, CHILD)
    for circle in CIRCLE_IDS:
        step_title = child_words.circle(circle).short  # the step list speaks to the child
        await next_step(pilot, app, step_title)
        step = screen.steps[screen.current]
        placements = {p.person: p for p in workbook.circles[circle]}
        # Everyone placed stays, false supporters too: only what was written about them goes.
        order = in_list_order(circle)
        await press(pilot, "home")
        assert step.selected == order[0]
        placement, person = placements[order[0]], workbook.person(order[0])
        where = f"child view: {step_title}"
        shows(app, where, person.relationship, placement.note,
              *(workbook.person(pid).name for pid in order))
        hides(app, where, placement.practitioner_note, person.concern)
        if circle == "who-matters":
            await press(pilot, "e")
            assert isinstance(app.screen, PlacementDialog)
            assert not app.screen.query("#practitioner_note")
            await fields_shown(pilot, app, f"{where}: details", note=placement.note)
            hides(app, f"{where}: details", placement.practitioner_note)
            await back_out(pilot, app)

    await next_step(pilot, app, "Supporters")
    for kind in ("emotional", "practical", "fair-weather"):
        for entry in workbook.supporters[kind]:
            shows(app, f"child view: Supporters: {kind}", workbook.person(entry.person).name,
                  entry.what_they_do)
    for entry in workbook.supporters["false"]:
        hides(app, "child view: false supporters", entry.what_they_do)
    focused = app.focused.highlighted_option.id
    entry = next(e for e in workbook.supporters["emotional"] if e.person == focused)
    await press(pilot, "e")
    assert isinstance(app.screen, SupporterDialog)
    await fields_shown(pilot, app, "child view: supporter", what_they_do=entry.what_they_do)
    hides(app, "child view: supporter", entry.practitioner_note)
    await back_out(pilot, app)

    await next_step(pilot, app, "Tree of Life")
    for number, name in enumerate(PARTS, 1):
        await press(pilot, str(number))
        part = workbook.storms if name == "storms" else workbook.tree[name]
        shows(app, f"child view: {name}", *part.words, part.answers[0].question)
        hides(app, f"child view: {name}", part.practitioner_note)

    await next_step(pilot, app, "People")
    table(app).focus()
    await pilot.pause()
    person = workbook.person(
        table(app).coordinate_to_cell_key(table(app).cursor_coordinate).row_key.value)
    # Names longer than the name column wrap inside their cells, so only the short ones
    # are looked for in the table; the selected person's name heads the box below it.
    shows(app, "child view: People", *(p.name for p in workbook.people if len(p.name) <= 20),
          person.name, person.note)
    hides(app, "child view: People", person.contact, person.practitioner_note, person.concern,
          person.hold_until, person.hold_asked_by)
    await press(pilot, "e")
    assert isinstance(app.screen, PersonEditDialog)
    await fields_shown(pilot, app, "child view: edit person", name=person.name, note=person.note)
    hides(app, "child view: edit person", person.contact, person.concern)
    await back_out(pilot, app)

    await next_step(pilot, app, "Summary")
    shows(app, "child view: Summary", workbook.person("nan").name)
    hides(app, "child view: Summary", workbook.person("nan").concern,
          workbook.person("nan").hold_until)
    await press(pilot, "x")
    assert isinstance(app.screen, ExportDialog)
    name = f"{Path(app.workbook_path).stem}-child-view.md"
    path_field = app.screen.query_one("#path", Input)
    assert path_field.value.endswith(name)
    path_field.focus()
    await pilot.pause()
    shows(app, "child view: export", name)
    await back_out(pilot, app)
    await help_opens(pilot, app, "child view")


async def test_start_screen_and_file_browser_show_file_names_literally(folder):
    """The recent list and the file browser name a workbook called like markup literally."""
    path = folder / FILE_NAME
    file_format.save_workbook(path, hostile_workbook(), expected=None)
    (folder / "[@click=app.hostile]copy.toml").write_bytes(path.read_bytes())
    app = HostileApp(path=path)
    async with app.run_test(size=SIZE) as pilot:  # opening it puts it in the recent list
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
    app = HostileApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shows(app, "start screen", f"{FILE_NAME}  —  {folder}")
        await press(pilot, "o")
        assert isinstance(app.screen, OpenFileDialog)
        await pilot.pause(0.2)  # the folder is read in the background
        shows(app, "file browser", FILE_NAME, "[@click=app.hostile]copy.toml")
        assert app.is_running and not app.actions_run


async def test_terminal_escapes_in_a_file_do_not_reach_the_terminal(folder):
    """A file whose text holds terminal commands (ESC, C1) is refused and left as it was."""
    good = file_format.dumps(new_workbook("Mia"))
    path = folder / "escapes.toml"
    path.write_text(good.replace('child = "Mia"', 'child = "Mia\\u001b]0;a title\\u0007\\u009b2J"'))
    before = path.read_bytes()
    app = HostileApp(path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("escapes.toml on line 8" in notice and "control character (U+001B)" in notice
                   for notice in app.notices), app.notices
        cells = "".join(Shown(app).all_rows)
        assert not [c for c in cells if ord(c) < 32 or 0x7F <= ord(c) < 0xA0], cells[:200]
    assert path.read_bytes() == before


def test_terminal_escapes_typed_or_pasted_never_reach_the_workbook():
    """Text put into the model by any screen has its control characters made visible."""
    workbook = new_workbook("Mia\x1b[2J")
    assert workbook.about.child == "Mia\ufffd[2J"
    person = Person("nan", "Nan\x1b]0;x\x07", note="tab\tand\nnew line\x9b")
    assert (person.name, person.note) == ("Nan\ufffd]0;x\ufffd", "tab\tand\nnew line\ufffd")
