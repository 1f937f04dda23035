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
_EXTENSIONS: list[Extension] = []


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
    return _prompt("Passphrase: ", confirm)


def _prompt(label: str, confirm: bool) -> str:
    if not sys.stdin.isatty():
        raise UserFacingError(
            "cli.passphrase_missing"
        )
    first = getpass.getpass(label)
    if confirm and getpass.getpass("Again: ") != first:
        raise UserFacingError("cli.passphrases_differ")
    return first


def _vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault) if args.vault else paths.AppPaths.default().default_vault


def _say_wait(path: Path) -> None:
    """Tell the person why nothing happens for a while (the wait is the vault's, not ours)."""
    from testimony_app.services.vault import passphrase_wait

    seconds = passphrase_wait(path)
    if seconds > 0:
        wait = words.Message("cli.passphrase_wait", count=math.ceil(seconds))
        print(f"testimony-app: {words.text(wait)}", file=sys.stderr)


def _unlock(args: argparse.Namespace, passphrase: str) -> VaultSession:
    from testimony_app.services.vault import unlock_vault

    path = _vault_path(args)
    _say_wait(path)
    session = unlock_vault(path, passphrase)
    for warning in (session.key_file_warning, session.history_warning):
        if warning:
            print(f"Warning: {warning}", file=sys.stderr)
    if session.read_only:
        print(f"Warning: {words.text(words.Message('cli.read_only'))}", file=sys.stderr)
    return session


def _open(args: argparse.Namespace) -> VaultSession:
    return _unlock(args, read_passphrase(args))


def _backed_up(session: VaultSession) -> int:
    """After a seal: exit 0, or say the backup failed (the seal itself is kept) and exit 3."""
    problem = session.testimonies.backup_problem
    if problem is None:
        return EXIT_OK
    print(
        f"testimony-app: the testimony is sealed, but no backup was made after it: {problem}",
        file=sys.stderr,
    )
    return EXIT_NOT_BACKED_UP


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)
