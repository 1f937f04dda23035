"""The vault's schema and its migrations, versioned in ``PRAGMA user_version``.

Each migration is a list of statements applied in one transaction. A migration, once released,
never changes: a golden vault of every released schema lives in ``tests/data`` and the tests
migrate a copy of it. A vault whose version is newer than :data:`SCHEMA_VERSION` is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from testimony_app.errors import VaultTooNew
from testimony_app.storage.database import Database
from testimony_app.storage.search import index_row

_V1 = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE records (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        current INTEGER NOT NULL,
        exported INTEGER NOT NULL DEFAULT 0,
        acknowledged INTEGER NOT NULL DEFAULT 0,
        interview_date TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        witness_label TEXT NOT NULL DEFAULT '',
        witness_name TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        methods TEXT NOT NULL DEFAULT '',
        fictional INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE versions (
        record_id TEXT NOT NULL REFERENCES records(id),
        number INTEGER NOT NULL,
        content TEXT NOT NULL,
        sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
        sealed_at TEXT NOT NULL DEFAULT '',
        content_sha256 TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (record_id, number)
    )""",
    # The database itself refuses to change a sealed version (a guard against bugs, and
    # evidence of intent: a sealed row can only change by editing the file's triggers).
    """CREATE TRIGGER versions_sealed_immutable BEFORE UPDATE ON versions
       WHEN OLD.sealed = 1
       BEGIN SELECT RAISE(ABORT, 'a sealed version cannot be changed'); END""",
    """CREATE TRIGGER versions_sealed_undeletable BEFORE DELETE ON versions
       WHEN OLD.sealed = 1
       BEGIN SELECT RAISE(ABORT, 'a sealed version cannot be deleted'); END""",
    """CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES records(id),
        filename TEXT NOT NULL,
        media_type TEXT NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL CHECK (origin IN ('import', 'recording')),
        size INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1))
    )""",
    """CREATE TRIGGER attachments_complete_immutable BEFORE UPDATE OF sha256, size ON attachments
       WHEN OLD.complete = 1
       BEGIN SELECT RAISE(ABORT, 'a stored attachment cannot be changed'); END""",
    """CREATE TABLE attachment_chunks (
        attachment_id TEXT NOT NULL REFERENCES attachments(id),
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (attachment_id, seq)
    )""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        payload_sha256 TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        entry_hash TEXT NOT NULL
    )""",
    """CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE VIRTUAL TABLE search USING fts5(
        record_id UNINDEXED,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "CREATE INDEX attachments_by_record ON attachments(record_id)",
    "CREATE INDEX audit_by_record ON audit(record_id)",
]


def _v2_search_keeps_text(conn: Any) -> None:
    """Rebuild the search index with an unindexed copy of the text, for cheap snippets."""
    conn.execute("DROP TABLE search")
    conn.execute(
        "CREATE VIRTUAL TABLE search USING fts5(record_id UNINDEXED, body, original UNINDEXED,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = conn.execute(
        "SELECT v.record_id, v.content FROM versions v JOIN records r"
        " ON r.id = v.record_id AND v.number = r.current"
    ).fetchall()
    for record_id, content in rows:
        conn.execute(
            "INSERT INTO search (record_id, body, original) VALUES (?, ?, ?)",
            index_row(record_id, json.loads(content)),
        )


Step = str | Callable[[Any], None]
MIGRATIONS: list[list[Step]] = [list(_V1), [_v2_search_keeps_text]]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: Database) -> int:
    """The schema version stored in the file."""
    return int(db.scalar("PRAGMA user_version"))


def migrate(db: Database) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`; return the version found before.

    Writes nothing when the vault is already current.
    """
    found = user_version(db)
    if found > SCHEMA_VERSION:
        raise VaultTooNew(
            "This vault was written by a newer version of Testimony; update the program to open it."
        )
    for number in range(found, SCHEMA_VERSION):
        with db.transaction() as conn:
            for step in MIGRATIONS[number]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {number + 1:d}")
    return found
