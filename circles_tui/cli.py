"""The `circles` command: open the app, or work with workbook files from the shell.

Bad input never prints a traceback: every expected problem is one sentence on
stderr and an exit code (0 fine, 1 a file problem, 2 a usage problem).
`--debug` lets unexpected errors through with their traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from circles_tui import __version__
from circles_tui.core.labels import FORMATS

COMMANDS = ("new", "validate", "export", "diff", "open")

DESCRIPTION = """\
Safety circles, supporter circles and the Tree of Life, for working with a child
and their family. `circles FILE` opens a workbook (making it if it is new);
`circles` alone shows the start screen."""

EPILOG = """\
examples:
  circles examples/mia-complete.toml     open a workbook
  circles --example                      open a copy of the bundled example
  circles new mia.toml --child Mia       make a workbook without opening the app
  circles validate examples/*.toml       check files
  circles export mia.toml --format html -o mia.html
  circles diff mia-before.toml mia.toml  what changed between two versions"""


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="circles",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"circles-tui {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full details of unexpected errors")
    parser.add_argument("--content", metavar="FILE", type=Path,
                        help="use your organisation's worksheet wording instead of the bundled one")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    opener = commands.add_parser("open", help="open a workbook in the app (the default)")
    opener.add_argument("file", nargs="?", type=Path, metavar="FILE")
    opener.add_argument("--example", action="store_true",
                        help="open a fresh copy of the bundled example")

    new = commands.add_parser("new", help="make a new workbook file without opening the app")
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--child", required=True, help="the child's name or initials, as the family chose")
    new.add_argument("--practitioner", default="", help="your name")

    validate = commands.add_parser("validate", help="check workbook files; prints FILE: ok or FILE:LINE: problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")

    export = commands.add_parser("export", help="write a workbook as Markdown, HTML, SVG or plain text")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", choices=FORMATS, default="markdown")
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="where to write (default: the screen)")
    export.add_argument("--redact", action="store_true",
                        help="for sharing beyond the team: pseudonyms, no contacts or practitioner notes")
    export.add_argument("--child-view", action="store_true",
                        help="the child's copy: no practitioner-only notes, concerns or worries")
    export.add_argument("--family-copy", action="store_true",
                        help="the copy a family takes away (the same as the child's, for now)")
    export.add_argument("--circle", metavar="ID", help="with --format svg: which safety circle to draw")
    export.add_argument("--tree", action="store_true", help="with --format svg: draw the Tree of Life")

    diff = commands.add_parser("diff", help="say in plain sentences what changed between two versions")
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse arguments; `circles FILE` and `circles --example` mean `circles open ...`."""
    parser = build_parser()
    # The words that are not options, leaving out the FILE given to --content.
    words = [a for n, a in enumerate(argv)
             if not a.startswith("-") and (n == 0 or argv[n - 1] != "--content")]
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    if not wants_help and (not words or words[0] not in COMMANDS):
        # Put the implied `open` after the global options.
        split = 0
        while split < len(argv) and argv[split].startswith("-") and argv[split] != "--example":
            split += 2 if argv[split] == "--content" else 1
        argv = argv[:split] + ["open"] + argv[split:]
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse(argv)
    except SystemExit as exit:  # argparse has printed its message or the help
        return int(exit.code or 0)
    try:
        return run(args)
    except UsageError as error:
        print(f"circles: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if args.debug:
            raise
        from circles_tui.core.wording import WordingError
        from circles_tui.core.file_format import WorkbookFileError

        if isinstance(error, (WorkbookFileError, WordingError)):
            print(f"circles: {error}", file=sys.stderr)
            return 1
        print(f"circles: something unexpected went wrong ({type(error).__name__}: {error}); "
              "run again with --debug for details.", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    content = _content(args.content)
    if args.command == "new":
        return _new(args)
    if args.command == "validate":
        return _validate(args.files)
    if args.command == "export":
        return _export(args, content)
    if args.command == "diff":
        return _diff(args)
    return _open(args, content)


def _content(path: Path | None):
    from circles_tui.core.wording import bundled, load_wording

    return load_wording(path) if path else bundled()


def _new(args: argparse.Namespace) -> int:
    from circles_tui.core import file_format
    from circles_tui.core.model import ModelError, new_workbook

    if args.file.exists():
        raise UsageError(f"{args.file} already exists; choose another name.")
    try:
        workbook = new_workbook(args.child, args.practitioner, date.today())
    except ModelError as error:
        raise UsageError(error.message) from None
    file_format.save_workbook(args.file, workbook)
    print(f"Made {args.file} for {args.child}.")
    return 0


def _validate(files: list[Path]) -> int:
    from circles_tui.core import file_format

    failed = 0
    for file in files:
        try:
            file_format.read_workbook(file)
        except file_format.WorkbookFileError as error:
            failed += 1
            print(f"{error.location()}: {error.problem}")
        else:
            print(f"{file}: ok")
    return 1 if failed else 0


def _export(args: argparse.Namespace, content) -> int:
    from circles_tui import export
    from circles_tui.core import file_format

    workbook = file_format.read_workbook(args.file).workbook
    options = export.ExportOptions(
        redact=args.redact, child_view=args.child_view, family=args.family_copy,
        circle=args.circle, tree=args.tree
    )
    try:
        text = export.render(workbook, args.format, content, options)
    except export.ExportError as error:
        raise UsageError(str(error)) from None
    if args.output is None:
        sys.stdout.write(text)
    else:
        file_format.write_atomically(args.output, text.encode("utf-8"))
        print(f"Wrote {args.output}.", file=sys.stderr)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from circles_tui.core import file_format
    from circles_tui.core.change_report import describe_changes

    old = file_format.read_workbook(args.old).workbook
    new = file_format.read_workbook(args.new).workbook
    sentences = describe_changes(old, new)
    print("\n".join(sentences) if sentences else "No changes.")
    return 0


def _open(args: argparse.Namespace, content) -> int:
    path = args.file
    if args.example:
        path = copy_example()
    if path is not None and path.exists():
        from circles_tui.core import file_format

        file_format.read_workbook(path)  # a broken file is reported here, before the screen changes
    from circles_tui.app import CirclesApp

    app = CirclesApp(path=path, content=content)
    app.run()
    return app.return_code or 0


def copy_example() -> Path:
    """A fresh copy of the complete example, so trying the app never edits the original."""
    import shutil
    import tempfile

    source = example_path("mia-complete.toml")
    target = Path(tempfile.mkdtemp(prefix="circles-example-")) / source.name
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target


def example_path(name: str) -> Path:
    return Path(__file__).with_name("examples") / name
