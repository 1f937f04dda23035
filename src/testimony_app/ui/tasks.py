"""Slow service calls off the GUI thread, one at a time, with results back on the GUI thread.

Why one thread and one queue: the vault is one SQLCipher connection, and Argon2 (about a
second), search, attachment import, backup and check must never freeze the window in front of
a frightened witness. A single serial worker keeps the calls in the order they were made (an
autosave queued before a lock is written before the lock), which a pool would not (Electrum
``TaskThread``, Anki ``CollectionOp``).

Usage (from any widget on the GUI thread)::

    runner.submit(lambda: session.testimonies.search(text),
                  on_success=self._show_hits,          # called on the GUI thread
                  on_error=lambda e: show_error(self, e))  # optional; default is show_error

Callbacks of tasks submitted before :meth:`TaskRunner.discard_callbacks` (the lock calls it)
are dropped: after a lock nothing may repopulate a cleared widget.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from testimony_app.errors import UserFacingError
from testimony_app.log import get_logger
from testimony_app.ui.prompts import prompts_for

T = TypeVar("T")

_log = get_logger("ui.tasks")

#: How often, at most, a progress bar moves while the worker reports (an export: per MiB).
PROGRESS_INTERVAL_S = 0.1


def error_sentence(exc: BaseException) -> str:
    """The one sentence to show for ``exc``: never a traceback, never testimony content.

    A :class:`UserFacingError` carries a code whose words are in the gettext catalogues, in the
    interface language (:func:`testimony_app.words.set_language`, which ``ui/i18n.py`` calls).
    One still raised with an English sentence is looked up in the ``errors`` translation
    context. Anything else is our bug, and the user needs to know only that their work is safe.
    """
    if isinstance(exc, UserFacingError):
        if exc.coded:
            return exc.text()
        sentence = str(exc).strip()
        if sentence:
            return QCoreApplication.translate("errors", sentence)
    return QCoreApplication.translate("tasks", "Something went wrong; your work is saved.")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user about ``exc`` in one plain sentence, through the prompts seam."""
    if not isinstance(exc, UserFacingError):
        # Type name only: the message of an unexpected exception may quote testimony text.
        _log.error("unexpected error in a task: %s", type(exc).__name__)
    prompts_for(parent).error(
        parent, QCoreApplication.translate("tasks", "Testimony"), error_sentence(exc)
    )


@dataclass
class _Job:
    ticket: int
    generation: int
    fn: Callable[[], Any]
    on_success: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_dropped: Callable[[], None] | None = None


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits into it, so delivery is a queued call."""

    finished = Signal(object, bool, object)  # job, ok, result-or-exception


class TaskRunner(QObject):
    """Runs service calls one at a time on one background thread; callbacks on the GUI thread.

    Signals:
        busy_changed(bool): True when the first task is queued, False when the last callback ran.
    """

    busy_changed = Signal(bool)
    """True while any task is queued, running or waiting for its callback."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pending = 0
        self._tickets = 0
        self._generation = 0
        self._closed = False

    # -- public -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while any task is queued, running or waiting for its callback."""
        return self._pending > 0

    @property
    def pending(self) -> int:
        """How many tasks are not yet fully delivered."""
        return self._pending

    def submit(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_dropped: Callable[[], None] | None = None,
    ) -> None:
        """Queue ``fn`` for the worker thread.

        ``on_success(result)`` or ``on_error(exc)`` runs later on the GUI thread. Without
        ``on_error`` the error is shown with :func:`show_error`. When the answer is dropped
        (:meth:`discard_callbacks` was called after this), ``on_dropped()`` runs instead, so
        whoever counts pending work can still count down.
        """
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        self._tickets += 1
        job = _Job(self._tickets, self._generation, fn, on_success, on_error, on_dropped)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._ensure_thread()
        self._queue.put(job)

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Process events until every task ran and its callback was delivered (for tests and quit).

        Returns False if the timeout passed first.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending > 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            loop = QEventLoop()
            self.busy_changed.connect(loop.quit)
            QTimer.singleShot(max(1, min(50, int(remaining * 1000))), loop.quit)
            loop.exec()
            self.busy_changed.disconnect(loop.quit)
        return True

    def discard_callbacks(self) -> None:
        """Drop the callbacks of every task submitted so far; the tasks themselves still run.

        Locking calls this so a search that finishes after the lock cannot refill the list.
        """
        self._generation += 1

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Finish queued tasks, then stop the thread. Returns False if it did not stop in time."""
        self._closed = True
        thread = self._thread
        if thread is None:
            return True
        self._queue.put(None)
        thread.join(timeout_ms / 1000)
        return not thread.is_alive()

    # -- private ----------------------------------------------------------------------------

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        # Daemon: a hung service call must not keep a closed application alive. The window
        # waits for the queue on close, so autosaves still finish.
        self._thread = threading.Thread(
            target=_work, args=(self._queue, self._bridge), name="testimony-tasks", daemon=True
        )
        self._thread.start()

    @Slot(object, bool, object)
    def _deliver(self, job: _Job, ok: bool, value: Any) -> None:
        try:
            if job.generation != self._generation:
                if job.on_dropped is not None:
                    job.on_dropped()
                return
            if ok:
                if job.on_success is not None:
                    job.on_success(value)
            elif job.on_error is not None:
                job.on_error(value)
            else:
                parent = self.parent()
                show_error(parent if isinstance(parent, QWidget) else None, value)
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)


def _work(jobs: queue.Queue[_Job | None], bridge: _Bridge) -> None:
    """The worker loop: run each job and post its outcome to the GUI thread."""
    while True:
        job = jobs.get()
        if job is None:
            return
        try:
            result: Any = job.fn()
            ok = True
        except BaseException as exc:  # noqa: BLE001 -- handed to on_error; the worker must survive
            result, ok = exc, False
        try:
            bridge.finished.emit(job, ok, result)
        except RuntimeError:  # the runner was deleted (window closed): nobody to tell
            return


class ProgressRelay(QObject):
    """Carries ``progress(done, total)`` from the worker thread to the GUI thread.

    :meth:`report` is called on the worker thread. It drops calls that come sooner than
    ``interval`` seconds after the last one it passed on (never the first and never the last),
    and emits :attr:`progressed`; the dialog's slot lives on the GUI thread, so Qt delivers it
    there as a queued call. Byte counts travel as Python ints (a bundle may exceed 2 GiB).

    Signals:
        progressed(object, object): bytes done, bytes in all.
    """

    progressed = Signal(object, object)
    """Bytes done and bytes in all (writing is the first half, the read-back check the second)."""

    def __init__(self, interval: float = PROGRESS_INTERVAL_S) -> None:
        super().__init__()
        self.interval = interval
        self.calls = 0
        self.passed = 0
        self._last = float("-inf")
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Before an export: the next report is passed on at once."""
        with self._lock:
            self._last = float("-inf")
            self.calls = 0
            self.passed = 0

    def report(self, done: int, total: int) -> None:
        """The export's progress callback (worker thread)."""
        now = time.monotonic()
        with self._lock:
            self.calls += 1
            if done < total and now - self._last < self.interval:
                return
            self._last = now
            self.passed += 1
        self.progressed.emit(done, total)
