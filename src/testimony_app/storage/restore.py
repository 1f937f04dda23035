"""Putting a backup in place of the vault's database: verified, re-keyed, crash-atomic.

A restore happens in two halves with one commit point between them:

1. *staging*: the backup is checked (it decrypts, it is this vault's, every page and the audit
   chain verify), copied into ``.restore-<stamp>.tmp`` under the vault's **current** key (a
   backup made under an older key is re-encrypted, so the restored vault opens with the current
   passphrase and no other), checked again, and its attachment files brought back;
2. *commit*: the staged copy is renamed ``.restore-<stamp>.db``. From then on the restore is
   decided, and :func:`settle` finishes it — now, or at the next unlock if the process dies:
   the live database is linked aside as ``vault.db.damaged-<stamp>`` (never deleted), its WAL
   and shared memory moved beside it, and the staged copy renamed over ``vault.db``.

So at every instant ``vault.db`` is the old database or the restored one, never missing
(security review F-7: a restore killed between its two renames left no ``vault.db``, and the
next unlock, even with a wrong passphrase, deleted the verified staging copy). Stray files are
cleaned only after a passphrase was proven. A restore refuses to run while the vault is open
anywhere (:mod:`.vault_lock`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from testimony_app.crypto import kdf, keyslots
from testimony_app.errors import (
    KeyFileDamaged,
    UserFacingError,
    VaultDamaged,
    WrongPassphrase,
)
from testimony_app.log import get_logger
from testimony_app.paths import fsync_dir
from testimony_app.storage import database, keyfiles, rekey, vault_lock
from testimony_app.storage.blobs import BLOB_DIR, BlobStore
from testimony_app.storage.vault_files import (
    DB_NAME,
    SET_ASIDE,
    list_backups,
    opens_with,
    refs_in,
    stamp,
    unlink_quietly,
    vault_id_of,
    verify_database_file,
)

log = get_logger("storage.restore")

STAGING = ".restore-"


def restore(
    path: Path, backup: Path, passphrase: str, *, backup_passphrase: str | None = None
) -> None:
    """Replace the vault's database with a verified copy of ``backup``.

    ``passphrase`` is the vault's current passphrase; the restored database is encrypted
    under the current key whatever key the backup was made under. ``backup_passphrase`` opens
    a backup made before a passphrase change (kept elsewhere: the vault's own older backups are
    removed by the change). When both key files are damaged, the backup's key file and
    ``passphrase`` become the vault's key files again. The current database is kept aside as
    ``vault.db.damaged-<stamp>``; only a purge that finds nothing in it the vault lacks deletes
    it.
    """
    if not backup.is_file():
        raise UserFacingError("vault.backup_missing")
    if not path.is_dir():
        raise UserFacingError("vault.not_found")
    lock = vault_lock.VaultLock.acquire(path)
    try:
        vault_lock.wait_turn(path)
        try:
            live = keyfiles.unwrap_key(path, passphrase)
        except WrongPassphrase:
            vault_lock.record_failure(path)
            raise
        except KeyFileDamaged:
            live = None
        else:
            vault_lock.record_success(path)
        try:
            if live is not None:
                # Work an interrupted passphrase change or restore left is finished first.
                rekey.settle(path, live.dek)
                settle(path, live.dek)
            _restore(path, backup, passphrase, backup_passphrase, live)
        finally:
            if live is not None:
                kdf.wipe(live.dek)
    finally:
        lock.release()


def _restore(
    path: Path,
    backup: Path,
    passphrase: str,
    backup_passphrase: str | None,
    live: keyfiles.Unwrapped | None,
) -> None:
    backup_dek, backup_slot = _backup_key(path, backup, passphrase, backup_passphrase, live)
    try:
        _check_same_vault(path, backup, backup_dek, live)
        if verify_database_file(backup, backup_dek):
            raise VaultDamaged("vault.backup_damaged_too")
        target = live.dek if live is not None else backup_dek
        when = stamp()
        staging = path / f"{STAGING}{when}.tmp"
        source = database.open_immutable(backup, backup_dek)
        try:
            if bytes(target) == bytes(backup_dek):
                database.backup_to(source, staging, target)
            else:
                database.rekeyed_copy(source, staging, backup_dek, target)
        except BaseException:
            unlink_quietly(staging)
            raise
        finally:
            source.close()
        if verify_database_file(staging, target):
            unlink_quietly(staging)
            raise VaultDamaged("vault.restore_not_verified")
        _bring_back_files(path, staging, backup, target)
        if live is None:
            assert backup_slot is not None
            _replace_key_files(path, passphrase, backup_dek, backup_slot, when)
        os.replace(staging, path / f"{STAGING}{when}.db")  # the commit point
        fsync_dir(path)
        settle(path, target)
    finally:
        kdf.wipe(backup_dek)


def _backup_key(
    path: Path,
    backup: Path,
    passphrase: str,
    backup_passphrase: str | None,
    live: keyfiles.Unwrapped | None,
) -> tuple[bytearray, keyslots.KeySlot | None]:
    """The key ``backup`` is encrypted under, and its key file's slot when that was needed."""
    if live is not None and opens_with(backup, live.dek):
        return bytearray(live.dek), None
    keys_file = backup.with_suffix(".keys")
    if not keys_file.is_file():
        if live is None:
            raise KeyFileDamaged("restore.no_key_file_anywhere")
        raise VaultDamaged("restore.backup_other_key")
    try:
        slot = keyfiles.read_slot(keys_file)
    except KeyFileDamaged:
        raise KeyFileDamaged("restore.backup_key_file_damaged") from None
    for candidate in (backup_passphrase, passphrase):
        if not candidate:
            continue
        try:
            dek = keyslots.unwrap(slot, candidate)
        except WrongPassphrase:
            continue
        if opens_with(backup, dek):
            return dek, slot
        kdf.wipe(dek)
        raise VaultDamaged("vault.backup_damaged_too")
    raise WrongPassphrase("restore.backup_other_passphrase")


