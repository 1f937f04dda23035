"""One process per vault, and a growing wait after wrong passphrases that survives a restart.

**The lock.** Two programs writing one vault lose work: a ``restore`` run while the window was
open sent the window's later saves into the file the restore had set aside, and a purge then
deleted that file (security review F-6). Unlocking, creating and restoring therefore take an
exclusive, non-blocking ``flock`` on the vault directory itself and keep it until the vault is
locked; the kernel releases it when the process ends, however it ends, so a crash never leaves
a stale lock behind. Locking the directory (not a file in it) means a failed attempt creates
no file. Where ``flock`` does not exist (Windows), a byte range of ``vault.lock`` is locked
instead.

**The wait.** After each wrong passphrase the next attempt waits 1, 2, 4 … up to 30 seconds.
The count lives in ``vault.attempts`` beside the key files, so closing the window or running
the command line again does not reset it. It is a speed bump for someone guessing at the
keyboard, not a defence against a copied disk (Argon2id is): the file is not secret and could
be deleted by whoever can read the disk anyway.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from testimony_app.errors import VaultInUse
from testimony_app.log import get_logger
from testimony_app.paths import atomic_write

log = get_logger("storage.vault_lock")

__all__ = ["VaultInUse", "VaultLock", "record_failure", "record_success", "remaining_wait"]

LOCK_NAME = "vault.lock"  # only where flock is missing
ATTEMPTS_NAME = "vault.attempts"
MAX_RETRY_DELAY = 30.0


class VaultLock:
    """An exclusive hold on one vault directory, released by :meth:`release` or process end."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> VaultLock:
        """Take the vault's lock or raise :class:`VaultInUse` at once (never waits)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return cls._acquire_file(path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise VaultInUse() from None
        except OSError:
            # A file system without locks (some network shares): carry on unguarded rather
            # than refuse the person their own vault.
            log.warning("the vault directory cannot be locked here")
        return cls(fd)

    @classmethod
    def _acquire_file(cls, path: Path) -> VaultLock:  # pragma: no cover - Windows
        import msvcrt

        fd = os.open(path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            os.close(fd)
            raise VaultInUse() from None
        return cls(fd)

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Let another process open the vault (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


# -- the growing wait -------------------------------------------------------------------------


def retry_delay(failures: int) -> float:
    """Seconds to wait after the ``failures``-th wrong passphrase: 1, 2, 4 … up to 30."""
    if failures <= 0:
        return 0.0
    return min(MAX_RETRY_DELAY, float(2 ** min(failures - 1, 16)))


def _read_attempts(path: Path) -> tuple[int, float]:
    try:
        doc = json.loads((path / ATTEMPTS_NAME).read_text(encoding="ascii"))
        failures, last = int(doc["failures"]), float(doc["last"])
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return 0, 0.0
    return max(0, min(failures, 1000)), last


def remaining_wait(path: Path, now: Callable[[], float] = time.time) -> float:
    """Seconds still to wait before the next attempt at the vault in ``path`` (0 if none)."""
    failures, last = _read_attempts(path)
    delay = retry_delay(failures)
    if delay <= 0:
        return 0.0
    # A clock set back must not turn the wait into hours: never more than the delay itself.
    return max(0.0, min(delay, last + delay - now()))


# Replaced by tests that count the waits instead of sleeping through them.
sleep: Callable[[float], None] = time.sleep


def wait_turn(path: Path) -> None:
    """Sleep until the next attempt is allowed."""
    seconds = remaining_wait(path)
    if seconds > 0:
        sleep(seconds)


def record_failure(path: Path) -> None:
    """One more wrong passphrase: the next attempt waits longer."""
    failures, _ = _read_attempts(path)
    _write_attempts(path, failures + 1)


def record_success(path: Path) -> None:
    """The passphrase was right: the count starts again."""
    failures, _ = _read_attempts(path)
    if failures or not (path / ATTEMPTS_NAME).exists():
        _write_attempts(path, 0)


def _write_attempts(path: Path, failures: int) -> None:
    data = json.dumps({"failures": failures, "last": round(time.time(), 3)}).encode("ascii")
    with contextlib.suppress(OSError):  # a full or read-only disk: the wait is best effort
        atomic_write(path / ATTEMPTS_NAME, data)
