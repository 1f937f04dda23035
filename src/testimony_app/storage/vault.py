"""A vault on disk: its directory, key files, database, backups, and the open session.

Layout (directory mode 0700, files 0600)::

    vault.db (+ -wal, -shm)     SQLCipher 4 database: everything but attachment bytes
    attachments/                attachment files, each sealed under a key kept in vault.db
    vault.keys, vault.keys.bak  the key file and its identical copy (:mod:`.keyfiles`)
    vault.attempts              how many wrong passphrases in a row (:mod:`.vault_lock`)
    backups/                    rotating encrypted backups, each with a copy of the key file
    backups/attachments/        one copy of every attachment file the backups name (files
                                never change, so each is copied once, not once per backup)

Rules that keep a testimony from being lost or read by the wrong person:

* a vault is created in a staging directory and renamed into place, so it exists whole or
  not at all;
* a missing or empty ``vault.db`` beside a key file is damage to report, never a new vault;
* one process at a time: unlocking takes a lock on the directory (:mod:`.vault_lock`);
* a wrong passphrase changes no file but the count of wrong attempts; leftovers of an
  interrupted operation are settled only once a passphrase was proven;
* a damaged key file falls back to its copy, and an edited one is told from a wrong
  passphrase (:mod:`.keyfiles`);
* a passphrase change gives the database a new key and removes every file the old passphrase
  opens, crash-safe at every step (:mod:`.rekey`);
* a restore verifies the backup, re-keys it to the current passphrase and installs it
  atomically, keeping the replaced database aside (:mod:`.restore`);
* every seal copies the WAL into the database file and records the audit log's head in the
  key files (the *history anchor*); each unlock checks that the database still holds it, so a
  database replaced by an older copy, or a lost WAL, is reported rather than trusted.
"""

from __future__ import annotations

import contextlib
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
    PassphraseChangedWithoutBackup,
    UserFacingError,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from testimony_app.log import get_logger
from testimony_app.paths import atomic_write, ensure_private_dir, fsync_dir
from testimony_app.storage import audit, backups, database, keyfiles, rekey, schema, vault_lock
from testimony_app.storage import restore as restoring
from testimony_app.storage.attachments import AttachmentStore
from testimony_app.storage.disclosures import DisclosureStore
from testimony_app.storage.keyfiles import KEYS_BAK_NAME, KEYS_NAME, KeyNotice
from testimony_app.storage.records import RecordStore
from testimony_app.storage.vault_files import (
    BACKUP_DIR,
    DB_NAME,
    KEEP_BACKUPS,
    companions,
    list_backups,
    set_aside_databases,
    set_aside_files,
    unlink_quietly,
    verify_database_file,
)
from testimony_app.storage.vault_lock import VaultInUse, VaultLock
from testimony_app.words import Message, Verbatim

log = get_logger("storage.vault")


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
        if any(path.glob(f"{restoring.STAGING}*.db")):
            return VaultState.READY  # a restore was interrupted; unlocking finishes it
        return VaultState.DAMAGED
    return VaultState.READY


def unwrap_key(path: Path, passphrase: str) -> tuple[bytearray, keyslots.KeySlot]:
    """The database key and the key file it came from (see :mod:`.keyfiles`)."""
    unwrapped = keyfiles.unwrap_key(path, passphrase)
    return unwrapped.dek, unwrapped.slot


def _clean_stray_key_temps(path: Path) -> None:
    # Torn temporaries of atomic key-file writes: they may hold an older key file, which a
    # later passphrase change would otherwise leave behind, readable with the old passphrase.
    for stray in path.glob(f".{KEYS_NAME}*.tmp"):
        stray.unlink(missing_ok=True)


