"""The idle watcher with injected clocks: activity resets it, sleep is noticed on wake-up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from testimony_app.ui.lock import IdleWatcher


class FakeClock:
    """A clock that moves only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _watcher(qtbot, minutes=5):
    mono, wall = FakeClock(), FakeClock(1.7e9)
    watcher = IdleWatcher(minutes=minutes, monotonic=mono, wall=wall, check_interval_ms=60_000)
    QApplication.instance().installEventFilter(watcher)
    return watcher, mono, wall


def _remove(watcher):
    QApplication.instance().removeEventFilter(watcher)


def test_fires_after_the_limit_without_input(qtbot):
    watcher, mono, wall = _watcher(qtbot)
    try:
        watcher.start()
        fired = []
        watcher.idle.connect(lambda: fired.append(True))
        mono.advance(299)
        wall.advance(299)
        watcher.check()
        assert not fired
        mono.advance(2)
        wall.advance(2)
        watcher.check()
        assert fired == [True]
        assert not watcher.armed  # fires once, until started again
    finally:
        _remove(watcher)


def test_any_key_or_click_resets_the_clock(qtbot):
    watcher, mono, wall = _watcher(qtbot)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    try:
        watcher.start()
        fired = []
        watcher.idle.connect(lambda: fired.append(True))
        for _ in range(5):
            mono.advance(200)
            wall.advance(200)
            QTest.keyClick(edit, Qt.Key.Key_A)
        watcher.check()
        assert not fired
        assert watcher.idle_seconds() == 0
    finally:
        _remove(watcher)


def test_a_suspend_counted_only_by_the_wall_clock_still_locks(qtbot):
    watcher, mono, wall = _watcher(qtbot)
    try:
        watcher.start()
        fired = []
        watcher.idle.connect(lambda: fired.append(True))
        mono.advance(3)  # a monotonic clock that stopped during suspend
        wall.advance(3600)  # an hour asleep
        edit = QLineEdit()
        qtbot.addWidget(edit)
        QTest.keyClick(edit, Qt.Key.Key_A)  # the first key after waking checks before resetting
        assert fired == [True]
    finally:
        _remove(watcher)


def test_a_wall_clock_set_backwards_is_ignored(qtbot):
    watcher, mono, wall = _watcher(qtbot)
    try:
        watcher.start()
        wall.advance(-7200)
        mono.advance(10)
        assert watcher.idle_seconds() == 10
    finally:
        _remove(watcher)


def test_limit_is_clamped_to_1_to_15_minutes(qtbot):
    watcher, _, _ = _watcher(qtbot)
    try:
        watcher.set_minutes(0)
        assert watcher.limit_seconds == 60
        watcher.set_minutes(600)
        assert watcher.limit_seconds == 15 * 60
    finally:
        _remove(watcher)


def test_panic_shortcut_is_seen_even_inside_a_modal_dialog(qtbot):
    watcher, _, _ = _watcher(qtbot)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = QLineEdit(dialog)
    try:
        panics = []
        watcher.panic.connect(lambda: panics.append(True))
        dialog.setModal(True)
        dialog.show()
        QTest.keyClick(
            edit,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert panics == [True]
        assert edit.text() == ""  # the keystroke was consumed, not typed
    finally:
        _remove(watcher)


_DBUS_CHILD = """
import subprocess
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
import testimony_app.ui
from testimony_app.ui.lock import SleepWatcher
watcher = SleepWatcher()
got = []
watcher.lock_requested.connect(lambda: got.append(1))
def send(value):
    subprocess.run(["dbus-send", "--session", "--type=signal", "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:" + value], check=True)
QTimer.singleShot(200, lambda: send("false"))
QTimer.singleShot(400, lambda: send("true"))
QTimer.singleShot(1500, app.quit)
app.exec()
print("LOCKS", len(got))
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dbus-run-session") is None, reason="needs a D-Bus session")
def test_screen_lock_signal_over_a_real_session_bus(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", _DBUS_CHILD],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert "LOCKS 1" in result.stdout, result.stderr
