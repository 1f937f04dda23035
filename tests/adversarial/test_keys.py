"""B. Keys: wrong passphrase (B1), key-file damage (B6), hostile parameters (B7), a crash
during a passphrase change (B8)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.crypto import kdf, keyslots
from testimony_app.errors import (
    KeyFileDamaged,
    UserFacingError,
    VaultTooNew,
    WrongPassphrase,
)
from testimony_app.services.vault import create_vault, unlock_vault

pytestmark = pytest.mark.slow  # kill -9 children, hostile KDF parameters, real key files (0.5-16 s)


@pytest.fixture
def vault(vault_dir: Path, kit: ModuleType, tmp_path: Path) -> Path:
    """A locked vault with two records (one sealed) and an attachment."""
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    a = s.testimonies.create(kit.sample_testimony("a"))
    src = tmp_path / "sübut.jpg"
    src.write_bytes(os.urandom(20_000))
    s.testimonies.add_attachment(a, src)
    s.testimonies.seal(a, backup=False)
    s.testimonies.create(kit.sample_testimony("b"))
    s.lock()
    return vault_dir


def _records(vault: Path, passphrase: str) -> list[str]:
    s = unlock_vault(vault, passphrase)
    try:
        assert s.check().ok
        return sorted(r.id for r in s.testimonies.list())
    finally:
        s.lock()


def _one_sentence(exc: BaseException) -> str:
    text = str(exc)
    assert text
    assert "\n" not in text
    assert "Traceback" not in text
    assert text.endswith(".")
    return text


# -- B1 ---------------------------------------------------------------------------------------


def test_b1_wrong_passphrase_five_times_changes_nothing(vault: Path, kit: ModuleType) -> None:
    before = kit.snapshot([vault.parent])
    messages = set()
    for attempt in ["", "tərtər", kit.PASSPHRASE.upper(), kit.PASSPHRASE + " ", "Ёлка-7"]:
        with pytest.raises(WrongPassphrase) as info:
            unlock_vault(vault, attempt)
        messages.add(_one_sentence(info.value))
    assert messages == {"The passphrase is not correct for this vault."}
    assert kit.snapshot([vault.parent]) == before  # same files, bytes and mtimes
    assert len(_records(vault, kit.PASSPHRASE)) == 2


# -- B6 ---------------------------------------------------------------------------------------


def _damage(path: Path, how: str, kit: ModuleType) -> None:
    if how == "flip":
        kit.flip_byte(path, path.stat().st_size // 2)
    elif how == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "delete":
        path.unlink()
    elif how == "garbage":
        path.write_bytes(os.urandom(600))


@pytest.mark.parametrize("how", ["flip", "truncate", "empty", "delete", "garbage"])
@pytest.mark.parametrize("which", ["vault.keys", "vault.keys.bak"])
def test_b6_one_damaged_copy_falls_back_and_is_repaired(
    vault: Path, kit: ModuleType, how: str, which: str
) -> None:
    good = (vault / "vault.keys").read_bytes()
    db = (vault / "vault.db").read_bytes()
    _damage(vault / which, how, kit)
    assert len(_records(vault, kit.PASSPHRASE)) == 2
    assert (vault / "vault.keys").read_bytes() == good
    assert (vault / "vault.keys.bak").read_bytes() == good
    assert (vault / "vault.db").read_bytes() == db


@pytest.mark.parametrize("how", ["flip", "truncate", "delete", "garbage"])
def test_b6_both_copies_damaged_is_one_sentence_and_nothing_is_overwritten(
    vault: Path, kit: ModuleType, how: str
) -> None:
    _damage(vault / "vault.keys", how, kit)
    _damage(vault / "vault.keys.bak", "truncate" if how != "delete" else "delete", kit)
    before = kit.snapshot([vault])
    with pytest.raises(KeyFileDamaged) as info:
        unlock_vault(vault, kit.PASSPHRASE)
    assert "backup" in _one_sentence(info.value)
    assert kit.snapshot([vault]) == before


def test_b6_damaged_main_copy_and_wrong_passphrase_repairs_nothing(
    vault: Path, kit: ModuleType
) -> None:
    _damage(vault / "vault.keys", "flip", kit)
    before = kit.snapshot([vault])
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault, "yanlış açar")
    assert kit.snapshot([vault]) == before


def test_b6_key_file_from_a_newer_program(vault: Path, kit: ModuleType) -> None:
    doc = json.loads((vault / "vault.keys").read_bytes())
    doc["format"] = "testimony-keys/v2"
    doc["kdf"]["name"] = "argon2id-v2"
    data = json.dumps(doc).encode()
    (vault / "vault.keys").write_bytes(data)
    (vault / "vault.keys.bak").write_bytes(data)
    before = kit.snapshot([vault])
    with pytest.raises(VaultTooNew) as info:
        unlock_vault(vault, kit.PASSPHRASE)
    assert "newer version" in _one_sentence(info.value)
    assert kit.snapshot([vault]) == before


# -- B7 ---------------------------------------------------------------------------------------

HOSTILE: dict[str, dict[str, dict[str, object]]] = {
    "memory 64 GiB": {"kdf": {"memory_kib": 64 * 1024 * 1024}},
    "iterations 1e9": {"kdf": {"iterations": 10**9}},
    "parallelism 0": {"kdf": {"parallelism": 0}},
    "salt 1 byte": {"kdf": {"salt": "AQ=="}},
    "wrapped key 47 bytes": {"wrap": {"ciphertext": "QUJD" * 15 + "QUI="}},
}

_B7_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from testimony_app.crypto import kdf
    from testimony_app.errors import KeyFileDamaged
    from testimony_app.services.vault import unlock_vault

    def hwm():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])

    calls = []
    real = kdf.hash_secret_raw
    def spy(**kw):
        calls.append(kw["memory_cost"])
        return real(**kw)
    kdf.hash_secret_raw = spy
    out = {}
    for path in sys.argv[1:]:
        before = hwm()
        start = time.perf_counter()
        try:
            unlock_vault(Path(path), "whatever")
            result = "UNLOCKED"
        except KeyFileDamaged as exc:
            result = str(exc)
        out[path] = {"seconds": time.perf_counter() - start, "rss_kib": hwm() - before,
                     "result": result, "argon2_calls": len(calls)}
    print(json.dumps(out))
    """
)


