"""The hash chain: any edit, removal or reordering of history is found."""

from __future__ import annotations

import dataclasses

from testimony_app.crypto import chain


def _build(n: int) -> list[tuple[chain.ChainEntry, str, str]]:
    out = []
    prev = chain.GENESIS
    for seq in range(1, n + 1):
        entry = chain.ChainEntry(seq, f"2017-06-14T10:{seq:02d}:00Z", "draft-saved", "r1", seq,
                                 chain.sha256_hex(f"versiya {seq} — ёлка".encode()))
        digest = chain.entry_hash(prev, entry)
        out.append((entry, prev, digest))
        prev = digest
    return out


def test_intact_chain_verifies() -> None:
    assert chain.verify(_build(6)) == []
    assert chain.verify([]) == []


def test_edited_entry_is_found() -> None:
    entries = _build(6)
    entry, prev, digest = entries[2]
    entries[2] = (dataclasses.replace(entry, action="sealed"), prev, digest)
    problems = chain.verify(entries)
    assert [str(p) for p in problems] == ["Audit entry 3 was altered after it was written."]


def test_rehashed_entry_breaks_the_next_link() -> None:
    entries = _build(6)
    entry, prev, _ = entries[2]
    forged = dataclasses.replace(entry, payload_sha256="0" * 64)
    entries[2] = (forged, prev, chain.entry_hash(prev, forged))
    problems = chain.verify(entries)
    assert [str(p) for p in problems] == ["Audit entry 4 does not link to the entry before it."]


def test_removed_and_reordered_entries_are_found() -> None:
    entries = _build(6)
    assert chain.verify(entries[:2] + entries[3:])  # one removed
    assert chain.verify([entries[1], entries[0], *entries[2:]])  # two swapped
    assert chain.verify(entries[1:])  # the first one removed
