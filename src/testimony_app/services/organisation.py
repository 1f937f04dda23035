"""The organisation's side: one service object over its vault, and the module-level doors.

A legal organisation runs the same program with its own vault. It makes its keys once
(:mod:`.org_keys`), and then for every bundle it receives:

* verifies it completely without keeping anything (:mod:`.verification`);
* imports it if a registered device signed it (:mod:`.devices`): verified again while it
  streams into the vault, all or nothing (:mod:`.importing`); a bundle from any other
  device is refused, or kept aside unmerged with ``quarantine=True`` (:mod:`.quarantine`);
* signs a receipt naming the exact file and the record versions now held, which the
  interviewer's laptop verifies before it forgets anything (:mod:`.receipts`).

:class:`OrganisationService` (``session.bundles.organisation``) is the one entry point per
operation on a vault; the module-level :func:`verify`, :func:`import_bundle` and
:func:`receipt` are thin doors kept for scripts and tests. What a bundle's content looks like
(member names, the custody log) is format, in :mod:`testimony_app.bundles.layout`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from testimony_app.bundles import DEFAULT_MAX_BUNDLE_SIZE, UnknownDevice, load_age_identities
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.bundles.layout import (
    CUSTODY_FORMAT,
    CUSTODY_NAME,
    attachment_path,
    record_path,
    statement_path,
)
from testimony_app.errors import UserFacingError, stored_day
from testimony_app.services import importing, receipts, verification
from testimony_app.services.devices import DeviceRow, DeviceService, Transfer
from testimony_app.services.importing import DeviceNotRegistered, ImportReport, VersionOutcome
from testimony_app.services.org_keys import OrgKeygenResult, org_fingerprint, org_keygen
from testimony_app.services.quarantine import QuarantineRow, QuarantineService
from testimony_app.services.verification import (
    VerificationCheck,
    VerificationReport,
    VerifiedRecord,
)
from testimony_app.storage.import_tx import ProvenanceRow
from testimony_app.storage.org_ledger import ConflictRow, ImportLedger
from testimony_app.storage.vault import OpenVault

__all__ = [
    "CUSTODY_FORMAT",
    "CUSTODY_NAME",
    "ConflictRow",
    "DeviceNotRegistered",
    "DeviceRow",
    "ImportReport",
    "OrgKeygenResult",
    "OrganisationService",
    "ProvenanceRow",
    "QuarantineRow",
    "Transfer",
    "VerificationCheck",
    "VerificationReport",
    "VerifiedRecord",
    "VersionOutcome",
    "attachment_path",
    "import_bundle",
    "org_fingerprint",
    "org_keygen",
    "receipt",
    "record_path",
    "statement_path",
    "verify",
]


class OrganisationService:
    """Verify, import and acknowledge bundles with an organisation vault (``session.bundles``
    holds one as ``organisation``); its registered devices are :attr:`devices`, the bundles it
    kept aside :attr:`quarantine`."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._ledger = ImportLedger(vault.db, vault.now)
        self.devices = DeviceService(vault)
        self.quarantine = QuarantineService(vault)

    # -- devices (services/devices.py) ---------------------------------------------------------

    def register_device(self, public_key: str, name: str, *, confirmed: bool) -> DeviceRow:
        """Register a laptop after comparing its fingerprint with the interviewer."""
        return self.devices.register(public_key, name, confirmed=confirmed)

    def revoke_device(self, key_or_fingerprint: str, reason: str, *, confirmed: bool) -> DeviceRow:
        """Refuse a lost or seized laptop's bundles from now on."""
        return self.devices.revoke(key_or_fingerprint, reason, confirmed=confirmed)

    def transfer_record(
        self, record_id: str, to_device: str, reason: str, *, confirmed: bool
    ) -> Transfer:
        """Give a record to another registered device (recorded in the audit log)."""
        return self.devices.transfer(record_id, to_device, reason, confirmed=confirmed)

    def pinned_device_key(self, device_id: str) -> str | None:
        """The key a device id sent its bundles with, once it sent one."""
        return self._ledger.device_key(device_id)

    # -- what was imported -----------------------------------------------------------------------

    def provenance(self, record_id: str) -> list[ProvenanceRow]:
        """Where each imported version of a record came from."""
        return self._ledger.provenance(record_id)

    def conflicts(self, record_id: str | None = None) -> list[ConflictRow]:
        """Incoming versions kept aside, never current (of one record, if given), oldest
        first, each with why (``kind``) and the sending device's fingerprint and name."""
        return self._ledger.conflicts(record_id)

    def conflict_content(self, record_id: str, version: int, incoming_sha256: str) -> bytes:
        """The record JSON of a version kept aside (by the hash of its bytes)."""
        return self._ledger.conflict_content(record_id, version, incoming_sha256)

    def imported_statement(self, record_id: str, version: int) -> bytes | None:
        """The statement PDF exactly as the interviewer's laptop made it."""
        return self._ledger.statement(record_id, version)

    def bundle_evidence(self, bundle_id: str) -> tuple[bytes, str, bytes] | None:
        """The signed manifest, its signature and the custody log of an imported bundle."""
        return self._ledger.bundle_evidence(bundle_id)

    # -- operations ----------------------------------------------------------------------------

    def verify(
        self, bundle_path: Path, identity_path: Path, *, max_size: int = DEFAULT_MAX_BUNDLE_SIZE
    ) -> VerificationReport:
        """Check a bundle completely, including whether its device is registered here."""
        return verification.verify(
            bundle_path, identity_path, ledger=self._ledger, devices=self.devices, max_size=max_size
        )

    def import_bundle(
        self,
        bundle_path: Path,
        identity_path: Path,
        *,
        quarantine: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> ImportReport:
        """Verify and import a bundle from a registered device, all or nothing.

        A bundle signed by any other key raises :class:`DeviceNotRegistered`, having read no
        further than its signature; with ``quarantine`` it is instead verified completely and
        kept aside, unmerged (the report's ``quarantined``).
        """
        try:
            report = importing.import_bundle(
                self._ledger,
                bundle_path,
                identity_path,
                trusted=self.devices.active_keys(),
                progress=progress,
                cancelled=cancelled,
                max_size=max_size,
            )
        except UnknownDevice as exc:
            refusal, signer = self._refusal(exc), exc.signer
            if not quarantine:
                raise refusal from None
        else:
            # The same file may have been kept aside before its laptop was registered.
            waiting = self.quarantine.held(report.bundle_sha256)
            if waiting is not None:
                self.quarantine.imported(waiting)
            return report
        row, new = self.quarantine.keep(
            bundle_path,
            load_age_identities(identity_path),
            signer,
            refusal.status,
            progress=progress,
            cancelled=cancelled,
            max_size=max_size,
        )
        return ImportReport(
            bundle_id=row.bundle_id,
            bundle_sha256=row.sha256,
            device_id=row.device_id,
            device_fingerprint=row.fingerprint,
            device_first_seen=False,
            versions=(),
            attachments_added=0,
            attachments_already_held=0,
            warnings=(refusal.message,),
            changed=new,
            quarantined=row,
        )

    def _refusal(self, exc: UnknownDevice) -> DeviceNotRegistered:
        key = exc.signer
        row = self.devices.get(key.to_text())
        if row is None:
            return DeviceNotRegistered(
                "import.device_unregistered", key.to_text(), key.fingerprint, "unregistered",
                device=key.fingerprint,
            )
        if row.status == "revoked":
            return DeviceNotRegistered(
                "import.device_revoked", key.to_text(), key.fingerprint, "revoked",
                device=key.fingerprint, date=stored_day(row.revoked_at),
            )
        return DeviceNotRegistered(
            "import.device_unconfirmed", key.to_text(), key.fingerprint, "unconfirmed",
            device=key.fingerprint,
        )

    def import_quarantined(
        self,
        ident: str,
        identity_path: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> ImportReport:
        """Import a bundle waiting in the quarantine, now that its device is registered."""
        row = self.quarantine.find(ident)
        report = self.import_bundle(
            self.quarantine.path(row),
            identity_path,
            progress=progress,
            cancelled=cancelled,
            max_size=max_size,
        )
        if report.bundle_sha256 != row.sha256:
            raise UserFacingError("quarantine.copy_changed")
        return report

    def discard_quarantined(self, ident: str, *, confirmed: bool) -> QuarantineRow:
        """Delete a quarantined bundle unmerged; the log keeps that it arrived."""
        return self.quarantine.discard(ident, confirmed=confirmed)

    def receipt(
        self,
        bundle_path: Path,
        identity_path: Path,
        signing_key_path: Path,
        dest: Path,
        *,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> Path:
        """Sign a receipt for an imported bundle, naming only what this vault holds complete."""
        return receipts.sign_receipt(
            self._ledger, bundle_path, identity_path, signing_key_path, dest, max_size=max_size
        )


# -- module-level doors -----------------------------------------------------------------------


class _HasOrganisation(Protocol):
    @property
    def organisation(self) -> OrganisationService: ...


class OrganisationVault(Protocol):
    """An unlocked vault session (``VaultSession``), seen only through what is needed here,
    so that this module does not import the session module that imports it."""

    @property
    def bundles(self) -> _HasOrganisation: ...


def verify(
    bundle_path: Path,
    identity_path: Path,
    *,
    session: OrganisationVault | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> VerificationReport:
    """Check a bundle completely and say what it holds; keep nothing of it.

    With an organisation vault, the device key is also compared with the one pinned for that
    device. A bad bundle gives a report with ``ok`` False and one sentence in ``error``; only
    an unusable identity file raises.
    """
    if session is not None:
        return session.bundles.organisation.verify(bundle_path, identity_path, max_size=max_size)
    return verification.verify(bundle_path, identity_path, max_size=max_size)


def import_bundle(
    session: OrganisationVault,
    bundle_path: Path,
    identity_path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    quarantine: bool = False,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> ImportReport:
    """Verify a bundle and import it into the organisation vault of ``session``."""
    return session.bundles.organisation.import_bundle(
        bundle_path,
        identity_path,
        quarantine=quarantine,
        progress=progress,
        cancelled=cancelled,
        max_size=max_size,
    )


def receipt(
    session: OrganisationVault | None,
    bundle_path: Path,
    identity_path: Path,
    signing_key_path: Path,
    dest: Path,
    *,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> Path:
    """Sign a receipt for a bundle imported into the organisation vault of ``session``.

    A receipt lets the interviewer delete what it names, so it is made only from what the
    organisation's own vault holds and hashed: without the vault, no receipt.
    """
    if session is None:
        raise UserFacingError(
            "receipt.sign_in_org_vault"
        )
    return session.bundles.organisation.receipt(
        bundle_path, identity_path, signing_key_path, dest, max_size=max_size
    )
