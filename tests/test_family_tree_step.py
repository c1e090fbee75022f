"""The family tree step: every key (pressed as a burst), the blanks, "Who could we ask?",
the cultural genogram's notes, child view, the picture view, small screens and looks."""

from __future__ import annotations

from pathlib import Path

import pytest

from circles_tui.core.family import CHILD, Family, FamilyLink, HeritageNote
from circles_tui.core.model import About, Person, Placement, Workbook
from circles_tui.core.wording import bundled
from circles_tui.dialogs.family_person import FamilyPersonDialog
from circles_tui.dialogs.meeting_forms import ChoiceDialog, ShortFormDialog
from circles_tui.dialogs.person_picker import PersonDialog
from circles_tui.steps.family_tree import FamilyTreeStep, family_tree_progress
from circles_tui.widgets.family_drawing import FamilyDrawing
from tests.bursts import Typed, burst, settle
from tests.harness import StepHarness

MARKUP = "[b]Uncle[/b] [@click=app.quit]Dev[/]"


def family() -> Workbook:
    """Sam: Mum and Dad (separated), Mum's mum Nanna Jo, a brother, an uncle whose name
    looks like markup, and a great-aunt the child never met. Dad's parents are blanks."""
    return Workbook(
        About(child="Sam", age=10),
        people=(
            Person("mum", "Mum", "mum", gender="female"),
            Person("dad", "Dad", "dad", gender="male"),
            Person("nanna-jo", "Nanna Jo", "Mum's mum", gender="female",
                   practitioner_note="Lives two streets away"),
            Person("grandad", "Grandad Ray", "Mum's dad", gender="male", living=False,
                   died="2019"),
            Person("kai", "Kai", "brother", gender="male"),
            Person("dev", MARKUP, "uncle", gender="male"),
            Person("aunt-mo", "Great-aunt Mo", "Nanna's sister", gender="female", known=False),
        ),
        circles={"who-matters": (Placement("kai", 1, "child"),)},
        family=Family(
            links=(
                FamilyLink("parent", "mum", CHILD),
                FamilyLink("parent", "dad", CHILD),
                FamilyLink("separated", "mum", "dad", practitioner_note="Court order 2023"),
                FamilyLink("parent", "nanna-jo", "mum"),
                FamilyLink("parent", "grandad", "mum"),
                FamilyLink("parent", "mum", "kai"),
                FamilyLink("parent", "dad", "kai"),
                FamilyLink("sibling", "dev", "mum"),
                FamilyLink("sibling", "aunt-mo", "nanna-jo"),
            ),
            heritage=(
                HeritageNote("nanna-jo", "religion", "Goes to chapel every Sunday",
                             practitioner_note="Ask about the chapel's support"),
            ),
        ),
    )


def harness(workbook: Workbook | None = None) -> StepHarness:
    return StepHarness(FamilyTreeStep(bundled()), workbook or family())


def drawing(app) -> FamilyDrawing:
    return app.query_one(FamilyDrawing)


def step(app) -> FamilyTreeStep:
    return app.query_one(FamilyTreeStep)


def detail(app) -> str:
    return str(app.query_one("#person-detail").render()) + "\n" + str(
        app.query_one("#heritage").render())


async def go_to(pilot, key: str) -> None:
    drawing(pilot.app).highlight(key)
    await pilot.pause()


async def go_to_blank(pilot, missing: str) -> None:
    """Highlight the blank for Dad's "mother" or "father"."""
    await pilot.pause()
    blanks = step(pilot.app).shown.blanks
    await go_to(pilot, next(k for k, s in blanks.items() if s.missing == missing))


def links(app) -> set[tuple[str, str, str]]:
    return {(link.kind, link.a, link.b) for link in app.session.workbook.family.links}


# -- the tree ----------------------------------------------------------------------------------


async def test_three_generations_with_the_blanks_shown():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = drawing(app).layout_now.text()
        for name in ("Sam", "Mum", "Dad", "Nanna Jo", "Grandad Ray †", "Kai", "Great-aunt Mo"):
            assert name in text, name
        assert "died 2019" in text and "never met" in text
        blanks = step(app).shown.blanks
        assert len(blanks) == 2  # Dad's mum and Dad's dad
        assert "not known yet" in text
        assert MARKUP[:12] in text  # shown as it was typed, not as markup
        assert drawing(app).current == CHILD