def _merge(doc: dict[str, object], change: dict[str, dict[str, object]]) -> dict[str, object]:
    for section, values in change.items():
        doc[section].update(values)  # type: ignore[attr-defined]
    return doc


def _hostile_vault(vault: Path, dest: Path, change: dict[str, dict[str, object]]) -> Path:
    shutil.copytree(vault, dest)
    doc = json.loads((vault / "vault.keys").read_bytes())
    data = _reseal(_merge(doc, change))
    (dest / "vault.keys").write_bytes(data)
    (dest / "vault.keys.bak").write_bytes(data)
    return dest


def _reseal(doc: dict[str, object]) -> bytes:
    import hashlib

    doc.pop("checksum", None)
    doc["checksum"] = hashlib.sha256(keyslots._canonical(doc)).hexdigest()
    return json.dumps(doc, indent=1).encode()


def test_b7_hostile_parameters_are_refused_before_argon2(
    vault: Path, tmp_path: Path, record_property: object
) -> None:
    paths = {name: _hostile_vault(vault, tmp_path / f"h{i}", change)
             for i, (name, change) in enumerate(HOSTILE.items())}
    # The checksum is right, so the file is "well formed": only the bounds stop it.
    for path in paths.values():
        with pytest.raises(KeyFileDamaged):
            keyslots.parse((path / "vault.keys").read_bytes())
    proc = subprocess.run([sys.executable, "-c", _B7_CHILD, *map(str, paths.values())],
                          capture_output=True, text=True, timeout=60, check=True)
    results = json.loads(proc.stdout)
    for name, path in paths.items():
        r = results[str(path)]
        print(f"B7 {name}: {r['seconds'] * 1000:.2f} ms, RSS +{r['rss_kib']} KiB")
        assert r["result"] != "UNLOCKED", name
        assert r["argon2_calls"] == 0, name
        assert r["seconds"] < 0.1, name
        assert r["rss_kib"] < 50 * 1024, name


