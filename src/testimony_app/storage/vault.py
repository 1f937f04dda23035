"""A vault on disk: its directory, key files, database, backups and restore.

Layout (directory mode 0700, files 0600)::

    vault.db (+ -wal, -shm)     SQLCipher 4 database: everything but attachment bytes
    attachments/                attachment files, each sealed under a key kept in vault.db
    vault.keys, vault.keys.bak  the key file and its identical copy
    backups/                    rotating encrypted backups, each with a copy of the key file
    backups/attachments/        one copy of every attachment file the backups name (files
                                never change, so each is copied once, not once per backup)

Rules that keep a testimony from being lost:

* a vault is created in a staging directory and renamed into place, so it exists whole or
  not at all;
* a missing or empty ``vault.db`` beside a key file is damage to report, never a new vault;
* a wrong passphrase changes no file; a damaged key file falls back to its copy;
* a passphrase change rewrites only the key files, atomically, one after the other, so a crash
  at any point leaves exactly one passphrase that works;
* a restore verifies the backup and its copy before moving the damaged file aside (never
  deleting it) and putting the copy in place; attachment files the restored database names
  that are missing or damaged are brought back from the backups' copies;
* each export records the audit log's head in the key files (the *export anchor*), and each
  unlock checks that the database's history still contains it, so a database replaced by an
  older copy is reported rather than silently trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from testimony_app.crypto import chain, kdf, keyslots
from testimony_app.domain import interchange
from testimony_app.domain.model import CheckReport
from testimony_app.errors import (
    KeyFileDamaged,
    UserFacingError,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from testimony_app.log import get_logger
from testimony_app.paths import atomic_write, ensure_private_dir, fsync_dir
from testimony_app.storage import audit, database, schema
from testimony_app.storage.attachments import AttachmentStore
from testimony_app.storage.blobs import BLOB_DIR, BlobDamaged, BlobMissing, BlobRef, BlobStore
from testimony_app.storage.disclosures import DisclosureStore
from testimony_app.storage.records import RecordStore

log = get_logger("storage.vault")

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"
KEYS_BAK_NAME = "vault.keys.bak"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 7


class VaultState(StrEnum):
    """What is at a vault path before unlocking."""

    ABSENT = "absent"
    READY = "ready"
    DAMAGED = "damaged"


def utc_now() -> str:
    """The device's claimed time, UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def state(path: Path) -> VaultState:
    """Look at the files without any key: absent, ready to unlock, or visibly damaged."""
    keys, bak, db = path / KEYS_NAME, path / KEYS_BAK_NAME, path / DB_NAME
    if not keys.exists() and not bak.exists():
        return VaultState.DAMAGED if db.exists() else VaultState.ABSENT
    if not db.exists() or db.stat().st_size == 0:
        return VaultState.DAMAGED
    return VaultState.READY


def _check_format(data: bytes) -> None:
    """Tell a key file from a newer program apart from a damaged one."""
    try:
        fmt = json.loads(data.decode("ascii")).get("format", "")
    except (ValueError, UnicodeDecodeError, AttributeError):
        return
    if isinstance(fmt, str) and fmt.startswith("testimony-keys/") and fmt != keyslots.FORMAT:
        raise VaultTooNew(
            "vault.too_new"
        )


def _read_slot(path: Path) -> keyslots.KeySlot:
    try:
        data = path.read_bytes()[: keyslots.MAX_FILE_BYTES + 1]
    except FileNotFoundError:
        raise KeyFileDamaged("vault.key_file_missing") from None
    except OSError:
        raise KeyFileDamaged("vault.key_file_unreadable") from None
    _check_format(data)
    return keyslots.parse(data)


def _clean_stray_temps(path: Path) -> None:
    for stray in path.glob(".vault.keys*.tmp"):
        stray.unlink(missing_ok=True)
    for stray in path.glob(f"{DB_NAME}.restoring*"):
        stray.unlink(missing_ok=True)


def unwrap_key(path: Path, passphrase: str) -> tuple[bytearray, keyslots.KeySlot]:
    """Unwrap the database key from the key file, falling back to its copy only on damage.

    A wrong passphrase never falls back: if the main copy is intact, it alone decides. That is
    what makes a crash during a passphrase change leave exactly one passphrase working.
    Repairs the other copy when the two differ.
    """
    keys, bak = path / KEYS_NAME, path / KEYS_BAK_NAME
    damage: KeyFileDamaged | None = None
    for source, other in ((keys, bak), (bak, keys)):
        try:
            slot = _read_slot(source)
            dek = keyslots.unwrap(slot, passphrase)
        except KeyFileDamaged as exc:
            damage = damage or exc
            continue
        _repair_copy(source, other)
        return dek, slot
    if not keys.exists() and not bak.exists():
        # Callers have seen a database here: missing key files are damage to repair (restore
        # falls back to a backup's key file), not an absent vault.
        raise KeyFileDamaged("vault.key_files_missing")
    raise KeyFileDamaged(
        "vault.key_file_both_damaged"
    ) from damage


