"""Exporting and importing a 200 MB recording keeps memory flat (the bundle is streamed).

Each phase runs in its own child process so that its peak resident set size (``VmHWM``)
belongs to that phase alone: the child unlocks the vault and makes one statement (so fonts and
libraries are loaded), notes its peak, runs the phase, and notes the peak again.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

TESTS_DIR = Path(__file__).resolve().parents[2]  # where the testkit package is
SIZE = 200 * 1024 * 1024
BUDGET_KIB = 100 * 1024

CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from testkit import vault_kit as kit
from testimony_app.services import organisation
from testimony_app.services.vault import create_vault, unlock_vault

phase, root, size = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
if phase == "prepare":
    keys = organisation.org_keygen(root / "org")
    source = root / "big.bin"
    digest = kit.make_sparse(source, size)
    device = create_vault(root / "device", kit.PASSPHRASE, kdf="test")
    device.bundles.enrol([keys.recipient], keys.signing_public_key, "Org", confirmed=True)
    t = kit.sample_testimony("big")
    t.consent.organisations = []
    t.consent.name_may_appear = True
    rid = device.testimonies.create(t)
    device.testimonies.add_attachment(rid, source)
    device.testimonies.seal(rid, backup=False)
    key = device.bundles.device_public_key()
    device.lock()
    source.unlink()
    org = create_vault(root / "org-vault", kit.PASSPHRASE, kdf="test")
    org.bundles.organisation.register_device(key, "the big laptop", confirmed=True)
    org.lock()
    print(json.dumps({"sha256": digest, "record": rid}))
    sys.exit(0)

session = unlock_vault(root / ("device" if phase == "export" else "org-vault"), kit.PASSPHRASE)
if phase == "export":
    rid = session.testimonies.list()[0].id
    session.statements.build(rid)
before = kit.peak_rss_kib()
started = time.perf_counter()
if phase == "export":
    report = session.bundles.export(root / "big.age")
    result = {"bytes": report.size}
else:
    identity = root / "org" / "org-identity.txt"
    report = organisation.import_bundle(session, root / "big.age", identity)
    (attachment,) = session.testimonies.attachments(report.versions[0].record_id)
    result = {"bytes": attachment.size, "sha256": attachment.sha256}
elapsed = time.perf_counter() - started
after = kit.peak_rss_kib()
session.lock()
result.update(before_kib=before, after_kib=after, seconds=round(elapsed, 2))
print(json.dumps(result))
"""


def _run(phase: str, root: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(TESTS_DIR), phase, str(root), str(SIZE)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_a_200_mb_recording_exports_and_imports_in_flat_memory(tmp_path: Path) -> None:
    prepared = _run("prepare", tmp_path)
    exported = _run("export", tmp_path)
    imported = _run("import", tmp_path)
    export_growth = int(exported["after_kib"]) - int(exported["before_kib"])
    import_growth = int(imported["after_kib"]) - int(imported["before_kib"])
    print(
        f"\nexport of {SIZE >> 20} MiB: peak RSS {exported['before_kib']} -> "
        f"{exported['after_kib']} KiB (+{export_growth >> 10} MiB) in {exported['seconds']} s;"
        f" import: {imported['before_kib']} -> {imported['after_kib']} KiB"
        f" (+{import_growth >> 10} MiB) in {imported['seconds']} s"
    )
    assert int(exported["bytes"]) > SIZE
    assert imported["bytes"] == SIZE
    assert imported["sha256"] == prepared["sha256"]
    assert export_growth < BUDGET_KIB
    assert import_growth < BUDGET_KIB
