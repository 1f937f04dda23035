"""Attachment files beside the vault database, each sealed under its own key.

Why files and not BLOBs: see :mod:`testimony_app.crypto.frames`. The database stays the one
source of truth: a file's random name, key and size live in its ``attachments`` row, and a
file without a row is never read. The rules that keep the two in step through any crash:

* bytes are written to ``<name>.part``, fsynced, and only then does a transaction add or
  complete the row that names them;
* after that commit the file is renamed to ``<name>.blob``; a crash in between leaves a
  ``.part`` that the row names, and the next unlock finishes the rename;
* a ``.part`` that no row names is what an interrupted or refused import left: it is removed;
* a row is deleted (or purged) before its file, with the file's name put in ``blob_trash`` in
  the same transaction, so a crash in between is finished at the next unlock.

Files are 0600 in a 0700 folder, and their modification time is set to the epoch so the
folder does not show when each recording was made.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from testimony_app.crypto import frames
from testimony_app.errors import DiskFull, UserFacingError
from testimony_app.paths import WritebackPacer, ensure_private_dir, fsync_dir
from testimony_app.storage.direct_append import DirectAppender
from testimony_app.words import Message, Verbatim

BLOB_DIR = "attachments"
PART = ".part"
FINAL = ".blob"
READ_BYTES = 1024 * 1024
# A direct writer's frames: pieces handed to it are cut at this size.
DIRECT_FRAME_BYTES = 1024 * 1024


class BlobMissing(UserFacingError):
    """An attachment's file is not in the vault's folder."""


class BlobDamaged(UserFacingError):
    """An attachment's file failed authentication: it was damaged or altered."""


@dataclass(frozen=True)
class BlobRef:
    """Where an attachment's bytes are: the file's name, its key and the content's size."""

    name: str
    key: bytes = field(repr=False)  # never in a log line or a traceback
    size: int = 0

    @classmethod
    def from_row(cls, name: str, key: bytes, size: int) -> BlobRef:
        """From the ``blob``, ``blob_key`` and ``size`` columns of an attachment's row."""
        return cls(str(name), bytes(key), int(size))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _disk_error(exc: OSError) -> UserFacingError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            "attachment.disk_full"
        )
    return UserFacingError("attachment.write_failed")


