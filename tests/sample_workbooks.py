"""Small hand-made workbooks for the network, export, redaction and diff tests."""

from __future__ import annotations

from datetime import date

from circles_tui.core.model import (
    About,
    Answer,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
)


def small_workbook() -> Workbook:
    """Sam, 9: enough of everything to exercise the network list, gaps and disagreements."""
    people = (
        Person("nan", "Nanna Jo", "grandmother", lives="Leeds", contact="07700 900123",
               note="Nanna Jo makes pancakes", practitioner_note="Offered respite before"),
        Person("dad", "Dad", "father", lives="Poland", contact="dad@example.org",
               concern="Police call-out in March", practitioner_note="Has parental responsibility"),
        Person("mrs-k", "Mrs Khan", "teacher", lives="Leeds"),
        Person("kyle", "Kyle", "", lives="Bradford", contact="@kyle"),
        Person("grandad", "Grandad Pete", "grandfather", living=False),
        Person("aunt", "Aunty Bea", "aunt", lives="Glasgow"),
        Person("nobody", "Unplaced Uncle", "uncle"),
    )
    circles = {
        "who-matters": (
            Placement("nan", 1, named_by="child", note="She gives the best hugs",
                      extras={"frequency": "often", "contact_modes": ("in-person", "phone")}),
            Placement("dad", 1, named_by="child", note="I miss Dad"),
            Placement("kyle", 1, named_by="child"),
            Placement("grandad", 2, named_by="child"),
        ),
        "trusted-adults": (
            Placement("nan", 1, named_by="child",
                      extras={"reachable": ("evenings",), "what_helps": "She listens"}),
            Placement("mrs-k", 2, named_by="child", extras={"reachable": ("school-days",)}),
        ),
        "who-knows": (
            Placement("nan", 3, extras={"tell_more": "yes"}),
            Placement("mrs-k", 1, extras={"who_told": "Social worker", "tell_more": "no"}),
        ),
        "who-could-help": (
            Placement("nan", 1, named_by="parent-carer",
                      extras={"help_types": ("care", "practical")}),
            Placement("aunt", 3, named_by="child",
                      extras={"help_types": ("emotional",), "family_view": "Mum is unsure"}),
        ),
        "services-suggest": (
            Placement("dad", 3, practitioner_note="Check the bail conditions",
                      extras={"reason": "Dad has parental responsibility and we need to talk about the worries",
                              "reason_type": "legal-role", "yp_view": "disagree",
                              "yp_words": "I want Dad there"}),
            Placement("nan", 1, extras={"reason": "Nanna Jo has helped before",
                                        "reason_type": "helped-before", "yp_view": "agree"}),
        ),
    }
    supporters = {
        "emotional": (Supporter("nan", what_they_do="Listens", how_to_use="Phone after school"),),
        "practical": (),
        "false": (Supporter("kyle", what_they_do="Tells my secrets",
                            practitioner_note="Older, possible exploitation"),),
    }
    tree = {
        "roots": TreePart(words=("Ireland", "Nan's stories"),
                          answers=(Answer("Who makes you proud?", "Nanna Jo"),)),
        "leaves": TreePart(words=("Nanna Jo", "Grandad Pete"), people=("nan", "grandad")),
        "trunk": TreePart(words=("Football",), practitioner_note="Sam lit up talking about this"),
    }
    about = About(
        child="Sam Smith", age=9, pronouns="he/him", practitioner="Alex Worker",
        organisation="Northshire Children's Services",
        session_dates=(date(2026, 3, 2), date(2026, 3, 9)),
        taking_part=("Sam", "Mum"), practitioner_note="Mum is struggling with her health",
    )
    storms = TreePart(words=("When Dad left",), people=("nan",))
    return Workbook(about, people, circles, supporters, tree, storms)
