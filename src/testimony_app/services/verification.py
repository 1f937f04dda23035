"""Checking a bundle at the organisation without keeping anything of it.

:func:`verify` runs every check an import runs — size, the age header, decryption with the
organisation's identity to the last chunk, the device's signature over the manifest, every
member's size and SHA-256, the records against their sealed hashes and the custody log —
and says what it found, check by check, instead of raising: the organisation's command line
prints the list and exits 0 only when every check passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from testimony_app.bundles import (
    DEFAULT_MAX_BUNDLE_SIZE,
    AgeFailure,
    AgeRejected,
    load_age_identities,
    open_bundle,
)
from testimony_app.bundles.content import CollectingSink, inspect
from testimony_app.errors import BundleRejected
from testimony_app.storage.import_tx import ImportLedger

__all__ = ["CheckStatus", "VerificationCheck", "VerificationReport", "VerifiedRecord", "verify"]

CheckStatus = Literal["passed", "failed", "not run"]

_CHECK_NAMES = (
    "size within the limit",
    "age header (our strict pre-check)",
    "decrypted with the organisation's identity, every chunk authenticated",
    "manifest signature and members (sizes, SHA-256, order, nothing missing or extra)",
    "records match their sealed hashes (or are consented redactions); custody log",
)


@dataclass(frozen=True)
class VerificationCheck:
    """One named check of a bundle and its outcome."""

    name: str
    status: CheckStatus
    detail: str = ""


@dataclass(frozen=True)
class VerifiedRecord:
    """A record version a bundle carries, as the organisation sees it."""

    record_id: str
    version: int
    content_sha256: str
    redacted: bool
    interviewer: str
    language: str
    attachments: int


@dataclass(frozen=True)
class VerificationReport:
    """Everything ``verify`` found. ``ok`` only when every check passed."""

    ok: bool
    error: str
    bundle_path: str
    bundle_id: str = ""
    bundle_sha256: str = ""
    bundle_size: int = 0
    created_at: str = ""
    previous_bundle_id: str = ""
    device_id: str = ""
    device_key: str = ""
    device_fingerprint: str = ""
    signer_pinned: bool = False
    pin_status: str = "not checked"
    records: tuple[VerifiedRecord, ...] = ()
    members: int = 0
    checks: tuple[VerificationCheck, ...] = ()


def verify(
    bundle_path: Path,
    identity_path: Path,
    *,
    ledger: ImportLedger | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> VerificationReport:
    """Check a bundle completely and say what it holds; keep nothing of it.

    With an organisation vault's ``ledger``, the device key is also compared with the one
    pinned for that device. A bad bundle gives a report with ``ok`` False and one sentence in
    ``error``; only an unusable identity file raises.
    """
    identities = load_age_identities(identity_path)
    sink = CollectingSink()
    try:
        verified = open_bundle(
            bundle_path, identities, trusted_device_keys=None, sink=sink, max_size=max_size
        )
    except BundleRejected as exc:
        return VerificationReport(
            ok=False, error=str(exc), bundle_path=str(bundle_path), checks=_failed_checks(exc)
        )
    manifest = verified.manifest
    checks = [
        VerificationCheck(_CHECK_NAMES[0], "passed"),
        VerificationCheck(_CHECK_NAMES[1], "passed"),
        VerificationCheck(_CHECK_NAMES[2], "passed"),
        VerificationCheck(
            _CHECK_NAMES[3],
            "passed",
            f"signed by the key the manifest names, fingerprint {verified.signer.fingerprint}",
        ),
    ]
    error = ""
    records: tuple[VerifiedRecord, ...] = ()
    try:
        incoming = inspect(verified, sink.small)
    except BundleRejected as exc:
        error = str(exc)
        checks.append(VerificationCheck(_CHECK_NAMES[4], "failed", error))
    else:
        checks.append(VerificationCheck(_CHECK_NAMES[4], "passed"))
        records = tuple(
            VerifiedRecord(
                i.ref.id,
                i.ref.version,
                i.ref.content_sha256,
                i.redacted,
                i.testimony.interview.interviewer,
                i.testimony.interview.language,
                len(i.attachments),
            )
            for i in incoming
        )
    pin_status = "not checked"
    signer_pinned = False
    if ledger is not None:
        pinned = ledger.device_key(manifest.device_id)
        if pinned is None:
            pin_status = "new device"
            checks.append(
                VerificationCheck(
                    "device key pinned in this vault",
                    "passed",
                    "first bundle from this device: its key would be trusted on import",
                )
            )
        elif pinned == verified.signer.to_text():
            pin_status = "pinned"
            signer_pinned = True
            checks.append(VerificationCheck("device key pinned in this vault", "passed"))
        else:
            pin_status = "different key"
            error = error or (
                "The bundle claims to come from a known device but was signed by a different key."
            )
            checks.append(VerificationCheck("device key pinned in this vault", "failed", error))
    return VerificationReport(
        ok=all(c.status == "passed" for c in checks),
        error=error,
        bundle_path=str(bundle_path),
        bundle_id=verified.bundle_id,
        bundle_sha256=verified.bundle_sha256,
        bundle_size=verified.bundle_size,
        created_at=manifest.created_at,
        previous_bundle_id=manifest.previous_bundle_id or "",
        device_id=manifest.device_id,
        device_key=verified.signer.to_text(),
        device_fingerprint=verified.signer.fingerprint,
        signer_pinned=signer_pinned,
        pin_status=pin_status,
        records=records,
        members=len(manifest.members) + 2,
        checks=tuple(checks),
    )


def _failed_checks(error: BundleRejected) -> tuple[VerificationCheck, ...]:
    """The check list of a bundle that failed: what passed before, what failed, what never ran."""
    if isinstance(error, AgeRejected):
        failed_at = {
            AgeFailure.TOO_LARGE: 0,
            AgeFailure.HEADER: 1,
            AgeFailure.NO_MATCH: 2,
            AgeFailure.HMAC: 2,
            AgeFailure.PAYLOAD: 2,
        }[error.failure]
    else:
        failed_at = 3
    return tuple(
        VerificationCheck(
            name,
            "passed" if i < failed_at else ("failed" if i == failed_at else "not run"),
            str(error) if i == failed_at else "",
        )
        for i, name in enumerate(_CHECK_NAMES)
    )
