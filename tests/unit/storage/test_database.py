"""The SQLCipher connection: settings (A3, A7), wrong raw key (B2), error translation."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import DiskFull, UnsupportedLibrary, UserFacingError, VaultDamaged
from testimony_app.services.vault import VaultSession
from testimony_app.storage import database
from testimony_app.storage import vault as storage_vault

SRC = Path(__file__).resolve().parents[3] / "src" / "testimony_app"


def _conn(session: VaultSession) -> database.Database:
    return session._vault.db  # the test reaches inside on purpose


def _pragma(session: VaultSession, name: str) -> list[tuple[object, ...]]:
    return list(_conn(session).conn.execute(f"PRAGMA {name}").fetchall())


def _source_files() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20, "the static greps must see the source tree"
    return files


# -- A3: temporary data stays in memory -------------------------------------------------------


def test_a3_compile_option_keeps_temp_store_off_disk() -> None:
    options = database.compile_options()
    temp = [o for o in options if o.startswith("TEMP_STORE=")]
    assert temp, options
    assert temp[0] in ("TEMP_STORE=2", "TEMP_STORE=3")


@pytest.mark.slow
def test_a3_open_vault_uses_memory_temp_store(session: VaultSession) -> None:
    assert _pragma(session, "temp_store") == [(2,)]


def test_a3_source_sets_temp_store_only_to_memory() -> None:
    hits = []
    for path in _source_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"temp_store\s*=", line, re.IGNORECASE):
                hits.append((path.name, line.strip()))
    assert hits, "the guard must find the setting it guards"
    for name, line in hits:
        assert re.search(r"temp_store\s*=\s*MEMORY", line, re.IGNORECASE), (name, line)


# -- A7: SQLCipher settings -------------------------------------------------------------------


@pytest.mark.slow
def test_a7_cipher_settings_are_current_layout_with_memory_security(
    session: VaultSession,
) -> None:
    assert _conn(session).profile is database.CipherProfile.CURRENT
    assert _pragma(session, "cipher_memory_security") == [("1",)]
    settings = {row[0] for row in _pragma(session, "cipher_settings")}
    assert "PRAGMA cipher_page_size = 16384;" in settings
    assert "PRAGMA cipher_hmac_algorithm = HMAC_SHA256;" in settings
    assert "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;" in settings
    assert "PRAGMA cipher_plaintext_header_size = 0;" in settings
    # cipher_settings omits nothing it would need; use_hmac is on either way.
    assert "PRAGMA cipher_use_hmac = 0;" not in settings
    assert _pragma(session, "cipher_use_hmac") == [("1",)]
    assert _pragma(session, "journal_mode") == [("wal",)]
    assert _pragma(session, "synchronous") == [(2,)]  # FULL
    assert _pragma(session, "secure_delete") == [(1,)]
    assert _pragma(session, "foreign_keys") == [(1,)]


def test_a7_source_never_weakens_sqlcipher() -> None:
    bad = re.compile(r"cipher_compatibility|use_hmac\s*=\s*(off|0|false)", re.IGNORECASE)
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        assert not bad.search(text), path


@pytest.mark.slow
def test_database_file_is_not_plaintext_sqlite(session: VaultSession) -> None:
    head = (session.path / "vault.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


# -- B2: a wrong raw key ----------------------------------------------------------------------


@pytest.mark.slow
def test_b2_wrong_raw_key_is_refused_and_creates_nothing(
    session: VaultSession, vault_dir: Path, kit: ModuleType
) -> None:
    session.testimonies.create(kit.sample_testimony("b2"))
    session.lock()
    before = kit.snapshot([vault_dir])
    names = sorted(os.listdir(vault_dir))
    for _ in range(3):
        with pytest.raises(UserFacingError) as info:
            database.connect(vault_dir / "vault.db", secrets.token_bytes(32))
        assert isinstance(info.value, VaultDamaged)
        assert "\n" not in str(info.value)
    assert sorted(os.listdir(vault_dir)) == names
    assert kit.snapshot([vault_dir]) == before
    # The right key still opens it and the tables are the vault's, not new empty ones.
    dek, _ = storage_vault.unwrap_key(vault_dir, kit.PASSPHRASE)
    db = database.connect(vault_dir / "vault.db", dek)
    try:
        assert db.scalar("SELECT count(*) FROM records") == 1
    finally:
        db.close()


def test_connect_refuses_missing_and_empty_files(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    with pytest.raises(VaultDamaged, match="missing"):
        database.connect(tmp_path / "vault.db", key)
    assert not (tmp_path / "vault.db").exists()
    (tmp_path / "vault.db").write_bytes(b"")
    with pytest.raises(VaultDamaged, match="empty"):
        database.connect(tmp_path / "vault.db", key)
    assert (tmp_path / "vault.db").read_bytes() == b""
    assert sorted(os.listdir(tmp_path)) == ["vault.db"]


def test_keyspec_is_hex_only() -> None:
    spec = database._keyspec(bytes(range(32)))
    assert spec == bytearray(b"x'" + bytes(range(32)).hex().encode() + b"'")


# -- error translation ------------------------------------------------------------------------


@pytest.mark.slow
def test_full_disk_inside_a_transaction_is_disk_full(session: VaultSession) -> None:
    db = _conn(session)
    pages = db.scalar("PRAGMA page_count")
    db.execute(f"PRAGMA max_page_count = {int(pages)}")
    with pytest.raises(DiskFull), db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('x', ?)", ("ə" * 200_000,))
    db.execute("PRAGMA max_page_count = 1073741823")
    assert db.scalar("SELECT count(*) FROM settings WHERE key = 'x'") == 0


@pytest.mark.slow
def test_trigger_abort_stays_an_integrity_error(session: VaultSession) -> None:
    db = _conn(session)
    with pytest.raises(database.IntegrityError), db.transaction() as conn:
        conn.execute("UPDATE audit SET action = 'x'")


@pytest.mark.slow
def test_closed_database_says_locked(session: VaultSession) -> None:
    session.lock()
    with pytest.raises(UserFacingError, match="locked"):
        _conn(session).query("SELECT 1")


# -- Page layouts: vaults made by 0.1.0 (SQLCipher 4 defaults) still open --------------------


def _raw_spec(dek: bytes) -> bytearray:
    return bytearray(b"x'" + dek.hex().encode("ascii") + b"'")


@pytest.mark.slow
def test_legacy_layout_with_a_hot_wal_opens_and_keeps_every_row(tmp_path: Path) -> None:
    """A 0.1.0 vault that crashed with changes still in its WAL loses none of them.

    The first attempt (current layout) fails on page 1; it must not checkpoint, truncate or
    reset the WAL that the second attempt (SQLCipher 4 defaults) then reads.
    """
    from sqlcipher3 import dbapi2 as sqlcipher

    dek = secrets.token_bytes(32)
    live = tmp_path / "live.db"
    writer = sqlcipher.connect(str(live), isolation_level=None)
    writer.set_key(_raw_spec(dek))
    writer.execute("PRAGMA journal_mode = WAL").fetchall()
    writer.execute("PRAGMA wal_autocheckpoint = 0").fetchall()
    writer.execute("CREATE TABLE t (x TEXT)")
    rows = ["Həsənov otağa saldı", "Гасанов, капитан", "Hasanov, captain"] * 40
    for text in rows:
        writer.execute("INSERT INTO t VALUES (?)", (text,))
    crashed = tmp_path / "crashed.db"
    # Copy while the writer is still open: the state a crash leaves behind.
    crashed.write_bytes(live.read_bytes())
    (tmp_path / "crashed.db-wal").write_bytes((tmp_path / "live.db-wal").read_bytes())
    writer.close()
    assert (tmp_path / "crashed.db-wal").stat().st_size > 0

    db = database.connect(crashed, dek)
    try:
        assert db.profile is database.CipherProfile.SQLCIPHER4_DEFAULT
        assert [r[0] for r in db.query("SELECT x FROM t ORDER BY rowid")] == rows
        settings = {r[0] for r in db.query("PRAGMA cipher_settings")}
        assert "PRAGMA cipher_page_size = 4096;" in settings
    finally:
        db.close()


def test_backup_of_a_legacy_database_keeps_its_layout(tmp_path: Path) -> None:
    from sqlcipher3 import dbapi2 as sqlcipher

    dek = secrets.token_bytes(32)
    old = tmp_path / "old.db"
    conn = sqlcipher.connect(str(old), isolation_level=None)
    conn.set_key(_raw_spec(dek))
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('Şəkil')")
    conn.close()
    source = database.connect(old, dek)
    try:
        database.backup_to(source, tmp_path / "copy.db", dek)
    finally:
        source.close()
    copy = database.connect(tmp_path / "copy.db", dek)
    try:
        assert copy.profile is database.CipherProfile.SQLCIPHER4_DEFAULT
        assert copy.scalar("SELECT x FROM t") == "Şəkil"
        assert database.cipher_problems(copy) == []
    finally:
        copy.close()


def test_wrong_key_on_either_layout_is_damage_not_a_new_database(tmp_path: Path) -> None:
    dek = secrets.token_bytes(32)
    db = database.connect(tmp_path / "new.db", dek, create=True)
    db.execute("CREATE TABLE t (x TEXT)")
    db.close()
    before = (tmp_path / "new.db").read_bytes()
    with pytest.raises(VaultDamaged):
        database.connect(tmp_path / "new.db", secrets.token_bytes(32))
    assert (tmp_path / "new.db").read_bytes() == before


@pytest.mark.slow
def test_lookaside_is_configured_with_memory_security_still_on(session: VaultSession) -> None:
    """Search speed depends on it (docs/performance.md); the security setting stays on."""
    import sys

    if sys.platform.startswith("linux"):
        assert database.LOOKASIDE_CONFIGURED
    assert _pragma(session, "cipher_memory_security") == [("1",)]
    # SQLite restarted under the new configuration still does everything the vault needs.
    assert session.check().ok


# -- F1: the library and the settings are checked, not assumed (security review F-18) ---------


def test_f1_library_version_and_build_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    version = database.check_library()
    assert version.startswith("4.")
    check = database.check_library.__wrapped__  # the check itself, not its cached answer
    monkeypatch.setattr(database, "MIN_SQLCIPHER", (99, 0, 0))
    with pytest.raises(UnsupportedLibrary) as info:
        check()
    assert "\n" not in str(info.value)


def test_f1_a_connection_without_the_settings_is_refused(tmp_path: Path) -> None:
    """A keyed connection that lacks memory security or the vault's page layout."""
    import sqlcipher3.dbapi2 as raw

    conn = raw.connect(str(tmp_path / "x.db"), isolation_level=None)
    try:
        conn.set_key(database._keyspec(secrets.token_bytes(32)))
        conn.execute("CREATE TABLE t (x)")
        with pytest.raises(UnsupportedLibrary):
            database._check_settings(conn, database.CipherProfile.CURRENT)
        conn.execute("PRAGMA cipher_memory_security = ON").fetchall()
        conn.execute("PRAGMA temp_store = MEMORY").fetchall()
        with pytest.raises(UnsupportedLibrary):  # 4 KiB pages, HMAC-SHA512: the legacy layout
            database._check_settings(conn, database.CipherProfile.CURRENT)
        database._check_settings(conn, database.CipherProfile.SQLCIPHER4_DEFAULT)
    finally:
        conn.close()


