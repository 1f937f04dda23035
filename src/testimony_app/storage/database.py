"""The SQLCipher connection: keyed first, hardened, verified, and guarded by one lock.

This module (with the rest of ``storage/``) is the only user of ``sqlcipher3``. The database
key is a random 32-byte key handed to SQLCipher as a raw key (``x'<hex>'``), built in a
``bytearray`` that is wiped right after use so that no immutable ``str`` copy of it lingers.
"""

from __future__ import annotations

import contextlib
import ctypes
import enum
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlcipher

from testimony_app.crypto import kdf
from testimony_app.errors import DiskFull, UserFacingError, VaultDamaged
from testimony_app.log import get_logger

log = get_logger("storage")

Error = sqlcipher.Error
IntegrityError = sqlcipher.IntegrityError

# Page format of vaults created by this version. SQLCipher 4's defaults (4 KiB pages,
# HMAC-SHA512) read attachment BLOBs at about 190 MB/s on the project's machines; 16 KiB pages
# authenticated with HMAC-SHA256 (which CPUs with SHA extensions compute in hardware) read at
# about 530 MB/s and write about 1.8x faster (docs/performance.md). Both keep AES-256-CBC and a
# 256-bit-or-longer page HMAC; neither weakens the format. Older vaults keep SQLCipher's
# defaults and are recognised when opened.
CIPHER_PAGE_SIZE = 16384
CIPHER_HMAC = "HMAC_SHA256"


class CipherProfile(enum.Enum):
    """How a vault's pages are laid out: fixed when the file is created, never stored in clear."""

    CURRENT = "current"
    SQLCIPHER4_DEFAULT = "sqlcipher4-default"

    def pragmas(self) -> tuple[str, ...]:
        """The statements that select this layout; they must run right after the key."""
        if self is CipherProfile.CURRENT:
            return (
                f"PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}",
                f"PRAGMA cipher_hmac_algorithm = {CIPHER_HMAC}",
            )
        return ()


# Lookaside: SQLite's per-connection pool of small allocations. With cipher_memory_security ON,
# SQLCipher mlocks every allocation and wipes and munlocks it on free, two system calls each;
# FTS5's bm25() opens a 4 KiB cursor for every matching row, so one search over 20,000
# testimonies made 20,255 mlock calls and ran 4-5x slower than the same query on plain
# SQLite. Slots big enough for that cursor come from one block that is locked once (227 calls;
# search p95 ratio 1.4-1.8 -> about 0.4; docs/performance.md). Memory security stays on.
LOOKASIDE_SLOT_BYTES = 4352
LOOKASIDE_SLOTS = 100
_SQLITE_CONFIG_LOOKASIDE = 13


def _configure_lookaside() -> bool:
    """Set the default lookaside for every later connection; True if it took effect.

    ``sqlite3_config`` works only while SQLite is not initialised, so the library is shut down
    and started again. This runs once, when this module is imported, before any connection
    exists (this module is the only user of ``sqlcipher3``). Where the library does not export
    its symbols (a Windows build may not), nothing changes but speed.
    """
    try:
        lib = ctypes.CDLL(sqlcipher3._sqlite3.__file__)
        config, shutdown = lib.sqlite3_config, lib.sqlite3_shutdown
        initialise = lib.sqlite3_initialize
    except (OSError, AttributeError):
        return False
    args = (ctypes.c_int(_SQLITE_CONFIG_LOOKASIDE), ctypes.c_int(LOOKASIDE_SLOT_BYTES),
            ctypes.c_int(LOOKASIDE_SLOTS))
    if config(*args) != 0:
        if shutdown() != 0:
            return False
        ok = bool(config(*args) == 0)
        initialise()
        return ok
    return True


LOOKASIDE_CONFIGURED = _configure_lookaside()

# Connection settings applied right after keying (architecture.md "The vault").
_PRAGMAS = (
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
)


