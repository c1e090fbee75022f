"""The ecomap's words in the wording file: read, checked, borrowed when absent, and in the
child's words for the child."""

from __future__ import annotations

import pytest

from circles_tui.core.audience import CHILD, FAMILY, wording_for
from circles_tui.core.ecomap import CENTRES, FLOWS, LINK_QUALITIES
from circles_tui.core.model import PERSON_KINDS
from circles_tui.core.wording import BUNDLED, WordingError, bundled, load_wording

BASE = BUNDLED.read_text(encoding="utf-8")
ECOMAP = BASE.index("\n[ecomap]")


def test_the_bundled_wording_labels_every_ecomap_choice():
    words = bundled().ecomap
    assert list(words.qualities) == list(LINK_QUALITIES)
    assert list(words.flows) == list(FLOWS[1:])
    assert list(words.centres) == list(CENTRES)
    assert list(words.kinds) == list(PERSON_KINDS)
    assert len(words.distances) == 4 and words.key_title == "Key"
    assert words.title_of("child", "Mia") == "Mia's ecomap"
    assert words.title_of("mum", "Mum") == "Mum's own ecomap"
    assert words.flow("both", "Mia") == "support flows both ways"
    assert words.flow("", "Mia") == ""


def test_a_name_with_braces_stays_a_name():
    assert bundled().ecomap.title_of("child", "{0} {name}") == "{0} {name}'s ecomap"


@pytest.mark.parametrize("who", [CHILD, FAMILY])
def test_the_child_and_family_read_the_child_words(who):
    words = wording_for(bundled(), who).ecomap
    assert words.title == "My world"
    assert words.qualities["stressful"] == "Hard or worrying"
    assert words.flow("to-centre", "Mia") == "helps Mia"
    assert words.centres == bundled().ecomap.centres  # no child words given: the adult ones


def test_a_wording_file_without_the_ecomap_borrows_the_bundled_words(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text(BASE[:ECOMAP].replace("Standard worksheets", "Our worksheets"))
    wording = load_wording(path)
    assert wording.name == "Our worksheets" and wording.ecomap == bundled().ecomap


@pytest.mark.parametrize("old, new, path", [
    ('stressful = "Stressful"\n', "", "ecomap.qualities"),
    ('key_title = "Key"\n', "", "ecomap.key_title"),
    ('distances = ["Very near", ', 'distances = [', "ecomap.distances"),
    ('pitch = "A team\'s pitch"\n', 'pitch = "A pitch"\nvolcano = "A volcano"\n', "ecomap.centres"),
])
def test_a_broken_ecomap_section_names_its_key(tmp_path, old, new, path):
    file = tmp_path / "ours.toml"
    assert old in BASE[ECOMAP:]
    file.write_text(BASE[:ECOMAP] + BASE[ECOMAP:].replace(old, new, 1))
    with pytest.raises(WordingError) as caught:
        load_wording(file)
    assert caught.value.path == path
