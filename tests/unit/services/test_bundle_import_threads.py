"""The import's writer thread: a failure on it rolls the whole import back, and a retry works."""

from __future__ import annotations

import errno
import hashlib
import threading
from pathlib import Path

import pytest

from testimony_app.errors import DiskFull, UserFacingError
from testimony_app.services import organisation
from testimony_app.storage import blobs
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)


def _helpers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]


@pytest.mark.slow
def test_import_write_failure_on_the_helper_commits_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.enrol(device, keys)
    S.register(org_vault, device)
    recording = tmp_path / "r.ogg"
    recording.write_bytes(hashlib.shake_256(b"v").digest(3_500_000))
    S.sealed(device, S.azerbaijani("a"), recording)
    bundle = device.bundles.export(tmp_path / "b.age").path
    before = S.table_counts(org_vault)
    files = tmp_path / "org-vault" / "attachments"

    def full_disk(fd: int, data: bytes) -> None:
        if threading.current_thread().name == "bundle-import-writer":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write_all(fd, data)

    real_write_all = blobs._write_all
    monkeypatch.setattr(blobs, "_write_all", full_disk)
    with pytest.raises(DiskFull, match="disk is full"):
        organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert _helpers() == []
    assert S.table_counts(org_vault) == before
    # Nothing of the refused import is left on disk either.
    assert not files.exists() or list(files.iterdir()) == []
    monkeypatch.undo()
    report = organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert report.attachments_added == 1
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
