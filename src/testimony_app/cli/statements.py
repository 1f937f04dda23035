"""Command-line sub-commands for statements: making them, their redaction, checking a signed one.

    pdf ID -o OUT.pdf [--language en|az|ru] [--version N] [--sign] [--attestation]
        [--redacted [--review-file FILE | --keep-doubtful]] [--named --reason TEXT]
    redactions ID [--version N] [--language en|az|ru] [--review-file FILE] [--json]
    verify-statement FILE [--vault DIR] [--json]     exit 0 only if every check passed

``pdf`` and ``redactions`` follow the same rules as the window, because both go through
:class:`testimony_app.services.statements.StatementService`:

* when the witness's name may not appear (they said no, or were not asked), ``pdf`` refuses
  the named statement unless ``--named --reason TEXT`` is given; the reason is stored with the
  version and chained into the audit log;
* a redacted statement applies the review stored with the version (the choices made in the
  window), or the one in ``--review-file`` (which is then stored); ``redactions`` lists what the
  redaction replaces and the doubtful words it keeps, and with ``--json`` prints each with the
  ``where``/``text``/``occurrence`` a review file names it by;
* when in doubt the interviewer decides: a redacted statement whose doubtful words nobody has
  reviewed (no stored review, no ``--review-file``) is refused, saying how many and how to see
  them, unless ``--keep-doubtful`` says they stay as written (stored as the decision);
* ``--sign`` signs a sealed statement with this laptop's key, and the file is checked as the
  organisation will check it before it is reported.

``verify-statement``: without ``--vault`` the signatures, their coverage and the device key's
attestation are checked, and the device's fingerprint is printed to compare with the one the
organisation knows. With ``--vault`` (the organisation's vault) the device must also be one the
vault has registered, with the same key.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app import words
from testimony_app.cli.common import _EXTENSIONS, EXIT_DAMAGED, EXIT_OK, _emit, _open, command
from testimony_app.domain.redaction_review import DoubtfulUnreviewed
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Verbatim

if TYPE_CHECKING:  # imported where used, so that --help loads no service (see cli/__init__.py)
    from testimony_app.domain.redaction_review import Hit, ReviewChoices
    from testimony_app.services.statement_signing import StatementVerification
    from testimony_app.services.statements import RedactionReview

_MAX_REVIEW_FILE = 4 * 1024 * 1024


def review_file(path: str | None) -> ReviewChoices | None:
    """The choices of ``--review-file`` (``None`` without one)."""
    if not path:
        return None
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(_MAX_REVIEW_FILE + 1)
    except OSError:
        raise UserFacingError("cli.review_file_unreadable") from None
    if len(raw) > _MAX_REVIEW_FILE:
        raise UserFacingError("cli.review_file_too_large")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserFacingError("cli.review_file_not_utf8") from None
    from testimony_app.domain.redaction_review import ReviewChoices

    return ReviewChoices.from_json(text)


def doubtful_refused(exc: DoubtfulUnreviewed) -> UserFacingError:
    """The command line's words for a redaction nobody reviewed: how many doubtful words, and
    the three ways on (see them, pass choices, or keep them as written)."""
    return UserFacingError("cli.doubtful_unreviewed", count=exc.count, record=exc.record)


@command("pdf")
def cmd_pdf(args: argparse.Namespace) -> int:
    """Write a testimony's statement as PDF (a draft prints with a DRAFT watermark)."""
    from testimony_app.services.statements import NamedStatementRefused

    out = Path(args.output)
    if not out.parent.is_dir():
        raise UserFacingError("cli.statement_folder_missing")
    if args.named and args.redacted:
        raise UserFacingError("cli.named_or_redacted")
    if args.named and not (args.reason or "").strip():
        raise UserFacingError("cli.named_needs_reason")
    if args.review_file and not args.redacted:
        raise UserFacingError("cli.review_file_needs_redacted_statement")
    if args.keep_doubtful and not args.redacted:
        raise UserFacingError("cli.keep_doubtful_needs_redacted")
    review = review_file(args.review_file)
    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        statements = session.statements
        if (not args.redacted and not args.named
                and not statements.name_may_appear(record_id, args.version)):
            raise NamedStatementRefused(
                "cli.name_not_agreed"
            )
        try:
            digest = statements.save(
                record_id, out, version=args.version, language=args.language,
                redacted=args.redacted, review=review,
                named_reason=args.reason if args.named else None, sign=args.sign,
                attestation=args.attestation, keep_doubtful=args.keep_doubtful,
            )
        except DoubtfulUnreviewed as exc:
            raise doubtful_refused(exc) from None
        kept = 0
        if args.redacted:
            kept = len(statements.review(record_id, version=args.version,
                                         language=args.language).doubtful_kept)
        # A signed file is checked as the organisation will check it, before it is reported.
        signed = statements.verify(out) if args.sign else None
    finally:
        session.lock()
    if kept:
        said = Message("cli.doubtful_kept", count=kept, record=record_id[:8])
        sys.stderr.write(words.text(said) + "\n")
    data: dict[str, Any] = {"id": record_id, "pdf": str(out), "sha256": digest,
                            "doubtful_kept": kept}
    text = words.text(Message("cli.statement_written", path=str(out), sha256=digest))
    if signed is not None:
        data |= {"signed": signed.ok, "unsigned_length": signed.unsigned_length,
                 "unsigned_sha256": signed.unsigned_sha256,
                 "device_fingerprint": signed.signatures[-1].device_fingerprint}
        text += (f"\nSigned by this laptop (device key {data['device_fingerprint']})."
                 f"\nThe unsigned statement is its first {signed.unsigned_length} bytes,"
                 f" SHA-256 {signed.unsigned_sha256}")
        if not signed.ok:
            out.unlink(missing_ok=True)
            raise UserFacingError("cli.signed_statement_not_verified")
    _emit(args, data, text)
    return EXIT_OK


