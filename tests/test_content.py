"""The bundled worksheet wording, and what happens with an organisation's broken wording file."""

from __future__ import annotations

from pathlib import Path

import pytest

from circles_tui.core.wording import BUNDLED, THEME_ROLES, WordingError, bundled, load_wording
from circles_tui.core.model import CIRCLE_FIELDS, CIRCLE_IDS, NAMED_BY, SUPPORTER_KINDS, TREE_PARTS

BASE = BUNDLED.read_text(encoding="utf-8")


def test_bundled_content_matches_the_model():
    content = bundled()
    assert tuple(c.id for c in content.circles) == CIRCLE_IDS
    assert tuple(s.id for s in content.supporters) == SUPPORTER_KINDS
    assert tuple(t.id for t in content.tree) == TREE_PARTS
    assert tuple(content.named_by) == NAMED_BY
    for circle in content.circles:
        assert len(circle.rings) == 3 and all(r.strip() for r in circle.rings)
        assert circle.theme_role in THEME_ROLES
        assert tuple(f.field for f in circle.fields) == CIRCLE_FIELDS[circle.id]
        for field in circle.fields:
            assert tuple(field.choices) == field.field.choices
            assert field.label.strip() and field.help.strip()
    # each circle has its own colour role, so no two look alike
    assert len({c.theme_role for c in content.circles}) == len(CIRCLE_IDS)
    for part in (*content.tree, content.storms):
        assert part.prompt.strip() and len(part.questions) >= 2
    assert [s.id for s in content.ai_stages] == ["discover", "dream", "design", "deliver"]
    assert all(len(s.questions) == 4 for s in content.ai_stages)


def test_false_supporters_are_not_shared_by_default():
    content = bundled()
    assert content.supporter("false").shared_by_default is False
    assert all(content.supporter(k).shared_by_default for k in SUPPORTER_KINDS if k != "false")


def test_look_ups():
    content = bundled()
    assert content.circle("who-knows").ring_label(1) == "Knows most things"
    assert content.circle("who-matters").fields[0].label_of("lost-touch") == "Lost touch"
    assert content.circle("who-matters").fields[0].label_of("unheard-of") == "unheard-of"
    assert content.tree_part("storms") is content.storms
    assert content.tree_part("leaves").title == "Leaves"


def test_the_complete_example_asks_the_bundled_questions(complete_example):
    content = bundled()
    for part, tree_part in complete_example.tree.items():
        asked = {a.question for a in tree_part.answers}
        assert len(asked) >= 2, part
        assert asked <= set(content.tree_part(part).questions), part
    assert {a.question for a in complete_example.storms.answers} <= set(content.storms.questions)


# -- broken content files -----------------------------------------------------------------------


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[occurrence - 1]


