"""Command-line sub-commands for bundles: both the interviewer's and the organisation's side.

    org-keygen -o DIR                                   the organisation's keys, once
    enrol --vault DIR --recipient age1… --org-key ed25519:… [--name TEXT] [--yes]
    export --vault DIR -o OUT.age [--recipient age1…] [--review-file ID=FILE ...]
        [--keep-doubtful] [ID ...]
    verify BUNDLE --identity FILE [--vault DIR]         exit 0 only if every check passed
    import --vault DIR BUNDLE --identity FILE [--quarantine]
    receipt --vault DIR BUNDLE --identity FILE --signing-key FILE -o RECEIPT
    acknowledge --vault DIR RECEIPT [--purge [--yes]]

The devices an organisation registers, and its quarantine, are in :mod:`.cli.devices`.

A record that goes redacted carries the review of its redaction: the one stored with the
version (made in the window, or by ``pdf --redacted --review-file``), or the one given here with
``--review-file ID=FILE`` (then stored); with neither, doubtful words nobody decided about stop
the export unless ``--keep-doubtful`` (see ``redactions ID``).

Thin over :mod:`testimony_app.services`: every rule lives there. As everywhere in the CLI, a
user error is one sentence on stderr and a non-zero exit; ``--json`` prints data as JSON.
Nothing here prints testimony text; records are named by id and pseudonym or initials.
"""

from __future__ import annotations

import argparse
import datetime
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app.cli.common import (
    EXIT_DAMAGED,
    EXIT_OK,
    EXTENSIONS,
    command,
    confirm,
    emit,
    help_text,
    in_words,
    open_session,
    write_line,
)
from testimony_app.cli.import_report import import_data, import_lines
from testimony_app.cli.statements import doubtful_refused, review_file
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Size, Verbatim, text

if TYPE_CHECKING:
    from testimony_app.services.acknowledge import Withheld

# The services are imported inside each command, so that building the parser (--help) loads
# none of them (see cli/__init__.py).


@command("org-keygen")
def cmd_org_keygen(args: argparse.Namespace) -> int:
    """Make the organisation's age identity and receipt-signing key."""
    from testimony_app.services import organisation

    result = organisation.org_keygen(Path(args.output))
    identity, signing = result.paths
    emit(
        args,
        {
            "recipient": result.recipient,
            "receipt_key": result.signing_public_key,
            "fingerprint": result.fingerprint,
            "identity_file": str(identity),
            "signing_key_file": str(signing),
        },
        "\n".join(
            text(m) for m in (
                Message("cli.org_keygen.recipient", recipient=result.recipient),
                Message("cli.org_keygen.receipt_key", key=result.signing_public_key),
                Message("cli.org_keygen.fingerprint", fingerprint=result.fingerprint),
                Message("cli.org_keygen.identity", path=str(identity)),
                Message("cli.org_keygen.signing_key", path=str(signing)),
                Message("cli.org_keygen.keep_safe"),
            )
        ),
    )
    return EXIT_OK


@command("enrol")
def cmd_enrol(args: argparse.Namespace) -> int:
    """Pin the organisation's recipients and receipt key after comparing the fingerprint."""
    session = open_session(args)
    try:
        service = session.bundles
        fingerprint = service.enrolment_fingerprint(args.recipient, args.org_key)
        if not args.json:
            name = args.name or Message("cli.enrol.no_name")
            write_line(text(Message("cli.enrol.organisation", name=name)))
            for recipient in args.recipient:
                write_line(text(Message("cli.enrol.recipient", recipient=recipient)))
            write_line(text(Message("cli.enrol.receipt_key", key=args.org_key)))
            write_line(text(Message("cli.enrol.fingerprint", fingerprint=fingerprint)))
        confirmed = confirm(args, Message("cli.enrol.same_fingerprint"))
        if not confirmed:
            raise UserFacingError(
                "cli.enrol_not_confirmed"
            )
        enrolment = service.enrol(args.recipient, args.org_key, args.name, confirmed=True)
        device_fingerprint = service.device_fingerprint()
        device_key = service.device_public_key()
    finally:
        session.lock()
    emit(
        args,
        asdict(enrolment)
        | {"device_fingerprint": device_fingerprint, "device_public_key": device_key},
        "\n".join(
            text(m) for m in (
                Message("cli.enrol.done_fingerprint", fingerprint=device_fingerprint),
                Message("cli.enrol.done_key", key=device_key),
                Message("cli.enrol.must_register"),
            )
        ),
    )
    return EXIT_OK


