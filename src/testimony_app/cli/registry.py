"""Command-line sub-commands for the registry and corroboration.

    registry list [--kind person|place|unit]
    registry show ENTRY
    registry suggest RECORD                 mentions of a record and the entries they may be
    registry link RECORD PATH (ENTRY | --new) [--suggested]
    registry confirm|reject|unlink LINK
    registry merge SOURCE TARGET            a person decided they are one; undoable
    registry undo-merge MERGE
    corroborate ENTRY [--from DATE] [--to DATE] [--place TEXT] [--json]
                [--pdf OUT.pdf [--redacted [--review-file FILE | --keep-doubtful]]
                 [--language en|az|ru]]
                [--redactions]            what the redacted report hides, and doubtful words

Thin over :class:`testimony_app.services.registry.RegistryService`. As everywhere in the CLI, a
user error is one sentence on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from testimony_app.cli.common import EXIT_OK, EXTENSIONS, command, emit, help_text, open_session
from testimony_app.cli.statements import hit_data, hits_text, review_file
from testimony_app.domain.redaction_review import DoubtfulUnreviewed
from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Verbatim, text

if TYPE_CHECKING:  # imported where used, so that --help loads no matching code (cli/__init__.py)
    from testimony_app.domain.matching import MentionSuggestions


# The registry's own words for its kinds and a link's states (the data keeps the English
# keys, and so does --json).
_KINDS = {"person": Message("cli.registry.kind_person"),
          "place": Message("cli.registry.kind_place"),
          "unit": Message("cli.registry.kind_unit")}
_STATUSES = {"suggested": Message("cli.registry.status_suggested"),
             "confirmed": Message("cli.registry.status_confirmed"),
             "rejected": Message("cli.registry.status_rejected")}


def _kind(kind: str) -> str:
    found = _KINDS.get(kind)
    return text(found) if found is not None else kind


def _status(status: str) -> Message | str:
    return _STATUSES.get(status, status)


def _link_line(link: Any) -> str:
    return text(Message("cli.registry.link_line", link=Verbatim(link.id),
                        status=_status(link.status), record=link.record_id[:8],
                        version=Verbatim(link.version), path=link.mention_path,
                        mention=link.mention.text or link.mention.rank))


def _suggestions_data(item: MentionSuggestions) -> dict[str, Any]:
    """A mention's suggestions as JSON: ``reasons`` stays the list of English sentences it
    always was; ``factors`` adds the stable codes (and values) behind them, for scripts."""
    data = asdict(item)
    data["suggestions"] = [
        {"entry_id": s.entry_id, "score": s.score, "reasons": list(s.reasons),
         "factors": [{"code": r.code, "value": r.value} for r in s.factors]}
        for s in item.suggestions
    ]
    return data


def _check_period(date_from: str, date_to: str) -> None:
    from testimony_app.domain.matching import date_filter_problems

    problems = date_filter_problems(date_from, date_to)
    if "from_invalid" in problems or "to_invalid" in problems:
        raise UserFacingError(
            "cli.period_format"
        )
    if problems:
        raise UserFacingError("cli.period_reversed")


def _merge_line(merge: Any) -> str:
    number, source, target = Verbatim(merge.id), merge.source_id[:8], merge.target_id[:8]
    if merge.undone_at:
        return text(Message("cli.registry.merge_undone", merge=number, source=source,
                            target=target))
    return text(Message("cli.registry.merge_line", merge=number, source=source, target=target))


@command("registry")
def cmd_registry(args: argparse.Namespace) -> int:
    """List, show, suggest, link, confirm, reject, unlink, merge and unmerge entries."""
    session = open_session(args)
    try:
        reg = session.registry
        action = args.registry_command
        if action == "list":
            entries = reg.list_entries(args.kind)
            emit(args, [asdict(e) for e in entries], "\n".join(
                f"{e.id[:8]}  {_kind(e.kind):6}  {e.display_name}"
                + (f"  ({e.rank})" if e.rank else "") for e in entries
            ) or text(Message("cli.registry.empty")))
        elif action == "show":
            detail = reg.show(args.entry)
            e = detail.entry
            lines = [f"{e.id}  {_kind(e.kind)}  {e.display_name}",
                     text(Message("cli.registry.rank_unit", rank=e.rank, unit=e.unit))]
            lines += [_link_line(link) for link in detail.links]
            lines += [_merge_line(m) for m in detail.merges]
            emit(args, asdict(detail), "\n".join(lines))
        elif action == "suggest":
            found = reg.suggestions(args.record)
            lines = []
            for item in found:
                m = item.mention
                lines.append(f"{m.path} ({_kind(m.kind)}): {m.text or m.rank or m.unit}")
                lines += [_link_line(link) for link in item.links]
                lines += [f"  → {s.entry_id[:8]} {s.score:.2f} "
                          f"({', '.join(text(r.message) for r in s.factors)})"
                          for s in item.suggestions]
            emit(args, [_suggestions_data(i) for i in found],
                  "\n".join(lines) or text(Message("cli.registry.nothing_to_link")))
        elif action == "link":
            if bool(args.entry) == bool(args.new):
                raise UserFacingError("cli.entry_or_new")
            link = reg.link(args.record, args.path, args.entry, new_entry=args.new,
                            status="suggested" if args.suggested else "confirmed")
            emit(args, asdict(link), text(Message("cli.registry.linked", link=Verbatim(link.id),
                                                   entry=link.entry_id)))
        elif action in ("confirm", "reject"):
            link = reg.confirm(args.link) if action == "confirm" else reg.reject(args.link)
            emit(args, asdict(link), text(Message("cli.registry.link_now", link=Verbatim(link.id),
                                                   status=_status(link.status))))
        elif action == "unlink":
            reg.unlink(args.link)
            emit(args, {"removed": args.link},
                  text(Message("cli.registry.unlinked", link=Verbatim(args.link))))
        elif action == "merge":
            merge = reg.merge(args.source, args.target)
            emit(args, asdict(merge),
                  text(Message("cli.registry.merged", merge=Verbatim(merge.id))))
        elif action == "undo-merge":
            merge = reg.undo_merge(args.merge)
            emit(args, asdict(merge),
                  text(Message("cli.registry.unmerged", merge=Verbatim(merge.id))))
    finally:
        session.lock()
    return EXIT_OK


@command("corroborate")
def cmd_corroborate(args: argparse.Namespace) -> int:
    """Every testimony that mentions an entry, and how many independent witnesses."""
    out = Path(args.pdf) if args.pdf else None
    if out is not None and not out.parent.is_dir():
        raise UserFacingError("cli.report_folder_missing")
    if out is None and not args.redactions and (args.redacted or args.language):
        raise UserFacingError("cli.report_options_need_pdf")
    if args.review_file and not (args.redacted or args.redactions):
        raise UserFacingError("cli.review_file_needs_redacted_report")
    if args.keep_doubtful and not args.redacted:
        raise UserFacingError("cli.keep_doubtful_needs_redacted")
    _check_period(args.date_from, args.date_to)
    review = review_file(args.review_file)
    period = {"date_from": args.date_from, "date_to": args.date_to, "place": args.place}
    session = open_session(args)
    try:
        if args.redactions:
            hits = session.registry.report_review(
                args.entry, language=args.language or "en", choices=review, **period)
            emit(args, [hit_data(h) for h in hits], hits_text(hits))
            return EXIT_OK
        result = session.registry.corroborate(args.entry, **period)
        if out is not None:
            try:
                pdf = session.registry.report(
                    args.entry, out, language=args.language or "en", redacted=args.redacted,
                    review=review, keep_doubtful=args.keep_doubtful, **period,
                )
            except DoubtfulUnreviewed as exc:
                raise UserFacingError("cli.doubtful_unreviewed_report", count=exc.count,
                                      entry=exc.record) from None
    finally:
        session.lock()
    if out is not None:
        digest = hashlib.sha256(pdf).hexdigest()
        emit(args, {"entry": result.entry.id, "pdf": str(out), "sha256": digest,
                     "testimonies": len(result.items),
                     "independent_witnesses": result.independent_witnesses},
              text(Message("cli.corroborate.report_written", path=str(out), sha256=digest)))
        return EXIT_OK
    data = asdict(result)
    for item in data["items"]:
        item.pop("private_terms", None)  # for redaction only, not for printing
        item.pop("witness_name", None)
    lines = [text(Message(
        "cli.corroborate.summary", entry=result.entry.display_name,
        testimonies=Message("cli.corroborate.testimonies", count=len(result.items)),
        witnesses=Message("cli.corroborate.witnesses", count=result.independent_witnesses),
    ))]
    lines += [f"  {i.record_id[:8]} v{i.version} {i.witness_label}"
              f" {', '.join(a.date for a in i.acts)}" for i in result.items]
    emit(args, data, "\n".join(lines))
    return EXIT_OK


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    """Register ``registry`` and ``corroborate`` with the main parser."""
    p = sub.add_parser("registry", help=help_text("cli.help.registry"), parents=[common, out])
    inner = p.add_subparsers(dest="registry_command", required=True, metavar="ACTION")
    q = inner.add_parser("list", help=help_text("cli.help.registry_list"), parents=[common, out])
    q.add_argument("--kind", choices=["person", "place", "unit"], default=None,
                   help=help_text("cli.help.registry_kind"))
    q = inner.add_parser("show", help=help_text("cli.help.registry_show"), parents=[common, out])
    q.add_argument("entry", help=help_text("cli.help.entry_id"))
    q = inner.add_parser("suggest", help=help_text("cli.help.registry_suggest"),
                         parents=[common, out])
    q.add_argument("record", help=help_text("cli.help.record_id"))
    q = inner.add_parser("link", help=help_text("cli.help.registry_link"), parents=[common, out])
    q.add_argument("record", help=help_text("cli.help.record_id"))
    q.add_argument("path", help=help_text("cli.help.registry_path"))
    q.add_argument("entry", nargs="?", default=None, help=help_text("cli.help.link_entry"))
    q.add_argument("--new", action="store_true", help=help_text("cli.help.registry_new"))
    q.add_argument("--suggested", action="store_true",
                   help=help_text("cli.help.registry_suggested"))
    for name, helps in (("confirm", help_text("cli.help.registry_confirm")),
                        ("reject", help_text("cli.help.registry_reject")),
                        ("unlink", help_text("cli.help.registry_unlink"))):
        q = inner.add_parser(name, help=helps, parents=[common, out])
        q.add_argument("link", type=int, help=help_text("cli.help.link_number"))
    q = inner.add_parser("merge", help=help_text("cli.help.registry_merge"), parents=[common, out])
    q.add_argument("source", help=help_text("cli.help.merge_source"))
    q.add_argument("target", help=help_text("cli.help.merge_target"))
    q = inner.add_parser("undo-merge", help=help_text("cli.help.registry_undo_merge"),
                         parents=[common, out])
    q.add_argument("merge", type=int, help=help_text("cli.help.merge_number"))
    p = sub.add_parser("corroborate", help=help_text("cli.help.corroborate"),
                       parents=[common, out])
    p.add_argument("entry", help=help_text("cli.help.entry_id"))
    p.add_argument("--from", dest="date_from", default="", metavar="DATE",
                   help=help_text("cli.help.corroborate_from"))
    p.add_argument("--to", dest="date_to", default="", metavar="DATE",
                   help=help_text("cli.help.corroborate_to"))
    p.add_argument("--place", default="", help=help_text("cli.help.corroborate_place"))
    p.add_argument("--pdf", default="", metavar="OUT.pdf",
                   help=help_text("cli.help.corroborate_pdf"))
    p.add_argument("--redacted", action="store_true",
                   help=help_text("cli.help.corroborate_redacted"))
    p.add_argument("--language", choices=["en", "az", "ru"], default="",
                   help=help_text("cli.help.corroborate_language"))
    p.add_argument("--review-file", metavar="FILE",
                   help=help_text("cli.help.corroborate_review_file"))
    p.add_argument("--redactions", action="store_true",
                   help=help_text("cli.help.corroborate_redactions"))
    p.add_argument("--keep-doubtful", action="store_true",
                   help=help_text("cli.help.corroborate_keep_doubtful"))


EXTENSIONS.append(_add_parsers)
