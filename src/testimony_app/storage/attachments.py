"""Attachments stored encrypted inside the vault, in chunks, streamed both ways.

A file is read 1 MiB at a time, hashed (SHA-256) as it enters, and written as chunk rows, so a
two-hour recording or a 2 GB video never needs more than a chunk of memory. An import becomes
visible only once complete; an interrupted import is removed at the next unlock. A recording
commits every chunk as it arrives, and an interrupted recording (crash, dead battery) is
finished at the next unlock with what was saved — seconds lost, not the recording.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from testimony_app.domain.model import AttachmentInfo
from testimony_app.errors import RecordNotFound, UserFacingError
from testimony_app.paths import fsync_dir
from testimony_app.storage import audit
from testimony_app.storage.database import Database

CHUNK_BYTES = 1024 * 1024
COMMIT_EVERY = 16
Progress = Callable[[int, int], None]
Clock = Callable[[], str]


def guess_kind(media_type: str) -> str:
    """A coarse kind for the annex list: audio, image, video or document."""
    major = media_type.split("/", 1)[0]
    return {"audio": "audio", "image": "photo", "video": "video"}.get(major, "document")


class AttachmentWriter:
    """Appends chunks of a recording, each committed at once."""

    def __init__(self, store: AttachmentStore, attachment_id: str, record_id: str) -> None:
        self._store = store
        self.attachment_id = attachment_id
        self._record_id = record_id
        self._seq = 0
        self._size = 0
        self._hash = hashlib.sha256()
        self._done = False

    @property
    def size(self) -> int:
        """Bytes written so far."""
        return self._size

    def write(self, data: bytes) -> None:
        """Store ``data`` as the next chunk, durably, before returning."""
        if self._done:
            raise UserFacingError("This recording is already finished.")
        if not data:
            return
        db = self._store.db
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)",
                (self.attachment_id, self._seq, bytes(data)),
            )
        self._seq += 1
        self._size += len(data)
        self._hash.update(data)

    def finish(self) -> AttachmentInfo:
        """Seal the recording: record its size and SHA-256 and make it visible."""
        self._done = True
        return self._store.finalise(
            self.attachment_id, self._record_id, self._size, self._hash.hexdigest()
        )

    def abort(self) -> None:
        """Throw the recording away (the user asked to)."""
        self._done = True
        self._store.discard(self.attachment_id)


class AttachmentStore:
    """Reads and writes attachment bytes in the vault."""

    def __init__(self, db: Database, now: Clock) -> None:
        self.db = db
        self._now = now

    def _require_record(self, record_id: str) -> None:
        if not self.db.scalar("SELECT 1 FROM records WHERE id = ?", (record_id,)):
            raise RecordNotFound("No testimony with that id is in this vault.")

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
            raise UserFacingError("The file to attach does not exist.") from None
        except OSError:
            raise UserFacingError("The file to attach cannot be read.") from None
        media_type = (
            media_type or mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        )
        attachment_id = self._begin(record_id, source.name, media_type, description, "import")
        digest = hashlib.sha256()
        done = 0
        seq = 0
        try:
            with handle:
                finished = False
                while not finished:
                    with self.db.transaction() as conn:
                        for _ in range(COMMIT_EVERY):
                            chunk = handle.read(CHUNK_BYTES)
                            if not chunk:
                                finished = True
                                break
                            conn.execute(
                                "INSERT INTO attachment_chunks (attachment_id, seq, data)"
                                " VALUES (?, ?, ?)",
                                (attachment_id, seq, chunk),
                            )
                            digest.update(chunk)
                            seq += 1
                            done += len(chunk)
                    if progress:
                        progress(done, total)
                    if cancelled and cancelled():
                        raise UserFacingError("Adding the attachment was cancelled.")
        except BaseException:
            # Best effort: on a full disk the clean-up may fail too, and the original error is
            # the one to report. An unfinished import is invisible and dropped at next unlock.
            with contextlib.suppress(UserFacingError, OSError):
                self.discard(attachment_id)
            raise
        return self.finalise(attachment_id, record_id, done, digest.hexdigest())

    def start_recording(self, record_id: str, filename: str, media_type: str) -> AttachmentWriter:
        """Begin a recording whose chunks are committed as they arrive."""
        self._require_record(record_id)
        attachment_id = self._begin(record_id, filename, media_type, "", "recording")
        return AttachmentWriter(self, attachment_id, record_id)

    def _begin(
        self, record_id: str, filename: str, media_type: str, description: str, origin: str
    ) -> str:
        attachment_id = str(uuid.uuid4())
        self.db.execute(
            "INSERT INTO attachments (id, record_id, filename, media_type, kind, description,"
            " origin, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                attachment_id,
                record_id,
                filename,
                media_type,
                guess_kind(media_type),
                description,
                origin,
                self._now(),
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

    def discard(self, attachment_id: str) -> None:
        """Remove an unfinished attachment and its chunks."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,))
            conn.execute("DELETE FROM attachments WHERE id = ? AND complete = 0", (attachment_id,))

    def recover(self) -> int:
        """Finish interrupted recordings and drop interrupted imports; return how many recovered.

        Writes nothing when nothing was interrupted, so unlocking a healthy vault never writes.
        """
        rows = self.db.query("SELECT id, record_id, origin FROM attachments WHERE complete = 0")
        recovered = 0
        for attachment_id, record_id, origin in rows:
            if origin == "recording" and self.db.scalar(
                "SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,)
            ):
                digest = hashlib.sha256()
                size = 0
                for chunk in self._chunks(attachment_id):
                    digest.update(chunk)
                    size += len(chunk)
                self.db.execute(
                    "UPDATE attachments SET description = description || ? WHERE id = ?",
                    (" (recovered after an interruption)", attachment_id),
                )
                self.finalise(attachment_id, record_id, size, digest.hexdigest())
                recovered += 1
            else:
                self.discard(attachment_id)
        return recovered

    def info(self, attachment_id: str) -> AttachmentInfo:
        """The description of a complete attachment."""
        rows = self.db.query(
            "SELECT id, filename, media_type, size, sha256, added_at, description, kind"
            " FROM attachments WHERE id = ? AND complete = 1",
            (attachment_id,),
        )
        if not rows:
            raise UserFacingError("That attachment is not in this vault.")
        return AttachmentInfo(*rows[0])

    def _chunks(self, attachment_id: str) -> Iterator[bytes]:
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

    def iter_bytes(self, attachment_id: str) -> Iterator[bytes]:
        """The attachment's bytes, chunk by chunk."""
        self.info(attachment_id)
        yield from self._chunks(attachment_id)

    def read(self, attachment_id: str, limit: int = 256 * 1024 * 1024) -> bytes:
        """The whole attachment in memory (for viewing images and short audio)."""
        info = self.info(attachment_id)
        if info.size > limit:
            raise UserFacingError("This attachment is too large to open here; save a copy instead.")
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
                raise UserFacingError("The attachment in the vault is damaged; nothing was saved.")
            os.replace(tmp, dest)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserFacingError(
                f"The attachment could not be saved there ({exc.strerror})."
            ) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(dest.parent)

    def verify_all(self) -> list[str]:
        """Re-hash every complete attachment still held; describe any whose bytes changed.

        A purged attachment keeps only its hash, so there is nothing to re-hash.
        """
        problems = []
        for attachment_id, sha256 in self.db.query(
            "SELECT id, sha256 FROM attachments WHERE complete = 1 AND purged = 0"
        ):
            digest = hashlib.sha256()
            for chunk in self._chunks(attachment_id):
                digest.update(chunk)
            if digest.hexdigest() != sha256:
                problems.append(f"Attachment {attachment_id[:8]} no longer matches its hash.")
        return problems