def test_b7_hostile_main_copy_falls_back_to_a_sane_copy(vault: Path, kit: ModuleType) -> None:
    doc = json.loads((vault / "vault.keys").read_bytes())
    (vault / "vault.keys").write_bytes(_reseal(_merge(doc, HOSTILE["memory 64 GiB"])))
    assert len(_records(vault, kit.PASSPHRASE)) == 2
    assert (vault / "vault.keys").read_bytes() == (vault / "vault.keys.bak").read_bytes()


def test_b7_bounds_match_the_design() -> None:
    assert kdf.MAX_MEMORY_KIB == 4 * 1024 * 1024
    assert kdf.MAX_ITERATIONS == 20
    assert kdf.MAX_PARALLELISM == 16
    assert keyslots.WRAPPED_BYTES == 48


# -- B8 ---------------------------------------------------------------------------------------


def _try(vault: Path, passphrase: str, scratch: Path) -> bool:
    """Whether ``passphrase`` unlocks a *copy* of ``vault`` (so tries do not repair it)."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(vault, scratch)
    try:
        s = unlock_vault(scratch, passphrase)
    except WrongPassphrase:
        return False
    s.lock()
    return True


def test_b8_kill_during_passphrase_change_leaves_exactly_one(
    vault: Path, kit: ModuleType, tmp_path: Path
) -> None:
    template = tmp_path / "template"
    shutil.copytree(vault, template)
    expected = _records(vault, kit.PASSPHRASE)
    env = dict(os.environ, KIT_TRACE="1")
    dry = subprocess.run(kit.child_argv("passwd", vault, 0), capture_output=True, text=True,
                         env=env, timeout=60, check=True)
    ticks = [line for line in dry.stdout.splitlines() if line.startswith("tick")]
    assert dry.stdout.rstrip().endswith("done")
    assert len(ticks) >= 20, ticks
    outcomes = {"old": 0, "new": 0}
    points = range(1, len(ticks) + 1)
    for point in points:
        shutil.copytree(template, tmp_path / f"case{point}")
    # The children run in parallel (each is one short-lived process); then each case is judged.
    pending = list(points)
    running: list[tuple[int, subprocess.Popen[str]]] = []
    codes: dict[int, tuple[int, str]] = {}
    while pending or running:
        while pending and len(running) < 4:
            point = pending.pop()
            running.append((point, subprocess.Popen(
                kit.child_argv("passwd", tmp_path / f"case{point}", point),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        point, proc = running.pop(0)
        out, err = proc.communicate(timeout=60)
        codes[point] = (proc.returncode, out + err)
    for point in points:
        case = tmp_path / f"case{point}"
        assert codes[point][0] == -9, (point, codes[point])
        old = _try(case, kit.PASSPHRASE, tmp_path / "try")
        new = _try(case, kit.NEW_PASSPHRASE, tmp_path / "try")
        assert old != new, (point, ticks[point - 1], old, new)
        works = kit.PASSPHRASE if old else kit.NEW_PASSPHRASE
        outcomes["old" if old else "new"] += 1
        assert _records(case, works) == expected
        assert not list(case.glob(".vault.keys*.tmp"))  # cleaned at that unlock
        assert (case / "vault.keys").read_bytes() == (case / "vault.keys.bak").read_bytes()
        shutil.rmtree(case)
    print(f"B8: {len(ticks)} kill points, old passphrase survived {outcomes['old']},"
          f" new {outcomes['new']}")
    assert outcomes["old"] > 0
    assert outcomes["new"] > 0


def test_b8_tick_trace_covers_both_files(vault: Path, kit: ModuleType) -> None:
    """The injected points really are inside both atomic writes (a guard on the harness)."""
    env = dict(os.environ, KIT_TRACE="1")
    dry = subprocess.run(kit.child_argv("passwd", vault, 0), capture_output=True, text=True,
                         env=env, timeout=60, check=True)
    names = [line.split(" ", 2)[2] for line in dry.stdout.splitlines() if line.startswith("tick")]
    for step in ("before mkstemp", "mid write", "after replace", "after fsync_dir"):
        assert names.count(step) == 2, (step, names)
    assert names.count("before fsync") == 4  # file and directory, twice
    with pytest.raises(UserFacingError):
        unlock_vault(vault, kit.PASSPHRASE)
    assert len(_records(vault, kit.NEW_PASSPHRASE)) == 2
