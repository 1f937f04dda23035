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
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app.cli.common import (
    _EXTENSIONS,
    EXIT_DAMAGED,
    EXIT_OK,
    _emit,
    _open,
    command,
)
from testimony_app.cli.statements import doubtful_refused, review_file
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, text

if TYPE_CHECKING:
    from testimony_app.services.acknowledge import Withheld

# The services are imported inside each command, so that building the parser (--help) loads
# none of them (see cli/__init__.py).


def _say(text: str) -> None:
    """One line on stdout (the command line's output, like ``print``)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _confirm(args: argparse.Namespace, question: str) -> bool:
    """``--yes``, or an explicit "y" typed at a terminal; scripts must say ``--yes``."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserFacingError("cli.confirm_with_yes")
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes")


@command("org-keygen")
def cmd_org_keygen(args: argparse.Namespace) -> int:
    """Make the organisation's age identity and receipt-signing key."""
    from testimony_app.services import organisation

    result = organisation.org_keygen(Path(args.output))
    identity, signing = result.paths
    _emit(
        args,
        {
            "recipient": result.recipient,
            "receipt_key": result.signing_public_key,
            "fingerprint": result.fingerprint,
            "identity_file": str(identity),
            "signing_key_file": str(signing),
        },
        "\n".join(
            [
                f"Recipient (give to every interviewer): {result.recipient}",
                f"Receipt key (give to every interviewer): {result.signing_public_key}",
                f"Fingerprint (read it aloud when they enrol): {result.fingerprint}",
                f"Secret identity: {identity}",
                f"Secret receipt-signing key: {signing}",
                "Keep both secret files safe and backed up: without the identity no bundle"
                " sent to it can ever be opened.",
            ]
        ),
    )
    return EXIT_OK


@command("enrol")
def cmd_enrol(args: argparse.Namespace) -> int:
    """Pin the organisation's recipients and receipt key after comparing the fingerprint."""
    session = _open(args)
    try:
        service = session.bundles
        fingerprint = service.enrolment_fingerprint(args.recipient, args.org_key)
        if not args.json:
            _say(f"Organisation: {args.name or '(no name given)'}")
            for recipient in args.recipient:
                _say(f"Recipient:    {recipient}")
            _say(f"Receipt key:  {args.org_key}")
            _say(f"Fingerprint:  {fingerprint}")
        confirmed = _confirm(args, "Does the organisation read out the same fingerprint?")
        if not confirmed:
            raise UserFacingError(
                "cli.enrol_not_confirmed"
            )
        enrolment = service.enrol(args.recipient, args.org_key, args.name, confirmed=True)
        device_fingerprint = service.device_fingerprint()
        device_key = service.device_public_key()
    finally:
        session.lock()
    _emit(
        args,
        asdict(enrolment)
        | {"device_fingerprint": device_fingerprint, "device_public_key": device_key},
        "\n".join(
            [
                "Enrolled. Now read this laptop's fingerprint to the organisation:"
                f" {device_fingerprint}",
                f"and give it this laptop's device key: {device_key}",
                "It must register this laptop before it accepts your bundles"
                " (testimony-app devices add …).",
            ]
        ),
    )
    return EXIT_OK


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    """Write a bundle of sealed testimonies for the enrolled organisation."""
    from testimony_app.cli.handover import outbox_lines, send_outbox_with_export
    from testimony_app.domain.redaction_review import DoubtfulUnreviewed
    from testimony_app.services.bundles import NothingToExport

    out = Path(args.output)
    given = [_review_argument(a) for a in args.review_file]
    session = _open(args)
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
            _emit(args, {"outbox": [str(s.path) for s in sent]}, "\n".join(outbox_lines(sent)))
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
    _emit(args, data, "\n".join(lines))
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
        _emit(args, {"exported": [], "withheld": [_withheld_data(w) for w in withheld]}, "")
        return
    for w in withheld:
        _say(_withheld_line(w))


