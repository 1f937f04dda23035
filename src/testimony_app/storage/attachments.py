"""Attachments kept encrypted beside the vault, streamed both ways, never whole in memory.

A file is read 1 MiB at a time, hashed (SHA-256) as it enters, and sealed into a file of frames
under its own key (:mod:`.blobs`, :mod:`testimony_app.crypto.frames`); the key, the size and
the hash live in the attachment's row in the database. An import becomes visible only once
complete; an interrupted import is removed at the next unlock. A recording makes every frame
durable as it arrives, and an interrupted recording (crash, dead battery) is finished at the
next unlock with what was saved — seconds lost, not the recording.

Vaults from before schema 6 kept attachments as chunk rows in the database; those are moved
into files at unlock (:meth:`AttachmentStore.move_legacy`), and read from the chunks until then.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from testimony_app.domain.model import AttachmentInfo
from testimony_app.errors import RecordNotFound, RecordSealed, UserFacingError, os_reason
from testimony_app.paths import fsync_dir
from testimony_app.storage import audit
from testimony_app.storage.blobs import BlobDamaged, BlobMissing, BlobRef, BlobStore, BlobWriter
from testimony_app.storage.database import Database
from testimony_app.words import Message, Verbatim

CHUNK_BYTES = 1024 * 1024
Progress = Callable[[int, int], None]
Clock = Callable[[], str]


def guess_kind(media_type: str) -> str:
    """A coarse kind for the annex list: audio, image, video or document."""
    major = media_type.split("/", 1)[0]
    return {"audio": "audio", "image": "photo", "video": "video"}.get(major, "document")


class AttachmentWriter:
    """Appends to a recording, each piece durable on disk before :meth:`write` returns."""

    def __init__(
        self, store: AttachmentStore, attachment_id: str, record_id: str, blob: BlobWriter
    ) -> None:
        self._store = store
        self.attachment_id = attachment_id
        self._record_id = record_id
        self._blob = blob
        self._done = False

    @property
    def size(self) -> int:
        """Bytes written so far."""
        return self._blob.size

    def write(self, data: bytes) -> None:
        """Store ``data`` as the next piece, durably, before returning."""
        self._check_open()
        self._blob.write(data, durable=True)

    def _check_open(self) -> None:
        if self._locked:
            raise UserFacingError(
                "attachment.locked_while_recording"
            )
        if self._done:
            raise UserFacingError("attachment.recording_already_finished")

    @property
    def _locked(self) -> bool:
        return self not in self._store.recordings

    def finish(self) -> AttachmentInfo:
        """Seal the recording: record its size and SHA-256 and make it visible."""
        self._check_open()
        self._done = True
        self._store.recordings.discard(self)
        sha256 = self._blob.sha256
        ref = self._blob.finish()
        info = self._store.finalise(self.attachment_id, self._record_id, ref.size, sha256)
        self._store.blobs.publish([ref.name])
        return info

    def abort(self) -> None:
        """Throw the recording away (the user asked to)."""
        self._check_open()
        self._done = True
        self._store.recordings.discard(self)
        self._blob.abort()
        self._store.discard(self.attachment_id)

    def detach(self) -> None:
        """The vault is locking: close the file as it is, for the next unlock to recover."""
        self._blob.close()


class AttachmentStore:
    """Reads and writes attachment bytes in the vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self.db = db
        self._now = now
        self.blobs = BlobStore.beside(db.path)
        # Recordings still being written; locking closes their files (:meth:`close`).
        self.recordings: set[AttachmentWriter] = set()

    def close(self) -> None:
        """The vault is locking: no recording may write another byte after this."""
        for writer in list(self.recordings):
            self.recordings.discard(writer)
            writer.detach()

    def _require_record(self, record_id: str) -> None:
        if not self.db.scalar("SELECT 1 FROM records WHERE id = ?", (record_id,)):
            raise RecordNotFound("attachment.testimony_id_vault")

    def import_file(
        self,
        record_id: str,
        source: Path,
        *,
        description: str = "",
        media_type: str | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> AttachmentInfo:
        """Copy ``source`` into the vault, hashing it on the way; return its description."""
        self._require_record(record_id)
        try:
            total = source.stat().st_size
            handle = source.open("rb")
        except FileNotFoundError:
            raise UserFacingError("attachment.file_attach_exist") from None
        except OSError:
            raise UserFacingError("attachment.file_attach_read") from None
        media_type = (
            media_type or mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        )
        with handle:
            blob = self.blobs.writer()
            try:
                attachment_id = self._begin(
                    record_id, source.name, media_type, description, "import", blob
                )
            except BaseException:
                blob.abort()
                raise
            try:
                while True:
                    try:
                        chunk = handle.read(CHUNK_BYTES)
                    except OSError:
                        raise UserFacingError("attachment.file_attach_read") from None
                    if not chunk:
                        break
                    blob.write(chunk)
                    if progress:
                        progress(blob.size, total)
                    if cancelled and cancelled():
                        raise UserFacingError("attachment.adding_cancelled")
                sha256 = blob.sha256
                ref = blob.finish()
                info = self.finalise(attachment_id, record_id, ref.size, sha256)
            except BaseException:
                # Best effort: on a full disk the clean-up may fail too, and the original error
                # is the one to report. An unfinished import is invisible and dropped at the
                # next unlock.
                blob.abort()
                with contextlib.suppress(UserFacingError, OSError):
                    self.discard(attachment_id)
                raise
        self.blobs.publish([ref.name])
        return info

    def start_recording(self, record_id: str, filename: str, media_type: str) -> AttachmentWriter:
        """Begin a recording whose pieces are made durable as they arrive."""
        self._require_record(record_id)
        blob = self.blobs.writer()
        try:
            attachment_id = self._begin(record_id, filename, media_type, "", "recording", blob)
        except BaseException:
            blob.abort()
            raise
        writer = AttachmentWriter(self, attachment_id, record_id, blob)
        self.recordings.add(writer)
        return writer

    def _begin(
        self,
        record_id: str,
        filename: str,
        media_type: str,
        description: str,
        origin: str,
        blob: BlobWriter,
    ) -> str:
        attachment_id = str(uuid.uuid4())
        # The file's entry is made durable before the row that names it.
        self.blobs.sync()
        self.db.execute(
            "INSERT INTO attachments (id, record_id, filename, media_type, kind, description,"
            " origin, added_at, blob, blob_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                attachment_id,
                record_id,
                filename,
                media_type,
                guess_kind(media_type),
                description,
                origin,
                self._now(),
                blob.name,
                blob.key,
            ),
        )
        return attachment_id

    def finalise(
        self, attachment_id: str, record_id: str, size: int, sha256: str
    ) -> AttachmentInfo:
        """Mark an attachment complete and log its hash in the audit chain."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE attachments SET size = ?, sha256 = ?, complete = 1 WHERE id = ?",
                (size, sha256, attachment_id),
            )
            version = conn.execute(
                "SELECT current FROM records WHERE id = ?", (record_id,)
            ).fetchone()[0]
            audit.append(
                conn,
                at=self._now(),
                action="attachment-added",
                record_id=record_id,
                version=int(version),
                payload_sha256=sha256,
            )
        return self.info(attachment_id)

    def describe(self, attachment_id: str, *, description: str, kind: str) -> AttachmentInfo:
        """Change what an attachment is said to be; its bytes and hash never change."""
        info = self.info(attachment_id)
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE attachments SET description = ?, kind = ? WHERE id = ?",
                (description, kind, attachment_id),
            )
            row = conn.execute(
                "SELECT a.record_id, r.current FROM attachments a JOIN records r"
                " ON r.id = a.record_id WHERE a.id = ?",
                (attachment_id,),
            ).fetchone()
            audit.append(
                conn,
                at=self._now(),
                action="attachment-described",
                record_id=row[0],
                version=int(row[1]),
                payload_sha256=info.sha256,
            )
        return self.info(attachment_id)

    def remove_from_draft(self, record_id: str, attachment_id: str) -> bool:
        """Take a complete attachment off its record's draft; True if its bytes were deleted.

        Why two outcomes: a file attached by mistake (a photo of another witness) must leave
        the laptop, but a sealed version is evidence that lists its attachments by hash, and
        its statement and bundles need them. So an attachment that no sealed version lists is
        deleted (row, file, chunks of an older vault); one that a sealed version lists stays,
        marked ``removed`` so that no draft shows it again. Either way the audit chain records
        the removal with the attachment's hash, in the same transaction.
        """
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT a.record_id, a.sha256, a.blob, r.current, v.sealed FROM attachments a"
                " JOIN records r ON r.id = a.record_id"
                " JOIN versions v ON v.record_id = r.id AND v.number = r.current"
                " WHERE a.id = ? AND a.record_id = ? AND a.complete = 1 AND a.purged = 0"
                " AND a.removed = 0",
                (attachment_id, record_id),
            ).fetchone()
            if row is None:
                raise UserFacingError("attachment.vault")
            record_id, sha256, blob, current, sealed = row
            if sealed:
                raise RecordSealed(
                    "attachment.version_sealed_start_amendment"
                )
            contents = conn.execute(
                "SELECT content FROM versions WHERE record_id = ? AND sealed = 1"
                " AND content <> ''",
                (record_id,),
            ).fetchall()
            kept = any(_lists_attachment(str(c[0]), attachment_id) for c in contents)
            if kept:
                conn.execute("UPDATE attachments SET removed = 1 WHERE id = ?", (attachment_id,))
            else:
                if blob is not None:
                    conn.execute("INSERT OR IGNORE INTO blob_trash (name) VALUES (?)", (blob,))
                conn.execute(
                    "DELETE FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,)
                )
                conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            audit.append(
                conn,
                at=self._now(),
                action="attachment-removed",
                record_id=record_id,
                version=int(current),
                payload_sha256=sha256,
            )
        if not kept:
            empty_trash(self.db)
        return not kept

    def discard(self, attachment_id: str) -> None:
        """Remove an unfinished attachment, its file and any chunks of an older vault."""
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT blob FROM attachments WHERE id = ? AND complete = 0", (attachment_id,)
            ).fetchone()
            if row is None:
                return
            if row[0] is not None:
                conn.execute("INSERT OR IGNORE INTO blob_trash (name) VALUES (?)", (row[0],))
            conn.execute("DELETE FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,))
            conn.execute("DELETE FROM attachments WHERE id = ? AND complete = 0", (attachment_id,))
        empty_trash(self.db)

    def recover(self) -> int:
        """Settle what a crash interrupted; return how many recordings were recovered.

        In order: files whose rows were deleted are deleted; files of committed rows still
        named ``.part`` are renamed; interrupted recordings are finished with every frame that
        reached the disk; interrupted imports are dropped, and so are ``.part`` files no row
        names (an import that never committed). Writes nothing when nothing was interrupted,
        so unlocking a healthy vault never writes.
        """
        empty_trash(self.db)
        recovered = 0
        parts = set(self.blobs.parts())
        rows = self.db.query(
            "SELECT id, record_id, origin, complete, blob, blob_key FROM attachments"
            " WHERE complete = 0 OR blob IN (SELECT value FROM json_each(?))",
            (_json_list(parts),),
        )
        named = set()
        for attachment_id, record_id, origin, complete, name, key in rows:
            if name is not None:
                named.add(name)
            if complete:
                self.blobs.publish([name])
            elif name is None:
                recovered += self._recover_legacy(attachment_id, record_id, origin)
            elif origin == "recording" and name in parts:
                size, sha256 = self.blobs.salvage(name, bytes(key))
                if size == 0:
                    self.discard(attachment_id)
                    continue
                self.db.execute(
                    "UPDATE attachments SET description = description || ? WHERE id = ?",
                    (" (recovered after an interruption)", attachment_id),
                )
                self.finalise(attachment_id, record_id, size, sha256)
                self.blobs.publish([name])
                recovered += 1
            else:
                self.discard(attachment_id)
        self.blobs.remove(sorted(parts - named))
        return recovered

    def _recover_legacy(self, attachment_id: str, record_id: str, origin: str) -> int:
        """An interrupted recording or import of a vault from before schema 6."""
        if origin == "recording" and self.db.scalar(
            "SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,)
        ):
            digest = hashlib.sha256()
            size = 0
            for chunk in self._legacy_chunks(attachment_id):
                digest.update(chunk)
                size += len(chunk)
            self.db.execute(
                "UPDATE attachments SET description = description || ? WHERE id = ?",
                (" (recovered after an interruption)", attachment_id),
            )
            self.finalise(attachment_id, record_id, size, digest.hexdigest())
            return 1
        self.discard(attachment_id)
        return 0

    def move_legacy(self) -> int:
        """Move attachments of a vault from before schema 6 out of the database; return how many.

        One attachment at a time: its chunks are sealed into a file, the file is read back and
        checked against the recorded hash, and only then, in one transaction, does the row name
        the file while its chunks are deleted. A crash anywhere leaves either the chunks or a
        committed file, never neither.
        """
        rows = self.db.query(
            "SELECT id, sha256 FROM attachments WHERE complete = 1 AND purged = 0 AND blob IS NULL"
        )
        moved = 0
        for attachment_id, sha256 in rows:
            blob = self.blobs.writer()
            try:
                for chunk in self._legacy_chunks(attachment_id):
                    blob.write(chunk)
                ref = blob.finish()
                if blob.sha256 != sha256 or self.blobs.verify(ref, part=True) is not None:
                    # Damaged inside the database: leave it where it is for check to report.
                    self.blobs.remove([ref.name])
                    continue
                self.blobs.sync()
                with self.db.transaction() as conn:
                    conn.execute(
                        "UPDATE attachments SET blob = ?, blob_key = ? WHERE id = ?",
                        (ref.name, ref.key, attachment_id),
                    )
                    conn.execute(
                        "DELETE FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,)
                    )
            except BaseException:
                blob.abort()
                raise
            self.blobs.publish([ref.name])
            moved += 1
        return moved

    def info(self, attachment_id: str) -> AttachmentInfo:
        """The description of a complete attachment."""
        rows = self.db.query(
            "SELECT id, filename, media_type, size, sha256, added_at, description, kind"
            " FROM attachments WHERE id = ? AND complete = 1",
            (attachment_id,),
        )
        if not rows:
            raise UserFacingError("attachment.vault")
        return AttachmentInfo(*rows[0])

    def ref(self, attachment_id: str) -> BlobRef | None:
        """Where a complete attachment's bytes are (None: still in an older vault's chunks)."""
        row = self.db.query(
            "SELECT blob, blob_key, size FROM attachments WHERE id = ? AND complete = 1",
            (attachment_id,),
        )
        if not row:
            raise UserFacingError("attachment.vault")
        name, key, size = row[0]
        return None if name is None else BlobRef.from_row(name, key, size)

    def _legacy_chunks(self, attachment_id: str) -> Iterator[bytes]:
        seq = 0
        while True:
            rows = self.db.query(
                "SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = ?",
                (attachment_id, seq),
            )
            if not rows:
                return
            yield bytes(rows[0][0])
            seq += 1

    def _chunks(self, attachment_id: str) -> Iterator[bytes]:
        ref = self.ref(attachment_id)
        if ref is None:
            yield from self._legacy_chunks(attachment_id)
        else:
            yield from self.blobs.read(ref)

    def iter_bytes(self, attachment_id: str) -> Iterator[bytes]:
        """The attachment's bytes, piece by piece, each authenticated before it is yielded."""
        yield from self._chunks(attachment_id)

    def read(self, attachment_id: str, limit: int = 256 * 1024 * 1024) -> bytes:
        """The whole attachment in memory (for viewing images and short audio)."""
        info = self.info(attachment_id)
        if info.size > limit:
            raise UserFacingError("attachment.too_large_open_here")
        return b"".join(self._chunks(attachment_id))

    def export(self, attachment_id: str, dest: Path) -> None:
        """Write the attachment where the user chose, atomically and privately."""
        info = self.info(attachment_id)
        tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
        digest = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as out:
                for chunk in self._chunks(attachment_id):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != info.sha256:
                raise UserFacingError("attachment.vault_damaged_nothing_saved")
            os.replace(tmp, dest)
        except (BlobDamaged, BlobMissing):
            tmp.unlink(missing_ok=True)
            raise UserFacingError(
                "attachment.vault_damaged_nothing_saved"
            ) from None
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserFacingError("attachment.export_failed", reason=os_reason(exc)) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(dest.parent)

    def committed_refs(self) -> list[BlobRef]:
        """Every committed file this database names."""
        return [
            BlobRef.from_row(name, key, size)
            for name, key, size in self.db.query(
                "SELECT blob, blob_key, size FROM attachments"
                " WHERE complete = 1 AND blob IS NOT NULL"
            )
        ]

    def verify_all(self) -> list[Message]:
        """Re-read and re-hash every complete attachment still held; describe any problem.

        A purged attachment keeps only its hash, so there is nothing to re-hash.
        """
        problems = []
        for attachment_id, sha256, name, key, size in self.db.query(
            "SELECT id, sha256, blob, blob_key, size FROM attachments"
            " WHERE complete = 1 AND purged = 0"
        ):
            if name is not None:
                problem = self.blobs.verify(BlobRef.from_row(name, key, size), sha256)
                if problem is not None:
                    problems.append(
                        Message(
                            "check.attachment_problem",
                            attachment=Verbatim(attachment_id[:8]),
                            problem=problem,
                        )
                    )
                continue
            digest = hashlib.sha256()
            for chunk in self._legacy_chunks(attachment_id):
                digest.update(chunk)
            if digest.hexdigest() != sha256:
                problems.append(
                    Message("check.attachment_differs", attachment=Verbatim(attachment_id[:8]))
                )
        return problems


def empty_trash(db: Database) -> None:
    """Delete the files of rows that committed transactions removed (see storage/blobs.py)."""
    names = [str(row[0]) for row in db.query("SELECT name FROM blob_trash")]
    if names:
        BlobStore.beside(db.path).remove(names)
        with db.transaction() as conn:
            conn.executemany("DELETE FROM blob_trash WHERE name = ?", [(n,) for n in names])


def _lists_attachment(content: str, attachment_id: str) -> bool:
    """Whether a version's stored content lists the attachment ``attachment_id``."""
    try:
        listed = json.loads(content).get("attachments") or []
    except (ValueError, AttributeError):
        return True  # unreadable: keep the attachment rather than risk a sealed version's
    return any(isinstance(a, dict) and a.get("id") == attachment_id for a in listed)


def _json_list(names: set[str]) -> str:
    return json.dumps(sorted(names))
