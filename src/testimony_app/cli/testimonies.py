"""Commands on testimonies: add, list, show, search, seal, amend, attach."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app import words
from testimony_app.cli.common import (
    _EXTENSIONS,
    EXIT_OK,
    _backed_up,
    _emit,
    _open,
    command,
)
from testimony_app.errors import UserFacingError

if TYPE_CHECKING:
    from testimony_app.domain.model import Testimony

# The services (and through them SQLCipher, ReportLab, the age code) are imported inside the
# commands that use them, so that --help and --version load none of them
# (tests/cli/test_cli_startup.py).


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
        status = _backed_up(session)
    finally:
        session.lock()
    _emit(
        args,
        {"id": record_id} | asdict(version),
        f"Sealed version {version.number} of {record_id}\nSHA-256 {version.content_sha256}",
    )
    return status


@command("amend")
def cmd_amend(args: argparse.Namespace) -> int:
    """Seal a corrected version with a reason."""
    testimony = _load_document(args.file)
    session = _open(args)
    try:
        record_id = session.testimonies.resolve(args.id)
        version = session.testimonies.amend(record_id, testimony, args.reason)
        status = _backed_up(session)
    finally:
        session.lock()
    _emit(
        args,
        {"id": record_id} | asdict(version),
        f"Sealed amendment, version {version.number} of {record_id}",
    )
    return status


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


# -- parsing -----------------------------------------------------------------------------


def _hit_count(text: str) -> int:
    """``--limit``: a whole number from 1 to 10,000 (argparse prints the sentence)."""
    if not text.isdigit() or len(text) > 6 or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError("give a whole number from 1 to 10000")
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

    p = add("add", "add a testimony from a JSON file", out)
    p.add_argument("file")
    add("list", "list testimonies", out)
    p = add("show", "show a testimony", out)
    p.add_argument("id")
    p.add_argument("--version", type=int, default=None, help="a version number (default: latest)")
    p = add("search", "search testimonies", out)
    p.add_argument("query")
    p.add_argument("--limit", type=_hit_count, default=50, help="at most this many hits")
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


_EXTENSIONS.append(_add_parsers)
