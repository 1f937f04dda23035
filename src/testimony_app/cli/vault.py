"""The vault's own commands: init, check, backup, restore, passwd, demo."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from testimony_app.cli.common import (
    EXIT_DAMAGED,
    EXIT_OK,
    EXTENSIONS,
    _prompt,
    _read_secret_file,
    _unlock,
    _vault_path,
    command,
    emit,
    help_text,
    in_words,
    open_session,
    read_passphrase,
    say_wait,
)
from testimony_app.errors import UserFacingError
from testimony_app.words import Message
from testimony_app.words import text as wording

# The services (and through them SQLCipher, ReportLab, the age code) are imported inside the
# commands that use them, so that --help and --version load none of them
# (tests/cli/test_cli_startup.py).


# -- commands ----------------------------------------------------------------------------


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    """Create a new vault."""
    from testimony_app.services.vault import create_vault

    path = _vault_path(args)
    passphrase = read_passphrase(args, confirm=True)
    session = create_vault(path, passphrase, kdf=args.kdf)
    session.lock()
    print(wording(Message("cli.vault_created", path=str(path))))
    return EXIT_OK


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    """Verify the vault: pages, structure, audit chain, hashes. Exit 1 on any damage."""
    session = open_session(args)
    try:
        report = session.check()
    finally:
        session.lock()
    text = (
        wording(Message("cli.check_passed", count=report.records, entries=report.audit_entries))
        if report.ok
        else "\n".join([wording(Message("cli.check_problems"))]
                       + [f"- {in_words(p)}" for p in report.problems])
    )
    emit(
        args,
        {
            "ok": report.ok,
            "problems": [str(p) for p in report.problems],
            "records": report.records,
            "audit_entries": report.audit_entries,
        },
        text,
    )
    return EXIT_OK if report.ok else EXIT_DAMAGED


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    """Write a verified encrypted backup."""
    session = open_session(args)
    try:
        where = session.backup()
        missing = session.backup_missing_files
    finally:
        session.lock()
    emit(
        args,
        {"backup": str(where), "missing_attachment_files": missing},
        wording(Message("cli.backup_written", path=str(where))),
    )
    if missing:
        print(
            "testimony-app: " + wording(Message("cli.backup_missing_files", count=missing)),
            file=sys.stderr,
        )
    return EXIT_OK


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the vault's database with a verified backup (the current file is kept aside)."""
    from testimony_app.services.vault import list_backups, restore_backup

    path = _vault_path(args)
    if args.backup == "latest":
        found = list_backups(path)
        if not found:
            raise UserFacingError("cli.no_backups")
        backup = found[0]
    else:
        backup = Path(args.backup)
    passphrase = read_passphrase(args)
    older = _read_secret_file(args.backup_passphrase_file) if args.backup_passphrase_file else None
    say_wait(path)
    restore_backup(path, backup, passphrase, backup_passphrase=older)
    print(wording(Message("cli.restored", backup=backup.name)))
    return EXIT_OK


@command("passwd")
def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the vault's passphrase: a new database key; older backups are removed."""
    old = read_passphrase(args)
    if args.new_passphrase_file:
        new = _read_secret_file(args.new_passphrase_file)
    elif os.environ.get("TESTIMONY_NEW_PASSPHRASE"):
        new = os.environ["TESTIMONY_NEW_PASSPHRASE"]
    else:
        new = _prompt(Message("cli.prompt.new_passphrase"), confirm=True)
    session = _unlock(args, old)
    try:
        session.change_passphrase(old, new)
    finally:
        session.lock()
    print(wording(Message("cli.passphrase_changed")))
    return EXIT_OK


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    """Create a vault filled with fictional sample testimonies (for trying the program)."""
    # Imported here so that every other command works even where the demo data is absent;
    # the testimony commands' module here so that it registers its commands after these.
    from testimony_app.cli.testimonies import status_word
    from testimony_app.services import demo as demo_service

    path = _vault_path(args)
    session = demo_service.build_demo_vault(path, kdf=args.kdf)
    try:
        rows = session.testimonies.list()
    finally:
        session.lock()
    print(wording(Message("cli.demo_vault", path=str(path),
                      passphrase=demo_service.DEMO_PASSPHRASE)))
    print(wording(Message("cli.demo_fictional")))
    statuses = [status_word(r.status.value) for r in rows]  # as the window and ``list`` say
    width = max((len(s) for s in statuses), default=0)
    for r, status in zip(rows, statuses, strict=True):
        print(
            f"{r.id[:8]}  {status:<{width}} {r.interview_date:<10} {r.language:<3} "
            f"{r.witness_label:<14} {r.place}"
        )
    return EXIT_OK


# -- parsing -----------------------------------------------------------------------------


def _add_parsers(
    sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser
) -> None:
    """The sub-parsers of this group (called by :func:`testimony_app.cli.build_parser`)."""

    def add(name: str, text: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(
            name, help=text, parents=[common, *parents]
        )
        return parser

    p = add("init", help_text("cli.help.init"))
    p.add_argument(
        "--kdf", choices=["calibrated", "test"], default="calibrated", help=argparse.SUPPRESS
    )
    add("check", help_text("cli.help.check"), out)
    add("backup", help_text("cli.help.backup"), out)
    p = add("restore", help_text("cli.help.restore"))
    p.add_argument("backup", help=help_text("cli.help.restore_backup"))
    p.add_argument(
        "--backup-passphrase-file",
        metavar="FILE",
        help=help_text("cli.help.backup_passphrase_file"),
    )
    p = add("passwd", help_text("cli.help.passwd"))
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=help_text("cli.help.new_passphrase_file"),
    )
    p = add("demo", help_text("cli.help.demo"))
    p.add_argument(
        "--kdf", choices=["calibrated", "test"], default="calibrated", help=argparse.SUPPRESS
    )


EXTENSIONS.append(_add_parsers)
