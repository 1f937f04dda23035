"""Schema 9: what version 0.1 trusted without a check is carried over, and no longer trusted.

A vault at schema 8 is filled with rows as version 0.1 wrote them — on the organisation's
side a device pinned on first use, a record it sent and a redacted copy; on the laptop's side
versions acknowledged by 0.1 receipts, one of them already purged — then migrated.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from testimony_app.storage import audit, database, schema
from testimony_app.storage.database import Database

NOW = "2026-11-30T10:00:00Z"
KEY = "ed25519:3jCSj3m1lHIwhb2Iq+TKo1Z4r75+to80TKPqvggsK38="


def _at_schema(db: Database, version: int) -> None:
    for number in range(schema.user_version(db), version):
        with db.transaction() as conn:
            for step in schema.MIGRATIONS[number]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {number + 1:d}")


def _version(conn: object, record_id: str, number: int, sha: str, purged: int = 0) -> None:
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO versions (record_id, number, content, sealed, sealed_at, content_sha256,"
        " updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)",
        (record_id, number, "" if purged else "{}", NOW, sha, NOW),
    )
    if purged:
        conn.execute(  # type: ignore[attr-defined]
            "UPDATE versions SET purged = 1, content = '' WHERE record_id = ? AND number = ?",
            (record_id, number),
        )


def _fill_0_1(db: Database) -> None:
    with db.transaction() as conn:
        # Organisation side: a device pinned on first use, one complete record and one
        # redacted copy (its own hash a, the claimed sealed hash b).
        conn.execute(
            "INSERT INTO devices (device_id, public_key, fingerprint, first_seen)"
            " VALUES ('laptop-1', ?, 'F35T-DCRL-PVYW-UBWC-XLND', ?)",
            (KEY, NOW),
        )
        conn.execute(
            "INSERT INTO imported_bundles (bundle_id, sha256, size, device_id, created_at,"
            " audit_seq, audit_hash, manifest, signature, custody, imported_at)"
            " VALUES ('b1', ?, 1, 'laptop-1', ?, 1, ?, x'00', 'sig', x'00', ?)",
            ("1" * 64, NOW, "0" * 64, NOW),
        )
        for rid, own, claimed, redacted in (
            ("org-r1", "c" * 64, "c" * 64, 0),
            ("org-r2", "a" * 64, "b" * 64, 1),
        ):
            conn.execute(
                "INSERT INTO records (id, created_at, updated_at, current) VALUES (?, ?, ?, 1)",
                (rid, NOW, NOW),
            )
            _version(conn, rid, 1, own)
            conn.execute(
                "INSERT INTO provenance (record_id, version, source_sha256, redacted, device_id,"
                " device_fingerprint, bundle_id, interviewer, imported_at)"
                " VALUES (?, 1, ?, ?, 'laptop-1', 'F35T', 'b1', 'I', ?)",
                (rid, claimed, redacted, NOW),
            )
        # Laptop side: two records acknowledged by a 0.1 receipt, one already purged.
        conn.execute(
            "INSERT INTO exports (bundle_id, sha256, size, created_at, recipients,"
            " acknowledged_at, receipt_sha256) VALUES ('e1', ?, 1, ?, '[]', ?, ?)",
            ("2" * 64, NOW, NOW, "3" * 64),
        )
        for rid, purged in (("kept", 0), ("gone", 1)):
            conn.execute(
                "INSERT INTO records (id, created_at, updated_at, current, exported,"
                " acknowledged) VALUES (?, ?, ?, 1, 1, 1)",
                (rid, NOW, NOW),
            )
            _version(conn, rid, 1, "d" * 64, purged)
            conn.execute(
                "INSERT INTO export_versions (bundle_id, record_id, version, content_sha256,"
                " redacted, acknowledged) VALUES ('e1', ?, 1, ?, 0, 1)",
                (rid, "d" * 64),
            )
            audit.append(
                conn, at=NOW, action="acknowledged", record_id=rid, version=1,
                payload_sha256="3" * 64,
            )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    handle = database.connect(tmp_path / "vault.db", secrets.token_bytes(32), create=True)
    _at_schema(handle, 8)
    _fill_0_1(handle)
    yield handle
    handle.close()


def test_schema8_vault_migrates_to_9_without_trusting_what_0_1_trusted(db: Database) -> None:
    assert schema.migrate(db) == 8
    assert schema.user_version(db) == schema.SCHEMA_VERSION
    # The key 0.1 pinned on first use is carried over, unconfirmed: its bundles wait.
    assert db.query(
        "SELECT public_key, name, registered_at, revoked_at FROM device_register"
    ) == [(KEY, "", "", "")]
    # Each imported record belongs to the device that sent its first version.
    assert db.query("SELECT record_id, public_key FROM record_owners ORDER BY record_id") == [
        ("org-r1", KEY),
        ("org-r2", KEY),
    ]
    assert db.query("SELECT count(*) FROM import_conflicts") == [(0,)]
    # The laptop's acknowledgements from 0.1 receipts no longer allow a purge (unless the
    # content is already gone), and the audit log says so.
    assert db.query(
        "SELECT record_id, acknowledged FROM export_versions ORDER BY record_id"
    ) == [("gone", 1), ("kept", 0)]
    assert db.query("SELECT id, acknowledged FROM records WHERE id IN ('gone', 'kept')"
                    " ORDER BY id") == [("gone", 1), ("kept", 0)]
    last = audit.entries(db, "kept")[-1]
    assert (last.action, last.version, last.payload_sha256) == (
        "acknowledgement-withdrawn", 1, "3" * 64,
    )
    assert [e.action for e in audit.entries(db, "gone")] == ["acknowledged"]
    problems, count = audit.verify(db)
    assert problems == []
    assert count == 3
    assert schema.migrate(db) == schema.SCHEMA_VERSION  # nothing more to do


def test_schema9_keeps_the_register_and_owners_append_only(db: Database) -> None:
    schema.migrate(db)
    for sql, words in (
        ("DELETE FROM device_register", "cannot be deleted"),
        ("UPDATE device_register SET fingerprint = 'X'", "confirmed and revoked once"),
        ("DELETE FROM record_owners", "append-only"),
        ("UPDATE record_owners SET public_key = 'x'", "append-only"),
    ):
        with pytest.raises(sqlcipher.IntegrityError, match=words):
            db.execute(sql)
    db.execute("UPDATE device_register SET name = 'n', registered_at = ?", (NOW,))
    with pytest.raises(sqlcipher.IntegrityError, match="confirmed and revoked once"):
        db.execute("UPDATE device_register SET name = 'other'")
    db.execute("UPDATE device_register SET revoked_at = ?, revoked_reason = 'seized'", (NOW,))
    with pytest.raises(sqlcipher.IntegrityError, match="confirmed and revoked once"):
        db.execute("UPDATE device_register SET revoked_at = ''")
