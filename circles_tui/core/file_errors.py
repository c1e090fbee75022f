"""What goes wrong with a workbook file, as one sentence a practitioner can act on.

No Textual or Rich here. Each problem carries the file, the line where known and the
key path, so the command line can print `FILE:LINE: problem` and the app one sentence.
"""

from __future__ import annotations

import os

from circles_tui.core.text import quoted_line


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
        return quoted_line(f"{self.file}:{self.line}" if self.line else self.file)

    def sentence(self) -> str:
        where = f" on line {self.line}" if self.line else ""
        key = f" ({self.path})" if self.path else ""
        return quoted_line(f"{self.file}{where}{key}: {self.problem}")


class ConflictError(WorkbookFileError):
    """The file changed on disk since it was read; saving would overwrite someone's work."""
