"""Import side: verify a bundle with the organisation's identity, in one streaming pass.

Order of checks (security.md §4.7), each failure one sentence in :class:`BundleRejected`:

1. the file is a regular file no larger than the cap — checked from ``fstat`` before reading;
2. our strict age header pre-check (:mod:`.age_header`): scrypt, armor, unknown stanzas and
   malformed headers are refused before any key work;
3. :func:`.age_io.decrypt_stream` streams plaintext into the tar walker (:mod:`.tar_stream`);
   nothing is written to disk and memory stays bounded (the manifest, at most 16 MiB, is the
   largest thing held);
4. the first member must be ``manifest.json`` and the second ``manifest.sig``; the signature
   is verified — against the pinned device keys if the caller gives any, else against the key
   the manifest names, which is then reported — *before* the manifest is parsed for anything
   else; the organisation must be among the manifest's recipients (a bundle made for someone
   else and re-encrypted is refused);
5. every further member must be the next one the manifest lists, with the listed size, and its
   SHA-256 must match once its last byte has passed; ``SHA256SUMS`` must be exactly what the
   manifest implies; no member may be missing and none may be extra;
6. the archive must end cleanly, and the age payload must authenticate to its final chunk.

Member bytes are handed to the caller's :class:`MemberSink` as they stream past, because a
bundle can hold gigabytes of audio. **They are provisional until :func:`open_bundle`
returns**: age only detects truncation at the very end. The importer stages them (in the
encrypted vault) and commits only after ``open_bundle`` returned a :class:`VerifiedBundle`;
if it raises, the sink's ``abort`` is called and everything staged must be dropped.

A large member's bytes are hashed and given to the sink on a helper thread (a :class:`.digest.
Lane`), beside the decryption: the views it gets are the decryption's own buffers, which
:func:`open_bundle` does not let the decryption reuse before the lane is done with them.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import deque
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from testimony_app.bundles.age_header import AgeFailure, AgeRejected
from testimony_app.bundles.age_io import PLAINTEXT_RING, Cancelled, Progress, decrypt_stream
from testimony_app.bundles.digest import Lane
from testimony_app.bundles.keys import AgeIdentity
from testimony_app.bundles.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_PATH_CHARS,
    SIGNATURE_NAME,
    SUMS_NAME,
    Manifest,
    ManifestMember,
    declared_device_key,
    parse_manifest,
    render_sha256sums,
)
from testimony_app.bundles.tar_stream import TarEvents, TarWalker
from testimony_app.crypto.signing import (
    PublicKey,
    SignatureContext,
    SignatureInvalid,
    signature_from_text,
)
from testimony_app.errors import BundleRejected
from testimony_app.words import Size

DEFAULT_MAX_BUNDLE_SIZE = 8 * 1024**3
_SIGNATURE_FILE_BYTES = 89  # 88 base64 characters and a newline
_MAX_SUMS_BYTES = MAX_MEMBERS * (64 + 2 + MAX_PATH_CHARS + 1)
_BACKGROUND_HASH_BYTES = 4 * 1024 * 1024


class UnknownDevice(BundleRejected):
    """The bundle was signed, validly, by a key that is not among the trusted device keys.

    ``signer`` is the key the manifest names and whose signature verified, so that the
    organisation can show its fingerprint (to register it, or to keep the bundle aside):
    it is *not* trusted.
    """

    def __init__(self, message: str, signer: PublicKey) -> None:
        super().__init__(message)
        self.signer = signer


class MemberSink(Protocol):
    """Receives the content members of a bundle while it is verified.

    For each member: ``begin``, zero or more ``write``, then ``end`` once its size and SHA-256
    matched the signed manifest. ``abort`` is called once if verification fails at any point
    after the first ``begin``: discard everything received. Only a normal return of
    :func:`open_bundle` makes the received bytes trustworthy.

    ``write`` gets a view of the reader's buffers, valid only during the call: a sink copies
    what it keeps. For a large member ``write`` runs on the reader's helper thread; the calls
    of one sink never overlap, and ``begin``, ``end`` and ``abort`` run on the caller's thread
    when no ``write`` is running.
    """

    def begin(self, member: ManifestMember) -> None:
        """A member starts."""

    def write(self, data: memoryview) -> None:
        """The next bytes of the current member (valid only during the call)."""

    def end(self, member: ManifestMember) -> None:
        """The current member is complete and matched its manifest entry."""

    def abort(self) -> None:
        """Verification failed: drop everything received so far."""


class DiscardingSink:
    """Verify only: member bytes are hashed by the reader and then dropped."""

    def begin(self, member: ManifestMember) -> None:
        """Nothing to prepare."""

    def write(self, data: memoryview) -> None:
        """Drop the bytes."""

    def end(self, member: ManifestMember) -> None:
        """Nothing to finish."""

    def abort(self) -> None:
        """Nothing to drop."""


class MemorySink:
    """Collect members in memory, up to ``limit`` bytes in total (small bundles and tests)."""

    def __init__(self, limit: int = 64 * 1024 * 1024) -> None:
        """Refuse bundles whose content exceeds ``limit`` bytes."""
        self._limit = limit
        self._total = 0
        self._current: list[bytes] = []
        self._pending: dict[str, bytes] = {}
        self.members: dict[str, bytes] = {}

    def begin(self, member: ManifestMember) -> None:
        """Start collecting a member."""
        self._current = []

    def write(self, data: memoryview) -> None:
        """Keep (a copy of) the bytes, within the limit."""
        self._total += len(data)
        if self._total > self._limit:
            raise BundleRejected("bundle.content_too_large")
        self._current.append(bytes(data))

    def end(self, member: ManifestMember) -> None:
        """Keep the finished member aside until the whole bundle is verified."""
        self._pending[member.path] = b"".join(self._current)
        self._current = []

    def abort(self) -> None:
        """Forget everything."""
        self._current = []
        self._pending.clear()
        self.members.clear()

    def commit(self) -> None:
        """Called by :func:`open_bundle` after full verification: expose the members."""
        self.members = dict(self._pending)
        self._pending.clear()


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check. ``signer_pinned`` is False when no key was pinned:
    the signature then only proves that the holder of ``signer`` made it, and a person must
    compare ``signer.fingerprint`` with the device's before trusting it."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    signer: PublicKey
    signer_pinned: bool
    bundle_sha256: str
    bundle_size: int

    @property
    def bundle_id(self) -> str:
        """The manifest's bundle id."""
        return self.manifest.bundle_id


