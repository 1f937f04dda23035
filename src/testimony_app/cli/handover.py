"""Command-line sub-commands of high-risk mode (issue 20).

    high-risk on [--delay HOURS] | off | status --vault DIR
    handover --vault DIR (ID ... | --all-sealed | --due) [--keep-doubtful]
    outbox list --vault DIR
    outbox send --vault DIR -o FOLDER

``export`` also sends the outbox (:mod:`.cli.bundles`). Thin over
:class:`testimony_app.services.handover.HandoverService`; every rule lives there. What it
prints comes from the ``cli`` catalogue in the reader's language; records are named by id
and pseudonym only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from testimony_app import words
from testimony_app.cli.common import EXIT_OK, EXTENSIONS, command, emit, open_session
from testimony_app.words import Message


def _say(message: Message) -> str:
    return words.text(message)


@command("high-risk")
def cmd_high_risk(args: argparse.Namespace) -> int:
    """Turn high-risk mode on or off, or show it."""
    session = open_session(args)
    try:
        service = session.handover
        if args.state == "status":
            setting = service.setting()
        else:
            setting = service.set_mode(args.state == "on", args.delay)
        waiting = len(service.outbox_entries())
        handed = service.count_handed_over()
    finally:
        session.lock()
    data = {
        "enabled": setting.enabled,
        "delay_hours": setting.delay_hours,
        "handed_over": handed,
        "outbox": waiting,
    }
    if setting.enabled:
        line = _say(Message("cli.high_risk.on", hours=setting.delay_hours))
    else:
        line = _say(Message("cli.high_risk.off"))
    lines = [line, _say(Message("cli.high_risk.counts", count=handed, waiting=waiting))]
    emit(args, data, "\n".join(lines))
    return EXIT_OK


@command("handover")
def cmd_handover(args: argparse.Namespace) -> int:
    """Hand sealed testimonies over: bundle into the outbox, content off the laptop."""
    session = open_session(args)
    try:
        service = session.handover
        keep = args.keep_doubtful
        if args.all_sealed:
            report = service.hand_over_all_sealed(keep_doubtful=keep)
        elif args.due:
            due = service.due()
            if not due:
                emit(args, {"handed_over": []}, _say(Message("cli.handover.none_due")))
                return EXIT_OK
            report = service.hand_over(due, keep_doubtful=keep)
        else:
            report = service.hand_over(args.ids, keep_doubtful=keep)
    finally:
        session.lock()
    data = {
        "bundle_id": report.bundle_id,
        "sha256": report.sha256,
        "size": report.size,
        "handed_over": [
            {
                "id": r.record_id,
                "version": r.version,
                "content_sha256": r.content_sha256,
                "pseudonym": r.pseudonym,
                "interview_date": r.interview_date,
                "redacted": r.record_id in report.redacted,
            }
            for r in report.records
        ],
        "scrubbed": report.scrubbed,
    }
    lines = [_say(Message("cli.handover.done", count=len(report.records), sha256=report.sha256))]
    for r in report.records:
        label = r.pseudonym or "—"
        lines.append(f"  {r.record_id[:8]}  {label:<14} {r.interview_date}  v{r.version}")
    if not report.scrubbed:
        lines.append(_say(Message("cli.handover.scrub_pending")))
    emit(args, data, "\n".join(lines))
    return EXIT_OK


def _entry_data(entry: Any) -> dict[str, Any]:
    return {
        "bundle_id": entry.bundle_id,
        "file": entry.file,
        "sha256": entry.sha256,
        "size": entry.size,
        "created_at": entry.created_at,
        "sent": entry.sent,
        "records": list(entry.records),
    }


@command("outbox")
def cmd_outbox(args: argparse.Namespace) -> int:
    """List the outbox, or copy it to a folder (a stick)."""
    session = open_session(args)
    try:
        service = session.handover
        if args.outbox_command == "send":
            sent = service.send_outbox(Path(args.output))
            data: Any = [{"bundle_id": s.bundle_id, "path": str(s.path),
                          "already_there": s.already_there} for s in sent]
            text = _say(Message("cli.outbox.sent", count=len(sent), folder=str(args.output)))
        else:
            entries = service.outbox_entries()
            data = [_entry_data(e) for e in entries]
            lines = [_say(Message("cli.outbox.count", count=len(entries)))]
            lang = words.current_language()
            for e in entries:
                size = words.formats.size(e.size, lang)
                lines.append(f"  {e.file}  {e.created_at}  {size}  ×{e.sent}  {e.sha256[:16]}")
            text = "\n".join(lines)
    finally:
        session.lock()
    emit(args, data, text)
    return EXIT_OK


def outbox_lines(sent: list[Any]) -> list[str]:
    """What ``export`` says of the outbox bundles it copied (nothing when there were none)."""
    if not sent:
        return []
    return [_say(Message("cli.outbox.sent_with_export", count=len(sent)))] + [
        f"  {s.path}" for s in sent
    ]


def send_outbox_with_export(session: Any, target: Path) -> list[Any]:
    """``export``: copy the outbox into the folder the bundle goes to (before the bundle)."""
    folder = target if target.is_dir() else target.parent
    return list(session.handover.send_outbox(folder))


def _help(code: str) -> str:
    """A help text in the reader's language (the parser is built after the language is set)."""
    return words.text(Message(code))


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    """Register ``high-risk``, ``handover`` and ``outbox`` with the main parser."""
    p = sub.add_parser("high-risk", help=_help("cli.help.high_risk"), parents=[common, out])
    p.add_argument("state", choices=("on", "off", "status"))
    p.add_argument(
        "--delay", type=int, default=None, metavar="HOURS", help=_help("cli.help.high_risk_delay")
    )
    p = sub.add_parser("handover", help=_help("cli.help.handover"), parents=[common, out])
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("ids", nargs="*", default=[], metavar="ID")
    which.add_argument("--all-sealed", action="store_true", help=_help("cli.help.all_sealed"))
    which.add_argument("--due", action="store_true", help=_help("cli.help.due"))
    p.add_argument("--keep-doubtful", action="store_true", help=_help("cli.help.keep_doubtful"))
    p = sub.add_parser("outbox", help=_help("cli.help.outbox"), parents=[common, out])
    inner = p.add_subparsers(dest="outbox_command", required=True, metavar="ACTION")
    inner.add_parser("list", help=_help("cli.help.outbox_list"), parents=[common, out])
    q = inner.add_parser("send", help=_help("cli.help.outbox_send"), parents=[common, out])
    q.add_argument("-o", "--output", required=True, metavar="FOLDER")


EXTENSIONS.append(_add_parsers)
