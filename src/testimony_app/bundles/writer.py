"""Export: stream a signed, encrypted bundle to a file, or leave nothing behind.

The tar is generated lazily and pulled by our age encryption (:mod:`.age_io`, a MiB at a
time), so memory stays flat whatever the size of the attachments: each member's bytes come
from the caller's chunk iterator (the vault streams attachment files frame by frame) and go
straight to the cipher.

The tar is generated on a helper thread, at most a few pieces ahead of the cipher
(:class:`_Prefetch`). Reading an attachment out of the vault (its file read and each frame
authenticated with AES-GCM) and checking a member's SHA-256 where one is needed happen there,
mostly in C without the GIL, while the calling thread encrypts and writes and a third hashes
the ciphertext (:mod:`.digest`): on two cores they overlap instead of adding up
(docs/performance.md). During an export the helper is the only thread that pulls from the
members' chunk sources (the vault's own lock still serialises it with any other user of the
connection); ``progress`` and ``cancelled`` are called on the caller's thread only.

The manifest must name every member's size and SHA-256 *before* the members are written, so
the caller supplies them (the vault recorded both when the attachment came in). The writer
re-hashes the bytes as they stream past and aborts the whole export if a member is longer,
shorter or different from what was declared: a bundle never claims a hash its content does
not have, and a damaged attachment in the vault is noticed here, not in court. A member whose
source authenticates its bytes itself (``BundleMember.sealed``: an attachment file sealed with
AES-GCM when its hash was taken) is counted but not hashed again; a damaged file fails its
authentication tag instead, with the same result.

Where it is written (architecture.md, "The vault"; security.md §4.1):

1. a new file ``.tmp-<random>`` in the destination folder, created 0600 with ``O_EXCL`` and
   locked (``flock``) while it is written; temporaries no living process holds, left by an
   export that was killed, are deleted first;
2. ciphertext is hashed and counted while it is written; then ``fsync``;
3. read back, while the ``fsync`` runs: the size and the header on disk must be what was
   written, every encrypted chunk must authenticate again under the key it was sealed with
   (the device cannot decrypt the file key, but it still holds the payload key it made), and
   the header must pass our own pre-validator;
4. ``os.replace`` to the final name, then ``fsync`` of the folder.

Any failure — an exception, cancellation, a member mismatch, a full disk, a medium that
fails or drops bytes — removes the temporary file, and the final name is never created; a
failing medium is reported as :class:`ExportFailed` with the system's reason.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import re
import secrets
import threading
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from testimony_app.bundles import tar_stream
from testimony_app.bundles.age_header import MAX_HEADER_BYTES, parse_header
from testimony_app.bundles.age_io import (
    PROGRESS_STEP_BYTES,
    Cancelled,
    CiphertextChanged,
    CiphertextDigest,
    Progress,
    encrypt_stream,
)
from testimony_app.bundles.keys import parse_recipients
from testimony_app.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    SUMS_NAME,
    AuditHead,
    Manifest,
    ManifestInvalid,
    ManifestMember,
    RecordRef,
    build_manifest,
    render_sha256sums,
)
from testimony_app.crypto.signing import SignatureContext, SigningKey, signature_to_text
from testimony_app.errors import DiskFull, OperationCancelled, UserFacingError, os_reason
from testimony_app.paths import (
    WritebackPacer,
    fsync_dir,
    hold_temp,
    release_temp,
    sweep_stale_temps,
)

# The temporary bundle in the destination folder (see the module docstring, step 1).
_TEMP_NAME = re.compile(r"\.tmp-[0-9a-f]{16}")

if TYPE_CHECKING:
    from typing_extensions import Buffer

ChunkSource = Callable[[], Iterable[bytes]]
_CANCEL_CHECK_BYTES = 1 << 20
# Pieces (attachment chunks of 1 MiB, or whole small members) the helper may read ahead.
_PREFETCH_PIECES = 4


class ExportFailed(UserFacingError):
    """A bundle could not be written; no file was left under the destination name."""


@dataclass(frozen=True)
class BundleMember:
    """One file to put in the bundle: its name, declared size and SHA-256, and its bytes.

    ``chunks`` is called once, when the member's turn comes, and must yield ``bytes`` whose
    concatenation has exactly ``size`` bytes and SHA-256 ``sha256``. It runs on the export's
    helper thread (see the module documentation), so it must not need a lock that the thread
    calling :func:`write_bundle` holds.
    """

    path: str
    size: int
    sha256: str
    chunks: ChunkSource
    sealed: bool = False
    """The source itself authenticates every byte against ``size`` and ``sha256``: an
    attachment file sealed with AES-GCM under its own key when that hash was taken, which
    raises rather than yield a byte that was not sealed. Such a member is counted, not hashed
    again (a second SHA-256 pass of every attachment cost a second per GiB of export)."""

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> BundleMember:
        """A small member held in memory (record JSON, a statement PDF, the custody log)."""
        return cls(path, len(data), hashlib.sha256(data).hexdigest(), lambda: (data,))


@dataclass(frozen=True)
class WrittenBundle:
    """What was written: the file, its manifest and the digest a receipt will name."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    sha256: str
    size: int

    @property
    def bundle_id(self) -> str:
        """The manifest's bundle id."""
        return self.manifest.bundle_id


