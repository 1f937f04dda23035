"""The laptop's ledger of bundles: what left it, what the organisation acknowledged, purge.

The interviewer's laptop keeps a row for every bundle it wrote (``exports``) and for each
record version in it (``export_versions``), then marks versions acknowledged when the
organisation's signed receipt arrives, and may *purge* a record once every sealed version of
it was acknowledged complete: the content goes, the ids and hashes stay (schema migration 3).
Acknowledgements that receipts of version 0.1 gave were withdrawn by migration 9.

Every change that belongs together happens in one transaction with its audit entries, so the
ledger, the record flags and the audit chain can never disagree. This module knows SQL and
nothing of the bundle format: the services layer decides, this layer stores. The
organisation's side of the same schema is :mod:`.import_tx`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from testimony_app.errors import RecordNotFound
from testimony_app.storage import audit, disclosures
from testimony_app.storage.attachments import empty_trash
from testimony_app.storage.database import Database
from testimony_app.storage.records import drop_search_row

Clock = Callable[[], str]
PurgeBlocker = Literal["purged", "draft", "redacted", "unacknowledged"]


@dataclass(frozen=True)
class LedgerVersion:
    """One record version in an export: what was sent, and whether it was acknowledged."""

    record_id: str
    version: int
    content_sha256: str
    redacted: bool
    acknowledged: bool = False


@dataclass(frozen=True)
class ExportRow:
    """One bundle this laptop wrote (never its path: the path says where it went)."""

    bundle_id: str
    sha256: str
    size: int
    created_at: str
    recipients: tuple[str, ...]
    acknowledged_at: str
    receipt_sha256: str


class ExportLedger:
    """Reads and writes the laptop's bundle tables of one vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now

    # -- enrolment (device side) -----------------------------------------------------------

    def set_enrolment(self, values: dict[str, str], payload_sha256: str) -> None:
        """Pin the organisation (meta keys) and log it in the audit chain, in one transaction."""
        with self._db.transaction() as conn:
            for key, value in values.items():
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
            audit.append(
                conn,
                at=self._now(),
                action="organisation-enrolled",
                record_id="",
                version=0,
                payload_sha256=payload_sha256,
            )

    # -- exports (device side) -------------------------------------------------------------

    def sent_versions(self, record_id: str) -> set[int]:
        """Numbers of this record's versions that went into any bundle."""
        return {
            int(r[0])
            for r in self._db.query(
                "SELECT DISTINCT version FROM export_versions WHERE record_id = ?", (record_id,)
            )
        }

    def record_export(
        self,
        *,
        bundle_id: str,
        sha256: str,
        size: int,
        created_at: str,
        recipients: Sequence[str],
        versions: Sequence[LedgerVersion],
    ) -> None:
        """Remember a written bundle, mark its records exported and log it, atomically.

        The audit entries name the bundle by its hash ("what, to whom" is in the ledger row),
        never by the path it was written to.
        """
        with self._db.transaction() as conn:
            insert_export(
                conn,
                self._now(),
                bundle_id=bundle_id,
                sha256=sha256,
                size=size,
                created_at=created_at,
                recipients=recipients,
                versions=versions,
            )

    def export(self, bundle_id: str) -> ExportRow | None:
        """The ledger row of a bundle this laptop wrote, if it wrote one with that id."""
        rows = self._db.query(
            "SELECT bundle_id, sha256, size, created_at, recipients, acknowledged_at,"
            " receipt_sha256 FROM exports WHERE bundle_id = ?",
            (bundle_id,),
        )
        return _export_row(rows[0]) if rows else None

    def exports(self) -> list[ExportRow]:
        """Every bundle this laptop wrote, newest first."""
        rows = self._db.query(
            "SELECT bundle_id, sha256, size, created_at, recipients, acknowledged_at,"
            " receipt_sha256 FROM exports ORDER BY created_at DESC, rowid DESC"
        )
        return [_export_row(r) for r in rows]

    def export_versions(self, bundle_id: str) -> list[LedgerVersion]:
        """The record versions a bundle carried."""
        return [
            LedgerVersion(r[0], int(r[1]), r[2], bool(r[3]), bool(r[4]))
            for r in self._db.query(
                "SELECT record_id, version, content_sha256, redacted, acknowledged"
                " FROM export_versions WHERE bundle_id = ? ORDER BY record_id, version",
                (bundle_id,),
            )
        ]

    def acknowledge(
        self,
        *,
        bundle_id: str,
        receipt_sha256: str,
        received_at: str,
        versions: Sequence[tuple[str, int]],
    ) -> list[tuple[str, int]]:
        """Mark versions of a bundle acknowledged; return those that were not already.

        A record's own ``acknowledged`` flag is set only when the acknowledged version is its
        newest and sealed: a receipt for version 1 says nothing about an amendment made since.
        """
        now = self._now()
        fresh: list[tuple[str, int]] = []
        with self._db.transaction() as conn:
            for record_id, version in versions:
                row = conn.execute(
                    "SELECT acknowledged FROM export_versions"
                    " WHERE bundle_id = ? AND record_id = ? AND version = ?",
                    (bundle_id, record_id, version),
                ).fetchone()
                if row is None or row[0]:
                    continue
                conn.execute(
                    "UPDATE export_versions SET acknowledged = 1"
                    " WHERE bundle_id = ? AND record_id = ? AND version = ?",
                    (bundle_id, record_id, version),
                )
                latest = conn.execute(
                    "SELECT r.current, v.sealed FROM records r JOIN versions v"
                    " ON v.record_id = r.id AND v.number = r.current WHERE r.id = ?",
                    (record_id,),
                ).fetchone()
                if latest is not None and int(latest[0]) == version and latest[1]:
                    conn.execute("UPDATE records SET acknowledged = 1 WHERE id = ?", (record_id,))
                audit.append(
                    conn,
                    at=now,
                    action="acknowledged",
                    record_id=record_id,
                    version=version,
                    payload_sha256=receipt_sha256,
                )
                fresh.append((record_id, version))
            conn.execute(
                "UPDATE exports SET acknowledged_at = ?, receipt_sha256 = ?"
                " WHERE bundle_id = ? AND receipt_sha256 = ''",
                (received_at, receipt_sha256, bundle_id),
            )
        return fresh

    # -- purge (device side) ---------------------------------------------------------------

    def purge_blocker(self, record_id: str) -> PurgeBlocker | None:
        """Why the record cannot be purged yet; ``None`` when it can.

        ``purged``: its content is already gone; ``draft``: an amendment is open;
        ``redacted``: a sealed version reached the organisation only as a redacted copy (so
        this laptop holds the only complete one); ``unacknowledged``: a sealed version was not
        acknowledged complete by a receipt. Only a version acknowledged complete, under the
        hash it was sealed with, counts.
        """
        rows = self._db.query(
            "SELECT v.sealed, v.purged FROM records r JOIN versions v"
            " ON v.record_id = r.id AND v.number = r.current WHERE r.id = ?",
            (record_id,),
        )
        if not rows:
            raise RecordNotFound("record.not_found")
        sealed, purged = rows[0]
        if purged:
            return "purged"
        if not sealed:
            return "draft"
        missing = self._db.query(
            "SELECT v.number, EXISTS (SELECT 1 FROM export_versions e"
            " WHERE e.record_id = v.record_id AND e.version = v.number AND e.redacted = 1)"
            " FROM versions v WHERE v.record_id = ? AND v.sealed = 1 AND v.purged = 0"
            " AND NOT EXISTS (SELECT 1 FROM export_versions e"
            " WHERE e.record_id = v.record_id AND e.version = v.number AND e.acknowledged = 1"
            " AND e.redacted = 0 AND e.content_sha256 = v.content_sha256)",
            (record_id,),
        )
        if any(sent_redacted for _, sent_redacted in missing):
            return "redacted"
        return "unacknowledged" if missing else None

    def purge(self, record_id: str, payload_sha256: str) -> int:
        """Delete a record's content, keep its ids and hashes; return how many versions.

        Sealed versions are emptied (the schema allows exactly that change), the summary
        columns that name or describe the witness are blanked, the search row is removed and
        the full-text index merged so no stale segment keeps its words, and attachment bytes
        are deleted while their rows (size, SHA-256) stay. ``secure_delete`` zeroes what is
        deleted, the attachment files go once the transaction has committed; the caller then
        compacts the database and replaces the backups.
        """
        with self._db.transaction() as conn:
            count = purge_content(conn, self._now(), record_id, payload_sha256)
        empty_trash(self._db)
        return count

    def is_purged(self, record_id: str) -> bool:
        """Whether the record's content was deleted from this vault."""
        return bool(
            self._db.scalar(
                "SELECT 1 FROM versions WHERE record_id = ? AND purged = 1 LIMIT 1", (record_id,)
            )
        )


