"""Testimonies and their versions inside the vault.

A record has numbered versions. The newest may be a draft (saved often and cheaply) or sealed;
sealed versions are frozen by database triggers. Every change appends an entry to the audit
chain in the same transaction, so the history and the data can never disagree.

The list view reads denormalised summary columns of ``records`` rather than parsing every
record's JSON (``storage/summaries.py``).
"""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from testimony_app.crypto.chain import sha256_hex
from testimony_app.crypto.record_ids import new_record_id
from testimony_app.crypto.signing import PublicKey
from testimony_app.domain import folding, interchange
from testimony_app.domain.model import (
    AttachmentInfo,
    RecordInfo,
    SearchHit,
    Status,
    Testimony,
    TestimonySummary,
    VersionInfo,
)
from testimony_app.errors import InvalidRecord, RecordNotFound, RecordSealed, UserFacingError
from testimony_app.storage import audit, summaries
from testimony_app.storage.database import Database
from testimony_app.storage.id_binding import creating_device_key
from testimony_app.storage.search import index_row, make_snippet
from testimony_app.storage.summaries import SUMMARY_COLUMNS as _SUMMARY_COLUMNS
from testimony_app.storage.summaries import summary_of as _summary

Clock = Callable[[], str]


class ContentPurged(UserFacingError):
    """The version's content was deleted from this laptop after the organisation confirmed
    receipt; only its id and hash remain (bundles, security.md §4.3 step 5)."""

    default_code = "record.purged"


class ContentHandedOver(ContentPurged):
    """High-risk mode: the record was handed over; its bundle is in the outbox and only the
    organisation can read it (services/handover.py)."""

    default_code = "record.handed_over"

    def __init__(self) -> None:
        UserFacingError.__init__(self)


def _gone(conn: Any, record_id: str) -> ContentPurged:
    """The error for a version whose content is not on this laptop any more."""
    row = conn.execute(
        "SELECT 1 FROM handovers WHERE record_id = ?", (record_id,)
    ).fetchone()
    return ContentHandedOver() if row else ContentPurged()


def _status(
    current: int, sealed: int, exported: int, acknowledged: int, handed_over: int = 0
) -> Status:
    if handed_over:
        return Status.HANDED_OVER
    if not sealed:
        return Status.DRAFT
    if acknowledged:
        return Status.ACKNOWLEDGED
    if exported:
        return Status.EXPORTED
    return Status.AMENDED if current > 1 else Status.SEALED


def _summary_values(t: Testimony) -> dict[str, Any]:
    methods: list[str] = []
    for act in t.acts:
        for code in act.methods:
            if code not in methods:
                methods.append(code)
    return {
        "interview_date": t.interview.date,
        "place": t.interview.place,
        "language": t.interview.language,
        "witness_label": t.witness.display_name(),
        "witness_name": t.witness.name,
        "title": t.title,
        "methods": ",".join(methods),
        "fictional": int(t.fictional),
    }