def neutral_bundle_name() -> str:
    """A file name that says nothing about who or what is inside (security.md §4.6)."""
    return f"{secrets.token_hex(8)}.age"


def _timestamp(moment: datetime | None) -> str:
    when = moment if moment is not None else datetime.now(UTC)
    if when.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Prefetch:
    """Runs the tar generator on a helper thread, at most ``_PREFETCH_PIECES`` pieces ahead.

    Whatever the generator raises (a member that does not match its hash, a vault error) is
    handed over in order and raised by :meth:`next` on the caller's thread. :meth:`close` stops
    the helper and waits for it, so nothing reads the vault once the export has returned.
    """

    def __init__(self, pieces: Generator[bytes, None, None]) -> None:
        self._pieces = pieces
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(_PREFETCH_PIECES)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bundle-prefetch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for piece in self._pieces:
                if not self._put(piece):
                    return
            self._put(None)
        except BaseException as exc:  # noqa: BLE001 -- raised on the caller's thread by next()
            self._put(exc)
        finally:
            self._pieces.close()

    def _put(self, item: bytes | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False

    def next(self) -> bytes | None:
        """The next piece of the tar, ``None`` at its end."""
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        """Stop reading ahead and wait for the helper to finish."""
        self._stop.set()
        while self._thread.is_alive():
            try:
                self._queue.get(timeout=0.05)
            except queue.Empty:
                continue
        self._thread.join()


class _TarSource:
    """The lazily generated tar as :func:`.age_io.encrypt_stream` pulls it."""

    def __init__(
        self,
        next_piece: Callable[[], bytes | None],
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self._next_piece = next_piece
        self._current = memoryview(b"")
        self._ended = False
        self._total = total
        self._progress = progress
        self._cancelled = cancelled
        self._next_check = 0
        self._next_progress = 0
        self.done = 0
        self.error: BaseException | None = None

    def readinto(self, buffer: memoryview) -> int:
        if self.error is not None:  # sticky: see age_io's module docstring
            raise self.error
        try:
            if self._cancelled is not None and self.done >= self._next_check:
                self._next_check = self.done + _CANCEL_CHECK_BYTES
                if self._cancelled():
                    raise OperationCancelled("The export was cancelled; no bundle was written.")
            filled = 0
            while filled < len(buffer):
                if not self._current:
                    piece = None if self._ended else self._next_piece()
                    if piece is None:
                        self._ended = True
                        break
                    self._current = memoryview(piece)
                    continue
                take = min(len(buffer) - filled, len(self._current))
                buffer[filled : filled + take] = self._current[:take]
                self._current = self._current[take:]
                filled += take
            self.done += filled
            if self._progress is not None and self.done >= self._next_progress:
                self._next_progress = self.done + PROGRESS_STEP_BYTES
                self._progress(self.done, self._total)
            return filled
        except BaseException as exc:
            self.error = exc
            raise


class _WritebackFile:
    """The bundle file as :func:`.age_io.encrypt_stream` writes it: writeback starts early.

    The kernel is asked to start writing every few MiB (:class:`testimony_app.paths.
    WritebackPacer`), so the ``fsync`` at the end waits for the last few MiB instead of the
    whole GiB (0.55 s of a 1 GiB export before).
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._pacer = WritebackPacer(handle.fileno())

    def write(self, data: Buffer) -> int:
        n = self._handle.write(data)
        # Large writes bypass the buffer, so this is nearly free; what the pacer counts has
        # then reached the operating system.
        self._handle.flush()
        self._pacer.wrote(n)
        return n

    def flush(self) -> None:
        self._handle.flush()


def _member_pieces(member: BundleMember) -> Iterator[bytes]:
    """The member's header, its bytes (checked against the declared size and hash), padding."""
    yield tar_stream.member_header(member.path, member.size)
    digest = None if member.sealed else hashlib.sha256()
    seen = 0
    for chunk in member.chunks():
        if not isinstance(chunk, bytes | bytearray | memoryview):
            raise TypeError("member chunks must be bytes")
        data = bytes(chunk)
        if not data:
            continue
        seen += len(data)
        if seen > member.size:
            raise ExportFailed("export.file_longer", file=member.path)
        if digest is not None:
            digest.update(data)
        yield data
    if seen != member.size:
        raise ExportFailed("export.file_shorter", file=member.path)
    if digest is not None and digest.hexdigest() != member.sha256:
        raise ExportFailed(
            "export.file_hash_mismatch", file=member.path
        )
    pad = tar_stream.padding(member.size)
    if pad:
        yield b"\x00" * pad


def _all_pieces(members: Sequence[BundleMember]) -> Generator[bytes, None, None]:
    body_length = 0
    for member in members:
        yield from _member_pieces(member)
        body_length += len(tar_stream.member_header(member.path, member.size))
        body_length += member.size + tar_stream.padding(member.size)
    yield tar_stream.end_of_archive(body_length)


def _is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))


