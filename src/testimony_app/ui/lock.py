"""When to lock: idle time, the panic shortcut, and the machine going to sleep.

A laptop left on a kitchen table, or taken at a checkpoint, must not show a testimony. The
:class:`IdleWatcher` is an application-wide event filter (KeePassXC ``InactivityTimer``): any
key, click, wheel or touch anywhere in the program counts as activity. A slow timer compares the
time since the last activity with the limit. Two clocks are compared because a ``QTimer`` does
not count the time the machine was suspended, and neither does ``CLOCK_MONOTONIC`` on Linux: the
watcher takes the larger of a boot-time clock (which does count suspend) and the wall clock,
so a laptop that slept for an hour locks as soon as it wakes. Both clocks are injectable for
tests.

The same filter watches for the panic shortcut (Ctrl+Shift+L) so that it works even while a
modal dialog has the keyboard, where a window shortcut would not fire.

:class:`SleepWatcher` listens on D-Bus for logind's ``PrepareForSleep`` and the desktop's
screensaver ``ActiveChanged`` and asks for a lock; on systems without them it does nothing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QKeySequence

from testimony_app.log import get_logger

_log = get_logger("ui.lock")

DEFAULT_LOCK_MINUTES = 5
MIN_LOCK_MINUTES = 1
MAX_LOCK_MINUTES = 15
PANIC_SHORTCUT = QKeySequence("Ctrl+Shift+L")

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


def _boot_clock() -> float:
    """Seconds on a clock that keeps counting while the machine is suspended, where one exists."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            return time.clock_gettime(boottime)
        except OSError:
            pass
    return time.monotonic()


def _pointer() -> QPoint | None:
    """Where the mouse pointer is, if the platform says (Wayland and offscreen may not)."""
    if QGuiApplication.instance() is None:
        return None
    return QCursor.pos()


def is_panic_key(event: QKeyEvent) -> bool:
    """True for Ctrl+Shift+L, whatever the keyboard layout reports as its text."""
    mods = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.ShiftModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    return mods == wanted and event.key() == Qt.Key.Key_L


#: How long before the idle lock the window warns, in seconds.
WARNING_SECONDS = 30


