"""The organisation's side: one service object over its vault, and the module-level doors.

A legal organisation runs the same program with its own vault. It makes its keys once
(:mod:`.org_keys`), and then for every bundle it receives:

* verifies it completely without keeping anything (:mod:`.verification`);
* imports it: verified again while it streams into the vault, all or nothing
  (:mod:`.importing`);
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

from testimony_app.bundles import DEFAULT_MAX_BUNDLE_SIZE
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.bundles.layout import (
    CUSTODY_FORMAT,
    CUSTODY_NAME,
    attachment_path,
    record_path,
    statement_path,
)
from testimony_app.services import importing, receipts, verification
from testimony_app.services.importing import ImportReport, VersionOutcome
from testimony_app.services.org_keys import OrgKeygenResult, org_fingerprint, org_keygen
from testimony_app.services.verification import (
    VerificationCheck,
    VerificationReport,
    VerifiedRecord,
)
from testimony_app.storage.import_tx import ConflictRow, ImportLedger, ProvenanceRow
from testimony_app.storage.vault import OpenVault

__all__ = [
    "CUSTODY_FORMAT",
    "CUSTODY_NAME",
    "ConflictRow",
    "ImportReport",
    "OrgKeygenResult",
    "OrganisationService",
    "ProvenanceRow",
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
    holds one as ``organisation``)."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._ledger = ImportLedger(vault.db, vault.now)

    def pinned_device_key(self, device_id: str) -> str | None:
        """The key this vault trusts for a device, if it has seen one."""
        return self._ledger.device_key(device_id)

    def provenance(self, record_id: str) -> list[ProvenanceRow]:
        """Where each imported version of a record came from."""
        return self._ledger.provenance(record_id)

    def conflicts(self) -> list[ConflictRow]:
        """Incoming versions kept aside because their number was already held."""
        return self._ledger.conflicts()

    def conflict_content(self, record_id: str, version: int, incoming_sha256: str) -> bytes:
        """The record JSON of a kept conflicting version."""
        return self._ledger.conflict_content(record_id, version, incoming_sha256)

    def imported_statement(self, record_id: str, version: int) -> bytes | None:
        """The statement PDF exactly as the interviewer's laptop made it."""
        return self._ledger.statement(record_id, version)

    def bundle_evidence(self, bundle_id: str) -> tuple[bytes, str, bytes] | None:
        """The signed manifest, its signature and the custody log of an imported bundle."""
        return self._ledger.bundle_evidence(bundle_id)

    def verify(
        self, bundle_path: Path, identity_path: Path, *, max_size: int = DEFAULT_MAX_BUNDLE_SIZE
    ) -> VerificationReport:
        """Check a bundle completely, including whether its device key is the pinned one."""
        return verification.verify(
            bundle_path, identity_path, ledger=self._ledger, max_size=max_size
        )

    def import_bundle(
        self,
        bundle_path: Path,
        identity_path: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> ImportReport:
        """Verify and import a bundle, all or nothing (:mod:`.importing`)."""
        return importing.import_bundle(
            self._ledger,
            bundle_path,
            identity_path,
            progress=progress,
            cancelled=cancelled,
            max_size=max_size,
        )

    def receipt(
        self,
        bundle_path: Path,
        identity_path: Path,
        signing_key_path: Path,
        dest: Path,
        *,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> Path:
        """Sign a receipt for an imported bundle, naming the versions this vault now holds."""
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
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> ImportReport:
    """Verify a bundle and import it into the organisation vault of ``session``."""
    return session.bundles.organisation.import_bundle(
        bundle_path, identity_path, progress=progress, cancelled=cancelled, max_size=max_size
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
    """Sign a receipt for a verified bundle and write it to ``dest`` atomically (0600).

    With an organisation vault the bundle must have been imported there, and the receipt
    names only the versions the vault holds with the device's hash. Without one it names
    every record the bundle carries.
    """
    if session is not None:
        return session.bundles.organisation.receipt(
            bundle_path, identity_path, signing_key_path, dest, max_size=max_size
        )
    return receipts.sign_receipt(
        None, bundle_path, identity_path, signing_key_path, dest, max_size=max_size
    )
