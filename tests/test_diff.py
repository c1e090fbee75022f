"""What changed between two versions, in plain sentences."""

from __future__ import annotations

from datetime import date

import attrs

from circles_tui import cli
from circles_tui.core.wording import bundled
from circles_tui.core.change_report import describe_changes
from circles_tui.core.model import About, Answer, Person, Placement, Supporter, TreePart, Workbook
from circles_tui.core.file_format import save_workbook

CONTENT = bundled()


def before() -> Workbook:
    return Workbook(
        About("Mia", 8, session_dates=(date(2026, 3, 10),)),
        people=(
            Person("nan", "Nan", "Dad's mum", lives="Great Yarmouth"),
            Person("bex", "Bex", "Mum's friend"),
            Person("dad", "Dad", "Dad", contact="07700 900000"),
        ),
        circles={
            "who-could-help": (
                Placement("nan", 2, "child", extras={"help_types": ("emotional",)}),
                Placement("dad", 1, "child"),
            ),
            "who-matters": (Placement("bex", 3, "child"), Placement("dad", 2, "child")),
        },
        supporters={"emotional": (Supporter("nan", what_they_do="Listens"),)},
        tree={"roots": TreePart(words=("Jamaica",),
                                answers=(Answer("Who makes you proud?", "Nan"),))},
    )


def after() -> Workbook:
    return Workbook(
        About("Mia", 9, session_dates=(date(2026, 3, 10), date(2026, 3, 17))),
        people=(
            Person("nan", "Nanna Jo", "Dad's mum", lives="Great Yarmouth",
                   practitioner_note="Keen to help"),
            Person("dad", "Dad", "Dad", contact="07700 900001"),
            Person("sue", "Grandma Sue", "Mum's mum"),
        ),
        circles={
            "who-could-help": (
                Placement("nan", 1, "child", extras={"help_types": ("emotional", "care")}),
                Placement("sue", 3, "child"),
            ),
            "who-matters": (Placement("dad", 1, "child", note="I miss him"),),
        },
        supporters={
            "emotional": (Supporter("nan", what_they_do="Listens", how_to_use="Ring her"),),
            "practical": (Supporter("nan", what_they_do="School run"),),
        },
        tree={"roots": TreePart(words=("Jamaica", "Norfolk"),
                                answers=(Answer("Who makes you proud?", "Nanna Jo"),
                                         Answer("What story do you like?", "The hurricane")))},
        storms=TreePart(words=("When Mum is poorly",)),
    )


def test_two_hand_made_versions():
    assert describe_changes(before(), after()) == [
        "The child's age is now 9.",
        "A session on 17 March 2026 was added.",
        "Grandma Sue (Mum's mum) was added.",
        "Nan is now called Nanna Jo.",
        "The practitioner-only note on Nanna Jo was added.",
        "Contact details for Dad were changed.",
        "Bex was removed.",
        "Dad moved from 'Important to me' to 'Closest to me' in Who matters.",
        "In Who matters, Dad's note is now \"I miss him\".",
        "Nanna Jo moved from 'Could help if asked' to 'Already helping' in Who could help.",
        "In Who could help, Nanna Jo's 'Help they could give' is now Emotional support, "
        "Looking after the child.",
        "Grandma Sue was placed in 'Lost touch, could reconnect' in Who could help.",
        "Dad was taken out of Who could help (was at 'Already helping').",
        "Nanna Jo's entry in Emotional supporters changed (how to use them).",
        "Nanna Jo was added to Practical supporters.",
        "Added to Roots: \"Norfolk\".",
        "The answer in Roots to 'Who makes you proud?' is now \"Nanna Jo\".",
        "New question in Roots, 'What story do you like?': \"The hurricane\".",
        "Storms of life was started.",
        "Added to Storms of life: \"When Mum is poorly\".",
    ]


def test_no_changes_and_the_reverse():
    assert describe_changes(before(), before()) == []
    backwards = describe_changes(after(), before())
    assert "Nanna Jo is now called Nan." in backwards
    assert "Nan moved from 'Already helping' to 'Could help if asked' in Who could help." in backwards
    assert "Bex (Mum's friend) was added." in backwards
    assert "Storms of life was taken out." in backwards


def test_content_wording_is_used():
    circle = CONTENT.circle("who-could-help")
    renamed = attrs.evolve(circle, short="Helpers", rings=("Helping now", "Could help", "Lost"))
    content = attrs.evolve(
        CONTENT, circles=tuple(renamed if c.id == circle.id else c for c in CONTENT.circles)
    )
    assert "Nan moved from 'Could help' to 'Helping now' in Helpers." in describe_changes(
        before(), attrs.evolve(after(), people=before().people + (after().people[2],)), content
    )


def test_secrets_are_never_quoted():
    old = before()
    new = attrs.evolve(old, people=tuple(
        attrs.evolve(p, practitioner_note="Secret note", concern="Secret concern",
                     contact="Secret contact")
        for p in old.people
    ))
    said = " ".join(describe_changes(old, new))
    assert "Secret" not in said
    assert "The concern about Nan was added." in said


def test_command_line_diff(tmp_path, capsys):
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    save_workbook(old, before())
    save_workbook(new, after())
    assert cli.main(["diff", str(old), str(new)]) == 1  # they differ, as diff says
    printed = capsys.readouterr().out.splitlines()
    assert printed == describe_changes(before(), after())
    assert cli.main(["diff", str(old), str(old)]) == 0
    assert capsys.readouterr().out.strip() == "No changes."
