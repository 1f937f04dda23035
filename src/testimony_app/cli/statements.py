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

What they print, and their ``--help``, is in the reader's language (the ``cli`` catalogue);
``--json`` prints the same data in every language.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app import words
from testimony_app.cli.common import (
    EXIT_DAMAGED,
    EXIT_OK,
    EXTENSIONS,
    command,
    emit,
    open_session,
    words_of,
)
from testimony_app.domain.redaction_review import DoubtfulUnreviewed
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Verbatim

if TYPE_CHECKING:  # imported where used, so that --help loads no service (see cli/__init__.py)
    from testimony_app.domain.redaction_review import Hit, ReviewChoices
    from testimony_app.services.statement_signing import SignatureCheck, StatementVerification
    from testimony_app.services.statements import RedactionReview

_MAX_REVIEW_FILE = 4 * 1024 * 1024


def _help(code: str) -> str:
    """A help text in the reader's language (the parser is built after the language is set)."""
    return words.text(Message(code))


def _said(value: object) -> str:
    """A finding of the layers below: a message in the reader's language, else as written."""
    return words.text(value) if isinstance(value, Message) else str(value)


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
    session = open_session(args)
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
        text += "\n" + words_of("cli.statement.signed_here",
                             fingerprint=data["device_fingerprint"])
        # The length as written (no grouping): it is what ``head -c`` takes to cut it off.
        text += "\n" + words_of("cli.statement.unsigned_bytes",
                             length=Verbatim(signed.unsigned_length),
                             sha256=signed.unsigned_sha256)
        if not signed.ok:
            out.unlink(missing_ok=True)
            raise UserFacingError("cli.signed_statement_not_verified")
    emit(args, data, text)
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
    marks = [
        words_of("cli.redaction.replaced") if hit.replaced
        else words_of("cli.redaction.kept_doubtful") if hit.doubtful
        else words_of("cli.redaction.kept")
        for hit in hits
    ]
    width = max(map(len, marks), default=0)
    lines = []
    for hit, mark in zip(hits, marks, strict=True):
        why = f" [{_doubt(hit.doubt)}]" if hit.doubt else ""
        lines.append(f"  {mark}{' ' * (width - len(mark))} {hit.where}:"
                     f" …{hit.before}«{hit.text}»{hit.after}…{why}")
    replaced = sum(1 for h in hits if h.replaced)
    doubtful = sum(1 for h in hits if h.doubtful and not h.replaced)
    lines.append(words.text(Message("cli.redactions_summary", replaced=replaced,
                                    doubtful=doubtful)))
    return "\n".join(lines)


_DOUBTS = {
    "common_word": Message("cli.redaction.doubt_common_word"),
    "other_person": Message("cli.redaction.doubt_other_person"),
    "spelling": Message("cli.redaction.doubt_spelling"),
    "day_month": Message("cli.redaction.doubt_day_month"),
    "bare_initials": Message("cli.redaction.doubt_bare_initials"),
}


def _doubt(code: str) -> str:
    """Why a hit is doubtful, in the reader's language (``--json`` gives the code)."""
    message = _DOUBTS.get(code)
    return words.text(message) if message is not None else code


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
    session = open_session(args)
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
    emit(args, data, _review_text(review))
    return EXIT_OK


def describe(report: StatementVerification) -> list[str]:
    """The report as lines a person reads (shared by ``verify-statement`` and ``pdf --sign``),
    in the reader's language; the marks ``[ok  ]``, ``[FAIL]``, ``[--  ]`` are the same in
    every language, for the eye and for ``grep``."""
    lines = [words_of("cli.statement_check.file", path=report.path),
             words_of("cli.statement_check.sha256", sha256=report.sha256, count=report.size)]
    if report.unsigned_length:
        lines.append(words_of("cli.statement_check.unsigned_bytes",
                           length=Verbatim(report.unsigned_length),
                           sha256=report.unsigned_sha256))
    for number, sig in enumerate(report.signatures, start=1):
        lines += _signature_lines(number, sig)
    lines += [words_of("cli.statement_check.problem", problem=_said(p)) for p in report.problems]
    lines.append(words_of("cli.statement_check.passed") if report.ok
                 else words_of("cli.statement_check.failed"))
    return lines


_MARK = {True: "  [ok  ] ", False: "  [FAIL] "}
_MORE = "         "


