"""A helper thread for the bundle's bulk work: hashes (and the import's writes) beside the cipher.

An export or import of a GiB spends about 0.6 s of CPU on each SHA-256 pass, as long as the
cipher itself or longer. hashlib, ``cryptography`` and file writes release the GIL on large
buffers, so on two cores a pass runs on a :class:`Lane` beside the cipher instead of after it
(docs/performance.md).

A lane works on the caller's own buffers, without a copy: :meth:`Lane.submit` returns a ticket,
and the caller may change the bytes it handed over only once :meth:`Lane.wait` for that ticket
has returned. Callers keep a small ring of buffers and wait for a buffer's last ticket before
refilling it, so memory stays at a few MiB and no MiB is copied or freshly allocated. (The
lane that came before copied every buffer it was given, and a fresh 1 MiB buffer per block
cost page faults and zero-filling besides the copy: issue 19.)
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable
from typing import Any


class Lane:
    """Runs calls on one helper thread, in the order they were submitted.

    The first exception a call raises is raised again, on the caller's thread, by the next
    :meth:`submit`, :meth:`wait` or :meth:`drain`; the calls after it are skipped. Always
    :meth:`close` a lane (``with`` does): the thread must not outlive its export or import.
    """

    def __init__(self, name: str = "bundle-lane") -> None:
        self._queue: queue.SimpleQueue[tuple[Callable[..., object], tuple[Any, ...]] | None] = (
            queue.SimpleQueue()
        )
        self._done = 0
        self._submitted = 0
        self._changed = threading.Condition(threading.Lock())
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            function, args = item
            try:
                if self.error is None:
                    function(*args)
            except BaseException as exc:  # noqa: BLE001 -- raised on the caller's thread
                self.error = exc
            finally:
                with self._changed:
                    self._done += 1
                    self._changed.notify()

    def submit(self, function: Callable[..., object], *args: Any) -> int:
        """Queue ``function(*args)``; return its ticket for :meth:`wait`."""
        self._raise()
        if not self._thread.is_alive():
            raise RuntimeError("the lane is closed")
        self._submitted += 1
        self._queue.put((function, args))
        return self._submitted

    def wait(self, ticket: int) -> None:
        """Return once the call with ``ticket`` (and every one before it) has run."""
        with self._changed:
            while self._done < ticket:
                self._changed.wait()
        self._raise()

    def drain(self) -> None:
        """Return once every submitted call has run."""
        self.wait(self._submitted)

    @property
    def submitted(self) -> int:
        """The ticket of the last call submitted (0 before the first)."""
        return self._submitted

    def close(self) -> None:
        """Let the queued calls finish, then stop the thread (idempotent; raises nothing)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def __enter__(self) -> Lane:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LaneDigest:
    """SHA-256 and size of the pieces given to :meth:`update`, computed on a :class:`Lane`.

    ``update`` hashes the caller's bytes in place: they must stay unchanged until the lane has
    passed the returned ticket (:meth:`Lane.wait`). A ``bytes`` piece may be given and forgotten.
    """

    def __init__(self, lane: Lane) -> None:
        self._lane = lane
        self._sha = hashlib.sha256()
        self.size = 0

    def update(self, data: bytes | bytearray | memoryview) -> int:
        """Queue ``data`` for hashing; return the lane's ticket for it."""
        self.size += len(data)
        return self._lane.submit(self._sha.update, data)

    def wait(self, ticket: int) -> None:
        """Return once the piece with ``ticket`` is hashed."""
        self._lane.wait(ticket)

    def hexdigest(self) -> str:
        """Wait for every queued piece; return the SHA-256 (hex)."""
        self._lane.drain()
        return self._sha.hexdigest()