async def test_great_grandparents_recorded_are_drawn_without_more_blanks():
    import attrs

    workbook = family()
    workbook = attrs.evolve(
        workbook, people=(*workbook.people, Person("gran-ada", "Great-gran Ada", gender="female")),
        family=attrs.evolve(workbook.family, links=(
            *workbook.family.links, FamilyLink("parent", "gran-ada", "nanna-jo"))))
    app = harness(workbook)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "nanna-jo")
        layout = drawing(app).layout_now
        assert layout.placed["gran-ada"].generation == 3
        assert len(step(app).shown.blanks) == 2  # none for the great-grandparents
        burst(app, "up")
        await settle(pilot)
        assert drawing(app).current == "gran-ada"


async def test_arrow_keys_reach_the_blanks_and_the_details_follow():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "up", "right")  # to Mum, then across to Dad (Mum's brother is on her left)
        await settle(pilot)
        assert drawing(app).current == "dad"
        burst(app, "up")
        await settle(pilot)
        assert drawing(app).current in step(app).shown.blanks
        assert "not known yet" in detail(app)
        burst(app, "left")
        await settle(pilot)
        assert drawing(app).current in ("grandad", "nanna-jo") or \
            drawing(app).current in step(app).shown.blanks


# -- adding relatives --------------------------------------------------------------------------


async def test_p_adds_a_new_step_parent_to_the_child():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "p", Typed("Lisa"), "enter", Typed("Dad's partner"), "enter",
              "down", "down", "enter",  # step-parent
              "down", "enter")  # female
        await settle(pilot)
        assert ("step-parent", "lisa", CHILD) in links(app)
        lisa = app.session.workbook.person("lisa")
        assert (lisa.relationship, lisa.gender) == ("Dad's partner", "female")
        assert app.labels == ["Added Lisa to the family tree"]
        assert drawing(app).current == "lisa"
        assert "Step-parent" in drawing(app).layout_now.text().split("\n")[0]  # her own block


async def test_enter_edits_too_and_a_foster_carer_has_a_side_of_their_own():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "p", Typed("Carol"), "enter", "enter", "down", "down", "down", "enter",
              "down", "enter")  # a foster carer, female
        await settle(pilot)
        assert ("foster-carer", "carol", CHILD) in links(app)
        headings = drawing(app).layout_now.text().split("\n")[0]
        assert "Mum's side" in headings and "Foster carer" in headings
        burst(app, "enter")
        await settle(pilot)
        assert isinstance(app.screen, FamilyPersonDialog)
        burst(app, "escape")
        await settle(pilot)
        assert app.labels == ["Added Carol to the family tree"]


async def test_c_adds_someone_already_in_the_register_as_a_child():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "nanna-jo")
        burst(app, "c", Typed(MARKUP), "enter", "enter")  # Mum's brother is Nanna's son too
        await settle(pilot)
        assert ("parent", "nanna-jo", "dev") in links(app)
        assert len(app.session.workbook.people) == len(family().people)


async def test_r_adds_a_partner_and_s_a_sister():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "dad")
        burst(app, "r", Typed("Jade"), "enter", "enter", "enter", "down", "enter")
        await settle(pilot)
        assert ("partner", "dad", "jade") in links(app)
        await go_to(pilot, CHILD)
        burst(app, "s", Typed("Ruby"), "enter", "enter", "down", "enter", "down", "enter")
        await settle(pilot)
        assert ("half-sibling", CHILD, "ruby") in links(app)
        text = drawing(app).layout_now.text()
        assert "Jade" in text and "Ruby" in text


async def test_escape_in_the_chain_changes_nothing():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "p", Typed("Lisa"), "enter", "enter", "escape")
        await settle(pilot)
        assert app.session.workbook == family()
        assert app.labels == []


async def test_e_on_a_blank_fills_it_in():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to_blank(pilot, "father")
        burst(app, "e")
        await settle(pilot)
        assert isinstance(app.screen, PersonDialog)
        burst(app, Typed("Grandpa Lou"), "enter", "enter")
        await settle(pilot)
        assert ("parent", "grandpa-lou", "dad") in links(app)
        grandpa = app.session.workbook.person("grandpa-lou")
        assert grandpa.gender == "male" and grandpa.relationship
        assert len(step(app).shown.blanks) == 1
        assert drawing(app).current == "grandpa-lou"


