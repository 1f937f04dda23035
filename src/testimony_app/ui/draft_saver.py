"""When and how the editor's draft reaches the vault: soon after typing, off the GUI thread.

The promise is that a crash, a dead battery or a ``kill -9`` costs at most a second or two of
typing, and that saving never freezes the window, even when a backup or a vault check holds the
database for seconds.

*When*: one second after the typing stops (:data:`IDLE_MS`, restarted by every change), and
while the typing goes on, at most :data:`MAX_MS` after the first change not yet saved (not
restarted, so steady typing cannot postpone it). Leaving a field or a section, Ctrl+S, opening
a dialog and locking save at once.

*How*: the editor's widgets are read on the GUI thread into a fresh :class:`Testimony` (a deep
copy: nothing the worker holds is shared with the widgets), and that snapshot is written by the
task runner's one worker thread. Saves do not pile up: while a timed save is on its way, further
changes only ask for one more save of the newest text when it returns. An explicit flush
(lock, dialog, section change) queues the newest snapshot at once, even behind a save still on
its way, because the runner is serial: a flush before the lock reaches the vault before the key
is wiped.

*Outcome*: each change bumps a counter; a save records the counter it carried, so the editor is
"dirty" exactly while some change has not been stored. A save that fails (disk full) keeps the
text in the widgets, says so, and is retried. A save that fails after the editor moved on (the
vault locked, the window closes) cannot go back into the widgets, so its snapshot is kept in
memory, :attr:`DraftSaver.unsaved`, for the shell to report and retry after the next unlock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from testimony_app.domain.model import Testimony
from testimony_app.errors import UserFacingError
from testimony_app.log import get_logger
from testimony_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.draft_saver")

#: Save this long after the last change.
IDLE_MS = 1000
#: While changes keep coming, save no later than this after the first unsaved one.
MAX_MS = 1500

SessionProvider = Callable[[], "VaultSession | None"]


class VaultLocked(UserFacingError):
    """A save was asked for while no vault is open."""


@dataclass
class _Outcome:
    """What the worker did with one snapshot (written on the worker, read on the GUI thread)."""

    error: BaseException | None = None
    done: bool = False


@dataclass
class Unsaved:
    """A snapshot that could not be stored after the editor had moved on."""

    record_id: str
    testimony: Testimony = field(repr=False)
    error: BaseException | None = field(default=None, repr=False)


class DraftSaver(QObject):
    """Saves one record's draft at a time for the editor.

    Signals:
        saved(str, object): a record id and the :class:`Testimony` snapshot now stored.
        failed(str, object): a record id and why its newest save failed (the editor retries).
        unsaved_kept(): a save failed after the editor moved on; see :attr:`unsaved`.
    """

    saved = Signal(str, object)
    """The snapshot that is now in the vault."""
    failed = Signal(str, object)
    """A save of the record being edited failed; the text is still in the widgets."""
    unsaved_kept = Signal()
    """A snapshot could not be stored after the editor moved on; it is kept in memory."""

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        snapshot: Callable[[], Testimony],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session_provider = session_provider
        self._runner = runner
        self._snapshot = snapshot
        self._record_id: str | None = None
        self._epoch = 0  # bumped whenever the record being edited changes or is closed
        self._edits = 0  # changes made to this record since it was loaded
        self._submitted = 0  # the change count of the newest snapshot handed to the worker
        self._stored = 0  # the change count of the newest snapshot known to be in the vault
        self._in_flight = 0
        self._again = False
        self._waiters: list[Callable[[bool], None]] = []
        self.unsaved: list[Unsaved] = []
        """Snapshots that could not be stored after the editor moved on (newest last)."""

        self._idle = QTimer(self)
        self._idle.setObjectName("autosaveTimer")
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._timed_save)
        self._max = QTimer(self)
        self._max.setObjectName("autosaveDeadline")
        self._max.setSingleShot(True)
        self._max.setInterval(MAX_MS)
        self._max.timeout.connect(self._timed_save)

    # -- settings ---------------------------------------------------------------------------

    def set_delays(self, idle_ms: int, max_ms: int | None = None) -> None:
        """Save ``idle_ms`` after the last change, and at most ``max_ms`` after the first."""
        idle = max(100, int(idle_ms))
        self._idle.setInterval(idle)
        self._max.setInterval(max(idle, int(max_ms if max_ms is not None else idle * 3 // 2)))

    @property
    def idle_ms(self) -> int:
        """The delay after the last change."""
        return self._idle.interval()

    # -- state ------------------------------------------------------------------------------

    @property
    def record_id(self) -> str | None:
        """The record whose changes are being saved."""
        return self._record_id

    @property
    def dirty(self) -> bool:
        """Whether some change to the record is not yet known to be in the vault."""
        return self._record_id is not None and self._stored != self._edits

    @property
    def saving(self) -> bool:
        """Whether a snapshot is on its way to the vault."""
        return self._in_flight > 0

    # -- life cycle -------------------------------------------------------------------------

    def begin(self, record_id: str) -> None:
        """A record was loaded into the widgets: its changes are saved from now on."""
        self._close_epoch()
        self._record_id = record_id

    def end(self) -> None:
        """The record left the widgets (another one, or the lock). Saves on their way finish."""
        self._close_epoch()
        self._record_id = None

    def _close_epoch(self) -> None:
        self._idle.stop()
        self._max.stop()
        self._epoch += 1
        self._edits = self._submitted = self._stored = 0
        self._again = False
        waiters, self._waiters = self._waiters, []
        for then in waiters:
            then(False)

    # -- changes and saves ------------------------------------------------------------------

    def changed(self) -> None:
        """The user changed something: save soon."""
        if self._record_id is None:
            return
        self._edits += 1
        self._idle.start()  # restarted by every change: one second after the typing stops
        if not self._max.isActive():
            self._max.start()  # not restarted: steady typing still saves every MAX_MS

    def pause(self) -> None:
        """Stop retrying on a timer (the next change or flush tries again)."""
        self._idle.stop()
        self._max.stop()

    def mark_dirty(self) -> None:
        """Write even if nothing seems changed (Ctrl+S: the user asked)."""
        if self._record_id is not None:
            self._edits += 1

    def flush(self, then: Callable[[bool], None] | None = None) -> bool:
        """Queue the newest text now; ``then(ok)`` once every change so far is stored or failed.

        Returns True when nothing needed saving (``then`` has already been called).
        """
        self._idle.stop()
        self._max.stop()
        if not self.dirty:
            if then is not None:
                then(True)
            return True
        if then is not None:
            self._waiters.append(then)
        if self._submitted != self._edits:
            self._submit()
        return False

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Flush and process events until stored (True), failed or timed out (False).

        For the few places that must know before going on: quitting, and starting a recording
        (the service checks the stored consent). The window stays responsive meanwhile.
        """
        result: list[bool] = []
        if self.flush(result.append):
            return True
        deadline = time.monotonic() + timeout_ms / 1000
        while not result:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            loop = QEventLoop()
            QTimer.singleShot(max(1, min(20, int(remaining * 1000))), loop.quit)
            loop.exec()
        return result[0]

    def _timed_save(self) -> None:
        self._idle.stop()
        self._max.stop()
        if self._submitted == self._edits:
            return
        if self._in_flight:
            self._again = True  # one more save of the newest text when this one returns
            return
        self._submit()

    def _submit(self) -> None:
        record_id = self._record_id
        if record_id is None:
            return
        session = self._session_provider()
        if session is None:
            self._finished(False)
            self.failed.emit(record_id, VaultLocked("vault.locked"))
            return
        testimony = self._snapshot()
        count, epoch = self._edits, self._epoch
        self._submitted = count
        self._in_flight += 1
        outcome = _Outcome()

        def work() -> _Outcome:
            try:
                session.testimonies.save_draft(record_id, testimony)
            except BaseException as exc:  # noqa: BLE001 -- reported on the GUI thread
                outcome.error = exc
            outcome.done = True
            return outcome

        def answered(_: object = None) -> None:
            if shiboken6.isValid(self):  # the editor was destroyed: nobody to tell
                self._answered(record_id, epoch, count, testimony, outcome)
            elif outcome.error is not None:
                _log.error("a draft could not be saved after its editor was destroyed")

        # Dropped answers (the lock discards callbacks) still come back: a save that failed
        # after the lock must be kept, not forgotten.
        self._runner.submit(work, answered, lambda exc: answered(), on_dropped=answered)

    def _answered(
        self, record_id: str, epoch: int, count: int, testimony: Testimony, outcome: _Outcome
    ) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        error = outcome.error if outcome.done else RuntimeError("the save did not run")
        if epoch != self._epoch:
            if error is not None:
                # The widgets hold another record now (or nothing): keep the text in memory.
                _log.error("a draft could not be saved after the editor moved on")
                self.unsaved.append(Unsaved(record_id, testimony, error))
                self.unsaved_kept.emit()
            return
        if error is None:
            self._stored = max(self._stored, count)
            self.saved.emit(record_id, testimony)
        else:
            if not isinstance(error, UserFacingError):
                _log.error("saving a draft failed: %s", type(error).__name__)
            self._submitted = min(self._submitted, self._stored)  # the text must go again
            self.failed.emit(record_id, error)
        if self._in_flight:
            return
        if error is None and self._again and self._submitted != self._edits:
            self._again = False
            self._submit()
            return
        self._again = False
        if error is None and self.dirty and self._waiters:
            self._submit()  # a flush is waiting and the newest text is not stored yet
            return
        self._finished(not self.dirty)
        if self.dirty and not self._idle.isActive():
            self._idle.start()  # newer changes, or a retry after a failure

    def _finished(self, ok: bool) -> None:
        waiters, self._waiters = self._waiters, []
        for then in waiters:
            then(ok)

    # -- after the lock ---------------------------------------------------------------------

    def take_unsaved(self) -> list[Unsaved]:
        """The kept snapshots, handed over (and forgotten here)."""
        kept, self.unsaved = self.unsaved, []
        return kept