class OpenVault:
    """An unlocked vault: the database connection and the key, until :meth:`close`."""

    def __init__(
        self,
        path: Path,
        db: database.Database,
        dek: bytearray,
        vault_id: str,
        now: Callable[[], str] = utc_now,
        lock: VaultLock | None = None,
    ) -> None:
        self.path = path
        self.db = db
        self._dek = dek
        self.vault_id = vault_id
        self.now = now
        self._lock = lock
        self.records = RecordStore(db, now)
        self.attachments = AttachmentStore(db, now)
        self.disclosures = DisclosureStore(db, now)
        # Found at unlock; shown to the person and repeated by every check (security.md B5a):
        # ("shorter" | "differs", the anchored entry's sequence number).
        self.history_gap: tuple[str, int] | None = None
        # Found at unlock: one key file copy was edited by someone; the intact one was used.
        self.key_notice: KeyNotice | None = None
        # Attachment files the last backup could not copy (damaged or missing in the vault).
        self.backup_missing_files = 0
        # Set-aside databases the last purge kept because they hold something the vault lacks.
        self.kept_aside: list[Path] = []

    @property
    def read_only(self) -> bool:
        """Opened read-only because the disk is full: reading works, saving does not."""
        return self.db.read_only

    @property
    def history_problem(self) -> Message | None:
        """The history gap found at unlock, or None."""
        if self.history_gap is None:
            return None
        kind, seq = self.history_gap
        if kind == "shorter":
            return Message("check.history_shorter", entry=seq)
        return Message("check.history_differs", entry=seq)

    @property
    def key_problem(self) -> Message | None:
        """The key-file finding of this unlock, or None."""
        if self.key_notice is KeyNotice.CHANGED:
            return Message("check.key_file_replaced")
        return None

    @property
    def is_open(self) -> bool:
        """Whether the vault is still unlocked."""
        return self.db.is_open

    def close(self) -> None:
        """Stop open recordings, close the database, wipe the key, let others open it."""
        try:
            self.attachments.close()
            self.db.close()
        finally:
            kdf.wipe(self._dek)
            if self._lock is not None:
                self._lock.release()

    def _require_writable(self) -> None:
        if self.db.read_only:
            raise UserFacingError("vault.read_only_disk_full")

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

    # -- history anchor --------------------------------------------------------------------

    def anchor_history(self) -> None:
        """After a seal: move the WAL into ``vault.db``, then anchor the audit head.

        Once this returns, the sealed version is in the database file itself (a lost
        ``vault.db-wal`` cannot take it away) and the key files name the entry that sealed it,
        so a database that no longer holds it is reported at the next unlock.
        """
        if self.db.read_only:
            return
        with self.db.lock:
            if not self.db.checkpoint():
                log.warning("the WAL could not be fully checkpointed after sealing")
            seq, head = audit.head(self.db)
        self.record_export_anchor(seq, head)

    def record_export_anchor(self, seq: int, entry_hash: str) -> None:
        """Record ``(seq, entry_hash)`` as the history anchor in both key files.

        Called after every seal and after an export. The key files are rewritten one after
        the other, atomically; a crash between them leaves copies that differ in their anchor
        only, and the next unlock repairs the second from the first.
        """
        if seq < 1:
            return
        keys, bak = self.path / KEYS_NAME, self.path / KEYS_BAK_NAME
        slot: keyslots.KeySlot | None = None
        for source in (keys, bak):
            try:
                slot = keyslots.with_anchor(
                    keyfiles.read_slot(source), self._dek, keyslots.Anchor(seq, entry_hash)
                )
                break
            except KeyFileDamaged:
                continue
        if slot is None:
            raise KeyFileDamaged(
                "vault.key_file_both_damaged"
            )
        keyfiles.write_pair(self.path, slot)

    # -- passphrase ------------------------------------------------------------------------

    def change_passphrase(self, old: str, new: str) -> None:
        """Give the vault a new database key, wrapped under ``new`` (see :mod:`.rekey`).

        Afterwards nothing in the vault opens with ``old``: the database and the databases a
        restore set aside are re-encrypted, a fresh backup is written under the new key, and
        every older backup and every other key file is deleted. Raises
        :class:`PassphraseChangedWithoutBackup` when only that fresh backup failed.
        """
        if not new:
            raise UserFacingError("vault.new_passphrase_empty")
        self._require_writable()
        try:
            current = keyfiles.unwrap_key(self.path, old)
        except WrongPassphrase:
            vault_lock.record_failure(self.path)
            raise
        new_dek = bytearray(secrets.token_bytes(kdf.KEY_BYTES))
        try:
            if bytes(current.dek) != bytes(self._dek):
                raise KeyFileDamaged("vault.key_file_changed_while_open")
            fresh = keyslots.successor(
                new, new_dek, current.slot.params.with_new_salt(), current.slot, current.dek
            )
        except BaseException:
            kdf.wipe(new_dek)
            raise
        finally:
            kdf.wipe(current.dek)
        with self.db.lock:
            try:
                asides = set_aside_databases(self.path)
                rekey.prepare(self.path, self.db, self._dek, new_dek, asides)
                # The commit point: the main key file names the new key.
                atomic_write(self.path / KEYS_NAME, keyslots.serialise(fresh))
            except BaseException:
                rekey.discard(self.path)
                kdf.wipe(new_dek)
                raise
            try:
                atomic_write(self.path / KEYS_BAK_NAME, keyslots.serialise(fresh))
            except OSError:
                log.warning("the key file copy could not be written; the next unlock repairs it")
            self.db.close()
            rekey.settle(self.path, new_dek)
            kdf.wipe(self._dek)
            self._dek = new_dek
            self.db.reopen(new_dek)
        self.finish_passphrase_change()

    def finish_passphrase_change(self) -> None:
        """The last step of a passphrase change (re-run at unlock until it succeeds).

        Writes a fresh verified backup under the current key, then deletes every backup not
        made under it, the key files a restore set aside and torn key-file temporaries: all
        of them open with an older passphrase. Last, the key files drop their predecessor.
        """
        problem: BaseException | None = None
        fresh: Path | None = None
        try:
            fresh = self.backup(rotate=False)
        except (UserFacingError, OSError) as exc:
            problem = exc
        for old in list_backups(self.path):
            if old == fresh or (fresh is None and self._made_under_this_key(old)):
                continue
            unlink_quietly(old, old.with_suffix(".keys"), *companions(old))
        folder = self.path / BACKUP_DIR
        if folder.is_dir():
            for orphan in folder.glob("vault-*.keys"):
                if not orphan.with_suffix(".db").exists():
                    unlink_quietly(orphan)
            fsync_dir(folder)
        for aside in set_aside_files(self.path):
            if aside.name.startswith(KEYS_NAME):
                unlink_quietly(aside)
        _clean_stray_key_temps(self.path)
        fsync_dir(self.path)
        self._collect_backup_files()
        if problem is not None:
            raise PassphraseChangedWithoutBackup("vault.passphrase_changed_without_backup")
        slot = keyfiles.read_slot(self.path / KEYS_NAME)
        if slot.predecessor is not None:
            keyfiles.write_pair(self.path, keyslots.without_predecessor(slot, self._dek))

    def _made_under_this_key(self, backup: Path) -> bool:
        try:
            return keyslots.signed_by(keyfiles.read_slot(backup.with_suffix(".keys")), self._dek)
        except KeyFileDamaged:
            return False

    # -- backups ---------------------------------------------------------------------------

    def backup(self, *, rotate: bool = True) -> Path:
        """Write a new encrypted backup, verify it, rotate old ones; return its path."""
        self._require_writable()
        dest, self.backup_missing_files = backups.write(
            self.path, self.db, self._dek, self.attachments
        )
        if rotate:
            backups.rotate(self.path, self._dek, self.attachments)
        return dest

    def _collect_backup_files(self) -> None:
        backups.collect_files(self.path, self._dek, self.attachments)

    def backups(self) -> list[Path]:
        """Backups of this vault, newest first."""
        return list_backups(self.path)

    def replace_backups(self) -> Path:
        """After a purge: one fresh backup instead of every older copy of the content.

        Set-aside databases that hold something the vault lacks are kept, and listed in
        :attr:`kept_aside` for the person to be told (see :func:`.backups.replace_all`).
        """
        self._require_writable()
        fresh, self.kept_aside = backups.replace_all(
            self.path, self.db, self._dek, self.attachments
        )
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
        for finding in (self.key_problem, self.history_problem):
            if finding:
                problems.insert(0, finding)
        return CheckReport(tuple(problems), records, count)