# -- re-encryption (passphrase change, restore) ------------------------------------------------


@pytest.mark.slow
def test_rekeyed_copy_opens_with_the_new_key_only(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    rid = session.testimonies.create(kit.sample_testimony("rekey"))
    db = _conn(session)
    dek, _ = storage_vault.unwrap_key(session.path, kit.PASSPHRASE)
    new = secrets.token_bytes(32)
    dest = tmp_path / "copy.db"
    database.rekeyed_copy(db, dest, dek, new)
    with pytest.raises(VaultDamaged):
        database.open_immutable(dest, dek)
    copy = database.open_immutable(dest, new)
    try:
        assert copy.profile is db.profile
        assert copy.scalar("SELECT count(*) FROM records WHERE id = ?", (rid,)) == 1
        assert database.cipher_problems(copy) == []
    finally:
        copy.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "vault"]


@pytest.mark.slow
def test_reopen_continues_under_the_new_key(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    db = _conn(session)
    dek, _ = storage_vault.unwrap_key(session.path, kit.PASSPHRASE)
    new = secrets.token_bytes(32)
    with db.lock:
        database.rekeyed_copy(db, tmp_path / "next.db", dek, new)
        db.close()
        os.replace(tmp_path / "next.db", db.path)
        db.reopen(new)
    assert db.scalar("SELECT count(*) FROM meta WHERE key = 'vault_id'") == 1
    session.testimonies.create(kit.sample_testimony("after"))
    assert db.checkpoint()
    assert os.path.getsize(f"{db.path}-wal") == 0


# -- C3.1: a full disk still lets the vault be read --------------------------------------------

_FULL_DISK_CHILD = """
import json, resource, signal, sys
from pathlib import Path
from testimony_app.errors import UserFacingError
from testimony_app.storage import database
path, key = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # not one byte more may be written
out = {}
try:
    database.connect(path, key)
except UserFacingError as exc:
    out["plain"] = str(exc)
try:
    db = database.connect(path, key, allow_read_only=True)
except UserFacingError as exc:
    out["fallback"] = type(exc).__name__ + ": " + str(exc)
else:
    out["read_only"] = db.read_only
    out["records"] = db.scalar("SELECT count(*) FROM records")
    try:
        db.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
    except UserFacingError as exc:
        out["write"] = str(exc)
    db.close()
sys.stderr.write(json.dumps(out))
"""


def _full_disk_child(path: Path, key: bytes) -> dict[str, object]:
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _FULL_DISK_CHILD, str(path), key.hex()],
                          capture_output=True, text=True, timeout=60, check=True)
    result: dict[str, object] = json.loads(proc.stderr.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_c3_full_disk_opens_read_only_when_the_wal_is_empty(
    session: VaultSession, kit: ModuleType, vault_dir: Path
) -> None:
    session.testimonies.create(kit.sample_testimony("full"))
    session.lock()
    dek, _ = storage_vault.unwrap_key(vault_dir, kit.PASSPHRASE)
    before = kit.snapshot([vault_dir / "vault.db"])
    out = _full_disk_child(vault_dir / "vault.db", bytes(dek))
    assert "free some space" in str(out["plain"])
    assert out["read_only"] is True
    assert out["records"] == 1
    assert "not saved" in str(out["write"])
    assert kit.snapshot([vault_dir / "vault.db"]) == before


@pytest.mark.slow
def test_c3_full_disk_with_changes_in_the_wal_is_refused_with_a_sentence(
    vault_dir: Path, kit: ModuleType
) -> None:
    """A WAL with frames holds committed work an immutable reader would not see."""
    from testimony_app.services.vault import create_vault

    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    s.testimonies.create(kit.sample_testimony("in the wal"))
    wal = (vault_dir / "vault.db-wal").read_bytes()
    shm = (vault_dir / "vault.db-shm").read_bytes()
    assert wal
    s.lock()
    (vault_dir / "vault.db-wal").write_bytes(wal)  # as a crash would have left it
    (vault_dir / "vault.db-shm").write_bytes(shm)
    dek, _ = storage_vault.unwrap_key(vault_dir, kit.PASSPHRASE)
    out = _full_disk_child(vault_dir / "vault.db", bytes(dek))
    assert str(out["fallback"]).startswith("DiskFull: The disk is full")
    assert "waiting to be merged" in str(out["fallback"])


def test_closing_frees_the_page_cache_inside_a_statement(session: VaultSession) -> None:
    """Closing a connection that read a whole database wipes every cached page; ``close()``
    does that holding Python's interpreter lock (the window froze 60-130 ms while a backup's
    check closed its copy, docs/performance.md). The freeing is done first by a statement,
    which runs with the lock released, and the closed vault still reopens intact."""
    db = _conn(session)
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    db.conn.execute("PRAGMA cipher_integrity_check").fetchall()  # fill the cache
    db.close()
    assert "PRAGMA shrink_memory" in seen
    assert seen.index("PRAGMA shrink_memory") > seen.index("PRAGMA cipher_integrity_check")
