"""Export: deterministic tar, streaming checks, and nothing left behind on any failure."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest

from testimony_app.bundles import (
    BundleMember,
    ExportFailed,
    InvalidRecipient,
    OrganisationKeys,
    neutral_bundle_name,
    verify_bundle,
    write_bundle,
)
from testimony_app.bundles.age_header import parse_header
from testimony_app.crypto.signing import SigningKey
from testimony_app.errors import DiskFull, OperationCancelled
from testkit.bundle_helpers import (
    AUDIT,
    BUNDLE_ID,
    RECORD,
    chunks_of,
    default_members,
    export,
    snapshot,
)

WHEN = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)


def _plaintext(org: OrganisationKeys, path: Path) -> bytes:
    identity = pyrage.x25519.Identity.from_str(org.age.secret_text())
    plain: bytes = pyrage.decrypt(path.read_bytes(), [identity])
    return plain


def _write(
    org: OrganisationKeys,
    device: SigningKey,
    destination: Path,
    members: list[BundleMember],
    **kw: object,
) -> None:
    params: dict[str, object] = {
        "device_id": "laptop-1",
        "device_key": device,
        "recipients": [org.recipient],
        "members": members,
        "records": [RECORD],
        "audit_head": AUDIT,
        "previous_bundle_id": None,
    }
    params.update(kw)
    write_bundle(destination, **params)  # type: ignore[arg-type]


def test_tar_is_deterministic_and_minimal(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    a = export(org, device, tmp_path / "a.age", created_at=WHEN)
    b = export(org, device, tmp_path / "b.age", created_at=WHEN)
    assert a.read_bytes() != b.read_bytes()  # fresh age file key and ephemeral shares
    tar_a, tar_b = _plaintext(org, a), _plaintext(org, b)
    assert tar_a == tar_b
    assert len(tar_a) % tarfile.RECORDSIZE == 0
    with tarfile.open(fileobj=io.BytesIO(tar_a), mode="r|") as tar:
        for info in tar:
            assert info.isreg()
            assert (info.mtime, info.uid, info.gid, info.mode) == (0, 0, 0, 0o600)
            assert (info.uname, info.gname) == ("", "")


def test_streams_members_in_chunks_and_checks_them(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    data = hashlib.shake_256(b"audio").digest(3 * 1024 * 1024 + 17)
    pulled: list[int] = []

    def chunks() -> Iterator[bytes]:
        for piece in chunks_of(data, 1 << 20):
            pulled.append(len(piece))
            yield piece

    member = BundleMember("a/audio.ogg", len(data), hashlib.sha256(data).hexdigest(), chunks)
    _write(org, device, tmp_path / "b.age", [member])
    assert pulled == [1 << 20] * 3 + [17]
    assert verify_bundle(tmp_path / "b.age", [org.age], trusted_device_keys=[device.public_key])


@pytest.mark.parametrize(
    ("actual", "word"),
    [
        (b"0123456789", "does not match"),  # same size, other bytes
        (b"0123456789+", "longer"),
        (b"012345678", "shorter"),
    ],
)
def test_member_that_differs_from_its_record_aborts(
    actual: bytes, word: str, tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    declared = b"abcdefghij"
    member = BundleMember(
        "a/file.bin", len(declared), hashlib.sha256(declared).hexdigest(), lambda: [actual]
    )
    before = snapshot(tmp_path)
    with pytest.raises(ExportFailed, match=word):
        _write(org, device, tmp_path / "b.age", [member])
    assert snapshot(tmp_path) == before


def test_cancel_leaves_nothing(tmp_path: Path, org: OrganisationKeys, device: SigningKey) -> None:
    big = hashlib.shake_256(b"x").digest(5 * 1024 * 1024)
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    before = snapshot(tmp_path)
    with pytest.raises(OperationCancelled):
        _write(
            org, device, tmp_path / "b.age", [BundleMember.from_bytes("big.bin", big)],
            cancelled=cancelled,
        )  # fmt: skip
    assert snapshot(tmp_path) == before


def test_disk_full_from_a_member_source_leaves_nothing(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    def failing() -> Iterator[bytes]:
        yield b"x" * 1000
        raise OSError(errno.ENOSPC, "No space left on device")

    member = BundleMember("f.bin", 2000, "0" * 64, failing)
    before = snapshot(tmp_path)
    with pytest.raises(DiskFull):
        _write(org, device, tmp_path / "b.age", [member])
    assert snapshot(tmp_path) == before


@pytest.mark.slow
def test_file_size_limit_mid_write_leaves_nothing(tmp_path: Path) -> None:
    """A real write failure from the OS (RLIMIT_FSIZE in a child process)."""
    script = f"""
