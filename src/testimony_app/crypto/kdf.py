"""Argon2id: turning a passphrase into the key that unwraps the database key.

Parameters read from disk are checked against hard bounds *before* Argon2 runs, so a hostile
key file (64 GiB of memory, a billion passes) is refused in microseconds instead of hanging or
exhausting the machine. New vaults calibrate the cost to about one second on the laptop they
are created on, never below 64 MiB of memory.
"""

from __future__ import annotations

import os
import time
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from testimony_app.errors import KeyFileDamaged

SALT_BYTES = 16
KEY_BYTES = 32

# What calibration may choose: never below the floor, never above the ceiling.
FLOOR_MEMORY_KIB = 64 * 1024
CEILING_MEMORY_KIB = 256 * 1024
MAX_CALIBRATED_ITERATIONS = 10
MAX_CALIBRATED_PARALLELISM = 4
TARGET_SECONDS = 1.0

# Bounds for parameters read from a key file (security.md §4.2, §5 B7). A key file is not
# trusted until it unwraps, and Argon2 runs before that, so an edited file could make every
# attempt as slow and as large as it likes: 4 GiB and 20 passes cost 123 s and 4.2 GB per try
# on a reviewer's laptop. Nothing calibration makes costs more than 256 MiB x 10 passes, so the
# bounds allow twice the memory and no more total work than that (about 4 s where 4 GiB x 20
# took 123 s): a hostile file can slow an attempt a few times, not lock the owner out.
MIN_MEMORY_KIB = 1024
MAX_MEMORY_KIB = 2 * CEILING_MEMORY_KIB
MAX_ITERATIONS = MAX_CALIBRATED_ITERATIONS
MAX_PARALLELISM = 2 * MAX_CALIBRATED_PARALLELISM
MAX_WORK_KIB = CEILING_MEMORY_KIB * MAX_CALIBRATED_ITERATIONS  # memory x passes


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters and salt, stored in the clear beside the vault."""

    memory_kib: int
    iterations: int
    parallelism: int
    salt: bytes

    def check_bounds(self) -> None:
        """Refuse parameters no honest vault would have; raise :class:`KeyFileDamaged`."""
        if not (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.parallelism <= MAX_PARALLELISM
            and self.memory_kib >= 8 * self.parallelism
            and self.memory_kib * self.iterations <= MAX_WORK_KIB
            and len(self.salt) == SALT_BYTES
        ):
            raise KeyFileDamaged("vault.key_file_impossible")

    def with_new_salt(self) -> KdfParams:
        """The same cost with a fresh random salt (every passphrase change gets a new one)."""
        return KdfParams(self.memory_kib, self.iterations, self.parallelism, os.urandom(SALT_BYTES))


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC-normalise and encode, so that ə typed precomposed or decomposed unlocks alike."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, params: KdfParams) -> bytearray:
    """Derive the 32-byte key-encryption key. The caller wipes the returned buffer."""
    params.check_bounds()
    secret = normalise_passphrase(passphrase)
    raw = hash_secret_raw(
        secret=secret,
        salt=params.salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return bytearray(raw)


def test_params() -> KdfParams:
    """Deliberately cheap parameters for the test suite only (KeePassXC's ``fastKdf``)."""
    return KdfParams(memory_kib=1024, iterations=1, parallelism=1, salt=os.urandom(SALT_BYTES))


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Find parameters that take about ``target_seconds`` here, never below 64 MiB.

    Memory is tried high first (256 MiB) because memory is what makes guessing expensive on
    graphics cards; passes are then added until the target is reached.
    """
    salt = os.urandom(SALT_BYTES)
    parallelism = max(1, min(MAX_CALIBRATED_PARALLELISM, os.cpu_count() or 1))
    for memory in (CEILING_MEMORY_KIB, 128 * 1024, FLOOR_MEMORY_KIB):
        params = KdfParams(memory, 1, parallelism, salt)
        elapsed = _time_once(params)
        if elapsed <= target_seconds or memory == FLOOR_MEMORY_KIB:
            passes = round(target_seconds / max(elapsed, 1e-3))
            iterations = max(1, min(MAX_CALIBRATED_ITERATIONS, passes))
            return KdfParams(
                memory,
                max(iterations, 2 if memory < CEILING_MEMORY_KIB else 1),
                parallelism,
                salt,
            )
    raise AssertionError("unreachable")  # pragma: no cover


def _time_once(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_key("calibration", params)
    return time.perf_counter() - start


def wipe(buffer: bytearray) -> None:
    """Overwrite a key buffer in place (best effort: Python may hold other copies)."""
    for i in range(len(buffer)):
        buffer[i] = 0