def moment(stamp: str) -> datetime.datetime | str:
    """An ISO time stamp of the program's (UTC, ``…Z``) as the reader writes a date and time,
    on this computer's clock: "7 dekabr 2026 13:31", not "2026-12-07T09:31:08Z". As written
    when it is not one; ``--json`` keeps the stamp itself."""
    try:
        when = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return when.astimezone() if when.tzinfo is not None else when


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    """Write a bundle of sealed testimonies for the enrolled organisation."""
    from testimony_app.cli.handover import outbox_lines, send_outbox_with_export
    from testimony_app.domain.redaction_review import DoubtfulUnreviewed
    from testimony_app.services.bundles import NothingToExport

    out = Path(args.output)
    if args.output.endswith(("/", os.sep)) and not out.is_dir():
        # "-o /media/usbb/": a folder was meant. Path() drops the slash, and the bundle would
        # be written as a file named "usbb" beside it; say so before asking the passphrase.
        raise UserFacingError("cli.export_no_folder", path=args.output)
    given = [_review_argument(a) for a in args.review_file]
    session = open_session(args)
    try:
        reviews = {session.testimonies.resolve(i): choices for i, f in given
                   if (choices := review_file(f)) is not None}
        # High-risk mode: the outbox goes first, to the same folder, whatever else does.
        sent = send_outbox_with_export(session, out)
        try:
            report = session.bundles.export(
                out, record_ids=args.ids or None, recipients=args.recipient or None,
                reviews=reviews, keep_doubtful=args.keep_doubtful,
            )
        except NothingToExport as exc:
            if not sent:
                _print_withheld(args, exc.withheld)
                raise
            emit(args, {"outbox": [str(s.path) for s in sent]}, "\n".join(outbox_lines(sent)))
            return EXIT_OK
        except DoubtfulUnreviewed as exc:
            raise doubtful_refused(exc) from None
    finally:
        session.lock()
    data = {
        "bundle": str(report.path),
        "bundle_id": report.bundle_id,
        "sha256": report.sha256,
        "size": report.size,
        "recipients": list(report.recipients),
        "exported": [asdict(r) for r in report.exported],
        "withheld": [_withheld_data(w) for w in report.withheld],
        "outbox": [str(s.path) for s in sent],
    }
    lines = [text(Message("cli.bundle_written", path=str(report.path))), f"SHA-256 {report.sha256}"]
    lines += outbox_lines(sent)
    for r in report.exported:
        versions = ",".join(f"v{n}" for n in r.versions)
        exported = (
            Message("cli.exported_redacted", record=r.record_id[:8], label=f"{r.label:<14}",
                    versions=versions, language=r.statement_language, count=r.attachments)
            if r.redacted
            else Message("cli.exported_complete", record=r.record_id[:8], label=f"{r.label:<14}",
                         versions=versions, language=r.statement_language, count=r.attachments)
        )
        lines.append(text(exported))
    lines += [_withheld_line(w) for w in report.withheld]
    emit(args, data, "\n".join(lines))
    return EXIT_OK


def _review_argument(value: str) -> tuple[str, str]:
    """``ID=FILE`` of ``export --review-file``."""
    record, sep, path = value.partition("=")
    if not sep or not record.strip() or not path:
        raise UserFacingError("cli.review_file_argument")
    return record.strip(), path


def _withheld_data(w: Withheld) -> dict[str, str]:
    """A withheld record for ``--json``: the reason's stable code, and its English words (the
    same sentence scripts always read)."""
    return {"record_id": w.record_id, "label": w.label, "reason": str(w.reason),
            "reason_code": w.reason.code}


def _withheld_line(w: Withheld) -> str:
    return text(Message("cli.withheld", record=w.record_id[:8], label=f"{w.label:<14}",
                        reason=w.reason))


def _print_withheld(args: argparse.Namespace, withheld: Any) -> None:
    if args.json:
        emit(args, {"exported": [], "withheld": [_withheld_data(w) for w in withheld]}, "")
        return
    for w in withheld:
        write_line(_withheld_line(w))


