"""Files from elsewhere: whatever bytes arrive, reading them gives a Workbook or one
WorkbookFileError sentence naming the file, never a crash.

Hypothesis mutates real workbooks three ways: bytes (as a bad copy or a stray
keystroke would), lines of text (as a hand edit would), and the parsed document
itself (wrong types, missing and extra keys, swapped ids, huge numbers, junk),
written back with tomli-w. Derandomised, so CI sees the same examples every run.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timezone
from pathlib import Path

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circles_tui.core import file_format
from circles_tui.core.model import (
    CIRCLE_IDS,
    NAMED_BY,
    RING_COUNT,
    SUPPORTER_KINDS,
    TREE_PARTS,
    Answer,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
    new_workbook,
)
from circles_tui.core.file_format import WorkbookFileError
from circles_tui.core.text import has_visible_character
from tests.crash_writer import make_workbook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAME = "from-elsewhere.toml"

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def seeds() -> list[bytes]:
    found = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.toml"))]
    made = [file_format.dumps(make_workbook(people=n, seed=n)).encode() for n in (0, 3, 12)]
    return found + made


SEEDS = seeds()


def check(data: bytes | str) -> Workbook | None:
    """The property: a checked Workbook, or a one-line WorkbookFileError naming the file."""
    try:
        workbook = file_format.parse_workbook(data, NAME)
    except WorkbookFileError as error:
        message = str(error)
        assert message.startswith(NAME), message
        assert len(message.splitlines()) == 1, message
        assert error.problem.strip(), message
        return None
    assert isinstance(workbook, Workbook)
    # Whatever was accepted can be saved and read back unchanged.
    assert file_format.parse_workbook(file_format.dumps(workbook), NAME) == workbook
    return workbook


def test_the_seeds_themselves_are_valid_workbooks():
    assert len(SEEDS) >= 3
    for seed in SEEDS:
        assert check(seed) is not None


# -- bytes -------------------------------------------------------------------------------

INTERESTING = [b"\x00", b"\xff", b"\xc3", b"\n", b"\r", b'"', b"'", b"[", b"]", b"=", b"#",
               b"\\", b'"""', b"[[", b"\xef\xbb\xbf", b"\t", b"\x85", b"\xe2\x80\xa8", b"{", b","]

byte_edits = st.lists(
    st.tuples(
        st.sampled_from(("flip", "insert", "delete", "replace", "truncate", "splice")),
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.one_of(st.binary(min_size=1, max_size=4), st.sampled_from(INTERESTING)),
        st.integers(min_value=1, max_value=64),
    ),
    min_size=1,
    max_size=6,
)


