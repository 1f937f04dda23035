"""The vault's schema and its migrations, versioned in ``PRAGMA user_version``.

Each migration is a list of statements applied in one transaction. A migration, once released,
never changes: a golden vault of every released schema lives in ``tests/data`` and the tests
migrate a copy of it. A vault whose version is newer than :data:`SCHEMA_VERSION` is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from testimony_app.errors import VaultTooNew
from testimony_app.storage import audit
from testimony_app.storage.database import Database
from testimony_app.storage.schema_v13 import V13 as _V13
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


# Version 3: bundles. The device side keeps a ledger of what it exported and what the
# organisation acknowledged (``exports``, ``export_versions``) and may *purge* acknowledged
# records: a sealed version's content is emptied while its number, hash, seal time and reason
# stay, so the laptop keeps proof of what it held without holding it. The organisation side
# pins each device's key on first use (``devices``) and keeps, for every imported version,
# where it came from (``provenance``), the bundles themselves (manifest, signature, custody
# log), the sealed statements as the device made them, and versions that clashed with what
# it already held (``import_conflicts``): kept, never overwriting. Evidence tables are
# append-only, enforced by triggers like the audit log.
_V3 = [
    "ALTER TABLE versions ADD COLUMN purged INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))",
    "ALTER TABLE attachments ADD COLUMN purged INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))",
    # A sealed version may change in one way only: its content emptied and ``purged`` set,
    # everything that identifies it left as it was. A purged version never changes again.
    "DROP TRIGGER versions_sealed_immutable",
    """CREATE TRIGGER versions_sealed_immutable BEFORE UPDATE ON versions
       WHEN OLD.sealed = 1 AND NOT (
           OLD.purged = 0 AND NEW.purged = 1 AND NEW.content = '' AND NEW.sealed = 1
           AND NEW.record_id = OLD.record_id AND NEW.number = OLD.number
           AND NEW.sealed_at = OLD.sealed_at AND NEW.content_sha256 = OLD.content_sha256
           AND NEW.reason = OLD.reason)
       BEGIN SELECT RAISE(ABORT, 'a sealed version cannot be changed'); END""",
    """CREATE TRIGGER versions_purge_sealed_only BEFORE UPDATE OF purged ON versions
       WHEN NEW.purged <> OLD.purged AND OLD.sealed = 0
       BEGIN SELECT RAISE(ABORT, 'only a sealed version can be purged'); END""",
    """CREATE TRIGGER attachments_purge_final BEFORE UPDATE OF purged ON attachments
       WHEN OLD.purged = 1 AND NEW.purged = 0
       BEGIN SELECT RAISE(ABORT, 'a purged attachment cannot come back'); END""",
    # -- device side -------------------------------------------------------------------
    """CREATE TABLE exports (
        bundle_id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        recipients TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL DEFAULT '',
        receipt_sha256 TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE export_versions (
        bundle_id TEXT NOT NULL REFERENCES exports(bundle_id),
        record_id TEXT NOT NULL REFERENCES records(id),
        version INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL,
        redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
        acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
        PRIMARY KEY (bundle_id, record_id, version)
    )""",
    "CREATE INDEX export_versions_by_record ON export_versions(record_id, version)",
    # -- organisation side ---------------------------------------------------------------
    """CREATE TABLE devices (
        device_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        first_seen TEXT NOT NULL
    )""",
    """CREATE TRIGGER devices_pinned BEFORE UPDATE ON devices
       BEGIN SELECT RAISE(ABORT, 'a pinned device key cannot be changed'); END""",
    """CREATE TABLE imported_bundles (
        bundle_id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(device_id),
        created_at TEXT NOT NULL,
        previous_bundle_id TEXT NOT NULL DEFAULT '',
        audit_seq INTEGER NOT NULL,
        audit_hash TEXT NOT NULL,
        manifest BLOB NOT NULL,
        signature TEXT NOT NULL,
        custody BLOB NOT NULL,
        imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE provenance (
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        source_sha256 TEXT NOT NULL,
        redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
        device_id TEXT NOT NULL REFERENCES devices(device_id),
        device_fingerprint TEXT NOT NULL,
        bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
        interviewer TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (record_id, version),
        FOREIGN KEY (record_id, version) REFERENCES versions(record_id, number)
    )""",
    """CREATE TABLE imported_statements (
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, version),
        FOREIGN KEY (record_id, version) REFERENCES versions(record_id, number)
    )""",
    """CREATE TABLE import_conflicts (
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
        UNIQUE (record_id, version, incoming_sha256)
    )""",
    "CREATE INDEX provenance_by_bundle ON provenance(bundle_id)",
    "CREATE INDEX imported_bundles_by_device ON imported_bundles(device_id)",
    *(
        f"""CREATE TRIGGER {table}_append_only_{verb} BEFORE {verb.upper()} ON {table}
            BEGIN SELECT RAISE(ABORT, 'imported evidence is append-only'); END"""
        for table in ("imported_bundles", "provenance", "imported_statements", "import_conflicts")
        for verb in ("update", "delete")
    ),
]

# Version 4: the registry of people, places and units that testimonies mention, for
# corroboration. A link ties one mention (a path into one version of a record) to an entry;
# it starts ``suggested`` and only a person makes it ``confirmed`` or ``rejected``. A merge
# moves one entry's links to another and records which links moved, so it can be undone: the
# merged entry is kept (``merged_into``), never deleted. Every change is also in the audit chain.
_V4 = [
    """CREATE TABLE registry_entries (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'unit')),
        display_name TEXT NOT NULL,
        rank TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        merged_into TEXT REFERENCES registry_entries(id)
    )""",
    """CREATE TABLE registry_links (
        id INTEGER PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES registry_entries(id),
        record_id TEXT NOT NULL REFERENCES records(id),
        version INTEGER NOT NULL,
        mention_path TEXT NOT NULL,
        mention TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected')),
        created_at TEXT NOT NULL,
        UNIQUE (entry_id, record_id, mention_path)
    )""",
    """CREATE TABLE registry_merges (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES registry_entries(id),
        target_id TEXT NOT NULL REFERENCES registry_entries(id),
        moved_links TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX registry_links_by_entry ON registry_links(entry_id, status)",
    "CREATE INDEX registry_links_by_record ON registry_links(record_id, mention_path)",
]

