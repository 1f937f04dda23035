"""Bundles kept aside at the organisation, unmerged, until a person decides.

A bundle that verified in every byte but comes from a device the organisation has not
registered (or has revoked) is copied, as the encrypted ``.age`` file it is, into the vault's
``quarantine`` folder, and a row says where it came from (``quarantine``). Nothing of its
content enters the vault. A person then imports it (once the device is registered) or
discards it; either way the row stays as evidence of what arrived, and the file goes.

Files are written as everywhere in the vault: a temporary name in the same folder, created
0600, fsynced, renamed, the folder fsynced; the copy's SHA-256 must be the one the bundle
verified under, or nothing is kept.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from testimony_app.errors import DiskFull, UserFacingError
from testimony_app.paths import FILE_MODE, ensure_private_dir, fsync_dir
from testimony_app.storage import audit
from testimony_app.storage.database import Database

__all__ = ["QuarantineReason", "QuarantineRow", "QuarantineStore"]

Clock = Callable[[], str]
QuarantineReason = Literal["unregistered", "unconfirmed", "revoked"]
FOLDER = "quarantine"
_COPY_CHUNK = 1024 * 1024
_COLUMNS = (
    "id, bundle_id, sha256, size, device_id, public_key, fingerprint, created_at, records,"
    " reason, file, quarantined_at, state, decided_at"
)


@dataclass(frozen=True)
class QuarantineRow:
    """A bundle kept aside, and what became of it."""

    id: int
    bundle_id: str
    sha256: str
    size: int
    device_id: str
    public_key: str
    fingerprint: str
    created_at: str
    records: int
    reason: str
    file: str
    quarantined_at: str
    state: str
    decided_at: str


class QuarantineStore:
    """The quarantine folder and log of one organisation vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now
        self.folder = db.path.parent / FOLDER

    def rows(self) -> list[QuarantineRow]:
        """Every bundle ever kept aside, oldest first."""
        return [
            QuarantineRow(*r)
            for r in self._db.query(f"SELECT {_COLUMNS} FROM quarantine ORDER BY id")
        ]

    def held(self, sha256: str) -> QuarantineRow | None:
        """The row of a file still held in quarantine, by the file's SHA-256."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM quarantine WHERE sha256 = ? AND state = 'held'", (sha256,)
        )
        return QuarantineRow(*rows[0]) if rows else None

    def path(self, row: QuarantineRow) -> Path:
        """Where the held file is."""
        return self.folder / row.file

    def keep(
        self,
        source: Path,
        *,
        sha256: str,
        bundle_id: str,
        device_id: str,
        public_key: str,
        fingerprint: str,
        created_at: str,
        records: int,
        reason: QuarantineReason,
    ) -> QuarantineRow:
        """Copy ``source`` into the quarantine folder and log it; the copy must hash to
        ``sha256`` (the hash the bundle verified under), or nothing is kept."""
        ensure_private_dir(self.folder)
        name = f"{secrets.token_hex(8)}.age"
        target = self.folder / name
        tmp = self.folder / f".{name}.tmp"
        size = 0
        digest = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(_COPY_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise UserFacingError(
                    "quarantine.changed_while_kept"
                )
            os.replace(tmp, target)
            fsync_dir(self.folder)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.errno == errno.ENOSPC:
                raise DiskFull("quarantine.disk_full") from None
            raise UserFacingError("quarantine.copy_failed") from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        now = self._now()
        try:
            with self._db.transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO quarantine (bundle_id, sha256, size, device_id, public_key,"
                    " fingerprint, created_at, records, reason, file, quarantined_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        bundle_id,
                        sha256,
                        size,
                        device_id,
                        public_key,
                        fingerprint,
                        created_at,
                        records,
                        reason,
                        name,
                        now,
                    ),
                )
                audit.append(
                    conn,
                    at=now,
                    action="bundle-quarantined",
                    record_id="",
                    version=0,
                    payload_sha256=sha256,
                )
                row_id = int(cursor.lastrowid)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        rows = self._db.query(f"SELECT {_COLUMNS} FROM quarantine WHERE id = ?", (row_id,))
        return QuarantineRow(*rows[0])

    def decide(self, row: QuarantineRow, state: Literal["imported", "discarded"]) -> None:
        """Mark a held bundle imported or discarded (audit entry), then delete its file."""
        now = self._now()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE quarantine SET state = ?, decided_at = ? WHERE id = ? AND state = 'held'",
                (state, now, row.id),
            )
            audit.append(
                conn,
                at=now,
                action=f"quarantine-{state}",
                record_id="",
                version=0,
                payload_sha256=row.sha256,
            )
        try:
            (self.folder / row.file).unlink(missing_ok=True)
            fsync_dir(self.folder)
        except OSError:
            pass  # the row says it is decided; a leftover file is only a copy of a bundle
