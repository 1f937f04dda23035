"""Helpers for the bundle tests: real keys, real age, real tar — no mocks.

Hostile bundles are built here with :mod:`tarfile` (or raw header bytes where tarfile refuses
to write the attack) and encrypted with pyrage to a test organisation, so that every test
exercises the same code path an attacker holding the organisation's *public* key could reach.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyrage
import pytest

from testimony_app.bundles import (
    AgeRejected,
    AuditHead,
    BundleMember,
    ManifestMember,
    OrganisationKeys,
    RecordRef,
    open_bundle,
    write_bundle,
)
from testimony_app.bundles.manifest import SUMS_NAME, build_manifest, render_sha256sums
from testimony_app.crypto.signing import SignatureContext, SigningKey, signature_to_text
from testimony_app.errors import BundleRejected

BUNDLE_ID = "0b6f3b1e-6f43-4c8e-9d3a-3f1f0d2c7a11"
OTHER_BUNDLE_ID = "5d1c2f7a-9b4e-4a61-8f0d-2b7c9e3a4d55"
CREATED_AT = "2026-03-04T05:06:07Z"
RECORD = RecordRef("rec-1", 1, "c" * 64)
AUDIT = AuditHead(7, "d" * 64)


def snapshot(root: Path) -> set[str]:
    """Every path below ``root`` (files and directories)."""
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@dataclass
class RecordingSink:
    """A MemberSink that remembers what happened, to prove nothing was committed."""

    events: list[str] = field(default_factory=list)
    data: dict[str, bytearray] = field(default_factory=dict)
    aborted: bool = False
    _current: str = ""

    def begin(self, member: ManifestMember) -> None:
        self.events.append(f"begin:{member.path}")
        self._current = member.path
        self.data[member.path] = bytearray()

    def write(self, data: memoryview) -> None:
        self.data[self._current] += data  # a copy: the view is valid only during the call

    def end(self, member: ManifestMember) -> None:
        self.events.append(f"end:{member.path}")

    def abort(self) -> None:
        self.aborted = True
        self.data.clear()


def default_members(big: int = 200_000) -> list[tuple[str, bytes]]:
    """A record, a PDF-ish blob and an attachment big enough to span several age chunks."""
    payload = hashlib.shake_256(b"attachment").digest(big)
    return [
        ("records/rec-1/v1/record.json", b'{"id":"rec-1","narrative":"..."}'),
        ("records/rec-1/v1/statement.pdf", b"%PDF-1.7 fake statement"),
        ("records/rec-1/v1/attachments/interview.ogg", payload),
    ]


def export(
    org: OrganisationKeys,
    device: SigningKey,
    destination: Path,
    members: Sequence[tuple[str, bytes]] | None = None,
    **kwargs: object,
) -> Path:
    """Write a real bundle with the production writer."""
    items = default_members() if members is None else members
    params: dict[str, object] = {
        "device_id": "laptop-1",
        "device_key": device,
        "recipients": [org.recipient],
        "members": [BundleMember.from_bytes(p, d) for p, d in items],
        "records": [RECORD],
        "audit_head": AUDIT,
        "previous_bundle_id": None,
        "bundle_id": BUNDLE_ID,
    }
    params.update(kwargs)
    write_bundle(destination, **params)  # type: ignore[arg-type]
    return destination


def manifest_files(
    device: SigningKey,
    recipients: Sequence[str],
    members: Sequence[tuple[str, bytes]],
    *,
    bundle_id: str = BUNDLE_ID,
    context: SignatureContext = SignatureContext.MANIFEST,
    signer: SigningKey | None = None,
) -> tuple[bytes, bytes, bytes]:
    """(manifest.json, manifest.sig, SHA256SUMS) bytes for ``members``, signed like the writer."""
    listed = [ManifestMember(p, len(d), hashlib.sha256(d).hexdigest()) for p, d in members]
    sums = render_sha256sums(listed)
    manifest = build_manifest(
        bundle_id=bundle_id,
        created_at=CREATED_AT,
        device_id="laptop-1",
        device_public_key=device.public_key,
        recipients=list(recipients),
        previous_bundle_id=None,
        audit_head=AUDIT,
        members=[ManifestMember(SUMS_NAME, len(sums), hashlib.sha256(sums).hexdigest()), *listed],
        records=[RECORD],
    )
    data = manifest.to_bytes()
    signature = (signer or device).sign(context, data)
    return data, (signature_to_text(signature) + "\n").encode(), sums


def regular(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    """A plain file entry for :func:`tar_bytes`."""
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    return info, data


def special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, bytes]:
    """A non-regular entry (symlink, hard link, device, FIFO, directory)."""
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    info.devmajor, info.devminor = 1, 3
    return info, b""


def tar_bytes(
    entries: Sequence[tuple[tarfile.TarInfo, bytes]],
    tar_format: int = tarfile.PAX_FORMAT,
    mode: str = "w",
) -> bytes:
    """A tar (possibly compressed, per ``mode``) of ``entries``, in memory."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode, format=tar_format) as tar:  # type: ignore[call-overload]
        for info, data in entries:
            tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return buffer.getvalue()


