"""Appreciative Inquiry on every step: the records, their rules, their file tables, the
wording's choice of questions per step, who sees the answers, and the change report."""

from __future__ import annotations

from functools import partial

import attrs
import pytest

from circles_tui.core import audience
from circles_tui.core.change_report import describe_changes
from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import step_questions as edits
from circles_tui.core.file_format import WorkbookFileError, dumps, parse_workbook, read_workbook, save_workbook
from circles_tui.core.model import FORMAT_VERSION, About, ModelError, Person, Workbook
from circles_tui.core.step_questions import StepAnswer, step_name, suited_questions
from circles_tui.core.wording import WordingError, bundled, load_wording

HELPED = StepAnswer("Who has helped you in a way that really made a difference?",
                    "Nanna Jo, when Mum was in hospital", "child", "Check the dates with Kerry")
STEP = StepAnswer("What is one small step we could take this week?", "Breakfast club on Monday",
                  "parent-carer")

V2 = ('format = "circles-tui workbook"\nformat_version = 2\n\n[about]\nchild = "Mia"\n'
      '\n[[people]]\nid = "nanna-jo"\nname = "Nanna Jo"\n')


def workbook(**questions: tuple[StepAnswer, ...]) -> Workbook:
    return Workbook(About("Mia", practitioner="Sam Patel"), (Person("nanna-jo", "Nanna Jo"),),
                    questions=questions)


def with_answers() -> Workbook:
    return Workbook(About("Mia"), (Person("nanna-jo", "Nanna Jo"),),
                    questions={"who-matters": (HELPED,), "family-plan": (STEP,)})


# -- the records and their rules -------------------------------------------------------------


def test_steps_without_answers_are_dropped_so_equal_workbooks_compare_equal():
    assert Workbook(About("Mia"), questions={"about": ()}) == Workbook(About("Mia"))


@pytest.mark.parametrize("questions, path", [
    ({"nowhere": (HELPED,)}, "questions.nowhere"),
    ({"about": (StepAnswer("  "),)}, "questions.about[0].question"),
    ({"about": (StepAnswer("Q?", answered_by="aunt"),)}, "questions.about[0].answered_by"),
])
def test_broken_answers_are_refused_naming_the_key(questions, path):
    with pytest.raises(ModelError) as caught:
        Workbook(About("Mia"), questions=questions)
    assert caught.value.path == path


def test_control_characters_in_an_answer_are_shown_not_obeyed():
    assert StepAnswer("Q?", "a\x1b[31mb").answer == "a\ufffd[31mb"


# -- the file ----------------------------------------------------------------------------------


def test_answers_round_trip_through_the_file_in_a_readable_table():
    text = dumps(with_answers())
    assert ('\n[[questions.who-matters]]\nquestion = "Who has helped you in a way that really '
            'made a difference?"\nanswer = "Nanna Jo, when Mum was in hospital"\n'
            'answered_by = "child"\n') in text
    assert text.index("[[questions.who-matters]]") < text.index("[[questions.family-plan]]")
    again = parse_workbook(text)
    assert again == with_answers()
    assert dumps(again) == text


def test_a_workbook_without_answers_writes_no_questions_table():
    assert "questions" not in dumps(workbook())


@pytest.mark.parametrize("table, fragment", [
    ('\n[[questions.nowhere]]\nquestion = "Q?"\n', "there is no step with this id"),
    ('\n[[questions.about]]\nanswer = "yes"\n', "'question' is missing"),
    ('\n[[questions.about]]\nquestion = "Q?"\nasked_by = "child"\n', "not a key this format knows"),
    ('\n[questions]\nabout = "Q?"\n', "must be a list of tables"),
])
def test_a_broken_questions_table_is_refused_with_its_line(table, fragment):
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(V2 + table, "mia.toml")
    assert fragment in caught.value.problem
    assert caught.value.line is not None and caught.value.line > 6