def _signature_lines(number: int, sig: SignatureCheck) -> list[str]:
    """One signature: who signed when, and each check with its mark."""
    from testimony_app.services import statement_signing as signing

    lines = [words_of("cli.statement_check.signature", number=Verbatim(number),
                   field=sig.field_name, when=_claimed(sig.signed_at_claimed))]
    sound = words_of("cli.statement_check.sound")
    lines.append(_MARK[sig.sound] + (f"{sound} ({sig.key})" if sig.key else sound))
    if sig.whole_file:
        lines.append(_MARK[True] + words_of("cli.statement_check.whole_file"))
    else:
        lines.append(_MARK[sig.later_changes_acceptable] + words_of(
            "cli.statement_check.revision", changes=_said(sig.later_changes)))
    if not sig.vouched:
        lines.append(_MARK[False] + words_of("cli.statement_check.not_vouched"))
    else:
        lines.append(_MARK[True] + words_of("cli.statement_check.vouched", device=sig.device_id))
        lines.append(_MORE + words_of("cli.statement_check.device_key",
                                   fingerprint=sig.device_fingerprint, key=sig.device_key))
        standing = {
            signing.REGISTERED: Message("cli.statement_check.registered"),
            signing.OWN_DEVICE: Message("cli.statement_check.own_device"),
            signing.NOT_REGISTERED: Message("cli.statement_check.not_registered"),
            signing.DIFFERENT_KEY: Message("cli.statement_check.different_key"),
            signing.REVOKED: Message("cli.statement_check.revoked"),
        }
        if sig.registration == signing.NOT_CHECKED:
            lines.append("  [--  ] " + words_of("cli.statement_check.not_checked"))
        else:
            ok = sig.registration in (signing.REGISTERED, signing.OWN_DEVICE)
            found = standing.get(sig.registration)
            lines.append(_MARK[ok] + (words.text(found) if found else sig.registration))
    lines.append(_MORE + words_of("cli.statement_check.certificate",
                               sha256=sig.certificate_sha256))
    return lines


def _claimed(stamp: str) -> words.Param:
    """The signing time the laptop's clock gave (UTC), as the reader writes dates."""
    try:
        return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return stamp or "—"


@command("verify-statement")
def cmd_verify_statement(args: argparse.Namespace) -> int:
    """Check a signed statement; exit 0 only if every check passed."""
    from testimony_app.services.statement_signing import verify_statement

    path = Path(args.file)
    if args.vault:
        session = open_session(args)
        try:
            report = session.statements.verify(path)
        finally:
            session.lock()
    else:
        report = verify_statement(path)
    emit(args, asdict(report), "\n".join(describe(report)))
    return EXIT_OK if report.ok else EXIT_DAMAGED


def _add_parsers(sub: Any, common: argparse.ArgumentParser,
                 out: argparse.ArgumentParser) -> None:
    record = _help("cli.help.record_id")
    version = _help("cli.help.version_number")
    language = _help("cli.help.statement_language")
    p = sub.add_parser("pdf", help=_help("cli.help.pdf"), parents=[common, out])
    p.add_argument("id", help=record)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help=_help("cli.help.pdf_output"))
    p.add_argument("--language", choices=["en", "az", "ru"], default="en", help=language)
    p.add_argument("--redacted", action="store_true", help=_help("cli.help.pdf_redacted"))
    p.add_argument("--review-file", metavar="FILE", help=_help("cli.help.pdf_review_file"))
    p.add_argument("--keep-doubtful", action="store_true",
                   help=_help("cli.help.pdf_keep_doubtful"))
    p.add_argument("--named", action="store_true", help=_help("cli.help.pdf_named"))
    p.add_argument("--reason", metavar="TEXT", help=_help("cli.help.pdf_reason"))
    p.add_argument("--version", type=int, default=None, help=version)
    p.add_argument("--sign", action="store_true", help=_help("cli.help.pdf_sign"))
    p.add_argument("--attestation", action="store_true", help=_help("cli.help.pdf_attestation"))
    p = sub.add_parser("redactions", help=_help("cli.help.redactions"), parents=[common, out])
    p.add_argument("id", help=record)
    p.add_argument("--version", type=int, default=None, help=version)
    p.add_argument("--language", choices=["en", "az", "ru"], default="en", help=language)
    p.add_argument("--review-file", metavar="FILE", help=_help("cli.help.redactions_review_file"))
    p = sub.add_parser("verify-statement", help=_help("cli.help.verify_statement"),
                       parents=[common, out])
    p.add_argument("file", metavar="FILE.pdf", help=_help("cli.help.verify_statement_file"))


EXTENSIONS.append(_add_parsers)
