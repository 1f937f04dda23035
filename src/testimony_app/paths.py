"""Where the application keeps its files, created private (0700 directories, 0600 files)."""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import platformdirs

from testimony_app import APP_NAME

DIR_MODE = 0o700
FILE_MODE = 0o600


def harden_process() -> None:
    """Make every file this process creates private and refuse core dumps of secrets."""
    os.umask(0o077)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # not on this platform
        pass


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if os.name == "posix":
        os.chmod(path, DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    """Flush a directory entry so a rename inside it survives a power loss."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _load_sync_file_range() -> Callable[[int, int, int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
    function.restype = ctypes.c_int
    return cast(Callable[[int, int, int, int], int], function)


_SYNC_FILE_RANGE = _load_sync_file_range()
# How much a writer lets pile up in the page cache before it asks the kernel to start writing
# it out. With 24 GiB of memory Linux would otherwise hold a whole GiB until the final fsync,
# which then waited 0.55-0.6 s for all of it; started early, the disk works while the CPU
# still encrypts.
WRITEBACK_BYTES = 16 * 1024 * 1024
_SYNC_FILE_RANGE_WRITE = 2


def start_writeback(fd: int, offset: int, length: int) -> None:
    """Ask the kernel to start writing a range of a file to disk, without waiting for it.

    With plenty of memory Linux holds a GiB of freshly written data until the ``fsync`` that
    follows, which then waits for all of it; started early, the disk works while the CPU still
    encrypts. Only a hint: where it is not available nothing happens, and the ``fsync`` that
    must follow is what makes the data durable.
    """
    if _SYNC_FILE_RANGE is not None and length > 0:
        _SYNC_FILE_RANGE(fd, offset, length, _SYNC_FILE_RANGE_WRITE)


class WritebackPacer:
    """Counts what a writer appends to a file and starts writeback every ``every`` bytes.

    One mechanism for every large file we write (attachment files, bundles): the ``fsync``
    that ends the file then waits for the last few MiB, not for the whole of it.
    """

    def __init__(self, fd: int, every: int = WRITEBACK_BYTES) -> None:
        self._fd = fd
        self._every = every
        self._written = 0
        self._started = 0

    def wrote(self, count: int) -> None:
        """``count`` more bytes reached the operating system (not a Python buffer)."""
        self._written += count
        if self._written - self._started >= self._every:
            start_writeback(self._fd, self._started, self._written - self._started)
            self._started = self._written


def hold_temp(fd: int) -> int | None:
    """Mark a temporary file as being written: an exclusive ``flock`` kept on a duplicate.

    Returns the descriptor that holds the lock (close it with :func:`release_temp` once the
    file has its final name), or None where ``flock`` does not exist. A process that dies
    loses the lock with its descriptors, which is how :func:`sweep_stale_temps` tells a
    temporary file still being written from one a killed process left behind.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    holder = os.dup(fd)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(holder)
        return None
    return holder


def release_temp(holder: int | None) -> None:
    """Drop the lock :func:`hold_temp` took."""
    if holder is not None:
        os.close(holder)


def sweep_stale_temps(directory: Path, pattern: re.Pattern[str]) -> int:
    """Delete temporary files matching ``pattern`` that no living process is writing.

    A file whose lock can be taken was left by a process that died mid-write (an export
    killed at its rename left an encrypted ``.tmp-*`` on the stick for good: security review
    F-17). Returns how many were removed; where ``flock`` does not exist, none are.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return 0
    removed = 0
    try:
        names = [e.name for e in os.scandir(directory) if pattern.fullmatch(e.name)]
    except OSError:
        return 0
    for name in names:
        path = directory / name
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # being written by a living process
        else:
            path.unlink(missing_ok=True)
            removed += 1
        finally:
            os.close(fd)
    return removed


def atomic_write(path: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old or the new file, never half.

    The temporary file lives beside the target, is created with ``mode`` before any data is
    written, is fsynced, read back (a medium that drops bytes while reporting success, a
    failing USB stick, must not leave a short statement or key file under the final name:
    security.md C7; raised as ``EIO``), renamed over the target, and the directory is fsynced.
    """
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with open(tmp, "rb") as check:
            if check.read(len(data) + 1) != data:
                raise OSError(errno.EIO, "the file read back differs from what was written")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(directory)


@dataclass(frozen=True)
class AppPaths:
    """The directories the application uses."""

    data: Path
    config: Path

    @classmethod
    def default(cls) -> AppPaths:
        """The platform's per-user locations (XDG on Linux, AppData on Windows)."""
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Every directory below ``root``: for tests and portable installs."""
        return cls(data=root / "data", config=root / "config")

    @property
    def default_vault(self) -> Path:
        """The vault opened when none is named."""
        return self.data / "vault"


def file_sha256(path: Path, chunk: int = 1 << 20) -> tuple[str, int]:
    """SHA-256 and size of a file, read back from the disk in chunks (``OSError`` if it
    cannot be read): the one way the program hashes a file it wrote or was given."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size