def _sealed_hash_problems(vault: OpenVault) -> list[Message]:
    problems = []
    for record_id, number, content, digest in vault.records.sealed_versions():
        if chain.sha256_hex(content.encode("utf-8")) != digest:
            problems.append(
                Message("check.sealed_differs", version=number, record=Verbatim(record_id[:8]))
            )
            continue
        try:
            interchange.loads(content)
        except UserFacingError:
            problems.append(
                Message("check.sealed_unreadable", version=number, record=Verbatim(record_id[:8]))
            )
    return problems


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
    # The lock is on the directory itself, so it is held before the vault has a name and
    # stays held across the rename that gives it one.
    lock = VaultLock.acquire(staging)
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
        keyfiles.write_pair(staging, slot)
        vault_lock.record_success(staging)
        if path.exists():
            path.rmdir()
        os.rename(staging, path)
        os.chmod(path, 0o700)
        fsync_dir(parent)
    except BaseException:
        kdf.wipe(dek)
        lock.release()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return _open(path, dek, vault_id, now, None, lock)


def unlock(path: Path, passphrase: str, now: Callable[[], str] = utc_now) -> OpenVault:
    """Open the vault at ``path`` with ``passphrase``.

    Raises :class:`WrongPassphrase` (no file touched but the attempt count),
    :class:`VaultNotFound`, :class:`VaultInUse`, :class:`VaultDamaged`,
    :class:`KeyFileDamaged` or :class:`VaultTooNew`. Waits first if earlier attempts were
    wrong (:func:`.vault_lock.wait_turn`).
    """
    if not path.is_dir() or state(path) is VaultState.ABSENT:
        raise VaultNotFound("vault.not_found")
    lock = VaultLock.acquire(path)
    try:
        vault_lock.wait_turn(path)
        try:
            key = keyfiles.unwrap_key(path, passphrase)
        except WrongPassphrase:
            vault_lock.record_failure(path)
            raise
        vault_lock.record_success(path)
        try:
            # Only now, with the passphrase proven, is anything left behind touched.
            _clean_stray_key_temps(path)
            restoring.settle(path, key.dek)
            rekey.settle(path, key.dek)
        except BaseException:
            kdf.wipe(key.dek)
            raise
        vault = _open(path, key.dek, key.slot.vault_id, now, key.slot.anchor, lock)
    except BaseException:
        lock.release()
        raise
    vault.key_notice = key.notice
    if key.slot.predecessor is not None and not vault.read_only:
        try:
            vault.finish_passphrase_change()
        except (UserFacingError, OSError):
            log.warning("finishing an interrupted passphrase change failed; tried again later")
    return vault


