"""The SQLCipher connection: keyed first, hardened, verified, and guarded by one lock.

This module (with the rest of ``storage/``) is the only user of ``sqlcipher3``. The database
key is a random 32-byte key handed to SQLCipher as a raw key (``x'<hex>'``), built in a
``bytearray`` that is wiped right after use so that no immutable ``str`` copy of it lingers.
"""

from __future__ import annotations

import contextlib
import ctypes
import enum
import functools
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlcipher

from testimony_app.crypto import kdf
from testimony_app.errors import DiskFull, UnsupportedLibrary, UserFacingError, VaultDamaged
from testimony_app.log import get_logger
from testimony_app.words import Message

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

    def expected(self) -> dict[str, str]:
        """What a keyed connection of this layout must report (checked at every open)."""
        if self is CipherProfile.CURRENT:
            page, hmac_alg = str(CIPHER_PAGE_SIZE), CIPHER_HMAC
        else:
            page, hmac_alg = "4096", "HMAC_SHA512"
        return {
            "cipher_page_size": page,
            "cipher_hmac_algorithm": hmac_alg,
            "cipher_use_hmac": "1",
            "cipher_plaintext_header_size": "0",
            "cipher_memory_security": "1",
        }


# The oldest SQLCipher this program trusts: 4.5 made memory security opt-in (we turn it on),
# 4.7 refuses temporary files on disk at build time and shields the key in memory.
MIN_SQLCIPHER = (4, 7, 0)


# Lookaside: SQLite's per-connection pool of small allocations. With cipher_memory_security ON,
# SQLCipher mlocks every allocation and wipes and munlocks it on free, two system calls each;
# FTS5's bm25() opens a 4 KiB cursor for every matching row, so one search over 20,000
# testimonies made 20,255 mlock calls and ran 4-5x slower than the same query on plain
# SQLite. Slots big enough for that cursor come from one block that is locked once (227 calls;
# search p95 ratio 1.4-1.8 -> about 0.4; docs/performance.md). Memory security stays on.
# The pool must also outlast the statements the connection keeps prepared: each cached
# statement holds some slots for as long as it stays cached, and after importing bundles the
# 128 cached statements of the import held all 397 slots of a 100-slot pool (SQLite divides the
# block into big and 128-byte slots), so every bm25() cursor went back to mlock: search on the
# importing session 4.55x plain FTS5 at 100,000 testimonies instead of 0.6x on a fresh one. They
# hold about 840 slots; 500 big-slot units make 1,852 slots in 2.2 MB (issue 19).
LOOKASIDE_SLOT_BYTES = 4352
LOOKASIDE_SLOTS = 500
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
    args = (
        ctypes.c_int(_SQLITE_CONFIG_LOOKASIDE),
        ctypes.c_int(LOOKASIDE_SLOT_BYTES),
        ctypes.c_int(LOOKASIDE_SLOTS),
    )
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


@functools.cache
def check_library() -> str:
    """Refuse to run on an SQLCipher that could weaken the vault; return its version.

    Checked once per process, before the first vault file is opened (security.md F1): the
    version must be at least :data:`MIN_SQLCIPHER` and temporary data must be kept in memory
    by the build (``TEMP_STORE`` 2 or 3), since temporary files are never encrypted.

    It also turns memory security on for the process before the first vault connection
    exists. The setting is process-wide, and a connection takes its lookaside block (2.2 MB
    of SQLite's small allocations, query values among them) when it opens: the vault's own
    connection, which used to be the first to ask for memory security, got a block that was
    neither locked nor wiped when freed (issue 19).
    """
    conn = sqlcipher.connect(":memory:")
    try:
        rows = conn.execute("PRAGMA cipher_version").fetchall()
        options = [r[0] for r in conn.execute("PRAGMA compile_options").fetchall()]
        conn.execute("PRAGMA cipher_memory_security = ON").fetchall()
    finally:
        conn.close()
    version = str(rows[0][0]) if rows and rows[0] else ""
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:3])
    if len(numbers) < 3 or numbers < MIN_SQLCIPHER:
        raise UnsupportedLibrary(
            "vault.sqlcipher_untrusted"
        )
    # The build's default place for temporary data: 2 (memory unless asked) or 3 (always).
    builds = {o.partition("=")[2] for o in options if o.partition("=")[0] == "TEMP_STORE"}
    if not builds & {"2", "3"}:
        raise UnsupportedLibrary(
            "vault.sqlcipher_unencrypted_temp"
        )
    return version


