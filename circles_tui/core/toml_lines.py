"""Where things are in a TOML file: the line of a key path, and of a syntax error.

Used by the workbook reader and by the wording loader, so that every refusal names its
line. No Textual or Rich here.

Lines are counted as TOML and `tomllib` count them: only line feeds (`\\r\\n` being a
line feed after a carriage return) end a line. U+2028, U+2029 and U+0085, which TOML
allows raw inside strings and comments, are text like any other.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_LAST_STEP = re.compile(r"(\[\d+\]|\.[^.\[]+)$")
_BARE_OR_QUOTED = r"(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)"
_KEY = re.compile(rf"^\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_SYNTAX_AT = re.compile(r"\(at line (\d+), column \d+\)")


def lines_of(text: str) -> list[str]:
    """The lines of `text` as TOML counts them (see the module's docstring)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def line_of(text: str, key_path: str) -> int | None:
    """The line of `key_path` (like `people[3].name`) in hand- or machine-written TOML.

    A table header is the line of every table it names, those it makes on the way
    included (`[tre.roots]` is where `tre` is), so an unknown or misspelt table has
    its line. Falls back to the nearest enclosing table, then to nothing.
    """
    lines: dict[str, int] = {}
    current: dict[str, int] = {}  # array-of-tables name -> index of its latest table
    counts: dict[str, int] = {}  # indexed array path -> how many tables so far
    section = ""
    block: str | None = None  # the multi-line string open here: nothing in it is a header or key
    for number, line in enumerate(lines_of(text), start=1):
        was_in_block = block is not None
        block = _block_after(line, block)
        if was_in_block:
            continue
        header = _HEADER.match(line)
        if header:
            name = ".".join(_parts(header.group(2)))
            base = _indexed(name, current)
            _note_prefixes(lines, base, number)
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
            dotted = ".".join(_parts(key.group(1)))
            full = f"{section}.{dotted}" if section else dotted
            _note_prefixes(lines, full, number)
            lines.setdefault(full, number)
    path = key_path
    while path:
        if path in lines:
            return lines[path]
        shorter = _LAST_STEP.sub("", path)
        path = shorter if shorter != path else ""
    return None


# A key of many dotted parts (`a.b.c...`): tomllib takes time growing with the square of
# their number (16,000 parts take seconds, a 20 MB line would take hours), and no workbook
# key has more than a few. Found in one pass: a part starts only where a word starts.
_MANY_PARTS = re.compile(
    r"(?<![A-Za-z0-9_-])(?:(?:[A-Za-z0-9_-]++|\"[^\"\n]*+\"|'[^'\n]*+')[ \t]*+\.[ \t]*+){64}"
)


# Such a key puts 64 dots on one line. Most files have no such line, and these find that
# in one quick pass: a search led by a line feed jumps from line to line and reads each
# line once, where the exact search tries again at the start of every word.
_FIRST_LINE_DOTS = re.compile(r"(?:[^.\n]*+\.){64}")
_LINE_DOTS = re.compile(r"\n(?:[^.\n]*+\.){64}")


def key_too_deep(text: str) -> int | None:
    """The line of a key or table header with more dotted parts than TOML can read in
    good time (64 or more), or None. Such parts inside a string are text and pass."""
    if not (_FIRST_LINE_DOTS.match(text) or _LINE_DOTS.search(text)):
        return None
    suspects = (found.start() for found in _MANY_PARTS.finditer(text))
    pending = next(suspects, None)
    block: str | None = None
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if pending is None:
            return None
        end = offset + len(raw)
        here = []
        while pending is not None and pending <= end:
            here.append(pending - offset)
            pending = next(suspects, None)
        line = raw.removesuffix("\r")
        if here and block is None:
            key = _HEADER.match(line) or _KEY.match(line)
            if key and any(at < key.end() for at in here):
                return number
        block = _block_after(line, block)
        offset = end + 1
    return None


def syntax_problem(message: str) -> tuple[str, int | None]:
    """A `tomllib.TOMLDecodeError` message as one sentence and the line it names."""
    match = _SYNTAX_AT.search(message)
    detail = message[: match.start()].strip() if match else message
    line = int(match.group(1)) if match else None
    return f"this is not valid TOML ({detail[:1].lower() + detail[1:]}).", line


def _parts(dotted: str) -> list[str]:
    """The keys of a dotted key (`a."b.c".d`), unquoted; one pass, however long the line."""
    parts, start, quote = [], 0, ""
    for i, char in enumerate(dotted):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append(dotted[start:i])
            start = i + 1
    parts.append(dotted[start:])
    return [part.strip().strip("\"'") for part in parts]


_DEEPEST = 8  # no workbook key path is deeper; a hostile line may have thousands of dots


def _note_prefixes(lines: dict[str, int], path: str, number: int) -> None:
    """`a`, `a.b`: tables a header or dotted key makes without naming them on a line."""
    for depth, match in enumerate(re.finditer(r"\.", path)):
        if depth == _DEEPEST:
            break
        lines.setdefault(path[: match.start()], number)


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
