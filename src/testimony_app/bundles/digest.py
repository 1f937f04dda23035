"""The ciphertext's SHA-256, computed on a helper thread beside the cipher.

An export or import of a GiB spends about a second on the ciphertext's SHA-256 alone, as long
as the cipher itself. hashlib releases the GIL on large buffers, so on two cores the
digest runs beside the cipher instead of after it (docs/performance.md). Each piece is an
immutable copy handed over through a short queue, so the caller may reuse its buffers at once
and memory stays at a few MiB.
"""

from __future__ import annotations

import hashlib
import queue
import threading

_QUEUE_PIECES = 2


class BackgroundDigest:
    """SHA-256 and size of everything passed to :meth:`update`, on a helper thread.

    Always finish with :meth:`hexdigest` or :meth:`close` (``with`` does the latter): the helper
    must not outlive the export or import that started it.
    """

    def __init__(self) -> None:
        self._sha = hashlib.sha256()
        self.size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(_QUEUE_PIECES)
        self._thread = threading.Thread(target=self._run, name="bundle-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            piece = self._queue.get()
            if piece is None:
                return
            self._sha.update(piece)

    def update(self, data: bytes | bytearray | memoryview) -> None:
        """Add ``data`` (copied unless it is ``bytes``: the caller may reuse its buffer)."""
        if not self._thread.is_alive():
            raise RuntimeError("digest already finished")
        piece = data if type(data) is bytes else bytes(data)
        self.size += len(piece)
        self._queue.put(piece)

    def hexdigest(self) -> str:
        """Wait for every piece; return the SHA-256 (hex), like ``hashlib``'s objects."""
        self.close()
        return self._sha.hexdigest()

    def close(self) -> None:
        """Stop the helper once it has digested what it was given (idempotent)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def __enter__(self) -> BackgroundDigest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