def _check_settings(conn: Any, profile: CipherProfile) -> None:
    """The keyed connection really has the layout and protections we asked for."""
    for name, wanted in profile.expected().items():
        rows = conn.execute(f"PRAGMA {name}").fetchall()
        got = str(rows[0][0]) if rows and rows[0] else ""
        if got != wanted:
            raise UnsupportedLibrary(
                "vault.sqlcipher_settings_not_applied"
            )
    if [tuple(r) for r in conn.execute("PRAGMA temp_store").fetchall()] != [(2,)]:
        raise UnsupportedLibrary(
            "vault.sqlcipher_temp_not_in_memory"
        )


class Database:
    """One keyed SQLCipher connection, safe to call from one thread at a time.

    Every public method of the storage layer takes :attr:`lock`, so the GUI's worker thread and
    the GUI thread can share a session without interleaving statements.
    """

    def __init__(
        self,
        path: Path,
        conn: Any,
        profile: CipherProfile = CipherProfile.CURRENT,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self._conn = conn
        self.profile = profile
        # Opened without its WAL because the disk is full: reads work, every write fails.
        self.read_only = read_only
        self.lock = threading.RLock()

    @property
    def is_open(self) -> bool:
        """Whether the connection is still open."""
        return self._conn is not None

    @property
    def conn(self) -> Any:
        """The raw connection; raises once the vault is locked."""
        if self._conn is None:
            raise UserFacingError("vault.locked")
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
                if not self.read_only:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher.Error:
                log.warning("checkpoint before close failed")
            finally:
                _release_cache(self._conn)
                self._conn.close()
                self._conn = None

    def checkpoint(self) -> bool:
        """Copy every committed page from the WAL into the database file; True if complete.

        After this a sealed version lives in ``vault.db`` itself, so losing ``vault.db-wal``
        (a crash followed by a careless copy, a deleted file) cannot take it away.
        """
        if self.read_only:
            return False
        rows = self.query("PRAGMA wal_checkpoint(TRUNCATE)")
        return bool(rows) and int(rows[0][0]) == 0

    def reopen(self, dek: bytes | bytearray) -> None:
        """Close the connection and open the same path again with ``dek`` (after a rekey).

        Callers hold :attr:`lock` around the file change this follows, so no statement runs
        between the close and the new connection.
        """
        with self.lock:
            self.close()
            fresh = _connect_with(self.path, dek, self.profile)
            self._conn, fresh._conn = fresh._conn, None
            self.read_only = False


#: SQLite's primary result codes (the low byte of an extended code) that a user can act on.
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 8, 10, 11, 13, 26
_DAMAGED_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})
# EFBIG (a file size limit), a failing or read-only medium: nothing was committed.
_UNWRITABLE_CODES = frozenset({SQLITE_IOERR, SQLITE_READONLY})