def first_circle_replaced(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


def swapped_circle_ids() -> str:
    text = BASE.replace('id = "who-matters"', 'id = "@@"', 1)
    text = text.replace('id = "trusted-adults"', 'id = "who-matters"', 1)
    return text.replace('id = "@@"', 'id = "trusted-adults"', 1)


BROKEN = [
    pytest.param(
        first_circle_replaced('child_question = "Who are the people that matter to you?', 'x = "'),
        "circles[0].child_question", "'child_question' must be some text",
        lambda t: line_of(t, "[[circles]]"), id="missing field",
    ),
    pytest.param(
        swapped_circle_ids(), "circles", "exactly these ids, in order: who-matters, trusted-adults",
        lambda t: line_of(t, "[[circles]]"), id="ids out of order",
    ),
    pytest.param(
        BASE.replace('id = "seeds"', 'id = "flowers"'), "tree", "exactly these ids",
        lambda t: line_of(t, "[[tree]]"), id="unknown tree part",
    ),
    pytest.param(
        first_circle_replaced('theme_role = "success"', 'theme_role = "pink"'),
        "circles[0].theme_role", "must be one of primary, secondary",
        lambda t: line_of(t, 'theme_role = "pink"'), id="bad theme role",
    ),
    pytest.param(
        BASE.replace('rings = ["Straight away", "Might tell them", "Not sure"]',
                     'rings = ["Straight away", "Not sure"]'),
        "circles[1].rings", "exactly 3 entries",
        lambda t: line_of(t, 'rings = ["Straight away"'), id="two rings",
    ),
    pytest.param(
        BASE.replace('id = "tell_more"', 'id = "should_tell"'),
        "circles[2].fields", "the fields must be exactly: what_they_know, who_told, tell_more",
        lambda t: line_of(t, "[[circles.fields]]", 5), id="field ids",
    ),
    pytest.param(
        BASE.replace('yes = "Yes", no = "No", unsure = "Not sure yet"', 'yes = "Yes", no = "No"'),
        "circles[2].fields[2].choices", "a label for each of: yes, no, unsure",
        lambda t: line_of(t, 'choices = { yes = "Yes", no = "No" }'), id="missing choice label",
    ),
    pytest.param(
        BASE.replace("shared_by_default = false", 'shared_by_default = "no"'),
        "supporters[3].shared_by_default", "must be true or false",
        lambda t: line_of(t, 'shared_by_default = "no"'), id="flag as text",
    ),
    pytest.param(
        BASE.replace('[storms]\ntitle = "Storms of life"', '[storms]\ntitle = "  "'),
        "storms.title", "'title' must be some text",
        lambda t: line_of(t, 'title = "  "'), id="blank storms title",
    ),
    pytest.param(
        BASE.replace("[[circles.fields]]", "[[spare]]").replace(
            'rings = ["Closest to me"', 'fields = 3\nrings = ["Closest to me"', 1),
        "circles[0].fields", "'fields' must be a list of tables",
        lambda t: line_of(t, "fields = 3"), id="fields as a number",
    ),
    pytest.param(
        BASE + "\n[broken\n", "", "not valid TOML",
        lambda t: len(t.splitlines()), id="syntax error",
    ),
    pytest.param(
        BASE + "\nx = " + "[" * 20000 + "]" * 20000 + "\n", "", "nested too deeply",
        lambda t: None, id="deeply nested",
    ),
    pytest.param("", "named_by", "'named_by' must be a table", lambda t: None, id="empty file"),
    pytest.param(
        BASE.replace('"services-suggest", "supporters"', '"supporters"'),
        "steps.order", "must list each of these steps once", lambda t: line_of(t, "order = ["),
        id="a step left out of the order",
    ),
]


@pytest.mark.parametrize(("text", "path", "phrase", "line"), BROKEN)
def test_a_broken_content_file(tmp_path, text, path, phrase, line):
    file = tmp_path / "our-wording.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(WordingError) as caught:
        load_wording(file)
    error = caught.value
    assert error.file == str(file)
    assert error.path == path
    assert phrase in error.problem, str(error)
    assert error.line == line(text), str(error)
    assert str(error).startswith(str(file))
    if error.line:
        assert f" on line {error.line}" in str(error)
    if path:
        assert f"({path})" in str(error)


def test_content_file_that_is_not_text(tmp_path):
    file = tmp_path / "wording.toml"
    file.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(WordingError, match="could not be read"):
        load_wording(file)


def test_missing_content_file(tmp_path):
    with pytest.raises(WordingError) as caught:
        load_wording(tmp_path / "nope.toml")
    assert str(tmp_path / "nope.toml") in str(caught.value)


def test_an_organisations_own_wording_loads(tmp_path):
    file = tmp_path / "ours.toml"
    file.write_text(
        BASE.replace('title = "People who are important to me"', 'title = "My important people"')
        .replace('name = "Standard worksheets"', 'name = "Eastshire wording"'),
        encoding="utf-8-sig",  # with a byte-order mark, as some Windows editors save
    )
    content = load_wording(Path(file))
    assert content.name == "Eastshire wording"
    assert content.circle("who-matters").title == "My important people"


def test_the_complete_example_uses_every_worksheet(complete_example):
    """The example others build and test against keeps showing every part of the format."""
    wb = complete_example
    assert len(wb.people) >= 12
    assert all(len(wb.circles[c]) >= 3 for c in CIRCLE_IDS)
    assert all(wb.supporters[k] for k in SUPPORTER_KINDS)
    assert all(not wb.tree[p].is_empty for p in TREE_PARTS)
    assert wb.storms is not None and wb.storms.words
    assert wb.about.share_false_supporters is False
    assert any(s.practitioner_note for s in wb.supporters["false"])
    for circle in CIRCLE_IDS:  # every extra field is used somewhere
        used = {key for p in wb.circles[circle] for key in p.extras}
        assert used == {f.id for f in CIRCLE_FIELDS[circle]}, circle
    talk_about = [p for p in wb.circles["services-suggest"] if p.ring == 3]
    assert any(p.extras.get("reason_type") == "concern" and wb.person(p.person).concern
               and p.extras.get("next_step") for p in talk_about)
    leaves = [wb.person(pid) for pid in wb.tree["leaves"].people]
    assert any(not p.living for p in leaves) and any(not p.known for p in leaves)
    assert all(d.year == 2026 for d in wb.about.session_dates)


def test_a_content_file_with_a_key_of_thousands_of_parts_is_refused_at_once(tmp_path):
    file = tmp_path / "wording.toml"
    file.write_text("a = 1\n" + ".".join(["k"] * 100_000) + " = 1\n", encoding="utf-8")
    with pytest.raises(WordingError) as caught:
        load_wording(file)
    assert caught.value.line == 2 and "far too many parts" in caught.value.problem


def test_the_wording_sets_the_step_order(tmp_path):
    from circles_tui.core.wording import STEP_IDS

    assert bundled().step_order == (
        "about", "who-matters", "tree", "trusted-adults", "who-knows", "who-could-help",
        "services-suggest", "supporters", "ecomap", "family-tree", "mobility-map", "people",
        "summary", "invitations", "child-voice", "family-plan",
    )
    assert sorted(bundled().step_order) == sorted(STEP_IDS)
    file = tmp_path / "ours.toml"
    file.write_text(BASE.replace('"about", "who-matters", "tree",', '"about", "tree", "who-matters",'),
                    encoding="utf-8")
    assert load_wording(file).step_order[:3] == ("about", "tree", "who-matters")
    # A wording file written before the order was in it takes the bundled one.
    start = BASE.index("[steps]")
    older = BASE[:start] + BASE[BASE.index("[named_by]"):]
    file.write_text(older, encoding="utf-8")
    assert load_wording(file).step_order == bundled().step_order