def apply_bytes(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for kind, where, chunk, size in edits:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= 1 << (size % 8)
        elif kind == "insert":
            out[at:at] = chunk
        elif kind == "delete":
            del out[at: at + size]
        elif kind == "replace":
            out[at: at + len(chunk)] = chunk
        elif kind == "truncate":
            del out[at:]
        elif kind == "splice":  # a block of the file repeated elsewhere, as a bad merge does
            out[at:at] = out[max(at - size * 8, 0): at]
    return bytes(out)


@settings(FUZZ, max_examples=700)
@given(st.sampled_from(SEEDS), byte_edits)
def test_byte_mutations_of_workbooks(seed, edits):
    check(apply_bytes(seed, edits))


# -- lines of text: generated workbooks, edited by hand ----------------------------------

# Unicode's own line breaks, which TOML keeps raw inside strings and comments: they are
# text, not line breaks, so they must never shift a line number.
SEPARATORS = ["\u2028", "\u2029", "\x85"]
plain_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
texts = st.one_of(
    plain_texts,
    st.lists(st.one_of(plain_texts, st.sampled_from(SEPARATORS)), max_size=4).map("".join),
)
names = texts.filter(has_visible_character)


@st.composite
def workbooks(draw) -> Workbook:
    workbook = new_workbook(draw(names), draw(texts), draw(st.none() | st.dates()))
    people = []
    for i in range(draw(st.integers(0, 6))):
        people.append(Person(f"p{i}", draw(names), draw(texts), note=draw(texts),
                             living=draw(st.booleans()), known=draw(st.booleans())))
    ids = [p.id for p in people]
    circles = {}
    for circle in CIRCLE_IDS:
        chosen = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
        circles[circle] = tuple(
            Placement(pid, draw(st.integers(1, RING_COUNT)),
                      named_by=draw(st.sampled_from(("",) + NAMED_BY)), note=draw(texts),
                      extras={"reason": draw(names)} if circle == "services-suggest" else {})
            for pid in chosen
        )
    supporters = {
        kind: tuple(Supporter(pid, draw(texts)) for pid in
                    (draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []))
        for kind in SUPPORTER_KINDS
    }
    tree = {part: TreePart(tuple(draw(st.lists(texts, max_size=3))),
                           tuple(Answer(draw(names), draw(texts))
                                 for _ in range(draw(st.integers(0, 2)))))
            for part in draw(st.lists(st.sampled_from(TREE_PARTS), unique=True, max_size=3))}
    about = attrs.evolve(workbook.about, age=draw(st.none() | st.integers(0, 25)))
    return Workbook(about, tuple(people), circles, supporters, tree)


line_edits = st.lists(
    st.tuples(
        st.sampled_from(("drop", "double", "swap", "insert", "cut", "indent", "comment")),
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.sampled_from(['"', "'''", '"""', "[about]", "[[people]]", "id = 1", "= =", "x = [",
                         "ring = 99", "age = -1", "[circles.who-matters]", "name = \"\"",
                         "\\u00", "person = \"nobody\"", "format_version = 2", "a.b.c = 1",
                         "# a comment\u2028[about]\u2029x = 1\x85", 'note = "a\u2028b"']),
    ),
    min_size=1,
    max_size=5,
)


def apply_lines(text: str, edits) -> str:
    lines = text.split("\n")
    for kind, a, b, snippet in edits:
        i, j = int(a * (len(lines) - 1)), int(b * (len(lines) - 1))
        if kind == "drop":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, snippet)
        elif kind == "cut":
            lines[i] = lines[i][: int(b * len(lines[i]))]
        elif kind == "indent":
            lines[i] = "\t  " + lines[i]
        elif kind == "comment":
            lines[i] = "# " + lines[i]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(FUZZ, max_examples=500)
@given(workbooks(), line_edits)
def test_hand_edits_of_generated_workbooks(workbook, edits):
    text = file_format.dumps(workbook)
    assert check(text) == workbook  # unedited, it reads back exactly
    check(apply_lines(text, edits))
    check(apply_lines(text, edits).encode("utf-8"))


@settings(FUZZ, max_examples=200)
@given(workbooks(), st.sampled_from(SEPARATORS), st.sampled_from(["rign = 2", "nme = \"Jo\""]))
def test_a_typo_is_found_on_its_line_whatever_text_comes_before(workbook, separator, typo):
    """Only line feeds count: U+2028, U+2029 and U+0085 raw in a note or a comment are text."""
    text = file_format.dumps(workbook) + f"# a comment{separator}that goes on\n"
    added = '\n[[people]]\nid = "late"\nname = "Late"\n' + typo + "\n"
    line = text.count("\n") + added.count("\n")
    with pytest.raises(WorkbookFileError) as caught:
        file_format.parse_workbook(text + added, NAME)
    assert caught.value.line == line, str(caught.value)


# -- the parsed document: wrong shapes written as valid TOML -----------------------------

keys = st.one_of(
    st.sampled_from(["id", "name", "person", "ring", "child", "format", "format_version",
                     "people", "circles", "about", "extras", "words", "answers", "note"]),
    st.text(max_size=12),
)
scalars = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.sampled_from([2**63 - 1, -(2**63), 2**64, 10**4000, -1, 0, 4, 26]),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(timezone.utc)),
    st.times(),
)
junk = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)


def places(document) -> list[tuple[object, object]]:
    """Every (container, key-or-index) in the document, depth first."""
    found = []

    def walk(node):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            found.append((node, key))
            if isinstance(value, (dict, list)):
                walk(value)

    walk(document)
    return found