def result_code(exc: BaseException) -> int:
    """The primary SQLite result code of a ``sqlcipher3`` error (0 when it carries none).

    Codes, not message text: messages change between SQLite versions and are English-only,
    and extended codes (``SQLITE_IOERR_WRITE`` = 778) keep the primary one in the low byte.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else 0


@contextmanager
def translate_errors() -> Iterator[None]:
    """Map SQLite result codes onto the errors a user can act on."""
    try:
        yield
    except sqlcipher.IntegrityError:
        raise
    except sqlcipher.DatabaseError as exc:  # OperationalError included
        code = result_code(exc)
        if code == SQLITE_FULL:
            raise DiskFull() from None
        if code in _DAMAGED_CODES:
            raise VaultDamaged("vault.database_damaged") from None
        if code in _UNWRITABLE_CODES:
            raise UserFacingError(
                "vault.write_failed"
            ) from None
        if isinstance(exc, sqlcipher.OperationalError):
            raise  # a bug of ours (SQLITE_ERROR, a busy lock …): the crash handler's
        raise VaultDamaged("vault.database_damaged") from None


def _keyspec(dek: bytes | bytearray) -> bytearray:
    """``x'<64 hex>'`` built in a mutable buffer from hex digits only."""
    spec = bytearray(b"x'")
    spec += dek.hex().encode("ascii")
    spec += b"'"
    return spec


def connect(
    path: Path, dek: bytes | bytearray, *, create: bool = False, allow_read_only: bool = False
) -> Database:
    """Open (or, with ``create``, make) the database at ``path`` with the raw key ``dek``.

    An empty or missing file is damage, never a new vault, unless ``create`` is set: SQLCipher
    would happily open a 0-byte file as a fresh empty database with any key. A new file gets
    the current page layout; an existing one is tried with the current layout, then with
    SQLCipher 4's defaults (vaults made by Testimony 0.1.0). A file neither opens is damaged
    (the key itself was already proven by the key slot's AEAD).

    With ``allow_read_only``, a file that cannot be opened for writing because the disk is full
    (opening a WAL database creates ``-wal`` and ``-shm``) is opened read-only instead, so the
    interviewer can still read every testimony; see :func:`_connect_read_only`.
    """
    check_library()
    if create:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        return _connect_with(path, dek, CipherProfile.CURRENT)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise VaultDamaged(
            "vault.database_missing"
        ) from None
    if size == 0:
        raise VaultDamaged("vault.database_empty")
    try:
        try:
            return _connect_with(path, dek, CipherProfile.CURRENT)
        except VaultDamaged:
            return _connect_with(path, dek, CipherProfile.SQLCIPHER4_DEFAULT)
    except _CannotWrite:
        if not allow_read_only:
            raise UserFacingError(
                "vault.open_disk_full"
            ) from None
        return _connect_read_only(path, dek)


class _CannotWrite(Exception):
    """Opening failed because SQLite could not create or grow its WAL or shared-memory file."""


# The primary result codes a full or read-only disk gives while a WAL database is being
# opened (SQLITE_CANTOPEN, 14: the -wal or -shm file cannot be created).
_WRITE_FAILURES = frozenset({SQLITE_IOERR, 14, SQLITE_FULL, SQLITE_READONLY})


def _wal_is_empty(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def _connect_read_only(path: Path, dek: bytes | bytearray) -> Database:
    """Open ``path`` read-only without its WAL and shared memory (``immutable=1``).

    Only when the WAL holds nothing: the database file alone is then the whole vault. A WAL
    with frames in it (the last session did not close) holds committed changes that an
    immutable reader would silently leave out, so that case is refused with a sentence.
    """
    if not _wal_is_empty(path):
        raise DiskFull(
            "vault.open_disk_full_wal"
        )
    return open_immutable(path, dek)


def open_immutable(path: Path, dek: bytes | bytearray) -> Database:
    """Open ``path`` read-only as it is on disk, creating nothing beside it.

    SQLite neither locks the file nor reads or creates ``-wal``/``-shm`` (``immutable=1``), so
    this is for files nobody writes: a backup, a staged copy, a database to be identified, or
    the vault itself on a full disk once its WAL is known to be empty.
    """
    check_library()
    if not path.is_file() or path.stat().st_size == 0:
        raise VaultDamaged("vault.database_missing")
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    for profile in (CipherProfile.CURRENT, CipherProfile.SQLCIPHER4_DEFAULT):
        try:
            return _connect_with(path, dek, profile, uri=uri)
        except VaultDamaged:
            continue
    raise VaultDamaged("vault.database_damaged")


def _connect_with(
    path: Path, dek: bytes | bytearray, profile: CipherProfile, *, uri: str | None = None
) -> Database:
    target = uri if uri is not None else str(path)
    conn = sqlcipher.connect(
        target, check_same_thread=False, isolation_level=None, uri=uri is not None
    )
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
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for pragma in _PRAGMAS:
                conn.execute(pragma).fetchall()
        except sqlcipher.OperationalError as exc:
            if result_code(exc) in _WRITE_FAILURES and uri is None:
                raise _CannotWrite() from None
            with translate_errors():
                raise
        except sqlcipher.DatabaseError:
            with translate_errors():
                raise
        _check_settings(conn, profile)
    except BaseException:
        conn.close()
        raise
    return Database(path, conn, profile, read_only=uri is not None)


def _release_cache(conn: Any) -> None:
    """Free the connection's page cache inside a statement, before ``close()`` frees the rest.

    Why: with ``cipher_memory_security`` every cached page is wiped and unlocked as it is
    freed, which for a connection that has just read a whole database (the check of a new
    backup) takes 60-130 ms. ``close()`` does that holding Python's interpreter lock, so the
    window froze that long while a backup ran on the worker; a statement runs with the lock
    released, so ``PRAGMA shrink_memory`` does the same freeing while the window goes on.
    """
    try:
        conn.execute("PRAGMA shrink_memory").fetchall()
    except sqlcipher.Error:
        log.warning("releasing the page cache before close failed")


def cipher_problems(db: Database) -> list[Message]:
    """Run SQLCipher's page HMAC check and SQLite's integrity check; describe any damage."""
    problems: list[Message] = []
    with db.lock:
        try:
            bad_pages = db.conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except sqlcipher.DatabaseError:
            return [Message("check.database_unreadable")]
        if bad_pages:
            problems.append(Message("check.pages_failed", count=len(bad_pages)))
        try:
            result = db.conn.execute("PRAGMA integrity_check").fetchall()
        except sqlcipher.DatabaseError:
            return [*problems, Message("check.structure_damaged")]
        if [r[0] for r in result] != ["ok"]:
            problems.append(Message("check.structure_damaged"))
    return problems


def backup_to(db: Database, dest: Path, dek: bytes | bytearray) -> None:
    """Copy the live database into a new encrypted file with the same key (online backup).

    ``dek`` must be the key ``db`` is open with: the backup API copies pages as they are.
    """
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


def rekeyed_copy(
    db: Database, dest: Path, dek: bytes | bytearray, new_dek: bytes | bytearray
) -> None:
    """Write a copy of ``db`` (open with ``dek``) at ``dest``, re-encrypted under ``new_dek``.

    The copy is made with the backup API under the old key, then re-encrypted page by page
    with SQLCipher's rekey (``sqlite3_rekey``, the raw key built from hex only, never a
    ``str``). The live file is never rekeyed in place: a crash mid-way leaves only a stray
    copy under a key nobody holds, and the caller swaps the finished copy in atomically.
    """
    backup_to(db, dest, dek)
    conn = sqlcipher.connect(str(dest), check_same_thread=False, isolation_level=None)
    spec = _keyspec(dek)
    new_spec = _keyspec(new_dek)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(spec)
        for pragma in db.profile.pragmas():
            conn.execute(pragma).fetchall()
        conn.execute("PRAGMA cipher_memory_security = ON").fetchall()
        with translate_errors():
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.reset_key(new_spec)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        kdf.wipe(spec)
        kdf.wipe(new_spec)
        conn.close()
    with open(dest, "rb+") as handle:
        os.fsync(handle.fileno())


def compile_options() -> list[str]:
    """SQLite's compile options, for the temp-store guard test."""
    conn = sqlcipher.connect(":memory:")
    try:
        return [r[0] for r in conn.execute("PRAGMA compile_options").fetchall()]
    finally:
        conn.close()
