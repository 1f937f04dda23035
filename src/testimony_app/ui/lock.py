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

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence

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


class IdleWatcher(QObject):
    """Emits :attr:`idle` once when no input arrived for the configured time.

    Signals:
        idle(): the limit passed without input; the window should lock.
        panic(): the panic shortcut was pressed somewhere in the application.
    """

    idle = Signal()
    """No input for the configured time."""
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

    def start(self) -> None:
        """Start counting from now (called when the vault opens)."""
        self.reset()
        self._armed = True
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (called when the vault is locked)."""
        self._armed = False
        self._timer.stop()

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
        """Fire :attr:`idle` if the limit passed. Called by the timer, and on wake-up."""
        if self._armed and self.idle_seconds() >= self._seconds:
            _log.info("idle limit reached")
            self.stop()
            self.idle.emit()

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
                # has seen the gap: check first, then record the activity.
                self.check()
                self.reset()
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
