"""Schema version 13 of the vault (imported by :mod:`.schema`, which keeps the list).

Kept in its own module only because :mod:`.schema` reached its size limit; like every released
migration it never changes.
"""

from __future__ import annotations

# Version 13: record ids bound to the device that created them (issue 13,
# crypto/record_ids.py). Laptop side: a record made from now on has a UUID of version 8
# derived from the device key and a random salt, kept in ``records.id_salt`` and sent in the
# bundle manifest; records made before keep their ids and an empty salt (legacy: first-come
# at the organisation). Organisation side: the salt a record's first version proved its id
# with is kept the same way, and a version whose bound id its signer does not prove is kept
# aside with its own kind, ``id not bound``. SQLite cannot change a CHECK constraint, so the
# append-only table of versions kept aside is rebuilt with every row and its triggers.
_CONFLICT_KINDS = "('conflict', 'another device', 'redacted copy', 'id not bound')"
V13 = [
    "ALTER TABLE records ADD COLUMN id_salt TEXT NOT NULL DEFAULT ''",
    *(
        f"DROP TRIGGER import_conflicts_append_only_{verb}"
        for verb in ("update", "delete")
    ),
    f"""CREATE TABLE import_conflicts_v13 (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        existing_sha256 TEXT NOT NULL,
        incoming_sha256 TEXT NOT NULL,
        bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
        device_id TEXT NOT NULL,
        content TEXT NOT NULL,
        statement BLOB,
        detected_at TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'conflict' CHECK (kind IN {_CONFLICT_KINDS}),
        UNIQUE (record_id, version, incoming_sha256)
    )""",
    "INSERT INTO import_conflicts_v13 (id, record_id, version, existing_sha256,"
    " incoming_sha256, bundle_id, device_id, content, statement, detected_at, kind)"
    " SELECT id, record_id, version, existing_sha256, incoming_sha256, bundle_id, device_id,"
    " content, statement, detected_at, kind FROM import_conflicts ORDER BY id",
    "DROP TABLE import_conflicts",
    "ALTER TABLE import_conflicts_v13 RENAME TO import_conflicts",
    *(
        f"""CREATE TRIGGER import_conflicts_append_only_{verb} BEFORE {verb.upper()}
            ON import_conflicts
            BEGIN SELECT RAISE(ABORT, 'imported evidence is append-only'); END"""
        for verb in ("update", "delete")
    ),
]
