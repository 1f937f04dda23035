"""Restore, one process per vault, a lost WAL and a rolled-back database (security review
F-5, F-6, F-7, F-16): each attack as the reviewer ran it, against the real vault files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
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
from testimony_app.storage import vault as storage_vault
from testimony_app.storage.vault_lock import VaultInUse
from testkit import bundle_support as S  # noqa: N812 (as in the other bundle tests)


def _ids(vault: Path, passphrase: str) -> list[str]:
    s = unlock_vault(vault, passphrase)
    try:
        report = s.check()
        assert report.ok, report.problems
        return sorted(r.id for r in s.testimonies.list())
    finally:
        s.lock()


@pytest.fixture
def backed_up(vault_dir: Path, kit: ModuleType) -> tuple[Path, list[str], list[str]]:
    """A vault with a backup of one sealed record, then a second record added after it.

    Returns the vault, the ids the backup holds and the ids the vault holds."""
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    first = s.testimonies.create(kit.sample_testimony("a"))
    s.testimonies.seal(first)  # writes the backup
    second = s.testimonies.create(kit.sample_testimony("b", consent=False))
    s.lock()
    return vault_dir, [first], sorted([first, second])


# -- F-7: nothing is cleaned before the passphrase is proven; restore is crash-atomic ----------


def test_wrong_passphrase_removes_no_leftover(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType
) -> None:
    vault, _, _ = backed_up
    planted = [vault / ".vault.keys.x1y2.tmp", vault / ".restore-20261201T000000Z.tmp",
               vault / ".rekey-vault.db", vault / "vault.db.restoring"]
    for path in planted:
        path.write_bytes(b"left by a crash")
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault, "yanlış")
    assert all(p.exists() for p in planted)
    unlock_vault(vault, kit.PASSPHRASE).lock()
    assert not any(p.exists() for p in planted)


@pytest.mark.slow
def test_kill_at_every_step_of_a_restore(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType, tmp_path: Path
) -> None:
    """vault.db is never missing: the old database or the restored one, and the next unlock
    (never a wrong passphrase) finishes a restore that reached its commit point."""
    template, in_backup, in_vault = backed_up
    dry_run = tmp_path / "dry"
    shutil.copytree(template, dry_run)
    dry = subprocess.run(kit.child_argv("restore", dry_run, 0), capture_output=True,
                         text=True, env=dict(os.environ, KIT_TRACE="1"), timeout=120,
                         check=True)
    ticks = [line for line in dry.stdout.splitlines() if line.startswith("tick")]
    assert dry.stdout.rstrip().endswith("done")
    assert "before link" in {t.split(" ", 2)[2] for t in ticks}
    outcomes = {"old": 0, "restored": 0}
    for point in range(1, len(ticks) + 1):
        case = tmp_path / f"case{point}"
        shutil.copytree(template, case)
        proc = subprocess.run(kit.child_argv("restore", case, point), capture_output=True,
                              text=True, timeout=120)
        where = (point, ticks[point - 1])
        assert proc.returncode == -9, (where, proc.stderr)
        assert (case / "vault.db").is_file(), where
        with pytest.raises(WrongPassphrase):
            unlock_vault(case, "yanlış")
        assert (case / "vault.db").is_file(), where
        found = _ids(case, kit.PASSPHRASE)
        assert found in (in_vault, in_backup), where
        outcomes["old" if found == in_vault else "restored"] += 1
        if found == in_backup:  # the replaced database was kept aside, whole
            (aside,) = [p for p in case.glob("vault.db.damaged-*")
                        if not p.name.endswith(("-wal", "-shm"))]
            dek, _ = storage_vault.unwrap_key(case, kit.PASSPHRASE)
            assert storage_vault.verify_database_file(aside, dek) == []
        assert not list(case.glob(".restore-*")), where
        shutil.rmtree(case)
    print(f"restore: {len(ticks)} kill points, old database {outcomes['old']},"
          f" restored {outcomes['restored']}")
    assert outcomes["old"] > 0
    assert outcomes["restored"] > 0


# -- F-16: another vault's backup is refused, even with both key files damaged -----------------


def test_another_vaults_backup_is_refused_even_with_damaged_key_files(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType, tmp_path: Path
) -> None:
    vault, in_backup, _ = backed_up
    other = create_vault(tmp_path / "training", kit.PASSPHRASE, kdf="test")  # same passphrase
    other.testimonies.create(kit.sample_testimony("training"))
    planted = other.backup()
    other.lock()
    newer = vault / "backups" / "vault-29991231T000000000000Z-ffff.db"
    shutil.copy(planted, newer)
    shutil.copy(planted.with_suffix(".keys"), newer.with_suffix(".keys"))
    with pytest.raises(VaultDamaged, match="another vault"):
        restore_backup(vault, newer, kit.PASSPHRASE)  # key files intact
    for name in ("vault.keys", "vault.keys.bak"):
        kit.flip_byte(vault / name, 300)
    before = kit.snapshot([vault])
    with pytest.raises(VaultDamaged, match="another vault"):
        restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    assert kit.snapshot([vault]) == before
    restore_backup(vault, list_backups(vault)[1], kit.PASSPHRASE)  # its own backup
    assert _ids(vault, kit.PASSPHRASE) == in_backup


# -- F-6: one process per vault; a purge keeps what a set-aside database alone holds -----------


def test_a_second_unlock_is_refused_until_the_first_locks(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType
) -> None:
    vault, _, _ = backed_up
    first = unlock_vault(vault, kit.PASSPHRASE)
    try:
        before = kit.snapshot([vault])
        with pytest.raises(VaultInUse) as info:
            unlock_vault(vault, kit.PASSPHRASE)
        assert str(info.value) == (
            "The vault is open in another window or program; lock it there first."
        )
        with pytest.raises(VaultInUse):
            restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
        with pytest.raises(VaultInUse):
            unlock_vault(vault, "yanlış")  # not even counted as a wrong passphrase
        assert kit.snapshot([vault]) == before
    finally:
        first.lock()
    unlock_vault(vault, kit.PASSPHRASE).lock()


def test_the_lock_goes_with_a_killed_process(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType
) -> None:
    vault, _, _ = backed_up
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; "
         "from testimony_app.storage import vault; "
         "v = vault.unlock(Path(sys.argv[1]), sys.argv[2]); print('open', flush=True); "
         "time.sleep(600)", str(vault), kit.PASSPHRASE],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(VaultInUse):
            unlock_vault(vault, kit.PASSPHRASE)
    finally:
        holder.kill()
        holder.wait(timeout=60)
        if holder.stdout is not None:
            holder.stdout.close()
    unlock_vault(vault, kit.PASSPHRASE).lock()


def test_purge_keeps_a_set_aside_database_that_holds_more_and_says_so(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType
) -> None:
    """The reviewer's C5: saves that went into the database a restore set aside. The lock
    now prevents that; a set-aside file holding what the vault lacks is still kept."""
    vault, in_backup, in_vault = backed_up
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    (aside,) = [p for p in vault.glob("vault.db.damaged-*") if not p.name.endswith("wal")
                and not p.name.endswith("shm")]
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert sorted(r.id for r in s.testimonies.list()) == in_backup
        s._vault.replace_backups()  # what a purge calls
        assert s._vault.kept_aside == [aside]
        assert aside.exists()
    finally:
        s.lock()
    # Once the vault holds the same (here: the set-aside file restored again), it may go.
    restore_backup(vault, aside, kit.PASSPHRASE)
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert sorted(r.id for r in s.testimonies.list()) == in_vault
        s._vault.replace_backups()
        assert s._vault.kept_aside == []
        assert storage_vault.set_aside_files(vault) == []
    finally:
        s.lock()


# -- F-5: a lost WAL and a database rolled back to a post-export copy --------------------------


def test_b5_3_a_sealed_testimony_survives_the_loss_of_the_wal_after_a_crash(
    backed_up: tuple[Path, list[str], list[str]], kit: ModuleType
) -> None:
    vault, _, in_vault = backed_up
    proc = subprocess.run(kit.child_argv("seal", vault), capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == -9, proc.stderr
    tag, record_id, digest = proc.stdout.split()
    assert tag == "sealed"
    for name in ("vault.db-wal", "vault.db-shm"):
        (vault / name).unlink(missing_ok=True)  # lost after the crash
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        assert s.history_warning is None
        assert s.check().ok
        info = s.testimonies.info(record_id)
        assert info.versions[0].sealed
        assert info.versions[0].content_sha256 == digest
    finally:
        s.lock()
    assert _ids(vault, kit.PASSPHRASE) == sorted([*in_vault, record_id])


def test_b5_2_a_database_rolled_back_to_a_later_backup_is_reported(
    tmp_path: Path,
) -> None:
    """The reviewer's B5.2: export, seal twice (a backup after each), then put the first of
    those backups in place of vault.db: the second seal is gone, and unlock says so."""
    org = S.org_keys(tmp_path)
    vault = tmp_path / "device"
    device: VaultSession = S.new_vault(vault)
    S.enrol(device, org)
    S.sealed(device, S.azerbaijani("a"))
    device.bundles.export(tmp_path / "first.age")
    S.sealed(device, S.russian("b"), backup=True)
    time.sleep(0.01)
    lost = S.sealed(device, S.english("c"), backup=True)
    device.lock()
    after_b = sorted(list_backups(vault))[0]  # the backup written after sealing "b"
    for name in ("vault.db-wal", "vault.db-shm"):
        (vault / name).unlink(missing_ok=True)
    shutil.copyfile(after_b, vault / "vault.db")
    session = unlock_vault(vault, S.passphrase())
    try:
        assert lost not in {r.id for r in session.testimonies.list()}
        warning = session.history_warning
        assert warning is not None
        assert "sealed since may be missing" in str(warning)
        report = session.check()
        assert not report.ok
        assert report.problems[0] == warning
    finally:
        session.lock()
    run = subprocess.run(
        [sys.executable, "-m", "testimony_app", "check", "--vault", str(vault), "--json"],
        capture_output=True, text=True, check=False,
        env=dict(os.environ, TESTIMONY_PASSPHRASE=S.passphrase()),
    )
    assert run.returncode == 1
    assert "Warning: The vault's history ends before entry" in run.stderr
    assert json.loads(run.stdout)["ok"] is False
