"""A. Confidentiality at rest (security.md §5): A1 canary sweep and A4 permissions.

A1 drives the whole vault workflow (``testkit.canaries``) through the services with a canary
string in every kind of field, then reads every byte the workflow could have left behind,
the exported bundle included. The statement PDF is built in memory; the workflow writes no
file but the bundle the user chose. A2 (the same workflow under ``strace``) is in
``test_syscall_canary.py``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.services.vault import (
    create_vault,
    list_backups,
    restore_backup,
    unlock_vault,
)
from testkit.canaries import CANARIES, needles_in, workflow


def _hits(files: Iterator[Path]) -> list[str]:
    hits = []
    for path in files:
        try:
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, PermissionError):
            continue
        hits += [f"{path}: {name}" for name in needles_in(data)]
    return hits


def _files(root: Path) -> Iterator[Path]:
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            try:
                if path.is_file() and not path.is_symlink():
                    yield path
            except OSError:
                continue


def _state(root: Path) -> dict[Path, int]:
    """``{file: mtime}`` under ``root``; other processes may delete files while we look."""
    found = {}
    for path in _files(root):
        try:
            found[path] = path.stat().st_mtime_ns
        except FileNotFoundError:
            continue
    return found


def test_a1_scanner_finds_a_planted_canary(tmp_path: Path) -> None:
    """Negative control: the sweep below would see a leak in any of the encodings."""
    for i, encoding in enumerate(("utf-8", "utf-16-le", "utf-16-be")):
        for j, text in enumerate((CANARIES["perpetrator"].upper(), CANARIES["armenian"])):
            (tmp_path / f"leak{i}{j}").write_bytes(b"\0junk" + text.encode(encoding) + b"junk")
    hits = _hits(_files(tmp_path))
    assert len({h.split(":")[0] for h in hits}) == 6


@pytest.mark.slow
def test_a1_canary_sweep(vault_dir: Path, kit: ModuleType, tmp_path: Path) -> None:
    temp_root = Path(tempfile.gettempdir())
    home = Path(os.environ["HOME"])
    xdg = [Path(os.environ[v]) for v in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")]
    temp_before = _state(temp_root)
    scratch, export_to = tmp_path / "scratch", tmp_path / "export"
    scratch.mkdir()
    export_to.mkdir()

    session = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    try:
        workflow(session, kit, scratch, export_to)
        # While open: the WAL holds the latest pages and must be ciphertext too.
        wal = vault_dir / "vault.db-wal"
        assert wal.exists()
        assert wal.stat().st_size > 0
        assert (vault_dir / "vault.db-shm").exists()
        open_hits = _hits(_files(vault_dir))
    finally:
        session.lock()
    assert open_hits == []
    # After the final checkpoint.
    wal = vault_dir / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    s = unlock_vault(vault_dir, kit.NEW_PASSPHRASE)  # the data really is there, encrypted
    try:
        assert s.testimonies.search(CANARIES["amended"])
    finally:
        s.lock()
    # The passphrase change replaced the three backups (seal, amendment seal, explicit) with
    # one under the new key.
    assert len(list_backups(vault_dir)) == 1

    scanned = list(_files(vault_dir))
    assert {p.name for p in scanned} >= {"vault.db", "vault.keys", "vault.keys.bak"}
    assert sum(1 for p in scanned if p.parent.name == "backups") == 2
    temp_new = [p for p, mtime in _state(temp_root).items() if temp_before.get(p) != mtime]
    exported = list(_files(export_to))
    assert len(exported) == 1  # the bundle, and nothing beside it (no .tmp-*)
    roots = [*scanned, *temp_new, *exported, *(p for root in [home, *xdg] for p in _files(root))]
    assert _hits(iter(roots)) == []


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.slow
@pytest.mark.usefixtures("loose_umask")
def test_a4_permissions_with_umask_022(tmp_path: Path, kit: ModuleType) -> None:
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    assert _mode(probe) == 0o644  # the umask really is loose in this test
    vault = tmp_path / "new-parent" / "vault"
    session = create_vault(vault, kit.PASSPHRASE, kdf="test")
    try:
        rid = session.testimonies.create(kit.sample_testimony())
        src = tmp_path / "a.bin"
        src.write_bytes(b"x" * 5000)
        session.testimonies.add_attachment(rid, src)
        session.testimonies.seal(rid)
        session.backup()
        session.change_passphrase(kit.PASSPHRASE, kit.NEW_PASSPHRASE)
        assert (vault / "vault.db-wal").exists()
        assert (vault / "vault.db-shm").exists()
        for name in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.keys", "vault.keys.bak"):
            assert _mode(vault / name) == 0o600, name
    finally:
        session.lock()
    assert _mode(vault) == 0o700
    assert _mode(vault / "backups") == 0o700
    backups = [p for p in (vault / "backups").iterdir() if p.is_file()]
    assert len(backups) == 2  # the passphrase change leaves one backup, under the new key
    for path in backups:
        assert _mode(path) == 0o600, path.name
    assert _mode(vault / "attachments") == 0o700
    assert _mode(vault / "backups" / "attachments") == 0o700
    copies = [*(vault / "attachments").iterdir(), *(vault / "backups" / "attachments").iterdir()]
    assert len(copies) == 2  # the vault's file and its one backup copy
    for path in copies:
        assert _mode(path) == 0o600, path.name
    restore_backup(vault, list_backups(vault)[0], kit.NEW_PASSPHRASE)
    for path in _files(vault):
        assert _mode(path) == 0o600, path.name
    for dirpath, _, _ in os.walk(vault):
        assert _mode(Path(dirpath)) == 0o700, dirpath