def _read_back(fd: int, expected: CiphertextDigest, progress: Callable[[int, int], None]) -> None:
    """Re-read the written file; its size, header and every encrypted chunk must be ours.

    This catches a short write the OS did not report and a file changed under us: every STREAM
    chunk is authenticated again with the key it was sealed with (:func:`.age_io.
    recheck_written`), so the file on disk is exactly the ciphertext whose SHA-256 was taken as
    it was written. Its header must also pass our own pre-validator. It reads through the page
    cache, so it cannot prove the medium itself holds the bytes.
    """
    if expected.recheck is None:
        raise ValueError("only a file this process encrypted can be read back")
    try:
        expected.recheck(fd, progress)
        parse_header(os.pread(fd, MAX_HEADER_BYTES + 1, 0))
    except CiphertextChanged:
        raise ExportFailed(
            "bundle.readback_differs"
        ) from None


def _synced_read_back(
    fd: int, expected: CiphertextDigest, progress: Callable[[int, int], None]
) -> None:
    """``fsync`` the file and read it back, the two at once.

    The flush to the medium waits on the disk and the read-back authenticates from the page
    cache, so on a GiB bundle running them side by side saves most of the flush's time. Both must
    succeed; a failed flush (a full disk can first show here) is raised before a read-back
    mismatch.
    """
    failure: list[BaseException] = []

    def flush() -> None:
        try:
            os.fsync(fd)
        except BaseException as exc:  # noqa: BLE001 -- raised on the caller's thread below
            failure.append(exc)

    syncer = threading.Thread(target=flush, name="bundle-fsync", daemon=True)
    syncer.start()
    try:
        _read_back(fd, expected, progress)
    finally:
        syncer.join()
        if failure:
            raise failure[0]


