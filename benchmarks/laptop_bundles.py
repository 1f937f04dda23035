"""Export and import of a large recording against the ``age`` tool, on a quiet machine and
with the second core busy.

Our export and import run their hashes and the cipher on two threads; ``age`` runs on one. So
their ratio to ``age`` depends on whether the second core is free: the case runs both ways,
the second time with a CPU-bound process pinned to the other core
(``os.sched_setaffinity``), ours and ``age`` alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from benchmarks import corpus
from benchmarks.cases import PASSPHRASE, ROUNDS, Settings
from benchmarks.results import Result, Target, load_now, median_result
from testimony_app.services.vault import VaultSession, create_vault

_RSS_SCRIPT = """
import sys, pathlib
from testimony_app.services.vault import unlock_vault

def hwm():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
session = unlock_vault(pathlib.Path(sys.argv[1]), sys.argv[2])
before = hwm()
session.bundles.export(pathlib.Path(sys.argv[3]), record_ids=[sys.argv[4]], keep_doubtful=True)
session.lock()
print(before, hwm())
"""


def random_file(path: Path, size: int) -> None:
    """``size`` random bytes (a recording does not compress)."""
    block = 4 * 1024 * 1024
    with path.open("wb") as out:
        written = 0
        while written < size:
            chunk = os.urandom(min(block, size - written))
            out.write(chunk)
            written += len(chunk)


def _timed_cmd(cmd: list[str], log: Callable[[str], None] | None = None) -> float:
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if log is not None:
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        log(f"  {cmd[0]} {cmd[1]}: {elapsed:.2f} s, CPU {cpu:.2f} s")
    return elapsed


def _ours(action: Callable[[], object], what: str, log: Callable[[str], None]) -> float:
    """Wall seconds of ``action``; logs its CPU seconds (all threads; the system part apart:
    writing a GiB through the page cache cost 0.2-2 s of it on the benchmark machine, run to
    run) and the machine's load, since the machine is shared and a 2-core pipeline loses most
    when other work runs."""
    load = os.getloadavg()[0]
    before = os.times()
    start = time.perf_counter()
    action()
    elapsed = time.perf_counter() - start
    after = os.times()
    user, system = after.user - before.user, after.system - before.system
    log(
        f"  {what}: {elapsed:.2f} s, CPU {user + system:.2f} s (system {system:.2f}),"
        f" load {load:.1f}"
    )
    return elapsed


@contextmanager
def busy_other_core(log: Callable[[str], None]) -> Iterator[bool]:
    """A CPU-bound process pinned to the second core for as long as the block runs.

    Yields False (and changes nothing) on a machine with one core or without
    ``sched_setaffinity``.
    """
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cores) < 2:
        log("  busy core: this machine has one core for us; the busy variant is skipped")
        yield False
        return
    hog = subprocess.Popen([sys.executable, "-c", "while True:\n    pass"])
    try:
        os.sched_setaffinity(hog.pid, {cores[-1]})
        log(f"  busy core: process {hog.pid} spins on core {cores[-1]}")
        yield True
    finally:
        hog.kill()
        hog.wait()


def disk_write_rate(work: Path, size: int = 256 * 1024 * 1024) -> float:
    """MiB/s of writing ``size`` fresh bytes and ``fsync``-ing them: imports and exports end
    waiting for the disk, and on a shared host its speed moves as much as the CPU's."""
    path = work / "disk-probe.bin"
    block = os.urandom(4 * 1024 * 1024)
    start = time.perf_counter()
    with path.open("wb") as out:
        for _ in range(size // len(block)):
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    elapsed = time.perf_counter() - start
    path.unlink()
    return size / elapsed / (1024 * 1024)


def bundles(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """Export and import of a testimony with a large recording, against the age tool: first
    with the machine as it is, then with the second core kept busy."""
    from testimony_app.services import organisation

    size = settings.export_mb * 1024 * 1024
    recording = work / "recording.bin"
    random_file(recording, size)
    keys = organisation.org_keygen(work / "org")
    device = create_vault(work / "device", PASSPHRASE, kdf="test")
    device.bundles.enrol([keys.recipient], keys.signing_public_key, "Benchmark Org", confirmed=True)
    testimony = corpus.testimony(settings.seed, 1)
    record_id = device.testimonies.create(testimony)
    start = time.perf_counter()
    device.testimonies.add_attachment(record_id, recording)
    log(f"  attachment of {settings.export_mb} MiB stored in {time.perf_counter() - start:.1f} s")
    device.testimonies.seal(record_id, backup=False)
    label = (
        f"{settings.export_mb // 1024}gb"
        if settings.export_mb >= 1024
        else f"{settings.export_mb}mb"
    )
    disk = disk_write_rate(work)
    log(f"  disk: {disk:.0f} MiB/s written and fsynced")
    results: list[Result] = []
    bundle = work / "out.age"

    def export_import(suffix: str, limit: float) -> list[Result]:
        start_load = load_now()
        exports, base_exports = [], []
        # Three of each, ours and age taken in turn, medians compared: one pair alone moved
        # between 1.5x and 2.2x with what else the shared machine was doing in that minute.
        for attempt in range(ROUNDS):
            target = work / f"export-{attempt}.age"
            exports.append(
                _ours(
                    lambda t=target: device.bundles.export(
                        t, record_ids=[record_id], keep_doubtful=True
                    ),
                    f"export{suffix}",
                    log,
                )
            )
            base_exports.append(
                _timed_cmd(
                    ["age", "-r", keys.recipient, "-o", str(work / "base.age"), str(recording)],
                    log,
                )
            )
            (work / "base.age").unlink()
            if bundle.exists():
                target.unlink()
            else:
                target.rename(bundle)
        imports, base_imports = [], []
        for attempt in range(ROUNDS):
            org_path = work / f"org-vault-{attempt}"
            org = create_vault(org_path, PASSPHRASE, kdf="test")
            _register(org, device, "benchmark laptop")
            imports.append(
                _ours(
                    lambda o=org: organisation.import_bundle(o, bundle, keys.paths[0]),
                    f"import{suffix}",
                    log,
                )
            )
            org.lock()
            shutil.rmtree(org_path)
            base_imports.append(
                _timed_cmd(
                    ["age", "-d", "-i", str(keys.paths[0]), "-o", "/dev/null", str(bundle)], log
                )
            )
        load = (start_load, load_now())
        found = [
            median_result(
                f"export_{label}{suffix}", exports, "s", "age -r, same bytes", base_exports,
                target=Target("ratio", limit),
            ),
            median_result(
                f"import_{label}{suffix}", imports, "s", "age -d of the bundle", base_imports,
                target=Target("ratio", limit),
            ),
        ]
        for r in found:
            log(f"{r.name}: {r.value:.2f} s vs {r.baseline_value:.2f} s, ratio {r.ratio:.2f}"
                f" (medians of {ROUNDS}; load {load[0]:.1f}-{load[1]:.1f})")
        return [replace(r, load=load, extra={"disk_mib_s": disk}) for r in found]

    results += export_import("", 1.5)
    with busy_other_core(log) as busy:
        if busy:
            results += export_import("_busy", 2.0)
    device.lock()
    # Peak memory of an export in a fresh process (VmHWM, not inherited like ru_maxrss).
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _RSS_SCRIPT,
            str(work / "device"),
            PASSPHRASE,
            str(work / "again.age"),
            record_id,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    peak_growth = float(out[1]) - float(out[0])
    log(f"export peak RSS: {out[1]} MiB (+{peak_growth:.1f} MiB during the export)")
    results.append(
        Result("export_peak_rss_mb", float(out[1]), "MiB", None, None,
               target=Target("value", 300, strict=True))
    )
    return results


def _register(org: VaultSession, device: VaultSession, name: str) -> None:
    """The organisation registers the laptop, as a person does after comparing fingerprints:
    it refuses bundles from any other key."""
    org.bundles.organisation.register_device(device.bundles.device_public_key(), name,
                                             confirmed=True)
