"""The laptop's own keys, kept only inside the encrypted vault's ``meta`` table.

* the **device key** (Ed25519): signs bundle manifests, and new record ids are derived from
  it; the organisation registers it at enrolment. Made when the vault is created (or, for an
  older vault, the first time it is needed: a new record, an export, a statement).
* the **statement key** (RSA-3072 and a self-signed certificate that the device key vouches
  for, see :mod:`testimony_app.crypto.statement_keys`): signs statement PDFs so that PDF
  readers can check them. Made the first time a statement is signed, because RSA key
  generation takes a second and most vaults never sign.

Both are read back strictly: a stored key that does not parse, or a certificate that this
vault's device key did not vouch for, is damage to report (restore a backup), never a reason
to make a new key silently, which would let statements signed before and after disagree.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime

from testimony_app.crypto.signing import SigningKey
from testimony_app.crypto.statement_keys import (
    StatementKey,
    check_statement_key,
    make_statement_key,
)
from testimony_app.errors import UserFacingError, VaultDamaged
from testimony_app.storage.id_binding import DEVICE_KEY as DEVICE_KEY
from testimony_app.storage.id_binding import DEVICE_PUBLIC as DEVICE_PUBLIC
from testimony_app.storage.vault import OpenVault

DEVICE_ID = "device_id"
STATEMENT_KEY = "statement_signing_key"
STATEMENT_CERTIFICATE = "statement_certificate"


def device_id(vault: OpenVault) -> str:
    """The random id this vault signs bundles and statement certificates under."""
    value = vault.get_meta(DEVICE_ID)
    if not value:
        raise VaultDamaged("vault.no_device_id")
    return value


def ensure_device_key(vault: OpenVault) -> SigningKey:
    """The vault's Ed25519 device key, made on first need and kept only inside the vault."""
    stored = vault.get_meta(DEVICE_KEY)
    if stored is not None:
        try:
            return SigningKey.from_private_bytes(base64.b64decode(stored, validate=True))
        except (binascii.Error, ValueError, UserFacingError):
            raise VaultDamaged("vault.device_key_damaged") from None
    key = SigningKey.generate()
    vault.set_meta(DEVICE_KEY, base64.b64encode(key.private_bytes()).decode("ascii"))
    vault.set_meta(DEVICE_PUBLIC, key.public_key.to_text())
    return key


def _decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise VaultDamaged(
            "vault.statement_key_damaged"
        ) from None


def claimed_now(vault: OpenVault) -> datetime:
    """The laptop's clock as the vault reads it (a claim, like every device time)."""
    try:
        return datetime.strptime(vault.now(), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.now(UTC).replace(microsecond=0)


def stored_statement_key(vault: OpenVault) -> StatementKey | None:
    """The statement key if this vault has one (checked against the device key), else None."""
    key_text = vault.get_meta(STATEMENT_KEY)
    cert_text = vault.get_meta(STATEMENT_CERTIFICATE)
    if key_text is None and cert_text is None:
        return None
    if key_text is None or cert_text is None:
        raise VaultDamaged("vault.statement_key_damaged")
    key = StatementKey(private_key_der=_decode(key_text), certificate_der=_decode(cert_text))
    device = ensure_device_key(vault)
    try:
        check_statement_key(key, device.public_key, device_id(vault))
    except UserFacingError:
        raise VaultDamaged(
            "vault.statement_key_damaged"
        ) from None
    return key


def ensure_statement_key(vault: OpenVault) -> StatementKey:
    """The vault's statement-signing key and certificate, made on first need.

    The slow part (RSA key generation) runs before the transaction; inside it, a key another
    call stored meanwhile wins, so a vault never holds two certificates.
    """
    existing = stored_statement_key(vault)
    if existing is not None:
        return existing
    made = make_statement_key(ensure_device_key(vault), device_id(vault), claimed_now(vault))
    with vault.db.transaction() as conn:
        row = conn.execute("SELECT 1 FROM meta WHERE key = ?", (STATEMENT_KEY,)).fetchone()
        if row is None:
            for name, der in (
                (STATEMENT_KEY, made.private_key_der),
                (STATEMENT_CERTIFICATE, made.certificate_der),
            ):
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    (name, base64.b64encode(der).decode("ascii")),
                )
    stored = stored_statement_key(vault)
    assert stored is not None
    return stored
