"""Schema 13: record ids bound to their device; old ids and versions kept aside carried over.

A vault at schema 12 is filled as the version before wrote it — on the laptop a record with a
version-4 id, on the organisation's side a version kept aside — then migrated: the old id stays
as it was, with no salt (it keeps the first-come rule), the rows kept aside survive the rebuild
of their table with every field, the table is still append-only, and it now accepts the new
kind, ``id not bound``, and still nothing else.
"""

from __future__ import annotations

import json
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from testimony_app.crypto.record_ids import is_bound_format, proves
from testimony_app.crypto.signing import PublicKey
from testimony_app.domain.model import Testimony as Record
from testimony_app.services.vault import unlock_vault
from testimony_app.storage import database, schema
from testimony_app.storage.database import Database
from testimony_app.storage.id_binding import DEVICE_PUBLIC
from testimony_app.storage.records import RecordStore

NOW = "2026-12-07T10:00:00Z"
OLD_ID = "3b9e7d8f-529a-4d87-a53b-690f822ecf6f"


def _at_schema(db: Database, version: int) -> None:
    for number in range(schema.user_version(db), version):
        with db.transaction() as conn:
            for step in schema.MIGRATIONS[number]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {number + 1:d}")


def _fill_12(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO records (id, created_at, updated_at, current) VALUES (?, ?, ?, 1)",
            (OLD_ID, NOW, NOW),
        )
        conn.execute(
            "INSERT INTO devices (device_id, public_key, fingerprint, first_seen)"
            " VALUES ('laptop-b', 'ed25519:b', 'FING-ERPR-INTB', ?)",
            (NOW,),
        )
        conn.execute(
            "INSERT INTO imported_bundles (bundle_id, sha256, size, device_id, created_at,"
            " audit_seq, audit_hash, manifest, signature, custody, imported_at)"
            " VALUES ('b1', ?, 1, 'laptop-b', ?, 1, ?, x'00', 'sig', x'00', ?)",
            ("1" * 64, NOW, "0" * 64, NOW),
        )
        conn.execute(
            "INSERT INTO import_conflicts (id, record_id, version, existing_sha256,"
            " incoming_sha256, bundle_id, device_id, content, statement, detected_at, kind)"
            " VALUES (7, ?, 2, ?, ?, 'b1', 'laptop-b', '{\"şəhər\": \"Gəncə\"}', x'2550',"
            " ?, 'another device')",
            (OLD_ID, "a" * 64, "b" * 64, NOW),
        )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    handle = database.connect(tmp_path / "vault.db", secrets.token_bytes(32), create=True)
    _at_schema(handle, 12)
    _fill_12(handle)
    yield handle
    handle.close()


def test_schema12_vault_keeps_its_ids_and_versions_kept_aside(db: Database) -> None:
    assert schema.migrate(db) == 12
    assert schema.user_version(db) == schema.SCHEMA_VERSION
    # The old record keeps its id, and has no salt: a legacy id, first come first owner.
    assert db.query("SELECT id, id_salt FROM records") == [(OLD_ID, "")]
    assert not is_bound_format(OLD_ID)
    # Every field of the version kept aside survives the table's rebuild.
    assert db.query(
        "SELECT id, record_id, version, existing_sha256, incoming_sha256, bundle_id,"
        " device_id, content, statement, detected_at, kind FROM import_conflicts"
    ) == [
        (7, OLD_ID, 2, "a" * 64, "b" * 64, "b1", "laptop-b", '{"şəhər": "Gəncə"}',
         b"%P", NOW, "another device")
    ]
    assert schema.migrate(db) == schema.SCHEMA_VERSION  # nothing more to do


def test_schema13_conflicts_stay_append_only_and_know_the_new_kind(db: Database) -> None:
    schema.migrate(db)
    insert = (
        "INSERT INTO import_conflicts (record_id, version, existing_sha256, incoming_sha256,"
        " bundle_id, device_id, content, detected_at, kind)"
        " VALUES (?, 1, '', ?, 'b1', 'laptop-b', '{}', ?, ?)"
    )
    with db.transaction() as conn:
        conn.execute(insert, ("r2", "c" * 64, NOW, "id not bound"))
    with pytest.raises(sqlcipher.IntegrityError), db.transaction() as conn:
        conn.execute(insert, ("r3", "d" * 64, NOW, "whatever"))
    for statement in (
        "UPDATE import_conflicts SET kind = 'conflict' WHERE id = 7",
        "DELETE FROM import_conflicts WHERE id = 7",
    ):
        with pytest.raises(sqlcipher.IntegrityError, match="append-only"), db.transaction() as c:
            c.execute(statement)
    assert [r[0] for r in db.query("SELECT kind FROM import_conflicts ORDER BY id")] == [
        "another device",
        "id not bound",
    ]


def test_a_record_made_after_the_migration_is_bound_and_makes_the_device_key(
    db: Database,
) -> None:
    """A vault without a device key (as before, until an export needed one) gets it in the
    transaction that makes the record, and the id proves under it."""
    schema.migrate(db)
    assert db.scalar("SELECT value FROM meta WHERE key = ?", (DEVICE_PUBLIC,)) is None
    records = RecordStore(db, lambda: NOW)
    first, second = records.create_many([Record(title="Şəki"), Record(title="Гянджа")])
    key = PublicKey.from_text(
        str(db.scalar("SELECT value FROM meta WHERE key = ?", (DEVICE_PUBLIC,)))
    )
    for rid in (first, second):
        assert is_bound_format(rid)
        assert proves(rid, key, records.id_salt(rid))
        assert records.get(rid).id == rid
    assert records.id_salt(first) != records.id_salt(second)
    assert records.id_salt(OLD_ID) == ""


@pytest.mark.slow
def test_the_0_1_golden_vault_keeps_its_ids_and_binds_only_new_records(tmp_path: Path) -> None:
    """The vault version 0.1 wrote (tests/data/golden/v0.1.0), migrated: its testimonies keep
    their version-4 ids with no salt, an export of them carries no salt (first come at the
    organisation, as before), and a testimony made afterwards is bound to the vault's key."""
    golden = Path(__file__).resolve().parents[2] / "data" / "golden" / "v0.1.0"
    expected = json.loads((golden / "expected.json").read_text(encoding="utf-8"))
    vault = tmp_path / "vault"
    vault.mkdir(mode=0o700)
    for item in golden.iterdir():
        if item.is_file() and item.name != "expected.json":
            shutil.copyfile(item, vault / item.name)
            (vault / item.name).chmod(0o600)
    session = unlock_vault(vault, expected["passphrase"])
    try:
        records = session._vault.records
        old = [expected["sealed"]["id"], expected["draft"]["id"]]
        assert sorted(s.id for s in session.testimonies.list()) == sorted(old)
        for rid in old:
            assert not is_bound_format(rid)
            assert records.id_salt(rid) == ""
        key = PublicKey.from_text(session.bundles.device_public_key())
        new = session.testimonies.create(Record(title="Tərtər"))
        assert is_bound_format(new)
        assert proves(new, key, records.id_salt(new))
        assert session.check().ok
    finally:
        session.lock()
