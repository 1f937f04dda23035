"""The organisation's receipt: its signed word that it holds what a bundle carried.

The interviewer's laptop deletes a testimony's content on the strength of a receipt, so a
receipt names only what the organisation's vault holds: :func:`sign_receipt` re-verifies the
bundle, requires that it was imported here, and lists the record versions held with the
device's hash (a version kept aside as a conflict is left out, so the laptop keeps it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from testimony_app.bundles import (
    DEFAULT_MAX_BUNDLE_SIZE,
    RecordRef,
    create_receipt,
    load_age_identities,
    load_signing_key,
    open_bundle,
)
from testimony_app.bundles.content import CollectingSink, inspect
from testimony_app.errors import BundleRejected, UserFacingError
from testimony_app.paths import atomic_write
from testimony_app.storage.import_tx import ImportLedger

__all__ = ["sign_receipt"]


def sign_receipt(
    ledger: ImportLedger | None,
    bundle_path: Path,
    identity_path: Path,
    signing_key_path: Path,
    dest: Path,
    *,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> Path:
    """Sign a receipt for a verified bundle and write it to ``dest`` atomically (0600).

    With an organisation vault the bundle must have been imported there, and the receipt
    names only the versions the vault holds with the device's hash (a conflicting version is
    left out, so the laptop keeps it). Without one it names every record the bundle carries.
    """
    if not dest.parent.is_dir():
        raise UserFacingError("The folder for the receipt does not exist.")
    if dest.exists():
        raise UserFacingError("A file with that name already exists; the receipt was not written.")
    identities = load_age_identities(identity_path)
    signing_key = load_signing_key(signing_key_path)
    sink = CollectingSink()
    verified = open_bundle(
        bundle_path, identities, trusted_device_keys=None, sink=sink, max_size=max_size
    )
    inspect(verified, sink.small)
    records: Sequence[RecordRef] = verified.manifest.records
    if ledger is not None:
        row = ledger.imported_bundle(verified.bundle_id)
        if row is None or row.sha256 != verified.bundle_sha256:
            raise UserFacingError(
                "This bundle has not been imported into this vault; import it before signing"
                " a receipt."
            )
        if ledger.device_key(verified.manifest.device_id) != verified.signer.to_text():
            raise BundleRejected(
                "This bundle's device key is not the one this vault trusts; no receipt was made."
            )
        held = ledger.source_hashes([(r.id, r.version) for r in records])
        records = [r for r in records if held.get((r.id, r.version)) == r.content_sha256]
    data = create_receipt(verified, signing_key, records=records)
    try:
        atomic_write(dest, data)
    except OSError as exc:
        raise UserFacingError(
            f"The receipt could not be written there ({exc.strerror or 'write failed'})."
        ) from None
    return dest
