"""Use cases on testimonies: drafting, sealing, amending, searching, attachments.

The rules that belong to the work rather than to storage live here: a testimony cannot be
sealed before the witness's consent is recorded; a sealed version carries the exact list of
its attachments (with their hashes) inside its hashed content; each seal makes a backup.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from testimony_app.domain import vocabularies
from testimony_app.domain.model import (
    AttachmentInfo,
    AuditEntry,
    RecordInfo,
    SearchHit,
    Testimony,
    TestimonySummary,
    VersionInfo,
)
from testimony_app.errors import ConsentMissing, OriginalChanged, UserFacingError
from testimony_app.log import get_logger
from testimony_app.paths import file_sha256
from testimony_app.storage import audit
from testimony_app.storage.attachments import AttachmentWriter
from testimony_app.storage.vault import OpenVault
from testimony_app.words import Message

log = get_logger("services.testimonies")

#: The most hits one search returns.
MAX_SEARCH_HITS = 10_000

__all__ = ["AttachmentWriter", "OriginalChanged", "TestimonyService"]


class TestimonyService:
    """Everything the interviewer does with testimonies in an unlocked vault."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._records = vault.records
        self._attachments = vault.attachments
        #: Why the backup after the last seal failed (one sentence), or None.
        self.backup_problem: Message | None = None

    def resolve(self, record_id: str) -> str:
        """A full record id from a full id or a unique prefix."""
        return self._records.resolve(record_id)

    def create(self, testimony: Testimony | None = None) -> str:
        """Start a new draft; return its id."""
        return self._records.create(testimony or Testimony())

    def create_many(self, testimonies: builtins.list[Testimony]) -> builtins.list[str]:
        """Store several new drafts in one transaction (bulk imports)."""
        return self._records.create_many(testimonies)

    def save_draft(self, record_id: str, testimony: Testimony) -> None:
        """Autosave: store the draft if it changed. Nothing is half-written on failure."""
        testimony.attachments = self._records.attachments_of(record_id)
        self._records.save_draft(record_id, testimony)

    def get(self, record_id: str, version: int | None = None) -> Testimony:
        """A version's content; a draft lists the attachments stored so far."""
        testimony = self._records.get(record_id, version)
        info = self._records.info(record_id)
        if version is None and info.draft:
            testimony.attachments = self._records.attachments_of(record_id)
        return testimony

    def content_bytes(self, record_id: str, version: int) -> bytes:
        """The exact bytes a sealed version's SHA-256 was taken over."""
        return self._records.content_bytes(record_id, version)

    def info(self, record_id: str) -> RecordInfo:
        """Status and history of versions."""
        return self._records.info(record_id)

    def list(self) -> builtins.list[TestimonySummary]:
        """Every testimony, for the list view."""
        return self._records.list()

    def first_screen(self, limit: int) -> tuple[builtins.list[TestimonySummary], int]:
        """The first ``limit`` testimonies of the list view's first order (interview date,
        newest first, undated ones before them), and how many testimonies there are: shown
        while :meth:`list` reads the rest."""
        return self._records.first_screen(limit)

    def summary(self, record_id: str) -> TestimonySummary:
        """One testimony's list entry (its label is the pseudonym or initials, never the name)."""
        return self._records.summary(record_id)

    def search(self, query: str, limit: int = 200) -> builtins.list[SearchHit]:
        """Search every field, folded: ``meherremov`` finds ``Məhərrəmov``.

        ``limit`` is kept between 1 and :data:`MAX_SEARCH_HITS` (SQLite cannot take a number
        beyond 64 bits, and nobody reads more hits than that).
        """
        return self._records.search(query, max(1, min(int(limit), MAX_SEARCH_HITS)))

    def seal(self, record_id: str, *, backup: bool = True) -> VersionInfo:
        """Freeze the current draft as an immutable version, anchor it, then back up.

        The sealed version is moved out of the WAL into the database file and the audit head
        recorded in the key files before this returns (a lost WAL or an older copy of the
        database is then reported at unlock). If the backup after it fails, the seal stands
        and :attr:`backup_problem` says why, for the window and the command line to tell the
        person; it is ``None`` after a seal whose backup succeeded.
        """
        testimony = self._records.get(record_id)
        if not testimony.consent.is_recorded:
            raise ConsentMissing(
                "record.witness_consent_legal_proceedings"
            )
        testimony.attachments = self._records.attachments_of(record_id)
        self.backup_problem = None
        version = self._records.seal(record_id, testimony)
        problems: builtins.list[Message] = []
        try:
            self._vault.anchor_history()
        except (UserFacingError, OSError) as exc:
            # The seal is committed; the rollback check lags one seal behind.
            log.warning("the history anchor could not be recorded after sealing")
            problems.append(_problem(exc))
        if backup:
            try:
                self._vault.backup()
            except (UserFacingError, OSError) as exc:
                # The seal itself is committed; a failed backup must not undo or hide it.
                log.warning("backup after sealing failed")
                problems.append(_problem(exc))
        if problems:
            self.backup_problem = problems[-1]
        return version

    def begin_amendment(self, record_id: str, reason: str) -> int:
        """Open a new draft version after a sealed one; return its number."""
        return self._records.begin_amendment(record_id, reason)

    def amend(self, record_id: str, testimony: Testimony, reason: str) -> VersionInfo:
        """Replace a sealed testimony with a corrected version, sealed at once."""
        info = self._records.info(record_id)
        if not info.draft:
            self._records.begin_amendment(record_id, reason)
        self.save_draft(record_id, testimony)
        return self.seal(record_id)

    def add_attachment(
        self,
        record_id: str,
        source: Path,
        *,
        description: str = "",
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        delete_original: bool = False,
    ) -> AttachmentInfo:
        """Hash and store a file in the vault; optionally delete the original afterwards.

        The original is deleted only if it still is, byte for byte, what was stored: a file a
        recorder is still writing grows while it is read, and deleting it then would destroy
        what was not stored (security review F-15). Otherwise :class:`OriginalChanged` says
        so, and the stored attachment stays.
        """
        before = _identity(source)
        info = self._attachments.import_file(
            record_id, source, description=description, progress=progress, cancelled=cancelled
        )
        if delete_original:
            if before is None or _identity(source) != before or _sha256(source) != info.sha256:
                raise OriginalChanged("attachment.original_changed")
            with contextlib.suppress(OSError):
                _overwrite_and_delete(source, info.size)
        return info

    def start_recording(self, record_id: str, filename: str, media_type: str) -> AttachmentWriter:
        """Begin an audio recording whose chunks are committed as they arrive."""
        testimony = self._records.get(record_id)
        if testimony.consent.audio_recording is not True:
            raise ConsentMissing("record.witness_agreed_audio_recording")
        return self._attachments.start_recording(record_id, filename, media_type)

    def describe_attachment(
        self, attachment_id: str, *, description: str, kind: str | None = None
    ) -> AttachmentInfo:
        """Set an attachment's description and kind (a code of ``attachment_kinds``)."""
        current = self._attachments.info(attachment_id)
        chosen = kind or current.kind
        if chosen not in vocabularies.vocabulary("attachment_kinds").codes():
            raise UserFacingError("record.kind_attachment_list")
        return self._attachments.describe(attachment_id, description=description, kind=chosen)

    def remove_attachment(self, record_id: str, attachment_id: str) -> bool:
        """Take an attachment off the record's draft; True if its file was deleted.

        An attachment that a sealed version lists stays in the vault for that version (its
        statement and bundles), but no draft shows it again. The stored draft is saved again
        at once, so its content no longer names the file either.
        """
        deleted = self._attachments.remove_from_draft(record_id, attachment_id)
        self.save_draft(record_id, self._records.get(record_id))
        return deleted

    def attachments(self, record_id: str) -> builtins.list[AttachmentInfo]:
        """A record's stored attachments."""
        return self._records.attachments_of(record_id)

    def read_attachment(self, attachment_id: str) -> bytes:
        """An attachment's bytes in memory (for viewing inside the app)."""
        return self._attachments.read(attachment_id)

    def iter_attachment(self, attachment_id: str) -> Iterator[bytes]:
        """An attachment's bytes, chunk by chunk."""
        return self._attachments.iter_bytes(attachment_id)

    def attachment_info(self, attachment_id: str) -> AttachmentInfo:
        """Name, type, size and hash of an attachment."""
        return self._attachments.info(attachment_id)

    def export_attachment(self, attachment_id: str, dest: Path) -> None:
        """Save a copy of an attachment where the user chose."""
        self._attachments.export(attachment_id, dest)

    def history(self, record_id: str) -> builtins.list[AuditEntry]:
        """The audit entries of one record, oldest first."""
        return audit.entries(self._vault.db, record_id)


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """Device, inode, size and modification time of the file a path leads to."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _sha256(path: Path) -> str | None:
    try:
        return file_sha256(path)[0]
    except OSError:
        return None


def _problem(exc: BaseException) -> Message:
    """What went wrong, as a message safe to show (never a path or a traceback)."""
    if isinstance(exc, UserFacingError):
        return exc.message
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return Message("backup.disk_full")
    return Message("backup.write_failed")


def _overwrite_and_delete(path: Path, size: int) -> None:
    """Overwrite then unlink (best effort: SSDs and journaling filesystems may keep copies)."""
    with path.open("r+b") as handle:
        remaining = size
        block = b"\0" * (1024 * 1024)
        while remaining > 0:
            n = min(remaining, len(block))
            handle.write(block[:n])
            remaining -= n
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
