"""The organisation's register of devices, and which device each record belongs to.

A device is registered by its public key (``device_register``) after a person compared the
laptop's fingerprint aloud; it can later be revoked, never deleted. A key that version 0.1
pinned on first use is listed unconfirmed until someone confirms it. A record belongs to the
device that sent its first version, or to the one the organisation transferred it to
(``record_owners``, append-only: the newest row is the owner). Every change is in the audit
chain, in the same transaction.

This module stores; the rules are in ``services/devices.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from testimony_app.storage import audit
from testimony_app.storage.database import Database

__all__ = ["DeviceRegister", "DeviceRow", "DeviceStatus", "OwnerRow"]

Clock = Callable[[], str]
DeviceStatus = Literal["registered", "unconfirmed", "revoked"]

_SELECT = (
    "SELECT r.public_key, r.fingerprint, r.name, r.registered_at, r.revoked_at,"
    " r.revoked_reason,"
    " (SELECT group_concat(device_id, ' ') FROM devices d WHERE d.public_key = r.public_key),"
    " (SELECT count(*) FROM imported_bundles b JOIN devices d ON d.device_id = b.device_id"
    "  WHERE d.public_key = r.public_key),"
    " (SELECT coalesce(max(b.imported_at), '') FROM imported_bundles b"
    "  JOIN devices d ON d.device_id = b.device_id WHERE d.public_key = r.public_key)"
    " FROM device_register r"
)


@dataclass(frozen=True)
class DeviceRow:
    """A device in the register, with what it has sent."""

    public_key: str
    fingerprint: str
    name: str
    registered_at: str
    revoked_at: str
    revoked_reason: str
    device_ids: tuple[str, ...]
    bundles: int
    last_import: str

    @property
    def status(self) -> DeviceStatus:
        """``revoked`` once revoked; ``unconfirmed`` if pinned by 0.1 and never confirmed."""
        if self.revoked_at:
            return "revoked"
        return "registered" if self.registered_at else "unconfirmed"


@dataclass(frozen=True)
class OwnerRow:
    """One owner of a record: the first sender, or a transfer."""

    record_id: str
    public_key: str
    since: str
    reason: str


def _row(r: tuple[object, ...]) -> DeviceRow:
    ids = str(r[6] or "").split()
    return DeviceRow(
        str(r[0]),
        str(r[1]),
        str(r[2]),
        str(r[3]),
        str(r[4]),
        str(r[5]),
        tuple(ids),
        int(str(r[7])),
        str(r[8]),
    )


class DeviceRegister:
    """Reads and writes the register and the record owners of one organisation vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now

    # -- reading --------------------------------------------------------------------------

    def get(self, public_key: str) -> DeviceRow | None:
        """The register's row for a key, if any."""
        rows = self._db.query(_SELECT + " WHERE r.public_key = ?", (public_key,))
        return _row(rows[0]) if rows else None

    def by_fingerprint(self, fingerprint: str) -> list[DeviceRow]:
        """Rows whose fingerprint is the one given (upper case, with dashes)."""
        return [
            _row(r) for r in self._db.query(_SELECT + " WHERE r.fingerprint = ?", (fingerprint,))
        ]

    def all(self) -> list[DeviceRow]:
        """Every device ever registered (or pinned by 0.1), in the order they came."""
        return [_row(r) for r in self._db.query(_SELECT + " ORDER BY r.rowid")]

    def active_keys(self) -> list[str]:
        """Keys whose bundles may be imported: registered and not revoked."""
        return [
            str(r[0])
            for r in self._db.query(
                "SELECT public_key FROM device_register"
                " WHERE registered_at <> '' AND revoked_at = '' ORDER BY rowid"
            )
        ]

    def owners(self, record_id: str) -> list[OwnerRow]:
        """Every owner the record has had, the current one last."""
        return [
            OwnerRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in self._db.query(
                "SELECT record_id, public_key, since, reason FROM record_owners"
                " WHERE record_id = ? ORDER BY id",
                (record_id,),
            )
        ]

    def record_exists(self, record_id: str) -> bool:
        """Whether the vault holds the record."""
        return self._db.scalar("SELECT 1 FROM records WHERE id = ?", (record_id,)) is not None

    # -- writing --------------------------------------------------------------------------

    def register(self, public_key: str, fingerprint: str, name: str, payload_sha256: str) -> None:
        """Register a new key, or confirm one that version 0.1 pinned on first use."""
        now = self._now()
        with self._db.transaction() as conn:
            updated = conn.execute(
                "UPDATE device_register SET name = ?, registered_at = ?"
                " WHERE public_key = ? AND registered_at = '' AND revoked_at = ''",
                (name, now, public_key),
            ).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO device_register (public_key, fingerprint, name, registered_at)"
                    " VALUES (?, ?, ?, ?)",
                    (public_key, fingerprint, name, now),
                )
            audit.append(
                conn,
                at=now,
                action="device-registered",
                record_id="",
                version=0,
                payload_sha256=payload_sha256,
            )

    def revoke(self, public_key: str, reason: str, payload_sha256: str) -> None:
        """Revoke a key from now on: its later bundles are refused."""
        now = self._now()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE device_register SET revoked_at = ?, revoked_reason = ?"
                " WHERE public_key = ? AND revoked_at = ''",
                (now, reason, public_key),
            )
            audit.append(
                conn,
                at=now,
                action="device-revoked",
                record_id="",
                version=0,
                payload_sha256=payload_sha256,
            )

    def transfer(self, record_id: str, public_key: str, reason: str, payload_sha256: str) -> None:
        """Give a record to another registered device; its versions are taken from now on."""
        now = self._now()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO record_owners (record_id, public_key, since, reason)"
                " VALUES (?, ?, ?, ?)",
                (record_id, public_key, now, reason),
            )
            audit.append(
                conn,
                at=now,
                action="record-transferred",
                record_id=record_id,
                version=0,
                payload_sha256=payload_sha256,
            )