def signed_entries(
    device: SigningKey,
    org: OrganisationKeys,
    members: Sequence[tuple[str, bytes]],
    **kwargs: object,
) -> list[tuple[tarfile.TarInfo, bytes]]:
    """manifest.json, manifest.sig and SHA256SUMS entries that sign exactly ``members``."""
    manifest, signature, sums = manifest_files(device, [org.recipient], members, **kwargs)  # type: ignore[arg-type]
    return [
        regular("manifest.json", manifest),
        regular("manifest.sig", signature),
        regular(SUMS_NAME, sums),
    ]


def encrypt_to(org: OrganisationKeys, plaintext: bytes, path: Path) -> Path:
    """Encrypt ``plaintext`` to the organisation with pyrage, as any sender could."""
    path.write_bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(org.recipient)]))
    return path


def raw_header(name: bytes, size: int, kind: bytes = b"0") -> bytes:
    """A POSIX ustar header block with an arbitrary name field and a correct checksum."""
    block = bytearray(512)
    block[0 : len(name)] = name
    block[100:108] = b"0000600\x00"
    block[108:116] = b"0000000\x00"
    block[116:124] = b"0000000\x00"
    block[124:136] = b"%011o\x00" % size
    block[136:148] = b"00000000000\x00"
    block[148:156] = b" " * 8
    block[156:157] = kind
    block[257:265] = b"ustar\x0000"
    checksum = sum(block)
    block[148:156] = b"%06o\x00 " % checksum
    return bytes(block)


@dataclass
class Rejection:
    """What a rejected open looked like."""

    error: BundleRejected
    seconds: float
    sink: RecordingSink


def expect_rejected(
    bundle: Path,
    org: OrganisationKeys,
    device: SigningKey | None,
    watch: Path,
    **kwargs: object,
) -> Rejection:
    """Open ``bundle`` and assert the rejection contract.

    One plain sentence, nothing handed over as verified (the sink was aborted if it got
    anything), no file created or removed under ``watch``, and quick.
    """
    before = snapshot(watch)
    sink = RecordingSink()
    trusted = [device.public_key] if device is not None else None
    started = time.perf_counter()
    with pytest.raises(BundleRejected) as caught:
        open_bundle(bundle, [org.age], trusted_device_keys=trusted, sink=sink, **kwargs)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    message = str(caught.value)
    assert message.endswith("."), message
    assert "\n" not in message
    assert message[0].isupper()
    assert len(message) < 200, message
    assert "AGE-SECRET-KEY" not in message
    assert sink.aborted or not sink.events, sink.events
    assert not sink.data
    assert snapshot(watch) == before
    assert seconds < 5
    return Rejection(caught.value, seconds, sink)


def age_failure(rejection: Rejection) -> str | None:
    """The age failure class of a rejection, or None when the age layer passed."""
    error = rejection.error
    return error.failure.value if isinstance(error, AgeRejected) else None


def chunks_of(data: bytes, size: int) -> Iterator[bytes]:
    """``data`` in pieces of ``size`` bytes."""
    for start in range(0, len(data), size):
        yield data[start : start + size]


def write_file(path: Path, data: bytes) -> Path:
    """Write bytes and return the path (for readability in tests)."""
    path.write_bytes(data)
    return path


def file_size(path: Path) -> int:
    """Size on disk."""
    return os.stat(path).st_size
