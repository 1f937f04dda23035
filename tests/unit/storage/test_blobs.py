"""Attachment files beside the database: sealed, padded, private, and settled after any crash.

Everything here goes through a real vault (SQLCipher file, real AES-GCM files in tmp_path).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app import words
from testimony_app.crypto import frames
from testimony_app.errors import UserFacingError
from testimony_app.services.vault import (
    VaultSession,
    create_vault,
    restore_backup,
    unlock_vault,
)
from testimony_app.storage.attachments import CHUNK_BYTES
from testimony_app.storage.blobs import BlobRef, BlobStore
from testimony_app.storage.vault import list_backups

CANARY = "Kanareyka-Qızıl-Канарейка-".encode()


@pytest.fixture
def record(session: VaultSession, kit: ModuleType) -> str:
    return session.testimonies.create(kit.sample_testimony())


def _files(vault_dir: Path, suffix: str = ".blob") -> list[Path]:
    folder = vault_dir / "attachments"
    return sorted(folder.glob(f"*{suffix}")) if folder.is_dir() else []


def _add(session: VaultSession, record: str, tmp_path: Path, data: bytes, name: str) -> str:
    src = tmp_path / name
    src.write_bytes(data)
    return session.testimonies.add_attachment(record, src).id


# -- the frame format ----------------------------------------------------------------------


def test_padme_rounds_up_by_at_most_twelve_percent() -> None:
    previous = 0
    sizes = sorted({*range(0, 5000), *(2**k + d for k in range(12, 34) for d in (-1, 0, 1, 9))})
    for size in sizes:
        padded = frames.padded_size(size)
        assert padded >= size
        assert padded >= previous  # monotone: a longer file never looks shorter
        previous = padded
        if size >= 256:
            assert padded - size <= size * 0.12, size
    # Sizes that differ by a little look the same.
    assert frames.padded_size(1_000_000_000) == frames.padded_size(1_000_000_001)


def test_frames_open_only_in_their_place_in_their_file() -> None:
    key, name, other = frames.new_key(), os.urandom(16), os.urandom(16)
    cipher = frames.FrameCipher(key, name)
    sealed = cipher.seal(3, "Gözlərimi bağladılar".encode())
    body = sealed[frames.LENGTH.size :]
    assert frames.frame_length(sealed[: frames.LENGTH.size]) == len(body)
    assert cipher.open(3, body) == "Gözlərimi bağladılar".encode()
    with pytest.raises(frames.FrameDamaged):
        cipher.open(4, body)  # moved to another position
    with pytest.raises(frames.FrameDamaged):
        frames.FrameCipher(key, other).open(3, body)  # moved into another file
    with pytest.raises(frames.FrameDamaged):
        frames.FrameCipher(frames.new_key(), name).open(3, body)


# -- at rest -------------------------------------------------------------------------------


@pytest.mark.slow
def test_attachment_file_is_sealed_padded_private_and_undated(
    session: VaultSession, record: str, vault_dir: Path, tmp_path: Path
) -> None:
    data = CANARY * 50_000 + os.urandom(777)
    att = _add(session, record, tmp_path, data, "səs-yazısı.ogg")
    (path,) = _files(vault_dir)
    raw = path.read_bytes()
    for needle in (CANARY, "Qızıl".encode("utf-16-le"), data[:64], "səs-yazısı".encode()):
        assert needle not in raw
    assert not _files(vault_dir, ".part")
    frames_count = -(-len(data) // CHUNK_BYTES)
    unpadded = frames.HEADER_BYTES + len(data) + frames_count * (4 + frames.TAG_BYTES)
    assert len(raw) == frames.padded_size(unpadded) > unpadded
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.stat().st_mtime == 0  # the folder does not date each recording
    assert session.testimonies.read_attachment(att) == data
    ref = session._vault.attachments.ref(att)
    assert ref is not None
    assert ref.key.hex() not in repr(ref)
    assert str(ref.key) not in repr(ref)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["flip", "truncate", "swap", "delete"])
def test_a_damaged_or_missing_file_is_reported_and_never_released(
    session: VaultSession, record: str, vault_dir: Path, tmp_path: Path, damage: str
) -> None:
    first = _add(session, record, tmp_path, os.urandom(CHUNK_BYTES + 5000), "a.wav")
    _add(session, record, tmp_path, os.urandom(CHUNK_BYTES + 5000), "b.wav")
    name = session._vault.attachments.ref(first).name  # type: ignore[union-attr]
    path = vault_dir / "attachments" / f"{name}.blob"
    other = next(p for p in _files(vault_dir) if p != path)
    if damage == "flip":
        raw = bytearray(path.read_bytes())
        raw[CHUNK_BYTES // 2] ^= 0x01
        path.write_bytes(bytes(raw))
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: CHUNK_BYTES + 100])
    elif damage == "swap":
        shutil.copyfile(other, path)
    else:
        path.unlink()
    problems = session.check().problems
    expected = "is missing" if damage == "delete" else "damaged or was altered"
    assert any(name[:8] in str(p) and expected in str(p) for p in problems), problems
    # One attachment, one subject: "Attachment X: its file Y …" (it read "Attachment X: The
    # file of attachment Y …", two ids for one attachment), in the reader's language too.
    said = {lang: [words.text(p, lang) for p in problems] for lang in ("en", "az", "ru")}
    gone = damage == "delete"
    assert f"Attachment {first[:8]}: its file {name[:8]} " + (
        "is missing." if gone else "is damaged or was altered."
    ) in said["en"], said
    assert f"{first[:8]} əlavəsi: onun {name[:8]} faylı " + (
        "yoxdur." if gone else "zədələnib və ya dəyişdirilib."
    ) in said["az"], said
    assert f"Вложение {first[:8]}: его файл {name[:8]} " + (
        "отсутствует." if gone else "повреждён или изменён."
    ) in said["ru"], said
    with pytest.raises(UserFacingError) as caught:
        session.testimonies.read_attachment(first)
    assert "\n" not in str(caught.value)
    out = tmp_path / "out.wav"
    with pytest.raises(UserFacingError):
        session.testimonies.export_attachment(first, out)
    assert not out.exists()
    assert list(tmp_path.glob(".out.wav*")) == []


# -- crashes between the file and the row ---------------------------------------------------


@pytest.mark.slow
def test_unlock_settles_every_state_a_crash_can_leave(
    session: VaultSession, record: str, vault_dir: Path, tmp_path: Path, kit: ModuleType
) -> None:
    kept = _add(session, record, tmp_path, os.urandom(3000), "kept.jpg")
    renamed = _add(session, record, tmp_path, os.urandom(3000), "renamed.jpg")
    store: BlobStore = session._vault.attachments.blobs
    renamed_ref = session._vault.attachments.ref(renamed)
    assert renamed_ref is not None
    # 1. Committed, but the crash came before the rename.
    os.replace(store.final_path(renamed_ref.name), store.part_path(renamed_ref.name))
    # 2. A file an import was writing when it died: no row names it.
    orphan = store.writer()
    orphan.write(CANARY)
    orphan.finish()
    # 3. A row deleted, the crash before its file was.
    doomed = store.writer()
    doomed.write(CANARY)
    doomed.finish()
    store.publish([doomed.name])
    session._vault.db.execute("INSERT INTO blob_trash (name) VALUES (?)", (doomed.name,))
    session.lock()

    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        assert not _files(vault_dir, ".part")
        names = {p.name for p in _files(vault_dir)}
        assert names == {f"{renamed_ref.name}.blob", f"{s._vault.attachments.ref(kept).name}.blob"}  # type: ignore[union-attr]
        assert s._vault.db.scalar("SELECT count(*) FROM blob_trash") == 0
        assert len(s.testimonies.read_attachment(renamed)) == 3000
        assert s.check().ok, s.check().problems
    finally:
        s.lock()
    # Settled: the next unlock writes nothing.
    before = (vault_dir / "vault.db").read_bytes()
    unlock_vault(vault_dir, kit.PASSPHRASE).lock()
    assert (vault_dir / "vault.db").read_bytes() == before


@pytest.mark.slow
def test_a_recording_torn_mid_frame_keeps_every_whole_frame(
    session: VaultSession, record: str, vault_dir: Path, kit: ModuleType
) -> None:
    writer = session.testimonies.start_recording(record, "müsahibə.ogg", "audio/ogg")
    pieces = [os.urandom(4000 + i) for i in range(5)]
    for piece in pieces:
        writer.write(piece)
    session.lock()  # the laptop dies: no finish
    (part,) = _files(vault_dir, ".part")
    with part.open("ab") as handle:  # half of a sixth frame reached the disk
        handle.write(os.urandom(1500))
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        (info,) = s.testimonies.attachments(record)
        data = s.testimonies.read_attachment(info.id)
        assert data == b"".join(pieces)
        assert info.sha256 == hashlib.sha256(data).hexdigest()
        assert "recovered" in info.description
        assert not _files(vault_dir, ".part")
        assert s.check().ok
    finally:
        s.lock()


# -- backups and restore ---------------------------------------------------------------------


@pytest.mark.slow
def test_backups_hold_one_copy_of_each_file_and_restore_brings_a_lost_one_back(
    vault_dir: Path, kit: ModuleType, tmp_path: Path
) -> None:
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    record = s.testimonies.create(kit.sample_testimony())
    data = os.urandom(2 * CHUNK_BYTES + 99)
    att = _add(s, record, tmp_path, data, "qeyd.wav")
    s.backup()
    s.backup()
    s.backup()
    assert len(list_backups(vault_dir)) == 3
    copies = sorted((vault_dir / "backups" / "attachments").iterdir())
    assert [p.name for p in copies] == [p.name for p in _files(vault_dir)]  # once, not 3×
    s.lock()

    # The laptop's copy of the file is lost: a restore brings it back from the backups.
    (live,) = _files(vault_dir)
    live.unlink()
    restore_backup(vault_dir, list_backups(vault_dir)[0], kit.PASSPHRASE)
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        assert s.testimonies.read_attachment(att) == data
        assert s.check().ok, s.check().problems
    finally:
        s.lock()


@pytest.mark.slow
def test_a_backup_counts_the_files_it_could_not_copy(
    session: VaultSession, record: str, vault_dir: Path, tmp_path: Path
) -> None:
    _add(session, record, tmp_path, os.urandom(5000), "a.jpg")
    lost = _add(session, record, tmp_path, os.urandom(5000), "b.jpg")
    session.backup()
    assert session.backup_missing_files == 0
    ref = session._vault.attachments.ref(lost)
    assert ref is not None
    shutil.rmtree(vault_dir / "backups")
    (vault_dir / "attachments" / f"{ref.name}.blob").unlink()
    session.backup()
    assert session.backup_missing_files == 1
    assert len(list((vault_dir / "backups" / "attachments").iterdir())) == 1


@pytest.mark.slow
def test_rotation_drops_backup_copies_no_backup_names(
    session: VaultSession, record: str, vault_dir: Path, tmp_path: Path
) -> None:
    _add(session, record, tmp_path, os.urandom(5000), "a.jpg")
    session.backup()
    store = BlobStore(vault_dir / "backups" / "attachments")
    stale = store.writer()
    stale.write(b"from a backup rotated away long ago")
    stale_ref = stale.finish()
    store.publish([stale_ref.name])
    session.backup()
    assert stale_ref.name not in store.finals()
    assert len(store.finals()) == 1


@pytest.mark.slow
def test_a_vault_from_before_schema_6_has_its_chunks_moved_into_files(
    session: VaultSession, record: str, vault_dir: Path, tmp_path: Path, kit: ModuleType
) -> None:
    data = os.urandom(CHUNK_BYTES + 4321)
    att = _add(session, record, tmp_path, data, "köhnə.pdf")
    db = session._vault.db
    ref = session._vault.attachments.ref(att)
    assert ref is not None
    # Put the attachment back the way schema 5 kept it: chunk rows, no file.
    with db.transaction() as conn:
        conn.execute("DROP TRIGGER attachments_blob_immutable")
        for seq, start in enumerate(range(0, len(data), CHUNK_BYTES)):
            conn.execute(
                "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)",
                (att, seq, data[start : start + CHUNK_BYTES]),
            )
        conn.execute("UPDATE attachments SET blob = NULL, blob_key = NULL")
    session._vault.attachments.blobs.remove([ref.name])
    assert session.testimonies.read_attachment(att) == data  # still readable from chunks
    session.lock()

    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        moved = s._vault.attachments.ref(att)
        assert isinstance(moved, BlobRef)
        assert s._vault.db.scalar("SELECT count(*) FROM attachment_chunks") == 0
        assert [p.name for p in _files(vault_dir)] == [f"{moved.name}.blob"]
        assert s.testimonies.read_attachment(att) == data
        assert s.check().ok, s.check().problems
    finally:
        s.lock()


@pytest.mark.slow
def test_locking_stops_a_recording_and_the_next_unlock_recovers_it(
    vault_dir: Path, kit: ModuleType
) -> None:
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    record = s.testimonies.create(kit.sample_testimony())
    writer = s.testimonies.start_recording(record, "müsahibə.wav", "audio/wav")
    before = [os.urandom(3000) for _ in range(3)]
    for piece in before:
        writer.write(piece)
    s.lock()
    with pytest.raises(UserFacingError, match="locked") as caught:
        writer.write(b"after the lock: never stored")
    assert "\n" not in str(caught.value)
    with pytest.raises(UserFacingError):
        writer.finish()
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        (info,) = s.testimonies.attachments(record)
        assert s.testimonies.read_attachment(info.id) == b"".join(before)
    finally:
        s.lock()
