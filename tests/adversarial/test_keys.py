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
from testimony_app.services.vault import (
    create_vault,
    list_backups,
    restore_backup,
    unlock_vault,
)
from testimony_app.storage import vault as storage_vault
from testimony_app.storage import vault_files

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


def _without_attempts(snapshot: dict[str, tuple[bytes, int]]) -> dict[str, tuple[bytes, int]]:
    return {k: v for k, v in snapshot.items() if not k.endswith("vault.attempts")}


def test_b1_wrong_passphrase_five_times_changes_nothing_but_the_count(
    vault: Path, kit: ModuleType, passphrase_waits: list[float]
) -> None:
    before = kit.snapshot([vault.parent])
    assert str(vault / "vault.attempts") in before  # made with the vault: no new file later
    messages = set()
    for attempt in ["", "tərtər", kit.PASSPHRASE.upper(), kit.PASSPHRASE + " ", "Ёлка-7"]:
        with pytest.raises(WrongPassphrase) as info:
            unlock_vault(vault, attempt)
        messages.add(_one_sentence(info.value))
    assert messages == {"The passphrase is not correct for this vault."}
    after = kit.snapshot([vault.parent])
    assert _without_attempts(after) == _without_attempts(before)  # same bytes and mtimes
    assert set(after) == set(before)  # no file created or removed
    # The delay grows: 1, 2, 4, 8 seconds before attempts 2 to 5 (a little less, as time
    # passes between them), and it is written down, so a new process waits too.
    assert len(passphrase_waits) == 4
    assert passphrase_waits == sorted(passphrase_waits)
    assert passphrase_waits[-1] > 4 * passphrase_waits[0] > 0
    assert json.loads((vault / "vault.attempts").read_text())["failures"] == 5
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from testimony_app.storage import vault_lock; "
         "print(vault_lock.remaining_wait(Path(sys.argv[1])))", str(vault)],
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert 8 < float(probe.stdout) <= 16  # a restart does not reset the wait
    passphrase_waits.clear()
    assert len(_records(vault, kit.PASSPHRASE)) == 2
    assert passphrase_waits
    assert passphrase_waits[0] > 8
    assert json.loads((vault / "vault.attempts").read_text())["failures"] == 0


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
    assert _without_attempts(kit.snapshot([vault])) == _without_attempts(before)


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
    # The review's B7.8: inside the old bounds, 123 s and 4.2 GB per attempt.
    "4 GiB x 20 passes": {"kdf": {"memory_kib": 4 * 1024 * 1024, "iterations": 20}},
    "512 MiB x 10 passes": {"kdf": {"memory_kib": 512 * 1024, "iterations": 10}},
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
    """At most twice the memory and no more work than the dearest calibration (F-4)."""
    assert kdf.MAX_MEMORY_KIB == 512 * 1024
    assert kdf.MAX_ITERATIONS == 10
    assert kdf.MAX_PARALLELISM == 8
    assert kdf.MAX_WORK_KIB == 256 * 1024 * 10
    assert keyslots.WRAPPED_BYTES == 48
    dearest = kdf.KdfParams(kdf.CEILING_MEMORY_KIB, kdf.MAX_CALIBRATED_ITERATIONS,
                            kdf.MAX_CALIBRATED_PARALLELISM, bytes(16))
    dearest.check_bounds()  # every vault calibration can make still opens
    for m, t in ((kdf.MAX_MEMORY_KIB, 6), (kdf.CEILING_MEMORY_KIB, 11), (4 * 1024 * 1024, 20)):
        with pytest.raises(KeyFileDamaged):
            kdf.KdfParams(m, t, 1, bytes(16)).check_bounds()


# -- B6.10: an edited copy with its checksum recomputed ---------------------------------------

FIELDS = {
    "wrapped key": ("wrap", "ciphertext"),
    "salt": ("kdf", "salt"),
    "nonce": ("wrap", "nonce"),
}