# Version 5: a generation counter of the registry, so that the suggestion index (built from
# entries, links and merges only) survives writes to everything else. Keyed on the
# connection's change count, an autosave of any draft threw the index away and the next
# suggestion at 20,000 testimonies took 15 times longer. Triggers keep the counter, so no
# writer (another connection, a later module) can change the registry and forget to bump
# it; a rolled-back write rolls the counter back with the data.
_REGISTRY_TABLES = ("registry_entries", "registry_links", "registry_merges")
_V5 = [
    """CREATE TABLE registry_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
    )""",
    "INSERT INTO registry_generation (id, value) VALUES (1, 0)",
    *(
        f"""CREATE TRIGGER {table}_generation_{verb} AFTER {verb.upper()} ON {table}
            BEGIN UPDATE registry_generation SET value = value + 1 WHERE id = 1; END"""
        for table in _REGISTRY_TABLES
        for verb in ("insert", "update", "delete")
    ),
]

# Version 6: attachment bytes move out of the database into files of AES-256-GCM frames
# beside it (storage/blobs.py, crypto/frames.py): each row names its file and holds the file's
# own key. Rows from before keep ``blob`` NULL and their chunks until the unlock that moves
# them. A committed file never changes: its name and key may only be set once (from NULL, for
# a new or moved attachment) and cleared by a purge. ``blob_trash`` lists files whose rows are
# gone, in the transaction that removed them, until the files themselves are deleted.
_V6 = [
    "ALTER TABLE attachments ADD COLUMN blob TEXT",
    "ALTER TABLE attachments ADD COLUMN blob_key BLOB",
    "CREATE UNIQUE INDEX attachments_by_blob ON attachments(blob) WHERE blob IS NOT NULL",
    """CREATE TRIGGER attachments_blob_immutable BEFORE UPDATE OF blob, blob_key ON attachments
       WHEN OLD.complete = 1 AND OLD.blob IS NOT NULL AND NOT (
           NEW.purged = 1 AND NEW.blob IS NULL AND NEW.blob_key IS NULL)
       BEGIN SELECT RAISE(ABORT, 'a stored attachment cannot be changed'); END""",
    "CREATE TABLE blob_trash (name TEXT PRIMARY KEY)",
]

