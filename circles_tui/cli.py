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

from circles_tui import __version__, cli_io
from circles_tui.cli_io import UsageError
from circles_tui.core.labels import FORMATS

COMMANDS = ("open", "new", "validate", "export", "diff", "wording")
VALUE_OPTIONS = ("--content", "--theme")  # global options that take a value
CLOSED_PIPE = 141  # what a shell reports for a command stopped by a closed pipe (128 + SIGPIPE)

USAGE = """\
circles [FILE | --example] [--theme THEME] [--content FILE]
       circles new FILE --child NAME [--practitioner NAME]
       circles validate FILE [FILE ...]
       circles export FILE [--format FORMAT] [-o OUT] [--redact | --child-view] [--circle ID | --tree | --ecomap ID | --genogram | --mobility]
       circles diff OLD NEW
       circles wording (--dump [-o OUT] | --check FILE)
       circles (--help | --version)"""

DESCRIPTION = """\
Safety circles, supporter circles and the Tree of Life, for working with a child
and their family.

opening the app:
  circles                 the start screen: a new workbook, a recent one, or the example
  circles FILE            open the workbook FILE; a FILE that does not exist yet and whose
                          name ends in .toml is made as a new workbook
  circles --example       open a copy of the bundled example, made in a new temporary folder
                          (the original is never changed)

FILE, OLD, NEW and OUT may be - for standard input or output. Global options
(--content, --theme, --debug) go before or after the command."""

EPILOG = """\
exit status: 0 done, 1 a file could not be read or written (validate: a file failed;
diff: the files differ), 2 a usage problem (diff: trouble).

examples:
  circles examples/mia-complete.toml     open a workbook
  circles --example                      open a copy of the bundled example
  circles new mia.toml --child Mia       make a workbook without opening the app
  circles validate examples/*.toml       check files
  circles export mia.toml --format html -o mia.html
  cat mia.toml | circles export - --format text -o -
  circles diff mia-before.toml mia.toml  what changed between two versions
  circles wording --dump -o our-wording.toml   a starting point for your own wording"""


