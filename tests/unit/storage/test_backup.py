"""C5: backups are verified when written; a restore verifies before it replaces anything."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import VaultDamaged, WrongPassphrase
from testimony_app.services.vault import (
    VaultSession,
    create_vault,
    list_backups,
    restore_backup,
    unlock_vault,
)
from testimony_app.storage import restore as restore_module
from testimony_app.storage import vault as storage_vault
from testimony_app.storage import vault_files
from testimony_app.words import Message

pytestmark = pytest.mark.slow  # each test writes, verifies or restores real backups (0.5-2.6 s)


def _content(session: VaultSession) -> dict[str, object]:
    """Everything a user could lose: every version's bytes and every attachment's bytes."""
    service = session.testimonies
    out: dict[str, object] = {}
    for row in service.list():
        info = service.info(row.id)
        out[row.id] = (
            [(v.number, v.sealed, v.content_sha256, service.content_bytes(row.id, v.number))
             for v in info.versions],
            [(a.sha256, session.testimonies.read_attachment(a.id))
             for a in service.attachments(row.id)],
        )
    return out


@pytest.fixture
def filled(vault_dir: Path, kit: ModuleType, tmp_path: Path) -> tuple[Path, dict[str, object]]:
    """A vault with a sealed record, a draft and an attachment, backed up; and its content."""
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    a = s.testimonies.create(kit.sample_testimony("a"))
    src = tmp_path / "sənəd.pdf"
    src.write_bytes(os.urandom(70_000))
    s.testimonies.add_attachment(a, src)
    s.testimonies.seal(a, backup=False)
    s.testimonies.create(kit.sample_testimony("b", consent=False))
    content = _content(s)
    s.backup()
    s.lock()
    return vault_dir, content


def test_backup_is_verified_private_and_has_the_key_file(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, _ = filled
    (backup,) = list_backups(vault)
    assert os.stat(backup).st_mode & 0o777 == 0o600
    assert os.stat(backup.parent).st_mode & 0o777 == 0o700
    keys = backup.with_suffix(".keys")
    assert keys.read_bytes() == (vault / "vault.keys").read_bytes()
    dek, _ = storage_vault.unwrap_key(vault, kit.PASSPHRASE)
    assert storage_vault.verify_database_file(backup, dek) == []
    assert backup.read_bytes()[:16] != b"SQLite format 3\x00"


def test_restore_round_trip_equals_the_source(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, content = filled
    s = unlock_vault(vault, kit.PASSPHRASE)
    s.testimonies.create(kit.sample_testimony("after the backup"))
    s.lock()
    live_before = (vault / "vault.db").read_bytes()
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert _content(s) == content
        assert s.check().ok
    finally:
        s.lock()
    (aside,) = vault.glob("vault.db.damaged-*")
    assert aside.read_bytes() == live_before  # moved aside, never deleted
    assert not list(vault.glob("*.restoring*"))


def test_restore_replaces_a_damaged_live_database(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, content = filled
    kit.flip_byte(vault / "vault.db", 100)
    damaged = (vault / "vault.db").read_bytes()
    with pytest.raises(VaultDamaged):
        unlock_vault(vault, kit.PASSPHRASE)
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    (aside,) = vault.glob("vault.db.damaged-*")
    assert aside.read_bytes() == damaged
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert _content(s) == content
    finally:
        s.lock()


def test_restore_from_a_damaged_backup_leaves_the_live_database_alone(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, _ = filled
    backup = list_backups(vault)[0]
    kit.flip_byte(backup, backup.stat().st_size - 2000)
    before = kit.snapshot([vault / "vault.db", vault / "vault.keys", vault / "vault.keys.bak"])
    names = sorted(os.listdir(vault))
    with pytest.raises(VaultDamaged, match="backup is damaged"):
        restore_backup(vault, backup, kit.PASSPHRASE)
    assert kit.snapshot([vault / "vault.db", vault / "vault.keys", vault / "vault.keys.bak"]) == (
        before
    )
    assert sorted(os.listdir(vault)) == names


def test_restore_checks_the_copy_before_replacing(
    filled: tuple[Path, dict[str, object]], kit: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = filled
    real = vault_files.verify_database_file

    def copy_goes_bad(path: Path, dek: bytes | bytearray) -> list[Message]:
        bad = [Message("check.structure_damaged")]
        return bad if path.name.startswith(".restore-") else real(path, dek)

    monkeypatch.setattr(restore_module, "verify_database_file", copy_goes_bad)
    before = (vault / "vault.db").read_bytes()
    with pytest.raises(VaultDamaged, match="nothing was changed"):
        restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    assert (vault / "vault.db").read_bytes() == before
    assert not list(vault.glob("vault.db.*"))
    assert not list(vault.glob(".restore-*"))


def test_restore_with_wrong_passphrase_changes_nothing(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, _ = filled
    before = kit.snapshot([vault])
    with pytest.raises(WrongPassphrase):
        restore_backup(vault, list_backups(vault)[0], "not the passphrase")
    after = kit.snapshot([vault])
    attempts = str(vault / "vault.attempts")
    assert after.pop(attempts) != before.pop(attempts)  # only the count of wrong attempts
    assert after == before


@pytest.mark.parametrize("how", ["both deleted", "deleted and emptied"])
def test_restore_uses_the_backup_key_file_when_both_copies_are_lost(
    filled: tuple[Path, dict[str, object]], kit: ModuleType, how: str
) -> None:
    vault, content = filled
    (vault / "vault.keys").unlink()
    if how == "both deleted":
        (vault / "vault.keys.bak").unlink()
    else:
        (vault / "vault.keys.bak").write_bytes(b"")
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    assert (vault / "vault.keys").read_bytes() == (vault / "vault.keys.bak").read_bytes()
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert _content(s) == content
    finally:
        s.lock()


def test_rotation_keeps_the_newest_even_within_one_second(session: VaultSession) -> None:
    made = []
    for _ in range(storage_vault.KEEP_BACKUPS + 3):
        path = session.backup()
        assert path.exists()
        assert session.backups()[0] == path
        made.append(path)
    kept = session.backups()
    assert kept == list(reversed(made))[: storage_vault.KEEP_BACKUPS]
    keys = sorted(p.name for p in (session.path / "backups").glob("*.keys"))
    assert keys == sorted(p.with_suffix(".keys").name for p in kept)


def test_sealing_makes_a_backup(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    assert session.backups() == []
    session.testimonies.seal(rid)
    assert len(session.backups()) == 1


def test_stray_restore_staging_is_removed_at_unlock(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, _ = filled
    (vault / "vault.db.restoring").write_bytes(b"half a copy")
    (vault / ".vault.keys.abc123.tmp").write_bytes(b"{")
    unlock_vault(vault, kit.PASSPHRASE).lock()
    assert not (vault / "vault.db.restoring").exists()
    assert not (vault / ".vault.keys.abc123.tmp").exists()


def test_restore_with_lost_keys_and_a_damaged_backup_overwrites_nothing(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, _ = filled
    kit.flip_byte(vault / "vault.keys", 40)
    kit.flip_byte(vault / "vault.keys.bak", 40)
    backup = list_backups(vault)[0]
    kit.flip_byte(backup, backup.stat().st_size - 100)
    before = kit.snapshot([vault])
    with pytest.raises(VaultDamaged):
        restore_backup(vault, backup, kit.PASSPHRASE)
    assert kit.snapshot([vault]) == before  # the damaged key files were not overwritten


def test_restore_with_lost_keys_sets_the_damaged_key_files_aside(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, content = filled
    kit.flip_byte(vault / "vault.keys", 40)
    (vault / "vault.keys.bak").write_bytes(b"")
    damaged = (vault / "vault.keys").read_bytes()
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    (aside,) = vault.glob("vault.keys.damaged-*")
    assert aside.read_bytes() == damaged
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert _content(s) == content
    finally:
        s.lock()


def test_two_restores_keep_both_set_aside_files(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    vault, _ = filled
    first = (vault / "vault.db").read_bytes()
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    second = (vault / "vault.db").read_bytes()
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    aside = sorted(p.read_bytes() for p in vault.glob("vault.db.damaged-*"))
    assert aside == sorted([first, second])


def test_replacing_backups_after_a_purge_removes_the_set_aside_databases(
    filled: tuple[Path, dict[str, object]], kit: ModuleType
) -> None:
    """A purge must leave no older copy of the content: not a backup, not a set-aside file."""
    vault, content = filled
    kit.flip_byte(vault / "vault.keys", 40)
    (vault / "vault.keys.bak").write_bytes(b"")
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    assert list(vault.glob("vault.db.damaged-*"))
    assert list(vault.glob("vault.keys.damaged-*"))
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        fresh = s._vault.replace_backups()  # what a purge calls once the content is gone
        assert list_backups(vault) == [fresh]
        assert storage_vault.set_aside_files(vault) == []
        assert sorted(p.name for p in vault.iterdir() if "damaged" in p.name) == []
        assert _content(s) == content
    finally:
        s.lock()
