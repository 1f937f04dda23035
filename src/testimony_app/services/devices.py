"""The devices an organisation knows, and which device each record belongs to.

Enrolment is two-way (security.md §5 D10). The interviewer enrols the organisation on the
laptop after comparing the organisation's fingerprint read aloud; then the interviewer reads
the *laptop's* fingerprint to the organisation, which registers the laptop's key here after
comparing it (:meth:`DeviceService.register`). Only then does the organisation import the
laptop's bundles: a bundle signed by any other key is refused, or kept aside unmerged in the
quarantine for a person to decide. Nothing is trusted on first use.

A record belongs to the device that sent its first version. Versions of it from any other
device are kept aside, never current, unless the organisation transfers the record
(:meth:`DeviceService.transfer`, in its audit log) — for instance to the interviewer's new
laptop after the old one was lost. A lost or seized laptop is revoked
(:meth:`DeviceService.revoke`): from then on its bundles are refused, whatever date they carry.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass

from testimony_app.crypto.chain import sha256_hex
from testimony_app.crypto.signing import PublicKey
from testimony_app.errors import RecordNotFound, UserFacingError, stored_day
from testimony_app.storage.device_register import DeviceRegister, DeviceRow, OwnerRow
from testimony_app.storage.vault import OpenVault

__all__ = ["DeviceRow", "DeviceService", "OwnerRow", "Transfer"]

_MAX_TEXT = 200
_FINGERPRINT = re.compile(r"[A-Z2-7]{4}(?:-?[A-Z2-7]{4}){4}")


@dataclass(frozen=True)
class Transfer:
    """A record given to another device."""

    record_id: str
    public_key: str
    device_fingerprint: str
    device_name: str
    reason: str


def _clean(text: str, *, name: bool = False) -> str:
    """``text`` with its spaces folded; refused when too long or holding control characters
    (a device's name, or else a reason)."""
    clean = " ".join(text.split())
    if len(clean) > _MAX_TEXT or not clean.isprintable():
        if name:
            raise UserFacingError("device.name_invalid")
        raise UserFacingError("device.reason_invalid")
    return clean


class DeviceService:
    """The register of one organisation vault (``session.bundles.organisation.devices``)."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._register = DeviceRegister(vault.db, vault.now)

    # -- reading -----------------------------------------------------------------------------

    @staticmethod
    def fingerprint_of(public_key: str) -> str:
        """Check a device key as typed and return the fingerprint to compare aloud."""
        return PublicKey.from_text(public_key.strip()).fingerprint

    def list(self) -> builtins.list[DeviceRow]:
        """Every device registered (or pinned by version 0.1), in the order they came."""
        return self._register.all()

    def get(self, public_key: str) -> DeviceRow | None:
        """The register's row for a key, if any."""
        return self._register.get(public_key)

    def active_keys(self) -> builtins.list[PublicKey]:
        """Keys whose bundles are imported: registered, confirmed and not revoked."""
        return [PublicKey.from_text(k) for k in self._register.active_keys()]

    def find(self, key_or_fingerprint: str) -> DeviceRow:
        """The device named by its key (``ed25519:…``) or its fingerprint, or one sentence."""
        text = key_or_fingerprint.strip()
        if text.startswith("ed25519:"):
            row = self._register.get(PublicKey.from_text(text).to_text())
            if row is None:
                raise UserFacingError("device.key_not_registered")
            return row
        if _FINGERPRINT.fullmatch(text.upper()) is None:
            raise UserFacingError(
                "device.name_by_key"
            )
        compact = text.upper().replace("-", "")
        fingerprint = "-".join(compact[i : i + 4] for i in range(0, 20, 4))
        rows = self._register.by_fingerprint(fingerprint)
        if not rows:
            raise UserFacingError(
                "device.fingerprint_not_registered"
            )
        if len(rows) > 1:
            raise UserFacingError("device.fingerprint_ambiguous")
        return rows[0]

    def owners(self, record_id: str) -> builtins.list[OwnerRow]:
        """Every device the record has belonged to, the current one last."""
        return self._register.owners(self._vault.records.resolve(record_id))

    # -- changing ----------------------------------------------------------------------------

    def register(self, public_key: str, name: str, *, confirmed: bool) -> DeviceRow:
        """Register a laptop once a person compared its fingerprint with the interviewer.

        A key that version 0.1 pinned on first use is confirmed the same way. A revoked key
        cannot come back: the interviewer's new laptop has a new key.
        """
        key = PublicKey.from_text(public_key.strip())
        if not confirmed:
            raise UserFacingError(
                "device.register_not_confirmed"
            )
        clean = _clean(name, name=True)
        if not clean:
            raise UserFacingError("device.name_missing")
        existing = self._register.get(key.to_text())
        if existing is not None and existing.status == "revoked":
            raise UserFacingError(
                "device.register_revoked", date=stored_day(existing.revoked_at)
            )
        if existing is not None and existing.status == "registered":
            raise UserFacingError("device.already_registered", name=existing.name)
        self._register.register(
            key.to_text(), key.fingerprint, clean, sha256_hex(f"{key.to_text()}\n{clean}".encode())
        )
        row = self._register.get(key.to_text())
        assert row is not None
        return row

    def revoke(self, key_or_fingerprint: str, reason: str, *, confirmed: bool) -> DeviceRow:
        """Refuse the device's bundles from now on (lost or seized laptop); keep its records."""
        row = self.find(key_or_fingerprint)
        if not confirmed:
            raise UserFacingError("device.revoke_not_confirmed")
        clean = _clean(reason)
        if not clean:
            raise UserFacingError("device.revoke_reason_missing")
        if row.status == "revoked":
            raise UserFacingError("device.already_revoked", date=stored_day(row.revoked_at))
        self._register.revoke(
            row.public_key, clean, sha256_hex(f"{row.public_key}\n{clean}".encode())
        )
        updated = self._register.get(row.public_key)
        assert updated is not None
        return updated

    def transfer(self, record_id: str, to_device: str, reason: str, *, confirmed: bool) -> Transfer:
        """Give a record to another registered device: its versions are taken from now on."""
        target = self.find(to_device)
        try:
            resolved = self._vault.records.resolve(record_id)
        except RecordNotFound:
            raise RecordNotFound("record.not_found") from None
        if not confirmed:
            raise UserFacingError("device.transfer_not_confirmed")
        clean = _clean(reason)
        if not clean:
            raise UserFacingError("device.transfer_reason_missing")
        if target.status != "registered":
            raise UserFacingError(
                "device.transfer_target_invalid"
            )
        owners = self._register.owners(resolved)
        if owners and owners[-1].public_key == target.public_key:
            raise UserFacingError("device.transfer_same_device")
        self._register.transfer(
            resolved,
            target.public_key,
            clean,
            sha256_hex(f"{resolved}\n{target.public_key}\n{clean}".encode()),
        )
        return Transfer(resolved, target.public_key, target.fingerprint, target.name, clean)
