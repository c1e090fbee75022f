"""The ecomap step: the drawing and the list, every key (pressed as bursts), the dialog
chains, child view and the picture view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from circles_tui.app import CirclesApp
from circles_tui.core.ecomap import EcoLink, Ecomap
from circles_tui.core.file_format import save_workbook
from circles_tui.core.model import About, Person, Placement, Supporter, Workbook
from circles_tui.core.wording import bundled
from circles_tui.dialogs.help import key_rows
from circles_tui.dialogs.meeting_forms import ChecksDialog, ChoiceDialog, ShortFormDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.dialogs.placement import PlacementDialog, RingDialog
from circles_tui.dialogs.supporter import SupporterDialog
from circles_tui.screens.picture import PictureScreen
from circles_tui.steps.ecomap import EcomapStep, ecomap_progress
from circles_tui.steps.ecomap.chains import free_clock
from circles_tui.widgets.ecomap_drawing import EcomapDrawing
from tests.bursts import Pasted, Typed, burst, settle
from tests.harness import StepHarness

MIA = "child-2026-03-17"
FAMILY = "household-2026-03-17"


def family() -> Workbook:
    people = (
        Person("nanna-jo", "Nanna Jo", "grandmother"),
        Person("dad", "Dad", "father"),
        Person("mum", "Mum", "mother"),
        Person("hillside", "Hillside Primary", kind="group"),
        Person("gp", "Parkway GP surgery", kind="service"),
    )
    mias = Ecomap(MIA, "child", date(2026, 3, 17), "island", links=(
        EcoLink("nanna-jo", 1, 2, ("strong",), "both", note="She makes pancakes"),
        EcoLink("dad", 3, 9, ("stressful",), "from-centre",
                practitioner_note="Police call-out last year", practitioner_only=True),
        EcoLink("hillside", 2, 6, ("ordinary", "tenuous"), "to-centre"),
    ))
    whole = Ecomap(FAMILY, "household", date(2026, 3, 17), "pitch", household=("mum",), links=(
        EcoLink("mum", 1, 12, ("strong",), between="child"),
        EcoLink("gp", 3, 4, ("tenuous",), between="mum"),
    ))
    return Workbook(About("Mia"), people, ecomaps=(mias, whole))


def harness(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(EcomapStep(bundled(), id="step"), workbook or family())


def step(app: StepHarness) -> EcomapStep:
    return app.query_one(EcomapStep)


def ecomap(app: StepHarness, ecomap_id: str = MIA) -> Ecomap:
    return next(e for e in app.session.workbook.ecomaps if e.id == ecomap_id)


def link(app: StepHarness, person: str, between: str = "", ecomap_id: str = MIA) -> EcoLink | None:
    return ecomap(app, ecomap_id).link(person, between)


def listed(app: StepHarness) -> list[str]:
    return [o.id for o in app.query_one("#ecomap-links", OptionList).options if not o.disabled]


def list_text(app: StepHarness) -> str:
    return "\n".join(str(o.prompt) for o in app.query_one("#ecomap-links", OptionList).options)


def drawn(app: StepHarness) -> str:
    return app.query_one(EcomapDrawing).layout_now().text()


async def keys(pilot, *items: str) -> None:
    burst(pilot.app, *items)
    await settle(pilot)


# -- what it shows ---------------------------------------------------------------------------


async def test_the_drawing_and_the_list_show_the_same_links():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert listed(app) == [">nanna-jo", ">dad", ">hillside"]
        text = list_text(app)
        assert "Nanna Jo" in text and "strong" in text and "She makes pancakes" in text
        assert "⚑ practitioner only" in text  # Dad's link, to the practitioner
        picture = drawn(app)
        for name in ("Mia", "Nanna Jo", "Dad", "□ Hillside"[2:]):
            assert name in picture
        assert "ψ" in picture  # the island
        heading = str(app.query_one("#ecomap-heading", Static).render())
        assert "Mia's ecomap" in heading and "17 March 2026" in heading and "1 of 2" in heading
        assert "A desert island" in heading
        assert bundled().ecomap.adult_prompt[:40] in str(
            app.query_one("#ecomap-prompt", Static).render())
        assert step(app).selected == ">nanna-jo"
        assert "Key:" in picture and "══ Strong" in picture


async def test_arrows_move_the_highlight_and_the_drawing_follows():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        drawing = app.query_one(EcomapDrawing)
        await keys(pilot, "down", "down")
        assert step(app).selected == ">hillside" and drawing.highlight == ">hillside"
        assert str(app.query_one("#ecomap-links", OptionList).get_option(">hillside").prompt
                   ).startswith("▶")
        await keys(pilot, "up")
        assert step(app).selected == ">dad"
        assert "Police call-out last year" in str(
            app.query_one("#ecomap-detail", Static).render())


async def test_clicking_a_name_in_the_drawing_highlights_its_link():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        x, y, _ = app.query_one(EcomapDrawing).layout_now().places[">dad"]
        await pilot.click(EcomapDrawing, offset=(x, y))
        await pilot.pause()
        assert step(app).selected == ">dad"


# -- keys that need no question ---------------------------------------------------------------


async def test_nearer_further_and_round_move_the_highlighted_link():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "down", "o", "plus", ">", "right", "<")
        dad = link(app, "dad")
        assert (dad.distance, dad.clock) == (4, 10)  # 3 + 2 stops at 4; 9 + 2 - 1
        await keys(pilot, "i", "minus", "minus", "minus")
        assert link(app, "dad").distance == 1
        assert any("already as near as can be" in n for n in app.notices)
        await keys(pilot, ".", ".", ",", "right", "right")
        assert link(app, "dad").clock == 1  # round past twelve
        assert app.labels[0] == "Moved Dad further away on the ecomap"


async def test_q_cycles_the_quality_f_the_flow_and_m_a_second_quality():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "q", "q")
        assert link(app, "nanna-jo").qualities == ("tenuous",)
        await keys(pilot, "f")
        assert link(app, "nanna-jo").flow == ""
        await keys(pilot, "f", "f")
        assert link(app, "nanna-jo").flow == "from-centre"
        # m asks for the second quality; 'stressful' is the last choice.
        await keys(pilot, "m", "end", "enter")
        assert link(app, "nanna-jo").qualities == ("tenuous", "stressful")
        assert "┈┈─╫" in list_text(app)
        await keys(pilot, "m")
        assert link(app, "nanna-jo").qualities == ("tenuous",)
        assert any("only now" in n for n in app.notices)


async def test_p_keeps_a_link_practitioner_only_and_child_view_leaves_it_out():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "p")
        assert link(app, "nanna-jo").practitioner_only
        await keys(pilot, "p")
        assert not link(app, "nanna-jo").practitioner_only
        await keys(pilot, "f2")
        assert listed(app) == [">nanna-jo", ">hillside"]  # Dad's link is practitioner-only
        picture = drawn(app)
        assert "Dad" not in picture and "Nanna Jo" in picture
        assert "Police" not in list_text(app) and "practitioner only" not in list_text(app)
        # The child's words: the step's title, the prompt and the qualities.
        words = bundled().ecomap
        assert step(app).step_title == words.child_title
        assert words.child_qualities["strong"].lower() in list_text(app)
        assert words.child_prompt[:30] in str(app.query_one("#ecomap-prompt", Static).render())
        assert str(app.query_one("#ecomap-guidance", Static).render()) == ""
        await keys(pilot, "p")  # not in child view: the child never sees what is kept back
        assert not link(app, "nanna-jo").practitioner_only


async def test_remove_takes_the_link_off_and_undo_brings_it_back():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "down", "x")
        assert link(app, "dad") is None and listed(app) == [">nanna-jo", ">hillside"]
        assert step(app).selected == ">hillside"
        assert any("ctrl+z to undo" in n for n in app.notices)
        assert any(p.id == "dad" for p in app.session.workbook.people)  # still in the register
        await keys(pilot, "ctrl+z")
        assert link(app, "dad") is not None
        await keys(pilot, "delete")
        assert len(ecomap(app).links) == 2


# -- keys that ask ---------------------------------------------------------------------------


async def test_a_adds_someone_new_with_their_kind_and_quality():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Name, Enter (a new name goes on to the relationship), Enter; then the kind (a
        # group: one down) and the quality (strong: one up from ordinary).
        await keys(pilot, "a", Typed("Brownies"), "enter", Typed("her pack"), "enter",
                   "down", "enter", "up", "enter")
        added = next(p for p in app.session.workbook.people if p.name == "Brownies")
        assert added.kind == "group" and added.relationship == "her pack"
        new = link(app, added.id)
        assert new.qualities == ("strong",) and new.distance == 2
        assert step(app).selected == f">{added.id}"
        assert "◇ Brownies" in drawn(app)


async def test_a_links_someone_already_in_the_register_without_asking_their_kind():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "a", Pasted("Mum"), "enter", "enter")
        assert link(app, "mum").qualities == ("ordinary",)
        assert len(app.session.workbook.people) == 5


async def test_cancelling_any_dialog_of_the_add_chain_changes_nothing():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app.session.workbook
        await keys(pilot, "a", Typed("Brownies"), "enter", "enter", "escape")
        assert app.session.workbook is before
        await keys(pilot, "a", Typed("Mum"), "enter", "escape")
        assert app.session.workbook is before


async def test_on_a_family_ecomap_a_link_starts_from_someone_in_the_middle():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        step(app).current = FAMILY
        step(app).show(app.session.workbook)
        await pilot.pause()
        assert "Mia's family ecomap" in str(app.query_one("#ecomap-heading", Static).render())
        assert bundled().ecomap.family_prompt[:30] in str(
            app.query_one("#ecomap-prompt", Static).render())
        # Whose link: the household (first), Mia, Mum: Mum. Then Nanna Jo, ordinary.
        await keys(pilot, "a", "down", "down", "enter", Typed("Nanna Jo"), "enter", "enter")
        assert link(app, "nanna-jo", "mum", FAMILY) is not None
        assert "Nanna Jo (Mum)" in list_text(app)
        # A link inside the family is drawn in the middle: no distance or clock for it.
        mum = str(app.query_one("#ecomap-links", OptionList).get_option("child>mum").prompt)
        assert "o'clock" not in mum and "Mum (Mia)" in mum
        drawing = drawn(app)
        assert "Mum" in drawing and "Mia" in drawing and "Nanna Jo" in drawing


async def test_e_edits_the_notes_and_child_view_keeps_the_practitioners_note():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "down", "e", Typed("Sees him at weekends"), "tab", Typed("Court order"),
                   "ctrl+s")
        dad = link(app, "dad")
        assert dad.note == "Sees him at weekends" and dad.practitioner_note == "Court order"
        await keys(pilot, "f2", "enter", "ctrl+a", "ctrl+k", Typed("Pancakes!"), "ctrl+s")
        assert link(app, "nanna-jo").note == "Pancakes!"
        assert link(app, "dad").practitioner_note == "Court order"


async def test_n_starts_a_new_ecomap_and_w_switches_between_them():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Whose: Mia's (first); its date: typed over today's.
        await keys(pilot, "n", "enter", "ctrl+a", "ctrl+k", Typed("2026-09-01"), "enter")
        made = app.session.workbook.ecomaps[-1]
        assert (made.whose, made.made_on) == ("child", date(2026, 9, 1))
        assert step(app).current == made.id
        assert "3 of 3" in str(app.query_one("#ecomap-heading", Static).render())
        assert "Press a to add" in list_text(app)
        await keys(pilot, "w", "home", "enter")
        assert step(app).current == MIA and listed(app)[0] == ">nanna-jo"


async def test_a_new_family_ecomap_asks_who_lives_with_the_child():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Whose: the family (second); tick Mum (third in the register) and Dad; no date.
        # (Ctrl+S comes on its own: a tick is a message round trip in SelectionList, which
        # type-ahead does not wait for.)
        await keys(pilot, "n", "down", "enter", "down", "space", "down", "space")
        await keys(pilot, "ctrl+s", "ctrl+a", "ctrl+k", "enter")
        made = app.session.workbook.ecomaps[-1]
        assert made.whose == "household" and made.made_on is None
        assert set(made.household) == {"dad", "mum"}


async def test_c_chooses_the_centre_d_the_date_and_h_the_household():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "c", "end", "enter")
        assert ecomap(app).centre == "pitch" and "┬" in drawn(app)
        await keys(pilot, "d", "ctrl+a", "ctrl+k", Typed("2026-04-02"), "enter")
        assert ecomap(app).made_on == date(2026, 4, 2)
        await keys(pilot, "d", "ctrl+a", "ctrl+k", Typed("2 April"), "enter")
        assert isinstance(app.screen, ShortFormDialog)  # a date it cannot read is refused
        await keys(pilot, "escape")
        await keys(pilot, "h")  # only a family ecomap has a household
        assert not isinstance(app.screen, ChecksDialog)
        step(app).current = FAMILY
        step(app).show(app.session.workbook)
        await keys(pilot, "h", "space")  # Nanna Jo joins the household
        await keys(pilot, "ctrl+s")
        assert set(ecomap(app, FAMILY).household) == {"nanna-jo", "mum"}


async def test_r_adds_the_highlighted_entry_to_a_safety_circle():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "r", "enter", "1")  # the first circle, ring 1
        placement = app.session.workbook.circles["who-matters"][0]
        assert (placement.person, placement.ring, placement.named_by) == ("nanna-jo", 1, "child")
        await keys(pilot, "r")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and "who-matters" not in dialog.choices
        await keys(pilot, "escape")


async def test_r_into_services_suggest_needs_a_reason():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "r", "end", "enter", "2")
        assert isinstance(app.screen, PlacementDialog)
        await keys(pilot, "escape")
        assert not app.session.workbook.circles.get("services-suggest")
        assert any("needs a reason" in n for n in app.notices)


async def test_s_adds_the_highlighted_entry_to_a_supporter_kind_with_its_details():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "s", "enter")
        assert isinstance(app.screen, SupporterDialog)
        await keys(pilot, Typed("Bakes with her"), "ctrl+s")
        entry = app.session.workbook.supporters["emotional"][0]
        assert entry.person == "nanna-jo" and entry.what_they_do == "Bakes with her"


async def test_child_view_offers_only_the_supporter_kinds_the_child_sees():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "f2", "s")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and "false" not in dialog.choices
        await keys(pilot, "escape")


# -- an empty workbook, the picture view, the footer, progress --------------------------------


async def test_with_no_ecomap_n_is_the_way_in_and_the_other_keys_wait():
    app = harness(Workbook(About("Mia"), (Person("mum", "Mum"),)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No ecomap yet" in list_text(app)
        assert not app.query_one(EcomapDrawing).display
        await keys(pilot, "a", "q", "c", "f5")
        assert app.session.workbook.ecomaps == () and not isinstance(app.screen, PictureScreen)
        assert ecomap_progress(app.session.workbook) == "empty"


@pytest.fixture
def family_file(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr("circles_tui.saving.clock", lambda seconds: "10:00:00")
    path = tmp_path / "mia.toml"
    save_workbook(path, family())
    return path


async def open_ecomap_step(pilot) -> None:
    await pilot.pause()
    pilot.app.screen.show_step(bundled().step_order.index("ecomap"))
    await pilot.pause()


async def test_f5_shows_the_ecomap_large_without_a_highlight_and_follows_child_view(family_file):
    app = CirclesApp(path=family_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_ecomap_step(pilot)
        on_step = app.screen.query_one(EcomapDrawing)
        await keys(pilot, "f5")
        assert isinstance(app.screen, PictureScreen)
        await pilot.pause()
        picture = app.screen.query_one(EcomapDrawing)
        layout = picture.layout_now()
        assert picture.highlight is None and "Nanna Jo" in layout.text() and "Dad" in layout.text()
        # Whose it is and its date: an ecomap always has a key and a date.
        assert layout.text().splitlines()[0].strip() == "Mia's ecomap · Made on 17 March 2026"
        assert layout.width > on_step.size.width
        await keys(pilot, "f2")
        await pilot.pause()
        assert "Dad" not in app.screen.query_one(EcomapDrawing).layout_now().text()
        await keys(pilot, "escape")
        assert not isinstance(app.screen, PictureScreen)


async def test_help_lists_every_key_of_the_step(family_file):
    app = CirclesApp(path=family_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_ecomap_step(pilot)
        rows = key_rows(app.screen)
        ours = {description for where, _, description in rows if where.startswith("This step")}
        for wanted in ("Add", "Quality", "Nearer", "Further", "Anticlockwise", "Clockwise", "Flow",
                       "Second quality", "Notes", "Practitioner only", "Remove", "To a circle",
                       "To supporters", "New ecomap", "Which ecomap", "Centre", "Date"):
            assert wanted in ours


async def test_the_footer_and_help_name_the_keys():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        for wanted in ("Add", "Quality", "Nearer", "Further", "Flow", "Second quality", "Notes",
                       "Practitioner only", "Remove", "To a circle", "To supporters",
                       "New ecomap", "Centre", "Date"):
            assert wanted in descriptions


def test_progress_counts_a_dated_ecomap_with_three_links_as_done():
    assert ecomap_progress(family()) == "done"
    undated = family()
    undated = Workbook(undated.about, undated.people, ecomaps=(Ecomap("e", "child"),))
    assert ecomap_progress(undated) == "started"


def test_a_new_link_goes_where_the_fewest_are():
    assert free_clock(Ecomap("e", "child")) == 2
    taken = Ecomap("e", "child", links=(EcoLink("a", 1, 2, ("strong",)),))
    assert free_clock(taken) == 10


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_small_screens_keep_the_drawing_the_key_and_the_list(size):
    app = harness()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        picture = drawn(app)
        assert "Key:" in picture and "Nanna Jo" in picture
        assert listed(app) == [">nanna-jo", ">dad", ">hillside"]
        listing = app.query_one("#ecomap-links", OptionList)
        assert listing.region.width >= 24 and listing.region.right <= size[0]


async def test_names_and_notes_are_shown_literally_never_as_markup():
    trap, bold = "[@click=app.quit]x[/]", "[b]Nan[/b]"
    people = (Person("trap", trap, kind="group"), Person("nan", bold))
    workbook = Workbook(About("[red]Mia[/red]"), people, ecomaps=(Ecomap("e", "child", links=(
        EcoLink("trap", 2, 3, ("strong",), note="$primary [i]note[/i]"),
        EcoLink("nan", 2, 9, ("tenuous",)))),))
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = list_text(app)
        assert trap in text and bold in text and "$primary [i]note[/i]" in text
        picture = drawn(app)
        assert "[red]Mia[/red]" in picture and bold in picture and trap[:12] in picture
        x, y, _ = app.query_one(EcomapDrawing).layout_now().places[">trap"]
        await pilot.click(EcomapDrawing, offset=(x + 2, y))
        await pilot.pause()
        assert app.is_running and step(app).selected == ">trap"
