"""What the organisation's vault holds of the bundles it received, read for its services.

Every imported bundle's manifest, signature and custody log (``imported_bundles``), the
origin of every imported version (``provenance``), the statements as the device made them,
and the versions it did not take as current (``import_conflicts``: a different version under
a number already held, a version from a device the record does not belong to, or a complete
version where only a redacted copy is held). The import itself is :mod:`.import_tx`; the
registered devices and who owns which record, :mod:`.device_register`.

A version is held **complete** only when the hash the organisation computed over the bytes it
holds equals the sealed hash the device signed: only then does a receipt acknowledge it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from testimony_app.errors import RecordNotFound
from testimony_app.storage.blobs import BlobStore
from testimony_app.storage.database import Database
from testimony_app.storage.import_tx import ImportTransaction, ProvenanceRow

__all__ = [
    "ConflictRow",
    "HeldCopy",
    "ImportLedger",
    "ImportedBundleRow",
    "ProvenanceRow",
]

Clock = Callable[[], str]


@dataclass(frozen=True)
class ConflictRow:
    """An incoming version kept aside, never current: ``kind`` says why.

    ``conflict``: the record's own device sent other content under a number already held;
    ``another device``: the record belongs to another device; ``redacted copy``: a complete
    version, or another redacted copy, where a redacted copy is held; ``id not bound``: the
    record's id was made by another device and the sender could not prove it
    (crypto/record_ids.py). ``fingerprint`` and ``device_name`` say who sent it, as this
    vault knows the key its device id signed with (empty if it was never pinned).
    """

    record_id: str
    version: int
    existing_sha256: str
    incoming_sha256: str
    bundle_id: str
    device_id: str
    detected_at: str
    kind: str = "conflict"
    fingerprint: str = ""
    device_name: str = ""


@dataclass(frozen=True)
class ImportedBundleRow:
    """A bundle the organisation imported."""

    bundle_id: str
    sha256: str
    size: int
    device_id: str
    created_at: str
    previous_bundle_id: str
    audit_seq: int
    imported_at: str


@dataclass(frozen=True)
class HeldCopy:
    """What the vault holds under a record version, for a receipt.

    ``content_sha256`` is the hash this vault computed over the bytes it holds;
    ``sealed_sha256`` the hash the sending device signed as the sealed one (for a redacted
    copy, only its claim); ``public_key`` the key of the device that sent it.
    """

    content_sha256: str
    sealed_sha256: str
    redacted: bool
    public_key: str

    @property
    def complete(self) -> bool:
        """True when the vault holds the sealed content itself, checked by its own hash."""
        return not self.redacted and self.content_sha256 == self.sealed_sha256


class ImportLedger:
    """Reads the organisation's bundle tables of one vault and opens import transactions."""

    def __init__(self, db: Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def device_key(self, device_id: str) -> str | None:
        """The key a device id sent its bundles with, as text, once it sent one."""
        value = self._db.scalar("SELECT public_key FROM devices WHERE device_id = ?", (device_id,))
        return None if value is None else str(value)

    def device_ids_of(self, public_key: str) -> list[str]:
        """The device ids a key has sent bundles under (one, for a genuine laptop)."""
        return [
            str(r[0])
            for r in self._db.query(
                "SELECT device_id FROM devices WHERE public_key = ? ORDER BY first_seen",
                (public_key,),
            )
        ]

    def imported_bundle(self, bundle_id: str) -> ImportedBundleRow | None:
        """A bundle already imported under that id."""
        rows = self._db.query(
            "SELECT bundle_id, sha256, size, device_id, created_at, previous_bundle_id,"
            " audit_seq, imported_at FROM imported_bundles WHERE bundle_id = ?",
            (bundle_id,),
        )
        return ImportedBundleRow(*rows[0]) if rows else None

    def provenance(self, record_id: str) -> list[ProvenanceRow]:
        """Where each imported version of a record came from, oldest version first."""
        return [
            ProvenanceRow(r[0], int(r[1]), r[2], bool(r[3]), *r[4:])
            for r in self._db.query(
                "SELECT record_id, version, source_sha256, redacted, device_id,"
                " device_fingerprint, bundle_id, interviewer, imported_at FROM provenance"
                " WHERE record_id = ? ORDER BY version",
                (record_id,),
            )
        ]

    def held_copies(self, refs: Sequence[tuple[str, int]]) -> dict[tuple[str, int], HeldCopy]:
        """For each ``(record_id, version)`` held sealed, what the vault holds under it.

        A version this vault made itself (no provenance) is complete by definition and has no
        sending device.
        """
        found: dict[tuple[str, int], HeldCopy] = {}
        for record_id, version in refs:
            rows = self._db.query(
                "SELECT v.content_sha256, p.source_sha256, p.redacted, d.public_key"
                " FROM versions v LEFT JOIN provenance p"
                " ON p.record_id = v.record_id AND p.version = v.number"
                " LEFT JOIN devices d ON d.device_id = p.device_id"
                " WHERE v.record_id = ? AND v.number = ? AND v.sealed = 1",
                (record_id, version),
            )
            if rows:
                content, sealed, redacted, key = rows[0]
                found[(record_id, version)] = HeldCopy(
                    str(content), str(sealed or content), bool(redacted), str(key or "")
                )
        return found

    def conflicts(self, record_id: str | None = None) -> list[ConflictRow]:
        """Every incoming version kept aside (of one record, if given), oldest first."""
        where, params = ("WHERE c.record_id = ?", (record_id,)) if record_id else ("", ())
        return [
            ConflictRow(r[0], int(r[1]), *r[2:])
            for r in self._db.query(
                "SELECT c.record_id, c.version, c.existing_sha256, c.incoming_sha256,"
                " c.bundle_id, c.device_id, c.detected_at, c.kind,"
                " COALESCE(d.fingerprint, ''), COALESCE(g.name, '')"
                " FROM import_conflicts c LEFT JOIN devices d ON d.device_id = c.device_id"
                " LEFT JOIN device_register g ON g.public_key = d.public_key "
                + where
                + " ORDER BY c.id",
                params,
            )
        ]

    def conflict_content(self, record_id: str, version: int, incoming_sha256: str) -> bytes:
        """The kept record JSON of a version kept aside."""
        value = self._db.scalar(
            "SELECT content FROM import_conflicts WHERE record_id = ? AND version = ?"
            " AND incoming_sha256 = ?",
            (record_id, version, incoming_sha256),
        )
        if value is None:
            raise RecordNotFound("quarantine.version_not_kept")
        return str(value).encode("utf-8")

    def statement(self, record_id: str, version: int) -> bytes | None:
        """The statement PDF exactly as the device made it, if one was imported."""
        value = self._db.scalar(
            "SELECT data FROM imported_statements WHERE record_id = ? AND version = ?",
            (record_id, version),
        )
        return None if value is None else bytes(value)

    def bundle_evidence(self, bundle_id: str) -> tuple[bytes, str, bytes] | None:
        """``(manifest.json, manifest.sig text, custody.json)`` of an imported bundle."""
        rows = self._db.query(
            "SELECT manifest, signature, custody FROM imported_bundles WHERE bundle_id = ?",
            (bundle_id,),
        )
        return (bytes(rows[0][0]), str(rows[0][1]), bytes(rows[0][2])) if rows else None

    @contextmanager
    def import_transaction(self) -> Iterator[ImportTransaction]:
        """One transaction for a whole import: staged bytes and merged rows commit together.

        Foreign keys are deferred to the commit because attachment bytes stream in before
        the record they belong to is known to be acceptable. Attachment bytes go to ``.part``
        files, fsynced before the commit and renamed after it (storage/blobs.py). Leaving the
        block by an exception rolls everything back and deletes those files: nothing of a
        refused bundle remains.
        """
        blobs = BlobStore.beside(self._db.path)
        tx: ImportTransaction | None = None
        try:
            with self._db.transaction() as conn:
                conn.execute("PRAGMA defer_foreign_keys = ON")
                tx = ImportTransaction(conn, self._now(), blobs)
                yield tx
                tx.before_commit()
        except BaseException:
            if tx is not None:
                tx.discard_files()
            raise
        tx.after_commit()