def build_parser() -> argparse.ArgumentParser:
    from circles_tui.core.model import CIRCLE_IDS

    parser = argparse.ArgumentParser(
        prog="circles",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"circles-tui {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full details of unexpected errors")
    _global_options(parser, None)
    # The same options after the command; SUPPRESS keeps them from undoing ones given before it.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    _global_options(after, argparse.SUPPRESS)
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, prog=f"circles {name}", help=help, description=help[0].upper() + help[1:] + ".",
            parents=[after], formatter_class=argparse.RawDescriptionHelpFormatter)

    opener = command("open", "open a workbook in the app (the default: circles FILE)")
    opener.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="the workbook; a new one is made when FILE ends in .toml and does not exist")
    opener.add_argument("--example", action="store_true",
                        help="open a copy of the bundled example, made in a new temporary folder")

    new = command("new", "make a new workbook file without opening the app")
    new.add_argument("file", type=Path, metavar="FILE", help="where to write it (- for standard output)")
    new.add_argument("--child", required=True, metavar="NAME",
                     help="the child's name or initials, as the family chose")
    new.add_argument("--practitioner", default="", metavar="NAME", help="your name")

    validate = command("validate", "check workbook files; prints FILE: ok or FILE:LINE: problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE",
                          help="the files to check (- for standard input)")

    export = command("export", "write a workbook as Markdown, HTML, SVG or plain text")
    export.add_argument("file", type=Path, metavar="FILE", help="the workbook (- for standard input)")
    export.add_argument("--format", choices=FORMATS, default="markdown", metavar="FORMAT",
                        help=f"one of: {', '.join(FORMATS)} (default: markdown)")
    export.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="where to write (default, or -: standard output); a pipe or device "
                             "is written into, never replaced")
    export.add_argument("--redact", action="store_true",
                        help="for sharing beyond the team: pseudonyms, no contacts or practitioner notes")
    export.add_argument("--child-view", action="store_true",
                        help="leave out practitioner-only notes and false supporters")
    export.add_argument("--circle", choices=CIRCLE_IDS, metavar="ID",
                        help="with --format svg: the safety circle to draw (ids below)")
    export.add_argument("--tree", action="store_true", help="with --format svg: draw the Tree of Life")
    export.add_argument("--genogram", action="store_true",
                        help="with --format svg: draw the genogram of the family tree")
    export.add_argument("--ecomap", metavar="ID",
                        help="with --format svg: the ecomap to draw (its id in the file)")
    export.add_argument("--mobility", action="store_true",
                        help="with --format svg: draw the mobility map")
    export.add_argument("--family-copy", action="store_true",
                        help="with --format html or markdown: the family's own copy of their plan")
    export.epilog = "safety circle ids: " + ", ".join(CIRCLE_IDS)

    diff = command("diff", "say in plain sentences what changed between two versions")
    diff.add_argument("old", type=Path, metavar="OLD", help="the earlier version (- for standard input)")
    diff.add_argument("new", type=Path, metavar="NEW", help="the later version (- for standard input)")
    diff.epilog = "exit status: 0 the same, 1 they differ, 2 trouble (as diff does)."

    wording = command("wording", "the worksheet wording: a copy to start your own from, or a check")
    wording.epilog = "docs/WORDING.md explains how an organisation makes its own wording."
    what = wording.add_mutually_exclusive_group(required=True)
    what.add_argument("--dump", action="store_true", help="write the bundled wording file")
    what.add_argument("--check", type=Path, metavar="FILE", help="check a wording file; prints FILE: ok")
    wording.add_argument("-o", "--output", type=Path, metavar="OUT",
                         help="with --dump: where to write (default, or -: standard output)")
    return parser


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    from circles_tui.core.preferences import THEMES

    parser.add_argument("--content", metavar="FILE", type=Path, default=default,
                        help="use your organisation's worksheet wording instead of the bundled one")
    parser.add_argument("--theme", choices=THEMES, metavar="THEME", default=default,
                        help=f"the colours for this run only: one of {', '.join(THEMES)} "
                             "(F3 in the app changes them and remembers)")


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse arguments; `circles FILE` and `circles --example` mean `circles open ...`."""
    parser = build_parser()
    # The words that are not options, leaving out the values of global options.
    words = [a for n, a in enumerate(argv)
             if (a == "-" or not a.startswith("-")) and (n == 0 or argv[n - 1] not in VALUE_OPTIONS)]
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    if not wants_help and (not words or words[0] not in COMMANDS):
        if words and not opens_a_workbook(words[0]):
            parser.error(f"no such command: {words[0]!r}. The commands are {', '.join(COMMANDS)}; "
                         "a workbook to open is a file that exists or a new name ending in .toml.")
        # Put the implied `open` after the global options given before it.
        split = 0
        while split < len(argv) and argv[split].split("=")[0] in (*VALUE_OPTIONS, "--debug"):
            split += 2 if argv[split] in VALUE_OPTIONS else 1
        argv = argv[:split] + ["open"] + argv[split:]
    return parser.parse_args(argv)


def opens_a_workbook(word: str) -> bool:
    """Only a file that exists, or a new name ending in .toml, opens or makes a workbook:
    a mistyped command must not become a new workbook's name."""
    return word == "-" or word.lower().endswith(".toml") or Path(word).exists()


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
        from circles_tui.crash import command_failed

        return command_failed(error)  # one sentence, without the error's text (it may quote a file)


def run(args: argparse.Namespace) -> int:
    try:
        code = _run(args)
        sys.stdout.flush()  # here, so a closed pipe is found while we can still end quietly
    except BrokenPipeError:  # the reader went away (`circles diff A B | head -1`)
        cli_io.end_quietly_on_closed_pipe()
        return CLOSED_PIPE
    return code


def _run(args: argparse.Namespace) -> int:
    if args.command == "diff":
        return _diff(args)  # a comparison uses no wording
    content = _content(args.content)
    if args.command == "new":
        return _new(args)
    if args.command == "validate":
        return _validate(args.files)
    if args.command == "export":
        return _export(args, content)
    if args.command == "wording":
        return _wording(args)
    return _open(args, content)


def _content(path: Path | None):
    from circles_tui.core.wording import bundled, load_wording

    return load_wording(path) if path else bundled()


