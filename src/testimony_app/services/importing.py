"""Importing a bundle into the organisation's vault: verify while staging, then merge.

:func:`import_bundle` verifies the bundle again *while* streaming its content into the vault,
inside one transaction that commits only after the whole bundle authenticated: a bundle that
fails at its last byte leaves no row and no file behind. Only bundles signed by a registered
device are read past their signature (:mod:`.devices`); any other key stops the reading with
:class:`~testimony_app.bundles.UnknownDevice`, which the caller refuses or keeps aside.

Merge rules, record version by record version:

* a record belongs to the device that sent its first version (or to the one it was
  transferred to); a version from any other device is **kept aside**, never current;
* a record id *bound* to its creating device (a UUID of version 8, crypto/record_ids.py) can
  be claimed only by the device whose key the manifest's salt proves it under: a version
  whose signer neither proves the id nor owns the record (by a transfer) is **kept aside** as
  "id not bound", so no device can claim another's new record before it arrives. Ids made
  before (version 4) prove nothing and keep the first-come rule;
* a version number not yet held is **added** to the history, sealed, with its number as the
  device gave it (gaps allowed) — a complete version, or a redacted copy stored as what it
  is: its own hash, and the sealed hash only as the device's claim;
* a version held with the same bytes (the hash this vault computes over what it holds), in
  the same form, is **unchanged**; a re-import changes nothing and says so;
* anything else under a number already held — other content, or a complete version where a
  redacted copy is held — is **kept aside** and flagged, never overwriting. A redacted copy
  never makes a complete version "unchanged": only hashes this vault computed are compared.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from testimony_app.bundles import (
    DEFAULT_MAX_BUNDLE_SIZE,
    ManifestMember,
    VerifiedBundle,
    load_age_identities,
    open_bundle,
)
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.bundles.content import CollectingSink, Incoming, inspect
from testimony_app.bundles.layout import CUSTODY_NAME
from testimony_app.crypto.record_ids import is_bound_format, proves
from testimony_app.crypto.signing import PublicKey, signature_to_text
from testimony_app.errors import BundleRejected
from testimony_app.storage.import_tx import ImportTransaction, ProvenanceRow
from testimony_app.storage.org_ledger import ImportLedger
from testimony_app.storage.quarantine import QuarantineReason, QuarantineRow
from testimony_app.words import Message, Param, Verbatim

__all__ = ["DeviceNotRegistered", "ImportReport", "VersionOutcome", "import_bundle"]

Outcome = Literal["added", "unchanged", "kept aside"]
KeptKind = Literal["", "conflict", "another device", "redacted copy", "id not bound"]


@dataclass(frozen=True)
class VersionOutcome:
    """What the import did with one record version.

    ``content_sha256`` is the sealed hash the device signed; ``copy_sha256`` the hash this
    vault computed over the bytes received (the same for a complete version). ``kept`` says
    why a version was kept aside.
    """

    record_id: str
    version: int
    outcome: Outcome
    content_sha256: str
    redacted: bool
    interviewer: str
    copy_sha256: str = ""
    kept: KeptKind = ""


@dataclass(frozen=True)
class ImportReport:
    """What an import did; ``changed`` is False for a bundle already imported."""

    bundle_id: str
    bundle_sha256: str
    device_id: str
    device_fingerprint: str
    device_first_seen: bool
    versions: tuple[VersionOutcome, ...]
    attachments_added: int
    attachments_already_held: int
    warnings: tuple[Message, ...]
    changed: bool
    quarantined: QuarantineRow | None = None

    @property
    def added(self) -> tuple[VersionOutcome, ...]:
        """Versions new to this vault."""
        return tuple(v for v in self.versions if v.outcome == "added")

    @property
    def unchanged(self) -> tuple[VersionOutcome, ...]:
        """Versions already held with the same hash."""
        return tuple(v for v in self.versions if v.outcome == "unchanged")

    @property
    def kept_aside(self) -> tuple[VersionOutcome, ...]:
        """Versions kept aside, not current (another device's record, or a clash)."""
        return tuple(v for v in self.versions if v.outcome == "kept aside")


class DeviceNotRegistered(BundleRejected):
    """The bundle was signed by a key this organisation has not registered (or revoked)."""

    def __init__(
        self,
        code: str,
        public_key: str,
        fingerprint: str,
        status: QuarantineReason,
        **params: Param,
    ) -> None:
        super().__init__(code, **params)
        self.public_key = public_key
        self.fingerprint = fingerprint
        self.status = status


@dataclass
class _Staged:
    """An attachment whose bytes were streamed into the vault during verification."""

    attachment_id: str
    record_id: str
    version: int
    sha256: str
    size: int


class _ImportSink(CollectingSink):
    """Also streams attachment bytes into the vault, inside the import's transaction.

    An attachment the record already holds (same SHA-256) is not written again. Each piece the
    reader releases (a view of up to about 1 MiB of its decryption buffers) is sealed straight
    into the attachment file's write buffer, on the reader's helper thread, right after that
    thread hashed it (:mod:`testimony_app.bundles.reader`): the same bytes, still in the
    cache, no copy, and no thread of its own (issue 19). The hash is the reader's; the file
    is not hashed or read again.
    """

    def __init__(self, tx: ImportTransaction) -> None:
        super().__init__()
        self._tx = tx
        self.staged: list[_Staged] = []
        self.already_held = 0
        self._seen: set[tuple[str, str]] = set()
        self._current: _Staged | None = None
        self._seq = 0

    def _begin_attachment(
        self, member: ManifestMember, record_id: str, version: int, sha: str
    ) -> None:
        key = (record_id, sha)
        if key in self._seen or self._tx.has_attachment(record_id, sha):
            self._current = None
            self.already_held += 1
            return
        self._seen.add(key)
        self._current = _Staged(str(uuid.uuid4()), record_id, version, sha, member.size)
        self._seq = 0

    def _write_attachment(self, data: memoryview) -> None:
        if self._current is None or not data:
            return
        self._tx.stage_chunk(self._current.attachment_id, self._seq, data)
        self._seq += 1

    def _end_attachment(self, member: ManifestMember) -> None:
        if self._current is None:
            return
        self._tx.end_chunks(self._current.attachment_id)
        self.staged.append(self._current)
        self._current = None

    def abort(self) -> None:
        """The transaction's rollback drops what was staged; drop the memory too."""
        super().abort()
        self.staged.clear()


def import_bundle(
    ledger: ImportLedger,
    bundle_path: Path,
    identity_path: Path,
    *,
    trusted: Collection[PublicKey],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> ImportReport:
    """Verify and import a bundle signed by one of the ``trusted`` (registered) device keys,
    all or nothing (see the module documentation)."""
    identities = load_age_identities(identity_path)
    with ledger.import_transaction() as tx:
        sink = _ImportSink(tx)
        verified = open_bundle(
            bundle_path,
            identities,
            trusted_device_keys=trusted,
            sink=sink,
            max_size=max_size,
            progress=progress,
            cancelled=cancelled,
        )
        return _merge(tx, sink, verified)


def _merge(tx: ImportTransaction, sink: _ImportSink, verified: VerifiedBundle) -> ImportReport:
    manifest = verified.manifest
    signer = verified.signer
    pinned = tx.device_key(manifest.device_id)
    if pinned is not None and pinned != signer.to_text():
        raise BundleRejected(
            "import.known_device_other_key"
        )
    if pinned is None and tx.device_ids_of(signer.to_text()):
        raise BundleRejected(
            "import.device_key_reused"
        )
    known = tx.bundle_sha256(manifest.bundle_id)
    if known is not None and known != verified.bundle_sha256:
        raise BundleRejected(
            "import.bundle_id_reused"
        )
    incoming = inspect(verified, sink.small)
    warnings: list[Message] = []
    if known is None:
        warnings += _chain_warnings(tx, verified)
    if pinned is None:
        tx.pin_device(manifest.device_id, signer.to_text(), signer.fingerprint)
    if known is None:
        tx.add_bundle(
            bundle_id=manifest.bundle_id,
            sha256=verified.bundle_sha256,
            size=verified.bundle_size,
            device_id=manifest.device_id,
            created_at=manifest.created_at,
            previous_bundle_id=manifest.previous_bundle_id,
            audit_seq=manifest.audit_head.seq,
            audit_hash=manifest.audit_head.hash,
            manifest=verified.manifest_bytes,
            signature=signature_to_text(verified.signature),
            custody=sink.small[CUSTODY_NAME],
        )
    outcomes = [_merge_version(tx, verified, item) for item in incoming]
    warnings += [_kept_warning(v) for v in outcomes if v.outcome == "kept aside"]
    added = _add_attachments(tx, sink, incoming, outcomes)
    return ImportReport(
        bundle_id=manifest.bundle_id,
        bundle_sha256=verified.bundle_sha256,
        device_id=manifest.device_id,
        device_fingerprint=signer.fingerprint,
        device_first_seen=pinned is None,
        versions=tuple(outcomes),
        attachments_added=added,
        attachments_already_held=sink.already_held,
        warnings=tuple(warnings),
        changed=tx.changed,
    )


def _kept_warning(v: VersionOutcome) -> Message:
    record = Verbatim(v.record_id[:8])
    if v.kept == "another device":
        return Message("import.kept_other_device", version=v.version, record=record)
    if v.kept == "id not bound":
        return Message("import.kept_id_not_bound", version=Verbatim(v.version), record=record)
    if v.kept == "redacted copy":
        return Message("import.kept_redacted_copy", version=v.version, record=record)
    return Message("import.kept_other_content", version=v.version, record=record)


def _merge_version(
    tx: ImportTransaction, verified: VerifiedBundle, item: Incoming
) -> VersionOutcome:
    ref = item.ref
    interviewer = item.testimony.interview.interviewer
    signer = verified.signer.to_text()

    def outcome(result: Outcome, kept: KeptKind = "") -> VersionOutcome:
        return VersionOutcome(
            ref.id,
            ref.version,
            result,
            ref.content_sha256,
            item.redacted,
            interviewer,
            item.content_sha256,
            kept,
        )

    def keep_aside(kind: KeptKind, existing: str) -> VersionOutcome:
        if not tx.has_conflict(ref.id, ref.version, item.content_sha256):
            tx.add_conflict(
                record_id=ref.id,
                number=ref.version,
                existing_sha256=existing,
                incoming_sha256=item.content_sha256,
                bundle_id=verified.bundle_id,
                device_id=verified.manifest.device_id,
                content=item.content,
                statement=item.statement,
                kind=kind,
            )
        return outcome("kept aside", kind)

    owner = tx.owner(ref.id)
    held = tx.held_version(ref.id, ref.version)
    existing = held.content_sha256 if held is not None else ""
    bound = is_bound_format(ref.id)
    proven = bound and proves(ref.id, verified.signer, ref.id_salt)
    if bound and not proven and owner != signer:
        return keep_aside("id not bound", existing)
    if owner != signer and (owner is not None or tx.record_held(ref.id)):
        return keep_aside("another device", existing)
    if held is None:
        tx.add_version(
            record_id=ref.id,
            number=ref.version,
            content=item.content,
            testimony=item.testimony,
            sealed_at=item.sealed_at,
            reason=item.reason,
            provenance=ProvenanceRow(
                record_id=ref.id,
                version=ref.version,
                source_sha256=ref.content_sha256,
                redacted=item.redacted,
                device_id=verified.manifest.device_id,
                device_fingerprint=verified.signer.fingerprint,
                bundle_id=verified.bundle_id,
                interviewer=interviewer,
                imported_at=tx.now,
            ),
            id_salt=ref.id_salt if proven else "",
        )
        if item.statement is not None:
            tx.add_statement(ref.id, ref.version, item.statement)
        return outcome("added")
    if (
        held.sealed
        and held.content_sha256 == item.content_sha256
        and held.source_sha256 == ref.content_sha256
        and held.redacted == item.redacted
    ):
        return outcome("unchanged")
    return keep_aside("redacted copy" if held.redacted or item.redacted else "conflict", existing)


def _add_attachments(
    tx: ImportTransaction,
    sink: _ImportSink,
    incoming: list[Incoming],
    outcomes: list[VersionOutcome],
) -> int:
    """Give each streamed attachment its row, described by the record that lists it.

    Attachments of a record whose every version in the bundle was kept aside stay out of it:
    they belong to what was kept aside, not to the record.
    """
    taken = {v.record_id for v in outcomes if v.outcome != "kept aside"}
    described: dict[tuple[str, str], tuple[str, str, str]] = {}
    for item in incoming:
        for info in item.testimony.attachments:
            described.setdefault(
                (item.ref.id, info.sha256), (info.filename, info.media_type, info.description)
            )
    added = 0
    for staged in sink.staged:
        if staged.record_id not in taken:
            continue
        added += 1
        filename, media_type, description = described.get(
            (staged.record_id, staged.sha256),
            (staged.sha256, "application/octet-stream", ""),
        )
        tx.add_attachment(
            attachment_id=staged.attachment_id,
            record_id=staged.record_id,
            filename=filename or staged.sha256,
            media_type=media_type or "application/octet-stream",
            description=description,
            size=staged.size,
            sha256=staged.sha256,
            version=staged.version,
        )
    return added


def _chain_warnings(tx: ImportTransaction, verified: VerifiedBundle) -> list[Message]:
    """Replay, gap and fork signs in a device's chain of bundles (flagged, not refused).

    Each bundle names the one its device made before it. A bundle older than one already
    seen suggests a replay or a restored laptop; a missing predecessor, a lost bundle; two
    bundles naming the same predecessor, a laptop whose vault was copied (a fork).
    """
    manifest = verified.manifest
    seen = tx.device_bundles(manifest.device_id)
    warnings = []
    if seen and manifest.audit_head.seq < max(seq for seq, _ in seen.values()):
        warnings.append(Message("import.chain_older"))
    previous = manifest.previous_bundle_id or ""
    if previous and previous not in seen:
        warnings.append(Message("import.chain_gap"))
    if any(prev == previous for _, prev in seen.values()):
        warnings.append(Message("import.chain_fork"))
    return warnings