async def test_e_edits_a_person_died_and_never_met():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "nanna-jo")
        burst(app, "e")
        await settle(pilot)
        assert isinstance(app.screen, FamilyPersonDialog)
        burst(app, "enter", "enter", Typed("2021"), "enter")
        await settle(pilot)
        nanna = app.session.workbook.person("nanna-jo")
        assert (nanna.living, nanna.died) == (False, "2021")
        assert "Nanna Jo †" in drawing(app).layout_now.text()
        assert "died 2021" in drawing(app).layout_now.text()


async def test_e_sets_gender_and_never_met():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "kai")
        burst(app, "e", "tab", "tab", "tab", "down", "down", "enter",  # female, male, other
              "tab", "tab", Typed(" "), "ctrl+s")
        await settle(pilot)
        kai = app.session.workbook.person("kai")
        assert kai.gender == "other" and kai.known is False


# -- "Who could we ask?" -----------------------------------------------------------------------


async def test_w_on_a_blank_makes_a_question_in_who_could_we_ask():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to_blank(pilot, "mother")
        burst(app, "w")
        await settle(pilot)
        asked = app.session.workbook.circles["who-could-help"]
        assert len(asked) == 1
        person = app.session.workbook.person(asked[0].person)
        assert person.known is False and ("parent", person.id, "dad") in links(app)
        assert len(step(app).shown.blanks) == 1
        assert drawing(app).current == person.id
        assert any("Ctrl+Z" in n for n in app.notices)


async def test_w_puts_a_relative_the_child_never_met_in_who_could_we_ask():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "aunt-mo")
        burst(app, "w")
        await settle(pilot)
        assert [p.person for p in app.session.workbook.circles["who-could-help"]] == ["aunt-mo"]
        burst(app, "w")
        await settle(pilot)
        assert "already" in app.notices[-1]
        assert len(app.session.workbook.circles["who-could-help"]) == 1


async def test_w_is_not_offered_for_someone_who_died():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "grandad")
        assert step(app).check_action("ask", ()) is None
        burst(app, "w")
        await settle(pilot)
        assert app.session.workbook == family()


# -- the cultural genogram -------------------------------------------------------------------


async def test_h_adds_changes_and_takes_out_a_heritage_note():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "mum")
        burst(app, "h", "down", "enter")  # the second aspect
        await settle(pilot)
        assert isinstance(app.screen, ShortFormDialog)
        burst(app, Typed("Grew up in Kingston"), "ctrl+s")
        await settle(pilot)
        aspect = list(step(app).words.aspects)[1]
        assert HeritageNote("mum", aspect, "Grew up in Kingston") in \
            app.session.workbook.family.heritage
        assert "Grew up in Kingston" in detail(app)
        burst(app, "h", "down", "enter", "ctrl+s")  # unchanged: nothing happens
        await settle(pilot)
        assert len(app.labels) == 1
        step(app).app.query_one  # the dialog is closed
        burst(app, "h", "down", "enter")
        await settle(pilot)
        app.screen.query_one("#words").value = ""
        burst(app, "ctrl+s")
        await settle(pilot)
        assert not [n for n in app.session.workbook.family.heritage if n.person == "mum"]


async def test_heritage_for_the_child_too():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, "h", "enter", Typed("Speaks Twi with Nanna"), "ctrl+s")
        await settle(pilot)
        assert any(n.person == CHILD for n in app.session.workbook.family.heritage)


# -- child view -----------------------------------------------------------------------------


async def test_child_view_hides_the_practitioners_notes():
    app = harness()
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "nanna-jo")
        shown = detail(app)
        assert "Goes to chapel every Sunday" in shown
        assert "Ask about the chapel's support" in shown and "Lives two streets away" in shown
        await pilot.press("f2")
        await settle(pilot)
        shown = detail(app)
        family_words = bundled().family
        assert step(app).step_title == family_words.child_title  # the child's words
        assert family_words.child_heritage_title in shown
        assert "Goes to chapel every Sunday" in shown
        assert "Ask about the chapel's support" not in shown
        assert "Lives two streets away" not in shown
        await go_to(pilot, "mum")
        assert "Court order" not in detail(app)
        burst(app, "h", "enter")
        await settle(pilot)
        assert not app.screen.query("#practitioner_note")


