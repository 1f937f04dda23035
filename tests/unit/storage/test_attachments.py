"""Attachments: hashed on entry, streamed both ways, recovered after a crash.

How their files are sealed, checked and settled is in ``test_blobs.py``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import ConsentMissing, UserFacingError
from testimony_app.services.vault import VaultSession, create_vault, unlock_vault
from testimony_app.storage.attachments import CHUNK_BYTES


@pytest.fixture
def record(session: VaultSession, kit: ModuleType) -> str:
    return session.testimonies.create(kit.sample_testimony())


@pytest.mark.slow
def test_sha256_matches_hashlib_and_export_round_trips(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    data = os.urandom(CHUNK_BYTES * 2 + 12345)  # three chunks, the last one short
    src = tmp_path / "Həkim arayışı — справка.pdf"
    src.write_bytes(data)
    info = session.testimonies.add_attachment(record, src, description="Tibbi arayış")
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.size == len(data)
    assert info.filename == "Həkim arayışı — справка.pdf"
    assert info.media_type == "application/pdf"
    assert info.kind == "document"
    assert b"".join(session.testimonies.iter_attachment(info.id)) == data
    assert session.testimonies.read_attachment(info.id) == data

    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    session.testimonies.export_attachment(info.id, out)
    assert out.read_bytes() == data
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert sorted(os.listdir(out.parent)) == ["copy.pdf"]  # no temp file left

    history = session.testimonies.history(record)
    assert history[-1].action == "attachment-added"
    assert history[-1].payload_sha256 == info.sha256
    assert session.check().ok


@pytest.mark.slow
def test_sealed_version_lists_attachments_with_hashes(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    src = tmp_path / "foto.jpg"
    src.write_bytes(b"\xff\xd8\xff" + os.urandom(5000))
    info = session.testimonies.add_attachment(record, src)
    session.testimonies.seal(record, backup=False)
    sealed = session.testimonies.get(record, 1)
    assert [(a.id, a.sha256) for a in sealed.attachments] == [(info.id, info.sha256)]
    assert sealed.attachments[0].kind == "photo"


@pytest.mark.slow
def test_missing_file_and_unknown_record(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    with pytest.raises(UserFacingError, match="does not exist"):
        session.testimonies.add_attachment(record, tmp_path / "yoxdur.wav")
    src = tmp_path / "a.bin"
    src.write_bytes(b"x")
    with pytest.raises(UserFacingError):
        session.testimonies.add_attachment("00000000-0000-0000-0000-000000000000", src)


@pytest.mark.slow
def test_cancelled_import_leaves_nothing(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    src = tmp_path / "big.bin"
    src.write_bytes(b"\1" * (CHUNK_BYTES * 20))
    with pytest.raises(UserFacingError, match="cancelled"):
        session.testimonies.add_attachment(record, src, cancelled=lambda: True)
    assert session.testimonies.attachments(record) == []
    db = session._vault.db
    assert db.scalar("SELECT count(*) FROM attachments") == 0
    assert db.scalar("SELECT count(*) FROM attachment_chunks") == 0


@pytest.mark.slow
def test_delete_original_after_storing(session: VaultSession, record: str, tmp_path: Path) -> None:
    src = tmp_path / "səs.ogg"
    data = os.urandom(3000)
    src.write_bytes(data)
    info = session.testimonies.add_attachment(record, src, delete_original=True)
    assert not src.exists()
    assert session.testimonies.read_attachment(info.id) == data


@pytest.mark.slow
def test_recording_needs_consent(session: VaultSession, kit: ModuleType) -> None:
    t = kit.sample_testimony()
    t.consent.audio_recording = False
    rid = session.testimonies.create(t)
    with pytest.raises(ConsentMissing):
        session.testimonies.start_recording(rid, "a.ogg", "audio/ogg")


@pytest.mark.slow
def test_recording_finishes_normally(session: VaultSession, record: str) -> None:
    writer = session.testimonies.start_recording(record, "müsahibə.ogg", "audio/ogg")
    parts = [os.urandom(1000) for _ in range(5)]
    for p in parts:
        writer.write(p)
    info = writer.finish()
    assert info.sha256 == hashlib.sha256(b"".join(parts)).hexdigest()
    assert info.kind == "audio"
    with pytest.raises(UserFacingError):
        writer.write(b"more")


# -- streaming and crashes, in child processes ------------------------------------------------


def _vault_with_record(vault_dir: Path, kit: ModuleType) -> None:
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    s.testimonies.create(kit.sample_testimony())
    s.lock()


@pytest.mark.slow
def test_300_mb_import_streams_in_bounded_memory(
    vault_dir: Path, kit: ModuleType, tmp_path: Path, record_property: object
) -> None:
    _vault_with_record(vault_dir, kit)
    src = tmp_path / "uzun-qeyd.wav"
    size = 300 * 1024 * 1024
    expected = kit.make_sparse(src, size)
    out = subprocess.run(kit.child_argv("import", vault_dir, src, "rss"), capture_output=True,
                         text=True, timeout=240, check=True)
    tag, att_id, got_size, sha, before, after, seconds = out.stdout.split()
    assert tag == "imported"
    assert int(got_size) == size
    assert sha == expected
    growth_mib = (int(after) - int(before)) / 1024
    print(f"300 MiB import: peak RSS growth {growth_mib:.1f} MiB in {seconds} s")
    assert growth_mib < 64, growth_mib  # 1 MiB chunks, 16 per transaction
    src.unlink()
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        digest = hashlib.sha256()
        for chunk in s.testimonies.iter_attachment(att_id):
            assert len(chunk) <= CHUNK_BYTES
            digest.update(chunk)
        assert digest.hexdigest() == expected
    finally:
        s.lock()


@pytest.mark.slow
def test_interrupted_import_is_removed_at_next_unlock(
    vault_dir: Path, kit: ModuleType, tmp_path: Path
) -> None:
    _vault_with_record(vault_dir, kit)
    src = tmp_path / "video.mp4"
    kit.make_sparse(src, 40 * 1024 * 1024)
    proc = subprocess.run(kit.child_argv("import", vault_dir, src, "kill"), capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == -9
    assert proc.stdout.startswith("progress")  # killed after the first 16 MiB were committed
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        db = s._vault.db
        assert db.scalar("SELECT count(*) FROM attachments") == 0
        assert db.scalar("SELECT count(*) FROM attachment_chunks") == 0
        assert list((vault_dir / "attachments").iterdir()) == []  # the torn file is gone too
        rid = s.testimonies.list()[0].id
        assert s.testimonies.attachments(rid) == []
        assert s.check().ok
    finally:
        s.lock()


@pytest.mark.slow
def test_interrupted_recording_is_recovered_with_its_chunks(
    vault_dir: Path, kit: ModuleType
) -> None:
    _vault_with_record(vault_dir, kit)
    proc = subprocess.run(kit.child_argv("record", vault_dir, 7), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == -9
    acked = [line.split() for line in proc.stdout.splitlines()]
    assert len(acked) == 7
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        rid = s.testimonies.list()[0].id
        (info,) = s.testimonies.attachments(rid)
        data = s.testimonies.read_attachment(info.id)
        assert info.size == len(data) == sum(int(a[3]) for a in acked)
        assert info.sha256 == hashlib.sha256(data).hexdigest()
        pos = 0
        for _, _, sha, length in acked:
            assert hashlib.sha256(data[pos:pos + int(length)]).hexdigest() == sha
            pos += int(length)
        assert "recovered" in info.description
        assert info.filename == "müsahibə.ogg"
        assert [p.suffix for p in (vault_dir / "attachments").iterdir()] == [".blob"]
        assert s.check().ok
    finally:
        s.lock()
    # A second unlock finds nothing more to recover and writes nothing.
    before = (vault_dir / "vault.db").read_bytes()
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    s.lock()
    assert (vault_dir / "vault.db").read_bytes() == before
