"""Decisions taken before an output that may identify a witness left the program.

Two kinds, both kept with the version they concern and chained into the audit log by their
hash (the log itself holds no words of the testimony):

* ``redaction_review`` (and ``report_review`` for a corroboration report, keyed by the registry
  entry): the interviewer's review of a redaction, as the canonical JSON of
  :class:`~testimony_app.domain.redaction_review.ReviewChoices`. The newest one of a version is
  the one that applies, so the same redacted bytes can be rebuilt from it later. A review that
  changes nothing is not stored again.
* ``named_statement``: the reason given for printing the witness's name when their consent
  does not allow it, appended each time a named statement leaves the program.

Rows are append-only; a purge of the record empties their text (the schema allows only that).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from testimony_app.crypto.chain import sha256_hex
from testimony_app.storage import audit
from testimony_app.storage.database import Database

Clock = Callable[[], str]
KINDS = ("redaction_review", "named_statement", "report_review")


class DisclosureStore:
    """Append and read the disclosure decisions of one vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def latest(self, kind: str, record_id: str, version: int) -> str | None:
        """The newest decision of ``kind`` for a version (``None`` if there is none, or it was
        purged)."""
        rows = self._db.query(
            "SELECT body, purged FROM disclosure_decisions WHERE kind = ? AND record_id = ?"
            " AND version = ? ORDER BY seq DESC LIMIT 1",
            (kind, record_id, version),
        )
        if not rows or rows[0][1]:
            return None
        return str(rows[0][0])

    def append(self, kind: str, record_id: str, version: int, body: str, *,
               unless_same: bool = False) -> bool:
        """Store a decision and chain its hash into the audit log; with ``unless_same``, store
        nothing when the newest decision of that kind for the version is the same. Return
        whether anything was written."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of disclosure decision: {kind}")
        digest = sha256_hex(body.encode("utf-8"))
        with self._db.transaction() as conn:
            if unless_same:
                row = conn.execute(
                    "SELECT sha256, purged FROM disclosure_decisions WHERE kind = ?"
                    " AND record_id = ? AND version = ? ORDER BY seq DESC LIMIT 1",
                    (kind, record_id, version),
                ).fetchone()
                if row is not None and row[0] == digest and not row[1]:
                    return False
            now = self._now()
            conn.execute(
                "INSERT INTO disclosure_decisions (kind, record_id, version, body, sha256,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (kind, record_id, version, body, digest, now),
            )
            audit.append(conn, at=now, action=kind.replace("_", "-"), record_id=record_id,
                         version=version, payload_sha256=digest)
        return True

    def count(self, kind: str, record_id: str) -> int:
        """How many decisions of ``kind`` a record has (every version)."""
        return int(self._db.scalar(
            "SELECT count(*) FROM disclosure_decisions WHERE kind = ? AND record_id = ?",
            (kind, record_id),
        ))


def purge(conn: Any, record_id: str) -> None:
    """Empty the text of a record's decisions, inside the caller's purge transaction."""
    conn.execute(
        "UPDATE disclosure_decisions SET body = '', purged = 1 WHERE record_id = ? AND purged = 0",
        (record_id,),
    )
