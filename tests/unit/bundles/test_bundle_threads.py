"""The export's read-ahead thread: sources read on it, callbacks on the caller, always joined.

Reading chunks from the vault overlaps encryption on the second core (docs/performance.md);
cancelling, a failing member and a finished export must each leave no thread running and no
file behind.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testimony_app.bundles import (
    BundleMember,
    ExportFailed,
    OrganisationKeys,
    WrittenBundle,
    verify_bundle,
    write_bundle,
)
from testimony_app.crypto.signing import SigningKey
from testimony_app.errors import OperationCancelled
from testkit.bundle_helpers import AUDIT, RECORD, snapshot


def _helpers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]


def _write(
    org: OrganisationKeys,
    device: SigningKey,
    dest: Path,
    members: list[BundleMember],
    **kw: Any,
) -> WrittenBundle:
    return write_bundle(
        dest, device_id="laptop-1", device_key=device, recipients=[org.recipient],
        members=members, records=[RECORD], audit_head=AUDIT, previous_bundle_id=None, **kw,
    )


@pytest.fixture
def org() -> OrganisationKeys:
    return OrganisationKeys.generate()


@pytest.fixture
def device() -> SigningKey:
    return SigningKey.generate()


def test_sources_are_read_on_a_helper_callbacks_on_the_caller(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    data = hashlib.shake_256(b"a").digest(5 * 1024 * 1024 + 3)
    source_threads: set[str] = set()
    callback_threads: set[str] = set()

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(data), 1 << 20):
            source_threads.add(threading.current_thread().name)
            yield data[i : i + (1 << 20)]

    def progress(done: int, total: int) -> None:
        callback_threads.add(threading.current_thread().name)

    def cancelled() -> bool:
        callback_threads.add(threading.current_thread().name)
        return False

    member = BundleMember("a.bin", len(data), hashlib.sha256(data).hexdigest(), chunks)
    _write(org, device, tmp_path / "b.age", [member], progress=progress, cancelled=cancelled)
    assert source_threads == {"bundle-prefetch"}
    assert callback_threads == {threading.current_thread().name}
    assert verify_bundle(tmp_path / "b.age", [org.age])
    assert _helpers() == []


def test_helper_stops_when_the_caller_cancels(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    pulled = []

    def endless() -> Iterator[bytes]:
        while True:
            pulled.append(1)
            yield b"x" * (1 << 20)

    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > 3

    before = snapshot(tmp_path)
    with pytest.raises(OperationCancelled):
        _write(org, device, tmp_path / "b.age", [BundleMember("a.bin", 1 << 40, "0" * 64, endless)],
               cancelled=cancelled)
    assert _helpers() == []
    assert snapshot(tmp_path) == before
    assert len(pulled) < 16  # read ahead by a few pieces only


def test_helper_failure_is_raised_in_order(
    tmp_path: Path, org: OrganisationKeys, device: SigningKey
) -> None:
    good = b"g" * 3000
    bad_declared = b"b" * 10
    members = [
        BundleMember.from_bytes("a.bin", good),
        BundleMember("b.bin", 10, hashlib.sha256(bad_declared).hexdigest(), lambda: [b"c" * 10]),
    ]
    before = snapshot(tmp_path)
    with pytest.raises(ExportFailed, match="does not match"):
        _write(org, device, tmp_path / "b.age", members)
    assert _helpers() == []
    assert snapshot(tmp_path) == before