# Version 7: what the interviewer decided before an output that may identify a witness left
# the program: the review of a redaction (hits kept, doubtful words hidden, more words hidden),
# so that the same redacted bytes can be rebuilt, and the reason for printing a named statement
# the witness's consent does not cover. Each decision is appended (the newest counts) with its
# hash in the audit chain. The text holds words of the testimony, so a purge empties it, and
# that is the only change a row allows.
_V7 = [
    """CREATE TABLE disclosure_decisions (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('redaction_review', 'named_statement',
                                           'report_review')),
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        purged INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))
    )""",
    "CREATE INDEX disclosure_decisions_by_record ON disclosure_decisions(record_id, version,"
    " kind)",
    """CREATE TRIGGER disclosure_decisions_purge_only BEFORE UPDATE ON disclosure_decisions
       WHEN NOT (OLD.purged = 0 AND NEW.purged = 1 AND NEW.body = '' AND NEW.seq = OLD.seq
           AND NEW.kind = OLD.kind AND NEW.record_id = OLD.record_id
           AND NEW.version = OLD.version AND NEW.sha256 = OLD.sha256
           AND NEW.created_at = OLD.created_at)
       BEGIN SELECT RAISE(ABORT, 'a disclosure decision can only be purged'); END""",
    """CREATE TRIGGER disclosure_decisions_undeletable BEFORE DELETE ON disclosure_decisions
       BEGIN SELECT RAISE(ABORT, 'a disclosure decision cannot be deleted'); END""",
]

# Version 8: an attachment can be taken off a draft ("Remove from this draft"). One that no
# sealed version lists is deleted outright, file and all; one that a sealed version lists must
# stay for that version's statement and bundles, so it is only marked ``removed``: no later
# draft or version shows it again. Removal is final, like a purge.
_V8 = [
    "ALTER TABLE attachments ADD COLUMN removed INTEGER NOT NULL DEFAULT 0"
    " CHECK (removed IN (0, 1))",
    """CREATE TRIGGER attachments_removed_final BEFORE UPDATE OF removed ON attachments
       WHEN OLD.removed = 1 AND NEW.removed = 0
       BEGIN SELECT RAISE(ABORT, 'a removed attachment cannot come back'); END""",
]