def _check_same_vault(
    path: Path, backup: Path, dek: bytes | bytearray, live: keyfiles.Unwrapped | None
) -> None:
    """Refuse another vault's backup (security review F-16), even with damaged key files."""
    found = vault_id_of(backup, dek)
    if live is not None:
        expected = {live.slot.vault_id}
    elif opens_with(path / DB_NAME, dek):
        return  # the live database opens with the backup's key: the same vault
    else:
        # The key files are damaged, but the id in them is plain text and often still
        # readable; failing that, this vault's other backups name it.
        expected = keyfiles.vault_ids_in(
            [path / keyfiles.KEYS_NAME, path / keyfiles.KEYS_BAK_NAME]
        ) or keyfiles.vault_ids_in(
            [b.with_suffix(".keys") for b in list_backups(path) if b != backup]
        )
    if found is None or (expected and found not in expected):
        raise VaultDamaged("restore.backup_other_vault")


def _replace_key_files(
    path: Path, passphrase: str, dek: bytes | bytearray, slot: keyslots.KeySlot, when: str
) -> None:
    """Both key files are damaged: set them aside and wrap the key under ``passphrase``."""
    fresh = keyslots.new_slot(
        passphrase, dek, slot.params.with_new_salt(), slot.vault_id, slot.anchor
    )
    for name in (keyfiles.KEYS_NAME, keyfiles.KEYS_BAK_NAME):
        if (path / name).exists():
            # Kept for a person who may still want to look at them; a passphrase change
            # deletes them.
            os.replace(path / name, path / f"{name}{SET_ASIDE}{when}")
    keyfiles.write_pair(path, fresh)


def settle(path: Path, dek: bytes | bytearray) -> None:
    """Finish a committed restore; remove what an unfinished one left. Passphrase proven."""
    for stray in path.glob(f"{STAGING}*.tmp"):
        unlink_quietly(stray, *_companions(stray))
    for stray in path.glob(f"{DB_NAME}.restoring*"):  # Testimony 0.1's staging copies
        unlink_quietly(stray)
    for staged in sorted(path.glob(f"{STAGING}*.db")):
        if not opens_with(staged, dek):
            log.warning("a staged restore does not open with the vault's key; removed")
            unlink_quietly(staged, *_companions(staged))
            continue
        _install(path, staged, staged.name[len(STAGING) : -len(".db")])


def _companions(file: Path) -> list[Path]:
    return [Path(f"{file}-wal"), Path(f"{file}-shm"), Path(f"{file}-journal")]


def _install(path: Path, staged: Path, when: str) -> None:
    """Set the live database aside (linked, so ``vault.db`` never disappears), then swap."""
    live = path / DB_NAME
    aside = path / f"{DB_NAME}{SET_ASIDE}{when}"
    if live.exists() and not aside.exists():
        try:
            os.link(live, aside)
        except OSError:  # a file system without hard links
            shutil.copyfile(live, aside)
            os.chmod(aside, 0o600)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{live}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    os.replace(staged, live)
    fsync_dir(path)


def _bring_back_files(path: Path, db_file: Path, backup: Path, dek: bytes | bytearray) -> None:
    """Before a restored database goes live: its attachment files, from the backups if needed.

    A file the vault still holds intact stays; one that is missing or damaged is copied from
    the backups' copy if that one verifies. What neither holds, ``check`` reports.
    """
    live = BlobStore(path / BLOB_DIR)
    kept = BlobStore.beside(backup)
    for ref in refs_in(db_file, dek):
        if live.verify(ref) is None:
            continue
        if kept.verify(ref) is None:
            kept.copy_into(live, ref)
        else:
            log.warning("an attachment file of the restored database is in no backup")
