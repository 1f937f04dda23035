"""Hostile bundles at the organisation's import (security.md §5 D2–D8), through the service.

Every case must be refused with one plain sentence, add **zero rows** to the organisation's
vault (every table counted before and after), leave **no new file** anywhere under the test's
folders (the process's temp dir included), and finish quickly.
"""

from __future__ import annotations

import base64
import hashlib
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest

from testimony_app.bundles import (
    AgeFailure,
    AgeRejected,
    AuditHead,
    BundleMember,
    RecordRef,
    age_io,
    write_bundle,
)
from testimony_app.crypto.signing import SigningKey
from testimony_app.errors import BundleRejected, OperationCancelled
from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)

pytestmark = pytest.mark.slow  # each test builds two vaults and a signed bundle first (2-4 s)


@dataclass
class Scene:
    """A device, the organisation's vault that already imported one bundle from it, and a
    second genuine bundle to tamper with."""

    root: Path
    org: organisation.OrgKeygenResult
    device: VaultSession
    org_vault: VaultSession
    bundle: Path
    record_id: str

    def attempt(self, bundle: Path, **kwargs: Any) -> BundleRejected:
        """Import ``bundle`` and check the refusal contract; return the error."""
        before_rows = S.table_counts(self.org_vault)
        before_files = S.names_under(self.root)
        started = time.perf_counter()
        with pytest.raises(BundleRejected) as caught:
            organisation.import_bundle(self.org_vault, bundle, self.org.paths[0], **kwargs)
        elapsed = time.perf_counter() - started
        S.one_sentence(str(caught.value))
        assert S.table_counts(self.org_vault) == before_rows
        assert S.names_under(self.root) == before_files
        assert elapsed < 10
        assert self.org_vault.check().ok
        return caught.value

    def variant(self, name: str, data: bytes) -> Path:
        path = self.root / "bundles" / name
        path.write_bytes(data)
        return path


@pytest.fixture
def scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Scene]:
    scratch = tmp_path / "system-tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "bundles").mkdir()
    org = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.enrol(device, org)
    S.register(org_vault, device)
    recording = tmp_path / "recording.ogg"
    recording.write_bytes(hashlib.shake_256(b"voice").digest(2_500_000))
    t = S.azerbaijani("a")
    rid = S.sealed(device, t, recording)
    first = device.bundles.export(tmp_path / "bundles" / "first.age")
    organisation.import_bundle(org_vault, first.path, org.paths[0])
    t.narrative.text += "\n\nƏlavə: ikinci gün də döydülər."
    device.testimonies.begin_amendment(rid, "əlavə")
    recording.write_bytes(hashlib.shake_256(b"second voice").digest(2_500_000))
    device.testimonies.add_attachment(rid, recording)
    device.testimonies.save_draft(rid, t)
    device.testimonies.seal(rid, backup=False)
    second = device.bundles.export(tmp_path / "bundles" / "second.age")
    yield Scene(tmp_path, org, device, org_vault, second.path, rid)
    device.lock()
    org_vault.lock()


def _header_end(data: bytes) -> int:
    mac = data.index(b"\n--- ")
    return data.index(b"\n", mac + 1) + 1


# -- D2: a flipped byte anywhere --------------------------------------------------------------


REGIONS: dict[str, Callable[[bytes], int]] = {
    "version line": lambda d: 5,
    "stanza argument": lambda d: d.index(b"-> X25519 ") + 14,
    "stanza body": lambda d: d.index(b"\n", d.index(b"-> X25519 ")) + 5,
    "header MAC": lambda d: d.index(b"\n--- ") + 8,
    "payload nonce": lambda d: _header_end(d) + 3,
    "first chunk": lambda d: _header_end(d) + 16 + 500,
    "middle chunk": lambda d: len(d) // 2,
    "last tag": lambda d: len(d) - 3,
}


