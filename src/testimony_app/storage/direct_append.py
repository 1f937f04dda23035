"""Appending a large new file in aligned 4 MiB writes that bypass the page cache.

Why: an import writes a GiB of attachment file that nobody reads soon. Through the page cache
every MiB is copied into freshly allocated cache pages, and on the machine of the benchmarks
(a virtual machine whose free memory is handed back to the host) that copy alone cost 1.0-2.5
s of system CPU per GiB, more than all the import's cryptography; the same GiB written with
``O_DIRECT`` from buffers that are reused cost 0.1-0.4 s (docs/performance.md, issue 19).

How: bytes are gathered in page-aligned buffers (anonymous ``mmap``) and written a whole
buffer at a time, always at offsets and lengths that are multiples of :data:`ALIGN`, by a
helper thread, so that the caller fills the next buffer while the disk takes the last one
(with ``O_DIRECT`` a write returns only once the device has the bytes). The unaligned tail
is written through the page cache at :meth:`DirectAppender.finish`. Where the system or the
file system does not allow ``O_DIRECT`` (not Linux, tmpfs, some network file systems, a write
refused with ``EINVAL``), the same writes go through the page cache with writeback started
every few MiB, as before. Either way the caller's ``fsync`` is what makes the file durable.

Only ever give it bytes that may sit in memory: the import gives it AES-GCM ciphertext.
"""

from __future__ import annotations

import contextlib
import errno
import mmap
import os
import queue
import threading

from testimony_app.paths import WritebackPacer

ALIGN = 4096
WRITE_BYTES = 4 * 1024 * 1024
_BUFFERS = 3
_os_write = os.write  # one place where the bytes leave (tests make it fail like a full disk)


def _set_direct(fd: int, on: bool) -> bool:
    """Switch ``O_DIRECT`` on or off for ``fd``; return whether it is now on."""
    flag = getattr(os, "O_DIRECT", 0)
    if not flag:
        return False
    try:
        import fcntl

        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, (flags | flag) if on else (flags & ~flag))
    except (ImportError, OSError):
        return False
    return on


class DirectAppender:
    """Appends to the open, empty, write-only file ``fd`` (see the module documentation).

    The caller either copies bytes in (:meth:`append`) or has them produced in place:
    :meth:`reserve` a view of ``n`` bytes, fill all of it (a cipher's ``encrypt_into``), then
    :meth:`commit`. Pieces are at most ``max_piece`` bytes. :meth:`finish` writes the rest;
    :meth:`close` (also after a failure) stops the helper and frees the buffers. Errors of a
    write (a full disk) are raised by the next call on the caller's thread.
    """

    def __init__(self, fd: int, *, direct: bool = True, max_piece: int = 1024 * 1024) -> None:
        self._fd = fd
        self.max_piece = max_piece
        self.direct = _set_direct(fd, True) if direct else False
        self._pacer: WritebackPacer | None = None if self.direct else WritebackPacer(fd)
        size = WRITE_BYTES + max_piece + ALIGN
        self._maps = [mmap.mmap(-1, size) for _ in range(_BUFFERS)]
        self._free: queue.Queue[int] = queue.Queue()
        for index in range(1, _BUFFERS):
            self._free.put(index)
        self._current = 0
        self._view = memoryview(self._maps[0])
        self._fill = 0
        self.appended = 0
        self.direct_bytes = 0  # written around the page cache (the rest went through it)
        self.error: BaseException | None = None
        self._queue: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="blob-direct-writer", daemon=True)
        self._thread.start()

    # -- the caller's side -----------------------------------------------------------------

    def reserve(self, count: int) -> memoryview:
        """A writable view of the next ``count`` bytes of the file; fill it, then commit."""
        if count > self.max_piece:
            raise ValueError("piece too large")
        self._raise_error()
        if self._fill + count > len(self._view):
            self._hand_over()
        return self._view[self._fill : self._fill + count]

    def commit(self, count: int) -> None:
        """The ``count`` bytes of the last :meth:`reserve` are filled: they are file content."""
        self._fill += count
        self.appended += count
        if self._fill >= WRITE_BYTES:
            self._hand_over()

    def append(self, data: bytes | bytearray | memoryview) -> None:
        """Copy ``data`` to the end of the file."""
        view = memoryview(data).cast("B")
        while view:
            take = min(len(view), self.max_piece)
            self.reserve(take)[:] = view[:take]
            self.commit(take)
            view = view[take:]

    def finish(self) -> None:
        """Write everything appended (the unaligned tail through the page cache)."""
        self._raise_error()
        tail = self._fill % ALIGN
        aligned = self._fill - tail
        if aligned:
            self._queue.put((self._current, aligned))
        self._queue.put(None)
        self._thread.join()
        self._raise_error()
        if tail:
            if self.direct:
                self.direct = _set_direct(self._fd, False)
            self._write(self._view[aligned : aligned + tail])
        self._fill = 0

    def close(self) -> None:
        """Stop the helper (dropping what was not written) and free the buffers."""
        if self._thread.is_alive():
            self.error = self.error or OSError(errno.ECANCELED, "closed before finishing")
            self._queue.put(None)
            self._thread.join()
        self._view.release()
        for buffer in self._maps:
            with contextlib.suppress(BufferError):
                buffer.close()

    def _hand_over(self) -> None:
        """Give the full aligned part of the current buffer to the helper; take a free one."""
        aligned = self._fill - self._fill % ALIGN
        tail = self._fill - aligned
        following = self._free.get()
        nxt = memoryview(self._maps[following])
        if tail:
            nxt[:tail] = self._view[aligned : self._fill]
        self._view.release()
        self._queue.put((self._current, aligned))
        self._current, self._view, self._fill = following, nxt, tail
        self._raise_error()

    def _raise_error(self) -> None:
        if self.error is not None:
            raise self.error

    # -- the helper thread -----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            index, length = item
            try:
                if self.error is None:
                    with memoryview(self._maps[index]) as view:
                        self._write(view[:length])
            except BaseException as exc:  # noqa: BLE001 -- raised on the caller's thread
                self.error = exc
            finally:
                self._free.put(index)

    def _write(self, data: memoryview) -> None:
        while data:
            try:
                written = _os_write(self._fd, data)
            except OSError as exc:
                if exc.errno == errno.EINVAL and self.direct:
                    # The file system took the flag but not the write: use the page cache.
                    self.direct = _set_direct(self._fd, False)
                    self._pacer = WritebackPacer(self._fd)
                    continue
                raise
            if written <= 0:  # a medium that takes nothing would loop here for ever
                raise OSError(errno.EIO, "the medium accepted no bytes")
            if self._pacer is not None:
                self._pacer.wrote(written)
            if self.direct:
                self.direct_bytes += written
            if self.direct and written % ALIGN:
                # A short write leaves the file at an unaligned offset: page cache from here.
                self.direct = _set_direct(self._fd, False)
                self._pacer = WritebackPacer(self._fd)
            data = data[written:]
