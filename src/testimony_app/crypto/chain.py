"""The audit chain: each entry's hash covers the entry and the hash before it.

Rewriting, removing or reordering any past entry changes every hash after it, so the chain head
(its last hash) commits to the whole history. ``check`` recomputes the chain from the start.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from testimony_app.words import Message

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainEntry:
    """The fields of one audit entry that its hash covers."""

    seq: int
    at: str
    action: str
    record_id: str
    version: int
    payload_sha256: str


def entry_hash(prev_hash: str, entry: ChainEntry) -> str:
    """SHA-256 over the previous hash and the canonical JSON of the entry."""
    body = json.dumps(
        {
            "seq": entry.seq,
            "at": entry.at,
            "action": entry.action,
            "record_id": entry.record_id,
            "version": entry.version,
            "payload_sha256": entry.payload_sha256,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode("ascii")
    return hashlib.sha256(bytes.fromhex(prev_hash) + body).hexdigest()


def verify(entries: Iterable[tuple[ChainEntry, str, str]]) -> list[Message]:
    """Check ``(entry, prev_hash, stored_hash)`` triples in order; return problems found."""
    problems: list[Message] = []
    expected_prev = GENESIS
    expected_seq = 1
    for entry, prev_hash, stored in entries:
        if entry.seq != expected_seq:
            problems.append(
                Message("audit.out_of_sequence", entry=entry.seq, expected=expected_seq)
            )
        if prev_hash != expected_prev:
            problems.append(Message("audit.link_broken", entry=entry.seq))
        if entry_hash(prev_hash, entry) != stored:
            problems.append(Message("audit.entry_altered", entry=entry.seq))
        expected_prev = stored
        expected_seq = entry.seq + 1
    return problems


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()
