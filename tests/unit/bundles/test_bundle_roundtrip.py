"""D1: a bundle we write opens with independent tools, and with our own reader."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app.bundles import (
    MemorySink,
    OrganisationKeys,
    load_age_identities,
    open_bundle,
    verify_bundle,
    write_organisation_keys,
)
from testimony_app.crypto.signing import SigningKey
from testimony_app.errors import OperationCancelled
from testkit.bundle_helpers import (
    AUDIT,
    BUNDLE_ID,
    RECORD,
    RecordingSink,
    default_members,
    export,
    snapshot,
)

REPO = Path(__file__).resolve().parents[3]
VERIFIER = REPO / "docs" / "verify_bundle.py"
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed")


def _extract_with_age(identity: Path, bundle: Path, into: Path) -> None:
    into.mkdir()
    age = subprocess.run(
        ["age", "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=age.stdout, check=True)


@pytest.mark.slow
@needs_age
def test_age_tar_sha256sum_and_standalone_verifier(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    identity, _ = write_organisation_keys(tmp_path, org)
    bundle = export(org, device, tmp_path / "bundle.age")

    listing = subprocess.run(
        f"age -d -i '{identity}' '{bundle}' | tar -tv",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    names = [line.split()[-1] for line in listing]
    assert names == ["manifest.json", "manifest.sig", "SHA256SUMS"] + [
        p for p, _ in default_members()
    ]
    assert all(line.startswith("-rw------- 0/0") for line in listing)
    assert all("1970-01-01 00:00" in line for line in listing)

    out = tmp_path / "out"
    _extract_with_age(identity, bundle, out)
    sums = subprocess.run(
        ["sha256sum", "--strict", "-c", "SHA256SUMS"],
        cwd=out,
        capture_output=True,
        text=True,
        check=True,
    )
    assert sums.stdout.count(": OK") == len(default_members())
    for path, data in default_members():
        assert (out / path).read_bytes() == data

    pinned = subprocess.run(
        [sys.executable, str(VERIFIER), str(out), "--device-key", device.public_key.to_text()],
        capture_output=True,
        text=True,
    )
    assert pinned.returncode == 0, pinned.stderr
    assert device.public_key.fingerprint in pinned.stdout
    assert BUNDLE_ID in pinned.stdout

    other = SigningKey.generate().public_key.to_text()
    wrong_key = subprocess.run(
        [sys.executable, str(VERIFIER), str(out), "--device-key", other],
        capture_output=True,
        text=True,
    )
    assert wrong_key.returncode == 1
    assert "does not verify" in wrong_key.stderr

    (out / "records/rec-1/v1/record.json").write_bytes(b'{"id":"rec-1","narrative":"EDITED"}')
    (out / "extra.txt").write_bytes(b"smuggled")
    tampered = subprocess.run(
        [sys.executable, str(VERIFIER), str(out)], capture_output=True, text=True
    )
    assert tampered.returncode == 1
    assert "record.json" in tampered.stderr
    assert "extra.txt" in tampered.stderr
    failed = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert failed.returncode != 0


@needs_age
@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_manifest_signature(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    """The documented no-Python path: OpenSSL 3 checks manifest.sig directly."""
    identity, _ = write_organisation_keys(tmp_path, org)
    bundle = export(org, device, tmp_path / "bundle.age")
    out = tmp_path / "out"
    _extract_with_age(identity, bundle, out)
    spki = bytes.fromhex("302a300506032b6570032100") + device.public_key.raw
    (tmp_path / "device.der").write_bytes(spki)
    (tmp_path / "signed.bin").write_bytes(
        b"testimony-bundle-manifest/v1\x00" + (out / "manifest.json").read_bytes()
    )
    (tmp_path / "sig.bin").write_bytes(base64.b64decode((out / "manifest.sig").read_bytes()))
    result = subprocess.run(
        [
            "openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER",
            "-inkey", "device.der", "-rawin", "-in", "signed.bin", "-sigfile", "sig.bin",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Signature Verified Successfully" in result.stdout


@needs_age
def test_age_keygen_agrees_on_our_identity_file(tmp_path: Path, org: OrganisationKeys) -> None:
    identity, _ = write_organisation_keys(tmp_path, org)
    if shutil.which("age-keygen") is None:
        pytest.skip("age-keygen is not installed")
    public = subprocess.run(
        ["age-keygen", "-y", str(identity)], capture_output=True, text=True, check=True
    )
    assert public.stdout.strip() == org.recipient


def test_reader_opens_and_reports(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    identity, _ = write_organisation_keys(tmp_path, org)
    bundle = export(org, device, tmp_path / "bundle.age")
    identities = load_age_identities(identity)

    sink = MemorySink()
    result = open_bundle(bundle, identities, trusted_device_keys=[device.public_key], sink=sink)
    assert result.bundle_id == BUNDLE_ID
    assert result.signer == device.public_key
    assert result.signer_pinned
    assert result.bundle_sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert result.bundle_size == bundle.stat().st_size
    assert result.manifest.records == (RECORD,)
    assert result.manifest.audit_head == AUDIT
    assert result.manifest.recipients == (org.recipient,)
    assert sink.members == dict(default_members())
    assert len(result.signature) == 64

    unpinned = verify_bundle(bundle, identities)
    assert not unpinned.signer_pinned
    assert unpinned.signer == device.public_key


def test_two_recipients_each_open_it(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    backup = OrganisationKeys.generate()
    bundle = export(org, device, tmp_path / "b.age", recipients=[org.recipient, backup.recipient])
    for keys in (org, backup):
        assert verify_bundle(bundle, [keys.age], trusted_device_keys=[device.public_key])


def test_progress_counts_ciphertext(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    bundle = export(org, device, tmp_path / "b.age")
    seen: list[tuple[int, int]] = []
    verify_bundle(bundle, [org.age], progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (bundle.stat().st_size, bundle.stat().st_size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_while_opening(private_tmp: Path, org: OrganisationKeys, device: SigningKey) -> None:
    bundle = export(org, device, private_tmp / "b.age", [("big.bin", b"z" * 3_000_000)])
    before = snapshot(private_tmp)
    sink = RecordingSink()
    polls = 0

    def cancelled() -> bool:
        nonlocal polls
        polls += 1
        return polls > 2

    with pytest.raises(OperationCancelled):
        open_bundle(bundle, [org.age], sink=sink, cancelled=cancelled)
    assert sink.aborted
    assert snapshot(private_tmp) == before


def test_no_code_path_uses_decrypt_file() -> None:
    """D3 static check: pyrage.decrypt_file leaves plaintext on disk when it fails."""
    source = REPO / "src" / "testimony_app"
    offenders = [
        str(path.relative_to(REPO))
        for path in source.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "decrypt_file(" in line.split("#")[0] and "``" not in line
    ]
    assert offenders == []