@command("verify")
def cmd_verify(args: argparse.Namespace) -> int:
    """Check a bundle with the organisation's identity; exit 0 only if every check passed."""
    from testimony_app.services import organisation

    if args.vault:
        session = open_session(args)
        try:
            report = session.bundles.organisation.verify(Path(args.bundle), Path(args.identity))
        finally:
            session.lock()
    else:
        report = organisation.verify(Path(args.bundle), Path(args.identity))
    bundle = report.bundle_id or Message("cli.verify.unreadable")
    lines = [text(Message("cli.verify.bundle", bundle=bundle))]
    if report.device_id:
        pinned = {
            "registered": Message("cli.verify.pin_registered", name=report.device_name),
            "not registered": Message("cli.verify.pin_not_registered"),
            "unconfirmed": Message("cli.verify.pin_unconfirmed"),
            "revoked": Message("cli.verify.pin_revoked"),
            "different key": Message("cli.verify.pin_different_key"),
        }.get(report.pin_status, Message("cli.verify.pin_not_checked"))
        lines += [text(m) for m in (
            Message("cli.verify.device", device=report.device_id),
            Message("cli.verify.key", fingerprint=report.device_fingerprint, pinned=pinned),
            Message("cli.verify.made", made=moment(report.created_at)),
            Message("cli.verify.sha256", sha256=report.bundle_sha256, size=Size(report.bundle_size),
                    count=report.members),
        )]
    for r in report.records:
        version, language = Verbatim(r.version), r.language or "—"
        lines.append(text(
            Message("cli.verify.record_redacted", record=r.record_id, version=version,
                    language=language, count=r.attachments) if r.redacted
            else Message("cli.verify.record", record=r.record_id, version=version,
                         language=language, count=r.attachments)
        ))
        if r.id_binding == "not proven":
            lines.append(text(Message("cli.verify.record_id_not_proven")))
    reason = text(report.failure) if report.failure is not None else report.error
    for check in report.checks:
        mark = {"passed": "ok  ", "failed": "FAIL", "not run": "--  "}[check.status]
        detail = in_words(check.detail) if check.detail is not None else ""
        lines.append(f"  [{mark}] {in_words(check.name)}" + (f": {detail}" if detail else ""))
    lines.append(
        text(Message("cli.verify_passed")) if report.ok
        else text(Message("cli.verify_failed", reason=reason))
    )
    data = asdict(report)
    data.pop("failure", None)  # the English sentence is in "error", as it always was
    emit(args, data, "\n".join(lines))
    return EXIT_OK if report.ok else EXIT_DAMAGED


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    """Verify a bundle and import it into the organisation's vault, all or nothing."""
    from testimony_app.services import organisation

    session = open_session(args)
    try:
        try:
            report = organisation.import_bundle(
                session, Path(args.bundle), Path(args.identity), quarantine=args.quarantine
            )
        except organisation.DeviceNotRegistered as exc:
            write_line(text(Message("cli.import.register_hint", key=exc.public_key)))
            raise
    finally:
        session.lock()
    emit(args, import_data(report), "\n".join(import_lines(report)))
    return EXIT_OK


@command("receipt")
def cmd_receipt(args: argparse.Namespace) -> int:
    """Sign a receipt for an imported bundle, to hand back to the interviewer."""
    from testimony_app.services import organisation

    session = open_session(args)
    try:
        where = organisation.receipt(
            session,
            Path(args.bundle),
            Path(args.identity),
            Path(args.signing_key),
            Path(args.output),
        )
    finally:
        session.lock()
    emit(args, {"receipt": str(where)}, text(Message("cli.receipt_written", path=str(where))))
    return EXIT_OK


@command("acknowledge")
def cmd_acknowledge(args: argparse.Namespace) -> int:
    """Verify the organisation's receipt; say what became of each record; optionally purge."""
    session = open_session(args)
    try:
        report = session.bundles.acknowledge(Path(args.receipt))
        purge = None
        if args.purge and report.purgeable:
            question = Message("cli.acknowledge.purge_question", count=len(report.purgeable))
            if not confirm(args, question):
                raise UserFacingError("cli.nothing_deleted")
            purge = session.bundles.purge(list(report.purgeable))
    finally:
        session.lock()
    fates = list(report.records)
    if purge is not None:
        done = set(purge.purged)
        later = {f.record_id: f for f in purge.kept}
        fates = [
            _purged_fate(f) if f.record_id in done else later.get(f.record_id, f) for f in fates
        ]
    lines = [text(Message("cli.acknowledge.verified", bundle=report.bundle_id,
                          received=moment(report.received_at)))]
    copies = set(report.redacted_copies)
    lines += [text(Message("cli.acknowledge.acknowledged", record=rid, version=Verbatim(n)))
              for rid, n in report.acknowledged]
    lines += [text(Message("cli.acknowledge.already", record=rid, version=Verbatim(n)))
              for rid, n in report.already_acknowledged]
    lines += [text(Message("cli.acknowledge.redacted_copy", record=rid, version=Verbatim(n)))
              for rid, n in report.redacted_copies]
    lines += [text(Message("cli.acknowledge.not_acknowledged", record=rid, version=Verbatim(n)))
              for rid, n in report.not_acknowledged if (rid, n) not in copies]
    lines.append(text(Message("cli.acknowledge.fates")))
    lines += _fate_lines(fates)
    data: dict[str, Any] = asdict(report) | {"records": [asdict(f) for f in fates]}
    if purge is not None:
        lines += [text(Message("cli.acknowledge.kept_file", name=p.name))
                  for p in purge.kept_aside]
        data["purge"] = asdict(purge)
    elif report.purgeable:
        lines.append(text(Message("cli.acknowledge.purgeable", count=len(report.purgeable))))
    emit(args, data, "\n".join(lines))
    return EXIT_OK


