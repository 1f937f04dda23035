"""Verify-after-write: the file read back must be, chunk for chunk, the ciphertext we sealed.

The read-back authenticates every STREAM chunk again with the payload key the export made
(``age_io.recheck_written``); these tests change the written file in every way a disk, a
short-writing medium or another program could, and check that each change is caught, and
that an export whose file changed before the read-back leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from testimony_app.bundles import BundleMember, ExportFailed, OrganisationKeys, write_bundle
from testimony_app.bundles import writer as writer_module
from testimony_app.bundles.age_io import CiphertextChanged, CiphertextDigest, encrypt_stream
from testimony_app.bundles.age_stream import SEALED_CHUNK_BYTES
from testimony_app.crypto.signing import SigningKey
from testkit.bundle_helpers import AUDIT, RECORD, snapshot


class _Source:
    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readinto(self, buffer: memoryview) -> int:
        return self._data.readinto(buffer)


def _encrypt(path: Path, data: bytes, org: OrganisationKeys) -> CiphertextDigest:
    with path.open("wb") as out:
        return encrypt_stream(_Source(data), out, [org.recipient])


def _recheck(path: Path, digest: CiphertextDigest) -> None:
    assert digest.recheck is not None
    fd = os.open(path, os.O_RDONLY)
    try:
        digest.recheck(fd, None)
    finally:
        os.close(fd)


def _flip(at: int) -> Callable[[bytearray], bytearray]:
    def change(raw: bytearray) -> bytearray:
        raw[at] ^= 0x01
        return raw

    return change


SIZES = [0, 1, 64 * 1024, 1024 * 1024 + 17, 3 * 1024 * 1024]


@pytest.mark.parametrize("size", SIZES)
def test_the_file_as_written_passes_and_is_what_age_decrypts(
    size: int, tmp_path: Path, org: OrganisationKeys
) -> None:
    data = hashlib.shake_256(f"Qızıl-{size}".encode()).digest(size) if size else b""
    path = tmp_path / "b.age"
    digest = _encrypt(path, data, org)
    assert digest.size == path.stat().st_size
    assert digest.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    _recheck(path, digest)
    identity = tmp_path / "org.key"
    identity.write_text(org.age.secret_text() + "\n")
    out = subprocess.run(
        ["age", "-d", "-i", str(identity), str(path)], capture_output=True, check=True
    )
    assert out.stdout == data


def _changes(header: int, size: int) -> dict[str, Callable[[bytearray], bytearray]]:
    middle = header + 16 + SEALED_CHUNK_BYTES + 100
    return {
        "header byte": _flip(10),
        "payload nonce": _flip(header + 3),
        "middle chunk": _flip(middle),
        "last tag": _flip(size - 1),
        "one byte short": lambda raw: raw[:-1],
        "one chunk short": lambda raw: raw[: header + 16 + SEALED_CHUNK_BYTES],
        "one byte more": lambda raw: raw + b"\0",
        "two chunks swapped": lambda raw: (
            raw[: header + 16]
            + raw[header + 16 + SEALED_CHUNK_BYTES : header + 16 + 2 * SEALED_CHUNK_BYTES]
            + raw[header + 16 : header + 16 + SEALED_CHUNK_BYTES]
            + raw[header + 16 + 2 * SEALED_CHUNK_BYTES :]
        ),
        "zeroed page": lambda raw: raw[:8192] + bytes(4096) + raw[12288:],
    }


@pytest.mark.parametrize(
    "change",
    [
        "header byte",
        "payload nonce",
        "middle chunk",
        "last tag",
        "one byte short",
        "one chunk short",
        "one byte more",
        "two chunks swapped",
        "zeroed page",
    ],
)
def test_every_change_to_the_written_file_is_caught(
    change: str, tmp_path: Path, org: OrganisationKeys
) -> None:
    data = hashlib.shake_256(b"Gozlerimi").digest(3 * 1024 * 1024 + 5)
    path = tmp_path / "b.age"
    digest = _encrypt(path, data, org)
    header = path.read_bytes().index(b"\n---") + 48  # "---" line: space, 43 base64, newline
    raw = bytearray(path.read_bytes())
    path.write_bytes(bytes(_changes(header, len(raw))[change](raw)))
    with pytest.raises(CiphertextChanged):
        _recheck(path, digest)


def test_an_export_whose_file_changes_before_the_read_back_leaves_nothing(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writer_module._read_back

    def disk_goes_bad(fd: int, expected: CiphertextDigest, progress: object) -> None:
        at = expected.size - 70_000
        byte = os.pread(fd, 1, at)
        os.pwrite(fd, bytes([byte[0] ^ 0x40]), at)
        real(fd, expected, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(writer_module, "_read_back", disk_goes_bad)
    data = hashlib.shake_256(b"sas").digest(2 * 1024 * 1024)
    before = snapshot(tmp_path)
    with pytest.raises(ExportFailed, match="differs from what was written"):
        write_bundle(
            tmp_path / "b.age",
            device_id="laptop-1",
            device_key=device,
            recipients=[org.recipient],
            members=[BundleMember.from_bytes("records/r/v1/attachments/a.ogg", data)],
            records=[RECORD],
            audit_head=AUDIT,
            previous_bundle_id=None,
        )
    assert snapshot(tmp_path) == before
    assert [t for t in threading.enumerate() if t.name.startswith("bundle-")] == []
