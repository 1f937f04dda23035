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
there. A user error is one sentence on stderr and a non-zero exit; ``--json`` prints data.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from testimony_app.cli.bundles import _confirm, _import_data, _import_lines, _say
from testimony_app.cli.common import _EXTENSIONS, EXIT_OK, _emit, _open, command
from testimony_app.errors import UserFacingError
from testimony_app.words import Message
from testimony_app.words import text as wording


@command("device")
def cmd_device(args: argparse.Namespace) -> int:
    """Show this laptop's device key and fingerprint, for the organisation to register."""
    session = _open(args)
    try:
        key = session.bundles.device_public_key()
        fingerprint = session.bundles.device_fingerprint()
        device_id = session.bundles.device_id
    finally:
        session.lock()
    _emit(
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
    status = {
        "registered": f"registered {row.registered_at[:10]}",
        "unconfirmed": "UNCONFIRMED (pinned on first use by version 0.1)",
        "revoked": f"REVOKED {row.revoked_at[:10]}: {row.revoked_reason}",
    }[row.status]
    return (
        f"  {row.fingerprint}  {row.name or '(no name)'}  {status};"
        f" {row.bundles} bundle(s) imported\n    {row.public_key}"
    )


@command("devices")
def cmd_devices(args: argparse.Namespace) -> int:
    """Register, list and revoke laptops; transfer a record to another laptop."""
    session = _open(args)
    try:
        devices = session.bundles.organisation.devices
        action = args.devices_command
        if action == "list":
            rows = devices.list()
            text = "\n".join(_device_line(r) for r in rows) or "No device is registered yet."
            _emit(args, [_device_data(r) for r in rows], text)
        elif action == "add":
            fingerprint = devices.fingerprint_of(args.key)
            if not args.json:
                _say(f"Device key:   {args.key}")
                _say(f"Fingerprint:  {fingerprint}")
            if not _confirm(args, "Does the interviewer read out the same fingerprint?"):
                raise UserFacingError(
                    "device.register_not_confirmed"
                )
            row = devices.register(args.key, args.name, confirmed=True)
            _emit(
                args,
                _device_data(row),
                wording(Message("cli.device_registered", name=row.name,
                                fingerprint=row.fingerprint)),
            )
        elif action == "revoke":
            row = devices.find(args.device)
            if not args.json:
                _say(_device_line(row))
            if not _confirm(args, "Refuse every later bundle from this device?"):
                raise UserFacingError("device.revoke_not_confirmed")
            row = devices.revoke(row.public_key, args.reason, confirmed=True)
            _emit(
                args,
                _device_data(row),
                wording(Message("cli.device_revoked", name=row.name or row.fingerprint)),
            )
        else:
            target = devices.find(args.to)
            if not args.json:
                _say(_device_line(target))
            if not _confirm(args, "Take this record's versions from that device from now on?"):
                raise UserFacingError("device.transfer_not_confirmed")
            moved = devices.transfer(args.record, target.public_key, args.reason, confirmed=True)
            _emit(
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
    why = {
        "unregistered": "device not registered",
        "unconfirmed": "device never confirmed",
        "revoked": "device revoked",
    }[row.reason]
    return (
        f"  {row.id:>3}  bundle {row.bundle_id}  {row.records} record(s), {row.size} bytes,"
        f" made {row.created_at}  [{why}]\n"
        f"       fingerprint {row.fingerprint}  key {row.public_key}"
    )


@command("quarantine")
def cmd_quarantine(args: argparse.Namespace) -> int:
    """List, import or discard bundles kept aside by ``import --quarantine``."""
    session = _open(args)
    try:
        organisation = session.bundles.organisation
        action = args.quarantine_command
        if action == "list":
            rows = organisation.quarantine.list(held_only=not args.all)
            text = (
                "\n".join(_quarantine_line(r) for r in rows)
                or "No bundle is waiting in the quarantine."
            )
            _emit(args, [asdict(r) for r in rows], text)
        elif action == "import":
            report = organisation.import_quarantined(args.id, Path(args.identity))
            _emit(args, _import_data(report), "\n".join(_import_lines(report)))
        else:
            row = organisation.quarantine.find(args.id)
            if not args.json:
                _say(_quarantine_line(row))
            if not _confirm(args, "Delete this bundle's copy without importing it?"):
                raise UserFacingError("quarantine.discard_not_confirmed")
            row = organisation.discard_quarantined(args.id, confirmed=True)
            _emit(
                args,
                asdict(row),
                wording(Message("cli.bundle_discarded", bundle=row.bundle_id)),
            )
    finally:
        session.lock()
    return EXIT_OK


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    """Register ``device``, ``devices`` and ``quarantine`` with the main parser."""
    sub.add_parser("device", help="this laptop's device key and fingerprint", parents=[common, out])
    p = sub.add_parser(
        "devices", help="the laptops the organisation registered", parents=[common, out]
    )
    inner = p.add_subparsers(dest="devices_command", required=True, metavar="ACTION")
    inner.add_parser("list", help="list registered devices", parents=[common, out])
    q = inner.add_parser("add", help="register a laptop's key", parents=[common, out])
    q.add_argument("key", metavar="ed25519:…")
    q.add_argument("--name", required=True, metavar="TEXT", help="the interviewer and laptop")
    q.add_argument("--yes", action="store_true", help="the fingerprint was confirmed")
    q = inner.add_parser("revoke", help="refuse a lost or seized laptop", parents=[common, out])
    q.add_argument("device", metavar="KEY|FINGERPRINT")
    q.add_argument("--reason", required=True, metavar="TEXT")
    q.add_argument("--yes", action="store_true", help="do not ask")
    q = inner.add_parser(
        "transfer", help="give a record to another registered laptop", parents=[common, out]
    )
    q.add_argument("record", metavar="RECORD")
    q.add_argument("--to", required=True, metavar="KEY|FINGERPRINT")
    q.add_argument("--reason", required=True, metavar="TEXT")
    q.add_argument("--yes", action="store_true", help="do not ask")
    p = sub.add_parser("quarantine", help="bundles kept aside, unmerged", parents=[common, out])
    inner = p.add_subparsers(dest="quarantine_command", required=True, metavar="ACTION")
    q = inner.add_parser("list", help="bundles waiting for a decision", parents=[common, out])
    q.add_argument("--all", action="store_true", help="also those imported or discarded")
    q = inner.add_parser(
        "import", help="import a bundle once its device is registered", parents=[common, out]
    )
    q.add_argument("id", metavar="ID")
    q.add_argument("--identity", required=True, metavar="FILE")
    q = inner.add_parser("discard", help="delete a bundle's copy unmerged", parents=[common, out])
    q.add_argument("id", metavar="ID")
    q.add_argument("--yes", action="store_true", help="do not ask")


_EXTENSIONS.append(_add_parsers)
