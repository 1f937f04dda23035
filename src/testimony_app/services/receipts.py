"""The organisation's receipt: its signed word that it holds what a bundle carried.

The interviewer's laptop deletes a testimony's content on the strength of a receipt, so a
receipt acknowledges only what the organisation checked itself: :func:`sign_receipt`
re-verifies the bundle, requires that it was imported here, and names as received only the
versions whose **complete** content this vault holds — the hash it computed over the bytes
it holds is the sealed hash the device signed. A version held only as a redacted copy is
listed apart, as such (the laptop keeps the original); a version kept aside (another device's
record, a clash) is not named at all, so the laptop keeps it.
"""

from __future__ import annotations

from pathlib import Path

from testimony_app.bundles import (
    DEFAULT_MAX_BUNDLE_SIZE,
    RecordRef,
    RedactedCopy,
    create_receipt,
    load_age_identities,
    load_signing_key,
    open_bundle,
)
from testimony_app.bundles.content import CollectingSink, inspect
from testimony_app.errors import BundleRejected, UserFacingError, os_reason
from testimony_app.paths import atomic_write
from testimony_app.storage.org_ledger import ImportLedger

__all__ = ["sign_receipt"]


def sign_receipt(
    ledger: ImportLedger,
    bundle_path: Path,
    identity_path: Path,
    signing_key_path: Path,
    dest: Path,
    *,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> Path:
    """Sign a receipt for a bundle imported into this vault; write it to ``dest`` (0600)."""
    if not dest.parent.is_dir():
        raise UserFacingError("receipt.folder_missing")
    if dest.exists():
        raise UserFacingError("receipt.file_exists")
    identities = load_age_identities(identity_path)
    signing_key = load_signing_key(signing_key_path)
    sink = CollectingSink()
    verified = open_bundle(
        bundle_path, identities, trusted_device_keys=None, sink=sink, max_size=max_size
    )
    incoming = inspect(verified, sink.small)
    row = ledger.imported_bundle(verified.bundle_id)
    if row is None or row.sha256 != verified.bundle_sha256:
        raise UserFacingError(
            "receipt.bundle_not_imported"
        )
    signer = verified.signer.to_text()
    if ledger.device_key(verified.manifest.device_id) != signer:
        raise BundleRejected(
            "receipt.device_key_untrusted"
        )
    held = ledger.held_copies([(i.ref.id, i.ref.version) for i in incoming])
    complete: list[RecordRef] = []
    redacted: list[RedactedCopy] = []
    for item in incoming:
        ref = item.ref
        copy = held.get((ref.id, ref.version))
        if copy is None:
            continue
        if copy.complete and copy.content_sha256 == ref.content_sha256:
            complete.append(ref)
        elif (
            copy.redacted
            and item.redacted
            and copy.public_key == signer
            and copy.sealed_sha256 == ref.content_sha256
            and copy.content_sha256 == item.content_sha256
        ):
            redacted.append(
                RedactedCopy(ref.id, ref.version, ref.content_sha256, copy.content_sha256)
            )
    data = create_receipt(verified, signing_key, records=complete, redacted_copies=redacted)
    try:
        atomic_write(dest, data)
    except OSError as exc:
        raise UserFacingError("receipt.write_failed", reason=os_reason(exc)) from None
    return dest