import resource, signal, sys
from pathlib import Path
sys.path.insert(0, {str(Path(__file__).parents[2])!r})
from testkit.bundle_helpers import export
from testimony_app.bundles import ExportFailed, OrganisationKeys
from testimony_app.crypto.signing import SigningKey
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
try:
    export(OrganisationKeys.generate(), SigningKey.generate(), Path({str(tmp_path)!r}) / "b.age",
           [("big.bin", b"y" * 2_000_000)])
except ExportFailed as exc:  # the system's refusal, as one sentence (security.md C7)
    print(exc.code, exc.message.params["reason"].code)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "bundle.write_failed os.write_failed", result.stderr
    assert list(tmp_path.iterdir()) == []


def test_existing_destination_is_not_replaced(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    target = tmp_path / "b.age"
    target.write_bytes(b"the only copy of last week's bundle")
    with pytest.raises(ExportFailed, match="already exists"):
        export(org, device, target)
    assert target.read_bytes() == b"the only copy of last week's bundle"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.age"]
    export(org, device, target, overwrite=True)
    assert verify_bundle(target, [org.age])


def test_missing_folder(tmp_path: Path, org: OrganisationKeys, device: SigningKey) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        export(org, device, tmp_path / "nowhere" / "b.age")


@pytest.mark.parametrize(
    ("recipients", "word"),
    [
        ([], "No organisation recipient"),
        (["age1pq1" + "q" * 1900], "Post-quantum"),
        (["age1zz"], "typing error"),
    ],
)
def test_bad_recipients_refused(
    recipients: list[str], word: str, tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    with pytest.raises(InvalidRecipient, match=word):
        export(org, device, tmp_path / "b.age", recipients=recipients)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "path", ["manifest.json", "SHA256SUMS", "../x", "a b", "records/\u202egpj.exe"]
)
def test_bad_member_names_refused(
    path: str, tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    with pytest.raises(ExportFailed, match="manifest would be invalid"):
        export(org, device, tmp_path / "b.age", [(path, b"x")])
    assert list(tmp_path.iterdir()) == []


def test_duplicate_member_names_refused(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    with pytest.raises(ExportFailed, match="twice"):
        export(org, device, tmp_path / "b.age", [("a.json", b"1"), ("a.json", b"2")])


def test_progress_and_result(tmp_path: Path, org: OrganisationKeys, device: SigningKey) -> None:
    seen: list[tuple[int, int]] = []
    members = [BundleMember.from_bytes(p, d) for p, d in default_members()]
    target = tmp_path / neutral_bundle_name()
    written = write_bundle(
        target,
        device_id="laptop-1",
        device_key=device,
        recipients=[org.recipient],
        members=members,
        records=[RECORD],
        audit_head=AUDIT,
        previous_bundle_id=BUNDLE_ID,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert written.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert written.size == target.stat().st_size
    assert written.manifest.previous_bundle_id == BUNDLE_ID
    assert written.manifest_bytes == written.manifest.to_bytes()
    assert target.name.endswith(".age")
    assert len(target.name) == 20
    assert os.stat(target).st_mode & 0o777 == 0o600
    header = parse_header(target.read_bytes()[:4096])
    assert sum(s.type == "X25519" for s in header.stanzas) == 1
    result = verify_bundle(target, [org.age], trusted_device_keys=[device.public_key])
    assert result.bundle_sha256 == written.sha256


def test_our_headers_always_pass_the_precheck(org: OrganisationKeys) -> None:
    """pyrage adds a random grease stanza to every file: all of them must pass."""
    recipients = [pyrage.x25519.Recipient.from_str(org.recipient)]
    for _ in range(300):
        parse_header(pyrage.encrypt(b"", recipients))