def _edit_one_bit(path: Path, section: str, field: str) -> None:
    """Flip one bit of a base64 field and recompute the (secret-less) checksum."""
    import base64

    doc = json.loads(path.read_bytes())
    raw = bytearray(base64.b64decode(doc[section][field]))
    raw[len(raw) // 2] ^= 0x01
    doc[section][field] = base64.b64encode(bytes(raw)).decode("ascii")
    path.write_bytes(_reseal(doc))
    keyslots.parse(path.read_bytes())  # still a well-formed key file


@pytest.mark.parametrize("which", ["vault.keys", "vault.keys.bak"])
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_b6_10_an_edited_copy_is_reported_not_taken_for_a_wrong_passphrase(
    vault: Path, kit: ModuleType, field: str, which: str
) -> None:
    intact = (vault / "vault.keys").read_bytes()
    _edit_one_bit(vault / which, *FIELDS[field])
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        warning = s.key_file_warning
        assert warning is not None
        assert warning.code == "check.key_file_replaced"
        assert "changed" in str(warning)
        report = s.check()
        assert not report.ok
        assert report.problems[0] == warning
        assert len(s.testimonies.list()) == 2
    finally:
        s.lock()
    assert (vault / "vault.keys").read_bytes() == intact  # repaired from the intact copy
    assert (vault / "vault.keys.bak").read_bytes() == intact
    with pytest.raises(WrongPassphrase):  # a wrong passphrase is still only that
        unlock_vault(vault, "yanlış açar")


def test_b6_10_restore_also_uses_the_intact_copy(vault: Path, kit: ModuleType) -> None:
    s = unlock_vault(vault, kit.PASSPHRASE)
    try:
        s.backup()
    finally:
        s.lock()
    _edit_one_bit(vault / "vault.keys", "wrap", "ciphertext")
    restore_backup(vault, list_backups(vault)[0], kit.PASSPHRASE)
    assert len(_records(vault, kit.PASSPHRASE)) == 2


def test_b6_10_both_copies_edited_alike_cannot_be_told_from_a_wrong_passphrase(
    vault: Path, kit: ModuleType
) -> None:
    """The documented limit: with no intact copy left there is nothing to compare with."""
    _edit_one_bit(vault / "vault.keys", "kdf", "salt")
    shutil.copyfile(vault / "vault.keys", vault / "vault.keys.bak")
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault, kit.PASSPHRASE)


# -- B8 / B10: a passphrase change gives a new key and retires the old passphrase -------------


@pytest.fixture
def rich(vault_dir: Path, kit: ModuleType, tmp_path: Path) -> Path:
    """A locked vault with sealed records, an attachment, two backups and a set-aside database
    (from a restore), so that a passphrase change has every kind of file to deal with."""
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    a = s.testimonies.create(kit.sample_testimony("a"))
    src = tmp_path / "şəkil.jpg"
    src.write_bytes(os.urandom(30_000))
    s.testimonies.add_attachment(a, src)
    s.testimonies.seal(a)
    s.testimonies.seal(s.testimonies.create(kit.sample_testimony("b")))
    s.lock()
    restore_backup(vault_dir, list_backups(vault_dir)[0], kit.PASSPHRASE)
    s = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        s.testimonies.create(kit.sample_testimony("c", consent=False))
    finally:
        s.lock()
    assert list(vault_dir.glob("vault.db.damaged-*"))
    assert len(list_backups(vault_dir)) == 2
    return vault_dir


def _old_key(vault: Path, passphrase: str) -> bytes:
    dek, _ = storage_vault.unwrap_key(vault, passphrase)
    return bytes(dek)


def _nothing_opens_with(vault: Path, passphrase: str, dek: bytes, at_least: int = 7) -> None:
    """Every file left in the vault, tried as a key file with ``passphrase`` and as a
    database with ``dek``: none opens (the attachment files' keys live only in databases)."""
    tried = 0
    for file in sorted(p for p in vault.rglob("*") if p.is_file()):
        tried += 1
        try:
            slot = keyslots.parse(file.read_bytes()[: keyslots.MAX_FILE_BYTES + 1])
        except KeyFileDamaged:
            pass
        else:
            with pytest.raises(WrongPassphrase):
                keyslots.unwrap(slot, passphrase)
        assert not vault_files.opens_with(file, dek), file
    assert tried >= at_least