def _repair_copy(good: Path, other: Path) -> None:
    data = good.read_bytes()
    try:
        if other.read_bytes() == data:
            return
    except OSError:
        pass
    try:
        atomic_write(other, data)
    except OSError:
        log.warning("could not repair the key file copy")


class OpenVault:
    """An unlocked vault: the database connection and the key, until :meth:`close`."""

    def __init__(
        self,
        path: Path,
        db: database.Database,
        dek: bytearray,
        vault_id: str,
        now: Callable[[], str] = utc_now,
    ) -> None:
        self.path = path
        self.db = db
        self._dek = dek
        self.vault_id = vault_id
        self.now = now
        self.records = RecordStore(db, now)
        self.attachments = AttachmentStore(db, now)
        self.disclosures = DisclosureStore(db, now)
        # Found at unlock; shown to the person and repeated by every check (security.md B5a):
        # ("shorter" | "differs", the anchored entry's sequence number).
        self.history_gap: tuple[str, int] | None = None
        # Attachment files the last backup could not copy (damaged or missing in the vault).
        self.backup_missing_files = 0

    @property
    def history_problem(self) -> str | None:
        """The history gap found at unlock as one sentence, or None."""
        if self.history_gap is None:
            return None
        kind, seq = self.history_gap
        if kind == "shorter":
            return (
                f"The vault's history ends before the last export (entry {seq}): its"
                " database was replaced by an older copy, by a restore or by someone else."
            )
        return (
            f"The vault's history differs from the one last exported (entry {seq}): its"
            " database was replaced by another copy, by a restore or by someone else."
        )

    @property
    def is_open(self) -> bool:
        """Whether the vault is still unlocked."""
        return self.db.is_open

    def close(self) -> None:
        """Stop open recordings, close the database and wipe the key from memory."""
        self.attachments.close()
        self.db.close()
        kdf.wipe(self._dek)

    # -- settings and metadata -------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A value from the vault's own metadata table."""
        value = self.db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        """Store a metadata value (device keys, pinned recipients)."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?",
            (key, value, value),
        )

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A user setting kept inside the encrypted vault."""
        value = self.db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        """Store a user setting inside the encrypted vault."""
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = ?",
            (key, value, value),
        )

    # -- export anchor ---------------------------------------------------------------------

    def record_export_anchor(self, seq: int, entry_hash: str) -> None:
        """Remember the audit head that just left the laptop in a bundle (both key files).

        Called after a bundle was written and verified. The key files are rewritten one after
        the other, atomically; a crash between them leaves copies that differ, and the next
        unlock repairs the second from the first.
        """
        if seq < 1:
            return
        keys, bak = self.path / KEYS_NAME, self.path / KEYS_BAK_NAME
        slot: keyslots.KeySlot | None = None
        for source in (keys, bak):
            try:
                slot = keyslots.with_anchor(
                    _read_slot(source), self._dek, keyslots.Anchor(seq, entry_hash)
                )
                break
            except KeyFileDamaged:
                continue
        if slot is None:
            raise KeyFileDamaged(
                "vault.key_file_both_damaged"
            )
        data = keyslots.serialise(slot)
        atomic_write(keys, data)
        atomic_write(bak, data)

    # -- passphrase ------------------------------------------------------------------------

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the database key under ``new``; only the key files are rewritten."""
        if not new:
            raise UserFacingError("vault.new_passphrase_empty")
        dek, slot = unwrap_key(self.path, old)
        try:
            fresh = keyslots.new_slot(
                new, dek, slot.params.with_new_salt(), slot.vault_id, slot.anchor
            )
        finally:
            kdf.wipe(dek)
        data = keyslots.serialise(fresh)
        atomic_write(self.path / KEYS_NAME, data)
        atomic_write(self.path / KEYS_BAK_NAME, data)

    # -- backups ---------------------------------------------------------------------------

    def backup(self) -> Path:
        """Write a new encrypted backup, verify it, rotate old ones; return its path."""
        folder = ensure_private_dir(self.path / BACKUP_DIR)
        # Microseconds keep "newest first" true for several backups in one second (each seal
        # makes one); with seconds only, rotation could delete the backup just written.
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"vault-{stamp}-{secrets.token_hex(2)}"
        dest = folder / f"{name}.db"
        try:
            database.backup_to(self.db, dest, self._dek)
            problems = verify_database_file(dest, self._dek)
            if problems:
                raise VaultDamaged("vault.backup_not_verified")
            self.backup_missing_files = self._back_up_files(dest)
            shutil.copyfile(self.path / KEYS_NAME, folder / f"{name}.keys")
            os.chmod(folder / f"{name}.keys", 0o600)
            fsync_dir(folder)
        except BaseException:
            dest.unlink(missing_ok=True)
            (folder / f"{name}.keys").unlink(missing_ok=True)
            raise
        self._rotate(folder)
        return dest

    def _back_up_files(self, backup_db: Path) -> int:
        """Copy the attachment files a new backup names that the backups do not hold yet.

        A file that cannot be read is skipped, not fatal: one damaged recording must not stop
        every later backup of everything else. Returns how many were skipped, for the person
        to be told (``check`` names them).
        """
        store = BlobStore.beside(backup_db)
        missing = 0
        for ref in _refs_in(backup_db, self._dek):
            if store.exists(ref.name):
                continue
            try:
                self.attachments.blobs.copy_into(store, ref)
            except (BlobMissing, BlobDamaged):
                missing += 1
        return missing

    def _collect_backup_files(self) -> None:
        """Delete backup copies of attachment files no kept backup and not the vault names."""
        store = BlobStore(self.path / BACKUP_DIR / BLOB_DIR)
        if not store.folder.is_dir():
            return
        keep = {ref.name for ref in self.attachments.committed_refs()}
        for backup in list_backups(self.path):
            keep.update(ref.name for ref in _refs_in(backup, self._dek))
        store.remove(sorted(set(store.finals() + store.parts()) - keep))

    def backups(self) -> list[Path]:
        """Backups of this vault, newest first."""
        return list_backups(self.path)

    def _rotate(self, folder: Path) -> None:
        for old in list_backups(self.path)[KEEP_BACKUPS:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".keys").unlink(missing_ok=True)
        self._collect_backup_files()

    def replace_backups(self) -> Path:
        """Write and verify a fresh backup, then delete every older one; return the new one.

        After a purge the older backups still hold the purged content: what is not on the
        laptop cannot be coerced out of it, so they go once a backup without it exists. So do
        the databases a restore set aside (``vault.db.damaged-*``, with their WAL and key
        files): they are older copies of the same content; and so do the attachment files only
        those copies named.
        """
        fresh = self.backup()
        for old in list_backups(self.path):
            if old != fresh:
                old.unlink(missing_ok=True)
                old.with_suffix(".keys").unlink(missing_ok=True)
        fsync_dir(self.path / BACKUP_DIR)
        self._collect_backup_files()
        for aside in set_aside_files(self.path):
            aside.unlink(missing_ok=True)
        fsync_dir(self.path)
        # With the set-aside databases gone, a file the vault does not name is named by nothing.
        live = self.attachments.blobs
        named = {ref.name for ref in self.attachments.committed_refs()}
        live.remove(sorted(set(live.finals()) - named))
        return fresh

    def compact(self) -> None:
        """Rewrite the database without free pages and empty the WAL (after a purge).

        ``secure_delete`` already zeroes deleted rows; ``VACUUM`` rebuilds the file so no
        free page or stale index segment survives, and the truncating checkpoints leave no
        old page in ``vault.db-wal``.
        """
        with self.db.lock:
            self.db.query("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("VACUUM")
            self.db.query("PRAGMA wal_checkpoint(TRUNCATE)")

    def open_copy(self, db_file: Path) -> database.Database:
        """Open another database file of this vault under its key: a copy a restore set
        aside, which a hand-over scrubs of what it handed over (storage/outbox.py)."""
        return database.connect(db_file, self._dek)

    # -- checking --------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Page HMACs, database structure, audit chain, sealed hashes and attachment hashes."""
        problems = database.cipher_problems(self.db)
        if not problems:
            chain_problems, count = audit.verify(self.db)
            problems += chain_problems
            problems += _sealed_hash_problems(self)
            problems += self.attachments.verify_all()
        else:
            count = 0
        records = 0
        with contextlib.suppress(UserFacingError):
            records = self.records.count()
        if self.history_problem:
            problems.insert(0, self.history_problem)
        return CheckReport(tuple(problems), records, count)


