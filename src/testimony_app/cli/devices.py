"""Command-line sub-commands for the devices an organisation knows, and its quarantine.

On the interviewer's laptop:

    device --vault DIR                       this laptop's key and fingerprint, to read aloud

On the organisation's vault:

    devices add ed25519:… --name TEXT [--yes]          register a laptop (compare aloud first)
    devices list
    devices revoke KEY|FINGERPRINT --reason TEXT [--yes]
    devices transfer RECORD --to KEY|FINGERPRINT --reason TEXT [--yes]
    quarantine list                           bundles kept aside by ``import --quarantine``
    quarantine import ID --identity FILE      once its device is registered
    quarantine discard ID [--yes]

Thin over :mod:`testimony_app.services.devices` and :mod:`.quarantine`: every rule lives
there. A user error is one sentence on stderr and a non-zero exit. What they print, ask and
their ``--help`` are in the reader's language (the ``cli`` catalogue); ``--json`` prints data,
statuses and reasons as codes, the same in every language.
"""

from __future__ import annotations

import argparse
import datetime
from dataclasses import asdict
from pathlib import Path
from typing import Any

from testimony_app import words
from testimony_app.cli.common import (
    EXIT_OK,
    EXTENSIONS,
    command,
    confirm,
    emit,
    open_session,
    words_of,
    write_line,
)
from testimony_app.cli.import_report import import_data, import_lines
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Size, Verbatim
from testimony_app.words import text as wording


def _help(code: str) -> str:
    """A help text in the reader's language (the parser is built after the language is set)."""
    return words.text(Message(code))


def _day(stamp: str) -> words.Param:
    """The day of an ISO time stamp as the reader writes dates (as written if it is not one)."""
    try:
        return datetime.date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp or "—"


@command("device")
def cmd_device(args: argparse.Namespace) -> int:
    """Show this laptop's device key and fingerprint, for the organisation to register."""
    session = open_session(args)
    try:
        key = session.bundles.device_public_key()
        fingerprint = session.bundles.device_fingerprint()
        device_id = session.bundles.device_id
    finally:
        session.lock()
    emit(
        args,
        {"public_key": key, "fingerprint": fingerprint, "device_id": device_id},
        "\n".join(
            [
                wording(Message("cli.device_fingerprint", fingerprint=fingerprint)),
                wording(Message("cli.device_key", key=key)),
                wording(Message("cli.device_register_with", key=key)),
            ]
        ),
    )
    return EXIT_OK


def _device_data(row: Any) -> dict[str, Any]:
    return asdict(row) | {"status": row.status}


def _device_line(row: Any) -> str:
    """A registered device: fingerprint, name, standing, bundles imported; then its key."""
    status = {
        "registered": Message("cli.devices.registered_on", day=_day(row.registered_at)),
        "unconfirmed": Message("cli.devices.unconfirmed"),
        "revoked": Message("cli.devices.revoked_on", day=_day(row.revoked_at),
                           reason=row.revoked_reason),
    }[row.status]
    name = row.name or words_of("cli.devices.no_name")
    said = words_of("cli.devices.line", fingerprint=row.fingerprint, name=name, status=status,
                 count=row.bundles)
    return f"{said}\n    {row.public_key}"


@command("devices")
def cmd_devices(args: argparse.Namespace) -> int:
    """Register, list and revoke laptops; transfer a record to another laptop."""
    session = open_session(args)
    try:
        devices = session.bundles.organisation.devices
        action = args.devices_command
        if action == "list":
            rows = devices.list()
            text = "\n".join(_device_line(r) for r in rows) or words_of("cli.devices.none")
            emit(args, [_device_data(r) for r in rows], text)
        elif action == "add":
            fingerprint = devices.fingerprint_of(args.key)
            if not args.json:
                write_line(words_of("cli.devices.key_to_compare", key=args.key))
                write_line(words_of("cli.devices.fingerprint_to_compare", fingerprint=fingerprint))
            if not confirm(args, words_of("cli.devices.confirm_register")):
                raise UserFacingError(
                    "device.register_not_confirmed"
                )
            row = devices.register(args.key, args.name, confirmed=True)
            emit(
                args,
                _device_data(row),
                wording(Message("cli.device_registered", name=row.name,
                                fingerprint=row.fingerprint)),
            )
        elif action == "revoke":
            row = devices.find(args.device)
            if not args.json:
                write_line(_device_line(row))
            if not confirm(args, words_of("cli.devices.confirm_revoke")):
                raise UserFacingError("device.revoke_not_confirmed")
            row = devices.revoke(row.public_key, args.reason, confirmed=True)
            emit(
                args,
                _device_data(row),
                wording(Message("cli.device_revoked", name=row.name or row.fingerprint)),
            )
        else:
            target = devices.find(args.to)
            if not args.json:
                write_line(_device_line(target))
            if not confirm(args, words_of("cli.devices.confirm_transfer")):
                raise UserFacingError("device.transfer_not_confirmed")
            moved = devices.transfer(args.record, target.public_key, args.reason, confirmed=True)
            emit(
                args,
                asdict(moved),
                wording(Message("cli.record_transferred", record=moved.record_id,
                                name=moved.device_name,
                                fingerprint=moved.device_fingerprint)),
            )
    finally:
        session.lock()
    return EXIT_OK