@command("verify")
def cmd_verify(args: argparse.Namespace) -> int:
    """Check a bundle with the organisation's identity; exit 0 only if every check passed."""
    from testimony_app.services import organisation

    if args.vault:
        session = _open(args)
        try:
            report = session.bundles.organisation.verify(Path(args.bundle), Path(args.identity))
        finally:
            session.lock()
    else:
        report = organisation.verify(Path(args.bundle), Path(args.identity))
    lines = [f"Bundle {report.bundle_id or '(unreadable)'}"]
    if report.device_id:
        pinned = {
            "registered": f"registered here as {report.device_name}",
            "not registered": "NOT registered in this vault",
            "unconfirmed": "pinned by an older version and NOT confirmed",
            "revoked": "REVOKED in this vault",
            "different key": "NOT the key this device id sent its bundles with",
        }.get(report.pin_status, "not checked: compare the fingerprint with the interviewer's")
        lines += [
            f"Device:   {report.device_id}",
            f"Key:      {report.device_fingerprint} ({pinned})",
            f"Made:     {report.created_at}",
            f"SHA-256:  {report.bundle_sha256}  ({report.bundle_size} bytes, {report.members}"
            " members)",
        ]
    for r in report.records:
        form = "redacted" if r.redacted else "complete"
        lines.append(
            f"  record {r.record_id} v{r.version}  {form}  {r.language or '—'}"
            f"  {r.attachments} attachment(s)"
        )
    reason = text(report.failure) if report.failure is not None else report.error
    for check in report.checks:
        mark = {"passed": "ok  ", "failed": "FAIL", "not run": "--  "}[check.status]
        detail = reason if check.status == "failed" and report.failure else check.detail
        lines.append(f"  [{mark}] {check.name}" + (f": {detail}" if detail else ""))
    lines.append(
        text(Message("cli.verify_passed")) if report.ok
        else text(Message("cli.verify_failed", reason=reason))
    )
    data = asdict(report)
    data.pop("failure", None)  # the English sentence is in "error", as it always was
    _emit(args, data, "\n".join(lines))
    return EXIT_OK if report.ok else EXIT_DAMAGED


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    """Verify a bundle and import it into the organisation's vault, all or nothing."""
    from testimony_app.services import organisation

    session = _open(args)
    try:
        try:
            report = organisation.import_bundle(
                session, Path(args.bundle), Path(args.identity), quarantine=args.quarantine
            )
        except organisation.DeviceNotRegistered as exc:
            _say(
                "Compare the fingerprint with the interviewer, then register the device"
                f" (testimony-app devices add {exc.public_key} --name …), or keep the bundle"
                " aside with --quarantine."
            )
            raise
    finally:
        session.lock()
    _emit(args, _import_data(report), "\n".join(_import_lines(report)))
    return EXIT_OK


def _import_data(report: Any) -> dict[str, Any]:
    return asdict(report) | {"versions": [asdict(v) for v in report.versions]}


def _import_lines(report: Any) -> list[str]:
    """What an import did, in lines for the terminal (also used for the quarantine)."""
    if report.quarantined is not None:
        row = report.quarantined
        return [
            f"Kept aside in the quarantine (number {row.id}), not imported: bundle"
            f" {row.bundle_id}, {row.records} record(s), from a device with fingerprint"
            f" {row.fingerprint}.",
            f"Its key: {row.public_key}",
            "Compare the fingerprint with the interviewer; register the device"
            " (testimony-app devices add KEY --name …), then testimony-app quarantine import"
            f" {row.id}, or discard it (testimony-app quarantine discard {row.id}).",
        ]
    lines = [
        f"Bundle {report.bundle_id} from device {report.device_id} ({report.device_fingerprint})",
    ]
    for v in report.versions:
        form = " (redacted copy)" if v.redacted else ""
        kept = f": {v.kept}" if v.kept else ""
        lines.append(f"  {v.outcome:<10} {v.record_id} v{v.version}{form}{kept}")
    lines.append(
        f"Attachments: {report.attachments_added} added,"
        f" {report.attachments_already_held} already held."
    )
    lines += [f"Note: {w}" for w in report.warnings]
    if report.kept_aside:
        lines.append(
            f"{len(report.kept_aside)} version(s) were kept aside, not current; nothing was"
            " overwritten (testimony-app devices, and the organisation's guide, section 6)."
        )
    lines.append(
        "Imported." if report.changed else "Nothing changed: everything in it was already held."
    )
    return lines


