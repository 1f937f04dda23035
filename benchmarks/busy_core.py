"""How many cores' worth a process gets when the other core is busy: the 1 GiB cases' limit.

``python -m benchmarks.busy_core`` (about 15 s). The export and import of a 1 GiB bundle split
their passes (two SHA-256, the cipher, the sealing at rest) over threads that hand each other
MiB blocks. With a CPU-bound process pinned to the second core, they measured one core's worth
of CPU per second of wall time (docs/performance.md, "Issue 19, fourth pass"). This measures
the same thing without the app: SHA-256 over 1 GiB in memory (hashlib releases the GIL), done

* by one thread; by 2 and 3 threads splitting it, each independent of the others;
* by a two-stage pipeline (each 1 MiB block hashed by one thread, then handed on a queue to a
  second that hashes it again: the shape of our import, with equal halves),

on a quiet machine, then with ``while True: pass`` pinned to the last core, started in our
session (as ``benchmarks.laptop_bundles`` starts it), then in a session of its own (another
application on a desktop: Linux's autogroup then shares the CPU between the two sessions).
"""

from __future__ import annotations

import hashlib
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

_BLOCK = 1 << 20
_BLOCKS = 1024


def _hash_blocks(count: int, data: bytes) -> None:
    digest = hashlib.sha256()
    for _ in range(count):
        digest.update(data)


def _independent(threads: int, data: bytes) -> None:
    workers = [
        threading.Thread(target=_hash_blocks, args=(_BLOCKS // threads, data))
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def _pipeline(data: bytes) -> None:
    handed: queue.Queue[int | None] = queue.Queue(maxsize=8)

    def first() -> None:
        digest = hashlib.sha256()
        for block in range(_BLOCKS // 2):
            digest.update(data)
            handed.put(block)
        handed.put(None)

    def second() -> None:
        digest = hashlib.sha256()
        while handed.get() is not None:
            digest.update(data)

    workers = [threading.Thread(target=first), threading.Thread(target=second)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def cores_worth(work: Callable[[], None]) -> tuple[float, float]:
    """Wall seconds of ``work`` and the CPU seconds it got per second of wall time."""
    before = os.times()
    start = time.perf_counter()
    work()
    wall = time.perf_counter() - start
    after = os.times()
    cpu = after.user + after.system - before.user - before.system
    return wall, cpu / wall


@contextmanager
def _hog(own_session: bool) -> Iterator[None]:
    core = sorted(os.sched_getaffinity(0))[-1]
    hog = subprocess.Popen(
        [sys.executable, "-c", "while True:\n    pass"], start_new_session=own_session
    )
    try:
        os.sched_setaffinity(hog.pid, {core})
        time.sleep(0.3)
        yield
    finally:
        hog.kill()
        hog.wait()


def main() -> None:
    """Print a line per case and condition."""
    if not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2:
        print("this needs two cores and sched_setaffinity (Linux)")
        return
    data = os.urandom(_BLOCK)
    cases: list[tuple[str, Callable[[], None]]] = [
        ("1 thread", lambda: _independent(1, data)),
        ("2 independent threads", lambda: _independent(2, data)),
        ("3 independent threads", lambda: _independent(3, data)),
        ("2-stage pipeline", lambda: _pipeline(data)),
    ]
    conditions: list[tuple[str, Callable[[], AbstractContextManager[None]]]] = [
        ("quiet", _nothing),
        ("other core busy, same session", lambda: _hog(False)),
        ("other core busy, own session", lambda: _hog(True)),
    ]
    for condition, context in conditions:
        with context():
            for name, work in cases:
                runs = [cores_worth(work) for _ in range(3)]
                wall, worth = sorted(runs)[1]
                print(f"{condition:31s} {name:22s} {wall:6.3f} s  {worth:4.2f} cores' worth")


@contextmanager
def _nothing() -> Iterator[None]:
    yield


if __name__ == "__main__":
    main()
