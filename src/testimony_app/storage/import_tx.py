"""The organisation's import transaction: one bundle staged and merged, or nothing.

:meth:`.org_ledger.ImportLedger.import_transaction` opens it; everything a bundle adds — its
manifest, signature and custody log (``imported_bundles``), each version with where it came
from (``provenance``), the statements as the device made them, attachments, the first
owner of each new record (``record_owners``), the device id a registered key first used
(``devices``), and every version kept aside (``import_conflicts``) — commits only after the
bundle authenticated to its last byte, with its audit entries. Evidence tables are
append-only, enforced by triggers like the audit log.

This module knows SQL and nothing of the bundle format: the services layer decides, this
layer stores. The laptop's side of the same schema is :mod:`.export_ledger`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony
from testimony_app.storage import audit
from testimony_app.storage.attachments import guess_kind
from testimony_app.storage.blobs import BlobRef, BlobStore, BlobWriter
from testimony_app.storage.records import RecordStore

Clock = Callable[[], str]


@dataclass(frozen=True)
class HeldVersion:
    """A version the organisation's vault already holds, as the importer compares it.

    ``content_sha256`` is the hash this vault computed over the bytes it holds;
    ``source_sha256`` the sealed hash the sending device signed (for a redacted copy only a
    claim; for a version made in this vault, the content hash itself).
    """

    sealed: bool
    content_sha256: str
    source_sha256: str
    redacted: bool


@dataclass(frozen=True)
class ProvenanceRow:
    """Where an imported version came from."""

    record_id: str
    version: int
    source_sha256: str
    redacted: bool
    device_id: str
    device_fingerprint: str
    bundle_id: str
    interviewer: str
    imported_at: str


class ImportTransaction:
    """The statements of one import, all inside the caller's open transaction."""

    def __init__(self, conn: Any, now: str, blobs: BlobStore) -> None:
        self._raw = conn
        self.now = now
        self.changed = False
        self._blobs = blobs
        self._writers: dict[str, tuple[BlobWriter, int]] = {}
        self._finished: dict[str, BlobRef] = {}
        self._created: list[str] = []
        self._added: list[str] = []

    @property
    def _conn(self) -> Any:
        """The connection (the SQL of this transaction runs on the caller's thread only)."""
        return self._raw

    def before_commit(self) -> None:
        """Close files staged for attachments that were not added; make entries durable."""
        for writer, _ in self._writers.values():
            writer.abort()
        self._writers.clear()
        self._blobs.sync()

    def discard_files(self) -> None:
        """The transaction rolled back: delete every file it wrote."""
        for writer, _ in self._writers.values():
            writer.abort()
        self._writers.clear()
        self._blobs.remove(self._created)

    def after_commit(self) -> None:
        """The rows naming the files committed: make them final; delete the unused ones."""
        self._blobs.publish(self._added)
        self._blobs.remove(sorted(set(self._created) - set(self._added)))

    # -- staging while the bundle streams --------------------------------------------------

    def has_attachment(self, record_id: str, sha256: str) -> bool:
        """Whether the record already holds an attachment with these bytes."""
        row = self._conn.execute(
            "SELECT 1 FROM attachments WHERE record_id = ? AND sha256 = ? AND complete = 1 LIMIT 1",
            (record_id, sha256),
        ).fetchone()
        return row is not None

    def stage_chunk(
        self, attachment_id: str, seq: int, data: bytes | bytearray | memoryview
    ) -> None:
        """Seal one chunk of an incoming attachment into its file (its row is added by the
        merge); ``data`` is not kept.

        No SQL: the reader calls this on its helper thread while the caller's thread decrypts,
        and the file is written around the page cache (:class:`.blobs.BlobWriter`, ``direct``)
        and made durable by :meth:`add_attachment`.
        """
        writer, expected = self._writers.get(attachment_id, (None, 0))
        if seq != expected:
            raise ValueError("attachment chunks must arrive in order")
        if writer is None:
            writer = self._blobs.writer(hashing=False, direct=True)
            self._created.append(writer.name)
        writer.write(data)
        self._writers[attachment_id] = (writer, seq + 1)

    def end_chunks(self, attachment_id: str) -> None:
        """The attachment's last chunk is staged: pad, ``fsync`` and close its file now.

        So an import holds one open file and one set of write buffers at a time, however many
        attachments the bundle carries (a direct writer's buffers are 15 MiB and a thread).
        The file stays a ``.part`` that no row names until :meth:`add_attachment`.
        """
        writer, _ = self._writers.pop(attachment_id, (None, 0))
        if writer is not None:
            self._finished[attachment_id] = writer.finish()

    # -- what is held ------------------------------------------------------------------------

    def device_key(self, device_id: str) -> str | None:
        """The pinned key of a device, as text."""
        row = self._conn.execute(
            "SELECT public_key FROM devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def bundle_sha256(self, bundle_id: str) -> str | None:
        """The file hash of an already imported bundle with that id."""
        row = self._conn.execute(
            "SELECT sha256 FROM imported_bundles WHERE bundle_id = ?", (bundle_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def device_bundles(self, device_id: str) -> dict[str, tuple[int, str]]:
        """``{bundle_id: (audit_seq, previous_bundle_id)}`` of every bundle from a device
        (``previous_bundle_id`` is ``""`` for a device's first bundle)."""
        return {
            str(r[0]): (int(r[1]), str(r[2]))
            for r in self._conn.execute(
                "SELECT bundle_id, audit_seq, previous_bundle_id FROM imported_bundles"
                " WHERE device_id = ?",
                (device_id,),
            ).fetchall()
        }

    def held_version(self, record_id: str, number: int) -> HeldVersion | None:
        """The version already held under that number, with the hash its device sealed."""
        row = self._conn.execute(
            "SELECT v.sealed, v.content_sha256, p.source_sha256, p.redacted FROM versions v"
            " LEFT JOIN provenance p ON p.record_id = v.record_id AND p.version = v.number"
            " WHERE v.record_id = ? AND v.number = ?",
            (record_id, number),
        ).fetchone()
        if row is None:
            return None
        return HeldVersion(bool(row[0]), str(row[1]), str(row[2] or row[1]), bool(row[3]))

    def record_held(self, record_id: str) -> bool:
        """Whether this vault holds any version of the record."""
        row = self._conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone()
        return row is not None

    def owner(self, record_id: str) -> str | None:
        """The key of the device the record belongs to (its newest owner row), if any."""
        row = self._conn.execute(
            "SELECT public_key FROM record_owners WHERE record_id = ? ORDER BY id DESC LIMIT 1",
            (record_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def device_ids_of(self, public_key: str) -> list[str]:
        """The device ids a key has sent bundles under (one, for a genuine laptop)."""
        return [
            str(r[0])
            for r in self._conn.execute(
                "SELECT device_id FROM devices WHERE public_key = ? ORDER BY first_seen",
                (public_key,),
            ).fetchall()
        ]

    def has_conflict(self, record_id: str, number: int, incoming_sha256: str) -> bool:
        """Whether this clash was already recorded (a re-import adds nothing)."""
        row = self._conn.execute(
            "SELECT 1 FROM import_conflicts WHERE record_id = ? AND version = ?"
            " AND incoming_sha256 = ?",
            (record_id, number, incoming_sha256),
        ).fetchone()
        return row is not None

    # -- writing -----------------------------------------------------------------------------

    def pin_device(self, device_id: str, public_key: str, fingerprint: str) -> None:
        """Bind a device id to the registered key that first sent a bundle under it."""
        self._conn.execute(
            "INSERT INTO devices (device_id, public_key, fingerprint, first_seen)"
            " VALUES (?, ?, ?, ?)",
            (device_id, public_key, fingerprint, self.now),
        )
        self.audit("device-pinned", "", 0, sha256_hex(public_key.encode("ascii")))

    def add_bundle(
        self,
        *,
        bundle_id: str,
        sha256: str,
        size: int,
        device_id: str,
        created_at: str,
        previous_bundle_id: str | None,
        audit_seq: int,
        audit_hash: str,
        manifest: bytes,
        signature: str,
        custody: bytes,
    ) -> None:
        """Keep the bundle's signed manifest and custody log: the proof behind every row."""
        self._conn.execute(
            "INSERT INTO imported_bundles (bundle_id, sha256, size, device_id, created_at,"
            " previous_bundle_id, audit_seq, audit_hash, manifest, signature, custody,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                bundle_id,
                sha256,
                size,
                device_id,
                created_at,
                previous_bundle_id or "",
                audit_seq,
                audit_hash,
                manifest,
                signature,
                custody,
                self.now,
            ),
        )
        self.audit("bundle-imported", "", 0, sha256)

    def add_version(
        self,
        *,
        record_id: str,
        number: int,
        content: bytes,
        testimony: Testimony,
        sealed_at: str,
        reason: str,
        provenance: ProvenanceRow,
        id_salt: str = "",
    ) -> None:
        """Add a sealed version to a record's history (creating the record if new).

        ``id_salt`` is the salt that proved a new record's bound id under its device's key,
        kept with the record (empty for a legacy id).

        The record's summary and search row follow the newest version held, so an older
        version arriving after a newer one is kept in the history without replacing it.
        """
        digest = sha256_hex(content)
        row = self._conn.execute(
            "SELECT current FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            self._conn.execute(
                "INSERT INTO records (id, created_at, updated_at, current, id_salt)"
                " VALUES (?, ?, ?, ?, ?)",
                (record_id, self.now, self.now, number, id_salt),
            )
            # The device that sent the first version owns the record from now on.
            self._conn.execute(
                "INSERT INTO record_owners (record_id, public_key, since)"
                " SELECT ?, public_key, ? FROM devices WHERE device_id = ?",
                (record_id, self.now, provenance.device_id),
            )
        self._conn.execute(
            "INSERT INTO versions (record_id, number, content, sealed, sealed_at,"
            " content_sha256, reason, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
            (record_id, number, content.decode("utf-8"), sealed_at, digest, reason, self.now),
        )
        if row is None or number > int(row[0]):
            self._conn.execute("UPDATE records SET current = ? WHERE id = ?", (number, record_id))
            # The private helper of RecordStore keeps one definition of what the list and
            # the search index hold for a record.
            RecordStore._update_summary(
                self._conn,
                record_id,
                testimony,
                interchange.to_dict(testimony),
                self.now,
                fresh=row is None,
            )
        p = provenance
        self._conn.execute(
            "INSERT INTO provenance (record_id, version, source_sha256, redacted, device_id,"
            " device_fingerprint, bundle_id, interviewer, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record_id,
                number,
                p.source_sha256,
                int(p.redacted),
                p.device_id,
                p.device_fingerprint,
                p.bundle_id,
                p.interviewer,
                self.now,
            ),
        )
        self.audit("imported", record_id, number, digest)

    def add_statement(self, record_id: str, number: int, data: bytes) -> None:
        """Keep the device's statement PDF of a version, byte for byte."""
        self._conn.execute(
            "INSERT INTO imported_statements (record_id, version, sha256, data)"
            " VALUES (?, ?, ?, ?)",
            (record_id, number, sha256_hex(data), data),
        )

    def add_attachment(
        self,
        *,
        attachment_id: str,
        record_id: str,
        filename: str,
        media_type: str,
        description: str,
        size: int,
        sha256: str,
        version: int,
    ) -> None:
        """Make staged attachment bytes a complete attachment of the record."""
        conn = self._conn
        ref = self._finished.pop(attachment_id, None)
        if ref is None:
            writer, _ = self._writers.pop(attachment_id, (None, 0))
            if writer is None:  # an empty attachment: no chunk was staged
                writer = self._blobs.writer(hashing=False)
                self._created.append(writer.name)
            ref = writer.finish()
        if ref.size != size:
            raise ValueError("staged attachment bytes do not match the manifest's size")
        self._added.append(ref.name)
        conn.execute(
            "INSERT INTO attachments (id, record_id, filename, media_type, kind, description,"
            " origin, size, sha256, added_at, complete, blob, blob_key)"
            " VALUES (?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, 1, ?, ?)",
            (
                attachment_id,
                record_id,
                filename,
                media_type,
                guess_kind(media_type),
                description,
                size,
                sha256,
                self.now,
                ref.name,
                ref.key,
            ),
        )
        self.audit("attachment-imported", record_id, version, sha256)

    def add_conflict(
        self,
        *,
        record_id: str,
        number: int,
        existing_sha256: str,
        incoming_sha256: str,
        bundle_id: str,
        device_id: str,
        content: bytes,
        statement: bytes | None,
        kind: str = "conflict",
    ) -> None:
        """Keep an incoming version aside, never current, never overwriting the one held."""
        self._conn.execute(
            "INSERT INTO import_conflicts (record_id, version, existing_sha256,"
            " incoming_sha256, bundle_id, device_id, content, statement, detected_at, kind)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record_id,
                number,
                existing_sha256,
                incoming_sha256,
                bundle_id,
                device_id,
                content.decode("utf-8"),
                statement,
                self.now,
                kind,
            ),
        )
        self.audit("import-conflict", record_id, number, incoming_sha256)

    def audit(self, action: str, record_id: str, version: int, payload_sha256: str) -> None:
        """Append to the organisation vault's own audit chain; marks the import as a change."""
        audit.append(
            self._conn,
            at=self.now,
            action=action,
            record_id=record_id,
            version=version,
            payload_sha256=payload_sha256,
        )
        self.changed = True