def _fate_lines(fates: Any) -> list[str]:
    """What became of each record, in the command line's language."""
    states = {"purged": Message("cli.fate_purged"), "purgeable": Message("cli.fate_purgeable"),
              "kept": Message("cli.fate_kept")}
    lines = []
    for fate in fates:
        label = f" ({fate.label})" if fate.label else ""
        lines.append(text(Message("cli.fate", record=f"{fate.record_id}{label}",
                                  state=states[fate.state],
                                  reason=fate.why)))
        if fate.state == "kept" and fate.action is not None:
            lines.append(text(Message("cli.fate_action", action=fate.action)))
    return lines


def _purged_fate(fate: Any) -> Any:
    from testimony_app.services.bundles import RecordFate

    return RecordFate.of(fate.record_id, fate.label, fate.versions, "purged", "")


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    """Register the bundle sub-commands with the main parser."""

    def add(name: str, text: str, *parents: argparse.ArgumentParser) -> Any:
        return sub.add_parser(name, help=text, parents=list(parents))

    p = add("org-keygen", help_text("cli.help.org_keygen"), out)
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help=help_text("cli.help.org_keygen_output"))
    p = add("enrol", help_text("cli.help.enrol"), common, out)
    p.add_argument("--recipient", action="append", required=True, metavar="age1…",
                   help=help_text("cli.help.enrol_recipient"))
    p.add_argument("--org-key", required=True, metavar="ed25519:…",
                   help=help_text("cli.help.enrol_org_key"))
    p.add_argument("--name", default="", metavar="TEXT", help=help_text("cli.help.enrol_name"))
    p.add_argument("--yes", action="store_true", help=help_text("cli.help.fingerprint_confirmed"))
    p = add("export", help_text("cli.help.export"), common, out)
    p.add_argument("-o", "--output", required=True, metavar="OUT.age",
                   help=help_text("cli.help.export_output"))
    p.add_argument("--recipient", action="append", default=[], metavar="age1…",
                   help=help_text("cli.help.export_recipient"))
    p.add_argument("--review-file", action="append", default=[], metavar="ID=FILE",
                   help=help_text("cli.help.export_review_file"))
    p.add_argument("--keep-doubtful", action="store_true",
                   help=help_text("cli.help.keep_doubtful"))
    p.add_argument("ids", nargs="*", metavar="ID", help=help_text("cli.help.export_ids"))
    p = add("verify", help_text("cli.help.verify"), common, out)
    p.add_argument("bundle", metavar="BUNDLE", help=help_text("cli.help.bundle_file"))
    p.add_argument("--identity", required=True, metavar="FILE",
                   help=help_text("cli.help.identity"))
    p = add("import", help_text("cli.help.import"), common, out)
    p.add_argument("bundle", metavar="BUNDLE", help=help_text("cli.help.bundle_file"))
    p.add_argument("--identity", required=True, metavar="FILE",
                   help=help_text("cli.help.identity"))
    p.add_argument("--quarantine", action="store_true",
                   help=help_text("cli.help.import_quarantine"))
    p = add("receipt", help_text("cli.help.receipt"), common, out)
    p.add_argument("bundle", metavar="BUNDLE", help=help_text("cli.help.bundle_file"))
    p.add_argument("--identity", required=True, metavar="FILE",
                   help=help_text("cli.help.identity"))
    p.add_argument("--signing-key", required=True, metavar="FILE",
                   help=help_text("cli.help.signing_key"))
    p.add_argument("-o", "--output", required=True, metavar="RECEIPT",
                   help=help_text("cli.help.receipt_output"))
    p = add("acknowledge", help_text("cli.help.acknowledge"), common, out)
    p.add_argument("receipt", metavar="RECEIPT", help=help_text("cli.help.receipt_file"))
    p.add_argument("--purge", action="store_true", help=help_text("cli.help.purge"))
    p.add_argument("--yes", action="store_true", help=help_text("cli.help.purge_yes"))


EXTENSIONS.append(_add_parsers)
