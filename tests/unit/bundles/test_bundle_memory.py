"""Memory stays flat for large members (security.md §5 D8: peak RSS under the budget).

A 200 MB attachment is streamed into a bundle and verified again in a fresh child process,
and the child reports its peak resident set size after start-up, after writing and after
reading (``VmHWM`` where /proc exists, else ``getrusage``). Holding the member in memory
anywhere would add 200 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r"""
import hashlib, json, resource, sys, time
from pathlib import Path
from testimony_app.bundles import (
    AuditHead, BundleMember, DiscardingSink, OrganisationKeys, RecordRef, open_bundle,
    write_bundle,
)
from testimony_app.crypto.signing import SigningKey

SIZE = 200 * 1024 * 1024
CHUNK = 1 << 20
BLOCK = hashlib.shake_256(b"audio").digest(CHUNK)

def chunks():
    for i in range(SIZE // CHUNK):
        yield BLOCK[:-8] + i.to_bytes(8, "big")

def peak_mib():
    # ru_maxrss is inherited from the parent across fork+exec on Linux (pytest with Qt is
    # already ~90 MiB), so prefer VmHWM, the peak of this process's own address space.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

# Pre-hash without allocating (as the vault would have: it stores the hash), so the
# baseline is the program's own footprint and any growth during export or import shows.
digest = hashlib.sha256()
buffer = bytearray(BLOCK)
for i in range(SIZE // CHUNK):
    buffer[-8:] = i.to_bytes(8, "big")
    digest.update(buffer)
del buffer
org, device = OrganisationKeys.generate(), SigningKey.generate()
baseline = peak_mib()
target = Path(sys.argv[1]) / "big.age"
started = time.perf_counter()
written = write_bundle(
    target, device_id="laptop-1", device_key=device, recipients=[org.recipient],
    members=[BundleMember("records/r/v1/attachments/a.ogg", SIZE, digest.hexdigest(), chunks)],
    records=[RecordRef("r", 1, "c" * 64)], audit_head=AuditHead(1, "d" * 64),
    previous_bundle_id=None,
)
write_seconds = time.perf_counter() - started
after_write = peak_mib()
started = time.perf_counter()
result = open_bundle(target, [org.age], trusted_device_keys=[device.public_key],
                     sink=DiscardingSink())
read_seconds = time.perf_counter() - started
assert result.bundle_sha256 == written.sha256
print(json.dumps({
    "bundle_bytes": written.size, "baseline_mib": round(baseline, 1),
    "after_write_mib": round(after_write, 1), "after_read_mib": round(peak_mib(), 1),
    "write_seconds": round(write_seconds, 2), "read_seconds": round(read_seconds, 2),
    "ru_maxrss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
"""


@pytest.mark.slow
def test_200_mb_member_keeps_memory_flat(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    print(f"\nmemory: {numbers}")
    assert numbers["bundle_bytes"] > 200 * 1024 * 1024
    assert numbers["after_write_mib"] - numbers["baseline_mib"] < 16
    assert numbers["after_read_mib"] - numbers["baseline_mib"] < 16