def hit_data(hit: Hit) -> dict[str, Any]:
    """A hit as ``--json`` prints it: ``where``/``text``/``occurrence`` name it in a review
    file."""
    return {
        "where": hit.where, "text": hit.text, "occurrence": hit.occurrence, "kind": hit.kind,
        "doubtful": hit.doubt or None, "replaced": hit.replaced, "by_choice": hit.chosen,
        "replacement": hit.replacement, "before": hit.before, "after": hit.after,
    }


def hits_text(hits: tuple[Hit, ...] | list[Hit]) -> str:
    """One line a hit: replaced or kept, where, and the word in its context."""
    lines = []
    for hit in hits:
        mark = "replaced" if hit.replaced else "KEPT (doubtful)" if hit.doubtful else "kept"
        why = f" [{hit.doubt}]" if hit.doubt else ""
        lines.append(f"  {mark:<16} {hit.where}: …{hit.before}«{hit.text}»{hit.after}…{why}")
    replaced = sum(1 for h in hits if h.replaced)
    doubtful = sum(1 for h in hits if h.doubtful and not h.replaced)
    lines.append(words.text(Message("cli.redactions_summary", replaced=replaced,
                                    doubtful=doubtful)))
    return "\n".join(lines)


def _review_text(review: RedactionReview) -> str:
    record, version = review.record_id[:8], Verbatim(review.version)
    head = words.text(
        Message("cli.redactions_stored_review", record=record, version=version)
        if review.stored else
        Message("cli.redactions_review_file", record=record, version=version))
    return head + "\n" + hits_text(review.hits)


@command("redactions")
def cmd_redactions(args: argparse.Namespace) -> int:
    """List what the redacted statement replaces, and the doubtful words it keeps."""
    choices = review_file(args.review_file)
    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        review = session.statements.review(record_id, version=args.version,
                                           language=args.language, choices=choices)
    finally:
        session.lock()
    data = {
        "id": record_id, "version": review.version, "stored_review": review.stored,
        "choices": review.choices.to_dict(), "hits": [hit_data(h) for h in review.hits],
    }
    _emit(args, data, _review_text(review))
    return EXIT_OK


