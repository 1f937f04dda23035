"""C2 (security.md §5): power loss, replayed from a system-call trace.

A child commits testimonies (``vault_kit``'s ``commits`` mode) under ``strace`` and is killed;
``testkit.powerloss`` rebuilds the vault as a disk would hold it had the power gone at that
moment: whatever a file received since its last ``fsync`` is lost (LazyFS's "clear cache"
rule; its module documentation says what this models and what it does not). Every commit the
child acknowledged before the kill must be in the rebuilt vault, and both integrity checks
must pass. Negative control: the same with ``synchronous = NORMAL`` loses acknowledged
commits, which proves the replay really drops unsynced data.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.services.vault import create_vault, unlock_vault
from testkit import powerloss

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux only"),
    pytest.mark.skipif(
        shutil.which("strace") is None,
        reason="strace is not installed (scripts/install-system-deps.sh installs it)",
    ),
]

ACKNOWLEDGED = 24  # commits the child acknowledges before the power goes


def _files(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _power_loss(
    tmp_path: Path, kit: ModuleType, seed: int, *mode: str, cuts: int = 0
) -> list[tuple[Path, list[str]]]:
    """Run the child until ``ACKNOWLEDGED`` commits and a little more and kill it; return the
    vault rebuilt as the power loss at the kill (last) and at ``cuts`` moments before it would
    have left it, each with the lines the child had written by then."""
    vault = tmp_path / "vault"
    create_vault(vault, kit.PASSPHRASE, kdf="test").lock()
    start = _files(vault)
    trace = tmp_path / "strace.txt"
    child = [sys.executable, str(Path(powerloss.__file__).resolve()), str(vault), str(seed)]
    command = ["strace", "-f", "-y", "-xx", "-s", str(1 << 22), "-o", str(trace),
               "-e", f"trace={powerloss.TRACED}", *child, *mode]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    first = proc.stdout.readline().split()
    assert first[:1] == [b"pid"], proc.stderr.read() if proc.stderr else ""
    pid = int(first[1])
    acknowledged = 0
    deadline = time.monotonic() + 120
    while acknowledged < ACKNOWLEDGED and time.monotonic() < deadline:
        line = proc.stdout.readline()
        acknowledged += line[:2] in (b"C ", b"S ")
    time.sleep(0.05 * (seed % 5))  # the kill falls somewhere inside the next commit
    os.kill(pid, signal.SIGKILL)
    proc.communicate(timeout=120)
    rebuilt = []
    for n, disk in enumerate(powerloss.replay(trace, start, cuts)):
        folder = tmp_path / f"after-power-loss-{n}"
        for name, data in disk.durable.items():
            path = Path(name)
            if not path.is_relative_to(vault) or path.name.endswith("-shm"):
                continue
            target = folder / path.relative_to(vault)
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            target.write_bytes(data)
        rebuilt.append((folder, "".join(disk.said).splitlines()))
    assert powerloss.replay(trace, start)[-1].syncs > 0
    return rebuilt


def _missing(rebuilt: Path, kit: ModuleType, said: list[str]) -> tuple[list[str], bool]:
    """Acknowledged commits the rebuilt vault lacks, and whether it passed its checks."""
    created: dict[str, str] = {}
    saved: dict[str, str] = {}
    pending: dict[str, str] = {}
    for line in said:
        kind, *rest = line.split()
        if kind == "C":
            created[rest[0]] = rest[1]
        elif kind == "P":
            pending[rest[0]] = rest[1]
        elif kind == "S":
            saved[rest[0]] = rest[1]
    session = unlock_vault(rebuilt, kit.PASSPHRASE)
    try:
        report = session.check()
        service = session.testimonies
        present = {r.id for r in service.list()}
        missing = [f"created {rid}" for rid in created if rid not in present]
        for rid in set(created) & present:
            digest = hashlib.sha256(service.content_bytes(rid, service.info(rid).current))
            allowed = {saved[rid]} if rid in saved else {created[rid], pending.get(rid)}
            if digest.hexdigest() not in allowed:
                missing.append(f"saved {rid}")
        return missing, report.ok
    finally:
        session.lock()


def _acknowledged(said: list[str]) -> int:
    return sum(1 for line in said if line[:2] in ("C ", "S "))


def test_c2_power_loss_loses_no_acknowledged_commit(tmp_path: Path, kit: ModuleType) -> None:
    """The power goes at the kill and at 12 moments before it (one trace, 13 disks)."""
    states = _power_loss(tmp_path, kit, 2, cuts=12)
    assert _acknowledged(states[-1][1]) >= ACKNOWLEDGED
    assert len({_acknowledged(said) for _, said in states}) >= 10  # the cuts fall all along
    for n, (rebuilt, said) in enumerate(states):
        missing, ok = _missing(rebuilt, kit, said)
        assert missing == [], n
        assert ok, n


def test_c2_negative_control_synchronous_normal_loses_commits(
    tmp_path: Path, kit: ModuleType
) -> None:
    ((rebuilt, said),) = _power_loss(tmp_path, kit, 4, "normal")
    assert _acknowledged(said) >= ACKNOWLEDGED
    missing, _ = _missing(rebuilt, kit, said)
    assert missing, "synchronous=NORMAL lost nothing: the replay would not see a lost commit"
