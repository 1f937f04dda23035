"""Checking a bundle at the organisation without keeping anything of it.

:func:`verify` runs every check an import runs — size, the age header, decryption with the
organisation's identity to the last chunk, the device's signature over the manifest, every
member's size and SHA-256, the records against their sealed hashes and the custody log —
and says what it found, check by check, instead of raising: the organisation's command line
prints the list and exits 0 only when every check passed. With the organisation's vault it
also says whether the device that signed is registered there (:mod:`.devices`): a bundle from
an unregistered, unconfirmed or revoked device does not pass.
"""

from __future__ import annotations

import datetime as _dt
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
from testimony_app.crypto.record_ids import is_bound_format, proves
from testimony_app.crypto.signing import PublicKey
from testimony_app.errors import BundleRejected
from testimony_app.services.devices import DeviceService
from testimony_app.storage.org_ledger import ImportLedger
from testimony_app.words import Message, Verbatim

__all__ = ["CheckStatus", "VerificationCheck", "VerificationReport", "VerifiedRecord", "verify"]

CheckStatus = Literal["passed", "failed", "not run"]

_CHECK_NAMES = (
    Message("verify.check_size"),
    Message("verify.check_age_header"),
    Message("verify.check_decrypted"),
    Message("verify.check_manifest"),
    Message("verify.check_records"),
)
_DEVICE_CHECK = Message("verify.check_device")


@dataclass(frozen=True)
class VerificationCheck:
    """One named check of a bundle and its outcome, with what it found (``detail``)."""

    name: Message
    status: CheckStatus
    detail: Message | None = None


IdBinding = Literal["proven", "not proven", "legacy"]


def id_binding(record_id: str, salt: str, signer: PublicKey) -> IdBinding:
    """Whether ``signer`` can claim ``record_id`` by its id alone (see :class:`VerifiedRecord`)."""
    if not is_bound_format(record_id):
        return "legacy"
    return "proven" if proves(record_id, signer, salt) else "not proven"


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
    id_binding: IdBinding = "legacy"
    """``proven``: the record id is bound to the signing device (its salt derives it from the
    key, crypto/record_ids.py); ``not proven``: a bound id the signer cannot claim, which an
    import keeps aside unless the record was transferred to it; ``legacy``: an id made
    before ids were bound (the first device to send it owns it)."""


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
    device_name: str = ""
    records: tuple[VerifiedRecord, ...] = ()
    members: int = 0
    checks: tuple[VerificationCheck, ...] = ()
    failure: Message | None = None
    """Why the bundle was refused, as a message the reader's language can say (``error`` is
    its English sentence, kept for ``--json``); ``None`` when no check refused it."""


def verify(
    bundle_path: Path,
    identity_path: Path,
    *,
    ledger: ImportLedger | None = None,
    devices: DeviceService | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> VerificationReport:
    """Check a bundle completely and say what it holds; keep nothing of it.

    With an organisation vault's ``ledger`` and ``devices``, the signing key must also be
    registered there, and be the key that device id sent its earlier bundles with. A bad
    bundle gives a report with ``ok`` False and one sentence in ``error``; only an unusable
    identity file raises.
    """
    identities = load_age_identities(identity_path)
    sink = CollectingSink()
    try:
        verified = open_bundle(
            bundle_path, identities, trusted_device_keys=None, sink=sink, max_size=max_size
        )
    except BundleRejected as exc:
        return VerificationReport(
            ok=False, error=str(exc), bundle_path=str(bundle_path), checks=_failed_checks(exc),
            failure=exc.message,
        )
    manifest = verified.manifest
    checks = [
        VerificationCheck(_CHECK_NAMES[0], "passed"),
        VerificationCheck(_CHECK_NAMES[1], "passed"),
        VerificationCheck(_CHECK_NAMES[2], "passed"),
        VerificationCheck(
            _CHECK_NAMES[3],
            "passed",
            Message(
                "verify.signed_by_manifest_key", fingerprint=Verbatim(verified.signer.fingerprint)
            ),
        ),
    ]
    error = ""
    failure: Message | None = None
    records: tuple[VerifiedRecord, ...] = ()
    try:
        incoming = inspect(verified, sink.small)
    except BundleRejected as exc:
        error, failure = str(exc), exc.message
        checks.append(VerificationCheck(_CHECK_NAMES[4], "failed", failure))
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
                id_binding(i.ref.id, i.ref.id_salt, verified.signer),
            )
            for i in incoming
        )
    pin_status = "not checked"
    signer_pinned = False
    device_name = ""
    if ledger is not None and devices is not None:
        signer = verified.signer
        row = devices.get(signer.to_text())
        bound = ledger.device_key(manifest.device_id)
        device_name = row.name if row is not None else ""
        fingerprint = Verbatim(signer.fingerprint)
        problem: Message | None = None
        if row is None:
            pin_status = "not registered"
            problem = Message("verify.device_not_registered", fingerprint=fingerprint)
        elif row.status == "unconfirmed":
            pin_status = "unconfirmed"
            problem = Message("verify.device_unconfirmed", fingerprint=fingerprint)
        elif row.status == "revoked":
            pin_status = "revoked"
            problem = Message(
                "verify.device_revoked", date=_day(row.revoked_at), fingerprint=fingerprint
            )
        elif bound is not None and bound != signer.to_text():
            pin_status = "different key"
            problem = Message("verify.device_other_key")
        elif bound is None and ledger.device_ids_of(signer.to_text()):
            pin_status = "different key"
            problem = Message("verify.device_key_other_id")
        else:
            pin_status = "registered"
            signer_pinned = True
        if problem is not None:
            error = error or str(problem)
            failure = failure or problem
            checks.append(VerificationCheck(_DEVICE_CHECK, "failed", problem))
        else:
            checks.append(
                VerificationCheck(
                    _DEVICE_CHECK, "passed", Message("verify.registered_as", name=device_name)
                )
            )
    return VerificationReport(
        ok=all(c.status == "passed" for c in checks),
        error=error,
        failure=failure,
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
        device_name=device_name,
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
            error.message if i == failed_at else None,
        )
        for i, name in enumerate(_CHECK_NAMES)
    )


def _day(timestamp: str) -> _dt.date | Verbatim:
    """The day of a stored UTC timestamp, to be written as the reader writes dates."""
    try:
        return _dt.date.fromisoformat(timestamp[:10])
    except ValueError:
        return Verbatim(timestamp[:10])