def test_a_version_2_file_opens_unchanged_and_becomes_version_3_only_when_saved(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text(V2)
    opened = read_workbook(path)
    assert opened.workbook.questions == {}
    assert path.read_text() == V2  # opening never writes
    save_workbook(path, opened.workbook, opened.fingerprint)
    assert FORMAT_VERSION == 3 and "format_version = 3" in path.read_text()
    assert read_workbook(path).workbook == opened.workbook


# -- edits: one test each ------------------------------------------------------------------------


def test_add_answer_tidies_and_appends():
    added = edits.add_answer("about", StepAnswer(" Q? ", " yes ", "child"), with_answers())
    assert added.questions["about"] == (StepAnswer("Q?", "yes", "child"),)
    again = partial(edits.add_answer, "who-matters", STEP)(added)
    assert again.questions["who-matters"] == (HELPED, STEP)
    with pytest.raises(EditRefused, match="write the question"):
        edits.add_answer("about", StepAnswer("   "), added)


def test_change_answer_replaces_only_what_is_still_on_screen():
    new = attrs.evolve(HELPED, answer="Nanna Jo and Grandad", answered_by="parent-carer")
    changed = edits.change_answer("who-matters", 0, HELPED, new, with_answers())
    assert changed.questions["who-matters"] == (new,)
    with pytest.raises(EditRefused, match="in the meantime"):
        edits.change_answer("who-matters", 0, HELPED, new, changed)
    assert edits.change_answer("who-matters", 0, new, new, changed) is changed


def test_remove_answer_takes_out_that_one_and_refuses_a_stale_one():
    removed = edits.remove_answer("who-matters", 0, HELPED, with_answers())
    assert "who-matters" not in removed.questions
    assert removed.questions["family-plan"] == (STEP,)
    with pytest.raises(EditRefused, match="in the meantime"):
        edits.remove_answer("who-matters", 0, HELPED, removed)


# -- the wording: which questions each step offers ---------------------------------------------


def test_each_step_offers_the_questions_the_wording_maps_to_it():
    wording = bundled()
    plan = suited_questions(wording, "family-plan")
    assert [q.stage for q in plan] == ["Deliver"] * 4 + ["Design"]
    assert plan[-1].text == wording.ai_stages[2].questions[0]
    assert [q.text for q in suited_questions(wording, "invitations")][0].startswith("How could we invite")
    # A step the wording does not list (a step added later) offers the default: the whole bank.
    assert len(suited_questions(wording, "a-new-step")) == 16


def bundled_without_ai_steps() -> tuple[str, str]:
    """The bundled wording file's text, and its [ai_steps] table (to replace)."""
    from circles_tui.core.wording import BUNDLED

    text = BUNDLED.read_text(encoding="utf-8")
    return text, text[text.index("[ai_steps]\n"):text.index("[ai_guidance]")]


@pytest.mark.parametrize("table, fragment", [
    ('[ai_steps]\nnowhere = ["discover"]\n', "there is no step 'nowhere'"),
    ('[ai_steps]\nabout = ["discovery"]\n', "names no stage"),
    ('[ai_steps]\nabout = ["design 5"]\n', "questions 1 to 4"),
    ('[ai_steps]\nabout = "discover"\n', "must be a list of texts"),
])
def test_a_wrong_ai_steps_table_is_refused_naming_the_key(tmp_path, table, fragment):
    text, block = bundled_without_ai_steps()
    path = tmp_path / "wording.toml"
    path.write_text(text.replace(block, table))
    with pytest.raises(WordingError) as caught:
        load_wording(path)
    assert fragment in caught.value.problem and caught.value.path.startswith("ai_steps")


def test_a_wording_without_ai_steps_offers_the_whole_bank(tmp_path):
    text, block = bundled_without_ai_steps()
    path = tmp_path / "wording.toml"
    path.write_text(text.replace(block, ""))
    assert len(suited_questions(load_wording(path), "about")) == 16


def test_step_names_use_the_circles_short_names():
    wording = bundled()
    assert step_name(wording, "services-suggest") == "Services suggest"
    assert step_name(wording, "family-plan") == wording.meeting.plan.title
    assert step_name(wording, "tree") == "Tree of Life"
    assert step_name(wording, "mobility-map") == "Mobility map"


# -- who sees the answers ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", [audience.CHILD, audience.FAMILY])
def test_the_child_and_family_see_answers_but_never_the_practitioners_note(who):
    seen = audience.view(with_answers(), bundled(), who).questions["who-matters"][0]
    assert (seen.question, seen.answer, seen.answered_by) == (HELPED.question, HELPED.answer, "child")
    assert seen.practitioner_note == ""


def test_beyond_the_team_answers_are_scrubbed_and_notes_left_out():
    seen = audience.view(with_answers(), bundled(), audience.BEYOND_TEAM).questions["who-matters"][0]
    assert "Nanna Jo" not in seen.answer and "hospital" in seen.answer
    assert seen.practitioner_note == "" and seen.answered_by == "child"


# -- the change report --------------------------------------------------------------------------------


def test_changes_to_answers_are_described_without_quoting_the_practitioners_note():
    before = with_answers()
    after = edits.change_answer("who-matters", 0, HELPED, attrs.evolve(
        HELPED, answer="Nanna Jo", answered_by="parent-carer", practitioner_note="Ask Dad"), before)
    after = edits.add_answer("services-suggest", StepAnswer("Who could help?", "Auntie Pearl"), after)
    sentences = describe_changes(before, after)
    assert f"The answer in Who matters to '{HELPED.question}' is now \"Nanna Jo\"." in sentences
    assert f"Who answered '{HELPED.question}' in Who matters is now: A parent or carer." in sentences
    assert f"The practitioner-only note on '{HELPED.question}' in Who matters changed." in sentences
    assert "New question in Services suggest, 'Who could help?': \"Auntie Pearl\"." in sentences
    assert not any("Ask Dad" in s or "Check the dates" in s for s in sentences)
    removed = edits.remove_answer("family-plan", 0, STEP, before)
    assert describe_changes(before, removed) == [
        f"The question '{STEP.question}' was taken out of {bundled().meeting.plan.title}."]
    child_sees = describe_changes(before, after, audience=audience.CHILD)
    assert not any("practitioner-only" in s for s in child_sees)


# -- the exports ----------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["markdown", "html", "text"])
@pytest.mark.parametrize("options, note_shown", [
    ({}, True), ({"child_view": True}, False), ({"family": True}, False), ({"redact": True}, False),
])
def test_every_export_lists_the_answers_as_its_audience_may_see_them(format, options, note_shown):
    from circles_tui.export import ExportOptions, render

    text = " ".join(render(with_answers(), format, bundled(), ExportOptions(**options)).split())
    assert "Breakfast club on Monday" in text
    assert ("Check the dates with Kerry" in text) == note_shown
    assert ("Nanna Jo" in text) == ("redact" not in options)  # redaction covers the answers
    assert "when Mum was in hospital" in text or "when Mother 1 was in hospital" in text


def test_an_export_without_answers_has_no_questions_section():
    from circles_tui.export import render

    assert "Questions asked on each step" not in render(workbook(), "markdown", bundled())
    assert "Questions asked on each step" in render(with_answers(), "markdown", bundled())