def write_bundle(
    destination: Path,
    *,
    device_id: str,
    device_key: SigningKey,
    recipients: Sequence[str],
    members: Sequence[BundleMember],
    records: Sequence[RecordRef],
    audit_head: AuditHead,
    previous_bundle_id: str | None,
    bundle_id: str | None = None,
    created_at: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    overwrite: bool = False,
) -> WrittenBundle:
    """Write a bundle to ``destination`` and return what was written.

    ``members`` are the content files in tar order (``manifest.json``, ``manifest.sig`` and
    ``SHA256SUMS`` are added by the writer and may not be given). ``progress(done, total)``
    is called with byte counts: the first half of ``total`` is writing, the second half the
    read-back check. ``cancelled()`` is polled about once per MiB.

    Raises :class:`InvalidRecipient` for a bad recipient list, :class:`ExportFailed` for an
    unusable member list, a member whose bytes differ from its declared size or hash, or an
    existing destination (unless ``overwrite``), :class:`DiskFull` when space runs out, and
    :class:`OperationCancelled` when cancelled. In every failure case nothing is left behind.
    """
    checked_recipients = parse_recipients(recipients)
    directory = destination.parent
    if not directory.is_dir():
        raise ExportFailed("bundle.folder_missing")
    if not overwrite and os.path.lexists(destination):
        raise ExportFailed("bundle.file_name_already_exists")

    sums_members = [ManifestMember(m.path, m.size, m.sha256) for m in members]
    sums_bytes = render_sha256sums(sums_members)
    sums = BundleMember.from_bytes(SUMS_NAME, sums_bytes)
    listed = [ManifestMember(sums.path, sums.size, sums.sha256), *sums_members]
    try:
        manifest = build_manifest(
            bundle_id=bundle_id if bundle_id is not None else str(uuid.uuid4()),
            created_at=_timestamp(created_at),
            device_id=device_id,
            device_public_key=device_key.public_key,
            recipients=checked_recipients,
            previous_bundle_id=previous_bundle_id,
            audit_head=audit_head,
            members=listed,
            records=records,
        )
    except ManifestInvalid as exc:
        raise ExportFailed("export.manifest_invalid", detail=exc.message) from None
    manifest_bytes = manifest.to_bytes()
    signature = device_key.sign(SignatureContext.MANIFEST, manifest_bytes)
    signature_bytes = (signature_to_text(signature) + "\n").encode("ascii")

    tar_members = [
        BundleMember.from_bytes(MANIFEST_NAME, manifest_bytes),
        BundleMember.from_bytes(SIGNATURE_NAME, signature_bytes),
        sums,
        *members,
    ]
    tar_length = tar_stream.archive_length([(m.path, m.size) for m in tar_members])
    total = 2 * tar_length

    def readback_progress(done: int, size: int) -> None:
        if progress is not None:
            progress(tar_length + min(tar_length, done * tar_length // max(1, size)), total)

    # Temporaries that an export killed mid-way left here are removed first (F-17).
    sweep_stale_temps(directory, _TEMP_NAME)
    tmp = directory / f".tmp-{secrets.token_hex(8)}"
    flags = (
        os.O_RDWR
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(tmp, flags, 0o600)
    except OSError as exc:
        if _is_disk_full(exc):
            raise DiskFull("bundle.disk_full") from None
        raise ExportFailed("bundle.folder_not_writable") from None
    holder = hold_temp(fd)  # kept until the file has its final name
    try:
        with os.fdopen(fd, "w+b", closefd=True) as handle:
            prefetch = _Prefetch(_all_pieces(tar_members))
            try:
                source = _TarSource(prefetch.next, total, progress, cancelled)
                written = encrypt_stream(source, _WritebackFile(handle), checked_recipients)
            finally:
                prefetch.close()
            if source.done != tar_length:
                raise ExportFailed("bundle.archive_length_unexpected")
            handle.flush()
            _synced_read_back(handle.fileno(), written, readback_progress)
            if cancelled is not None and cancelled():
                raise OperationCancelled("The export was cancelled; no bundle was written.")
        os.replace(tmp, destination)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if _is_disk_full(exc):
            raise DiskFull("bundle.disk_full") from None
        if isinstance(exc, OSError):
            # A medium that fails (EIO from a dying stick, a rename refused): one sentence,
            # not a crash report; nothing was left under either name (security.md C7).
            raise ExportFailed("bundle.write_failed", reason=os_reason(exc)) from None
        raise
    finally:
        release_temp(holder)
    fsync_dir(directory)
    if progress is not None:
        progress(total, total)
    return WrittenBundle(
        destination, manifest, manifest_bytes, signature, written.sha256, written.size
    )