class _BundleEvents(TarEvents):
    """Applies the bundle's rules to what the tar walker reports."""

    def __init__(
        self,
        sink: MemberSink,
        trusted_keys: Collection[PublicKey] | None,
        our_recipients: frozenset[str],
    ) -> None:
        self._sink = sink
        self._trusted = trusted_keys
        self._our_recipients = our_recipients
        self._index = -1
        self._path = ""
        self._buffer: list[bytes] | None = None
        self._hash: Any = hashlib.sha256()
        self._lane: Lane | None = None  # started by the first large member
        self._on_lane = False
        self._marks: deque[int] = deque()
        self._member: ManifestMember | None = None
        self._manifest_bytes: bytes | None = None
        self.manifest: Manifest | None = None
        self.signature: bytes | None = None
        self.signer: PublicKey | None = None
        self.sink_started = False
        self.complete = False

    def member_start(self, index: int, path: str, size: int) -> None:
        self._index, self._path = index, path
        # A large content member (a recording) is hashed and written on the lane, beside the
        # decryption (0.6 s of CPU per GiB each); small ones inline, where a hand-over would
        # cost more than it saves. The previous member's lane work ended in member_end.
        self._hash = hashlib.sha256()
        self._on_lane = index >= 2 and path != SUMS_NAME and size >= _BACKGROUND_HASH_BYTES
        if self._on_lane and self._lane is None:
            self._lane = Lane("bundle-members")
        self._buffer = None
        self._member = None
        if index == 0:
            if path != MANIFEST_NAME:
                raise BundleRejected("bundle.manifest_not_first")
            if size > MAX_MANIFEST_BYTES:
                raise BundleRejected("bundle.manifest_too_large")
            self._buffer = []
            return
        if index == 1:
            if path != SIGNATURE_NAME:
                raise BundleRejected("bundle.manifest_signature_missing")
            if size != _SIGNATURE_FILE_BYTES:
                raise BundleRejected("bundle.manifest_signature_malformed")
            self._buffer = []
            return
        manifest = self.manifest
        assert manifest is not None  # set when member 1 ended
        position = index - 2
        if position >= len(manifest.members):
            raise BundleRejected("bundle.member_not_listed")
        expected = manifest.members[position]
        if path != expected.path:
            if manifest.member(path) is not None:
                raise BundleRejected(
                    "bundle.members_out_of_order"
                )
            raise BundleRejected("bundle.member_not_listed")
        if size != expected.size:
            raise BundleRejected("bundle.member_size_mismatch", member=path)
        self._member = expected
        if path == SUMS_NAME:
            if size > _MAX_SUMS_BYTES:
                raise BundleRejected("bundle.sha256sums_too_large")
            self._buffer = []
        else:
            self.sink_started = True
            self._sink.begin(expected)

    def close(self) -> None:
        """Stop the helper thread once its queued work is done (at the end, or on failure:
        before the sink is aborted)."""
        if self._lane is not None:
            self._lane.close()

    def piece_done(self) -> None:
        """The walker has taken one piece of plaintext; return once the decryption may reuse
        the buffer it will fill next (see :class:`.age_io.PlaintextSink`).

        That buffer held the piece ``PLAINTEXT_RING - 1`` pieces before this one: the lane must
        be done with every view of it, i.e. with what was submitted up to the end of it.
        """
        if self._lane is None:
            return
        self._marks.append(self._lane.submitted)
        if len(self._marks) > PLAINTEXT_RING - 1:
            self._lane.wait(self._marks.popleft())

    def member_data(self, data: memoryview) -> None:
        if self._on_lane:
            assert self._lane is not None
            self._lane.submit(self._consume, self._hash, data)
            return
        self._hash.update(data)
        if self._buffer is not None:
            self._buffer.append(bytes(data))
        else:
            self._sink.write(data)

    def _consume(self, digest: Any, data: memoryview) -> None:
        """On the lane: hash a piece of a large member and give it to the sink."""
        digest.update(data)
        self._sink.write(data)

    def member_end(self) -> None:
        if self._on_lane:
            assert self._lane is not None
            self._lane.drain()  # raises what the sink raised on the lane
        if self._index == 0:
            assert self._buffer is not None
            self._manifest_bytes = b"".join(self._buffer)
        elif self._index == 1:
            assert self._buffer is not None
            self._verify_manifest(b"".join(self._buffer))
        else:
            member = self._member
            assert member is not None
            if self._hash.hexdigest() != member.sha256:
                raise BundleRejected("bundle.member_hash_mismatch", member=member.path)
            if member.path == SUMS_NAME:
                assert self._buffer is not None
                assert self.manifest is not None
                if b"".join(self._buffer) != render_sha256sums(self.manifest.members):
                    raise BundleRejected("bundle.sha256sums_mismatch")
            else:
                self._sink.end(member)
        self._buffer = None

    def _verify_manifest(self, signature_file: bytes) -> None:
        manifest_bytes = self._manifest_bytes
        assert manifest_bytes is not None
        try:
            text = signature_file.decode("ascii")
            if not text.endswith("\n"):
                raise SignatureInvalid("bundle.manifest_signature_malformed")
            signature = signature_from_text(text[:-1])
        except (UnicodeDecodeError, SignatureInvalid):
            raise BundleRejected("bundle.manifest_signature_malformed") from None
        signer: PublicKey | None = None
        if self._trusted is not None:
            # Pinned: check the signature before reading a single field of the manifest.
            for key in self._trusted:
                try:
                    key.verify(SignatureContext.MANIFEST, manifest_bytes, signature)
                except SignatureInvalid:
                    continue
                signer = key
                break
            if signer is None:
                self._refuse_unknown(manifest_bytes, signature)
        else:
            signer = declared_device_key(manifest_bytes)
            try:
                signer.verify(SignatureContext.MANIFEST, manifest_bytes, signature)
            except SignatureInvalid:
                raise BundleRejected(
                    "bundle.manifest_signature_invalid"
                ) from None
        manifest = parse_manifest(manifest_bytes)
        if manifest.device_public_key != signer:
            raise BundleRejected(
                "bundle.manifest_other_signer"
            )
        if not self._our_recipients.intersection(manifest.recipients):
            raise BundleRejected(
                "bundle.not_for_this_organisation"
            )
        self.manifest, self.signature, self.signer = manifest, signature, signer

    @staticmethod
    def _refuse_unknown(manifest_bytes: bytes, signature: bytes) -> None:
        """No trusted key signed it: say whose key did, if the signature is valid at all.

        The manifest is read only for the key it names (the same bounded reading as for an
        untrusted verification), and nothing else of the bundle is read.
        """
        try:
            declared = declared_device_key(manifest_bytes)
            declared.verify(SignatureContext.MANIFEST, manifest_bytes, signature)
        except (BundleRejected, SignatureInvalid):
            raise BundleRejected(
                "bundle.untrusted_device"
            ) from None
        raise UnknownDevice(
            "bundle.untrusted_device", declared
        )

    def archive_end(self) -> None:
        if self._manifest_bytes is None:
            raise BundleRejected("bundle.manifest_missing")
        if self.manifest is None:
            raise BundleRejected("bundle.manifest_signature_missing")
        missing = len(self.manifest.members) - (self._index - 1)
        if missing > 0:
            raise BundleRejected("bundle.members_missing", count=missing)
        self.complete = True

    @property
    def manifest_bytes(self) -> bytes:
        assert self._manifest_bytes is not None
        return self._manifest_bytes