@command("receipt")
def cmd_receipt(args: argparse.Namespace) -> int:
    """Sign a receipt for an imported bundle, to hand back to the interviewer."""
    from testimony_app.services import organisation

    session = _open(args)
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
    _emit(args, {"receipt": str(where)}, f"Receipt written: {where}")
    return EXIT_OK


@command("acknowledge")
def cmd_acknowledge(args: argparse.Namespace) -> int:
    """Verify the organisation's receipt; say what became of each record; optionally purge."""
    session = _open(args)
    try:
        report = session.bundles.acknowledge(Path(args.receipt))
        purge = None
        if args.purge and report.purgeable:
            question = (
                f"Delete the content of {len(report.purgeable)} acknowledged testimony(ies)"
                " from this laptop, keeping only ids and hashes?"
            )
            if not _confirm(args, question):
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
    lines = [f"Receipt for bundle {report.bundle_id} verified (received {report.received_at})."]
    lines += [f"  acknowledged {rid} v{n}" for rid, n in report.acknowledged]
    lines += [f"  already acknowledged {rid} v{n}" for rid, n in report.already_acknowledged]
    lines += [f"  held only as a redacted copy {rid} v{n}" for rid, n in report.redacted_copies]
    copies = set(report.redacted_copies)
    lines += [
        f"  NOT acknowledged {rid} v{n}"
        for rid, n in report.not_acknowledged
        if (rid, n) not in copies
    ]
    lines.append("What became of each record:")
    lines += _fate_lines(fates)
    data: dict[str, Any] = asdict(report) | {"records": [asdict(f) for f in fates]}
    if purge is not None:
        lines += [
            f"  kept {p.name}: a database a restore set aside, holding testimony the vault"
            " lacks"
            for p in purge.kept_aside
        ]
        data["purge"] = asdict(purge)
    elif report.purgeable:
        lines.append(
            f"{len(report.purgeable)} testimony(ies) can now be deleted from this laptop"
            " (acknowledge --purge)."
        )
    _emit(args, data, "\n".join(lines))
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

    def add(name: str, help_text: str, *parents: argparse.ArgumentParser) -> Any:
        return sub.add_parser(name, help=help_text, parents=list(parents))

    p = add("org-keygen", "make the organisation's keys (age identity, receipt key)", out)
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p = add("enrol", "pin the organisation's keys in this vault", common, out)
    p.add_argument("--recipient", action="append", required=True, metavar="age1…")
    p.add_argument("--org-key", required=True, metavar="ed25519:…")
    p.add_argument("--name", default="", metavar="TEXT")
    p.add_argument("--yes", action="store_true", help="the fingerprint was confirmed")
    p = add("export", "write a bundle for the organisation", common, out)
    p.add_argument("-o", "--output", required=True, metavar="OUT.age")
    p.add_argument("--recipient", action="append", default=[], metavar="age1…")
    p.add_argument("--review-file", action="append", default=[], metavar="ID=FILE",
                   help="redaction choices for a record that goes redacted (stored)")
    p.add_argument("--keep-doubtful", action="store_true",
                   help="without a review: keep the doubtful words as written (recorded)")
    p.add_argument("ids", nargs="*", metavar="ID")
    p = add("verify", "check a bundle (exit 0 only if every check passed)", common, out)
    p.add_argument("bundle", metavar="BUNDLE")
    p.add_argument("--identity", required=True, metavar="FILE")
    p = add("import", "import a bundle into the organisation's vault", common, out)
    p.add_argument("bundle", metavar="BUNDLE")
    p.add_argument("--identity", required=True, metavar="FILE")
    p.add_argument(
        "--quarantine",
        action="store_true",
        help="keep a bundle from an unregistered device aside, unmerged, for a person to decide",
    )
    p = add("receipt", "sign a receipt for an imported bundle", common, out)
    p.add_argument("bundle", metavar="BUNDLE")
    p.add_argument("--identity", required=True, metavar="FILE")
    p.add_argument("--signing-key", required=True, metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="RECEIPT")
    p = add("acknowledge", "verify the organisation's receipt", common, out)
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument(
        "--purge", action="store_true", help="delete the acknowledged content from this laptop"
    )
    p.add_argument("--yes", action="store_true", help="do not ask before deleting")


_EXTENSIONS.append(_add_parsers)
