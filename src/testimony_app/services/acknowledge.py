"""The laptop's side of receipts: verify the organisation's receipt, then purge what it holds.

Lifecycle (security.md §4.3): a sealed testimony is exported in a bundle; the organisation
answers with a signed **receipt**, which marks the versions it names **acknowledged**; the
interviewer may then **purge** their content from the laptop, keeping ids and hashes — what
is not on the laptop cannot be coerced out of it. Purging destroys the laptop's copy, so it
happens only for what a verified receipt names.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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
from testimony_app.storage.export_ledger import ExportLedger
from testimony_app.storage.vault import OpenVault

__all__ = ["AckReport", "Acknowledger", "PurgeReport", "Withheld"]


@dataclass(frozen=True)
class Withheld:
    """A record that was not exported (or not purged), and why, in one sentence."""

    record_id: str
    label: str
    reason: str


@dataclass(frozen=True)
class AckReport:
    """What a verified receipt acknowledged."""

    bundle_id: str
    received_at: str
    acknowledged: tuple[tuple[str, int], ...]
    already_acknowledged: tuple[tuple[str, int], ...]
    not_acknowledged: tuple[tuple[str, int], ...]
    purgeable: tuple[str, ...]


@dataclass(frozen=True)
class PurgeReport:
    """Which records lost their content, which were kept and why."""

    purged: tuple[str, ...]
    kept: tuple[Withheld, ...]
    backup: Path | None


class Acknowledger:
    """Receipts and purge for one unlocked laptop vault (``session.bundles`` delegates here)."""

    def __init__(self, vault: OpenVault, ledger: ExportLedger) -> None:
        self._vault = vault
        self._ledger = ledger

    def acknowledge(self, receipt_path: Path, organisation_key: str) -> AckReport:
        """Verify the organisation's receipt and mark the versions it names acknowledged.

        The signature is checked against the pinned organisation key before any field is
        read; the receipt must name a bundle this laptop wrote, by id and file hash, and only
        versions that bundle carried. A receipt naming fewer versions acknowledges those.
        """
        org_key = PublicKey.from_text(organisation_key)
        data = _read_receipt(receipt_path)
        bundle_id = _signed_bundle_id(data, org_key)
        row = self._ledger.export(bundle_id)
        if row is None:
            raise ReceiptRejected("The receipt is for a bundle this laptop did not export.")
        receipt = verify_receipt(
            data, organisation_key=org_key, bundle_id=row.bundle_id, bundle_sha256=row.sha256
        )
        sent = {(v.record_id, v.version): v for v in self._ledger.export_versions(bundle_id)}
        named: list[tuple[str, int]] = []
        for ref in receipt.records:
            item = sent.get((ref.id, ref.version))
            if item is None or item.content_sha256 != ref.content_sha256:
                raise ReceiptRejected("The receipt lists a record that this bundle did not carry.")
            named.append((ref.id, ref.version))
        fresh = self._ledger.acknowledge(
            bundle_id=bundle_id,
            receipt_sha256=sha256_hex(data),
            received_at=receipt.received_at,
            versions=named,
        )
        already = [n for n in named if n not in fresh]
        missing = [k for k in sent if k not in named]
        purgeable = [
            record_id
            for record_id in dict.fromkeys(r for r, _ in named)
            if self._ledger.purge_blocker(record_id) is None
        ]
        return AckReport(
            bundle_id=bundle_id,
            received_at=receipt.received_at,
            acknowledged=tuple(fresh),
            already_acknowledged=tuple(already),
            not_acknowledged=tuple(missing),
            purgeable=tuple(purgeable),
        )

    # -- purge -----------------------------------------------------------------------------------

    def is_purged(self, record_id: str) -> bool:
        """Whether a record's content was deleted from this laptop."""
        return self._ledger.is_purged(record_id)

    def purge(self, record_ids: Sequence[str], *, include_redacted: bool = False) -> PurgeReport:
        """Delete the content of acknowledged records, keeping their ids and hashes.

        A record is purged only when every sealed version of it was acknowledged by the
        organisation and no draft is open. A record the organisation received only redacted
        (its witness's name may not appear) is kept unless ``include_redacted``: purging it
        would destroy the only complete copy, identity included. Afterwards the database is
        compacted (no free page or WAL frame keeps the content) and the backups are replaced
        by one fresh backup.
        """
        records = self._vault.records
        purged: list[str] = []
        kept: list[Withheld] = []
        for given in record_ids:
            record_id = records.resolve(given)
            label_text = records.summary(record_id).witness_label
            blocker = self._ledger.purge_blocker(record_id, allow_redacted=include_redacted)
            if blocker is not None:
                kept.append(Withheld(record_id, label_text, f"Kept: {blocker}."))
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
                    "The content was deleted, but a fresh backup could not be written, so the"
                    " older backups that still hold it were kept."
                ) from None
        return PurgeReport(tuple(purged), tuple(kept), backup)


def _read_receipt(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_RECEIPT_BYTES + 1)
    except OSError:
        raise UserFacingError("The receipt file cannot be read.") from None
    if len(data) > MAX_RECEIPT_BYTES:
        raise ReceiptRejected("The receipt is too large to be a receipt.")
    return data


def _signed_bundle_id(data: bytes, org_key: PublicKey) -> str:
    """The bundle id a receipt names, read only after its signature verified.

    :func:`verify_receipt` repeats every check; this only finds which export to check it
    against without trusting an unsigned field.
    """
    parts = data.split(b"\n")
    if len(parts) != 3 or parts[2] != b"":
        raise ReceiptRejected("The file is not a receipt (it should have exactly two lines).")
    try:
        signature = signature_from_text(parts[1].decode("ascii"))
        org_key.verify(SignatureContext.RECEIPT, parts[0], signature)
    except (UnicodeDecodeError, SignatureInvalid):
        raise ReceiptRejected("The receipt was not signed by the organisation's key.") from None
    try:
        doc = json.loads(parts[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ReceiptRejected("The receipt is invalid: it is not valid JSON.") from None
    bundle_id = doc.get("bundle_id") if isinstance(doc, dict) else None
    if not isinstance(bundle_id, str):
        raise ReceiptRejected("The receipt is invalid: it names no bundle.")
    return bundle_id