def _open_regular(path: Path, max_size: int) -> tuple[int, int]:
    """Open ``path`` read-only; it must be a regular file within the size cap."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        raise BundleRejected("bundle.file_unopenable") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BundleRejected("bundle.not_regular_file")
        if info.st_size > max_size:
            raise AgeRejected("bundle.too_large", AgeFailure.TOO_LARGE, limit=Size(max_size))
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def open_bundle(
    path: Path,
    identities: Sequence[AgeIdentity],
    *,
    trusted_device_keys: Collection[PublicKey] | None = None,
    sink: MemberSink | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> VerifiedBundle:
    """Verify the bundle at ``path`` completely, streaming its content members into ``sink``.

    ``identities`` are the organisation's age identities. ``trusted_device_keys``, if given,
    are the registered device keys: the manifest must be signed by one of them, else the
    reading stops at the signature with :class:`UnknownDevice` (an empty collection trusts
    no device). If ``None``, the
    signature is checked against the key the manifest names and the result says so
    (``signer_pinned=False``). ``progress(done, total)`` counts ciphertext bytes;
    ``cancelled()`` is polled about once per MiB and raises :class:`OperationCancelled`.

    Raises :class:`BundleRejected` (or its subclass :class:`AgeRejected`) with one sentence
    for anything wrong. On any exception the sink's ``abort`` is called.
    """
    if not identities:
        raise BundleRejected("bundle.no_identity")
    target = sink if sink is not None else DiscardingSink()
    events = _BundleEvents(target, trusted_device_keys, frozenset(i.recipient for i in identities))
    walker = TarWalker(events, max_members=MAX_MEMBERS + 2)

    def take(piece: memoryview) -> None:
        walker.feed(piece)
        events.piece_done()

    try:
        fd, size = _open_regular(path, max_size)
    except BaseException:
        events.close()
        raise
    try:
        with os.fdopen(fd, "rb", closefd=True) as handle:
            _, digest = decrypt_stream(
                handle,
                size,
                identities,
                take,
                progress=progress,
                cancelled=cancelled,
            )
        walker.close()
        if not events.complete:
            raise BundleRejected("bundle.archive_incomplete")
    except BaseException:
        events.close()
        if events.sink_started:
            target.abort()
        raise
    events.close()
    manifest, signature, signer = events.manifest, events.signature, events.signer
    assert manifest is not None
    assert signature is not None
    assert signer is not None
    if isinstance(target, MemorySink):
        target.commit()
    return VerifiedBundle(
        manifest=manifest,
        manifest_bytes=events.manifest_bytes,
        signature=signature,
        signer=signer,
        signer_pinned=trusted_device_keys is not None,
        bundle_sha256=digest.sha256,
        bundle_size=digest.size,
    )


def verify_bundle(
    path: Path,
    identities: Sequence[AgeIdentity],
    *,
    trusted_device_keys: Collection[PublicKey] | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> VerifiedBundle:
    """Check a bundle completely without keeping any of its content."""
    return open_bundle(
        path,
        identities,
        trusted_device_keys=trusted_device_keys,
        sink=DiscardingSink(),
        max_size=max_size,
        progress=progress,
        cancelled=cancelled,
    )