def _quarantine_line(row: Any) -> str:
    """A bundle kept aside: its number, id, size, when it was made and why it waits."""
    why = {
        "unregistered": Message("cli.quarantine.unregistered"),
        "unconfirmed": Message("cli.quarantine.unconfirmed"),
        "revoked": Message("cli.quarantine.revoked"),
    }.get(row.reason, Verbatim(row.reason))
    said = words_of("cli.quarantine.line", bundle=row.bundle_id, count=row.records,
                 size=Size(row.size), made=_day(row.created_at), why=why)
    keys = words_of("cli.quarantine.keys", fingerprint=row.fingerprint, key=row.public_key)
    return f"  {row.id:>3}  {said}\n       {keys}"


@command("quarantine")
def cmd_quarantine(args: argparse.Namespace) -> int:
    """List, import or discard bundles kept aside by ``import --quarantine``."""
    session = open_session(args)
    try:
        organisation = session.bundles.organisation
        action = args.quarantine_command
        if action == "list":
            rows = organisation.quarantine.list(held_only=not args.all)
            text = (
                "\n".join(_quarantine_line(r) for r in rows)
                or words_of("cli.quarantine.none")
            )
            emit(args, [asdict(r) for r in rows], text)
        elif action == "import":
            report = organisation.import_quarantined(args.id, Path(args.identity))
            emit(args, import_data(report), "\n".join(import_lines(report)))
        else:
            row = organisation.quarantine.find(args.id)
            if not args.json:
                write_line(_quarantine_line(row))
            if not confirm(args, words_of("cli.quarantine.confirm_discard")):
                raise UserFacingError("quarantine.discard_not_confirmed")
            row = organisation.discard_quarantined(args.id, confirmed=True)
            emit(
                args,
                asdict(row),
                wording(Message("cli.bundle_discarded", bundle=row.bundle_id)),
            )
    finally:
        session.lock()
    return EXIT_OK


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    """Register ``device``, ``devices`` and ``quarantine`` with the main parser."""
    both = [common, out]
    device = _help("cli.help.device_key_or_fingerprint")
    reason = _help("cli.help.devices_reason")
    no_question = _help("cli.help.yes")
    sub.add_parser("device", help=_help("cli.help.device"), parents=both)
    p = sub.add_parser("devices", help=_help("cli.help.devices"), parents=both)
    inner = p.add_subparsers(dest="devices_command", required=True, metavar="ACTION")
    inner.add_parser("list", help=_help("cli.help.devices_list"), parents=both)
    q = inner.add_parser("add", help=_help("cli.help.devices_add"), parents=both)
    q.add_argument("key", metavar="ed25519:…", help=_help("cli.help.devices_add_key"))
    q.add_argument("--name", required=True, metavar="TEXT", help=_help("cli.help.devices_name"))
    q.add_argument("--yes", action="store_true", help=_help("cli.help.devices_add_yes"))
    q = inner.add_parser("revoke", help=_help("cli.help.devices_revoke"), parents=both)
    q.add_argument("device", metavar="KEY|FINGERPRINT", help=device)
    q.add_argument("--reason", required=True, metavar="TEXT", help=reason)
    q.add_argument("--yes", action="store_true", help=no_question)
    q = inner.add_parser("transfer", help=_help("cli.help.devices_transfer"), parents=both)
    q.add_argument("record", metavar="RECORD", help=_help("cli.help.devices_record"))
    q.add_argument("--to", required=True, metavar="KEY|FINGERPRINT", help=device)
    q.add_argument("--reason", required=True, metavar="TEXT", help=reason)
    q.add_argument("--yes", action="store_true", help=no_question)
    p = sub.add_parser("quarantine", help=_help("cli.help.quarantine"), parents=both)
    inner = p.add_subparsers(dest="quarantine_command", required=True, metavar="ACTION")
    q = inner.add_parser("list", help=_help("cli.help.quarantine_list"), parents=both)
    q.add_argument("--all", action="store_true", help=_help("cli.help.quarantine_all"))
    q = inner.add_parser("import", help=_help("cli.help.quarantine_import"), parents=both)
    q.add_argument("id", metavar="ID", help=_help("cli.help.quarantine_id"))
    q.add_argument("--identity", required=True, metavar="FILE",
                   help=_help("cli.help.quarantine_identity"))
    q = inner.add_parser("discard", help=_help("cli.help.quarantine_discard"), parents=both)
    q.add_argument("id", metavar="ID", help=_help("cli.help.quarantine_id"))
    q.add_argument("--yes", action="store_true", help=no_question)


EXTENSIONS.append(_add_parsers)