def _new(args: argparse.Namespace) -> int:
    from circles_tui.core import file_format
    from circles_tui.core.model import ModelError, new_workbook

    try:
        workbook = new_workbook(args.child, args.practitioner, date.today())
    except ModelError as error:
        raise UsageError(error.message) from None
    where = cli_io.write(args.file, file_format.dumps(workbook).encode("utf-8"), new=True)
    print(f"Made {where} for {args.child}.", file=sys.stderr if cli_io.is_standard(args.file) else sys.stdout)
    return 0


def _validate(files: list[Path]) -> int:
    from circles_tui.core import file_format

    if sum(cli_io.is_standard(file) for file in files) > 1:
        raise UsageError("standard input (-) can be read only once.")
    failed = 0
    for file in files:
        try:
            cli_io.read_workbook(file)
        except file_format.WorkbookFileError as error:
            failed += 1
            print(f"{error.location()}: {error.problem}")
        else:
            print(f"{cli_io.display_name(file)}: ok")
    return 1 if failed else 0


def _export(args: argparse.Namespace, content) -> int:
    from circles_tui import export

    workbook = cli_io.read_workbook(args.file)
    options = export.ExportOptions(
        redact=args.redact, child_view=args.child_view, family=args.family_copy,
        circle=args.circle, tree=args.tree, genogram=args.genogram, ecomap=args.ecomap,
        mobility=args.mobility, family_copy=args.family_copy,
    )
    try:
        text = export.render(workbook, args.format, content, options)
    except export.ExportError as error:
        raise UsageError(str(error)) from None
    where = cli_io.write(args.output, text.encode("utf-8"))
    if args.output is not None and not cli_io.is_standard(args.output):
        print(f"Wrote {where}.", file=sys.stderr)
    return 0


def _diff(args: argparse.Namespace) -> int:
    """0 when the workbooks hold the same, 1 when they differ, 2 on trouble, as `diff` does."""
    from circles_tui.core import file_format
    from circles_tui.core.change_report import describe_changes

    if cli_io.is_standard(args.old) and cli_io.is_standard(args.new):
        raise UsageError("standard input (-) can be read only once: give OLD or NEW as a file.")
    try:
        old = cli_io.read_workbook(args.old)
        new = cli_io.read_workbook(args.new)
    except file_format.WorkbookFileError as error:
        raise UsageError(error.sentence()) from None  # trouble, not a difference
    sentences = describe_changes(old, new)
    print("\n".join(sentences) if sentences else "No changes.")
    return 1 if sentences else 0


def _wording(args: argparse.Namespace) -> int:
    from circles_tui.core.wording import BUNDLED, WordingError, load_wording

    if args.check is not None:
        if args.output is not None:
            raise UsageError("-o goes with --dump; --check only reads.")
        try:
            load_wording(args.check)
        except WordingError as error:
            print(f"{error.file}:{error.line}: {error.problem}" if error.line else str(error))
            return 1
        print(f"{args.check}: ok")
        return 0
    where = cli_io.write(args.output, BUNDLED.read_bytes())
    if args.output is not None and not cli_io.is_standard(args.output):
        print(f"Wrote {where}; after editing it, circles wording --check {where} checks it.",
              file=sys.stderr)
    return 0


def _open(args: argparse.Namespace, content) -> int:
    path = args.file
    if cli_io.is_standard(path):
        raise UsageError("the app works on a workbook file, not on standard input; "
                         "save it to a file ending in .toml and open that.")
    if path is not None and not path.exists() and not opens_a_workbook(str(path)):
        raise UsageError(f"{path} does not exist, and a new workbook's name ends in .toml.")
    if path is not None and path.exists():
        from circles_tui.core import file_format

        file_format.read_workbook(path)  # a broken file is reported here, before the screen changes
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the app needs a terminal to run in; from a script or a pipe, use "
                         "circles new, validate, export or diff (see circles --help).")
    if args.example:
        from circles_tui.core.examples import copy_example

        path = copy_example()
    from circles_tui.app import CirclesApp

    from circles_tui.crash import run_app

    return run_app(CirclesApp(path=path, content=content, theme=args.theme,
                              show_crash_details=args.debug))
