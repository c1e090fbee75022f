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
