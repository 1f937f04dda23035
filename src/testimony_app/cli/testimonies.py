"""Commands on testimonies: add, list, show, search, seal, amend, attach.

What they print, and their ``--help``, is in the reader's language (the ``cli`` catalogue, the
words of the window's statuses); ``--json`` prints the same data in every language, statuses as
their codes (``draft``, ``sealed``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app import words
from testimony_app.cli.common import (
    EXIT_OK,
    EXTENSIONS,
    backed_up,
    command,
    emit,
    open_session,
    words_of,
)
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Verbatim

if TYPE_CHECKING:
    from testimony_app.domain.model import Testimony

# The services (and through them SQLCipher, ReportLab, the age code) are imported inside the
# commands that use them, so that --help and --version load none of them
# (tests/cli/test_cli_startup.py).


# -- words -------------------------------------------------------------------------------


def _help(code: str) -> str:
    """A help text in the reader's language (the parser is built after the language is set)."""
    return words.text(Message(code))


_STATUS = {
    "draft": Message("cli.status.draft"),
    "sealed": Message("cli.status.sealed"),
    "amended": Message("cli.status.amended"),
    "exported": Message("cli.status.exported"),
    "acknowledged": Message("cli.status.acknowledged"),
    "handed_over": Message("cli.status.handed_over"),
}


def status_word(status: str) -> str:
    """A testimony's status as the window names it, in the reader's language."""
    message = _STATUS.get(status)
    return words.text(message) if message is not None else status


def _padded(text: str, width: int) -> str:
    return text + " " * max(0, width - len(text))


# -- commands ----------------------------------------------------------------------------


def _load_document(path: str) -> Testimony:
    from testimony_app.domain import interchange

    try:
        raw = Path(path).read_bytes()
    except OSError:
        raise UserFacingError("cli.testimony_file_unreadable") from None
    return interchange.loads(raw)


@command("add")
def cmd_add(args: argparse.Namespace) -> int:
    """Add a testimony from an interchange JSON file; print its id."""
    testimony = _load_document(args.file)
    session = open_session(args)
    try:
        record_id = session.testimonies.create(testimony)
    finally:
        session.lock()
    emit(args, {"id": record_id}, record_id)
    return EXIT_OK


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    """List testimonies (witnesses by pseudonym or initials)."""
    session = open_session(args)
    try:
        rows = session.testimonies.list()
    finally:
        session.lock()
    statuses = [status_word(r.status.value) for r in rows]
    width = max(map(len, statuses), default=0)
    lines = [
        f"{r.id[:8]}  {_padded(status, width)} v{r.version}  {r.interview_date or '—':<10}  "
        f"{r.language or '—':<3} {r.witness_label:<14} {r.place}"
        for r, status in zip(rows, statuses, strict=True)
    ]
    data = [
        {k: v for k, v in r._asdict().items() if k != "witness_name"}
        | {"status": r.status.value, "methods": list(r.methods)}
        for r in rows
    ]
    emit(args, data, "\n".join(lines) if lines else words_of("cli.testimonies.none"))
    return EXIT_OK


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    """Show one testimony (``--json``: the interchange document)."""
    from testimony_app.domain import interchange

    session = open_session(args)
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
    """A testimony as a person reads it: the labels in the reader's language, aligned."""
    lang = words.current_language()
    interview = ", ".join(
        part for part in (words.formats.partial_date(t.interview.date, lang), t.interview.place)
        if part
    )
    if t.interview.language:
        interview += f" ({t.interview.language})"
    fields = [
        (words_of("cli.testimony.title"), t.title),
        (words_of("cli.testimony.witness"), t.witness.display_name()),
        (words_of("cli.testimony.interview"), interview),
        (words_of("cli.testimony.interviewer"), t.interview.interviewer),
        (words_of("cli.testimony.consent"), words_of(
            "cli.testimony.consent_answers", legal=_answer(t.consent.legal_proceedings),
            named=_answer(t.consent.name_may_appear))),
        (words_of("cli.testimony.contents"), words_of(
            "cli.testimony.contents_counts", detentions=len(t.detentions), acts=len(t.acts),
            attachments=len(t.attachments))),
    ]
    width = max(len(label) for label, _ in fields) + 1
    lines = [words_of("cli.testimony.head", id=t.id, status=status_word(status),
                   version=Verbatim(version))]
    lines += [f"{_padded(label, width)}{value}" for label, value in fields]
    lines.append("")
    lines += [f"{i}. {p}" for i, p in enumerate(t.narrative.paragraphs, 1)]
    return "\n".join(lines)


