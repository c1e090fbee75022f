"""Workbook files: read and check TOML, write it back deterministically and atomically.

No Textual or Rich here. Every problem with a file becomes a `WorkbookFileError`
carrying the file, the line where known, the key path and one sentence a
practitioner can act on. Reading never writes; writing goes through a temporary
file in the same folder, so the old file stays whole until the new one is.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
    CONTROL_CHARACTERS,
    FORMAT_NAME,
    FORMAT_VERSION,
    SUPPORTER_KINDS,
    TREE_PARTS,
    About,
    Answer,
    ModelError,
    Person,
    Placement,
    Supporter,
    TreePart,
    Workbook,
)
from circles_tui.core import owner_only
from circles_tui.core.meeting_format import meeting_chunks, read_meeting
from circles_tui.core.render_cache import RenderCache

MAX_FILE_BYTES = 20 * 1024 * 1024  # a real workbook is a few hundred kilobytes at most


class WorkbookFileError(Exception):
    """A workbook file could not be read or written."""

    def __init__(
        self, file: str | os.PathLike, problem: str, line: int | None = None, path: str = ""
    ) -> None:
        self.file = str(file)
        self.problem = problem
        self.line = line
        self.path = path
        super().__init__(self.sentence())

    def location(self) -> str:
        """`FILE:LINE` (or just `FILE`), as compilers print it."""
        return _one_line(f"{self.file}:{self.line}" if self.line else self.file)

    def sentence(self) -> str:
        where = f" on line {self.line}" if self.line else ""
        key = f" ({self.path})" if self.path else ""
        return _one_line(f"{self.file}{where}{key}: {self.problem}")


def _one_line(text: str) -> str:
    """Show line breaks and other control characters (from a key or file name) as escapes,
    so a message is always one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class ConflictError(WorkbookFileError):
    """The file changed on disk since it was read; saving would overwrite someone's work."""


# -- reading ----------------------------------------------------------------------------


@attrs.frozen
class Opened:
    """A workbook and a fingerprint of the bytes it came from, for spotting later changes."""

    workbook: Workbook
    fingerprint: str


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def current_fingerprint(path: Path) -> str | None:
    """The fingerprint of what is on disk now, or None when there is no file."""
    try:
        return fingerprint(path.read_bytes())
    except FileNotFoundError:
        return None