class IdleWatcher(QObject):
    """Emits :attr:`idle` once when no input arrived for the configured time.

    :attr:`warning` comes :data:`WARNING_SECONDS` before: an interviewer who listens without
    typing gets a countdown, and a key or a mouse move keeps the vault open, rather than
    having to type the passphrase in front of the witness (GUI review D17). While the warning
    shows, the watcher checks every second and also counts a moved mouse pointer as activity
    (a hovering mouse sends no events to a window that does not track it).

    Signals:
        idle(): the limit passed without input; the window should lock.
        warning(int): the lock comes in this many seconds unless there is input.
        warning_cleared(): input arrived after a warning; the count starts again.
        panic(): the panic shortcut was pressed somewhere in the application.
    """

    idle = Signal()
    """No input for the configured time."""
    warning = Signal(int)
    """Seconds until the idle lock; shown as a countdown."""
    warning_cleared = Signal()
    """Input after a warning: no lock for now."""
    panic = Signal()
    """Ctrl+Shift+L pressed anywhere, even inside a modal dialog."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        minutes: float = DEFAULT_LOCK_MINUTES,
        monotonic: Callable[[], float] = _boot_clock,
        wall: Callable[[], float] = time.time,
        check_interval_ms: int = 5000,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._wall = wall
        self._seconds = float(minutes) * 60
        self._armed = False
        self._last_mono = monotonic()
        self._last_wall = wall()
        self._interval = check_interval_ms
        self._warned = False
        self._pointer: QPoint | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("idleTimer")
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def limit_seconds(self) -> float:
        """Seconds of inactivity before :attr:`idle` fires."""
        return self._seconds

    @property
    def armed(self) -> bool:
        """True while watching (the vault is open)."""
        return self._armed

    def set_minutes(self, minutes: float) -> None:
        """Change the limit; values outside 1–15 minutes are clamped."""
        minutes = min(max(float(minutes), MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)
        self._seconds = minutes * 60

    @property
    def warned(self) -> bool:
        """True while the countdown before the lock is showing."""
        return self._warned

    def seconds_left(self) -> float:
        """Seconds until the idle lock (negative once it is due)."""
        return self._seconds - self.idle_seconds()

    def start(self) -> None:
        """Start counting from now (called when the vault opens)."""
        self.reset()
        self._armed = True
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (called when the vault is locked)."""
        self._armed = False
        self._timer.stop()
        self._end_warning(emit=self._warned)

    def reset(self) -> None:
        """Record activity now."""
        self._last_mono = self._monotonic()
        self._last_wall = self._wall()

    def idle_seconds(self) -> float:
        """Seconds since the last activity, the larger of the two clocks.

        The wall clock is ignored if it went backwards (someone set the clock back).
        """
        mono = self._monotonic() - self._last_mono
        wall = self._wall() - self._last_wall
        return max(mono, wall if wall > 0 else 0.0)

    @Slot()
    def check(self) -> None:
        """Warn, or fire :attr:`idle` if the limit passed. Called by the timer, and on wake-up."""
        if not self._armed:
            return
        if self._warned and self._pointer_moved():
            self.activity()
            return
        left = self.seconds_left()
        if left <= 0:
            _log.info("idle limit reached")
            self.stop()
            self.idle.emit()
            return
        if left <= WARNING_SECONDS and not self._warned:
            self._warned = True
            self._pointer = _pointer()
            self._timer.setInterval(1000)  # a countdown, and the lock on time
            self.warning.emit(math.ceil(left))
        elif not self._warned and left <= WARNING_SECONDS + self._interval / 1000:
            self._timer.setInterval(1000)  # do not start the countdown late

    def activity(self) -> None:
        """Input arrived: the idle time starts again and any warning goes away."""
        self.reset()
        self._end_warning(emit=self._warned)

    def _end_warning(self, *, emit: bool) -> None:
        self._warned = False
        self._pointer = None
        self._timer.setInterval(self._interval)
        if emit:
            self.warning_cleared.emit()

    def _pointer_moved(self) -> bool:
        now = _pointer()
        return now is not None and self._pointer is not None and now != self._pointer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype in _ACTIVITY_EVENTS:
            if (
                etype == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and is_panic_key(event)
            ):
                self.panic.emit()
                return True
            if self._armed:
                # A key pressed after a long suspend must not reset the clock before the check
                # has seen the gap: lock first if it is due, else record the activity.
                if self.seconds_left() <= 0:
                    self.check()
                if self._armed:
                    self.activity()
        elif etype == QEvent.Type.ApplicationStateChange:
            self.check()
        return False


class SleepWatcher(QObject):
    """Asks for a lock when the machine prepares to sleep or the screen locks (Linux, D-Bus).

    Signals:
        lock_requested(): the session is going to sleep or the screensaver locked.
    """

    lock_requested = Signal()
    """The system is about to sleep, or the screen was locked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a build without QtDBus: the idle timer still protects
            return
        try:
            self._connect(QDBusConnection)
        except (RuntimeError, TypeError, ValueError):  # best effort: the idle lock still runs
            _log.warning("could not watch for sleep or screen lock")

    def _connect(self, bus_class: Any) -> None:
        # The sender is not filtered by service name: the signal comes from whichever
        # process owns the name; the path and interface are what identify it.
        # SLOT() gives str, which PySide6 needs here although its stub says bytes.
        system = bus_class.systemBus()
        if system.isConnected() and system.connect(
            "",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("_on_prepare_for_sleep(bool)"),
        ):
            self.connected.append("login1")
        session = bus_class.sessionBus()
        for interface, path in (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ):
            if session.isConnected() and session.connect(
                "", path, interface, "ActiveChanged", self, SLOT("_on_screensaver(bool)")
            ):
                self.connected.append(f"{interface} {path}")

    @Slot(bool)
    def _on_prepare_for_sleep(self, sleeping: bool) -> None:
        if sleeping:
            self.lock_requested.emit()

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()