def _answer(value: bool | None) -> Message:
    """A consent answer: yes, no, or not asked."""
    if value is None:
        return Message("cli.answer.not_asked")
    return Message("cli.answer.yes") if value else Message("cli.answer.no")


@command("search")
def cmd_search(args: argparse.Namespace) -> int:
    """Search every testimony."""
    session = open_session(args)
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
    emit(args, data, "\n".join(lines) if lines else words_of("cli.search.nothing_found"))
    if hidden:
        # High-risk mode: what only the organisation holds cannot be searched here.
        print(words.text(words.Message("cli.search.handed_over", count=hidden)), file=sys.stderr)
    return EXIT_OK


@command("seal")
def cmd_seal(args: argparse.Namespace) -> int:
    """Seal the current draft."""
    session = open_session(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        version = session.testimonies.seal(record_id)
        status = backed_up(session)
    finally:
        session.lock()
    emit(
        args,
        {"id": record_id} | asdict(version),
        words_of("cli.testimony.sealed", version=Verbatim(version.number), record=record_id,
              sha256=version.content_sha256),
    )
    return status


@command("amend")
def cmd_amend(args: argparse.Namespace) -> int:
    """Seal a corrected version with a reason."""
    testimony = _load_document(args.file)
    session = open_session(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        version = session.testimonies.amend(record_id, testimony, args.reason)
        status = backed_up(session)
    finally:
        session.lock()
    emit(
        args,
        {"id": record_id} | asdict(version),
        words_of("cli.testimony.amended", version=Verbatim(version.number), record=record_id),
    )
    return status


@command("attach")
def cmd_attach(args: argparse.Namespace) -> int:
    """Store a file in the vault as an attachment of a testimony."""
    session = open_session(args)
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
    emit(args, asdict(info), words_of("cli.attachment_stored", id=info.id, count=info.size,
                                    sha256=info.sha256))
    return EXIT_OK


# -- parsing -----------------------------------------------------------------------------


def _hit_count(text: str) -> int:
    """``--limit``: a whole number from 1 to 10,000 (argparse prints the sentence)."""
    if not text.isdigit() or len(text) > 6 or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(words_of("cli.limit_invalid", most=10_000))
    return int(text)


def _add_parsers(
    sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser
) -> None:
    """The sub-parsers of this group (called by :func:`testimony_app.cli.build_parser`)."""

    def add(
        name: str, help_text: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(
            name, help=help_text, parents=[common, *parents]
        )
        return parser

    record = _help("cli.help.record_id")
    p = add("add", _help("cli.help.add"), out)
    p.add_argument("file", help=_help("cli.help.add_file"))
    add("list", _help("cli.help.list"), out)
    p = add("show", _help("cli.help.show"), out)
    p.add_argument("id", help=record)
    p.add_argument("--version", type=int, default=None, help=_help("cli.help.version_number"))
    p = add("search", _help("cli.help.search"), out)
    p.add_argument("query", help=_help("cli.help.search_query"))
    p.add_argument("--limit", type=_hit_count, default=50, help=_help("cli.help.search_limit"))
    p = add("seal", _help("cli.help.seal"), out)
    p.add_argument("id", help=record)
    p = add("amend", _help("cli.help.amend"), out)
    p.add_argument("id", help=record)
    p.add_argument("file", help=_help("cli.help.amend_file"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=_help("cli.help.amend_reason"))
    p = add("attach", _help("cli.help.attach"), out)
    p.add_argument("id", help=record)
    p.add_argument("file", help=_help("cli.help.attach_file"))
    p.add_argument("--description", default="", metavar="TEXT",
                   help=_help("cli.help.attach_description"))
    p.add_argument(
        "--delete-original",
        action="store_true",
        help=_help("cli.help.attach_delete_original"),
    )


EXTENSIONS.append(_add_parsers)