@st.composite
def structural_edits(draw, document):
    for _ in range(draw(st.integers(1, 4))):
        spots = places(document)
        container, key = spots[draw(st.integers(0, len(spots) - 1))]
        kind = draw(st.sampled_from(("junk", "delete", "extra", "swap", "huge", "nest",
                                     "retype", "dangle")))
        if kind == "junk":
            container[key] = draw(junk)
        elif kind == "delete":
            del container[key]
        elif kind == "extra":
            target = container[key] if isinstance(container[key], dict) else document
            target[draw(keys)] = draw(junk)
        elif kind == "swap":  # two values trade places, ids and references among them
            other, other_key = spots[draw(st.integers(0, len(spots) - 1))]
            try:
                container[key], other[other_key] = other[other_key], container[key]
            except (KeyError, IndexError):
                pass
        elif kind == "huge":
            container[key] = draw(st.sampled_from([10**40, -(10**40), 2**63, 10**4000]))
        elif kind == "nest":
            value = container[key]
            for _ in range(draw(st.integers(1, 60))):
                value = [value] if draw(st.booleans()) else {"x": value}
            container[key] = value
        elif kind == "retype":
            value = container[key]
            container[key] = (str(value) if not isinstance(value, str)
                              else draw(st.sampled_from([1, True, [value], {"v": value}])))
        elif kind == "dangle" and isinstance(document.get("people"), list):
            people = [p for p in document["people"] if isinstance(p, dict)]
            if people:  # an id changed under its references, or made the same as another's
                people[draw(st.integers(0, len(people) - 1))]["id"] = draw(
                    st.sampled_from(["nobody", people[0].get("id", "x"), "Bad Id", ""]))
    return document


def dumpable(document) -> str | None:
    try:
        return tomli_w.dumps(document)
    except (TypeError, ValueError):  # not every Python value has a TOML spelling
        return None


@settings(FUZZ, max_examples=900)
@given(st.data())
def test_structural_mutations_of_workbooks(data):
    seed = data.draw(st.sampled_from(SEEDS))
    document = data.draw(structural_edits(tomllib.loads(seed.decode("utf-8"))))
    text = dumpable(document)
    if text is not None:
        check(text)
    check(repr(document))  # and the same shapes as Python-ish text, which is not TOML at all


# -- cases found or feared, kept as plain examples --------------------------------------

HEADER = 'format = "circles-tui workbook"\nformat_version = 1\n[about]\nchild = "Mia"\n'


@pytest.mark.parametrize("text", [
    "",
    "\ufeff",
    HEADER.replace("format_version = 1", "format_version = " + "9" * 5000),
    HEADER + "age = " + "9" * 5000 + "\n",
    HEADER + "age = 1" + "0" * 30 + "\n",
    "a = " + "[" * 5000 + "]" * 5000,
    "a = " + "{b = " * 3000 + "1" + "}" * 3000,
    HEADER + '"a\\nb" = 1\n',
    HEADER + '"a\\u2028b" = 1\n',
    HEADER + '"a\\u000cb" = 1\n',
    HEADER + '[people."x\\ny"]\n',
    HEADER + "[[people]]\nid = \"a\"\nname = \"A\"\n[[people]]\nid = \"a\"\nname = \"B\"\n",
    HEADER + "session_dates = [2026-03-10T10:00:00]\n",
    HEADER + "session_dates = [10:00:00]\n",
    HEADER + "age = nan\n",
    HEADER + "age = inf\n",
    HEADER + 'child = "' + "x" * 100_000 + '"\n',
    HEADER.replace('format_version = 1', 'format_version = true'),
    'format = "circles-tui workbook"\n' * 2,
], ids=lambda text: repr(text[:24]) + (f"..{len(text)}" if len(text) > 24 else ""))
def test_awkward_files(text):
    check(text)
    check(text.encode("utf-8"))


def test_a_file_name_with_a_line_break_still_gives_one_line(tmp_path):
    path = tmp_path / "two\nlines.toml"
    path.write_text("not = [valid")
    with pytest.raises(WorkbookFileError) as caught:
        file_format.read_workbook(path)
    assert len(str(caught.value).splitlines()) == 1
    assert "lines.toml" in str(caught.value)


def test_the_time_of_day_is_not_a_date():
    """`time` values are not dates, so a session date of 10:00 is refused plainly."""
    assert isinstance(datetime(2026, 3, 10), date) and not isinstance(time(10), date)
    with pytest.raises(WorkbookFileError, match="session_dates"):
        file_format.parse_workbook(HEADER + "session_dates = [10:00:00]\n", NAME)