def _sealed_hash_problems(vault: OpenVault) -> list[str]:
    problems = []
    for record_id, number, content, digest in vault.records.sealed_versions():
        if chain.sha256_hex(content.encode("utf-8")) != digest:
            problems.append(
                f"Sealed version {number} of {record_id[:8]} no longer matches its hash."
            )
            continue
        try:
            interchange.loads(content)
        except UserFacingError:
            problems.append(f"Sealed version {number} of {record_id[:8]} cannot be read.")
    return problems


def list_backups(path: Path) -> list[Path]:
    """Backup database files of the vault at ``path``, newest first."""
    folder = path / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob("vault-*.db"), key=lambda p: p.name, reverse=True)


def set_aside_files(path: Path) -> list[Path]:
    """The files a restore moved aside instead of deleting (database, WAL, SHM, key files)."""
    names = (f"{DB_NAME}.damaged-*", f"{KEYS_NAME}.damaged-*", f"{KEYS_BAK_NAME}.damaged-*")
    return sorted(p for pattern in names for p in path.glob(pattern) if p.is_file())


def _refs_in(db_file: Path, dek: bytes | bytearray) -> list[BlobRef]:
    """The committed attachment files a database file names (none before schema 6)."""
    db = database.connect(db_file, dek)
    try:
        if schema.user_version(db) < 6:
            return []
        return AttachmentStore(db, utc_now).committed_refs()
    finally:
        db.close()