# -- progress ---------------------------------------------------------------------------------


def test_progress():
    assert family_tree_progress(Workbook(About("Sam"))) == "empty"
    # Both parents and a grandparent: done, though Dad's side is still blank.
    assert family_tree_progress(family()) == "done"
    only_mum = Workbook(About("Sam"), people=(Person("mum", "Mum", gender="female"),),
                        family=Family(links=(FamilyLink("parent", "mum", CHILD),)))
    assert family_tree_progress(only_mum) == "started"  # Dad is a blank
    heritage_only = Workbook(About("Sam"), family=Family(
        heritage=(HeritageNote(CHILD, "religion", "Muslim"),)))
    assert family_tree_progress(heritage_only) == "started"


# -- the picture view and small screens ----------------------------------------------------------


@pytest.fixture
def family_file(tmp_path, monkeypatch) -> Path:
    from circles_tui.core.file_format import save_workbook

    monkeypatch.setattr("circles_tui.saving.clock", lambda seconds: "10:00:00")
    path = tmp_path / "sam.toml"
    save_workbook(path, family())
    return path


def showing_family_tree(*keys: str):
    async def go(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.show_step(bundled().step_order.index("family-tree"))
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return go


async def test_f5_shows_the_family_tree_large_and_follows_child_view(family_file):
    from circles_tui.app import CirclesApp
    from circles_tui.screens.picture import PictureScreen
    from circles_tui.widgets.family_layout import SIZES

    app = CirclesApp(path=family_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await showing_family_tree("up")(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, PictureScreen)
        picture = app.screen.query_one(FamilyDrawing)
        assert picture.layout_now.size.width > SIZES[-1].width  # larger cards than the step's
        assert picture.current == "mum"
        assert "Nanna Jo" in picture.layout_now.text()
        await pilot.press("f2")  # child view: the picture is drawn again from the step
        await settle(pilot)
        assert "child view" in str(app.screen.query_one("#picture-title").render())
        assert "Nanna Jo" in app.screen.query_one(FamilyDrawing).layout_now.text()
        burst(app, "escape")
        await settle(pilot)
        assert not isinstance(app.screen, PictureScreen)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_usable_on_small_screens(family_file, size):
    from circles_tui.app import CirclesApp

    app = CirclesApp(path=family_file)
    async with app.run_test(size=size) as pilot:
        await showing_family_tree()(pilot)
        tree = app.screen.query_one(FamilyDrawing)
        region = tree.region
        assert region.width >= size[0] - 4 and region.height >= 12
        assert region.right <= size[0] and region.bottom <= size[1]
        side = app.screen.query_one("#family-side")
        assert side.region.height >= 2 and side.region.bottom <= size[1] - 1
        burst(app, "up", "up")
        await settle(pilot)
        spot = tree.layout_now.placed[tree.current]
        assert tree.scroll_y <= spot.y and spot.y + spot.height <= tree.scroll_y + tree.size.height


async def test_the_keys_are_in_the_footer_and_in_help(family_file):
    from circles_tui.app import CirclesApp

    app = CirclesApp(path=family_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await showing_family_tree()(pilot)
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Add parent", "Add child", "Add partner", "Add brother/sister",
                "Who could we ask?", "Heritage", "Picture"} <= descriptions
        await pilot.press("f1")
        await settle(pilot)
        help_text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Add brother/sister" in help_text and "Up a generation" in help_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot(snap_compare, size):
    assert snap_compare(harness(), terminal_size=size)


def test_snapshot_child_view_on_a_blank(snap_compare):
    async def child_view_blank(pilot):
        await pilot.press("f2")
        burst(pilot.app, "up", "right", "up")
        await settle(pilot)

    assert snap_compare(harness(), terminal_size=(80, 24), run_before=child_view_blank)


def test_snapshot_picture_view(snap_compare, family_file):
    from circles_tui.app import CirclesApp

    assert snap_compare(CirclesApp(path=family_file), terminal_size=(120, 40),
                        run_before=showing_family_tree("f5"))
