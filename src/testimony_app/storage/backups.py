"""A vault's rotating encrypted backups: written, verified, rotated, replaced after a purge.

Each backup is ``backups/vault-<stamp>-<rand>.db`` (SQLCipher, the vault's key) beside a copy
of the key file (``.keys``) as it was then; ``backups/attachments/`` holds one copy of every
attachment file a kept backup names. Functions here take the open vault's pieces explicitly
(:class:`~testimony_app.storage.vault.OpenVault` calls them); nothing else writes ``backups/``
except a passphrase change, which deletes what the old passphrase opens.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from testimony_app.errors import UserFacingError, VaultDamaged
from testimony_app.log import get_logger
from testimony_app.paths import ensure_private_dir, fsync_dir
from testimony_app.storage import database
from testimony_app.storage.attachments import AttachmentStore
from testimony_app.storage.blobs import BLOB_DIR, BlobDamaged, BlobMissing, BlobStore
from testimony_app.storage.keyfiles import KEYS_NAME
from testimony_app.storage.set_aside import holds_more
from testimony_app.storage.vault_files import (
    BACKUP_DIR,
    KEEP_BACKUPS,
    list_backups,
    refs_in,
    set_aside_databases,
    set_aside_files,
    stamp,
    verify_database_file,
)

log = get_logger("storage.backups")


def write(
    path: Path, db: database.Database, dek: bytes | bytearray, attachments: AttachmentStore
) -> tuple[Path, int]:
    """Write a new backup and verify it; return it and how many attachment files it lacks."""
    folder = ensure_private_dir(path / BACKUP_DIR)
    # Microseconds keep "newest first" true for several backups in one second (each seal
    # makes one); with seconds only, rotation could delete the backup just written.
    name = f"vault-{stamp()}-{secrets.token_hex(2)}"
    dest = folder / f"{name}.db"
    try:
        database.backup_to(db, dest, dek)
        problems = verify_database_file(dest, dek)
        if problems:
            raise VaultDamaged("vault.backup_not_verified")
        missing = _copy_files(dest, dek, attachments)
        shutil.copyfile(path / KEYS_NAME, folder / f"{name}.keys")
        os.chmod(folder / f"{name}.keys", 0o600)
        fsync_dir(folder)
    except BaseException:
        dest.unlink(missing_ok=True)
        (folder / f"{name}.keys").unlink(missing_ok=True)
        raise
    return dest, missing


def _copy_files(backup_db: Path, dek: bytes | bytearray, attachments: AttachmentStore) -> int:
    """Copy the attachment files a new backup names that the backups do not hold yet.

    A file that cannot be read is skipped, not fatal: one damaged recording must not stop
    every later backup of everything else. Returns how many were skipped, for the person
    to be told (``check`` names them).
    """
    store = BlobStore.beside(backup_db)
    missing = 0
    for ref in refs_in(backup_db, dek):
        if store.exists(ref.name):
            continue
        try:
            attachments.blobs.copy_into(store, ref)
        except (BlobMissing, BlobDamaged):
            missing += 1
    return missing


def collect_files(path: Path, dek: bytes | bytearray, attachments: AttachmentStore) -> None:
    """Delete backup copies of attachment files no kept backup and not the vault names.

    A backup that cannot be read names files nobody can list, so then nothing is deleted.
    """
    store = BlobStore(path / BACKUP_DIR / BLOB_DIR)
    if not store.folder.is_dir():
        return
    keep = {ref.name for ref in attachments.committed_refs()}
    for backup in list_backups(path):
        try:
            keep.update(ref.name for ref in refs_in(backup, dek))
        except UserFacingError:
            log.warning("a backup cannot be read; its attachment copies are all kept")
            return
    store.remove(sorted(set(store.finals() + store.parts()) - keep))


def rotate(path: Path, dek: bytes | bytearray, attachments: AttachmentStore) -> None:
    """Keep the newest :data:`KEEP_BACKUPS` backups."""
    for old in list_backups(path)[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".keys").unlink(missing_ok=True)
    collect_files(path, dek, attachments)


def replace_all(
    path: Path, db: database.Database, dek: bytes | bytearray, attachments: AttachmentStore
) -> tuple[Path, list[Path]]:
    """Write and verify a fresh backup, then delete every older copy of the vault's content.

    After a purge the older backups still hold the purged content: what is not on the laptop
    cannot be coerced out of it, so they go once a backup without it exists. So do the
    databases a restore set aside (``vault.db.damaged-*``, with their WAL and key files),
    unless one holds something the vault lacks (a draft saved by a window that was still open
    during the restore): that one is kept and returned, for the person to be told. Then the
    attachment files only deleted copies named go. Returns the fresh backup and what was kept.
    """
    fresh, _ = write(path, db, dek, attachments)
    for old in list_backups(path):
        if old != fresh:
            old.unlink(missing_ok=True)
            old.with_suffix(".keys").unlink(missing_ok=True)
    fsync_dir(path / BACKUP_DIR)
    collect_files(path, dek, attachments)
    kept = [aside for aside in set_aside_databases(path) if holds_more(aside, db, dek)]
    kept_stamps = {aside.name.rpartition(".damaged-")[2] for aside in kept}
    for aside in set_aside_files(path):
        when = aside.name.removesuffix("-wal").removesuffix("-shm").rpartition(".damaged-")[2]
        if when not in kept_stamps:
            aside.unlink(missing_ok=True)
    fsync_dir(path)
    if not kept:
        # With the set-aside databases gone, a file the vault does not name is named by
        # nothing.
        live = attachments.blobs
        named = {ref.name for ref in attachments.committed_refs()}
        live.remove(sorted(set(live.finals()) - named))
    return fresh, kept
