"""The command line: thin over the services, for organisations' scripts and our own checks.

Every error a user can cause ends as one sentence on stderr and a non-zero exit status; no
traceback is ever printed (set ``TESTIMONY_DEBUG=1`` to see one while developing). The
passphrase comes from ``--passphrase-file``, ``TESTIMONY_PASSPHRASE`` or a terminal prompt, and
is never echoed.

It speaks English, Azerbaijani or Russian: ``--language`` (before the command), else the
environment as gettext reads it (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
``--json`` output stays the same in every language, for scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from testimony_app import __version__, crash, paths, words
from testimony_app.cli_common import (  # the shared helpers; re-exported for the callers of cli
    _COMMANDS,
    _EXTENSIONS,
    EXIT_BUG,
    EXIT_DAMAGED,
    EXIT_OK,
    EXIT_USER,
    _emit,
    _open,
    _prompt,
    _read_secret_file,
    _vault_path,
    command,
    read_passphrase,
)
from testimony_app.errors import TestimonyError, UserFacingError

if TYPE_CHECKING:
    from testimony_app.domain.model import Testimony

# The services (and through them SQLCipher, ReportLab, the age code) are imported inside the
# commands that use them, never at module level here or in cli_bundles/cli_registry: the
# parser is built first, so --help, --version and a mistyped option answer at once
# (tests/cli/test_cli_startup.py).


def wants_cli(args: Sequence[str]) -> bool:
    """True when the arguments name a sub-command (or ask for help or the version)."""
    args = _without_language(args)
    return bool(args) and (args[0] in _COMMANDS or args[0] in ("-h", "--help", "--version"))


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


def _load_document(path: str) -> Testimony:
    from testimony_app.domain import interchange

    try:
        raw = Path(path).read_bytes()
    except OSError:
        raise UserFacingError("cli.testimony_file_unreadable") from None
    return interchange.loads(raw)


# -- commands ----------------------------------------------------------------------------


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    """Create a new vault."""
    from testimony_app.services.vault import create_vault

    path = _vault_path(args)
    passphrase = read_passphrase(args, confirm=True)
    session = create_vault(path, passphrase, kdf=args.kdf)
    session.lock()
    print(f"Created a vault at {path}")
    return EXIT_OK


@command("add")
def cmd_add(args: argparse.Namespace) -> int:
    """Add a testimony from an interchange JSON file; print its id."""
    testimony = _load_document(args.file)
    session = _open(args)
    try:
        record_id = session.testimonies.create(testimony)
    finally:
        session.lock()
    _emit(args, {"id": record_id}, record_id)
    return EXIT_OK


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    """List testimonies (witnesses by pseudonym or initials)."""
    session = _open(args)
    try:
        rows = session.testimonies.list()
    finally:
        session.lock()
    lines = [
        f"{r.id[:8]}  {r.status.value:<9} v{r.version}  {r.interview_date or '—':<10}  "
        f"{r.language or '—':<3} {r.witness_label:<14} {r.place}"
        for r in rows
    ]
    data = [
        {k: v for k, v in asdict(r).items() if k != "witness_name"} | {"status": r.status.value}
        for r in rows
    ]
    _emit(args, data, "\n".join(lines) if lines else "The vault holds no testimonies yet.")
    return EXIT_OK


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    """Show one testimony (``--json``: the interchange document)."""
    from testimony_app.domain import interchange

    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        testimony = session.testimonies.get(record_id, args.version)
        info = session.testimonies.info(record_id)
    finally:
        session.lock()
    if args.json:
        print(json.dumps(interchange.to_dict(testimony), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_describe(testimony, info.status.value, args.version or info.current))
    return EXIT_OK


def _describe(t: Testimony, status: str, version: int) -> str:
    lines = [
        f"Testimony {t.id}  ({status}, version {version})",
        f"Title:       {t.title}",
        f"Witness:     {t.witness.display_name()}",
        f"Interview:   {t.interview.date} {t.interview.place} ({t.interview.language})",
        f"Interviewer: {t.interview.interviewer}",
        f"Consent:     legal proceedings={_yn(t.consent.legal_proceedings)},"
        f" name may appear={_yn(t.consent.name_may_appear)}",
        f"Detentions:  {len(t.detentions)}   Acts: {len(t.acts)}"
        f"   Attachments: {len(t.attachments)}",
        "",
    ]
    lines += [f"{i}. {p}" for i, p in enumerate(t.narrative.paragraphs, 1)]
    return "\n".join(lines)


def _yn(value: bool | None) -> str:
    return "not asked" if value is None else ("yes" if value else "no")


@command("search")
def cmd_search(args: argparse.Namespace) -> int:
    """Search every testimony."""
    session = _open(args)
    try:
        hits = session.testimonies.search(args.query, args.limit)
        hidden = session.handover.count_handed_over()
    finally:
        session.lock()
    data = [
        {
            "id": h.testimony_id,
            "score": round(h.score, 4),
            "snippet": h.snippet,
            "status": h.summary.status.value,
            "witness": h.summary.witness_label,
        }
        for h in hits
    ]
    lines = [f"{h.testimony_id[:8]}  {h.summary.witness_label:<14} {h.snippet}" for h in hits]
    _emit(args, data, "\n".join(lines) if lines else "Nothing found.")
    if hidden:
        # High-risk mode: what only the organisation holds cannot be searched here.
        print(words.text(words.Message("cli.search.handed_over", count=hidden)), file=sys.stderr)
    return EXIT_OK


@command("seal")
def cmd_seal(args: argparse.Namespace) -> int:
    """Seal the current draft."""
    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        version = session.testimonies.seal(record_id)
    finally:
        session.lock()
    _emit(
        args,
        {"id": record_id} | asdict(version),
        f"Sealed version {version.number} of {record_id}\nSHA-256 {version.content_sha256}",
    )
    return EXIT_OK


@command("amend")
def cmd_amend(args: argparse.Namespace) -> int:
    """Seal a corrected version with a reason."""
    testimony = _load_document(args.file)
    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        version = session.testimonies.amend(record_id, testimony, args.reason)
    finally:
        session.lock()
    _emit(
        args,
        {"id": record_id} | asdict(version),
        f"Sealed amendment, version {version.number} of {record_id}",
    )
    return EXIT_OK


@command("attach")
def cmd_attach(args: argparse.Namespace) -> int:
    """Store a file in the vault as an attachment of a testimony."""
    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        info = session.testimonies.add_attachment(
            record_id,
            Path(args.file),
            description=args.description,
            delete_original=args.delete_original,
        )
    finally:
        session.lock()
    _emit(args, asdict(info), f"{info.id}  {info.size} bytes  SHA-256 {info.sha256}")
    return EXIT_OK


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    """Verify the vault: pages, structure, audit chain, hashes. Exit 1 on any damage."""
    session = _open(args)
    try:
        report = session.check()
    finally:
        session.lock()
    text = (
        f"All checks passed: {report.records} testimonies, {report.audit_entries} audit entries."
        if report.ok
        else "Problems found:\n" + "\n".join(f"- {p}" for p in report.problems)
    )
    _emit(
        args,
        {
            "ok": report.ok,
            "problems": list(report.problems),
            "records": report.records,
            "audit_entries": report.audit_entries,
        },
        text,
    )
    return EXIT_OK if report.ok else EXIT_DAMAGED


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    """Write a verified encrypted backup."""
    session = _open(args)
    try:
        where = session.backup()
        missing = session.backup_missing_files
    finally:
        session.lock()
    _emit(
        args,
        {"backup": str(where), "missing_attachment_files": missing},
        f"Backup written and verified: {where}",
    )
    if missing:
        print(
            f"testimony-app: the backup lacks {missing} attachment file(s) that are damaged or"
            " missing in the vault; run 'testimony-app check'.",
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
    restore_backup(path, backup, read_passphrase(args))
    print(f"Restored from {backup.name}; the previous database file was kept beside it.")
    return EXIT_OK


@command("passwd")
def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the vault's passphrase (rewrites only the key file)."""
    from testimony_app.services.vault import unlock_vault

    old = read_passphrase(args)
    if args.new_passphrase_file:
        new = _read_secret_file(args.new_passphrase_file)
    elif os.environ.get("TESTIMONY_NEW_PASSPHRASE"):
        new = os.environ["TESTIMONY_NEW_PASSPHRASE"]
    else:
        new = _prompt("New passphrase: ", confirm=True)
    session = unlock_vault(_vault_path(args), old)
    try:
        session.change_passphrase(old, new)
    finally:
        session.lock()
    print("The passphrase was changed.")
    return EXIT_OK


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    """Create a vault filled with fictional sample testimonies (for trying the program)."""
    # Imported here so that every other command works even where the demo data is absent.
    from testimony_app.services import demo as demo_service

    path = _vault_path(args)
    session = demo_service.build_demo_vault(path, kdf=args.kdf)
    try:
        rows = session.testimonies.list()
    finally:
        session.lock()
    print(f"Demo vault at {path} (passphrase: {demo_service.DEMO_PASSPHRASE})")
    print("All testimonies in it are fictional.")
    for r in rows:
        print(
            f"{r.id[:8]}  {r.status.value:<9} {r.interview_date:<10} {r.language:<3} "
            f"{r.witness_label:<14} {r.place}"
        )
    return EXIT_OK


