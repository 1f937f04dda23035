"""Bundles kept aside at the organisation until a person decides (``import --quarantine``).

A bundle from a device the organisation has not registered is refused. With ``--quarantine``
it is instead verified completely — decrypted to its last chunk, its signature checked against
the key it names, every member and record checked — and then copied, still encrypted, into
the vault's quarantine folder, **unmerged**: nothing of its content enters the vault. The
list shows each one with the fingerprint of the key that signed it, so that a person can
compare it with the interviewer. After registering the device, the bundle is imported from
the quarantine like any other (every check again); or it is discarded. The log of what was
kept aside, and what became of it, stays.
"""

from __future__ import annotations

import builtins
from pathlib import Path

from testimony_app.bundles import (
    DEFAULT_MAX_BUNDLE_SIZE,
    AgeIdentity,
    open_bundle,
)
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.bundles.content import CollectingSink, inspect
from testimony_app.crypto.signing import PublicKey
from testimony_app.errors import BundleRejected, UserFacingError
from testimony_app.storage.quarantine import QuarantineReason, QuarantineRow, QuarantineStore
from testimony_app.storage.vault import OpenVault

__all__ = ["QuarantineRow", "QuarantineService"]


class QuarantineService:
    """The quarantine of one organisation vault."""

    def __init__(self, vault: OpenVault) -> None:
        self._store = QuarantineStore(vault.db, vault.now)

    def list(self, *, held_only: bool = False) -> builtins.list[QuarantineRow]:
        """Bundles kept aside (all of them, or those still waiting), oldest first."""
        rows = self._store.rows()
        return [r for r in rows if r.state == "held"] if held_only else rows

    def find(self, ident: str) -> QuarantineRow:
        """A bundle still held, by its number in the list or the start of its bundle id."""
        text = ident.strip().lower()
        held = self.list(held_only=True)
        found = [r for r in held if r.id == int(text)] if text.isdigit() else []
        if not found and len(text) >= 4:
            # A bundle id may begin with digits only (uuid4: about one in 43 does for 8).
            found = [r for r in held if r.bundle_id.startswith(text)]
        if not found:
            raise UserFacingError("quarantine.not_found")
        if len(found) > 1:
            raise UserFacingError(
                "quarantine.id_ambiguous"
            )
        return found[0]

    def held(self, sha256: str) -> QuarantineRow | None:
        """The waiting row of the file with that SHA-256, if it is waiting."""
        return self._store.held(sha256)

    def path(self, row: QuarantineRow) -> Path:
        """Where the held copy of the bundle is."""
        return self._store.path(row)

    def keep(
        self,
        bundle_path: Path,
        identities: tuple[AgeIdentity, ...],
        signer: PublicKey,
        reason: QuarantineReason,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> tuple[QuarantineRow, bool]:
        """Verify the bundle completely, then keep a copy of it aside, unmerged.

        Returns the quarantine row and whether it is new (False: the same file was already
        waiting there). A bundle that fails any check is refused, not kept.
        """
        sink = CollectingSink()
        verified = open_bundle(
            bundle_path,
            identities,
            trusted_device_keys=None,
            sink=sink,
            max_size=max_size,
            progress=progress,
            cancelled=cancelled,
        )
        if verified.signer != signer:
            raise BundleRejected("quarantine.changed_while_read")
        incoming = inspect(verified, sink.small)
        existing = self._store.held(verified.bundle_sha256)
        if existing is not None:
            return existing, False
        row = self._store.keep(
            bundle_path,
            sha256=verified.bundle_sha256,
            bundle_id=verified.bundle_id,
            device_id=verified.manifest.device_id,
            public_key=signer.to_text(),
            fingerprint=signer.fingerprint,
            created_at=verified.manifest.created_at,
            records=len(incoming),
            reason=reason,
        )
        return row, True

    def imported(self, row: QuarantineRow) -> None:
        """The held bundle was imported: log it and delete the copy."""
        self._store.decide(row, "imported")

    def discard(self, ident: str, *, confirmed: bool) -> QuarantineRow:
        """Delete a held bundle's copy unmerged; the log keeps that it arrived."""
        row = self.find(ident)
        if not confirmed:
            raise UserFacingError("quarantine.discard_not_confirmed")
        self._store.decide(row, "discarded")
        return row