def read_workbook(path: str | os.PathLike) -> Opened:
    """Read and check a workbook file. Raises WorkbookFileError; never writes."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookFileError(name, "the file is too large to be a workbook (over 20 MB).")
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkbookFileError(name, "there is no file with this name.") from None
    except IsADirectoryError:
        raise WorkbookFileError(name, "this is a folder, not a workbook file.") from None
    except PermissionError:
        raise WorkbookFileError(name, "you do not have permission to read this file.") from None
    except OSError as error:
        raise WorkbookFileError(name, f"the file could not be read ({error.strerror}).") from None
    return Opened(parse_workbook(data, name), fingerprint(data))


def parse_workbook(data: bytes | str, name: str = "<workbook>") -> Workbook:
    """Turn the bytes of a workbook file into a checked Workbook, or raise WorkbookFileError."""
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise WorkbookFileError(name, "this is not a text file, so it cannot be a workbook.")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise WorkbookFileError(
                name, "the file is not UTF-8 text; save it as UTF-8 and try again.", line
            ) from None
    else:
        text = data
    text = text.removeprefix("\ufeff")  # some Windows editors add a byte-order mark
    if not text.strip():
        raise WorkbookFileError(name, "the file is empty.")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(name, str(error)) from None
    except RecursionError:  # tomllib goes one level deeper for each bracket inside a bracket
        raise WorkbookFileError(
            name, "the file has brackets nested too deeply to be a workbook."
        ) from None
    except ValueError:  # Python refuses to read whole numbers of thousands of digits
        raise WorkbookFileError(name, "the file holds a number far too long to be a workbook.") from None
    try:
        return _WorkbookReader(document).workbook()
    except ModelError as error:
        raise WorkbookFileError(
            name, _sentence(error.message), _find_line(text, error.path), error.path
        ) from None


def _syntax_error(name: str, message: str) -> WorkbookFileError:
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    line = int(match.group(1)) if match else None
    detail = message[: match.start()].strip() if match else message
    if match is None and "end of document" in message:
        line = None
    return WorkbookFileError(
        name, f"this is not valid TOML ({detail[:1].lower() + detail[1:]}).", line
    )


def _sentence(message: str) -> str:
    message = message[:1].lower() + message[1:] if message[1:2].islower() else message
    return message if message.endswith(".") else message + "."


class _WorkbookReader:
    """Checks the shape and types of a parsed TOML document and builds the model."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def workbook(self) -> Workbook:
        doc = self.document
        self._check_header(doc)
        self._only(doc, "", {"format", "format_version", "about", "people", "circles",
                             "supporters", "tree", "storms", "meeting"})
        about = self._about(self._table(doc, "about", "", required=True))
        people = tuple(
            self._person(item, f"people[{i}]")
            for i, item in enumerate(self._tables(doc, "people", ""))
        )
        circles_doc = self._table(doc, "circles", "")
        self._only(circles_doc, "circles", set(CIRCLE_IDS))
        circles = {
            circle: tuple(
                self._placement(circle, item, f"circles.{circle}[{i}]")
                for i, item in enumerate(self._tables(circles_doc, circle, "circles"))
            )
            for circle in CIRCLE_IDS
        }
        supporters_doc = self._table(doc, "supporters", "")
        self._only(supporters_doc, "supporters", set(SUPPORTER_KINDS))
        supporters = {
            kind: tuple(
                self._supporter(item, f"supporters.{kind}[{i}]")
                for i, item in enumerate(self._tables(supporters_doc, kind, "supporters"))
            )
            for kind in SUPPORTER_KINDS
        }
        tree_doc = self._table(doc, "tree", "")
        self._only(tree_doc, "tree", set(TREE_PARTS))
        tree = {
            part: self._tree_part(self._table(tree_doc, part, "tree"), f"tree.{part}")
            for part in TREE_PARTS
        }
        storms = None
        if "storms" in doc:
            storms = self._tree_part(self._table(doc, "storms", ""), "storms")
        return Workbook(about, people, circles, supporters, tree, storms,
                        read_meeting(self, doc))

    # -- sections --

    def _check_header(self, doc: dict[str, Any]) -> None:
        if doc.get("format") != FORMAT_NAME:
            raise ModelError(
                "format",
                f'this is not a circles-tui workbook: its first line should be format = "{FORMAT_NAME}"',
            )
        version = doc.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ModelError("format_version", "format_version must be a whole number such as 1")
        if version > FORMAT_VERSION:
            raise ModelError(
                "format_version",
                f"this workbook was saved by a newer circles-tui (format {version}); "
                f"this copy reads format {FORMAT_VERSION}, so please update circles-tui to open it",
            )

    def _about(self, t: dict[str, Any]) -> About:
        p = "about"
        self._only(t, p, {"child", "age", "pronouns", "practitioner", "organisation",
                          "session_dates", "taking_part", "share_false_supporters",
                          "practitioner_note"})
        return About(
            child=self._str(t, "child", p, required=True),
            age=self._int(t, "age", p),
            pronouns=self._str(t, "pronouns", p),
            practitioner=self._str(t, "practitioner", p),
            organisation=self._str(t, "organisation", p),
            session_dates=self._list(t, "session_dates", p, date, "a date like 2026-11-22"),
            taking_part=self._list(t, "taking_part", p, str, "text"),
            share_false_supporters=self._bool(t, "share_false_supporters", p),
            practitioner_note=self._str(t, "practitioner_note", p),
        )

    def _person(self, t: dict[str, Any], p: str) -> Person:
        self._only(t, p, {"id", "name", "relationship", "lives", "contact", "note",
                          "practitioner_note", "living", "known", "concern", "hold_until",
                          "hold_asked_by"})
        return Person(
            id=self._str(t, "id", p, required=True),
            name=self._str(t, "name", p, required=True),
            relationship=self._str(t, "relationship", p),
            lives=self._str(t, "lives", p),
            contact=self._str(t, "contact", p),
            note=self._str(t, "note", p),
            practitioner_note=self._str(t, "practitioner_note", p),
            living=self._bool(t, "living", p, default=True),
            known=self._bool(t, "known", p, default=True),
            concern=self._str(t, "concern", p),
            hold_until=self._str(t, "hold_until", p),
            hold_asked_by=self._str(t, "hold_asked_by", p),
        )

    def _placement(self, circle: str, t: dict[str, Any], p: str) -> Placement:
        fields = CIRCLE_FIELDS[circle]
        self._only(t, p, {"person", "ring", "named_by", "note", "practitioner_note"}
                   | {f.id for f in fields})
        extras: dict[str, str | tuple[str, ...]] = {}
        for field in fields:
            if field.id not in t:
                continue
            if field.kind == "tags":
                extras[field.id] = self._list(t, field.id, p, str, "text")
            else:
                extras[field.id] = self._str(t, field.id, p)
        ring = self._int(t, "ring", p)
        if ring is None:
            raise ModelError(f"{p}.ring", "the ring is missing (1 is nearest the child)")
        return Placement(
            person=self._str(t, "person", p, required=True),
            ring=ring,
            named_by=self._str(t, "named_by", p),
            note=self._str(t, "note", p),
            practitioner_note=self._str(t, "practitioner_note", p),
            extras=extras,
        )

    def _supporter(self, t: dict[str, Any], p: str) -> Supporter:
        self._only(t, p, {"person", "what_they_do", "how_to_use", "reach", "note",
                          "practitioner_note"})
        return Supporter(
            person=self._str(t, "person", p, required=True),
            what_they_do=self._str(t, "what_they_do", p),
            how_to_use=self._str(t, "how_to_use", p),
            reach=self._str(t, "reach", p),
            note=self._str(t, "note", p),
            practitioner_note=self._str(t, "practitioner_note", p),
        )

    def _tree_part(self, t: dict[str, Any], p: str) -> TreePart:
        self._only(t, p, {"words", "answers", "people", "practitioner_note"})
        answers = []
        for i, item in enumerate(self._tables(t, "answers", p)):
            q = f"{p}.answers[{i}]"
            self._only(item, q, {"question", "answer"})
            answers.append(Answer(self._str(item, "question", q, required=True),
                                  self._str(item, "answer", q)))
        return TreePart(
            words=self._list(t, "words", p, str, "text"),
            answers=tuple(answers),
            people=self._list(t, "people", p, str, "a person's id"),
            practitioner_note=self._str(t, "practitioner_note", p),
        )

    # -- typed getters: each raises ModelError naming the key --

    @staticmethod
    def _only(t: dict[str, Any], p: str, allowed: set[str]) -> None:
        for key in t:
            if key not in allowed:
                where = f"{p}.{key}" if p else key
                raise ModelError(where, f"{key!r} is not a key this format knows (is it misspelt?)")

    @staticmethod
    def _missing(p: str, key: str) -> ModelError:
        return ModelError(f"{p}.{key}" if p else key, f"{key!r} is missing")

    def _value(self, t: dict[str, Any], key: str, p: str, kind: type | tuple, what: str,
               required: bool) -> Any:
        if key not in t:
            if required:
                raise self._missing(p, key)
            return None
        value = t[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ModelError(f"{p}.{key}" if p else key, f"{key!r} must be {what}")
        return value

    def _str(self, t: dict[str, Any], key: str, p: str, required: bool = False) -> str:
        text = self._value(t, key, p, str, "text in quotes", required) or ""
        _refuse_control_characters(text, f"{p}.{key}" if p else key, key)
        return text

    def _int(self, t: dict[str, Any], key: str, p: str) -> int | None:
        return self._value(t, key, p, int, "a whole number", False)

    def _bool(self, t: dict[str, Any], key: str, p: str, default: bool = False) -> bool:
        value = self._value(t, key, p, bool, "true or false", False)
        return default if value is None else value

    def _table(self, t: dict[str, Any], key: str, p: str, required: bool = False) -> dict:
        if key not in t and not required:
            return {}
        return self._value(t, key, p, dict, "a table", required)

    def _tables(self, t: dict[str, Any], key: str, p: str) -> list[dict]:
        items = self._value(t, key, p, list, "a list of tables", False) or []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                where = f"{p}.{key}[{i}]" if p else f"{key}[{i}]"
                raise ModelError(where, "must be a table")
        return items

    def _list(self, t: dict[str, Any], key: str, p: str, kind: type, what: str) -> tuple:
        items = self._value(t, key, p, list, "a list in square brackets", False) or []
        for i, item in enumerate(items):
            if not isinstance(item, kind):
                raise ModelError(f"{p}.{key}[{i}]", f"each entry of {key!r} must be {what}")
            if isinstance(item, str):
                _refuse_control_characters(item, f"{p}.{key}[{i}]", key)
        return tuple(items)


def _refuse_control_characters(text: str, where: str, key: str) -> None:
    found = CONTROL_CHARACTERS.search(text)
    if found:
        raise ModelError(where, (
            f"{key!r} holds a control character (U+{ord(found.group()):04X}) that could "
            "upset the screen; remove it in a text editor"
        ))


# -- finding the line a key path is on -----------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_LAST_STEP = re.compile(r"(\[\d+\]|\.[^.\[]+)$")
_KEY = re.compile(r"^\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*=")


def _find_line(text: str, key_path: str) -> int | None:
    """The line of `key_path` (like `people[3].name`) in hand- or machine-written TOML.

    Falls back to the nearest enclosing table, then to nothing.
    """
    lines: dict[str, int] = {}
    current: dict[str, int] = {}  # array-of-tables name -> index of its latest table
    counts: dict[str, int] = {}  # indexed array path -> how many tables so far
    section = ""
    block: str | None = None  # the multi-line string open here: nothing in it is a header or key
    for number, line in enumerate(text.splitlines(), start=1):
        was_in_block = block is not None
        block = _block_after(line, block)
        if was_in_block:
            continue
        header = _HEADER.match(line)
        if header:
            name = ".".join(part.strip().strip("\"'") for part in header.group(2).split("."))
            base = _indexed(name, current)
            if header.group(1) == "[[":
                index = counts.get(base, 0)
                counts[base] = index + 1
                current[name] = index
                section = f"{base}[{index}]"
                lines.setdefault(base, number)  # for problems with the array as a whole
            else:
                section = base
            lines.setdefault(section, number)
            continue
        key = _KEY.match(line)
        if key:
            full = f"{section}.{key.group(1).strip(chr(34) + chr(39))}" if section else key.group(1)
            lines.setdefault(full, number)
    path = key_path
    while path:
        if path in lines:
            return lines[path]
        shorter = _LAST_STEP.sub("", path)
        path = shorter if shorter != path else ""
    return None


def _block_after(line: str, block: str | None) -> str | None:
    """The multi-line string delimiter (three quotes) still open at the end of `line`, if any.

    Walks the line as TOML does, so quotes inside one-line strings, escaped quotes and
    comments neither open nor close a block.
    """
    i, n = 0, len(line)
    while i < n:
        char = line[i]
        if block is not None:
            if char == "\\" and block == '"""':
                i += 2
            elif char == block[0]:
                run = len(line) - i - len(line[i:].lstrip(char))
                i += run
                if run >= 3:  # up to two quotes before the closing three belong to the text
                    block = None
            else:
                i += 1
        elif char == "#":
            break
        elif line.startswith(('"""', "'''"), i):
            block = line[i : i + 3]
            i += 3
        elif char == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
        elif char == "'":
            end = line.find("'", i + 1)
            i = n if end < 0 else end + 1
        else:
            i += 1
    return block


def _indexed(name: str, current: dict[str, int]) -> str:
    """Rewrite `circles.fields` as `circles[2].fields`: parent arrays get their current index."""
    parts = name.split(".")
    out: list[str] = []
    for n, part in enumerate(parts[:-1]):
        prefix = ".".join(parts[: n + 1])
        out.append(f"{part}[{current[prefix]}]" if prefix in current else part)
    return ".".join(out + parts[-1:])


# -- writing ------------------------------------------------------------------------------

_PREAMBLE = (
    "# A circles-tui workbook: one session's safety circles, supporter circles and Tree of Life.\n"
    "# Plain text on purpose: read it in any editor. Ring 1 is nearest the child.\n"
    "# It holds sensitive information about a child: keep it where your organisation says.\n"
)


def dumps(workbook: Workbook) -> str:
    """The file text for a workbook. The same workbook always gives the same text."""
    try:
        return "".join(_chunks(workbook))
    finally:
        _tables.end_pass()


# The text of each record's table from the last `dumps`: autosaving a big workbook
# formats only the records an edit replaced instead of every person again.
_tables: RenderCache[str] = RenderCache()


def forget_formatted_records() -> None:
    """Make the next `dumps` format every record afresh (for benchmarks and tests)."""
    _tables.clear()


def _table(name: str, record: Any, values: Callable[[Any], dict[str, Any]]) -> str:
    """One `[[name]]` table, reused from the last save when it is the same record."""
    return _tables.get(name, (record,), lambda: f"\n[[{name}]]\n" + _values(values(record)))


def _chunks(workbook: Workbook) -> Iterator[str]:
    yield _PREAMBLE
    yield _values({"format": FORMAT_NAME, "format_version": FORMAT_VERSION})
    yield "\n[about]\n"
    yield _values(_record(workbook.about, skip=()))
    for person in workbook.people:
        yield _table("people", person, _plain_record)
    for circle in CIRCLE_IDS:
        placement_values = _placement_values(circle)
        for placement in workbook.circles[circle]:
            yield _table(f"circles.{circle}", placement, placement_values)
    for kind in SUPPORTER_KINDS:
        for supporter in workbook.supporters[kind]:
            yield _table(f"supporters.{kind}", supporter, _plain_record)
    for part in TREE_PARTS:
        yield from _tree_part(f"tree.{part}", workbook.tree[part])
    if workbook.storms is not None:
        yield from _tree_part("storms", workbook.storms, even_if_empty=True)
    yield from meeting_chunks(workbook.meeting, _values, _record)


def _plain_record(value: Any) -> dict[str, Any]:
    return _record(value, skip=())


def _placement_values(circle: str) -> Callable[[Placement], dict[str, Any]]:
    """A placement's fields, then its extras in the order the circle lists them."""
    order = [f.id for f in CIRCLE_FIELDS[circle]]

    def values(placement: Placement) -> dict[str, Any]:
        out = _record(placement, skip=("extras",))
        out.update((k, placement.extras[k]) for k in order if k in placement.extras)
        return out

    return values


def _tree_part(name: str, part: TreePart, even_if_empty: bool = False) -> Iterator[str]:
    if part.is_empty and not even_if_empty:
        return
    yield f"\n[{name}]\n"
    yield _values(_record(part, skip=("answers",)))
    for answer in part.answers:
        yield f"\n[[{name}.answers]]\n"
        yield _values(_record(answer, skip=()))


def _record(value: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    """A record's fields in declaration order, leaving out defaults: the format has no nulls."""
    out: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        if field.name in skip:
            continue
        item = getattr(value, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if item is None or item == default or (isinstance(item, tuple) and not item):
            continue
        out[field.name] = list(item) if isinstance(item, tuple) else item
    return out


def _values(values: dict[str, Any]) -> str:
    """`key = value` lines. tomli-w escapes; strings with newlines become readable blocks,
    unless they hold a carriage return, which a multi-line TOML string cannot keep."""
    def has_cr(value: Any) -> bool:
        texts = value if isinstance(value, list) else [value]
        return any(isinstance(v, str) and "\r" in v for v in texts)

    if not any(has_cr(value) for value in values.values()):
        # The usual case, in one call: the same text as key by key, in half the time.
        return tomli_w.dumps(values, multiline_strings=True)
    return "".join(
        tomli_w.dumps({key: value}, multiline_strings=not has_cr(value))
        for key, value in values.items()
    )


def save_workbook(
    path: str | os.PathLike, workbook: Workbook, expected: str | None = None,
    check: bool = True,
) -> str:
    """Write a workbook atomically and return the new fingerprint.

    With `check`, refuse (ConflictError) when the file on disk is not the one we read,
    i.e. its fingerprint differs from `expected` (None means: there should be no file).
    """
    path = Path(path)
    data = dumps(workbook).encode("utf-8")
    if check:
        on_disk = current_fingerprint(path)
        if on_disk != expected:
            problem = (
                "the file changed on disk since it was opened, perhaps in another copy of "
                "circles-tui; reload it, or save your work as a new file."
                if on_disk is not None
                else "the file was moved or deleted since it was opened; save your work as a "
                "new file."
            ) if expected is not None else "a file with this name already exists."
            raise ConflictError(str(path), problem)
    write_atomically(path, data)
    return fingerprint(data)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise WorkbookFileError(str(path), "the folder for this file no longer exists.") from None
    except PermissionError:
        raise WorkbookFileError(str(path), "you do not have permission to save in this folder.") from None
    except OSError as error:
        raise WorkbookFileError(str(path), _write_problem(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            owner_only.restrict(stream.fileno(), temporary)  # workbooks are about children
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise WorkbookFileError(str(path), _write_problem(error)) from None
    _sync_folder(folder)


def _write_problem(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return "the disk is full, so nothing was saved; free some space or save elsewhere."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "this folder cannot be written to; save your work somewhere else."
    if error.errno == errno.ENOENT:
        return "the folder for this file no longer exists."
    return f"the file could not be saved ({error.strerror or error})."


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