def test_b10_old_passphrase_opens_no_file_after_a_change(
    rich: Path, kit: ModuleType, tmp_path: Path
) -> None:
    old_dek = _old_key(rich, kit.PASSPHRASE)
    expected = _records(rich, kit.PASSPHRASE)
    usb = tmp_path / "usb"
    usb.mkdir()
    kept = list_backups(rich)[0]
    shutil.copy(kept, usb / kept.name)
    shutil.copy(kept.with_suffix(".keys"), usb / kept.with_suffix(".keys").name)
    s = unlock_vault(rich, kit.PASSPHRASE)
    try:
        s.change_passphrase(kit.PASSPHRASE, kit.NEW_PASSPHRASE)
        added = s.testimonies.create(kit.sample_testimony("after the change"))
    finally:
        s.lock()
    _nothing_opens_with(rich, kit.PASSPHRASE, old_dek)
    # What remains: the vault under the new key, one fresh verified backup, the set-aside
    # database re-encrypted (a later purge can still look inside it), no old key files.
    assert len(list_backups(rich)) == 1
    assert not list(rich.glob("vault.keys.damaged-*"))
    new_dek = _old_key(rich, kit.NEW_PASSPHRASE)
    for file in [*list_backups(rich), *rich.glob("vault.db.damaged-*")]:
        if not file.name.endswith(("-wal", "-shm")):
            assert vault_files.opens_with(file, new_dek), file
    assert keyslots.read_slot(rich / "vault.keys").predecessor is None
    with pytest.raises(WrongPassphrase):
        unlock_vault(rich, kit.PASSPHRASE)
    assert _records(rich, kit.NEW_PASSPHRASE) == sorted([*expected, added])
    # A backup kept elsewhere from before the change: restoring it re-keys it to the current
    # passphrase, and the old one still opens nothing in the vault.
    with pytest.raises(WrongPassphrase, match="another passphrase"):
        restore_backup(rich, usb / kept.name, kit.NEW_PASSPHRASE)
    restore_backup(rich, usb / kept.name, kit.NEW_PASSPHRASE, backup_passphrase=kit.PASSPHRASE)
    assert vault_files.opens_with(rich / "vault.db", new_dek)
    _nothing_opens_with(rich, kit.PASSPHRASE, old_dek)
    assert len(_records(rich, kit.NEW_PASSPHRASE)) == 2
    with pytest.raises(WrongPassphrase):
        unlock_vault(rich, kit.PASSPHRASE)


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


