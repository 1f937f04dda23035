"""Streaming age encryption and decryption through pyrage, and nothing else of pyrage.

Decryption always goes through :func:`decrypt_stream`:

1. the caller has already checked the file size against its cap (before reading anything);
2. the first bytes are read into memory and checked by our header pre-validator
   (:mod:`.age_header`); pyrage is then fed *exactly those bytes* followed by the rest of the
   file, so what pyrage parses is what we checked even if the file changes underneath us;
3. ``pyrage.decrypt_io`` pushes plaintext, chunk by chunk, into the caller's ``sink``.

pyrage authenticates every 64 KiB STREAM chunk before releasing it, but truncation and
trailing garbage are only detected at the end of the file. So everything the sink receives is
*provisional* until this function returns without raising; callers must stage, never commit,
before that (CCTV "payload failure" rule). ``pyrage.decrypt_file`` is never used: on a
truncated file it leaves released plaintext on disk (security.md §2.6). Plaintext never
touches the disk here: the sink decides what happens to it.

pyrage's own errors arrive as strings; :func:`_classify` maps them to the CCTV failure
classes and to one plain sentence for the user. Exceptions raised by our own callbacks
(cancellation, a sink rejecting the content) are re-raised unchanged.

pyrage calls a writer's ``write`` again after it has raised (seen with pyrage 1.4.0: the
failed write is retried once before the error surfaces). So every callback object here is
*sticky*: after its first failure it re-raises that same exception at once, without touching
the sink or the file again. Otherwise a sink could be handed bytes it had already refused,
and the error the user sees would be a confusing second one.

pyrage moves data 8 KiB at a time through these callbacks (64 KiB when it writes ciphertext).
A chain of Python calls per 8 KiB (reader, tar walker, hashes, sink) cost about as much as the
cipher itself (docs/performance.md), so both directions are batched: pyrage reads from a C
``io.BufferedReader`` that calls our Python reader once per :data:`PULL_BYTES`, and released
plaintext is collected and handed to the sink in pieces of :data:`RELEASE_BYTES`. On success
every released byte reaches the sink before :func:`decrypt_stream` returns; on a payload
failure the bytes pyrage had released still reach it before the failure is raised, exactly as
if they had been passed on one by one.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

import pyrage

from testimony_app.bundles.age_header import (
    MAX_HEADER_BYTES,
    AgeFailure,
    AgeHeader,
    AgeRejected,
    parse_header,
)
from testimony_app.errors import OperationCancelled

if TYPE_CHECKING:
    from typing_extensions import Buffer

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_CANCEL_CHECK_BYTES = 1 << 20
PROGRESS_STEP_BYTES = 1 << 20  # progress is reported at most once per MiB, and at the end
PULL_BYTES = 1 << 20  # what our readers are asked for at a time (pyrage itself asks for 8 KiB)
RELEASE_BYTES = 1 << 20  # plaintext is handed to the sink in pieces of about this size

_MESSAGES = {
    AgeFailure.HEADER: "The bundle's encryption header is malformed.",
    AgeFailure.NO_MATCH: "The bundle was not encrypted to this organisation's key.",
    AgeFailure.HMAC: "The bundle's encryption header was altered or damaged.",
    AgeFailure.PAYLOAD: "The bundle's encrypted content is damaged, truncated or was altered.",
}


class PlaintextSink(Protocol):
    """Where decrypted bytes go, as they are released (provisionally: see the module doc).

    Each piece is a fresh object that this module never touches again, so the sink may keep it.
    """

    def __call__(self, data: bytes | bytearray) -> None:
        """Take the next plaintext bytes; raise to stop decryption."""


@dataclass(frozen=True)
class CiphertextDigest:
    """Size and SHA-256 of every ciphertext byte that was read or written."""

    size: int
    sha256: str


def _classify(error: BaseException) -> AgeFailure:
    """Map a pyrage error to the CCTV failure class it corresponds to.

    ``DecryptError`` covers the header phase (parse, key unwrapping, MAC, nonce); any
    ``OSError`` raised by pyrage comes from the STREAM payload reader.
    """
    text = str(error)
    if isinstance(error, pyrage.DecryptError):
        if "No matching keys" in text:
            return AgeFailure.NO_MATCH
        if "MAC" in text:
            return AgeFailure.HMAC
        return AgeFailure.HEADER
    return AgeFailure.PAYLOAD


class _ReplayReader:
    """Gives pyrage the checked header bytes, then the rest of the file, up to ``limit``.

    It hashes every byte handed out (the bundle's SHA-256 is what a receipt names), reports
    progress, and polls for cancellation once per MiB. pyrage reads it through
    :func:`_buffered`, so :meth:`readinto` is called about once per :data:`PULL_BYTES`.
    """

    def __init__(
        self,
        prefix: bytes,
        source: io.BufferedIOBase,
        limit: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self._prefix = prefix
        self._source = source
        self._limit = limit
        self._progress = progress
        self._cancelled = cancelled
        self._next_check = 0
        self._next_progress = 0
        self.hash = hashlib.sha256()
        self.done = 0
        self.error: BaseException | None = None

    def readinto(self, buffer: memoryview) -> int:
        if self.error is not None:
            raise self.error
        try:
            if self._cancelled is not None and self.done >= self._next_check:
                self._next_check = self.done + _CANCEL_CHECK_BYTES
                if self._cancelled():
                    raise OperationCancelled("Opening the bundle was cancelled.")
            want = min(self._limit - self.done, len(buffer))
            if want <= 0:
                return 0
            if self.done < len(self._prefix):
                piece = self._prefix[self.done : self.done + want]
                got = len(piece)
                buffer[:got] = piece
            else:
                got = self._source.readinto(buffer[:want])
            self.done += got
            self.hash.update(buffer[:got])
            if self._progress is not None and (
                self.done >= self._next_progress or self.done == self._limit
            ):
                self._next_progress = self.done + PROGRESS_STEP_BYTES
                self._progress(self.done, self._limit)
            return got
        except BaseException as exc:
            self.error = exc
            raise


class _SinkWriter:
    """The writable object pyrage pushes plaintext into; remembers the first failure.

    pyrage writes 8 KiB at a time; the bytes are collected and handed to the sink about
    :data:`RELEASE_BYTES` at a time (see the module documentation).
    """

    def __init__(self, sink: PlaintextSink) -> None:
        self._sink = sink
        self._pending = bytearray()
        self.error: BaseException | None = None
        self.released = 0

    def write(self, data: Buffer) -> int:
        if self.error is not None:
            raise self.error
        self._pending += data
        if len(self._pending) >= RELEASE_BYTES:
            error = self.pass_on()
            if error is not None:
                raise error
        return memoryview(data).nbytes

    def pass_on(self) -> BaseException | None:
        """Hand the collected bytes to the sink; return (and keep) what it raised, if anything."""
        if self.error is None and self._pending:
            piece, self._pending = self._pending, bytearray()
            try:
                self._sink(piece)
            except BaseException as exc:  # noqa: BLE001 -- kept, and raised by the caller
                self.error = exc
            else:
                self.released += len(piece)
        return self.error

    def flush(self) -> None:
        """pyrage may flush; what is collected is passed on at the end (see the module doc)."""


class _RawReader(io.RawIOBase):
    """Lets a C ``io.BufferedReader`` (which pyrage reads 8 KiB at a time) pull from us."""

    def __init__(self, target: PlaintextSource | _ReplayReader) -> None:
        super().__init__()
        self._target = target

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Buffer) -> int:
        return self._target.readinto(memoryview(buffer))


def _buffered(target: PlaintextSource | _ReplayReader) -> io.BufferedReader:
    return io.BufferedReader(_RawReader(target), PULL_BYTES)


def read_header_prefix(source: io.BufferedIOBase, size: int) -> bytes:
    """Read the bytes the header pre-check looks at (never more than the header cap)."""
    want = min(size, MAX_HEADER_BYTES + 1)
    chunks: list[bytes] = []
    got = 0
    while got < want:
        piece = source.read(want - got)
        if not piece:
            break
        chunks.append(piece)
        got += len(piece)
    return b"".join(chunks)


def decrypt_stream(
    source: io.BufferedIOBase,
    size: int,
    identities: Sequence[Any],
    sink: PlaintextSink,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    allow_unknown_stanzas: bool = False,
) -> tuple[AgeHeader, CiphertextDigest]:
    """Pre-check the header, then decrypt ``size`` bytes of ``source`` into ``sink``.

    ``source`` is positioned at the start of the age file and ``size`` is its length, already
    checked against the caller's cap. ``identities`` are pyrage identity objects. Returns the
    parsed header and the digest of the ciphertext; raises :class:`AgeRejected` for anything
    wrong with the age layer, and re-raises whatever ``sink``, ``progress`` or ``cancelled``
    raised. Returning normally is the only signal that all released plaintext is authentic.
    """
    prefix = read_header_prefix(source, size)
    header = parse_header(prefix, allow_unknown_stanzas=allow_unknown_stanzas)
    reader = _ReplayReader(prefix, source, size, progress, cancelled)
    writer = _SinkWriter(sink)
    try:
        pyrage.decrypt_io(_buffered(reader), writer, list(identities))
        writer.pass_on()
    except BaseException as exc:
        failure: AgeFailure | None = None
        if (
            reader.error is None
            and writer.error is None
            and isinstance(exc, pyrage.DecryptError | OSError)
        ):
            failure = _classify(exc)
            # The sink gets what pyrage released before it failed, as it would have without
            # batching; a sink that refuses those bytes reports first, as it would have too.
            writer.pass_on()
        own = writer.error or reader.error
        if own is not None:
            raise own from None
        if failure is not None:
            raise AgeRejected(_MESSAGES[failure], failure) from None
        raise
    if writer.error is not None:
        raise writer.error
    if reader.done != size or source.read(1):
        # pyrage stopped early, or the file grew while we read it: either way what we
        # authenticated is not the file that was measured.
        raise AgeRejected("The bundle file changed while it was being read.", AgeFailure.PAYLOAD)
    return header, CiphertextDigest(reader.done, reader.hash.hexdigest())


class _HashingWriter:
    """Passes ciphertext to ``out`` while counting and hashing it, for the read-back check."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.hash = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None

    def write(self, data: bytes) -> int:
        if self.error is not None:
            raise self.error
        try:
            view = memoryview(data)
            written = 0
            while written < len(view):
                n = self._out.write(view[written:])
                written += len(view) - written if n is None else n
        except BaseException as exc:
            self.error = exc
            raise
        self.hash.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self._out.flush()


class PlaintextSource(Protocol):
    """What :func:`encrypt_stream` pulls plaintext from; it records its own failure."""

    error: BaseException | None

    def readinto(self, buffer: memoryview) -> int:
        """Fill the start of ``buffer``; return how many bytes, 0 only at the end."""


def check_recipients_usable(recipients: Sequence[str]) -> list[Any]:
    """Turn recipient strings (already validated by :mod:`.keys`) into pyrage objects."""
    try:
        return [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    except pyrage.RecipientError:
        raise AgeRejected(
            "An organisation recipient is not a valid age key.", AgeFailure.HEADER
        ) from None


def encrypt_stream(
    source: PlaintextSource, out: BinaryIO, recipients: Sequence[str]
) -> CiphertextDigest:
    """Encrypt everything ``source`` yields to ``recipients`` into ``out``; stream, never buffer.

    pyrage wraps exceptions raised inside our reader and writer in ``EncryptError``; we keep
    the original (cancellation, a member that does not match its hash, a full disk) and
    re-raise it, so the caller sees what actually happened.
    """
    parsed = check_recipients_usable(recipients)
    writer = _HashingWriter(out)
    try:
        pyrage.encrypt_io(_buffered(source), writer, parsed)
    except BaseException as exc:
        own = source.error or writer.error
        if own is not None:
            raise own from None
        raise exc
    return CiphertextDigest(writer.size, writer.hash.hexdigest())
