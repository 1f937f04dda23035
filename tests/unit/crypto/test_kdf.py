"""Argon2id parameters: bounds before any work, calibration never below the floor."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from testimony_app.crypto import kdf, keyslots
from testimony_app.errors import KeyFileDamaged

SALT = bytes(16)


def test_test_params_are_within_bounds_and_cheap() -> None:
    params = kdf.test_params()
    params.check_bounds()
    # Cheap by construction (1 MiB, one pass, one lane), not by a stopwatch: a wall-time bound
    # fails on a loaded machine.
    assert (params.memory_kib, params.iterations, params.parallelism) == (1024, 1, 1)
    key = kdf.derive_key("Tərtər", params)
    assert len(key) == kdf.KEY_BYTES
    assert isinstance(key, bytearray)


@pytest.mark.parametrize(
    ("memory", "iterations", "parallelism", "salt"),
    [
        (64 * 1024 * 1024, 3, 4, SALT),  # 64 GiB
        (kdf.MAX_MEMORY_KIB + 1, 3, 4, SALT),
        (kdf.MIN_MEMORY_KIB - 1, 3, 1, SALT),
        (65536, 10**9, 4, SALT),
        (65536, kdf.MAX_ITERATIONS + 1, 4, SALT),
        (65536, 0, 4, SALT),
        (65536, 3, 0, SALT),
        (65536, 3, kdf.MAX_PARALLELISM + 1, SALT),
        (65536, 3, 4, b"\x01"),
        (65536, 3, 4, bytes(17)),
        (1024, 1, 129, SALT),  # fewer than 8 KiB per lane
    ],
)
def test_bounds_refuse_hostile_parameters(
    memory: int, iterations: int, parallelism: int, salt: bytes
) -> None:
    params = kdf.KdfParams(memory, iterations, parallelism, salt)
    with pytest.raises(KeyFileDamaged):
        params.check_bounds()
    with pytest.raises(KeyFileDamaged):
        kdf.derive_key("x", params)


def test_passphrase_is_nfc_normalised() -> None:
    composed = "Məhərrəm-şəhər-İşıq"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    params = kdf.test_params()
    assert kdf.derive_key(composed, params) == kdf.derive_key(decomposed, params)
    assert kdf.derive_key(composed, params) != kdf.derive_key(composed.upper(), params)


def test_wipe_zeroes_in_place() -> None:
    buf = bytearray(b"\x07" * 32)
    kdf.wipe(buf)
    assert buf == bytearray(32)


def test_calibration_on_a_fast_machine_uses_256_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kdf, "_time_once", lambda params: 0.01)
    params = kdf.calibrate()
    assert params.memory_kib == 256 * 1024
    assert 1 <= params.iterations <= 10
    params.check_bounds()


def test_calibration_on_a_slow_machine_stays_at_the_floor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[int] = []

    def slow(params: kdf.KdfParams) -> float:
        tried.append(params.memory_kib)
        return 30.0

    monkeypatch.setattr(kdf, "_time_once", slow)
    params = kdf.calibrate()
    assert tried == [256 * 1024, 128 * 1024, kdf.FLOOR_MEMORY_KIB]
    assert params.memory_kib == kdf.FLOOR_MEMORY_KIB == 64 * 1024
    assert params.iterations >= 2
    params.check_bounds()


@pytest.mark.slow
def test_production_defaults_on_this_machine(tmp_path: Path) -> None:
    """The real calibration (not the test parameters): the KeePassXC ``fastKdf`` check."""
    params = kdf.calibrate()
    assert params.memory_kib >= kdf.FLOOR_MEMORY_KIB
    assert params.memory_kib <= kdf.MAX_MEMORY_KIB
    assert 1 <= params.iterations <= kdf.MAX_ITERATIONS
    assert 1 <= params.parallelism <= min(4, kdf.MAX_PARALLELISM)
    assert len(params.salt) == kdf.SALT_BYTES
    params.check_bounds()
    # What a new vault writes to disk by default is exactly that kind of parameter set.
    from testimony_app.services.vault import create_vault

    session = create_vault(tmp_path / "v", "istehsal-parametrləri")
    session.lock()
    slot = keyslots.read_slot(tmp_path / "v" / "vault.keys")
    assert slot.params.memory_kib >= kdf.FLOOR_MEMORY_KIB
    slot.params.check_bounds()
