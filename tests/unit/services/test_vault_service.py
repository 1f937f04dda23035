"""The vault service: create, unlock, lock, state, passphrase change, settings."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import UserFacingError, VaultExists, VaultNotFound, WrongPassphrase
from testimony_app.services.vault import (
    VaultSession,
    VaultState,
    create_vault,
    generate_passphrase,
    passphrase_strength,
    unlock_vault,
    vault_state,
)
from testimony_app.storage import vault as storage_vault
from testimony_app.storage import vault_files


@pytest.mark.slow
def test_create_lock_unlock(vault_dir: Path, kit: ModuleType) -> None:
    assert vault_state(vault_dir) is VaultState.ABSENT
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    rid = s.testimonies.create(kit.sample_testimony())
    vault_id = s.vault_id
    assert s.meta("device_id")
    s.lock()
    assert not s.is_open
    with pytest.raises(UserFacingError, match="locked"):
        s.testimonies.list()
    assert vault_state(vault_dir) is VaultState.READY
    assert sorted(os.listdir(vault_dir)) == [
        "vault.attempts", "vault.db", "vault.keys", "vault.keys.bak"
    ]
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        assert s.vault_id == vault_id
        assert [r.id for r in s.testimonies.list()] == [rid]
        assert s.check().ok
    finally:
        s.lock()


@pytest.mark.slow
def test_create_refuses_an_occupied_place_and_an_empty_passphrase(
    session: VaultSession, vault_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(VaultExists):
        create_vault(vault_dir, "başqa", kdf="test")
    with pytest.raises(UserFacingError, match="empty"):
        create_vault(tmp_path / "other", "", kdf="test")
    assert not (tmp_path / "other").exists()
    assert not list(tmp_path.glob(".other.creating-*"))


def test_unlock_where_there_is_no_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        unlock_vault(tmp_path / "nowhere", "x")
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound):
        unlock_vault(tmp_path / "empty", "x")
    assert os.listdir(tmp_path / "empty") == []


@pytest.mark.slow
def test_passphrase_nfc_and_nfd_both_unlock(vault_dir: Path) -> None:
    composed = "Gülnarə-İşıq-şəhər"
    create_vault(vault_dir, unicodedata.normalize("NFD", composed), kdf="test").lock()
    unlock_vault(vault_dir, composed).lock()
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_dir, "Gulnare-Isiq-seher")  # a different keyboard layout


@pytest.mark.slow
def test_change_passphrase(session: VaultSession, vault_dir: Path, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    db_before = (vault_dir / "vault.db").stat().st_ino
    old_key, _ = storage_vault.unwrap_key(vault_dir, kit.PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        session.change_passphrase("yanlış", kit.NEW_PASSPHRASE)
    with pytest.raises(UserFacingError, match="empty"):
        session.change_passphrase(kit.PASSPHRASE, "")
    session.change_passphrase(kit.PASSPHRASE, kit.NEW_PASSPHRASE)
    assert (vault_dir / "vault.keys").read_bytes() == (vault_dir / "vault.keys.bak").read_bytes()
    # A new database key: the database was re-encrypted into a new file, which the old key
    # no longer opens, and the session goes on under the new one.
    assert (vault_dir / "vault.db").stat().st_ino != db_before
    assert not vault_files.opens_with(vault_dir / "vault.db", old_key)
    assert session.testimonies.get(rid).witness.name == "Nemət Məhərrəmov"
    assert session.check().ok
    session.lock()
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_dir, kit.PASSPHRASE)
    s = unlock_vault(vault_dir, kit.NEW_PASSPHRASE)
    try:
        assert s.testimonies.get(rid).witness.name == "Nemət Məhərrəmov"
    finally:
        s.lock()


@pytest.mark.slow
def test_settings_live_inside_the_encrypted_vault(session: VaultSession, vault_dir: Path) -> None:
    assert session.get_setting("lock_after", "300") == "300"
    session.set_setting("lock_after", "120")
    session.set_setting("lock_after", "60")
    assert session.get_setting("lock_after") == "60"
    session.lock()
    s = unlock_vault(vault_dir, "Tərtər-qırmızı-körpü-ёлка-7")
    try:
        assert s.get_setting("lock_after") == "60"
    finally:
        s.lock()


def test_generated_passphrases_are_strong_and_ascii() -> None:
    words = generate_passphrase()
    assert words.isascii()
    assert len(words.split("-")) == 7
    assert generate_passphrase() != words
    assert passphrase_strength(words)[0] == 4
    assert passphrase_strength("12345")[0] == 0
    assert passphrase_strength("")[0] == 0