def _run_children(kit: ModuleType, cases: dict[int, Path]) -> dict[int, tuple[int, str]]:
    """Run one passwd child per kill point, four at a time; return exit codes and output."""
    pending = sorted(cases)
    running: list[tuple[int, subprocess.Popen[str]]] = []
    codes: dict[int, tuple[int, str]] = {}
    while pending or running:
        while pending and len(running) < 4:
            point = pending.pop()
            running.append((point, subprocess.Popen(
                kit.child_argv("passwd", cases[point], point),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        point, proc = running.pop(0)
        out, err = proc.communicate(timeout=120)
        codes[point] = (proc.returncode, out + err)
    return codes


@pytest.mark.slow
def test_b8_kill_at_every_step_of_a_passphrase_change(
    rich: Path, kit: ModuleType, tmp_path: Path
) -> None:
    """SIGKILL at each file-system step of the change: exactly one passphrase works, nothing
    is lost, and once the new one works no file opens with the old one."""
    template = tmp_path / "template"
    shutil.copytree(rich, template)
    expected = _records(rich, kit.PASSPHRASE)
    old_dek = _old_key(rich, kit.PASSPHRASE)
    env = dict(os.environ, KIT_TRACE="1")
    dry = subprocess.run(kit.child_argv("passwd", rich, 0), capture_output=True, text=True,
                         env=env, timeout=120, check=True)
    ticks = [line for line in dry.stdout.splitlines() if line.startswith("tick")]
    assert dry.stdout.rstrip().endswith("done")
    assert len(ticks) >= 40, ticks
    cases = {point: tmp_path / f"case{point}" for point in range(1, len(ticks) + 1)}
    for case in cases.values():
        shutil.copytree(template, case)
    codes = _run_children(kit, cases)
    outcomes = {"old": 0, "new": 0}
    for point, case in cases.items():
        where = (point, ticks[point - 1])
        assert codes[point][0] == -9, (where, codes[point])
        old = _try(case, kit.PASSPHRASE, tmp_path / "try")
        new = _try(case, kit.NEW_PASSPHRASE, tmp_path / "try")
        assert old != new, (where, old, new)
        works = kit.PASSPHRASE if old else kit.NEW_PASSPHRASE
        outcomes["old" if old else "new"] += 1
        assert _records(case, works) == expected, where
        for leftover in (".vault.keys*.tmp", ".rekey-*", ".restore-*"):
            assert not list(case.glob(leftover)), (where, leftover)
        assert (case / "vault.keys").read_bytes() == (case / "vault.keys.bak").read_bytes()
        assert list(case.glob("vault.db.damaged-*")), where  # never deleted
        assert list_backups(case), where
        if new:
            _nothing_opens_with(case, kit.PASSPHRASE, old_dek)
            assert keyslots.read_slot(case / "vault.keys").predecessor is None, where
        shutil.rmtree(case)
    print(f"B8: {len(ticks)} kill points, old passphrase survived {outcomes['old']},"
          f" new {outcomes['new']}")
    assert outcomes["old"] > 0
    assert outcomes["new"] > 0


def test_b8_tick_trace_covers_every_kind_of_step(rich: Path, kit: ModuleType) -> None:
    """The injected points really are inside each step (a guard on the harness)."""
    env = dict(os.environ, KIT_TRACE="1")
    dry = subprocess.run(kit.child_argv("passwd", rich, 0), capture_output=True, text=True,
                         env=env, timeout=120, check=True)
    names = [line.split(" ", 2)[2] for line in dry.stdout.splitlines() if line.startswith("tick")]
    for step in ("before rekeyed_copy", "after rekeyed_copy", "mid write", "before replace",
                 "before unlink", "before copyfile", "before reopen",
                 "before backup_to", "before fsync"):
        assert step in names, (step, sorted(set(names)))
    assert names.count("after rekeyed_copy") == 2  # the live and the set-aside database
    with pytest.raises(UserFacingError):
        unlock_vault(rich, kit.PASSPHRASE)
    assert len(_records(rich, kit.NEW_PASSPHRASE)) == 3


@pytest.mark.slow
def test_b10_cli_the_old_passphrase_opens_nothing_after_passwd(
    kit: ModuleType, tmp_path: Path
) -> None:
    """Finding 3 played through the command line: a thief who learnt the old passphrase tries
    it on every file the vault folder holds after ``passwd`` (live vault, backups and their key
    files, set-aside databases), and on ``restore``; nothing opens. A copy of a backup taken
    out of the folder before the change is the one thing the old passphrase still opens
    (SECURITY.md, "Copies made before a passphrase change"), and restoring it puts it under
    the new passphrase."""
    vault = tmp_path / "vault"
    env = dict(os.environ, TESTIMONY_PASSPHRASE=kit.PASSPHRASE)
    env.pop("TESTIMONY_DEBUG", None)

    def cli(*args: object, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "testimony_app", *(str(a) for a in args), "--vault",
             str(vault)],
            capture_output=True, text=True, encoding="utf-8", env=env | extra,
            stdin=subprocess.DEVNULL, timeout=300,
        )

    def ok(*args: object, **extra: str) -> str:
        done = cli(*args, **extra)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    ok("init", "--kdf", "test")
    document = tmp_path / "ifadə.json"
    from testimony_app.domain import interchange

    document.write_text(
        json.dumps(interchange.to_dict(kit.sample_testimony("a")), ensure_ascii=False),
        encoding="utf-8",
    )
    rid = json.loads(ok("add", document, "--json"))["id"]
    ok("seal", rid)
    ok("backup")
    usb = tmp_path / "usb"
    usb.mkdir()
    old_backup = list_backups(vault)[0]
    for file in (old_backup, old_backup.with_suffix(".keys")):
        shutil.copy(file, usb / file.name)
    old_dek = _old_key(vault, kit.PASSPHRASE)

    assert "new key" in ok("passwd", TESTIMONY_NEW_PASSPHRASE=kit.NEW_PASSPHRASE)
    rid2 = json.loads(
        ok("add", document, "--json", TESTIMONY_PASSPHRASE=kit.NEW_PASSPHRASE)
    )["id"]

    _nothing_opens_with(vault, kit.PASSPHRASE, old_dek, at_least=5)
    for command in (["list"], ["check"], ["restore", "latest"], ["backup"]):
        refused = cli(*command)
        assert refused.returncode == 2, (command, refused.stdout, refused.stderr)
        assert "passphrase is not correct" in refused.stderr
    now = json.loads(ok("list", "--json", TESTIMONY_PASSPHRASE=kit.NEW_PASSPHRASE))
    assert sorted(r["id"] for r in now) == sorted([rid, rid2])

    # The copy on the stick still opens with the old passphrase: the documented limit.
    slot = keyslots.read_slot(usb / old_backup.with_suffix(".keys").name)
    keyslots.unwrap(slot, kit.PASSPHRASE)
    assert vault_files.opens_with(usb / old_backup.name, old_dek)
    # Restoring it needs the passphrase it was made with, and re-keys it to the current one.
    old_file = tmp_path / "old-passphrase.txt"
    old_file.write_text(kit.PASSPHRASE, encoding="utf-8")
    stick = usb / old_backup.name
    assert cli("restore", stick, TESTIMONY_PASSPHRASE=kit.NEW_PASSPHRASE).returncode == 2
    ok("restore", stick, "--backup-passphrase-file", old_file,
       TESTIMONY_PASSPHRASE=kit.NEW_PASSPHRASE)
    _nothing_opens_with(vault, kit.PASSPHRASE, old_dek, at_least=5)
    assert cli("list").returncode == 2
    listed = json.loads(ok("list", "--json", TESTIMONY_PASSPHRASE=kit.NEW_PASSPHRASE))
    assert [r["id"] for r in listed] == [rid]