def insert_export(
    conn: Any,
    now: str,
    *,
    bundle_id: str,
    sha256: str,
    size: int,
    created_at: str,
    recipients: Sequence[str],
    versions: Sequence[LedgerVersion],
) -> None:
    """The statements of :meth:`ExportLedger.record_export`, inside the caller's transaction
    (a hand-over commits them together with the outbox entry and the purge)."""
    conn.execute(
        "INSERT INTO exports (bundle_id, sha256, size, created_at, recipients)"
        " VALUES (?, ?, ?, ?, ?)",
        (bundle_id, sha256, size, created_at, json.dumps(list(recipients))),
    )
    for v in versions:
        conn.execute(
            "INSERT INTO export_versions (bundle_id, record_id, version, content_sha256,"
            " redacted) VALUES (?, ?, ?, ?, ?)",
            (bundle_id, v.record_id, v.version, v.content_sha256, int(v.redacted)),
        )
        audit.append(
            conn,
            at=now,
            action="exported",
            record_id=v.record_id,
            version=v.version,
            payload_sha256=sha256,
        )
    for record_id in dict.fromkeys(v.record_id for v in versions):
        conn.execute("UPDATE records SET exported = 1 WHERE id = ?", (record_id,))
    audit.append(
        conn,
        at=now,
        action="bundle-exported",
        record_id="",
        version=0,
        payload_sha256=sha256,
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('last_bundle_id', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (bundle_id,),
    )


def purge_content(
    conn: Any,
    now: str,
    record_id: str,
    payload_sha256: str,
    *,
    label: str = "",
    action: str = "purged",
) -> int:
    """The statements of :meth:`ExportLedger.purge`, inside the caller's transaction.

    The one place that deletes a record's content (a purge after a receipt, a hand-over in
    high-risk mode): sealed versions emptied, the summary columns that name or describe the
    witness or the acts blanked (``label``, the pseudonym a hand-over keeps, replaces the list
    label), the search row removed and the index merged, the registry's copies of the
    record's mentions emptied, review decisions emptied, attachment rows stripped of name,
    description and file key, their files put in the trash. The caller empties the trash
    after the commit, then compacts the database and replaces the backups.
    """
    cursor = conn.execute(
        "UPDATE versions SET content = '', purged = 1, updated_at = ?"
        " WHERE record_id = ? AND sealed = 1 AND purged = 0",
        (now, record_id),
    )
    count = int(cursor.rowcount)
    for attachment_id, sha256, blob in conn.execute(
        "SELECT id, sha256, blob FROM attachments WHERE record_id = ?", (record_id,)
    ).fetchall():
        conn.execute("DELETE FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,))
        if blob is not None:
            conn.execute("INSERT OR IGNORE INTO blob_trash (name) VALUES (?)", (blob,))
        # The file's key goes with the row: a copy of the file left on a disk that cannot be
        # overwritten reliably is ciphertext without a key.
        conn.execute(
            "UPDATE attachments SET purged = 1, filename = ?, description = '',"
            " blob = NULL, blob_key = NULL WHERE id = ?",
            (f"purged-{sha256[:12]}", attachment_id),
        )
    conn.execute(
        "UPDATE records SET witness_name = '', witness_label = ?, title = '', place = '',"
        " methods = '', updated_at = ? WHERE id = ?",
        (label, now, record_id),
    )
    drop_search_row(conn, record_id)
    conn.execute("INSERT INTO search (search) VALUES ('optimize')")
    # A link keeps which entry and where; the mention's own words (name, rank, unit, place,
    # dates as the testimony gave them) go with the testimony.
    conn.execute(
        "UPDATE registry_links SET mention = '{}' WHERE record_id = ? AND mention <> '{}'",
        (record_id,),
    )
    disclosures.purge(conn, record_id)  # review choices and reasons quote the text
    current = int(
        conn.execute("SELECT current FROM records WHERE id = ?", (record_id,)).fetchone()[0]
    )
    audit.append(
        conn,
        at=now,
        action=action,
        record_id=record_id,
        version=current,
        payload_sha256=payload_sha256,
    )
    return count


def _export_row(row: Any) -> ExportRow:
    return ExportRow(
        bundle_id=row[0],
        sha256=row[1],
        size=int(row[2]),
        created_at=row[3],
        recipients=tuple(json.loads(row[4])),
        acknowledged_at=row[5],
        receipt_sha256=row[6],
    )