# Version 9: provenance the organisation checked itself (issue 13).
#
# Organisation side. Devices are *registered* by a person who compared the laptop's
# fingerprint aloud (``device_register``), keyed by the device's public key; a bundle from any
# other key is refused or kept in ``quarantine``, unmerged, until a person decides. Keys that
# version 0.1 pinned on first use are carried over unconfirmed (``registered_at`` empty): their
# bundles wait until someone confirms them. A record belongs to the key that sent its first
# version, or to the one the organisation transferred it to (``record_owners``, append-only,
# newest row wins); versions from any other key are kept aside in ``import_conflicts`` with
# their ``kind``.
#
# Laptop side. Version 0.1 receipts could acknowledge a version whose content the
# organisation had never checked (a redacted copy, or a forgery claiming its hash), so an
# acknowledgement they gave no longer allows a purge: records not yet purged go back to
# "exported" until a receipt from this version arrives, and the audit log says so.
_V9 = [
    """CREATE TABLE device_register (
        public_key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        registered_at TEXT NOT NULL DEFAULT '',
        revoked_at TEXT NOT NULL DEFAULT '',
        revoked_reason TEXT NOT NULL DEFAULT ''
    )""",
    # Confirmed once, revoked once, never anything else; never deleted.
    """CREATE TRIGGER device_register_changes BEFORE UPDATE ON device_register
       WHEN NEW.public_key <> OLD.public_key OR NEW.fingerprint <> OLD.fingerprint
           OR (OLD.registered_at <> ''
               AND (NEW.registered_at <> OLD.registered_at OR NEW.name <> OLD.name))
           OR (OLD.revoked_at <> '' AND (NEW.revoked_at <> OLD.revoked_at
               OR NEW.revoked_reason <> OLD.revoked_reason))
           OR (NEW.revoked_at = '' AND NEW.revoked_reason <> '')
       BEGIN SELECT RAISE(ABORT, 'a registered device is confirmed and revoked once'); END""",
    """CREATE TRIGGER device_register_kept BEFORE DELETE ON device_register
       BEGIN SELECT RAISE(ABORT, 'a registered device cannot be deleted'); END""",
    "INSERT OR IGNORE INTO device_register (public_key, fingerprint)"
    " SELECT public_key, fingerprint FROM devices ORDER BY first_seen",
    """CREATE TABLE record_owners (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        public_key TEXT NOT NULL REFERENCES device_register(public_key),
        since TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX record_owners_by_record ON record_owners(record_id, id)",
    """INSERT INTO record_owners (record_id, public_key, since)
       SELECT p.record_id, d.public_key, p.imported_at FROM provenance p
       JOIN devices d ON d.device_id = p.device_id
       WHERE p.rowid = (SELECT q.rowid FROM provenance q WHERE q.record_id = p.record_id
                        ORDER BY q.imported_at, q.version LIMIT 1)
       ORDER BY p.imported_at, p.record_id""",
    "ALTER TABLE import_conflicts ADD COLUMN kind TEXT NOT NULL DEFAULT 'conflict'"
    " CHECK (kind IN ('conflict', 'another device', 'redacted copy'))",
    """CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        bundle_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        device_id TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        records INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('unregistered', 'unconfirmed', 'revoked')),
        file TEXT NOT NULL,
        quarantined_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'imported', 'discarded')),
        decided_at TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX quarantine_held_once ON quarantine(sha256) WHERE state = 'held'",
    """CREATE TRIGGER quarantine_decided_once BEFORE UPDATE ON quarantine
       WHEN OLD.state <> 'held' OR NEW.state = 'held' OR NEW.decided_at = ''
           OR NEW.id <> OLD.id OR NEW.sha256 <> OLD.sha256 OR NEW.file <> OLD.file
           OR NEW.public_key <> OLD.public_key OR NEW.reason <> OLD.reason
       BEGIN SELECT RAISE(ABORT, 'a quarantined bundle is decided once'); END""",
    """CREATE TRIGGER quarantine_kept BEFORE DELETE ON quarantine
       BEGIN SELECT RAISE(ABORT, 'the quarantine log is append-only'); END""",
    *(
        f"""CREATE TRIGGER record_owners_append_only_{verb} BEFORE {verb.upper()} ON record_owners
            BEGIN SELECT RAISE(ABORT, 'imported evidence is append-only'); END"""
        for verb in ("update", "delete")
    ),
]


def _v9_withdraw_old_acknowledgements(conn: Any) -> None:
    """Laptop side of version 9: acknowledgements by 0.1 receipts no longer allow a purge."""
    rows = conn.execute(
        "SELECT e.bundle_id, e.record_id, e.version, x.receipt_sha256 FROM export_versions e"
        " JOIN exports x ON x.bundle_id = e.bundle_id"
        " WHERE e.acknowledged = 1 AND NOT EXISTS (SELECT 1 FROM versions v"
        " WHERE v.record_id = e.record_id AND v.purged = 1)"
        " ORDER BY e.record_id, e.version, e.bundle_id"
    ).fetchall()
    if not rows:
        return
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for bundle_id, record_id, version, receipt_sha256 in rows:
        conn.execute(
            "UPDATE export_versions SET acknowledged = 0"
            " WHERE bundle_id = ? AND record_id = ? AND version = ?",
            (bundle_id, record_id, version),
        )
        audit.append(
            conn,
            at=now,
            action="acknowledgement-withdrawn",
            record_id=record_id,
            version=version,
            payload_sha256=receipt_sha256 or "",
        )
    conn.execute(
        "UPDATE records SET acknowledged = 0 WHERE acknowledged = 1 AND NOT EXISTS"
        " (SELECT 1 FROM versions v WHERE v.record_id = records.id AND v.purged = 1)"
    )


