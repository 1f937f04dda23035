"""A6 (security.md §5): after lock, no copy of the database key is left in the process.

A child process (``testkit.keyscan``) unlocks a real vault, works with it (the canary workflow:
edits, search, attachment, seal, backups, a passphrase change that re-keys the database,
statement PDF, bundle export), locks, and counts the copies of every database key it held,
raw and as hex, in its own memory (``/proc/self/mem`` through ``/proc/self/maps``; §2.4's
method). It counts before the lock as well: the key must be found there (the negative
control), or the scan would prove nothing. A second run keeps a careless ``bytes`` copy and
hex ``str`` of the key alive and must see them after the lock.

The passphrase's copies are reported, not judged: the test itself holds it as a constant and
Python strings cannot be wiped (security.md A6).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.services.vault import create_vault
from testkit import keyscan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs /proc/self/mem (Linux)"),
]


def _scan(tmp_path: Path, kit: ModuleType, *mode: str) -> dict[str, object]:
    vault, scratch = tmp_path / "vault", tmp_path / "scratch"
    scratch.mkdir()
    session = create_vault(vault, kit.PASSPHRASE, kdf="test")
    session.lock()
    child = [sys.executable, str(Path(keyscan.__file__).resolve()), str(vault), str(scratch)]
    result = subprocess.run([*child, *mode], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_a6_no_database_key_in_memory_after_lock(
    tmp_path: Path, kit: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _scan(tmp_path, kit)
    with capsys.disabled():  # the passphrase count is reported, not judged (security.md A6)
        print(f"\nA6 key copies: {found}")
    assert found["before"]["raw"] >= 1  # type: ignore[index]  # the live key: the scan sees it
    assert found["after"] == {"raw": 0, "hex": 0}


def test_a6_negative_control_a_kept_copy_is_found(tmp_path: Path, kit: ModuleType) -> None:
    found = _scan(tmp_path, kit, "leak")
    assert found["kept"] == 2
    after = found["after"]
    assert after["raw"] >= 1  # type: ignore[index]
    assert after["hex"] >= 1  # type: ignore[index]
