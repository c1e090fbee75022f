"""The family tree's words in the wording file: read, checked, and borrowed when absent."""

from __future__ import annotations

import pytest

from circles_tui.core.family import ASPECTS, LINK_KINDS
from circles_tui.core.wording import BUNDLED, WordingError, bundled, load_wording

TEXT = BUNDLED.read_text(encoding="utf-8")


def test_every_kind_aspect_and_blank_has_words_for_adults_and_children():
    words = bundled().family
    assert set(words.kinds) == set(words.child_kinds) == set(LINK_KINDS)
    assert set(words.aspects) == set(ASPECTS) and len(ASPECTS) == 16
    assert words.blank_words.not_known.format(who="Dad's dad") == "Dad's dad: not known yet"
    assert words.gender("") == "Not said"


def test_a_content_file_from_before_the_family_tree_borrows_the_bundled_words(tmp_path):
    old = tmp_path / "old.toml"
    old.write_text(TEXT[:TEXT.index("\n[family]")], encoding="utf-8")
    assert load_wording(old).family == bundled().family


@pytest.mark.parametrize("change, path", [
    (('not_known = "{who}: not known yet"', 'not_known = "not known yet"'), "family.not_known"),
    (('divorced = "Divorced"\n', ""), "family.kinds"),
    (('caste = "Caste"\n', ""), "family.aspects"),
])
def test_a_broken_family_table_names_its_key(tmp_path, change, path):
    broken = tmp_path / "broken.toml"
    broken.write_text(TEXT.replace(*change, 1), encoding="utf-8")
    with pytest.raises(WordingError) as caught:
        load_wording(broken)
    assert caught.value.path == path


def test_links_read_in_words_with_the_childs_words_in_child_view():
    words = bundled().family
    assert words.role("parent", "male") == "father" and words.role("sibling", "") == \
        "brother or sister"
    assert words.role("foster-carer", "female") == "foster carer"  # a carer's kind, any gender
    child = words.for_child()
    assert child.role("parent", "male") == "dad" and child.role("sibling", "female") == "sister"
    assert child.chosen_help == words.child_chosen_help != words.chosen_help
    assert child.chosen_title == words.child_chosen_title != words.chosen_title
    assert "{link}" in words.remove_question and "{name}" in words.chosen_title


def test_a_family_table_from_before_the_link_keys_borrows_their_words(tmp_path):
    older = TEXT
    for key in ("remove_which", "remove_question", "chosen_title", "child_chosen_title",
                "chosen_help", "child_chosen_help"):
        start = older.index(f"\n{key} = ")
        older = older[:start] + older[older.index("\n", start + 1):]
    for table in ("[family.roles]", "[family.child_roles]"):
        start = older.index(table)
        older = older[:start] + older[older.index("\n\n", start) + 2:]
    old = tmp_path / "old.toml"
    old.write_text(older, encoding="utf-8")
    assert "remove_question" not in older and "family.roles" not in older
    assert load_wording(old).family == bundled().family


@pytest.mark.parametrize("change, path", [
    (('remove_question = "Remove: {link}?"', 'remove_question = "Remove?"'),
     "family.remove_question"),
    (('step-sibling = ["stepsister", "stepbrother", "stepbrother or stepsister"]\n', ""),
     "family.roles"),
    (('parent = ["mum", "dad", "mum or dad"]', 'parent = ["mum", "dad"]'), "family.child_roles.parent"),
    (('[family.child_roles]\n', '[family.child_roles]\ncousin = ["a", "b", "c"]\n'),
     "family.child_roles"),
])
def test_a_broken_link_key_word_names_its_key(tmp_path, change, path):
    broken = tmp_path / "broken.toml"
    assert change[0] in TEXT
    broken.write_text(TEXT.replace(*change, 1), encoding="utf-8")
    with pytest.raises(WordingError) as caught:
        load_wording(broken)
    assert caught.value.path == path
