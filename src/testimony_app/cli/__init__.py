"""The command line: thin over the services, for organisations' scripts and our own checks.

Every error a user can cause ends as one sentence on stderr and a non-zero exit status; no
traceback is ever printed (set ``TESTIMONY_DEBUG=1`` to see one while developing). The
passphrase comes from ``--passphrase-file``, ``TESTIMONY_PASSPHRASE`` or a terminal prompt, and
is never echoed.

It speaks English, Azerbaijani or Russian: ``--language`` (before the command), else the
environment as gettext reads it (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
``--json`` output stays the same in every language, for scripts.

One module per command group: ``vault`` (init, check, backup, restore, passwd, demo),
``testimonies`` (add, list, show, search, seal, amend, attach), ``bundles``, ``registry``,
``statements``, ``devices``, ``handover``, ``kept_aside``; ``common`` holds what they share.
Each registers its commands and sub-parsers when imported (at the end of this module).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from testimony_app import __version__, crash, paths, words
from testimony_app.cli.common import (
    _COMMANDS,
    EXIT_BUG,
    EXIT_OK,
    EXIT_USER,
    EXTENSIONS,
    help_text,
)
from testimony_app.cli.parsing import argparse_words
from testimony_app.errors import TestimonyError, UserFacingError
from testimony_app.words import Message

# The services (and through them SQLCipher, ReportLab, the age code) are imported inside the
# commands that use them, never at module level in this package: the parser is built first,
# so --help, --version and a mistyped option answer at once (tests/cli/test_cli_startup.py).


def wants_cli(args: Sequence[str]) -> bool:
    """True when the arguments name a sub-command (or ask for help or the version).

    A first word that is no option is taken for a command even when it is none (``lst``): the
    command line then says which commands there are, in the reader's language, instead of the
    window starting (or, with no display, Qt failing with its own lines). The window's own
    arguments all begin with ``-`` (``--vault``, ``--demo-passphrase``, Qt's ``-platform``).
    """
    args = _without_language(args)
    return bool(args) and (
        args[0] in _COMMANDS
        or args[0] in ("-h", "--help", "--version")
        or not args[0].startswith("-")
    )


def _without_language(args: Sequence[str]) -> Sequence[str]:
    """``args`` without a leading ``--language X`` (it may come before the command)."""
    if args[:1] == ["--language"]:
        return args[2:]
    if args and args[0].startswith("--language="):
        return args[1:]
    return args


def language_asked(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of this run: ``--language`` before the command, else the environment.

    Read before the parser is built, so that ``--help`` is already in that language. Only
    before the command: after it, ``pdf --language`` names the statement's language.
    """
    if len(args) > 1 and args[0] == "--language" and args[1] in words.LANGUAGES:
        return args[1]
    if args and args[0].startswith("--language="):
        value = args[0].partition("=")[2]
        if value in words.LANGUAGES:
            return value
    return words.language_from_environment(environ)


# -- parsing -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command, its help in the current language."""
    parser = argparse.ArgumentParser(prog="testimony-app",
                                     description=help_text("cli.help.description"))
    parser.add_argument("--version", action="version", version=f"testimony-app {__version__}",
                        help=help_text("cli.help.version"))
    parser.add_argument(
        "--language", choices=words.LANGUAGES, default=None, help=help_text("cli.help.language")
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", metavar="DIR", help=help_text("cli.help.vault"))
    common.add_argument(
        "--passphrase-file", metavar="FILE", help=help_text("cli.help.passphrase_file")
    )
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--json", action="store_true", help=help_text("cli.help.json"))

    for extra in EXTENSIONS:
        extra(sub, common, out)
    return parser


def main(argv: Sequence[str]) -> int:
    """Run one command; return the exit status."""
    paths.harden_process()
    words.set_language(language_asked(argv))
    with argparse_words():  # its usage, titles and errors in the reader's language too
        args = build_parser().parse_args(list(argv))
    crash.install()  # other threads and fatal signals; main()'s own bugs are reported below
    try:
        return _COMMANDS[args.command](args)
    except UserFacingError as exc:
        print(f"testimony-app: {exc.text()}", file=sys.stderr)
        return exc.exit_code
    except TestimonyError as exc:
        print(f"testimony-app: {exc}", file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:
        # The reader went away (``| head``): not an error of ours or the user's.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("testimony-app: " + words.text(Message("cli.interrupted")), file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("TESTIMONY_DEBUG"):
            raise
        # A bug: a report without testimony content (crash.py), and one sentence.
        where = crash.report(exc)
        bug = (Message("cli.bug_with_report", path=str(where)) if where
               else Message("cli.bug"))
        print("testimony-app: " + words.text(bug), file=sys.stderr)
        return EXIT_BUG


# Each command group registers its commands and sub-parsers on import, in this order.
from testimony_app.cli import (  # noqa: E402, F401 isort: skip
    vault,
    testimonies,
    bundles,
    registry,
    statements,
    devices,
    handover,
    kept_aside,
)