def _bring_back_files(path: Path, db_file: Path, backup: Path, dek: bytes | bytearray) -> None:
    """Before a restored database goes live: its attachment files, from the backups if needed.

    A file the vault still holds intact stays; one that is missing or damaged is copied from
    the backups' copy if that one verifies. What neither holds, ``check`` reports.
    """
    live = BlobStore(path / BLOB_DIR)
    kept = BlobStore.beside(backup)
    for ref in _refs_in(db_file, dek):
        if live.verify(ref) is None:
            continue
        if kept.verify(ref) is None:
            kept.copy_into(live, ref)
        else:
            log.warning("an attachment file of the restored database is in no backup")


def verify_database_file(path: Path, dek: bytes | bytearray) -> list[str]:
    """Open a database file read-only in spirit and run every check on it."""
    try:
        db = database.connect(path, dek)
    except UserFacingError as exc:
        return [str(exc)]
    try:
        problems = database.cipher_problems(db)
        if problems:
            return problems
        if schema.user_version(db) > schema.SCHEMA_VERSION:
            return ["The backup was written by a newer version of Testimony."]
        chain_problems, _ = audit.verify(db)
        return chain_problems
    except UserFacingError as exc:
        return [str(exc)]
    finally:
        db.close()


def create(
    path: Path, passphrase: str, params: kdf.KdfParams, now: Callable[[], str] = utc_now
) -> OpenVault:
    """Create a new vault at ``path`` (which must not hold one) and return it unlocked."""
    if not passphrase:
        raise UserFacingError("vault.passphrase_empty")
    if path.exists() and any(path.iterdir()):
        raise VaultExists("vault.exists")
    parent = ensure_private_dir(path.parent) if not path.parent.exists() else path.parent
    staging = parent / f".{path.name}.creating-{secrets.token_hex(4)}"
    ensure_private_dir(staging)
    dek = bytearray(secrets.token_bytes(kdf.KEY_BYTES))
    vault_id = keyslots.new_vault_id()
    try:
        db = database.connect(staging / DB_NAME, dek, create=True)
        try:
            schema.migrate(db)
            with db.transaction() as conn:
                conn.execute("INSERT INTO meta (key, value) VALUES ('vault_id', ?)", (vault_id,))
                conn.execute("INSERT INTO meta (key, value) VALUES ('created_at', ?)", (now(),))
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('device_id', ?)", (str(uuid.uuid4()),)
                )
                audit.append(
                    conn,
                    at=now(),
                    action="vault-created",
                    record_id="",
                    version=0,
                    payload_sha256=chain.sha256_hex(vault_id.encode("ascii")),
                )
        finally:
            db.close()
        slot = keyslots.new_slot(passphrase, dek, params, vault_id)
        data = keyslots.serialise(slot)
        atomic_write(staging / KEYS_NAME, data)
        atomic_write(staging / KEYS_BAK_NAME, data)
        if path.exists():
            path.rmdir()
        os.rename(staging, path)
        os.chmod(path, 0o700)
        fsync_dir(parent)
    except BaseException:
        kdf.wipe(dek)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return _open(path, dek, vault_id, now)


