"""The import's writer thread: a failure on it rolls the whole import back, and a retry works."""

from __future__ import annotations

import errno
import hashlib
import threading
from pathlib import Path

import pytest

from testimony_app.errors import DiskFull, UserFacingError
from testimony_app.services import organisation
from testimony_app.storage import direct_append
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)


def _helpers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(("bundle-", "blob-"))]


@pytest.mark.slow
@pytest.mark.parametrize(
    "size",
    [
        3_500_000,  # below the reader's lane: sealed inline, written at the file's end
        9_500_000,  # on the lane: a write fails while the bundle is still being decrypted
    ],
)
def test_import_write_failure_on_the_helper_commits_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    keys = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.enrol(device, keys)
    S.register(org_vault, device)
    recording = tmp_path / "r.ogg"
    recording.write_bytes(hashlib.shake_256(b"v").digest(size))
    S.sealed(device, S.azerbaijani("a"), recording)
    bundle = device.bundles.export(tmp_path / "b.age").path
    before = S.table_counts(org_vault)
    files = tmp_path / "org-vault" / "attachments"
    threads: set[str] = set()

    def full_disk(fd: int, data: memoryview) -> int:
        threads.add(threading.current_thread().name)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(direct_append, "_os_write", full_disk)
    with pytest.raises(DiskFull, match="disk is full"):
        organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert "blob-direct-writer" in threads  # the failure happened on the helper
    assert _helpers() == []
    assert S.table_counts(org_vault) == before
    # Nothing of the refused import is left on disk either.
    assert not files.exists() or list(files.iterdir()) == []
    monkeypatch.undo()
    report = organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert report.attachments_added == 1
    (_blob,) = files.glob("*.blob")
    assert org_vault.check().ok
    device.lock()
    org_vault.lock()


@pytest.mark.slow
def test_export_of_a_damaged_attachment_file_fails_and_leaves_nothing(tmp_path: Path) -> None:
    """A sealed attachment is not hashed again on export: its file's tags must catch damage."""
    keys = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    S.enrol(device, keys)
    recording = tmp_path / "r.ogg"
    recording.write_bytes(hashlib.shake_256(b"d").digest(3_000_000))
    S.sealed(device, S.azerbaijani("a"), recording)
    (blob,) = (tmp_path / "device" / "attachments").glob("*.blob")
    raw = bytearray(blob.read_bytes())
    raw[2_000_000] ^= 0x01
    blob.write_bytes(bytes(raw))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserFacingError, match="damaged") as caught:
        device.bundles.export(out / "b.age")
    assert "\n" not in str(caught.value)
    assert list(out.iterdir()) == []
    assert _helpers() == []
    assert any("damaged" in str(p) for p in device.check().problems)
    device.lock()


@pytest.mark.slow
def test_a_recording_over_many_reused_buffers_arrives_byte_for_byte_or_not_at_all(
    tmp_path: Path,
) -> None:
    """The reader decrypts into a ring of reused buffers and hashes and writes a recording's
    pieces on its helper thread: a buffer reused too early would change the file's bytes.
    Nine MiB and an odd tail go round the ring twice; a bundle cut short or changed anywhere
    is still refused, leaving no row and no file."""
    keys = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.enrol(device, keys)
    S.register(org_vault, device)
    data = hashlib.shake_256(b"ring").digest(9 * 1024 * 1024 + 4321)
    recording = tmp_path / "r.ogg"
    recording.write_bytes(data)
    S.sealed(device, S.azerbaijani("a"), recording)
    bundle = device.bundles.export(tmp_path / "b.age").path
    raw = bundle.read_bytes()
    before = S.table_counts(org_vault)
    files = tmp_path / "org-vault" / "attachments"
    middle = len(raw) // 2
    for name, damaged in [
        ("cut", raw[: len(raw) - 70_000]),
        ("cut at a chunk", raw[:middle]),
        ("changed", raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1 :]),
    ]:
        bad = tmp_path / f"{name}.age"
        bad.write_bytes(damaged)
        with pytest.raises(UserFacingError):
            organisation.import_bundle(org_vault, bad, keys.paths[0])
        assert _helpers() == []
        assert S.table_counts(org_vault) == before, name
        assert not files.exists() or list(files.iterdir()) == [], name
    report = organisation.import_bundle(org_vault, bundle, keys.paths[0])
    (attachment,) = org_vault.testimonies.attachments(report.versions[0].record_id)
    assert attachment.size == len(data)
    assert org_vault.testimonies.read_attachment(attachment.id) == data
    assert _helpers() == []
    device.lock()
    org_vault.lock()


@pytest.mark.slow
def test_many_attachments_hold_one_open_file_at_a_time_and_arrive_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each attachment's file is finished (padded, fsynced, closed) when its member ends: a
    bundle of many photos never holds a write buffer and a writer thread per photo."""
    keys = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.enrol(device, keys)
    S.register(org_vault, device)
    contents = {
        f"p{i}.jpg": hashlib.shake_256(b"photo%d" % i).digest(size)
        for i, size in enumerate([1, 70_000, 4 * 1024 * 1024 + 3, 200_000, 5_000_001, 9])
    }
    paths = []
    for name, data in contents.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    S.sealed(device, S.azerbaijani("a"), *paths)
    bundle = device.bundles.export(tmp_path / "b.age").path
    open_now = 0
    most = 0
    appender = direct_append.DirectAppender
    real_init, real_close = appender.__init__, appender.close

    def counting_init(self: direct_append.DirectAppender, *args: object, **kw: object) -> None:
        nonlocal open_now, most
        real_init(self, *args, **kw)  # type: ignore[arg-type]
        open_now += 1
        most = max(most, open_now)

    def counting_close(self: direct_append.DirectAppender) -> None:
        nonlocal open_now
        open_now -= 1
        real_close(self)

    monkeypatch.setattr(direct_append.DirectAppender, "__init__", counting_init)
    monkeypatch.setattr(direct_append.DirectAppender, "close", counting_close)
    report = organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert most == 1
    assert open_now == 0
    held = org_vault.testimonies.attachments(report.versions[0].record_id)
    assert sorted(org_vault.testimonies.read_attachment(a.id) for a in held) == sorted(
        contents.values()
    )
    assert org_vault.check().ok
    device.lock()
    org_vault.lock()