def _history_gap(db: database.Database, anchor: keyslots.Anchor | None) -> tuple[str, int] | None:
    """Whether the audit log still holds the head recorded at the last seal or export."""
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
    anchor: keyslots.Anchor | None,
    lock: VaultLock,
) -> OpenVault:
    try:
        db = database.connect(path / DB_NAME, dek, allow_read_only=True)
    except BaseException:
        kdf.wipe(dek)
        raise
    try:
        if db.read_only:
            if schema.user_version(db) != schema.SCHEMA_VERSION:
                raise UserFacingError("vault.read_only_needs_update")
        else:
            schema.migrate(db)
        stored_id = db.scalar("SELECT value FROM meta WHERE key = 'vault_id'")
        if stored_id != vault_id:
            raise VaultDamaged("vault.key_file_other_vault")
        vault = OpenVault(path, db, dek, vault_id, now, lock)
        vault.history_gap = _history_gap(db, anchor)
        if vault.history_gap:
            log.warning("audit log does not contain the history anchor")
        if not db.read_only:
            vault.attachments.recover()
            vault.attachments.move_legacy()
    except BaseException:
        db.close()
        kdf.wipe(dek)
        raise
    return vault


def restore(
    path: Path, backup: Path, passphrase: str, *, backup_passphrase: str | None = None
) -> None:
    """Replace the vault's database with a verified copy of ``backup`` (see :mod:`.restore`)."""
    restoring.restore(path, backup, passphrase, backup_passphrase=backup_passphrase)


__all__ = [
    "KEEP_BACKUPS",
    "KeyFileDamaged",
    "OpenVault",
    "PassphraseChangedWithoutBackup",
    "VaultInUse",
    "VaultState",
    "WrongPassphrase",
    "create",
    "list_backups",
    "restore",
    "set_aside_files",
    "state",
    "unlock",
    "verify_database_file",
]
