"""The import's writer thread: a failure on it rolls the whole import back, and a retry works."""

from __future__ import annotations

import hashlib
import sys
import threading
from pathlib import Path

import pytest

from testimony_app.services import organisation
from testimony_app.storage import imports

S = sys.modules["bundle_support"]  # loaded by tests/conftest.py


def _helpers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]


def test_import_write_failure_on_the_helper_commits_nothing(tmp_path: Path, monkeypatch) -> None:
    keys = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.enrol(device, keys)
    recording = tmp_path / "r.ogg"
    recording.write_bytes(hashlib.shake_256(b"v").digest(3_500_000))
    S.sealed(device, S.azerbaijani("a"), recording)
    bundle = device.bundles.export(tmp_path / "b.age").path
    before = S.table_counts(org_vault)
    monkeypatch.setattr(imports, "_INSERT_CHUNK", "INSERT INTO no_such_table VALUES (?, ?, ?)")
    with pytest.raises(Exception, match="no_such_table"):
        organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert _helpers() == []
    assert S.table_counts(org_vault) == before
    monkeypatch.undo()
    report = organisation.import_bundle(org_vault, bundle, keys.paths[0])
    assert report.attachments_added == 1
    assert org_vault.check().ok
    device.lock()
    org_vault.lock()