# -- parsing -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="testimony-app",
        description="Testimony: encrypted documentation of torture and arbitrary detention.",
    )
    parser.add_argument("--version", action="version", version=f"testimony-app {__version__}")
    parser.add_argument(
        "--language", choices=words.LANGUAGES, default=None, help=_LANGUAGE_HELP
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--vault", metavar="DIR", help="vault directory (default: the platform's data location)"
    )
    common.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from FILE (else TESTIMONY_PASSPHRASE or a prompt)",
    )
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--json", action="store_true", help="print JSON")

    def add(
        name: str, help_text: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[common, *parents])

    p = add("init", "create a new vault")
    p.add_argument(
        "--kdf", choices=["calibrated", "test"], default="calibrated", help=argparse.SUPPRESS
    )
    p = add("add", "add a testimony from a JSON file", out)
    p.add_argument("file")
    add("list", "list testimonies", out)
    p = add("show", "show a testimony", out)
    p.add_argument("id")
    p.add_argument("--version", type=int, default=None, help="a version number (default: latest)")
    p = add("search", "search testimonies", out)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p = add("seal", "seal the current draft", out)
    p.add_argument("id")
    p = add("amend", "seal a corrected version", out)
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("--reason", required=True)
    p = add("attach", "attach a file to a testimony", out)
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("--description", default="")
    p.add_argument(
        "--delete-original",
        action="store_true",
        help="overwrite and delete the original file once it is safely stored",
    )
    add("check", "verify the vault (exit 1 on damage)", out)
    add("backup", "write a verified encrypted backup", out)
    p = add("restore", "restore the database from a backup")
    p.add_argument("backup", help="a backup .db file, or 'latest'")
    p = add("passwd", "change the passphrase")
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (else TESTIMONY_NEW_PASSPHRASE or a prompt)",
    )
    p = add("demo", "create a demo vault of fictional testimonies")
    p.add_argument(
        "--kdf", choices=["calibrated", "test"], default="calibrated", help=argparse.SUPPRESS
    )
    for extra in _EXTENSIONS:
        extra(sub, common, out)
    return parser


