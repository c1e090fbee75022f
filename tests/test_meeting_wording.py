"""The meeting's words in the wording file: read, checked, and borrowed when absent."""

from __future__ import annotations

import pytest

from circles_tui.core.meeting import FAMILY_CHOICES, INVITE_STATUSES, NEEDS, TAKING_PART
from circles_tui.core.wording import BUNDLED, WordingError, bundled, load_wording

BASE = BUNDLED.read_text(encoding="utf-8")
MEETING = BASE.index("\n[meeting.invitations]")


def test_the_bundled_wording_labels_every_meeting_choice():
    meeting = bundled().meeting
    assert list(meeting.family_choices) == list(FAMILY_CHOICES)
    assert list(meeting.statuses) == list(INVITE_STATUSES)
    assert list(meeting.needs) == list(NEEDS)
    assert list(meeting.taking_part) == list(TAKING_PART)
    assert [meeting.invitations.title, meeting.child_voice.title, meeting.plan.title] == [
        "Invitations", "The child's voice", "The family plan"]


def test_a_wording_file_without_the_meeting_borrows_the_bundled_words(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text(BASE[:MEETING].replace("Standard worksheets", "Our worksheets"))
    wording = load_wording(path)
    assert wording.name == "Our worksheets"
    assert wording.meeting == bundled().meeting


@pytest.mark.parametrize("old, new, path", [
    ('not-now = "Not now"\n', "", "meeting.statuses"),
    ('title = "The family plan"\n', "", "meeting.plan.title"),
])
def test_a_broken_meeting_section_names_its_key(tmp_path, old, new, path):
    file = tmp_path / "ours.toml"
    file.write_text(BASE[:MEETING] + BASE[MEETING:].replace(old, new))
    with pytest.raises(WordingError) as caught:
        load_wording(file)
    assert caught.value.path == path
