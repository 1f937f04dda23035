"""B5 (a): a database rolled back alone, or one that lost its WAL, is reported at unlock.

SQLCipher accepts an older valid copy of the database file (security.md §2.2). Each seal and
each export records the audit log's head in the key files under a DEK-keyed MAC, after moving
the WAL into the database file; unlock checks that the database still holds that head.
Rolling back the key files *with* the database is not detectable on the laptop (the
organisation's verifier is the defence there), and the test says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app.crypto import keyslots
from testimony_app.errors import KeyFileDamaged, VaultDamaged
from testimony_app.services.vault import VaultSession, unlock_vault
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)

pytestmark = pytest.mark.slow  # real vault copies unlocked, exported and restored (1-4 s each)


def _db_files(vault: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in vault.glob("vault.db*")}


def _put_back(vault: Path, files: dict[str, bytes]) -> None:
    for p in vault.glob("vault.db*"):
        p.unlink()
    for name, data in files.items():
        (vault / name).write_bytes(data)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, dict[str, bytes], str]:
    """A device vault whose database was copied *before* its last export, then locked.

    Returns the vault, the older database files and the id of the record exported after them.
    """
    org = S.org_keys(tmp_path)
    vault = tmp_path / "device"
    device = S.new_vault(vault)
    S.enrol(device, org)
    S.sealed(device, S.azerbaijani("a"))
    device.bundles.export(tmp_path / "first.age")
    device.lock()
    older = _db_files(vault)
    device = unlock_vault(vault, S.passphrase())
    assert device.history_warning is None
    later = S.sealed(device, S.russian("b"))
    device.bundles.export(tmp_path / "second.age")
    device.lock()
    return vault, older, later


def test_b5a_database_rolled_back_alone_is_reported_at_unlock(
    exported: tuple[Path, dict[str, bytes], str],
) -> None:
    vault, older, later = exported
    _put_back(vault, older)
    session = unlock_vault(vault, S.passphrase())
    try:
        warning = session.history_warning
        assert warning is not None
        assert "ends before entry" in str(warning)
        assert "sealed since may be missing" in str(warning)
        assert "\n" not in str(warning)
        assert session.history_gap is not None
        assert session.history_gap[0] == "shorter"
        report = session.check()
        assert not report.ok
        assert report.problems[0] == warning
        # The older copy is still usable: the person loses nothing by being told.
        assert later not in {s.id for s in session.testimonies.list()}
        assert len(session.testimonies.list()) == 1
    finally:
        session.lock()


def test_b5a_a_diverging_history_is_reported_too(
    exported: tuple[Path, dict[str, bytes], str], tmp_path: Path
) -> None:
    """A copy of the database that grew elsewhere, past the anchor, still differs."""
    vault, older, _ = exported
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(vault, elsewhere)
    _put_back(elsewhere, older)
    session = unlock_vault(elsewhere, S.passphrase())
    try:
        for tag in ("c", "d", "e", "f", "g", "h"):
            S.sealed(session, S.english(tag))
    finally:
        session.lock()
    _put_back(vault, _db_files(elsewhere))
    session = unlock_vault(vault, S.passphrase())
    try:
        assert session.history_gap is not None
        assert session.history_gap[0] == "differs"
        assert "differs from the one it had reached" in str(session.history_warning)
    finally:
        session.lock()


def test_b5a_the_next_export_records_a_new_anchor(
    exported: tuple[Path, dict[str, bytes], str], tmp_path: Path
) -> None:
    vault, older, _ = exported
    _put_back(vault, older)
    session = unlock_vault(vault, S.passphrase())
    try:
        assert session.history_warning is not None
        S.sealed(session, S.english("after"))
        session.bundles.export(tmp_path / "third.age")
    finally:
        session.lock()
    session = unlock_vault(vault, S.passphrase())
    try:
        assert session.history_warning is None
        assert session.check().ok
    finally:
        session.lock()


def test_b5_rolling_back_database_and_key_files_together_is_not_detectable_here(
    tmp_path: Path,
) -> None:
    """The documented limit: the laptop cannot tell; the organisation's records can."""
    org = S.org_keys(tmp_path)
    vault = tmp_path / "device"
    device = S.new_vault(vault)
    S.enrol(device, org)
    S.sealed(device, S.azerbaijani("a"))
    device.bundles.export(tmp_path / "first.age")
    device.lock()
    older = _db_files(vault)
    keys = {n: (vault / n).read_bytes() for n in ("vault.keys", "vault.keys.bak")}
    device = unlock_vault(vault, S.passphrase())
    S.sealed(device, S.russian("b"))
    device.bundles.export(tmp_path / "second.age")
    device.lock()
    _put_back(vault, older)
    for name, data in keys.items():
        (vault / name).write_bytes(data)
    session = unlock_vault(vault, S.passphrase())
    try:
        assert session.history_warning is None
    finally:
        session.lock()


