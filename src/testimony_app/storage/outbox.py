"""High-risk mode's storage: the outbox of handed-over bundles, and the hand-over itself.

In high-risk mode (issue 20) a sealed record is *handed over*: its bundle, encrypted to the
organisation and signed by this laptop, is written into ``<vault>/outbox/``, read back, and
then, in **one transaction**, the bundle is entered in the export ledger and the outbox, the
record is listed in ``handovers`` and its content is deleted by the same statements as a purge
after a receipt (:func:`.export_ledger.purge_content`). What a crash can leave:

* before the commit: the record readable, and perhaps a bundle file (or a temporary one) that
  no outbox row names; :func:`recover` deletes it at the next unlock, so there is no outbox
  bundle either;
* after the commit: the record handed over, its bundle in the outbox, verified before the
  commit. What still has to happen — the attachment files deleted, the database compacted,
  the backups replaced — is marked in ``meta`` (``handover_scrub``) in the same transaction,
  and :func:`recover` finishes it at the next unlock.

A bundle stays in the outbox, however often it is copied to a stick, until the organisation's
receipt names it (:meth:`Outbox.release`). This module knows SQL and files; the services
layer decides who may be handed over (:mod:`testimony_app.services.handover`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from testimony_app.log import get_logger
from testimony_app.paths import ensure_private_dir, file_sha256, fsync_dir
from testimony_app.storage import audit, schema
from testimony_app.storage.attachments import empty_trash
from testimony_app.storage.database import Database
from testimony_app.storage.export_ledger import LedgerVersion, insert_export, purge_content

log = get_logger("storage.outbox")

OUTBOX_DIR = "outbox"
SCRUB_PENDING = "handover_scrub"
_CHUNK = 1 << 20

Clock = Callable[[], str]


@dataclass(frozen=True)
class OutboxEntry:
    """A bundle waiting in the outbox (or released once a receipt named it)."""

    bundle_id: str
    file: str
    sha256: str
    size: int
    created_at: str
    sent: int
    """How many times it was copied out (to a stick, a folder)."""
    released_at: str
    records: tuple[str, ...]


@dataclass(frozen=True)
class Handover:
    """What the laptop keeps of a handed-over record."""

    record_id: str
    version: int
    content_sha256: str
    pseudonym: str
    interview_date: str
    bundle_id: str
    handed_over_at: str


@dataclass(frozen=True)
class HandedRecord:
    """One record of a hand-over: the versions that went and what the laptop keeps."""

    record_id: str
    version: int
    content_sha256: str
    pseudonym: str
    interview_date: str


class Outbox:
    """The outbox and the hand-over ledger of one unlocked vault."""

    def __init__(self, db: Database, vault_path: Path, now: Clock) -> None:
        self._db = db
        self._now = now
        self.folder = vault_path / OUTBOX_DIR

    def ensure_folder(self) -> Path:
        """``<vault>/outbox``, made 0700 if missing."""
        return ensure_private_dir(self.folder)

    # -- reading -------------------------------------------------------------------------------

    def entries(self, *, pending_only: bool = True) -> list[OutboxEntry]:
        """Bundles in the outbox, oldest first (with ``pending_only=False`` the released too)."""
        where = "WHERE o.released_at = ''" if pending_only else ""
        rows = self._db.query(
            "SELECT o.bundle_id, o.file, o.sha256, o.size, o.created_at, o.sent, o.released_at,"
            " (SELECT json_group_array(h.record_id) FROM handovers h"
            "  WHERE h.bundle_id = o.bundle_id)"
            f" FROM outbox o {where} ORDER BY o.created_at, o.rowid"
        )
        return [
            OutboxEntry(r[0], r[1], r[2], int(r[3]), r[4], int(r[5]), r[6],
                        tuple(sorted(json.loads(r[7] or "[]"))))
            for r in rows
        ]

    def entry(self, bundle_id: str) -> OutboxEntry | None:
        """One outbox entry by bundle id, released or not."""
        for found in self.entries(pending_only=False):
            if found.bundle_id == bundle_id:
                return found
        return None

    def path_of(self, entry: OutboxEntry) -> Path:
        """Where the entry's bundle lies in the vault."""
        return self.folder / entry.file

    def handovers(self) -> dict[str, Handover]:
        """Every handed-over record, by id."""
        return {
            r[0]: Handover(r[0], int(r[1]), r[2], r[3], r[4], r[5], r[6])
            for r in self._db.query(
                "SELECT record_id, version, content_sha256, pseudonym, interview_date,"
                " bundle_id, handed_over_at FROM handovers ORDER BY handed_over_at, rowid"
            )
        }

    def handover(self, record_id: str) -> Handover | None:
        """The hand-over of one record, or ``None`` while the laptop still holds it."""
        rows = self._db.query(
            "SELECT record_id, version, content_sha256, pseudonym, interview_date, bundle_id,"
            " handed_over_at FROM handovers WHERE record_id = ?",
            (record_id,),
        )
        if not rows:
            return None
        r = rows[0]
        return Handover(r[0], int(r[1]), r[2], r[3], r[4], r[5], r[6])

    def sealed_waiting(self) -> list[tuple[str, str]]:
        """``(record id, sealed_at)`` of every record whose newest version is sealed, whose
        content is still here and which was not handed over: one query, for the minute timer."""
        return [
            (str(r[0]), str(r[1]))
            for r in self._db.query(
                "SELECT r.id, v.sealed_at FROM records r JOIN versions v"
                " ON v.record_id = r.id AND v.number = r.current"
                " WHERE v.sealed = 1 AND v.purged = 0"
                " AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.record_id = r.id)"
                " ORDER BY r.interview_date DESC, r.updated_at DESC"
            )
        ]

    def count_handed_over(self) -> int:
        """How many records only the organisation can read now."""
        return int(self._db.scalar("SELECT count(*) FROM handovers"))

    # -- the hand-over -------------------------------------------------------------------------

    def commit_handover(
        self,
        *,
        file: Path,
        bundle_id: str,
        sha256: str,
        size: int,
        created_at: str,
        recipients: Sequence[str],
        versions: Sequence[LedgerVersion],
        records: Sequence[HandedRecord],
    ) -> None:
        """The point of no return, in one transaction: the bundle in the ledger and the
        outbox, each record listed as handed over and its content deleted, and the scrub
        still to do marked. ``file`` must already be the verified bundle in the outbox."""
        now = self._now()
        with self._db.transaction() as conn:
            insert_export(
                conn,
                now,
                bundle_id=bundle_id,
                sha256=sha256,
                size=size,
                created_at=created_at,
                recipients=recipients,
                versions=versions,
            )
            conn.execute(
                "INSERT INTO outbox (bundle_id, file, sha256, size, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (bundle_id, file.name, sha256, size, now),
            )
            for record in records:
                conn.execute(
                    "INSERT INTO handovers (record_id, version, content_sha256, pseudonym,"
                    " interview_date, bundle_id, handed_over_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (record.record_id, record.version, record.content_sha256, record.pseudonym,
                     record.interview_date, bundle_id, now),
                )
                purge_content(
                    conn, now, record.record_id, sha256,
                    label=record.pseudonym, action="handed-over",
                )
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, '1')"
                " ON CONFLICT(key) DO UPDATE SET value = '1'",
                (SCRUB_PENDING,),
            )

    def scrub_pending(self) -> bool:
        """Whether a committed hand-over has not yet been scrubbed from files and backups."""
        return bool(self._db.scalar("SELECT 1 FROM meta WHERE key = ?", (SCRUB_PENDING,)))

    def scrub_done(self) -> None:
        """Forget the mark once the files, the database and the backups are clean."""
        self._db.execute("DELETE FROM meta WHERE key = ?", (SCRUB_PENDING,))

    def empty_trash(self) -> None:
        """Delete the attachment files the committed hand-over put in the trash."""
        empty_trash(self._db)

    # -- sending and releasing -----------------------------------------------------------------

    def mark_sent(self, bundle_id: str, sha256: str) -> None:
        """Count one copy made out of the outbox, with an audit entry (never the place)."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE outbox SET sent = sent + 1 WHERE bundle_id = ?", (bundle_id,))
            audit.append(
                conn, at=self._now(), action="outbox-sent", record_id="", version=0,
                payload_sha256=sha256,
            )

    def release(self, bundle_id: str) -> bool:
        """The organisation's receipt named this bundle: delete its file, keep the row.

        Returns whether anything was released (False for a bundle not in the outbox or already
        released). The row is marked first, then the file goes; a crash between them leaves a
        file no pending row names, which :func:`recover` deletes.
        """
        rows = self._db.query(
            "SELECT file, sha256 FROM outbox WHERE bundle_id = ? AND released_at = ''",
            (bundle_id,),
        )
        if not rows:
            return False
        name, sha256 = str(rows[0][0]), str(rows[0][1])
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET released_at = ? WHERE bundle_id = ?", (self._now(), bundle_id)
            )
            audit.append(
                conn, at=self._now(), action="outbox-released", record_id="", version=0,
                payload_sha256=sha256,
            )
        (self.folder / name).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            fsync_dir(self.folder)
        return True

    # -- recovery ------------------------------------------------------------------------------

    def stray_files(self) -> list[Path]:
        """Files in the outbox that no pending entry names: a hand-over killed before its
        commit, a temporary bundle, a released bundle whose deletion was interrupted."""
        if not self.folder.is_dir():
            return []
        named = {e.file for e in self.entries()}
        return sorted(p for p in self.folder.iterdir() if p.name not in named)

    def remove_strays(self) -> int:
        """Delete :meth:`stray_files`; return how many."""
        strays = self.stray_files()
        for stray in strays:
            if stray.is_dir() and not stray.is_symlink():
                continue
            stray.unlink(missing_ok=True)
        if strays:
            fsync_dir(self.folder)
            log.info("removed %d file(s) from the outbox that no hand-over committed", len(strays))
        return len(strays)

    def missing_files(self) -> list[OutboxEntry]:
        """Pending entries whose bundle file is gone or no longer has its hash (damage)."""
        damaged = []
        for found in self.entries():
            path = self.path_of(found)
            try:
                digest, size = file_sha256(path)
            except OSError:
                damaged.append(found)
                continue
            if digest != found.sha256 or size != found.size:
                damaged.append(found)
        return damaged


def set_aside_databases(vault_path: Path) -> list[Path]:
    """Database files a restore set aside in the vault folder (not their WAL or SHM)."""
    return sorted(
        p for p in vault_path.glob("vault.db.damaged-*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    )


def scrub_copy(db: Database, handed: Sequence[Handover], now: str) -> int:
    """Delete the handed-over records' content from another database of the vault.

    A copy a restore set aside may be kept (it can hold a draft the vault lacks), and it may
    hold an older state of a record handed over since: drafts included. Its drafts of those
    records are deleted, their sealed versions purged by the same statements as the vault's
    own, and the file compacted. Returns how many records it held.
    """
    schema.migrate(db)
    found = 0
    with db.transaction() as conn:
        for h in handed:
            if conn.execute("SELECT 1 FROM records WHERE id = ?", (h.record_id,)).fetchone():
                found += 1
                conn.execute(
                    "DELETE FROM versions WHERE record_id = ? AND sealed = 0", (h.record_id,)
                )
                purge_content(
                    conn, now, h.record_id, h.content_sha256,
                    label=h.pseudonym, action="handed-over",
                )
    if found:
        db.execute("DELETE FROM blob_trash")  # the files were the vault's, already deleted
        with db.lock:
            db.query("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("VACUUM")
            db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    return found


def write_fsynced_copy(source: Path, dest: Path) -> None:
    """Copy ``source`` to ``dest`` by a temporary name in the same folder (fsync, replace)."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with open(source, "rb") as src, open(
            os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb"
        ) as out:
            while chunk := src.read(_CHUNK):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
