"""Appending to and verifying the hash-chained audit log inside the vault."""

from __future__ import annotations

from typing import Any

from testimony_app.crypto import chain
from testimony_app.domain.model import AuditEntry
from testimony_app.storage.database import Database
from testimony_app.words import Message


def append(
    conn: Any, *, at: str, action: str, record_id: str, version: int, payload_sha256: str
) -> AuditEntry:
    """Append one entry inside the caller's transaction and return it."""
    row = conn.execute("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, chain.GENESIS)
    entry = chain.ChainEntry(seq, at, action, record_id, version, payload_sha256)
    digest = chain.entry_hash(prev, entry)
    conn.execute(
        "INSERT INTO audit (seq, at, action, record_id, version, payload_sha256, prev_hash,"
        " entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, action, record_id, version, payload_sha256, prev, digest),
    )
    return AuditEntry(seq, at, action, record_id, version, payload_sha256, digest)


def entries(db: Database, record_id: str | None = None) -> list[AuditEntry]:
    """Every entry, or those of one record, oldest first."""
    sql = "SELECT seq, at, action, record_id, version, payload_sha256, entry_hash FROM audit"
    rows = (
        db.query(sql + " WHERE record_id = ? ORDER BY seq", (record_id,))
        if record_id is not None
        else db.query(sql + " ORDER BY seq")
    )
    return [AuditEntry(*row) for row in rows]


def head(db: Database) -> tuple[int, str]:
    """``(seq, hash)`` of the newest entry; ``(0, GENESIS)`` for an empty log."""
    rows = db.query("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1")
    return (int(rows[0][0]), str(rows[0][1])) if rows else (0, chain.GENESIS)


def verify(db: Database) -> tuple[list[Message], int]:
    """Recompute the whole chain; return the problems and the number of entries."""
    rows = db.query(
        "SELECT seq, at, action, record_id, version, payload_sha256, prev_hash, entry_hash"
        " FROM audit ORDER BY seq"
    )
    triples = ((chain.ChainEntry(*row[:6]), row[6], row[7]) for row in rows)
    return chain.verify(triples), len(rows)
