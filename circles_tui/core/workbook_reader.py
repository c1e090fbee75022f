"""Reading a workbook: TOML text to a checked `Workbook`, or one sentence saying why not.

No Textual or Rich here. The keys each table may hold are the fields of its model
record (`attrs.fields`), so a field added to the model is read without being listed
here again; what each key must hold follows from the field's type.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs

from circles_tui.core import toml_lines
from circles_tui.core.ecomap_format import read_ecomaps
from circles_tui.core.family_format import read_family
from circles_tui.core.file_errors import WorkbookFileError
from circles_tui.core.meeting_format import read_meeting
from circles_tui.core.step_questions_format import read_step_questions
from circles_tui.core.mobility_format import read_mobility
from circles_tui.core.model import (
    CIRCLE_FIELDS,
    CIRCLE_IDS,
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
from circles_tui.core.text import control_character

HEADER_KEYS = ("format", "format_version")
# What each entry of a list must be, where "text" would say too little.
_ENTRY = {"session_dates": (date, "a date like 2026-11-22"), "people": (str, "a person's id")}
_MISSING = {"ring": "the ring is missing (1 is nearest the child)"}
# The keys of each circle's extra fields, which its placements may hold beside their own.
_EXTRA_KEYS = {circle: frozenset(f.id for f in fields) for circle, fields in CIRCLE_FIELDS.items()}


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
    too_deep = toml_lines.key_too_deep(text)
    if too_deep is not None:
        raise WorkbookFileError(
            name, "this line holds a key of far too many parts to be a workbook.", too_deep
        )
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise WorkbookFileError(name, *toml_lines.syntax_problem(str(error))) from None
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
            name, _sentence(error.message), toml_lines.line_of(text, error.path), error.path
        ) from None


def _sentence(message: str) -> str:
    message = message[:1].lower() + message[1:] if message[1:2].islower() else message
    return message if message.endswith(".") else message + "."


def _at(p: str, key: str) -> str:
    return f"{p}.{key}" if p else key


class _WorkbookReader:
    """Checks the shape and types of a parsed TOML document and builds the model."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def workbook(self) -> Workbook:
        doc = self.document
        self._check_header(doc)
        self._only(doc, "", {*HEADER_KEYS, *(f.name for f in attrs.fields(Workbook))})
        about = self._record(About, self._table(doc, "about", "", required=True), "about")
        people = tuple(
            self._record(Person, item, f"people[{i}]")
            for i, item in enumerate(self._tables(doc, "people", ""))
        )
        circles = self._groups(doc, "circles", CIRCLE_IDS, self._placement)
        supporters = self._groups(doc, "supporters", SUPPORTER_KINDS,
                                  lambda kind, item, p: self._record(Supporter, item, p))
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
                        meeting=read_meeting(self, doc), ecomaps=read_ecomaps(self, doc),
                        family=read_family(self, doc), questions=read_step_questions(self, doc),
                        mobility=read_mobility(self, doc))

    # -- sections --

    def _groups(self, doc: dict[str, Any], name: str, ids: tuple[str, ...],
                read: Callable[[str, dict[str, Any], str], Any]) -> dict[str, tuple]:
        """The `[[name.ID]]` tables for each of `ids`, each read by `read(ID, table, path)`."""
        group = self._table(doc, name, "")
        self._only(group, name, set(ids))
        return {
            key: tuple(read(key, item, f"{name}.{key}[{i}]")
                       for i, item in enumerate(self._tables(group, key, name)))
            for key in ids
        }

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

    def _record(self, cls: type, t: dict[str, Any], p: str, more_keys: frozenset = frozenset(),
                **given: Any) -> Any:
        """A record of type `cls` from table `t`: each field read by its type, `given`
        ones (read by the caller) as they are; keys that are neither are refused."""
        rules, allowed = _record_rules(cls, frozenset(given), more_keys)
        if not t.keys() <= allowed:
            self._only(t, p, allowed)
        values = {
            key: self._field(t, key, kind, required, default, p) if key in t or read_missing
            else default  # a key left out holds the default the writer left out
            for key, kind, required, default, read_missing in rules
        }
        return cls(**values, **given)

    def _field(self, t: dict[str, Any], key: str, kind: str, required: bool, default: Any,
               p: str) -> Any:
        if kind == "str":
            return self._str(t, key, p, required)
        if kind in ("int", "int | None"):
            value = self._value(t, key, p, int, "a whole number", False)
            if value is None and required:
                raise ModelError(_at(p, key), _MISSING.get(key, f"{key!r} is missing"))
            return value
        if kind == "bool":
            value = self._value(t, key, p, bool, "true or false", False)
            return default if value is None else value
        if kind in ("tuple[str, ...]", "tuple[date, ...]"):
            entry, what = _ENTRY.get(key, (str, "text"))
            return self._list(t, key, p, entry, what)
        raise TypeError(f"the reader has no rule for {key}: {kind}")  # a new kind of field

    def _placement(self, circle: str, t: dict[str, Any], p: str) -> Placement:
        extras: dict[str, str | tuple[str, ...]] = {}
        for field in CIRCLE_FIELDS[circle]:
            if field.id not in t:
                continue
            if field.kind == "tags":
                extras[field.id] = self._list(t, field.id, p, str, "text")
            else:
                extras[field.id] = self._str(t, field.id, p)
        return self._record(Placement, t, p, _EXTRA_KEYS[circle], extras=extras)

    def _tree_part(self, t: dict[str, Any], p: str) -> TreePart:
        answers = tuple(
            self._record(Answer, item, f"{p}.answers[{i}]")
            for i, item in enumerate(self._tables(t, "answers", p))
        )
        return self._record(TreePart, t, p, frozenset({"answers"}), answers=answers)

    # -- typed getters: each raises ModelError naming the key --

    @staticmethod
    def _only(t: dict[str, Any], p: str, allowed: set[str] | frozenset[str]) -> None:
        for key in t:
            if key not in allowed:
                raise ModelError(_at(p, key), f"{key!r} is not a key this format knows (is it misspelt?)")

    def _value(self, t: dict[str, Any], key: str, p: str, kind: type | tuple, what: str,
               required: bool) -> Any:
        if key not in t:
            if required:
                raise ModelError(_at(p, key), f"{key!r} is missing")
            return None
        value = t[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ModelError(_at(p, key), f"{key!r} must be {what}")
        return value

    def _str(self, t: dict[str, Any], key: str, p: str, required: bool = False) -> str:
        text = self._value(t, key, p, str, "text in quotes", required) or ""
        if control_character(text):  # the key's path is spelt out only for the refusal
            _refuse_control_characters(text, _at(p, key), key)
        return text

    def _table(self, t: dict[str, Any], key: str, p: str, required: bool = False) -> dict:
        if key not in t and not required:
            return {}
        return self._value(t, key, p, dict, "a table", required)

    def _tables(self, t: dict[str, Any], key: str, p: str) -> list[dict]:
        items = self._value(t, key, p, list, "a list of tables", False) or []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise ModelError(f"{_at(p, key)}[{i}]", "must be a table")
        return items

    def _list(self, t: dict[str, Any], key: str, p: str, kind: type, what: str) -> tuple:
        items = self._value(t, key, p, list, "a list in square brackets", False) or []
        for i, item in enumerate(items):
            if not isinstance(item, kind):
                raise ModelError(f"{p}.{key}[{i}]", f"each entry of {key!r} must be {what}")
            if isinstance(item, str) and control_character(item):
                _refuse_control_characters(item, f"{p}.{key}[{i}]", key)
        return tuple(items)


@functools.cache
def _record_rules(cls: type, given: frozenset[str], more_keys: frozenset[str]) -> tuple[tuple, frozenset]:
    """How to read each field of `cls` that is not `given`: (key, type, required, default,
    read even when missing), and every key its table may hold. Worked out once for each
    kind of record, not once for each of the thousands a big workbook holds."""
    rules = []
    for field in attrs.fields(cls):
        if field.name in given:
            continue
        required = field.default is attrs.NOTHING
        read_missing = required or isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        rules.append((field.name, field.type, required, field.default, read_missing))
    return tuple(rules), frozenset(rule[0] for rule in rules) | more_keys


def _refuse_control_characters(text: str, where: str, key: str) -> None:
    found = control_character(text)
    if found:
        raise ModelError(where, (
            f"{key!r} holds a control character (U+{ord(found):04X}) that could "
            "upset the screen; remove it in a text editor"
        ))
