"""Attachment files written around the page cache (the import's writer, issue 19).

The writer reuses a few page-aligned buffers and writes them on a helper thread: a buffer
reused too early, a tail written twice or lost, or a fallback that changes the offset would
corrupt the file, so every test compares whole files byte for byte.
"""

from __future__ import annotations

import errno
import hashlib
import os
import threading
from pathlib import Path

import pytest

from testimony_app.crypto import frames
from testimony_app.errors import DiskFull
from testimony_app.storage import direct_append
from testimony_app.storage.blobs import DIRECT_FRAME_BYTES, BlobDamaged, BlobRef, BlobStore
from testimony_app.storage.direct_append import ALIGN, WRITE_BYTES, DirectAppender

HAS_DIRECT = hasattr(os, "O_DIRECT")


def _data(size: int, seed: bytes = b"d") -> bytes:
    return hashlib.shake_256(seed).digest(size)


def _pieces(data: bytes, sizes: list[int]) -> list[memoryview]:
    """``data`` cut into pieces of the given sizes, in turn, up to its end."""
    view = memoryview(data)
    out: list[memoryview] = []
    turn = 0
    while view:
        size = sizes[turn % len(sizes)]
        out.append(view[:size])
        view = view[size:]
        turn += 1
    return out


def _append_file(path: Path, data: bytes, sizes: list[int], *, direct: bool = True) -> int:
    """Write ``data`` through an appender in pieces, one reused buffer per piece (as the
    import hands over views of its reused buffers); return how many bytes went direct."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    appender = DirectAppender(fd, direct=direct)
    scratch = bytearray(appender.max_piece)
    try:
        for piece in _pieces(data, sizes):
            if len(piece) > appender.max_piece:
                appender.append(piece)
                continue
            scratch[: len(piece)] = piece
            target = appender.reserve(len(piece))
            target[:] = memoryview(scratch)[: len(piece)]
            scratch[: len(piece)] = bytes(len(piece))  # the caller reuses its buffer at once
            appender.commit(len(piece))
        appender.finish()
        os.fsync(fd)
        return appender.direct_bytes
    finally:
        appender.close()
        os.close(fd)


@pytest.mark.parametrize(
    ("size", "sizes"),
    [
        (0, [1]),
        (1, [1]),
        (ALIGN, [ALIGN]),
        (3 * WRITE_BYTES + 12345, [1024 * 1024 + 20]),  # the import's frames, unaligned
        (2 * WRITE_BYTES + 7, [1, 4095, 65536 + 16, 1 << 20, 999_999]),
        (5 * WRITE_BYTES, [3 * 1024 * 1024]),  # larger than a piece: copied in parts
    ],
)
def test_the_file_is_exactly_what_was_appended(
    tmp_path: Path, size: int, sizes: list[int]
) -> None:
    data = _data(size)
    path = tmp_path / "f.part"
    direct = _append_file(path, data, sizes)
    assert path.read_bytes() == data
    if HAS_DIRECT:  # Linux on a disk: all but the unaligned tail went around the page cache
        assert direct == size - size % ALIGN


def test_without_direct_io_the_same_bytes_go_through_the_page_cache(tmp_path: Path) -> None:
    data = _data(2 * WRITE_BYTES + 99)
    path = tmp_path / "f.part"
    assert _append_file(path, data, [65536 + 16], direct=False) == 0
    assert path.read_bytes() == data


def test_a_file_system_refusing_direct_writes_gets_the_page_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EINVAL for a write the flag allowed at open: the same write again, buffered."""
    real = os.write
    refused: list[int] = []

    def picky(fd: int, data: memoryview) -> int:
        if not refused:
            refused.append(len(data))
            raise OSError(errno.EINVAL, "Invalid argument")
        return real(fd, data)

    monkeypatch.setattr(direct_append, "_os_write", picky)
    data = _data(3 * WRITE_BYTES + 5)
    path = tmp_path / "f.part"
    assert _append_file(path, data, [1 << 20]) == 0
    assert refused
    assert path.read_bytes() == data


def test_a_short_write_continues_at_the_right_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that takes only part of a buffer (unaligned) is finished through the cache."""
    real = os.write
    calls = []

    def short(fd: int, data: memoryview) -> int:
        calls.append(len(data))
        if len(calls) == 2:
            return int(real(fd, data[:1000]))
        return int(real(fd, data))

    monkeypatch.setattr(direct_append, "_os_write", short)
    data = _data(3 * WRITE_BYTES + 4097)
    path = tmp_path / "f.part"
    _append_file(path, data, [1 << 20])
    assert path.read_bytes() == data


def test_a_failed_write_is_raised_on_the_callers_thread_and_the_helper_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: memoryview) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(direct_append, "_os_write", full)
    with pytest.raises(OSError, match="No space") as caught:
        _append_file(tmp_path / "f.part", _data(4 * WRITE_BYTES), [1 << 20])
    assert caught.value.errno == errno.ENOSPC
    assert not [t for t in threading.enumerate() if t.name == "blob-direct-writer"]


def _direct_blob(store: BlobStore, data: bytes, sizes: list[int]) -> tuple[str, bytes, int]:
    writer = store.writer(hashing=True, direct=True)
    buffer = bytearray(max(sizes))
    for piece in _pieces(data, sizes):
        buffer[: len(piece)] = piece
        writer.write(memoryview(buffer)[: len(piece)])
        buffer[: len(piece)] = bytes(len(piece))  # reused at once, as the reader does
    assert writer.sha256 == hashlib.sha256(data).hexdigest()
    ref = writer.finish()
    store.publish([ref.name])
    return ref.name, ref.key, ref.size


def test_a_direct_attachment_file_reads_back_byte_for_byte_and_refuses_damage(
    tmp_path: Path,
) -> None:
    """Several write buffers of frames, pieces bigger than a frame split: the file reads back
    exactly, is padded like any other, and a truncated or changed file is refused."""
    store = BlobStore(tmp_path / "attachments")
    data = _data(3 * WRITE_BYTES + 777, b"blob")
    name, key, size = _direct_blob(store, data, [1 << 20, 65536 + 16, 3 * DIRECT_FRAME_BYTES + 1])
    blob = BlobRef(name, key, size)
    assert size == len(data)
    assert b"".join(store.read(blob)) == data
    path = store.final_path(name)
    assert path.stat().st_size == frames.padded_size(path.stat().st_size)
    assert store.verify(blob, hashlib.sha256(data).hexdigest()) is None

    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(BlobDamaged):
        b"".join(store.read(blob))
    changed = bytearray(raw)
    changed[len(raw) // 3] ^= 1
    path.write_bytes(bytes(changed))
    with pytest.raises(BlobDamaged):
        b"".join(store.read(blob))


def test_a_direct_writer_refuses_durable_writes_and_reports_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "attachments")
    writer = store.writer(hashing=False, direct=True)
    with pytest.raises(ValueError, match="durable"):
        writer.write(b"x", durable=True)
    writer.abort()

    def full(fd: int, data: memoryview) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(direct_append, "_os_write", full)
    writer = store.writer(hashing=False, direct=True)

    def fill_and_finish() -> None:
        for _ in range(8):
            writer.write(_data(1 << 20))
        writer.finish()

    with pytest.raises(DiskFull):
        fill_and_finish()
    writer.abort()
    assert list(store.folder.iterdir()) == []
