"""Signed statements: the laptop signs a sealed statement, the organisation checks one.

What a signature on a statement proves, and what it does not (the organisation's guide and
SECURITY.md say the same to people):

* it proves that **these exact bytes** were produced by a laptop whose statement key was
  vouched for by a Testimony device key, and, when the organisation's vault has that device
  registered, **which laptop**; that nothing was changed in them since; and that nothing was
  appended (or, if something was, what);
* it does **not** prove that the witness said these words (the witness's and the
  interpreter's signatures on paper do), that the laptop was not compromised or its
  passphrase not coerced (security.md A3: signatures cannot tell genuine from coerced), or
  when it was signed (the time is the laptop's clock, a claim).

Only sealed versions are signed: a draft can still change, so a signature on it would vouch
for a text that no longer exists. The unsigned statement stays byte for byte at the start of
the signed file, so the SHA-256 the ``pdf`` command printed and the bundle lists still checks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from testimony_app.crypto.statement_keys import (
    CertificateNotVouched,
    certificate_sha256,
    describe_public_key,
    vouching_device,
)
from testimony_app.errors import UserFacingError
from testimony_app.services.organisation import OrganisationService
from testimony_app.storage import device_keys
from testimony_app.storage.vault import OpenVault
from testimony_app.words import Message, Verbatim

if TYPE_CHECKING:
    from testimony_app.reports.signature import PdfSignatures, SignatureReading


def _signature_module() -> ModuleType:
    """``reports.signature``, imported on first use: pyHanko and what it brings (aiohttp,
    asn1crypto, ...) take seconds to import on an old laptop, and the window must not wait
    for them at every start when most sessions never sign."""
    from testimony_app.reports import signature

    return signature


#: The reason written into every signature, shown by PDF readers in their signature panel.
SIGN_REASON = (
    "Produced by a Testimony laptop from a sealed version of the testimony. This signature"
    " shows which laptop made these bytes; the witness's signatures are on paper."
)

REGISTERED = "registered"
OWN_DEVICE = "this vault's own device"
NOT_REGISTERED = "not registered"
DIFFERENT_KEY = "registered with a different key"
REVOKED = "revoked"
NOT_CHECKED = "not checked"


class NotSealed(UserFacingError):
    """A draft statement cannot be signed."""


def sign_statement(vault: OpenVault, pdf: bytes) -> bytes:
    """``pdf`` with the laptop's signature appended (made with the vault's statement key)."""
    key = device_keys.ensure_statement_key(vault)
    signed: bytes = _signature_module().sign_pdf(
        pdf,
        private_key_der=key.private_key_der,
        certificate_der=key.certificate_der,
        signed_at=device_keys.claimed_now(vault),
        reason=SIGN_REASON,
    )
    return signed


@dataclass(frozen=True)
class SignatureCheck:
    """One signature in a statement, and who vouched for its key.

    ``registration`` says how the vouching device stands in the vault used for the check:
    ``registered`` (its key is in the vault's register of devices), ``this vault's own
    device``, ``not registered``, ``registered with a different key`` (its device id sent
    bundles with another key), ``revoked``, or ``not checked`` (no vault given).
    """

    field_name: str
    sound: bool
    whole_file: bool
    later_changes: Message
    later_changes_acceptable: bool
    signed_at_claimed: str
    key: str
    certificate_sha256: str
    vouched: bool
    device_id: str
    device_key: str
    device_fingerprint: str
    registration: str
    problems: tuple[Message, ...]


@dataclass(frozen=True)
class StatementVerification:
    """What ``verify-statement`` found; ``ok`` only if every check passed."""

    path: str
    size: int
    sha256: str
    unsigned_length: int | None
    unsigned_sha256: str
    signatures: tuple[SignatureCheck, ...]
    vault_checked: bool
    ok: bool
    problems: tuple[Message, ...]


def _registration(vault: OpenVault | None, device_id: str, device_key: str) -> str:
    if vault is None:
        return NOT_CHECKED
    own = vault.get_meta(device_keys.DEVICE_PUBLIC)
    if vault.get_meta(device_keys.DEVICE_ID) == device_id and own == device_key:
        return OWN_DEVICE
    organisation = OrganisationService(vault)
    pinned = organisation.pinned_device_key(device_id)
    if pinned is not None and pinned != device_key:
        return DIFFERENT_KEY
    row = organisation.devices.get(device_key)
    if row is None or row.status == "unconfirmed":
        return NOT_REGISTERED
    return REVOKED if row.status == "revoked" else REGISTERED


def _check(reading: SignatureReading, vault: OpenVault | None, last: bool) -> SignatureCheck:
    problems: list[Message] = []
    if reading.problem is not None:
        problems.append(Message("statement.uncheckable", problem=reading.problem))
    elif not reading.intact:
        problems.append(Message("statement.covered_bytes_changed"))
    elif not reading.valid:
        problems.append(Message("statement.signature_not_key"))
    elif reading.envelope_problem is not None:
        problems.append(Message("statement.envelope_changed", problem=reading.envelope_problem))
    if last and not reading.whole_file:
        problems.append(Message("statement.not_whole_file"))
    elif not last and not reading.later_changes_acceptable:
        problems.append(Message("statement.changed_after", changes=reading.later_changes))
    device_id = device_key = fingerprint = ""
    vouched = False
    registration = NOT_CHECKED
    key_kind = certificate = ""
    if reading.certificate_der:
        certificate = certificate_sha256(reading.certificate_der)
        try:
            key_kind = describe_public_key(reading.certificate_der)
            attestation = vouching_device(reading.certificate_der)
        except CertificateNotVouched as exc:
            problems.append(Message("statement.not_vouched", reason=exc.message))
        else:
            vouched = True
            device_id = attestation.device_id
            device_key = attestation.device_key.to_text()
            fingerprint = attestation.device_key.fingerprint
            registration = _registration(vault, device_id, device_key)
            device = Verbatim(device_id)
            if registration == NOT_REGISTERED:
                problems.append(Message("statement.device_not_registered", device=device))
            elif registration == DIFFERENT_KEY:
                problems.append(Message("statement.device_other_key", device=device))
            elif registration == REVOKED:
                problems.append(Message("statement.device_revoked", device=device))
    return SignatureCheck(
        field_name=reading.field_name,
        sound=reading.sound,
        whole_file=reading.whole_file,
        later_changes=reading.later_changes,
        later_changes_acceptable=reading.later_changes_acceptable,
        signed_at_claimed=reading.signed_at_claimed,
        key=key_kind,
        certificate_sha256=certificate,
        vouched=vouched,
        device_id=device_id,
        device_key=device_key,
        device_fingerprint=fingerprint,
        registration=registration,
        problems=tuple(problems),
    )


def verify_statement(path: Path, vault: OpenVault | None = None) -> StatementVerification:
    """Check a signed statement: its signatures, their coverage, and who vouched for them.

    With ``vault`` (the organisation's, or a laptop's own), each vouching device is also
    looked up among the devices that vault registered.
    """
    signature = _signature_module()
    try:
        size = path.stat().st_size
        if size > signature.MAX_SIGNED_PDF_BYTES:
            raise UserFacingError("statement.file_too_large")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserFacingError("statement.file_missing") from None
    except OSError:
        raise UserFacingError("statement.file_unreadable") from None
    found: PdfSignatures = signature.read_signatures(data)
    count = len(found.signatures)
    checks = tuple(
        _check(reading, vault, i == count - 1) for i, reading in enumerate(found.signatures)
    )
    problems = [
        Message("statement.signature_problem", number=i, field=Verbatim(c.field_name), problem=p)
        for i, c in enumerate(checks, start=1)
        for p in c.problems
    ]
    if not checks:
        problems.append(Message("statement.no_signature"))
    unsigned = found.unsigned_length
    return StatementVerification(
        path=str(path),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        unsigned_length=unsigned,
        unsigned_sha256=hashlib.sha256(data[:unsigned]).hexdigest() if unsigned else "",
        signatures=checks,
        vault_checked=vault is not None,
        ok=not problems,
        problems=tuple(problems),
    )
