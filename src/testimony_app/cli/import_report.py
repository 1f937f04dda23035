"""What an import did, in lines for the terminal and as data for ``--json``.

Shared by ``import`` (cli/bundles.py) and ``quarantine import`` (cli/devices.py): each version
that arrived is named with its outcome (added, unchanged, kept aside) and, when kept aside, the
reason, in the reader's words.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from testimony_app.cli.common import in_words
from testimony_app.words import Message, Verbatim, text

__all__ = ["import_data", "import_lines"]


def import_data(report: Any) -> dict[str, Any]:
    return asdict(report) | {"versions": [asdict(v) for v in report.versions]}


def import_lines(report: Any) -> list[str]:
    """What an import did, in lines for the terminal (also used for the quarantine)."""
    if report.quarantined is not None:
        row = report.quarantined
        number = Verbatim(row.id)
        return [text(m) for m in (
            Message("cli.import.quarantined", number=number, bundle=row.bundle_id,
                    count=row.records, fingerprint=row.fingerprint),
            Message("cli.import.its_key", key=row.public_key),
            Message("cli.import.quarantine_next", number=number),
        )]
    lines = [text(Message("cli.import.bundle_from", bundle=report.bundle_id,
                          device=report.device_id, fingerprint=report.device_fingerprint))]
    lines += [_version_line(v) for v in report.versions]
    lines.append(text(Message("cli.import.attachments", added=report.attachments_added,
                              held=report.attachments_already_held)))
    lines += [text(Message("cli.import.note", note=in_words(w))) for w in report.warnings]
    if report.kept_aside:
        lines.append(text(Message("cli.import.kept_aside", count=len(report.kept_aside))))
    lines.append(text(Message("cli.import.imported") if report.changed
                      else Message("cli.import.nothing_changed")))
    return lines


_OUTCOMES = {"added": Message("cli.import.added"), "unchanged": Message("cli.import.unchanged"),
             "kept aside": Message("cli.import.kept")}
_KEPT = {"conflict": Message("cli.import.kept_conflict"),
         "another device": Message("cli.import.kept_another_device"),
         "redacted copy": Message("cli.import.kept_redacted_copy"),
         "id not bound": Message("cli.import.kept_id_not_bound")}


def _version_line(v: Any) -> str:
    """One version of an import: what became of it, and why it was kept aside if it was."""
    outcome = text(_OUTCOMES[v.outcome]).ljust(10)  # a column, in the reader's words
    record, version = v.record_id, Verbatim(v.version)
    kept = _KEPT.get(v.kept)
    if kept is None and v.redacted:
        return text(Message("cli.import.version_redacted", outcome=outcome, record=record,
                            version=version))
    if kept is None:
        return text(Message("cli.import.version", outcome=outcome, record=record,
                            version=version))
    if v.redacted:
        return text(Message("cli.import.version_redacted_kept", outcome=outcome, record=record,
                            version=version, reason=kept))
    return text(Message("cli.import.version_kept", outcome=outcome, record=record,
                        version=version, reason=kept))