def test_b5a_anchor_survives_a_passphrase_change(
    exported: tuple[Path, dict[str, bytes], str],
) -> None:
    vault, older, _ = exported
    anchor = keyslots.read_slot(vault / "vault.keys").anchor
    assert anchor is not None
    session = unlock_vault(vault, S.passphrase())
    try:
        session.change_passphrase(S.passphrase(), "yeni parol — новый пароль 2026")
    finally:
        session.lock()
    assert keyslots.read_slot(vault / "vault.keys").anchor == anchor
    assert keyslots.read_slot(vault / "vault.keys.bak").anchor == anchor
    after_change = _db_files(vault)
    # A copy from before the change is under the old key: it no longer opens at all.
    _put_back(vault, older)
    with pytest.raises(VaultDamaged):
        unlock_vault(vault, "yeni parol — новый пароль 2026")
    # A copy from after the change, rolled back past a later seal, is reported.
    _put_back(vault, after_change)
    session = unlock_vault(vault, "yeni parol — новый пароль 2026")
    try:
        S.sealed(session, S.english("after the change"))
    finally:
        session.lock()
    _put_back(vault, after_change)
    session = unlock_vault(vault, "yeni parol — новый пароль 2026")
    try:
        assert session.history_gap is not None
        assert session.history_gap[0] == "shorter"
    finally:
        session.lock()


def test_b5a_an_edited_anchor_is_refused_as_damage(
    exported: tuple[Path, dict[str, bytes], str],
) -> None:
    """Lowering the anchor by hand (to hide a rollback) breaks the key file's MAC."""
    vault, older, _ = exported
    for name in ("vault.keys", "vault.keys.bak"):
        doc = json.loads((vault / name).read_text(encoding="ascii"))
        doc["anchor"]["seq"] = 1
        doc.pop("checksum")
        body = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")
        doc["checksum"] = hashlib.sha256(body).hexdigest()
        (vault / name).write_text(json.dumps(doc, sort_keys=True, indent=1) + "\n")
    _put_back(vault, older)
    with pytest.raises(KeyFileDamaged):
        unlock_vault(vault, S.passphrase())


def test_b5a_command_line_prints_the_warning(
    exported: tuple[Path, dict[str, bytes], str],
) -> None:
    vault, older, _ = exported
    _put_back(vault, older)
    env = dict(os.environ, TESTIMONY_PASSPHRASE=S.passphrase())
    run = subprocess.run(
        [sys.executable, "-m", "testimony_app", "list", "--vault", str(vault)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "Warning: The vault's history ends before entry" in run.stderr
    assert "Traceback" not in run.stderr


def test_backup_copies_keep_working_after_anchor_writes(
    exported: tuple[Path, dict[str, bytes], str],
) -> None:
    vault, _, _ = exported
    session: VaultSession = unlock_vault(vault, S.passphrase())
    try:
        backup = session.backup()
    finally:
        session.lock()
    assert keyslots.read_slot(backup.with_suffix(".keys")).anchor is not None
    shutil.rmtree(vault / "backups")
