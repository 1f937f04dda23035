"""The registry of people, places and units, and the links from mentions to them.

Every write runs in one transaction with its audit entry, so the registry's history is in
the same hash chain as the records': who was linked to which testimony, who confirmed it, and
which entries were merged and unmerged can all be shown later. Audit entries about an entry
alone use ``registry:<entry id>`` as their record id and version 0; those about a link use the
record and version the mention is in.

Merged entries are never deleted: a merge sets ``merged_into`` and moves the links, recording
which ones moved, so :meth:`RegistryStore.undo_merge` can put everything back.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain.matching import KINDS, LINK_STATUSES, Entry, Link, Mention, Merge
from testimony_app.errors import UserFacingError
from testimony_app.storage import audit
from testimony_app.storage.database import Database

Clock = Callable[[], str]

_ENTRY_COLUMNS = "id, kind, display_name, rank, unit, notes, created_at, merged_into"
_LINK_COLUMNS = "id, entry_id, record_id, version, mention_path, mention, status, created_at"
_MERGE_COLUMNS = "id, source_id, target_id, moved_links, created_at, undone_at"


class RegistryNotFound(UserFacingError):
    """No registry entry, link or merge with that id."""


def _payload(**values: object) -> str:
    return sha256_hex(json.dumps(values, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _entry(row: Any) -> Entry:
    return Entry(*row)


def _merge(row: Any) -> Merge:
    return Merge(int(row[0]), row[1], row[2], tuple(json.loads(row[3])), row[4], row[5])


def _link(row: Any) -> Link:
    mention = Mention.from_dict(json.loads(row[5]) if row[5] else {})
    return Link(int(row[0]), row[1], row[2], int(row[3]), row[4], mention, row[6], row[7])


class RegistryStore:
    """Entries, links and merges in one vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now

    # -- entries ---------------------------------------------------------------------------

    def create_entry(
        self, kind: str, display_name: str, *, rank: str = "", unit: str = "", notes: str = ""
    ) -> Entry:
        """A new entry; the audit chain records its creation."""
        if kind not in KINDS:
            raise UserFacingError("registry.bad_kind")
        if not display_name.strip():
            raise UserFacingError("registry.entry_needs_name")
        entry_id = str(uuid.uuid4())
        now = self._now()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO registry_entries (id, kind, display_name, rank, unit, notes,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    entry_id,
                    kind,
                    display_name.strip(),
                    rank.strip(),
                    unit.strip(),
                    notes.strip(),
                    now,
                ),
            )
            audit.append(
                conn,
                at=now,
                action="registry-entry-created",
                record_id=f"registry:{entry_id}",
                version=0,
                payload_sha256=_payload(
                    kind=kind, name=display_name, rank=rank, unit=unit, notes=notes
                ),
            )
        return self.entry(entry_id)

    def entry(self, entry_id: str) -> Entry:
        """One entry, merged or not."""
        rows = self._db.query(
            f"SELECT {_ENTRY_COLUMNS} FROM registry_entries WHERE id = ?", (entry_id,)
        )
        if not rows:
            raise RegistryNotFound("registry.entry_not_found")
        return _entry(rows[0])

    def resolve(self, entry_id: str) -> str:
        """A full entry id from a full id or a unique prefix of at least 4 characters."""
        if self._db.scalar("SELECT 1 FROM registry_entries WHERE id = ?", (entry_id,)):
            return entry_id
        if len(entry_id) >= 4 and all(c in "0123456789abcdef-" for c in entry_id):
            rows = self._db.query(
                "SELECT id FROM registry_entries WHERE id LIKE ? LIMIT 2", (entry_id + "%",)
            )
            if len(rows) == 1:
                return str(rows[0][0])
        raise RegistryNotFound("registry.entry_not_found")

    def entries(self, *, include_merged: bool = False) -> list[Entry]:
        """Every entry, by kind and name; merged entries only when asked."""
        where = "" if include_merged else " WHERE merged_into IS NULL"
        return [
            _entry(r)
            for r in self._db.query(
                f"SELECT {_ENTRY_COLUMNS} FROM registry_entries{where}"
                " ORDER BY kind, display_name, id"
            )
        ]

    # -- links -----------------------------------------------------------------------------

    def add_link(
        self, entry_id: str, record_id: str, version: int, mention: Mention, status: str
    ) -> Link:
        """Tie a mention to an entry (or change the status of the existing tie)."""
        if status not in LINK_STATUSES:
            raise UserFacingError("registry.bad_link_status")
        target = self.entry(entry_id)
        if target.merged_into:
            raise UserFacingError("registry.entry_merged")
        if target.kind != mention.kind:
            raise UserFacingError("registry.kind_mismatch")
        now = self._now()
        doc = json.dumps(mention.as_dict(), ensure_ascii=False, sort_keys=True)
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO registry_links (entry_id, record_id, version, mention_path, mention,"
                " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (entry_id, record_id, mention_path) DO UPDATE SET"
                " status = excluded.status, version = excluded.version,"
                " mention = excluded.mention",
                (entry_id, record_id, version, mention.path, doc, status, now),
            )
            audit.append(
                conn,
                at=now,
                action=f"registry-link-{status}",
                record_id=record_id,
                version=version,
                payload_sha256=_payload(entry=entry_id, path=mention.path),
            )
        rows = self._db.query(
            f"SELECT {_LINK_COLUMNS} FROM registry_links"
            " WHERE entry_id = ? AND record_id = ? AND mention_path = ?",
            (entry_id, record_id, mention.path),
        )
        return _link(rows[0])

    def link(self, link_id: int) -> Link:
        """One link."""
        rows = self._db.query(
            f"SELECT {_LINK_COLUMNS} FROM registry_links WHERE id = ?", (link_id,)
        )
        if not rows:
            raise RegistryNotFound("registry.link_not_found")
        return _link(rows[0])

    def set_status(self, link_id: int, status: str) -> Link:
        """Confirm or reject a link (a person's decision, recorded in the audit chain)."""
        if status not in LINK_STATUSES:
            raise UserFacingError("registry.bad_link_status")
        current = self.link(link_id)
        now = self._now()
        with self._db.transaction() as conn:
            conn.execute("UPDATE registry_links SET status = ? WHERE id = ?", (status, link_id))
            audit.append(
                conn,
                at=now,
                action=f"registry-link-{status}",
                record_id=current.record_id,
                version=current.version,
                payload_sha256=_payload(entry=current.entry_id, path=current.mention_path),
            )
        return self.link(link_id)

    def remove_link(self, link_id: int) -> None:
        """Remove a link altogether (the audit chain keeps that it existed)."""
        current = self.link(link_id)
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM registry_links WHERE id = ?", (link_id,))
            audit.append(
                conn,
                at=self._now(),
                action="registry-link-removed",
                record_id=current.record_id,
                version=current.version,
                payload_sha256=_payload(entry=current.entry_id, path=current.mention_path),
            )

    def links_of_entry(
        self, entry_id: str, statuses: tuple[str, ...] = LINK_STATUSES
    ) -> list[Link]:
        """An entry's links with the given statuses, by record and path."""
        marks = ",".join("?" * len(statuses))
        return [
            _link(r)
            for r in self._db.query(
                f"SELECT {_LINK_COLUMNS} FROM registry_links WHERE entry_id = ?"
                f" AND status IN ({marks}) ORDER BY record_id, mention_path",
                (entry_id, *statuses),
            )
        ]

    def links_of_record(self, record_id: str) -> list[Link]:
        """Every link from one record's mentions."""
        return [
            _link(r)
            for r in self._db.query(
                f"SELECT {_LINK_COLUMNS} FROM registry_links WHERE record_id = ?"
                " ORDER BY mention_path, id",
                (record_id,),
            )
        ]

    def links_of_records(self, record_ids: Iterable[str]) -> dict[str, list[Link]]:
        """:meth:`links_of_record` for many records in one read (corroboration's thousands)."""
        found: dict[str, list[Link]] = {}
        for r in self._db.query(
            f"SELECT {_LINK_COLUMNS} FROM registry_links"
            " WHERE record_id IN (SELECT value FROM json_each(?))"
            " ORDER BY record_id, mention_path, id",
            (json.dumps(sorted(set(record_ids))),),
        ):
            found.setdefault(r[2], []).append(_link(r))
        return found

    def confirmed_mentions(self) -> dict[str, list[Mention]]:
        """Confirmed mentions of every live entry, for building match candidates in one read."""
        found: dict[str, list[Mention]] = {}
        for entry_id, doc in self._db.query(
            "SELECT l.entry_id, l.mention FROM registry_links l JOIN registry_entries e"
            " ON e.id = l.entry_id WHERE l.status = 'confirmed' AND e.merged_into IS NULL"
        ):
            found.setdefault(entry_id, []).append(Mention.from_dict(json.loads(doc)))
        return found

    def testimony_counts(self) -> dict[str, int]:
        """How many records have a confirmed link to each live entry, in one grouped read.

        The same number the entry's own links give (:meth:`links_of_entry`, confirmed,
        distinct records): after a merge the moved links count for the target, and a link the
        merge left with the source (its mention was already linked to the target) stays
        hidden with it. Every live entry is present, with 0 when nothing confirms it.
        """
        return {
            str(entry_id): int(count)
            for entry_id, count in self._db.query(
                "SELECT e.id, COUNT(DISTINCT l.record_id) FROM registry_entries e"
                " LEFT JOIN registry_links l ON l.entry_id = e.id AND l.status = 'confirmed'"
                " WHERE e.merged_into IS NULL GROUP BY e.id"
            )
        }

    def change_token(self) -> int | None:
        """A value that changes whenever the registry (entries, links, merges) changes.

        It is the registry's generation, counted by triggers (schema 5) in the vault itself, so
        it sees the commits of every connection and ignores writes to anything else: a cache
        keyed on it (the suggestion index) outlives the editor's autosaves and is never stale.
        ``None`` inside an open transaction, whose writes may yet roll back and reuse the
        number: what is read there must not be cached. Read it *before* the data the cache
        is built from.
        """
        with self._db.lock:
            if self._db.conn.in_transaction:
                return None
            value = self._db.scalar("SELECT value FROM registry_generation WHERE id = 1")
            return None if value is None else int(value)

    # -- merges ----------------------------------------------------------------------------

    def merge(self, source_id: str, target_id: str) -> Merge:
        """Fold ``source`` into ``target``: its links move, the entry stays for undo."""
        if source_id == target_id:
            raise UserFacingError("registry.merge_into_itself")
        source, target = self.entry(source_id), self.entry(target_id)
        if source.merged_into or target.merged_into:
            raise UserFacingError("registry.already_merged")
        if source.kind != target.kind:
            raise UserFacingError("registry.merge_kinds_differ")
        now = self._now()
        with self._db.transaction() as conn:
            # A mention already linked to the target stays with the source (hidden with it).
            moved = [
                int(r[0])
                for r in conn.execute(
                    "SELECT id FROM registry_links s WHERE s.entry_id = ? AND NOT EXISTS ("
                    " SELECT 1 FROM registry_links t WHERE t.entry_id = ?"
                    " AND t.record_id = s.record_id AND t.mention_path = s.mention_path)"
                    " ORDER BY id",
                    (source_id, target_id),
                ).fetchall()
            ]
            for link_id in moved:
                conn.execute(
                    "UPDATE registry_links SET entry_id = ? WHERE id = ?", (target_id, link_id)
                )
            conn.execute(
                "UPDATE registry_entries SET merged_into = ? WHERE id = ?", (target_id, source_id)
            )
            cursor = conn.execute(
                "INSERT INTO registry_merges (source_id, target_id, moved_links, created_at)"
                " VALUES (?, ?, ?, ?)",
                (source_id, target_id, json.dumps(moved), now),
            )
            merge_id = int(cursor.lastrowid)
            audit.append(
                conn,
                at=now,
                action="registry-merged",
                record_id=f"registry:{target_id}",
                version=0,
                payload_sha256=_payload(
                    merge=merge_id, source=source_id, target=target_id, moved=moved
                ),
            )
        return self.merge_info(merge_id)

    def merge_info(self, merge_id: int) -> Merge:
        """One merge."""
        rows = self._db.query(
            f"SELECT {_MERGE_COLUMNS} FROM registry_merges WHERE id = ?", (merge_id,)
        )
        if not rows:
            raise RegistryNotFound("registry.merge_not_found")
        return _merge(rows[0])

    def merges(self) -> list[Merge]:
        """Every merge, newest first (one read: the registry list asks on every refresh)."""
        return [
            _merge(r)
            for r in self._db.query(
                f"SELECT {_MERGE_COLUMNS} FROM registry_merges ORDER BY id DESC"
            )
        ]

    def undo_merge(self, merge_id: int) -> Merge:
        """Put a merged entry back with exactly the links that moved."""
        info = self.merge_info(merge_id)
        if info.undone_at:
            raise UserFacingError("registry.merge_already_undone")
        if self.entry(info.target_id).merged_into:
            raise UserFacingError(
                "registry.undo_target_merged"
            )
        now = self._now()
        with self._db.transaction() as conn:
            for link_id in info.moved_links:
                conn.execute(
                    "UPDATE registry_links SET entry_id = ? WHERE id = ? AND entry_id = ?",
                    (info.source_id, link_id, info.target_id),
                )
            conn.execute(
                "UPDATE registry_entries SET merged_into = NULL WHERE id = ?", (info.source_id,)
            )
            conn.execute("UPDATE registry_merges SET undone_at = ? WHERE id = ?", (now, merge_id))
            audit.append(
                conn,
                at=now,
                action="registry-merge-undone",
                record_id=f"registry:{info.target_id}",
                version=0,
                payload_sha256=_payload(
                    merge=merge_id, source=info.source_id, target=info.target_id
                ),
            )
        return self.merge_info(merge_id)