def describe(report: StatementVerification) -> list[str]:
    """The report as lines a person reads (shared by ``verify-statement`` and ``pdf --sign``)."""
    from testimony_app.services.statement_signing import NOT_CHECKED

    lines = [f"Statement {report.path}", f"SHA-256:  {report.sha256}  ({report.size} bytes)"]
    if report.unsigned_length:
        lines.append(
            f"Unsigned statement: its first {report.unsigned_length} bytes,"
            f" SHA-256 {report.unsigned_sha256}"
        )
    for number, sig in enumerate(report.signatures, start=1):
        lines.append(f"Signature {number} ({sig.field_name}), signed {sig.signed_at_claimed}"
                     " by the laptop's clock")
        mark = {True: "ok  ", False: "FAIL"}
        lines.append(f"  [{mark[sig.sound]}] the signature matches the bytes it covers"
                     + (f" ({sig.key})" if sig.key else ""))
        if sig.whole_file:
            lines.append("  [ok  ] it covers the whole file")
        else:
            lines.append(f"  [{mark[sig.later_changes_acceptable]}] it covers its revision;"
                         f" later: {sig.later_changes}")
        if sig.vouched:
            lines.append(f"  [ok  ] vouched for by device {sig.device_id}")
            lines.append(f"         device key {sig.device_fingerprint} ({sig.device_key})")
            if sig.registration == NOT_CHECKED:
                lines.append("  [--  ] not checked against a vault: compare the fingerprint"
                             " with the device's (or give --vault)")
            else:
                ok = sig.registration in ("registered", "this vault's own device")
                lines.append(f"  [{mark[ok]}] device {sig.registration} in this vault")
        else:
            lines.append("  [FAIL] not vouched for by a Testimony device key")
        lines.append(f"         certificate SHA-256 {sig.certificate_sha256}")
    lines += [f"Problem: {p}" for p in report.problems]
    lines.append("All checks passed." if report.ok else "Verification failed.")
    return lines


@command("verify-statement")
def cmd_verify_statement(args: argparse.Namespace) -> int:
    """Check a signed statement; exit 0 only if every check passed."""
    from testimony_app.services.statement_signing import verify_statement

    path = Path(args.file)
    if args.vault:
        session = _open(args)
        try:
            report = session.statements.verify(path)
        finally:
            session.lock()
    else:
        report = verify_statement(path)
    _emit(args, asdict(report), "\n".join(describe(report)))
    return EXIT_OK if report.ok else EXIT_DAMAGED


def _add_parsers(sub: Any, common: argparse.ArgumentParser,
                 out: argparse.ArgumentParser) -> None:
    p = sub.add_parser("pdf", help="write a testimony's statement as PDF",
                       parents=[common, out])
    p.add_argument("id")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--language", choices=["en", "az", "ru"], default="en")
    p.add_argument("--redacted", action="store_true",
                   help="replace the witness's name and marked names (for sharing)")
    p.add_argument("--review-file", metavar="FILE",
                   help="redaction choices to apply and store (see 'redactions --json')")
    p.add_argument("--keep-doubtful", action="store_true",
                   help="without a review: keep the doubtful words as written (recorded)")
    p.add_argument("--named", action="store_true",
                   help="print the name although the witness's consent does not allow it")
    p.add_argument("--reason", metavar="TEXT", help="why the named statement is needed")
    p.add_argument("--version", type=int, default=None)
    p.add_argument("--sign", action="store_true",
                   help="sign with this laptop's key (sealed versions only; see verify-statement)")
    p.add_argument("--attestation", action="store_true",
                   help="add a block for an authorised person who witnesses the signature")
    p = sub.add_parser("redactions", help="list what the redacted statement replaces",
                       parents=[common, out])
    p.add_argument("id")
    p.add_argument("--version", type=int, default=None)
    p.add_argument("--language", choices=["en", "az", "ru"], default="en")
    p.add_argument("--review-file", metavar="FILE", help="apply these choices instead")
    p = sub.add_parser(
        "verify-statement",
        help="check a signed statement (exit 0 only if every check passed)",
        parents=[common, out],
    )
    p.add_argument("file", metavar="FILE.pdf")


_EXTENSIONS.append(_add_parsers)
