"""The files of a vault directory besides the key files, and checks on database files.

Shared by the open vault (:mod:`.vault`), restore (:mod:`.restore`) and the passphrase change
(:mod:`.rekey`), which must agree on every name: a file one of them leaves behind after a crash
is one another settles at the next unlock.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from testimony_app.errors import UserFacingError
from testimony_app.storage import audit, database, schema
from testimony_app.storage.attachments import AttachmentStore
from testimony_app.storage.blobs import BlobRef
from testimony_app.words import Message

DB_NAME = "vault.db"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 7
SET_ASIDE = ".damaged-"  # vault.db.damaged-<stamp>, with its -wal and -shm


def stamp() -> str:
    """A UTC time stamp to the microsecond: two operations in one second never collide."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def list_backups(path: Path) -> list[Path]:
    """Backup database files of the vault at ``path``, newest first."""
    folder = path / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob("vault-*.db"), key=lambda p: p.name, reverse=True)


def set_aside_files(path: Path) -> list[Path]:
    """The files a restore moved aside instead of deleting (database, WAL, SHM, key files)."""
    names = (f"{DB_NAME}{SET_ASIDE}*", f"vault.keys{SET_ASIDE}*", f"vault.keys.bak{SET_ASIDE}*")
    return sorted(p for pattern in names for p in path.glob(pattern) if p.is_file())


def set_aside_databases(path: Path) -> list[Path]:
    """The set-aside database files themselves (each may have a ``-wal`` and ``-shm``)."""
    return [
        p
        for p in path.glob(f"{DB_NAME}{SET_ASIDE}*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    ]


def companions(db_file: Path) -> list[Path]:
    """A database file's WAL and shared-memory files (which may not exist)."""
    return [Path(f"{db_file}-wal"), Path(f"{db_file}-shm")]


def opens_with(db_file: Path, dek: bytes | bytearray) -> bool:
    """Whether ``db_file`` decrypts with ``dek``; reads only, creates no file beside it."""
    try:
        if not db_file.is_file() or db_file.stat().st_size == 0:
            return False
        db = database.open_immutable(db_file, dek)
    except (UserFacingError, OSError):
        return False
    db.close()
    return True


def refs_in(db_file: Path, dek: bytes | bytearray) -> list[BlobRef]:
    """The committed attachment files a database file names (none before schema 6)."""
    db = database.connect(db_file, dek)
    try:
        if schema.user_version(db) < 6:
            return []
        return AttachmentStore(db, stamp).committed_refs()
    finally:
        db.close()


def verify_database_file(path: Path, dek: bytes | bytearray) -> list[Message]:
    """Open a database file and run every check on it; return the problems found."""
    try:
        db = database.connect(path, dek)
    except UserFacingError as exc:
        return [exc.message]
    try:
        problems = database.cipher_problems(db)
        if problems:
            return problems
        if schema.user_version(db) > schema.SCHEMA_VERSION:
            return [Message("check.backup_too_new")]
        chain_problems, _ = audit.verify(db)
        return chain_problems
    except UserFacingError as exc:
        return [exc.message]
    finally:
        db.close()


def vault_id_of(db_file: Path, dek: bytes | bytearray) -> str | None:
    """The ``vault_id`` a database file records about itself (None if unreadable)."""
    try:
        db = database.open_immutable(db_file, dek)
    except (UserFacingError, OSError):
        return None
    try:
        value = db.scalar("SELECT value FROM meta WHERE key = 'vault_id'")
    except UserFacingError:
        return None
    finally:
        db.close()
    return None if value is None else str(value)


def unlink_quietly(*files: Path) -> None:
    """Remove files that may or may not exist."""
    for file in files:
        try:
            os.unlink(file)
        except FileNotFoundError:
            continue
