"""What every command group of the command line shares: exit statuses, the command
registry, passphrases, opening the vault and printing.

The package (``cli/__init__.py``) builds the parser and runs a command; the command groups
(``cli.vault``, ``cli.testimonies``, ``cli.bundles``, ``cli.registry``, ``cli.statements``,
``cli.devices``, ``cli.handover``) register their commands here. They import this module, never
the package itself, so no command-line module imports another in a circle (issue 18; the "No
import cycles" contract in pyproject.toml keeps it so).
"""

from __future__ import annotations

import argparse
import getpass
import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app import paths, words
from testimony_app.errors import UserFacingError
from testimony_app.words import Message

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

# Services (and through them SQLCipher, ReportLab, the age code) are imported inside the
# functions that use them, so that --help and --version load none of them (cli/__init__.py).

EXIT_OK = 0
EXIT_DAMAGED = 1
EXIT_USER = 2
EXIT_NOT_BACKED_UP = 3  # done and saved, but the backup after it failed
EXIT_BUG = 70

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    """Register a sub-command handler."""

    def register(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn

    return register

# Each command group adds its sub-parsers through one of these (called by cli.build_parser).
Extension = Callable[[Any, argparse.ArgumentParser, argparse.ArgumentParser], None]
EXTENSIONS: list[Extension] = []


# -- words -----------------------------------------------------------------------------


def in_words(value: object) -> str:
    """The words of a message in the command line's language (set before the parser is built,
    from ``--language`` or the environment); anything else, such as a sentence a service still
    words itself, as it is. So a finding is said in the reader's words as soon as the layer
    below makes it a code."""
    return words.text(value) if isinstance(value, Message) else str(value)


def words_of(code: str, **params: words.Param) -> str:
    """The words of ``code`` in the reader's language (set before the parser is built)."""
    return words.text(Message(code, **params))


def help_text(code: str) -> str:
    """A ``--help`` text in the reader's language: the parser is built after the language is
    set, so ``--help`` follows ``--language`` and ``LANG`` like every other output."""
    return words.text(Message(code))


def warn(message: Message) -> None:
    """A warning on stderr (``Warning: …``), in the reader's language."""
    print(in_words(Message("cli.warning", text=message)), file=sys.stderr)


# -- passphrases -------------------------------------------------------------------------


def _read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise UserFacingError("cli.passphrase_file_unreadable") from None
    return text.rstrip("\r\n")


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The passphrase from a file, the environment, or the terminal (never echoed)."""
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file)
    env = os.environ.get("TESTIMONY_PASSPHRASE")
    if env:
        return env
    return _prompt(Message("cli.prompt.passphrase"), confirm)


def _prompt(label: Message, confirm: bool) -> str:
    if not sys.stdin.isatty():
        raise UserFacingError(
            "cli.passphrase_missing"
        )
    first = getpass.getpass(in_words(label))
    if confirm and getpass.getpass(in_words(Message("cli.prompt.again"))) != first:
        raise UserFacingError("cli.passphrases_differ")
    return first


def _vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault) if args.vault else paths.AppPaths.default().default_vault


def say_wait(path: Path) -> None:
    """Tell the person why nothing happens for a while (the wait is the vault's, not ours)."""
    from testimony_app.services.vault import passphrase_wait

    seconds = passphrase_wait(path)
    if seconds > 0:
        wait = Message("cli.passphrase_wait", count=math.ceil(seconds))
        print(f"testimony-app: {in_words(wait)}", file=sys.stderr)


def _unlock(args: argparse.Namespace, passphrase: str) -> VaultSession:
    from testimony_app.services.vault import unlock_vault

    path = _vault_path(args)
    say_wait(path)
    session = unlock_vault(path, passphrase)
    for warning in _unlock_warnings(session):
        warn(warning)
    return session


def _unlock_warnings(session: VaultSession) -> list[Message]:
    """What the unlock found that the person must know: an edited key file, a database
    older than the history it had reached (security.md B5a), a full disk. From the findings'
    facts, not the session's English sentences, so that they are said in the reader's words."""
    found = []
    if session.key_file_warning is not None:
        found.append(Message("cli.key_file_changed"))
    gap = session.history_gap
    if gap is not None:
        kind, entry = gap
        number = words.Verbatim(entry)
        found.append(Message("cli.history_shorter", entry=number) if kind == "shorter"
                     else Message("cli.history_differs", entry=number))
    if session.read_only:
        found.append(Message("cli.read_only"))
    return found


def open_session(args: argparse.Namespace) -> VaultSession:
    return _unlock(args, read_passphrase(args))


def backed_up(session: VaultSession) -> int:
    """After a seal: exit 0, or say the backup failed (the seal itself is kept) and exit 3."""
    problem = session.testimonies.backup_problem
    if problem is None:
        return EXIT_OK
    print("testimony-app: " + in_words(Message("cli.sealed_without_backup", problem=problem)),
          file=sys.stderr)
    return EXIT_NOT_BACKED_UP


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def write_line(text: str) -> None:
    """One line on stdout (the command line's output, like ``print``)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def confirm(args: argparse.Namespace, question: Message | str) -> bool:
    """``--yes``, or an explicit yes typed at a terminal; scripts must say ``--yes``.

    The question (a message, or words already in the reader's language) and the answers that
    mean yes are in the reader's language ("y" in English, "bəli" in Azerbaijani, where "y"
    could be the start of "yox", no, and is not taken).
    """
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserFacingError("cli.confirm_with_yes")
    answer = input(words.text(Message("cli.confirm.ask", question=question))).strip().lower()
    return answer in words.text(Message("cli.confirm.yes_answers")).split()