class RecordStore:
    """Create, save, seal, amend, list and search testimonies."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now

    # -- writing -------------------------------------------------------------------------

    def create(self, testimony: Testimony) -> str:
        """Store ``testimony`` as version 1, a draft; return the new record id."""
        return self.create_many([testimony])[0]

    def create_many(self, testimonies: Iterable[Testimony]) -> builtins.list[str]:
        """Store several new drafts in one transaction (imports, benchmarks); return ids."""
        ids: builtins.list[str] = []
        with self._db.transaction() as conn:
            device = creating_device_key(conn)
            for testimony in testimonies:
                ids.append(self._insert(conn, testimony, self._now(), device))
        return ids

    def _insert(self, conn: Any, testimony: Testimony, now: str, device: PublicKey) -> str:
        # Whatever id the testimony came with (a JSON file's, another vault's) is replaced by
        # a new one bound to this device (crypto/record_ids.py).
        record_id, salt = new_record_id(device)
        testimony.id = record_id
        doc = interchange.to_dict(testimony)
        content = interchange.canonical_json(doc)
        conn.execute(
            "INSERT INTO records (id, created_at, updated_at, current, id_salt)"
            " VALUES (?, ?, ?, 1, ?)",
            (record_id, now, now, salt),
        )
        conn.execute(
            "INSERT INTO versions (record_id, number, content, updated_at) VALUES (?, 1, ?, ?)",
            (record_id, content.decode("utf-8"), now),
        )
        self._update_summary(conn, record_id, testimony, doc, now, fresh=True)
        audit.append(
            conn,
            at=now,
            action="created",
            record_id=record_id,
            version=1,
            payload_sha256=sha256_hex(content),
        )
        return record_id

    def save_draft(self, record_id: str, testimony: Testimony) -> bool:
        """Replace the draft's content; return False when nothing changed (nothing written)."""
        testimony.id = record_id
        doc = interchange.to_dict(testimony)
        content = interchange.canonical_json(doc)
        with self._db.transaction() as conn:
            number, sealed, old = self._latest(conn, record_id)
            if sealed:
                raise RecordSealed("record.testimony_sealed_start_amendment")
            if old == content.decode("utf-8"):
                return False
            now = self._now()
            conn.execute(
                "UPDATE versions SET content = ?, updated_at = ?"
                " WHERE record_id = ? AND number = ?",
                (content.decode("utf-8"), now, record_id, number),
            )
            self._update_summary(conn, record_id, testimony, doc, now)
            audit.append(
                conn,
                at=now,
                action="draft-saved",
                record_id=record_id,
                version=number,
                payload_sha256=sha256_hex(content),
            )
        return True

    def seal(self, record_id: str, testimony: Testimony) -> VersionInfo:
        """Freeze the current draft with ``testimony`` as its final content."""
        testimony.id = record_id
        doc = interchange.to_dict(testimony)
        content = interchange.canonical_json(doc)
        digest = sha256_hex(content)
        with self._db.transaction() as conn:
            number, sealed, _ = self._latest(conn, record_id)
            if sealed:
                raise RecordSealed("record.version_already_sealed")
            now = self._now()
            conn.execute(
                "UPDATE versions SET content = ?, sealed = 1, sealed_at = ?, content_sha256 = ?,"
                " updated_at = ? WHERE record_id = ? AND number = ?",
                (content.decode("utf-8"), now, digest, now, record_id, number),
            )
            self._update_summary(conn, record_id, testimony, doc, now)
            conn.execute(
                "UPDATE records SET exported = 0, acknowledged = 0 WHERE id = ?", (record_id,)
            )
            audit.append(
                conn,
                at=now,
                action="sealed",
                record_id=record_id,
                version=number,
                payload_sha256=digest,
            )
            reason = conn.execute(
                "SELECT reason FROM versions WHERE record_id = ? AND number = ?",
                (record_id, number),
            ).fetchone()[0]
        return VersionInfo(number, True, now, digest, reason)

    def begin_amendment(self, record_id: str, reason: str) -> int:
        """Open a new draft version after a sealed one, recording why."""
        if not reason.strip():
            raise InvalidRecord("record.amendment_needs_reason")
        with self._db.transaction() as conn:
            number, sealed, content = self._latest(conn, record_id)
            if not sealed:
                raise RecordSealed("record.testimony_already_unsealed_draft")
            if _is_purged(conn, record_id, number):
                raise _gone(conn, record_id)
            now = self._now()
            conn.execute(
                "INSERT INTO versions (record_id, number, content, reason, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (record_id, number + 1, content, reason.strip(), now),
            )
            conn.execute(
                "UPDATE records SET current = ?, updated_at = ? WHERE id = ?",
                (number + 1, now, record_id),
            )
            audit.append(
                conn,
                at=now,
                action="amendment-opened",
                record_id=record_id,
                version=number + 1,
                payload_sha256=sha256_hex(reason.strip().encode("utf-8")),
            )
        return number + 1

    def set_flags(
        self,
        record_id: str,
        *,
        exported: bool | None = None,
        acknowledged: bool | None = None,
        action: str,
        payload_sha256: str,
    ) -> None:
        """Mark a record exported or acknowledged, with an audit entry saying so."""
        with self._db.transaction() as conn:
            number, _, _ = self._latest(conn, record_id)
            if exported is not None:
                conn.execute(
                    "UPDATE records SET exported = ? WHERE id = ?", (int(exported), record_id)
                )
            if acknowledged is not None:
                conn.execute(
                    "UPDATE records SET acknowledged = ? WHERE id = ?",
                    (int(acknowledged), record_id),
                )
            audit.append(
                conn,
                at=self._now(),
                action=action,
                record_id=record_id,
                version=number,
                payload_sha256=payload_sha256,
            )

    # -- reading -------------------------------------------------------------------------

    def resolve(self, record_id: str) -> str:
        """Accept a full id or a unique prefix of at least 4 characters (for the CLI)."""
        if self._db.scalar("SELECT 1 FROM records WHERE id = ?", (record_id,)):
            return record_id
        if len(record_id) >= 4 and re.fullmatch(r"[0-9a-f-]+", record_id):
            rows = self._db.query(
                "SELECT id FROM records WHERE id LIKE ? LIMIT 2", (record_id + "%",)
            )
            if len(rows) == 1:
                return str(rows[0][0])
        raise RecordNotFound("attachment.testimony_id_vault")

    def get(self, record_id: str, version: int | None = None) -> Testimony:
        """The content of a version (the newest when ``version`` is None)."""
        if version is None:
            rows = self._db.query(
                "SELECT v.content, v.purged FROM versions v JOIN records r"
                " ON r.id = v.record_id AND v.number = r.current WHERE r.id = ?",
                (record_id,),
            )
        else:
            rows = self._db.query(
                "SELECT content, purged FROM versions WHERE record_id = ? AND number = ?",
                (record_id, version),
            )
        if not rows:
            raise RecordNotFound("record.testimony_id_version_vault")
        if rows[0][1]:
            raise self._gone(record_id)
        return interchange.loads(rows[0][0])

    def content_bytes(self, record_id: str, version: int) -> bytes:
        """The stored canonical bytes of a version, exactly as hashed."""
        rows = self._db.query(
            "SELECT content, purged FROM versions WHERE record_id = ? AND number = ?",
            (record_id, version),
        )
        if not rows:
            raise RecordNotFound("record.testimony_id_version_vault")
        if rows[0][1]:
            raise self._gone(record_id)
        return str(rows[0][0]).encode("utf-8")

    def versions_of(
        self, wanted: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], tuple[Testimony, bool, str]]:
        """Several versions in one read: each one's content, whether it is sealed, and the
        hash it was sealed under (empty for a draft). Raises as :meth:`get` does.

        Corroboration reads every testimony linked to an entry, thousands at the
        organisation; one query per record (and one more for its version list) was a third
        of its time (docs/performance.md). The pairs travel as one JSON array: one statement
        whatever their number.
        """
        pairs = sorted(set(wanted))
        found: dict[tuple[str, int], tuple[Testimony, bool, str]] = {}
        rows = self._db.query(
            "SELECT v.record_id, v.number, v.content, v.purged, v.sealed, v.content_sha256"
            " FROM json_each(?) AS w JOIN versions v"
            " ON v.record_id = json_extract(w.value, '$[0]')"
            " AND v.number = json_extract(w.value, '$[1]')",
            (json.dumps(pairs),),
        )
        for record_id, number, content, purged, sealed, digest in rows:
            if purged:
                raise self._gone(record_id)
            found[(record_id, int(number))] = (interchange.loads(content), bool(sealed), digest)
        if len(found) < len(pairs):
            raise RecordNotFound("record.testimony_id_version_vault")
        return found

    def info(self, record_id: str) -> RecordInfo:
        """Status and every version of a record."""
        rows = self._db.query(
            "SELECT created_at, updated_at, current, exported, acknowledged,"
            " EXISTS (SELECT 1 FROM handovers h WHERE h.record_id = records.id)"
            " FROM records WHERE id = ?",
            (record_id,),
        )
        if not rows:
            raise RecordNotFound("attachment.testimony_id_vault")
        created, updated, current, exported, acknowledged, handed_over = rows[0]
        versions = tuple(
            VersionInfo(int(n), bool(s), sa, sha, reason)
            for n, s, sa, sha, reason in self._db.query(
                "SELECT number, sealed, sealed_at, content_sha256, reason FROM versions"
                " WHERE record_id = ? ORDER BY number",
                (record_id,),
            )
        )
        latest = versions[-1]
        return RecordInfo(
            id=record_id,
            status=_status(current, int(latest.sealed), exported, acknowledged, handed_over),
            current=current,
            draft=not latest.sealed,
            versions=versions,
            created_at=created,
            updated_at=updated,
        )

    def id_salt(self, record_id: str) -> str:
        """The salt that proves the record's id bound to this device (hex), or ``""`` for a
        record made before ids were bound (crypto/record_ids.py)."""
        value = self._db.scalar("SELECT id_salt FROM records WHERE id = ?", (record_id,))
        if value is None:
            raise RecordNotFound("attachment.testimony_id_vault")
        return str(value)

    def list(self) -> builtins.list[TestimonySummary]:
        """Every record, newest interview first (then the newest update)."""
        return summaries.every_summary(self._db)

    def first_screen(self, limit: int) -> tuple[builtins.list[TestimonySummary], int]:
        """The ``limit`` records the window's list shows first, and how many there are."""
        return summaries.first_screen(self._db, limit)

    def summary(self, record_id: str) -> TestimonySummary:
        """One record's list entry."""
        rows = self._db.query(
            f"SELECT {_SUMMARY_COLUMNS} FROM records r JOIN versions v"
            " ON v.record_id = r.id AND v.number = r.current WHERE r.id = ?",
            (record_id,),
        )
        if not rows:
            raise RecordNotFound("attachment.testimony_id_vault")
        return _summary(rows[0])

    def count(self) -> int:
        """How many records the vault holds."""
        return int(self._db.scalar("SELECT count(*) FROM records"))

    def sealed_versions(self) -> builtins.list[tuple[str, int, str, str]]:
        """``(record_id, number, content, content_sha256)`` of every sealed version whose
        content is still held (a purged version keeps only its hash, so there is nothing to
        re-hash)."""
        return [
            (r[0], int(r[1]), r[2], r[3])
            for r in self._db.query(
                "SELECT record_id, number, content, content_sha256 FROM versions"
                " WHERE sealed = 1 AND purged = 0 ORDER BY record_id, number"
            )
        ]

    def search(self, query: str, limit: int = 200) -> builtins.list[SearchHit]:
        """Full-text search over folded text, best match first, with a snippet."""
        terms = folding.tokens(query)
        if not terms:
            return []
        match = " ".join(f'"{t}"*' for t in terms)
        # Rank first on rowids alone: selecting the stored text here would make SQLite carry
        # every matching record's text through the sort (measured 2-3x slower at 20,000).
        ranked = self._db.query(
            "SELECT rowid, bm25(search) AS score FROM search WHERE search MATCH ?"
            " ORDER BY score LIMIT ?",
            (match, limit),
        )
        if not ranked:
            return []
        # One statement shape whatever the number of hits (the ids travel as one JSON array):
        # a new ``IN (?, ?, …)`` text per hit count filled the statement cache, and with
        # memory security every statement evicted from it costs a wipe and an munlock per
        # allocation; searches slowed 4x after a few hundred (docs/performance.md).
        # The texts come from the index's own content table (``search_content``: ``id`` is the
        # rowid, ``c0`` record_id, ``c2`` original): through the FTS5 table every hit also
        # brought its folded body, a second copy of the text, each a large value allocated
        # and locked, then wiped and unlocked (this step 1.1 -> 0.65 ms a search, issue 19).
        texts = {
            row[0]: (row[1], row[2])
            for row in self._db.query(
                "SELECT id, c0, c2 FROM search_content"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([r[0] for r in ranked]),),
            )
        }
        rows = [(*texts[rowid], score) for rowid, score in ranked if rowid in texts]
        # The hits' versions are looked up in the small covering index: through the table
        # SQLite read each hit's version row (its 7.7 KB of content) to reach ``sealed``, a
        # page decrypted a hit (0.77 -> 0.19 ms a search at 20,000, issue 19).
        summaries = {
            row[0]: _summary(row)
            for row in self._db.query(
                f"SELECT {_SUMMARY_COLUMNS} FROM records r JOIN versions v"
                f" INDEXED BY versions_sealed ON v.record_id = r.id AND v.number = r.current"
                f" WHERE r.id IN (SELECT value FROM json_each(?))",
                (json.dumps([r[0] for r in rows]),),
            )
        }
        return [
            SearchHit(
                testimony_id=record_id,
                score=-float(score),
                snippet=make_snippet(original, terms),
                summary=summaries[record_id],
            )
            for record_id, original, score in rows
            if record_id in summaries
        ]

    def attachments_of(self, record_id: str) -> builtins.list[AttachmentInfo]:
        """Complete attachments of a record still held and not taken off its drafts, in the
        order they were added (what the draft shows and the next seal lists)."""
        rows = self._db.query(
            "SELECT id, filename, media_type, size, sha256, added_at, description, kind"
            " FROM attachments WHERE record_id = ? AND complete = 1 AND purged = 0"
            " AND removed = 0"
            " ORDER BY added_at, rowid",
            (record_id,),
        )
        return [AttachmentInfo(*row) for row in rows]

    # -- internals -----------------------------------------------------------------------

    def _gone(self, record_id: str) -> ContentPurged:
        handed = self._db.scalar("SELECT 1 FROM handovers WHERE record_id = ?", (record_id,))
        return ContentHandedOver() if handed else ContentPurged()

    @staticmethod
    def _latest(conn: Any, record_id: str) -> tuple[int, bool, str]:
        row = conn.execute(
            "SELECT v.number, v.sealed, v.content FROM versions v JOIN records r"
            " ON r.id = v.record_id AND v.number = r.current WHERE r.id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound("attachment.testimony_id_vault")
        return int(row[0]), bool(row[1]), str(row[2])

    @staticmethod
    def _update_summary(
        conn: Any,
        record_id: str,
        t: Testimony,
        doc: dict[str, Any],
        now: str,
        *,
        fresh: bool = False,
    ) -> None:
        values = _summary_values(t)
        if not fresh:
            drop_search_row(conn, record_id)
        rowid = conn.execute(
            "INSERT INTO search (record_id, body, original) VALUES (?, ?, ?)",
            index_row(record_id, doc),
        ).lastrowid
        conn.execute(
            "UPDATE records SET updated_at = :now, interview_date = :interview_date,"
            " place = :place, language = :language, witness_label = :witness_label,"
            " witness_name = :witness_name, title = :title, methods = :methods,"
            " fictional = :fictional, search_rowid = :rowid WHERE id = :id",
            dict(values, now=now, id=record_id, rowid=rowid),
        )


def drop_search_row(conn: Any, record_id: str) -> None:
    """Delete a record's row from the full-text index, found by the rowid its record keeps.

    ``record_id`` is not indexed in the full-text table: looking a row up by it reads the
    whole index (schema 10, docs/performance.md).
    """
    row = conn.execute("SELECT search_rowid FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is not None and row[0] is not None:
        conn.execute(
            "DELETE FROM search WHERE rowid = ? AND record_id = ?", (int(row[0]), record_id)
        )
        conn.execute("UPDATE records SET search_rowid = NULL WHERE id = ?", (record_id,))


def _is_purged(conn: Any, record_id: str, number: int) -> bool:
    row = conn.execute(
        "SELECT purged FROM versions WHERE record_id = ? AND number = ?", (record_id, number)
    ).fetchone()
    return bool(row and row[0])