@pytest.mark.parametrize("region", list(REGIONS))
def test_flipped_byte_is_refused_and_nothing_committed(scene: Scene, region: str) -> None:
    data = bytearray(scene.bundle.read_bytes())
    data[REGIONS[region](bytes(data))] ^= 0xFF
    error = scene.attempt(scene.variant(f"flip-{region}.age", bytes(data)))
    assert isinstance(error, AgeRejected)


# -- D3: truncation and trailing garbage -----------------------------------------------------------


@pytest.mark.parametrize(
    "cut",
    ["final chunk", "mid chunk", "header only", "half the header", "trailing garbage"],
)
def test_truncated_or_extended_bundle_is_refused(scene: Scene, cut: str) -> None:
    data = scene.bundle.read_bytes()
    changed = {
        "final chunk": data[:-100],
        "mid chunk": data[: len(data) // 2 + 7],
        "header only": data[: _header_end(data)],
        "half the header": data[: _header_end(data) // 2],
        "trailing garbage": data + b"\x00garbage after the final chunk",
    }[cut]
    scene.attempt(scene.variant(f"{cut}.age", changed))


# -- D4: forgery ---------------------------------------------------------------------------------


def _impostor(scene: Scene, *, registered: bool) -> Path:
    """A bundle from another laptop that claims the genuine laptop's device id."""
    impostor = S.new_vault(scene.root / f"impostor-{registered}")
    try:
        impostor.bundles.vault.set_meta("device_id", scene.device.meta("device_id") or "")
        S.enrol(impostor, scene.org)
        if registered:
            S.register(scene.org_vault, impostor, "a colleague's laptop")
        S.sealed(impostor, S.english("forged"))
        return impostor.bundles.export(scene.root / "bundles" / f"forged-{registered}.age").path
    finally:
        impostor.lock()


def test_unregistered_signer_is_refused_at_its_signature(scene: Scene) -> None:
    forged = _impostor(scene, registered=False)
    error = scene.attempt(forged)
    assert "not registered" in str(error)
    report = scene.org_vault.bundles.organisation.verify(forged, scene.org.paths[0])
    assert not report.ok
    assert report.pin_status == "not registered"


def test_registered_signer_claiming_another_device_id_is_refused(scene: Scene) -> None:
    forged = _impostor(scene, registered=True)
    error = scene.attempt(forged)
    assert "different key" in str(error)
    # Verification says the same, and exits "not ok".
    report = scene.org_vault.bundles.organisation.verify(forged, scene.org.paths[0])
    assert not report.ok
    assert report.pin_status == "different key"


def _device_key(scene: Scene) -> SigningKey:
    secret = scene.device.meta("device_signing_key")
    assert secret is not None
    return SigningKey.from_private_bytes(base64.b64decode(secret))


def _signed_by_device(
    scene: Scene, name: str, members: list[BundleMember], records: list[RecordRef]
) -> Path:
    """A bundle properly encrypted *and* signed by the pinned device, with crafted content:
    what a compromised laptop could send."""
    path = scene.root / "bundles" / name
    write_bundle(
        path,
        device_id=scene.device.meta("device_id") or "",
        device_key=_device_key(scene),
        recipients=[scene.org.recipient],
        members=members,
        records=records,
        audit_head=AuditHead(1, "0" * 64),
        previous_bundle_id=None,
    )
    return path


def _custody(scene: Scene, records: list[RecordRef], redacted: bool = False) -> BundleMember:
    import json

    doc = {
        "format": "testimony-custody/v1",
        "device_id": scene.device.meta("device_id"),
        "records": [
            {
                "id": r.id,
                "version": r.version,
                "content_sha256": r.content_sha256,
                "redacted": redacted,
                "sealed_at": "2026-01-01T00:00:00Z",
                "reason": "",
                "attachments": [],
            }
            for r in records
        ],
        "entries": [],
    }
    return BundleMember.from_bytes("custody.json", json.dumps(doc).encode())


def test_signed_bundle_with_content_other_than_sealed_is_refused(scene: Scene) -> None:
    rid = scene.record_id
    sealed = scene.device.testimonies.content_bytes(rid, 1)
    ref = RecordRef(rid, 7, hashlib.sha256(sealed).hexdigest())
    tampered = sealed.replace("Tərtərdə".encode(), "Bakıda".encode())
    members = [BundleMember.from_bytes(f"records/{rid}/v7/record.json", tampered)]
    path = _signed_by_device(scene, "swapped.age", [*members, _custody(scene, [ref])], [ref])
    assert "does not match the hash" in str(scene.attempt(path))
    # Claiming a redaction does not help when the record allows the name to appear.
    path = _signed_by_device(
        scene, "fake-redaction.age", [*members, _custody(scene, [ref], redacted=True)], [ref]
    )
    assert "does not match the hash" in str(scene.attempt(path))


def test_signed_bundle_with_a_foreign_member_or_no_custody_log_is_refused(scene: Scene) -> None:
    rid = scene.record_id
    sealed = scene.device.testimonies.content_bytes(rid, 1)
    ref = RecordRef(rid, 1, hashlib.sha256(sealed).hexdigest())
    record = BundleMember.from_bytes(f"records/{rid}/v1/record.json", sealed)
    extra = BundleMember.from_bytes("notes.txt", b"not part of the format")
    path = _signed_by_device(scene, "foreign.age", [record, extra, _custody(scene, [ref])], [ref])
    assert "not part of the bundle format" in str(scene.attempt(path))
    path = _signed_by_device(scene, "no-custody.age", [record], [ref])
    assert "custody log" in str(scene.attempt(path))
    misnamed = BundleMember.from_bytes(f"records/{rid}/v1/attachments/{'0' * 64}", b"bytes")
    path = _signed_by_device(
        scene, "misnamed.age", [record, misnamed, _custody(scene, [ref])], [ref]
    )
    assert "named by a hash" in str(scene.attempt(path))


# -- D8: size cap, hostile header, cancellation ---------------------------------------------------


def _no_key_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the file key is ever unwrapped (what runs, not how long it takes: a
    wall-time bound fails on a loaded machine)."""

    def refused(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("the bundle reached key work")

    monkeypatch.setattr(age_io, "unwrap_file_key", refused)


def test_bundle_over_the_size_cap_is_refused_before_decryption(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = scene.bundle.stat().st_size
    _no_key_work(monkeypatch)
    error = scene.attempt(scene.bundle, max_size=size - 1)
    assert isinstance(error, AgeRejected)
    assert error.failure is AgeFailure.TOO_LARGE


def test_passphrase_bundle_with_a_huge_work_factor_is_refused_at_once(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = pyrage.passphrase.encrypt(b"payload", "password")
    header = data[: data.index(b"\n--- ")]
    hostile = header.replace(b" 18\n", b" 30\n") if b" 18\n" in header else header
    path = scene.variant("scrypt.age", hostile + data[len(header) :])
    _no_key_work(monkeypatch)
    error = scene.attempt(path)
    assert isinstance(error, AgeRejected)
    assert error.failure is AgeFailure.HEADER


def test_cancelled_import_commits_nothing(scene: Scene) -> None:
    before_rows = S.table_counts(scene.org_vault)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(OperationCancelled):
        organisation.import_bundle(
            scene.org_vault, scene.bundle, scene.org.paths[0], cancelled=cancelled
        )
    assert S.table_counts(scene.org_vault) == before_rows


def test_the_genuine_bundle_still_imports_after_all_that(scene: Scene) -> None:
    report = organisation.import_bundle(scene.org_vault, scene.bundle, scene.org.paths[0])
    assert [(v.version, v.outcome) for v in report.versions] == [(2, "added")]
    assert report.attachments_added == 1
    assert report.warnings == ()
    assert scene.org_vault.check().ok
