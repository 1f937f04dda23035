"""What locks the vault without a click on Lock: time without activity, sleep, the panic keys.

Why together: each ends in the same lock, each with its own sentence on the unlock page
(security.md §4.4), and none may lock a vault that is not open. The idle limit lives here too,
because the idle warning (a countdown 30 s before) and the watcher must agree on it:

* :class:`~testimony_app.ui.lock.IdleWatcher` sees every key and mouse move in the application
  and fires after the limit; :class:`~testimony_app.ui.idle_warning.IdleWarning` shows the
  countdown over the window before that, and any key or moved mouse dismisses it;
* :class:`~testimony_app.ui.lock.SleepWatcher` notices the computer sleeping or the screen
  locking (and a jump of the wall clock);
* the panic shortcut (Ctrl+Shift+L) locks at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from testimony_app.ui.idle_warning import IdleWarning
from testimony_app.ui.lock import (
    DEFAULT_LOCK_MINUTES,
    MAX_LOCK_MINUTES,
    MIN_LOCK_MINUTES,
    IdleWatcher,
    SleepWatcher,
)


class _Clocks(TypedDict, total=False):
    """The clocks a test may hand the idle watcher (keyword arguments of IdleWatcher)."""

    monotonic: Callable[[], float]
    wall: Callable[[], float]


class LockTriggers(QObject):
    """The idle watcher and its warning, the sleep watcher, and the idle limit.

    Signals:
        lock_requested(str): lock now; the sentence says why (for the unlock page).
    """

    lock_requested = Signal(str)
    """Lock now, for the reason given (one sentence)."""

    def __init__(
        self,
        window: QWidget,
        is_open: Callable[[], bool],
        *,
        monotonic: Callable[[], float] | None = None,
        wall_clock: Callable[[], float] | None = None,
        idle_check_ms: int = 5000,
        watch_sleep: bool = True,
    ) -> None:
        super().__init__(window)
        self._is_open = is_open
        self.minutes = DEFAULT_LOCK_MINUTES
        clocks: _Clocks = {}  # the watcher's own clocks unless a test gives its fakes
        if monotonic is not None:
            clocks["monotonic"] = monotonic
        if wall_clock is not None:
            clocks["wall"] = wall_clock
        self.idle = IdleWatcher(window, check_interval_ms=idle_check_ms, **clocks)
        self.idle.setObjectName("idleWatcher")
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.idle.connect(self.idle_lock)
        self.idle.panic.connect(self.panic_lock)
        self.idle_warning = IdleWarning(self.idle, window)
        self.sleep_watcher: SleepWatcher | None = None
        if watch_sleep:
            self.sleep_watcher = SleepWatcher(window)
            self.sleep_watcher.lock_requested.connect(self.sleep_lock)

    def set_minutes(self, minutes: int) -> int:
        """Use an idle limit of ``minutes``, kept within the allowed range; the limit used."""
        self.minutes = min(max(minutes, MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)
        self.idle.set_minutes(self.minutes)
        return self.minutes

    def start(self) -> None:
        """The vault opened: start counting idle time."""
        self.idle.start()

    def stop(self) -> None:
        """The vault locked: nothing to count."""
        self.idle.stop()

    def detach(self) -> None:
        """The window closes: stop watching the application's events."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)

    @Slot()
    def idle_lock(self) -> None:
        """The idle limit passed."""
        if self._is_open():
            self.lock_requested.emit(
                self.tr("Locked after %n minute(s) without activity.", "", self.minutes)
            )

    @Slot()
    def panic_lock(self) -> None:
        """Ctrl+Shift+L, or the Lock action."""
        if self._is_open():
            self.lock_requested.emit(self.tr("Locked."))

    @Slot()
    def sleep_lock(self) -> None:
        """The computer went to sleep or its screen locked."""
        if self._is_open():
            self.lock_requested.emit(
                self.tr("Locked because the computer went to sleep or the screen locked.")
            )
