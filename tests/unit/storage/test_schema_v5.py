"""Schema 5: the registry's generation counter, kept by triggers, from schema 4 and schema 1.

The suggestion index is cached on this counter, so it must move on every write to entries,
links and merges (whoever makes it), stay put on every other write, and roll back with a
rolled-back transaction.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app.services.vault import unlock_vault
from testimony_app.storage import database, schema
from testimony_app.storage.database import Database
from testimony_app.storage.registry import RegistryStore

pytestmark = pytest.mark.slow  # migrations replayed on real vault copies (0.6-0.7 s each)

NOW = "2024-03-01T10:00:00Z"
GOLDEN = Path(__file__).parents[2] / "data" / "golden" / "schema-1"
GOLDEN_PASSPHRASE = "golden-schema-1 passphrase"
GOLDEN_DRAFT = "0218e38d-1226-4eeb-8dcb-b8fbab570c5a"


def _at_schema(db: Database, version: int) -> None:
    """Apply the migrations up to ``version`` only, as a program of that version did."""
    for number in range(schema.user_version(db), version):
        with db.transaction() as conn:
            for step in schema.MIGRATIONS[number]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {number + 1:d}")


def _generation(db: Database) -> int:
    return int(db.scalar("SELECT value FROM registry_generation WHERE id = 1"))


def _fill_schema4(db: Database) -> None:
    """A record, two entries, links of every status and a merge, as schema 4 stored them."""
    with db.transaction() as conn:
        conn.execute("INSERT INTO records (id, created_at, updated_at, current)"
                     " VALUES ('r1', ?, ?, 1)", (NOW, NOW))
        for entry_id, merged in (("e1", None), ("e2", "e1")):
            conn.execute("INSERT INTO registry_entries (id, kind, display_name, created_at,"
                         " merged_into) VALUES (?, 'person', ?, ?, ?)",
                         (entry_id, f"name {entry_id}", NOW, merged))
        for n, status in enumerate(("suggested", "confirmed", "rejected")):
            conn.execute("INSERT INTO registry_links (entry_id, record_id, version,"
                         " mention_path, status, created_at) VALUES ('e1', 'r1', 1, ?, ?, ?)",
                         (f"acts[{n}].perpetrators[0]", status, NOW))
        conn.execute("INSERT INTO registry_merges (source_id, target_id, moved_links,"
                     " created_at) VALUES ('e2', 'e1', '[2]', ?)", (NOW,))


_TABLES = ("records", "registry_entries", "registry_links", "registry_merges")


def _columns(db: Database) -> dict[str, str]:
    """Each table's columns as schema 4 had them (later schemas may add columns)."""
    return {t: ", ".join(r[0] for r in db.query("SELECT name FROM pragma_table_info(?)", (t,)))
            for t in _TABLES}


def _dump(db: Database, columns: dict[str, str]) -> list[object]:
    return [db.query(f"SELECT {columns[t]} FROM {t} ORDER BY 1") for t in _TABLES]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    handle = database.connect(tmp_path / "vault.db", secrets.token_bytes(32), create=True)
    _at_schema(handle, 4)
    _fill_schema4(handle)
    yield handle
    handle.close()


def test_schema4_vault_migrates_to_5_and_keeps_the_registry(db: Database) -> None:
    columns = _columns(db)
    before = _dump(db, columns)
    assert schema.migrate(db) == 4
    assert schema.user_version(db) == schema.SCHEMA_VERSION
    assert _dump(db, columns) == before
    assert _generation(db) == 0
    triggers = {r[0] for r in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%generation%'")}
    assert len(triggers) == 9
    # Migrating again writes nothing.
    changes = db.conn.total_changes
    assert schema.migrate(db) == schema.SCHEMA_VERSION
    assert db.conn.total_changes == changes


def test_generation_counts_registry_writes_and_nothing_else(db: Database) -> None:
    schema.migrate(db)
    store = RegistryStore(db, lambda: NOW)
    token = store.change_token()
    assert token == 0
    writes = [
        "INSERT INTO registry_entries (id, kind, display_name, created_at)"
        " VALUES ('e3', 'unit', 'Q-903', '')",
        "UPDATE registry_entries SET notes = 'n' WHERE id = 'e3'",
        "UPDATE registry_links SET status = 'confirmed' WHERE id = 1",
        "INSERT INTO registry_links (entry_id, record_id, version, mention_path, status,"
        " created_at) VALUES ('e1', 'r1', 1, 'witness', 'suggested', '')",
        "DELETE FROM registry_links WHERE mention_path = 'witness'",
        "UPDATE registry_merges SET undone_at = 'x' WHERE id = 1",
        "INSERT INTO registry_merges (source_id, target_id, moved_links, created_at)"
        " VALUES ('e3', 'e1', '[]', '')",
        "DELETE FROM registry_merges WHERE source_id = 'e3'",
        "DELETE FROM registry_entries WHERE id = 'e3'",
    ]
    for n, sql in enumerate(writes, 1):
        db.execute(sql)
        assert _generation(db) == n, sql
        assert store.change_token() == n
    # Writes to records, settings and the rest leave it alone.
    db.execute("UPDATE records SET title = 'draft autosave' WHERE id = 'r1'")
    db.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
    db.execute("INSERT INTO records (id, created_at, updated_at, current)"
               " VALUES ('r2', '', '', 1)")
    assert store.change_token() == len(writes)
    # A rolled-back registry write rolls the counter back too; inside the transaction the
    # token is withheld, because the number it would give may be reused.
    inside: list[int | None] = []

    def write_then_fail() -> None:
        with db.transaction() as conn:
            conn.execute("UPDATE registry_entries SET notes = 'gone' WHERE id = 'e1'")
            inside.append(store.change_token())
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert inside == [None]
    assert store.change_token() == len(writes)
    assert db.scalar("SELECT notes FROM registry_entries WHERE id = 'e1'") == ""


def test_golden_schema1_vault_gets_the_counter(tmp_path: Path) -> None:
    dest = tmp_path / "vault"
    dest.mkdir(mode=0o700)
    for name in ("vault.db", "vault.keys", "vault.keys.bak"):
        shutil.copyfile(GOLDEN / name, dest / name)
        (dest / name).chmod(0o600)
    session = unlock_vault(dest, GOLDEN_PASSPHRASE)
    try:
        db = session._vault.db  # the test reaches inside on purpose
        assert schema.user_version(db) == schema.SCHEMA_VERSION
        assert _generation(db) == 0
        first = session.registry.candidate_index()
        session.testimonies.save_draft(GOLDEN_DRAFT, session.testimonies.get(GOLDEN_DRAFT))
        assert session.registry.candidate_index() is first
        session.registry.create_entry("place", "Tərtər")
        assert _generation(db) == 1
        assert session.registry.candidate_index() is not first
        assert session.check().ok
    finally:
        session.lock()
