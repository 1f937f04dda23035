"""The laptop's side of receipts: verify the organisation's receipt, then purge what it holds.

Lifecycle (security.md §4.3): a sealed testimony is exported in a bundle; the organisation
answers with a signed **receipt**, which marks the versions it names **acknowledged**; the
interviewer may then **purge** their content from the laptop, keeping ids and hashes — what
is not on the laptop cannot be coerced out of it.

Purging destroys the laptop's copy, so it happens only for what a verified receipt names as
held *complete*: the organisation computed the hash of what it holds and found the sealed one
(``docs/bundle-format.md`` §9). A version sent as a redacted copy is never acknowledged that
way, so its record stays here. Each receipt and each purge says, record by record, what
became of it — purged, purgeable, or kept and why — and what would resolve it
(:class:`RecordFate`); the window and ``acknowledge --json`` show the same.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from testimony_app.bundles import verify_receipt
from testimony_app.bundles.receipt import MAX_RECEIPT_BYTES, ReceiptRejected
from testimony_app.crypto.chain import sha256_hex
from testimony_app.crypto.signing import (
    PublicKey,
    SignatureContext,
    SignatureInvalid,
    signature_from_text,
)
from testimony_app.errors import UserFacingError
from testimony_app.storage.export_ledger import ExportLedger, LedgerVersion, PurgeBlocker
from testimony_app.storage.vault import OpenVault
from testimony_app.words import Message

__all__ = [
    "FATE_ACTION_MESSAGES",
    "FATE_REASON_MESSAGES",
    "AckReport",
    "Acknowledger",
    "FateReason",
    "PurgeReport",
    "RecordFate",
    "Withheld",
]

FateState = Literal["purged", "purgeable", "kept"]
FateReason = Literal[
    "",
    "already_purged",
    "redacted_only",
    "amendment_open",
    "not_in_receipt",
    "not_acknowledged",
]

# One message per reason, and one for what resolves it, in the services catalogue: the window
# and the command line both say these, in their reader's language; ``--json`` gives the codes.
FATE_REASON_MESSAGES: dict[str, Message] = {
    "": Message("receipt.fate_complete"),
    "already_purged": Message("receipt.fate_already_purged"),
    "redacted_only": Message("receipt.fate_redacted_only"),
    "amendment_open": Message("receipt.fate_amendment_open"),
    "not_in_receipt": Message("receipt.fate_not_in_receipt"),
    "not_acknowledged": Message("receipt.fate_not_acknowledged"),
}
FATE_ACTION_MESSAGES: dict[str, Message] = {
    "": Message("receipt.action_purge"),
    "already_purged": Message("receipt.action_nothing"),
    "redacted_only": Message("receipt.action_keep"),
    "amendment_open": Message("receipt.action_seal_amendment"),
    "not_in_receipt": Message("receipt.action_ask"),
    "not_acknowledged": Message("receipt.action_export_version"),
}
_BLOCKER_REASON: dict[PurgeBlocker, FateReason] = {
    "purged": "already_purged",
    "draft": "amendment_open",
    "redacted": "redacted_only",
    "unacknowledged": "not_acknowledged",
}


@dataclass(frozen=True)
class Withheld:
    """A record that was not exported, and why, in one sentence."""

    record_id: str
    label: str
    reason: Message
    """Why, as a message (the services catalogue's ``export.*`` words)."""


@dataclass(frozen=True)
class RecordFate:
    """What became of one record after a receipt or a purge, and what would resolve it.

    ``state``: ``purged`` (content deleted from this laptop), ``purgeable`` (every sealed
    version acknowledged complete: a purge may delete it) or ``kept``; ``reason`` a code of
    :data:`FATE_REASON_MESSAGES`. A fate carries codes only, never a sentence: whoever shows
    it says :attr:`why` and :attr:`action` in the reader's language (``words.text``), and
    ``acknowledge --json`` prints the codes, the same in every language.
    """

    record_id: str
    label: str
    versions: tuple[int, ...]
    state: FateState
    reason: FateReason

    @property
    def why(self) -> Message:
        """Why the record is where it is (the services catalogue's ``receipt.fate_*``)."""
        return FATE_REASON_MESSAGES[self.reason]

    @property
    def action(self) -> Message | None:
        """What to do next (``receipt.action_*``): purge a purgeable record, or what resolves
        a kept one; ``None`` once the record is purged."""
        return None if self.state == "purged" else FATE_ACTION_MESSAGES[self.reason]

    @classmethod
    def of(
        cls,
        record_id: str,
        label: str,
        versions: Sequence[int],
        state: FateState,
        reason: FateReason,
    ) -> RecordFate:
        """A fate, its versions as a tuple (callers pass any sequence)."""
        return cls(record_id, label, tuple(versions), state, reason)


@dataclass(frozen=True)
class AckReport:
    """What a verified receipt acknowledged, and what that means record by record."""

    bundle_id: str
    received_at: str
    acknowledged: tuple[tuple[str, int], ...]
    already_acknowledged: tuple[tuple[str, int], ...]
    not_acknowledged: tuple[tuple[str, int], ...]
    purgeable: tuple[str, ...]
    redacted_copies: tuple[tuple[str, int], ...] = ()
    records: tuple[RecordFate, ...] = ()


@dataclass(frozen=True)
class PurgeReport:
    """Which records lost their content, which were kept and why."""

    purged: tuple[str, ...]
    kept: tuple[RecordFate, ...]
    backup: Path | None
    # Databases a restore set aside that hold something the vault lacks: kept, not deleted.
    kept_aside: tuple[Path, ...] = ()


class Acknowledger:
    """Receipts and purge for one unlocked laptop vault (``session.bundles`` delegates here)."""

    def __init__(self, vault: OpenVault, ledger: ExportLedger) -> None:
        self._vault = vault
        self._ledger = ledger

    def acknowledge(self, receipt_path: Path, organisation_key: str) -> AckReport:
        """Verify the organisation's receipt and mark the versions it holds complete.

        The signature is checked against the pinned organisation key before any field is
        read; the receipt must name a bundle this laptop wrote, by id and file hash, and only
        versions that bundle carried, each in the form it went: a version sent redacted is
        never acknowledged as complete (the receipt is refused), and is listed apart as a
        redacted copy. A receipt naming fewer versions acknowledges those.
        """
        org_key = PublicKey.from_text(organisation_key)
        data = _read_receipt(receipt_path)
        bundle_id = _signed_bundle_id(data, org_key)
        row = self._ledger.export(bundle_id)
        if row is None:
            raise ReceiptRejected("receipt.not_exported_here")
        receipt = verify_receipt(
            data, organisation_key=org_key, bundle_id=row.bundle_id, bundle_sha256=row.sha256
        )
        sent = {(v.record_id, v.version): v for v in self._ledger.export_versions(bundle_id)}
        named: list[tuple[str, int]] = []
        for ref in receipt.records:
            item = sent.get((ref.id, ref.version))
            if item is None or item.content_sha256 != ref.content_sha256:
                raise ReceiptRejected("receipt.record_not_carried")
            if item.redacted:
                raise ReceiptRejected(
                    "receipt.complete_but_sent_redacted"
                )
            named.append((ref.id, ref.version))
        copies: list[tuple[str, int]] = []
        for copy in receipt.redacted_copies:
            item = sent.get((copy.id, copy.version))
            if item is None or item.content_sha256 != copy.content_sha256 or not item.redacted:
                raise ReceiptRejected("receipt.record_not_carried")
            copies.append((copy.id, copy.version))
        fresh = self._ledger.acknowledge(
            bundle_id=bundle_id,
            receipt_sha256=sha256_hex(data),
            received_at=receipt.received_at,
            versions=named,
        )
        fates = self._fates(sent, set(named))
        return AckReport(
            bundle_id=bundle_id,
            received_at=receipt.received_at,
            acknowledged=tuple(fresh),
            already_acknowledged=tuple(n for n in named if n not in fresh),
            not_acknowledged=tuple(k for k in sent if k not in named),
            purgeable=tuple(f.record_id for f in fates if f.state == "purgeable"),
            redacted_copies=tuple(copies),
            records=tuple(fates),
        )

    def _fates(
        self, sent: dict[tuple[str, int], LedgerVersion], named: set[tuple[str, int]]
    ) -> list[RecordFate]:
        """Each record of the bundle: purgeable, already purged, or kept and why."""
        by_record: dict[str, list[LedgerVersion]] = {}
        for version in sent.values():
            by_record.setdefault(version.record_id, []).append(version)
        fates = []
        for record_id, versions in by_record.items():
            numbers = sorted(v.version for v in versions)
            label = self._label(record_id)
            blocker = self._ledger.purge_blocker(record_id)
            unnamed = [v for v in versions if (v.record_id, v.version) not in named]
            reason: FateReason
            if blocker == "purged":
                fates.append(RecordFate.of(record_id, label, numbers, "purged", "already_purged"))
                continue
            if blocker is None:
                fates.append(RecordFate.of(record_id, label, numbers, "purgeable", ""))
                continue
            if any(v.redacted for v in unnamed):
                reason = "redacted_only"
            elif unnamed:
                reason = "not_in_receipt"
            else:
                reason = _BLOCKER_REASON[blocker]
            fates.append(RecordFate.of(record_id, label, numbers, "kept", reason))
        return fates

    def _label(self, record_id: str) -> str:
        try:
            return self._vault.records.summary(record_id).witness_label
        except UserFacingError:
            return ""

    # -- purge -----------------------------------------------------------------------------------

    def is_purged(self, record_id: str) -> bool:
        """Whether a record's content was deleted from this laptop."""
        return self._ledger.is_purged(record_id)

    def purge(self, record_ids: Sequence[str]) -> PurgeReport:
        """Delete the content of records the organisation acknowledged complete.

        A record is purged only when every sealed version of it was acknowledged complete by
        a receipt and no amendment is open. A record the organisation received only redacted
        is always kept: it is the only complete copy, identity included. Afterwards the
        database is compacted (no free page or WAL frame keeps the content) and the backups
        are replaced by one fresh backup.
        """
        records = self._vault.records
        purged: list[str] = []
        kept: list[RecordFate] = []
        for given in record_ids:
            record_id = records.resolve(given)
            label_text = records.summary(record_id).witness_label
            blocker = self._ledger.purge_blocker(record_id)
            if blocker is not None:
                numbers = [v.number for v in records.info(record_id).versions]
                kept.append(
                    RecordFate.of(
                        record_id,
                        label_text,
                        numbers,
                        "purged" if blocker == "purged" else "kept",
                        _BLOCKER_REASON[blocker],
                    )
                )
                continue
            latest = records.info(record_id).versions[-1]
            self._ledger.purge(record_id, latest.content_sha256)
            purged.append(record_id)
        backup: Path | None = None
        if purged:
            self._vault.compact()
            try:
                backup = self._vault.replace_backups()
            except (UserFacingError, OSError):
                raise UserFacingError(
                    "receipt.purge_backup_failed"
                ) from None
        aside = tuple(self._vault.kept_aside) if purged else ()
        return PurgeReport(tuple(purged), tuple(kept), backup, aside)


def _read_receipt(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_RECEIPT_BYTES + 1)
    except OSError:
        raise UserFacingError("receipt.file_unreadable") from None
    if len(data) > MAX_RECEIPT_BYTES:
        raise ReceiptRejected("receipt.too_large")
    return data


def _signed_bundle_id(data: bytes, org_key: PublicKey) -> str:
    """The bundle id a receipt names, read only after its signature verified.

    :func:`verify_receipt` repeats every check; this only finds which export to check it
    against without trusting an unsigned field.
    """
    parts = data.split(b"\n")
    if len(parts) != 3 or parts[2] != b"":
        raise ReceiptRejected("receipt.not_two_lines")
    try:
        signature = signature_from_text(parts[1].decode("ascii"))
        org_key.verify(SignatureContext.RECEIPT, parts[0], signature)
    except (UnicodeDecodeError, SignatureInvalid):
        raise ReceiptRejected("receipt.not_signed_by_org") from None
    try:
        doc = json.loads(parts[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ReceiptRejected("receipt.not_json") from None
    bundle_id = doc.get("bundle_id") if isinstance(doc, dict) else None
    if not isinstance(bundle_id, str):
        raise ReceiptRejected("receipt.no_bundle_id")
    return bundle_id