_LANGUAGE_HELP = (
    "the language of messages: en, az or ru (default: from LANGUAGE, LC_ALL, LC_MESSAGES or"
    " LANG); give it before the command"
)

def main(argv: Sequence[str]) -> int:
    """Run one command; return the exit status."""
    paths.harden_process()
    words.set_language(language_asked(argv))
    parser = build_parser()
    args = parser.parse_args(list(argv))
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
        print("testimony-app: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("TESTIMONY_DEBUG"):
            raise
        # A bug: a report without testimony content (crash.py), and one sentence.
        where = crash.report(exc)
        print(
            "testimony-app: something went wrong inside the program; your data was not"
            " changed beyond the last completed step"
            + (f" (a report without any testimony content is in {where})." if where else "."),
            file=sys.stderr,
        )
        return EXIT_BUG


# The bundle commands register themselves on import (org-keygen, enrol, export, ...).
from testimony_app import cli_bundles  # noqa: E402, F401

# The registry commands register themselves on import (registry ..., corroborate).
from testimony_app import cli_registry  # noqa: E402, F401 isort: skip

# verify-statement registers itself on import.
from testimony_app import cli_statements  # noqa: E402, F401 isort: skip

# The device register and quarantine commands (device, devices ..., quarantine ...).
from testimony_app import cli_devices  # noqa: E402, F401 isort: skip

# High-risk mode: high-risk, handover, outbox.
from testimony_app import cli_handover  # noqa: E402, F401 isort: skip