def _v10_search_rows(conn: Any) -> None:
    """Each record remembers the rowid of its search row.

    The search row was replaced by ``DELETE FROM search WHERE record_id = ?``; ``record_id``
    is an unindexed column of the full-text table, so every save, seal, amendment and purge
    read the whole index: 87 % of a seal in a vault of 2,000 testimonies, and growing with
    every testimony (docs/performance.md). Now the old row goes by its rowid.
    """
    conn.execute("ALTER TABLE records ADD COLUMN search_rowid INTEGER")
    rows = conn.execute("SELECT rowid, record_id FROM search").fetchall()
    conn.executemany("UPDATE records SET search_rowid = ? WHERE id = ?", rows)


# Version 11: high-risk mode (issue 20). A record is *handed over* when its bundle, encrypted
# to the organisation and signed by this laptop, is in the vault's outbox and every readable
# trace of its content is gone from the laptop; what stays is listed in ``handovers`` (the id,
# the version, its hash, the pseudonym the interviewer knows it by, the interview date).
# ``outbox`` names the bundles waiting to reach the organisation, by their file inside
# ``<vault>/outbox/``, until a receipt names them (``released_at``). A hand-over is never
# undone: its row can be neither changed nor deleted.
_V11 = [
    """CREATE TABLE outbox (
        bundle_id TEXT PRIMARY KEY REFERENCES exports(bundle_id),
        file TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0,
        released_at TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TRIGGER outbox_kept BEFORE DELETE ON outbox
       BEGIN SELECT RAISE(ABORT, 'an outbox entry is released, never deleted'); END""",
    """CREATE TABLE handovers (
        record_id TEXT PRIMARY KEY REFERENCES records(id),
        version INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL,
        pseudonym TEXT NOT NULL DEFAULT '',
        interview_date TEXT NOT NULL DEFAULT '',
        bundle_id TEXT NOT NULL REFERENCES outbox(bundle_id),
        handed_over_at TEXT NOT NULL
    )""",
    """CREATE TRIGGER handovers_final_update BEFORE UPDATE ON handovers
       BEGIN SELECT RAISE(ABORT, 'a hand-over cannot be undone'); END""",
    """CREATE TRIGGER handovers_final_delete BEFORE DELETE ON handovers
       BEGIN SELECT RAISE(ABORT, 'a hand-over cannot be undone'); END""",
]

# Version 12: the list of testimonies joins each record to its current version only for
# ``sealed``, which sits after ``content`` in the row: without an index SQLite read every
# version's whole JSON (overflow pages, decrypted and checked) to list the vault, 78 ms for 2,000
# testimonies and seconds for 100,000. The covering index answers the join alone: 26 ms
# (docs/performance.md).
_V12 = ["CREATE INDEX versions_sealed ON versions(record_id, number, sealed)"]

# Version 13: record ids bound to the device that created them, in schema_v13.py.

Step = str | Callable[[Any], None]
MIGRATIONS: list[list[Step]] = [
    list(_V1),
    [_v2_search_keeps_text],
    list(_V3),
    list(_V4),
    list(_V5),
    list(_V6),
    list(_V7),
    list(_V8),
    [*_V9, _v9_withdraw_old_acknowledgements],
    [_v10_search_rows],
    list(_V11),
    list(_V12),
    list(_V13),
]
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
            "vault.too_new"
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