class Database:
    """One keyed SQLCipher connection, safe to call from one thread at a time.

    Every public method of the storage layer takes :attr:`lock`, so the GUI's worker thread and
    the GUI thread can share a session without interleaving statements.
    """

    def __init__(
        self, path: Path, conn: Any, profile: CipherProfile = CipherProfile.CURRENT
    ) -> None:
        self.path = path
        self._conn = conn
        self.profile = profile
        self.lock = threading.RLock()

    @property
    def is_open(self) -> bool:
        """Whether the connection is still open."""
        return self._conn is not None

    @property
    def conn(self) -> Any:
        """The raw connection; raises once the vault is locked."""
        if self._conn is None:
            raise UserFacingError("The vault is locked.")
        return self._conn

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        """Run one statement, translating SQLite errors into user-facing ones."""
        with self.lock, translate_errors():
            return self.conn.execute(sql, params)

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        """Run a query and fetch every row."""
        with self.lock, translate_errors():
            return list(self.conn.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        """The first column of the first row, or None."""
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; any failure rolls back and nothing is half-written."""
        with self.lock:
            conn = self.conn
            with translate_errors():
                conn.execute("BEGIN IMMEDIATE")
            try:
                # Statements inside the block get the same translation as BEGIN and COMMIT, so
                # a full disk during an INSERT is DiskFull, not a bare SQLite error.
                with translate_errors():
                    yield conn
            except BaseException:
                # The transaction may already be gone (disk full rolls back by itself).
                with contextlib.suppress(sqlcipher.Error):
                    conn.execute("ROLLBACK")
                raise
            with translate_errors():
                try:
                    conn.execute("COMMIT")
                except sqlcipher.Error:
                    with contextlib.suppress(sqlcipher.Error):
                        conn.execute("ROLLBACK")
                    raise

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close (idempotent)."""
        with self.lock:
            if self._conn is None:
                return
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher.Error:
                log.warning("checkpoint before close failed")
            finally:
                self._conn.close()
                self._conn = None


@contextmanager
def translate_errors() -> Iterator[None]:
    """Map SQLite result codes onto the errors a user can act on."""
    try:
        yield
    except sqlcipher.OperationalError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise DiskFull() from None
        if "malformed" in text or "not a database" in text:
            raise VaultDamaged("The vault database is damaged; restore it from a backup.") from None
        if "disk i/o error" in text or "readonly" in text:
            # EFBIG (a file size limit), a failing or read-only medium: nothing was committed.
            raise UserFacingError(
                "The vault could not be written to the disk: the last change was not saved."
            ) from None
        raise
    except sqlcipher.DatabaseError as exc:
        if isinstance(exc, sqlcipher.IntegrityError):
            raise
        text = str(exc).lower()
        if "full" in text:
            raise DiskFull() from None
        raise VaultDamaged("The vault database is damaged; restore it from a backup.") from None


def _keyspec(dek: bytes | bytearray) -> bytearray:
    """``x'<64 hex>'`` built in a mutable buffer from hex digits only."""
    spec = bytearray(b"x'")
    spec += dek.hex().encode("ascii")
    spec += b"'"
    return spec


def connect(path: Path, dek: bytes | bytearray, *, create: bool = False) -> Database:
    """Open (or, with ``create``, make) the database at ``path`` with the raw key ``dek``.

    An empty or missing file is damage, never a new vault, unless ``create`` is set: SQLCipher
    would happily open a 0-byte file as a fresh empty database with any key. A new file gets
    the current page layout; an existing one is tried with the current layout, then with
    SQLCipher 4's defaults (vaults made by Testimony 0.1.0). A file neither opens is damaged
    (the key itself was already proven by the key slot's AEAD).
    """
    if create:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        return _connect_with(path, dek, CipherProfile.CURRENT)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise VaultDamaged(
            "The vault's database file is missing; restore it from a backup."
        ) from None
    if size == 0:
        raise VaultDamaged("The vault's database file is empty; restore it from a backup.")
    try:
        return _connect_with(path, dek, CipherProfile.CURRENT)
    except VaultDamaged:
        return _connect_with(path, dek, CipherProfile.SQLCIPHER4_DEFAULT)


def _connect_with(path: Path, dek: bytes | bytearray, profile: CipherProfile) -> Database:
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    spec = _keyspec(dek)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(spec)
        for pragma in profile.pragmas():
            conn.execute(pragma).fetchall()
    except BaseException:
        conn.close()
        raise
    finally:
        kdf.wipe(spec)
    try:
        with translate_errors():
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for pragma in _PRAGMAS:
                conn.execute(pragma).fetchall()
    except BaseException:
        conn.close()
        raise
    return Database(path, conn, profile)


def cipher_problems(db: Database) -> list[str]:
    """Run SQLCipher's page HMAC check and SQLite's integrity check; describe any damage."""
    problems: list[str] = []
    with db.lock:
        try:
            bad_pages = db.conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except sqlcipher.DatabaseError:
            return ["The vault database is damaged and cannot be checked."]
        if bad_pages:
            problems.append(f"{len(bad_pages)} database page(s) failed their integrity check.")
        try:
            result = db.conn.execute("PRAGMA integrity_check").fetchall()
        except sqlcipher.DatabaseError:
            return [*problems, "The database structure is damaged."]
        if [r[0] for r in result] != ["ok"]:
            problems.append("The database structure is damaged.")
    return problems


def backup_to(db: Database, dest: Path, dek: bytes | bytearray) -> None:
    """Copy the live database into a new encrypted file with the same key (online backup)."""
    fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    target = sqlcipher.connect(str(dest), check_same_thread=False, isolation_level=None)
    spec = _keyspec(dek)
    try:
        target.execute("PRAGMA cipher_log_level = NONE")
        target.set_key(spec)
        # The backup API copies pages as they are, so the copy must use the source's layout.
        for pragma in db.profile.pragmas():
            target.execute(pragma).fetchall()
        target.execute("PRAGMA cipher_memory_security = ON")
        with db.lock, translate_errors():
            db.conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        kdf.wipe(spec)
        target.close()


def compile_options() -> list[str]:
    """SQLite's compile options, for the temp-store guard test."""
    conn = sqlcipher.connect(":memory:")
    try:
        return [r[0] for r in conn.execute("PRAGMA compile_options").fetchall()]
    finally:
        conn.close()