def unlock(path: Path, passphrase: str, now: Callable[[], str] = utc_now) -> OpenVault:
    """Open the vault at ``path`` with ``passphrase``.

    Raises :class:`WrongPassphrase` (no file touched), :class:`VaultNotFound`,
    :class:`VaultDamaged`, :class:`KeyFileDamaged` or :class:`VaultTooNew`.
    """
    if not path.is_dir():
        raise VaultNotFound("vault.not_found")
    if state(path) is VaultState.ABSENT:
        raise VaultNotFound("vault.not_found")
    _clean_stray_temps(path)
    dek, slot = unwrap_key(path, passphrase)
    return _open(path, dek, slot.vault_id, now, slot.anchor)


def _history_gap(db: database.Database, anchor: keyslots.Anchor | None) -> tuple[str, int] | None:
    """Whether the audit log still holds the head recorded at the last export (B5a)."""
    if anchor is None:
        return None
    found = db.scalar("SELECT entry_hash FROM audit WHERE seq = ?", (anchor.seq,))
    if found is None:
        return ("shorter", anchor.seq)
    if found != anchor.entry_hash:
        return ("differs", anchor.seq)
    return None


def _open(
    path: Path,
    dek: bytearray,
    vault_id: str,
    now: Callable[[], str],
    anchor: keyslots.Anchor | None = None,
) -> OpenVault:
    try:
        db = database.connect(path / DB_NAME, dek)
    except BaseException:
        kdf.wipe(dek)
        raise
    try:
        schema.migrate(db)
        stored_id = db.scalar("SELECT value FROM meta WHERE key = 'vault_id'")
        if stored_id != vault_id:
            raise VaultDamaged("vault.key_file_other_vault")
        vault = OpenVault(path, db, dek, vault_id, now)
        vault.history_gap = _history_gap(db, anchor)
        if vault.history_gap:
            log.warning("audit log does not contain the export anchor")
        vault.attachments.recover()
        vault.attachments.move_legacy()
    except BaseException:
        db.close()
        kdf.wipe(dek)
        raise
    return vault


def restore(path: Path, backup: Path, passphrase: str) -> None:
    """Replace the vault's database with a verified copy of ``backup``.

    The current database, if any, is moved aside as ``vault.db.damaged-<time>``; only a purge
    (:meth:`OpenVault.replace_backups`) ever deletes it.
    """
    if not backup.is_file():
        raise UserFacingError("vault.backup_missing")
    backup_keys = backup.with_suffix(".keys")
    new_keys: bytes | None = None
    try:
        dek, _ = unwrap_key(path, passphrase)
    except KeyFileDamaged:
        if not backup_keys.is_file():
            raise
        dek = keyslots.unwrap(_read_slot(backup_keys), passphrase)
        new_keys = backup_keys.read_bytes()  # written only once the database is in place
    try:
        if verify_database_file(backup, dek):
            raise VaultDamaged("vault.backup_damaged_too")
        staging = path / f"{DB_NAME}.restoring"
        staging.unlink(missing_ok=True)
        source = database.connect(backup, dek)
        try:
            database.backup_to(source, staging, dek)
        finally:
            source.close()
        if verify_database_file(staging, dek):
            staging.unlink(missing_ok=True)
            raise VaultDamaged("vault.restore_not_verified")
        _bring_back_files(path, staging, backup, dek)
        # Microseconds: a second restore in the same second must not replace the first's
        # set-aside file.
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        for suffix in ("", "-wal", "-shm"):
            live = path / f"{DB_NAME}{suffix}"
            if live.exists():
                os.replace(live, path / f"{DB_NAME}.damaged-{stamp}{suffix}")
        os.replace(staging, path / DB_NAME)
        if new_keys is not None:
            # The damaged key files are set aside too (a person may still repair one by hand).
            for name in (KEYS_NAME, KEYS_BAK_NAME):
                if (path / name).exists():
                    os.replace(path / name, path / f"{name}.damaged-{stamp}")
            atomic_write(path / KEYS_NAME, new_keys)
            atomic_write(path / KEYS_BAK_NAME, new_keys)
        fsync_dir(path)
    finally:
        kdf.wipe(dek)


__all__ = [
    "KeyFileDamaged",
    "OpenVault",
    "VaultState",
    "WrongPassphrase",
    "create",
    "list_backups",
    "restore",
    "state",
    "unlock",
]