class BlobWriter:
    """Appends sealed frames to a new ``.part`` file; :meth:`finish` pads and fsyncs it.

    A ``direct`` writer (the organisation's import) seals frames straight into page-aligned
    buffers that :class:`.direct_append.DirectAppender` writes around the page cache, on a
    helper thread; it makes its file durable only at :meth:`finish` (no ``durable`` writes).
    """

    def __init__(self, store: BlobStore, *, hashing: bool = True, direct: bool = False) -> None:
        self.name = uuid.uuid4().hex
        self.key = frames.new_key()
        self._store = store
        self._cipher = frames.FrameCipher(self.key, bytes.fromhex(self.name))
        self._hash = hashlib.sha256() if hashing else None
        self._index = 0
        self._written = 0
        self._pacer: WritebackPacer | None = None
        self._appender: DirectAppender | None = None
        self.size = 0
        self._fd: int | None = None
        self.path = store.part_path(self.name)
        try:
            self._fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            if direct:
                self._appender = DirectAppender(
                    self._fd, max_piece=frames.frame_size(DIRECT_FRAME_BYTES)
                )
            else:
                self._pacer = WritebackPacer(self._fd)
            self._append(frames.header(bytes.fromhex(self.name)))
        except OSError as exc:
            self._close()
            self.path.unlink(missing_ok=True)
            raise _disk_error(exc) from None

    @property
    def sha256(self) -> str:
        """SHA-256 of the content written so far (only for a hashing writer)."""
        if self._hash is None:
            raise ValueError("this writer does not hash")
        return self._hash.hexdigest()

    def _append(self, data: bytes) -> None:
        if self._fd is None:
            raise UserFacingError("attachment.file_already_closed")
        if self._appender is not None:
            self._appender.append(data)
        else:
            _write_all(self._fd, data)
        self._written += len(data)

    def write(self, data: bytes | bytearray | memoryview, *, durable: bool = False) -> None:
        """Seal ``data`` as the next frame; with ``durable``, on disk before returning.

        ``data`` is not kept: the caller may reuse its buffer once this returns.
        """
        if not data:
            return
        if self._appender is not None:
            if durable:
                raise ValueError("a direct writer is made durable by finish()")
            self._write_direct(memoryview(data).cast("B"))
        else:
            try:
                sealed = self._cipher.seal(self._index, data)
                self._append(sealed)
                if durable and self._fd is not None:
                    os.fsync(self._fd)
                elif self._pacer is not None:
                    self._pacer.wrote(len(sealed))
            except OSError as exc:
                raise _disk_error(exc) from None
            self._index += 1
        self.size += len(data)
        if self._hash is not None:
            self._hash.update(data)

    def _write_direct(self, view: memoryview) -> None:
        """Seal ``view`` as frames of at most a MiB, each straight into the write buffer."""
        appender = self._appender
        assert appender is not None
        if self._fd is None:
            raise UserFacingError("attachment.file_already_closed")
        try:
            while view:
                piece = view[:DIRECT_FRAME_BYTES]
                size = frames.frame_size(len(piece))
                self._cipher.seal_into(self._index, piece, appender.reserve(size))
                appender.commit(size)
                self._index += 1
                self._written += size
                view = view[len(piece) :]
        except OSError as exc:
            raise _disk_error(exc) from None

    def finish(self) -> BlobRef:
        """Pad, fsync and close the file (still a ``.part``); return where its bytes are."""
        try:
            self._append_padding(frames.padded_size(self._written) - self._written)
            if self._appender is not None:
                self._appender.finish()
            if self._fd is not None:
                os.fsync(self._fd)
        except OSError as exc:
            raise _disk_error(exc) from None
        finally:
            self._close()
        _hide_time(self.path)
        return BlobRef(self.name, self.key, self.size)

    def _append_padding(self, count: int) -> None:
        """Random padding (up to an eighth of the file) in pieces of a MiB, not all at once."""
        while count > 0:
            piece = min(count, DIRECT_FRAME_BYTES)
            self._append(frames.padding(piece))
            count -= piece

    def abort(self) -> None:
        """Close and remove the unfinished file."""
        self._close()
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Close the unfinished file and keep it (a recording the next unlock recovers)."""
        self._close()

    def _close(self) -> None:
        if self._appender is not None:
            appender, self._appender = self._appender, None
            appender.close()
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


def _hide_time(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path, (0, 0))


class BlobStore:
    """The folder of attachment files of one vault database (or of its backups)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, database_path: Path) -> BlobStore:
        """The store that belongs to the database at ``database_path``."""
        return cls(database_path.parent / BLOB_DIR)

    def part_path(self, name: str) -> Path:
        """Where a file lives until the row naming it has committed."""
        return self.folder / f"{name}{PART}"

    def final_path(self, name: str) -> Path:
        """Where a file lives once the row naming it has committed."""
        return self.folder / f"{name}{FINAL}"

    def writer(self, *, hashing: bool = True, direct: bool = False) -> BlobWriter:
        """A new file to write an attachment into (``direct``: see :class:`BlobWriter`)."""
        ensure_private_dir(self.folder)
        return BlobWriter(self, hashing=hashing, direct=direct)

    def sync(self) -> None:
        """Make the folder's entries durable (before a commit names its files)."""
        if self.folder.is_dir():
            fsync_dir(self.folder)

    def publish(self, names: Iterable[str]) -> None:
        """Rename committed ``.part`` files to ``.blob`` (idempotent), then fsync the folder."""
        changed = False
        for name in names:
            part = self.part_path(name)
            if part.exists():
                os.replace(part, self.final_path(name))
                changed = True
        if changed:
            fsync_dir(self.folder)

    def remove(self, names: Iterable[str]) -> None:
        """Delete files in either state (missing ones are fine), then fsync the folder."""
        changed = False
        for name in names:
            for path in (self.part_path(name), self.final_path(name)):
                if path.exists():
                    path.unlink(missing_ok=True)
                    changed = True
        if changed:
            fsync_dir(self.folder)

    def parts(self) -> list[str]:
        """Names of files still in the ``.part`` state."""
        return self._names(PART)

    def finals(self) -> list[str]:
        """Names of files in the ``.blob`` state."""
        return self._names(FINAL)

    def _names(self, suffix: str) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.name[: -len(suffix)] for p in self.folder.glob(f"*{suffix}"))

    def exists(self, name: str) -> bool:
        """Whether the committed file is present."""
        return self.final_path(name).is_file()

    # -- reading ---------------------------------------------------------------------------

    def read(self, ref: BlobRef, *, part: bool = False) -> Iterator[bytes]:
        """The content, frame by frame, each authenticated before it is yielded."""
        path = self.part_path(ref.name) if part else self.final_path(ref.name)
        try:
            handle = path.open("rb", buffering=0)
        except FileNotFoundError:
            raise BlobMissing(
                "attachment.file_missing_restore"
            ) from None
        except OSError:
            raise BlobDamaged("attachment.file_unreadable") from None
        with handle:
            yield from _frames(handle, ref)

    def verify(
        self, ref: BlobRef, sha256: str | None = None, *, part: bool = False
    ) -> Message | None:
        """Read the whole file back; what is wrong if it is missing, damaged or differs."""
        digest = hashlib.sha256() if sha256 is not None else None
        try:
            for chunk in self.read(ref, part=part):
                if digest is not None:
                    digest.update(chunk)
        except BlobMissing:
            return Message("check.attachment_file_missing", file=Verbatim(ref.name[:8]))
        except BlobDamaged:
            return Message("check.attachment_file_damaged", file=Verbatim(ref.name[:8]))
        if digest is not None and digest.hexdigest() != sha256:
            return Message("check.attachment_file_differs", file=Verbatim(ref.name[:8]))
        return None

    def salvage(self, name: str, key: bytes) -> tuple[int, str]:
        """Keep every authentic frame of an interrupted ``.part``, pad it; return size, hash.

        A recording interrupted by a crash or a dead battery: the frames written before it are
        kept, a torn last frame (or an earlier salvage's padding) is cut off.
        """
        path = self.part_path(name)
        cipher = frames.FrameCipher(key, bytes.fromhex(name))
        digest = hashlib.sha256()
        size = 0
        good = frames.HEADER_BYTES
        with path.open("r+b") as handle:
            if handle.read(frames.HEADER_BYTES) != frames.header(bytes.fromhex(name)):
                raise BlobDamaged("attachment.recording_damaged")
            index = 0
            while True:
                prefix = handle.read(frames.LENGTH.size)
                if len(prefix) < frames.LENGTH.size:
                    break
                try:
                    sealed = handle.read(frames.frame_length(prefix))
                    plain = cipher.open(index, sealed)
                except frames.FrameDamaged:
                    break
                digest.update(plain)
                size += len(plain)
                good = handle.tell()
                index += 1
            handle.truncate(good)
            handle.seek(good)
            handle.write(frames.padding(frames.padded_size(good) - good))
            handle.flush()
            os.fsync(handle.fileno())
        _hide_time(path)
        return size, digest.hexdigest()

    def copy_into(self, other: BlobStore, ref: BlobRef) -> None:
        """Copy a committed file into ``other`` (a backup's store), verified, atomically."""
        ensure_private_dir(other.folder)
        staging = other.part_path(ref.name)
        try:
            source = self.final_path(ref.name).open("rb")
        except FileNotFoundError:
            raise BlobMissing("attachment.file_missing") from None
        try:
            with source as src:
                fd = os.open(staging, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
                with os.fdopen(fd, "wb") as dst:
                    shutil.copyfileobj(src, dst, READ_BYTES)
                    dst.flush()
                    os.fsync(dst.fileno())
            if other.verify(ref, part=True) is not None:
                raise BlobDamaged("attachment.copy_not_verified")
        except BaseException:
            staging.unlink(missing_ok=True)
            raise
        _hide_time(staging)
        os.replace(staging, other.final_path(ref.name))


def _fill(handle: BinaryIO, view: memoryview) -> int:
    """Read into ``view`` until it is full or the file ends; return how many bytes."""
    got = 0
    while got < len(view):
        n = handle.readinto(view[got:])  # type: ignore[attr-defined]
        if not n:
            break
        got += n
    return got


def _frames(handle: BinaryIO, ref: BlobRef) -> Iterator[bytes]:
    """Each frame's plaintext, authenticated, in order.

    One read per frame into a reused buffer: the frame and the length prefix of the next one
    (the file is opened unbuffered, so no second copy through Python's buffer either).
    """
    name = bytes.fromhex(ref.name)
    start = memoryview(bytearray(frames.HEADER_BYTES + frames.LENGTH.size))
    got = _fill(handle, start)
    if bytes(start[: min(got, frames.HEADER_BYTES)]) != frames.header(name):
        raise BlobDamaged("attachment.file_damaged")
    cipher = frames.FrameCipher(ref.key, name)
    prefix = bytes(start[frames.HEADER_BYTES : got])
    buffer = memoryview(bytearray(0))
    produced = 0
    index = 0
    try:
        while produced < ref.size:
            if len(prefix) < frames.LENGTH.size:
                raise frames.FrameDamaged("truncated")
            length = frames.frame_length(prefix)
            want = length + frames.LENGTH.size
            if len(buffer) < want:
                buffer = memoryview(bytearray(want))
            got = _fill(handle, buffer[:want])
            if got < length:
                raise frames.FrameDamaged("truncated")
            plain = cipher.open(index, buffer[:length])
            prefix = bytes(buffer[length:got])
            produced += len(plain)
            if produced > ref.size:
                raise frames.FrameDamaged("longer than recorded")
            index += 1
            yield plain
    except frames.FrameDamaged:
        raise BlobDamaged("attachment.file_damaged") from None
