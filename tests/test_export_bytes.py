"""Exports stay byte for byte what they were: a SHA-256 of every export of every example,
for every audience and format, and of a workbook full of awkward text.

The other export tests check what a page says; these pin every byte, so making the
writers faster cannot change what they write unseen. When an export changes on purpose,
look at the new output, then print the new digests with
`python -m tests.test_export_bytes` and paste them below.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import attrs
import pytest

from circles_tui.core.file_format import read_workbook
from circles_tui.core.model import (
    CIRCLE_IDS, SUPPORTER_KINDS, TREE_PARTS, About, Answer, Person, Placement, Supporter,
    TreePart, Workbook,
)
from circles_tui.core.wording import bundled
from circles_tui.export import ExportOptions, render

EXAMPLES = Path(__file__).resolve().parent.parent / "circles_tui" / "examples"
AUDIENCES = {
    "full": ExportOptions(),
    "child": ExportOptions(child_view=True),
    "family": ExportOptions(family=True),
    "redacted": ExportOptions(redact=True),
}
DOCUMENTS = ("markdown", "html", "text")
PICTURES = {
    **{f"circle-{c}": ExportOptions(circle=c) for c in CIRCLE_IDS},
    "tree": ExportOptions(tree=True),
    "genogram": ExportOptions(genogram=True),
    "mobility": ExportOptions(mobility=True),
}

# Text that every escaping rule has to handle: markup of each format, line starts that
# Markdown reads as lists or headings, every kind of line break, spaces at either end,
# the separators a document cannot hold, and letters beyond ASCII.
AWKWARD = (
    "O'Neill & <b>Sons</b> \"quoted\"",
    "# not a heading",
    "12) not a list",
    "3. nor this",
    "- dash\n+ plus\n> quote\n= equals",
    "  spaced out  ",
    "one\r\ntwo\rthree\nfour",
    "tab\tinside",
    "para\u2028graph\u2029end",
    "*emph* _under_ [link](x) `code` |pipe| ~strike~ back\\slash",
    "&amp; &lt; already escaped",
    "\u00e9t\u00e9 \u4e2d\u6587 \U0001f642 \ufeffbom",
    "\ufffe\uffff not characters",
    "",
)


def awkward_workbook() -> Workbook:
    """Everyone and everything named with awkward text, in every worksheet the writers read."""
    people = tuple(
        Person(f"p-{n}", f"{text or 'Blank'} {n}", AWKWARD[(n + 1) % len(AWKWARD)],
               lives=AWKWARD[(n + 2) % len(AWKWARD)], contact=AWKWARD[(n + 3) % len(AWKWARD)],
               note=text, practitioner_note=AWKWARD[(n + 4) % len(AWKWARD)],
               concern=AWKWARD[(n + 5) % len(AWKWARD)] if n % 3 == 0 else "",
               living=n % 7 != 6, known=n % 5 != 4,
               hold_until="Kerry agrees" if n % 4 == 0 else "", hold_asked_by="Mum & <Dad>",
               kind="group" if n % 9 == 8 else "person")
        for n, text in enumerate(AWKWARD * 2)
    )
    circles = {
        circle: tuple(
            Placement(p.id, 1 + (n + c) % 3, named_by=("child", "parent-carer", "")[n % 3],
                      note=AWKWARD[(n + c) % len(AWKWARD)],
                      practitioner_note=AWKWARD[(n + c + 1) % len(AWKWARD)],
                      extras={"reason": AWKWARD[n % len(AWKWARD)], "reason_type": "concern"}
                      if circle == "services-suggest" else {})
            for n, p in enumerate(people) if (n + c) % 2
        )
        for c, circle in enumerate(CIRCLE_IDS)
    }
    supporters = {
        kind: tuple(Supporter(p.id, AWKWARD[(n + k) % len(AWKWARD)],
                              note=AWKWARD[(n + k + 1) % len(AWKWARD)])
                    for n, p in enumerate(people) if (n + k) % 3 == 0)
        for k, kind in enumerate(SUPPORTER_KINDS)
    }
    tree = {
        part: TreePart(words=AWKWARD[i:i + 3], people=tuple(p.id for p in people[i::5]),
                       answers=(Answer(AWKWARD[i], AWKWARD[-i - 2]),),
                       practitioner_note=AWKWARD[i + 1])
        for i, part in enumerate(TREE_PARTS)
    }
    about = About("Mia <& 'Jo'>", 8, pronouns="she/her", practitioner="Kerry *K*",
                  organisation="# Team", session_dates=(date(2026, 1, 5),),
                  taking_part=AWKWARD[:3], practitioner_note=AWKWARD[6])
    return Workbook(about, people, circles, supporters, tree,
                    storms=TreePart(words=AWKWARD[4:6], people=(people[0].id,)))


def _workbooks() -> dict[str, Workbook]:
    found = {path.stem: read_workbook(path).workbook for path in sorted(EXAMPLES.glob("*.toml"))}
    return {**found, "awkward": awkward_workbook()}


def _cases() -> list[tuple[str, str, str, ExportOptions]]:
    cases = []
    for name in (*(p.stem for p in sorted(EXAMPLES.glob("*.toml"))), "awkward"):
        for audience, options in AUDIENCES.items():
            cases += [(name, format, audience, options) for format in DOCUMENTS]
        cases += [(name, format, "family-copy", ExportOptions(family_copy=True))
                  for format in ("markdown", "html")]
        cases += [(name, "svg", picture, options) for picture, options in PICTURES.items()]
    return cases


def digest(workbook: Workbook, format: str, options: ExportOptions) -> str:
    return hashlib.sha256(render(workbook, format, bundled(), options).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def workbooks() -> dict[str, Workbook]:
    return _workbooks()


@pytest.mark.parametrize(("name", "format", "audience", "options"), _cases(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_export_bytes_are_unchanged(workbooks, name, format, audience, options):
    assert digest(workbooks[name], format, options) == DIGESTS[f"{name} {format} {audience}"]


# Mia's and Kai's child and family exports were pinned again when family links came to be told
# in the child's words there ("Mum is Mia's mum", not "mother"): a deliberate change.
DIGESTS = {
    "kai-complete markdown full": "468847ba98e79ea6",
    "kai-complete html full": "000c387ea783940a",
    "kai-complete text full": "d953b6f434be603e",
    "kai-complete markdown child": "0d9adfa51e67808d",
    "kai-complete html child": "ab3f82fd1fb91b68",
    "kai-complete text child": "2c3ab3d9c530a54b",
    "kai-complete markdown family": "0d9adfa51e67808d",
    "kai-complete html family": "ab3f82fd1fb91b68",
    "kai-complete text family": "2c3ab3d9c530a54b",
    "kai-complete markdown redacted": "aa28cf644f9bf61c",
    "kai-complete html redacted": "a72f2ec190627f7d",
    "kai-complete text redacted": "2fea81109bc6274b",
    "kai-complete markdown family-copy": "a5eb077773f06fbb",
    "kai-complete html family-copy": "318961e1fa6c6cc0",
    "kai-complete svg circle-who-matters": "24e4f9fb9f5a687e",
    "kai-complete svg circle-trusted-adults": "040d93fd77530f86",
    "kai-complete svg circle-who-knows": "e029b504ccae5455",
    "kai-complete svg circle-who-could-help": "95601539e97c6d45",
    "kai-complete svg circle-services-suggest": "dc246f7cd5c53b37",
    "kai-complete svg tree": "572e5b3b8b0cbc37",
    "kai-complete svg genogram": "967c87ae645cd757",
    "kai-complete svg mobility": "0168b3e2735dc85d",
    "mia-complete markdown full": "8b81fe7a02129971",
    "mia-complete html full": "5d1c92f24d2cc917",
    "mia-complete text full": "004a333372322d41",
    "mia-complete markdown child": "a2b307428fce829a",
    "mia-complete html child": "0e8daa027504c86d",
    "mia-complete text child": "352873b4bdabbfce",
    "mia-complete markdown family": "a2b307428fce829a",
    "mia-complete html family": "0e8daa027504c86d",
    "mia-complete text family": "352873b4bdabbfce",
    "mia-complete markdown redacted": "aa7953c0848e7a6e",
    "mia-complete html redacted": "4c230b8c68935bd3",
    "mia-complete text redacted": "7b545b6ee94c6341",
    "mia-complete markdown family-copy": "c4d98a550939d498",
    "mia-complete html family-copy": "655bdf5ce0cd6709",
    "mia-complete svg circle-who-matters": "ff0af66a131e489a",
    "mia-complete svg circle-trusted-adults": "09099274dcf09454",
    "mia-complete svg circle-who-knows": "a87ba999063ee963",
    "mia-complete svg circle-who-could-help": "9722012cf628e61c",
    "mia-complete svg circle-services-suggest": "6909d3060e7a12ae",
    "mia-complete svg tree": "c739137b964701d6",
    "mia-complete svg genogram": "7925ce9d4b8aaba4",
    "mia-complete svg mobility": "32cea7d08f1475d8",
    "mia-started markdown full": "a7c03455b05a0c70",
    "mia-started html full": "5f52f2d0972ca4c0",
    "mia-started text full": "5de48015db3bfaeb",
    "mia-started markdown child": "eb697ab10f7036d9",
    "mia-started html child": "9048dc412d8465bc",
    "mia-started text child": "d87460ea54ca84f6",
    "mia-started markdown family": "eb697ab10f7036d9",
    "mia-started html family": "9048dc412d8465bc",
    "mia-started text family": "d87460ea54ca84f6",
    "mia-started markdown redacted": "6ed6befb0a5741be",
    "mia-started html redacted": "0c8df30a1650b8bc",
    "mia-started text redacted": "97f7643afd7fb2a9",
    "mia-started markdown family-copy": "34f4ce3bcca89a51",
    "mia-started html family-copy": "891730efe1960aef",
    "mia-started svg circle-who-matters": "7417f075ca4df61a",
    "mia-started svg circle-trusted-adults": "64d8378687f01adf",
    "mia-started svg circle-who-knows": "9b9b3f0a63977473",
    "mia-started svg circle-who-could-help": "935ba40ce578dd95",
    "mia-started svg circle-services-suggest": "25c0b08b0e3acdb8",
    "mia-started svg tree": "a86c211478a8c80b",
    "mia-started svg genogram": "252c466e001c8a16",
    "mia-started svg mobility": "4208f3dd6c865945",
    "awkward markdown full": "043f77a44c58895f",
    "awkward html full": "f97652e247e5feca",
    "awkward text full": "dba53fa19892a8b3",
    "awkward markdown child": "f87536f15324df67",
    "awkward html child": "a01553d55bb8fc62",
    "awkward text child": "f4a747c4f6679162",
    "awkward markdown family": "f87536f15324df67",
    "awkward html family": "a01553d55bb8fc62",
    "awkward text family": "f4a747c4f6679162",
    "awkward markdown redacted": "5208a821cf99cc15",
    "awkward html redacted": "aa4dde7336e56ab5",
    "awkward text redacted": "e920d5eb299cc220",
    "awkward markdown family-copy": "89b65b077aa1cf10",
    "awkward html family-copy": "bcd36451d6a8ad50",
    "awkward svg circle-who-matters": "b79ba8a2dc14b7d6",
    "awkward svg circle-trusted-adults": "175c0c536286aae5",
    "awkward svg circle-who-knows": "b4ae28559ae174e2",
    "awkward svg circle-who-could-help": "c85193fe6e119ff0",
    "awkward svg circle-services-suggest": "1716c09dade2f15c",
    "awkward svg tree": "f954d43d8020a4c9",
    "awkward svg genogram": "2cc8dee3a93e6daa",
    "awkward svg mobility": "af9f38b1882fef75",
}


if __name__ == "__main__":
    books = _workbooks()
    print("DIGESTS = {")
    for name, format, audience, options in _cases():
        print(f'    "{name} {format} {audience}": "{digest(books[name], format, options)}",')
    print("}")
