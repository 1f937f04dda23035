"""The ``kept-aside`` command: the record versions an organisation's vault did not take as
current, and why.

    kept-aside [--record ID] [--json]

An import keeps a version aside, never current and never deleted, when it clashes with what
the vault holds (``conflict``), comes from a device the record does not belong to
(``another device``), arrives complete where a redacted copy is held (``redacted copy``), or
carries a record id bound to another device that its sender cannot prove (``id not bound``,
crypto/record_ids.py). A person reads this list to decide: transfer the record, revoke a
device, or leave it. Each row shows the record, the version, why, the device that sent it,
when, and the SHA-256 of the bytes kept (to compare with a statement's printed hash).

Thin over :meth:`OrganisationService.conflicts`; in a module of its own so that the command
groups' files stay as they are.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from testimony_app.cli.common import EXIT_OK, EXTENSIONS, command, emit, open_session
from testimony_app.words import Message, Verbatim
from testimony_app.words import text as wording

_KINDS = {
    "conflict": Message("cli.kept_kind_conflict"),
    "another device": Message("cli.kept_kind_another_device"),
    "redacted copy": Message("cli.kept_kind_redacted_copy"),
    "id not bound": Message("cli.kept_kind_id_not_bound"),
}


def _device(row: Any) -> Message:
    sender = row.fingerprint or row.device_id
    if row.device_name:
        return Message("cli.kept_aside_named_device", name=row.device_name, device=sender)
    return Message("cli.kept_aside_device", device=sender)


def _lines(row: Any) -> list[str]:
    kind = _KINDS.get(row.kind, Message("cli.kept_kind_conflict"))
    return [
        wording(
            Message(
                "cli.kept_aside_row",
                record=row.record_id,
                version=Verbatim(row.version),
                kind=kind,
            )
        ),
        wording(
            Message(
                "cli.kept_aside_origin",
                device=_device(row),
                when=Verbatim(row.detected_at),
                sha256=row.incoming_sha256,
            )
        ),
    ]


@command("kept-aside")
def cmd_kept_aside(args: argparse.Namespace) -> int:
    """List the versions kept aside at the organisation (all, or one record's)."""
    session = open_session(args)
    try:
        rows = session.bundles.organisation.conflicts()
    finally:
        session.lock()
    if args.record:
        rows = [r for r in rows if r.record_id.startswith(args.record.lower())]
    lines = [line for row in rows for line in _lines(row)]
    if rows:
        lines.append(wording(Message("cli.kept_aside_count", count=len(rows))))
    else:
        lines.append(wording(Message("cli.kept_aside_none")))
    emit(args, [asdict(r) for r in rows], "\n".join(lines))
    return EXIT_OK


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    """Register ``kept-aside`` with the main parser."""
    p = sub.add_parser(
        "kept-aside", help=wording(Message("cli.kept_aside_help")), parents=[common, out]
    )
    p.add_argument(
        "--record", metavar="ID", default="", help=wording(Message("cli.kept_aside_record_help"))
    )


EXTENSIONS.append(_add_parsers)
