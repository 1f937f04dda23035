"""The idle watcher with injected clocks: activity resets it, sleep is noticed on wake-up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from testimony_app.ui.lock import IdleWatcher
from testkit.qt import present


class FakeClock:
    """A clock that moves only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _watcher(qtbot: QtBot, minutes: float = 5) -> tuple[IdleWatcher, FakeClock, FakeClock]:
    mono, wall = FakeClock(), FakeClock(1.7e9)
    watcher = IdleWatcher(minutes=minutes, monotonic=mono, wall=wall, check_interval_ms=60_000)
    present(QApplication.instance()).installEventFilter(watcher)
    return watcher, mono, wall


def _remove(watcher: IdleWatcher) -> None:
    present(QApplication.instance()).removeEventFilter(watcher)


def test_fires_after_the_limit_without_input(qtbot: QtBot) -> None:
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


def test_any_key_or_click_resets_the_clock(qtbot: QtBot) -> None:
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


def test_a_suspend_counted_only_by_the_wall_clock_still_locks(qtbot: QtBot) -> None:
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


def test_a_wall_clock_set_backwards_is_ignored(qtbot: QtBot) -> None:
    watcher, mono, wall = _watcher(qtbot)
    try:
        watcher.start()
        wall.advance(-7200)
        mono.advance(10)
        assert watcher.idle_seconds() == 10
    finally:
        _remove(watcher)


def test_limit_is_clamped_to_1_to_15_minutes(qtbot: QtBot) -> None:
    watcher, _, _ = _watcher(qtbot)
    try:
        watcher.set_minutes(0)
        assert watcher.limit_seconds == 60
        watcher.set_minutes(600)
        assert watcher.limit_seconds == 15 * 60
    finally:
        _remove(watcher)


def test_panic_shortcut_is_seen_even_inside_a_modal_dialog(qtbot: QtBot) -> None:
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
def test_screen_lock_signal_over_a_real_session_bus(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", _DBUS_CHILD],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert "LOCKS 1" in result.stdout, result.stderr


def test_a_warning_counts_down_before_the_idle_lock_and_a_key_dismisses_it(qtbot: QtBot) -> None:
    """GUI review D17: the idle lock came without warning."""
    from PySide6.QtWidgets import QWidget

    from testimony_app.ui.i18n import Translations
    from testimony_app.ui.idle_warning import IdleWarning

    Translations().apply("en")  # the English plural forms ("29 seconds")
    watcher, mono, wall = _watcher(qtbot, minutes=1)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    edit = QLineEdit(window)
    banner = IdleWarning(watcher, window)
    window.show()
    qtbot.waitExposed(window)
    try:
        watcher.start()
        fired: list[bool] = []
        warned: list[int] = []
        cleared: list[bool] = []
        watcher.idle.connect(lambda: fired.append(True))
        watcher.warning.connect(warned.append)
        watcher.warning_cleared.connect(lambda: cleared.append(True))
        mono.advance(29)
        wall.advance(29)
        watcher.check()
        assert warned == []
        assert not banner.isVisible()
        mono.advance(2)  # 31 s idle: 29 s left
        wall.advance(2)
        watcher.check()
        assert warned == [29]
        assert banner.isVisible()
        assert "29 seconds" in banner.text.text()
        assert window.rect().contains(banner.geometry())
        mono.advance(10)
        wall.advance(10)
        banner.refresh()  # the banner's own one-second tick
        assert "19 seconds" in banner.text.text()
        assert not fired

        QTest.keyClick(edit, Qt.Key.Key_Shift)  # any key
        assert cleared == [True]
        assert not banner.isVisible()
        assert not fired
        assert watcher.idle_seconds() == 0

        mono.advance(61)
        wall.advance(61)
        watcher.check()
        assert fired == [True]
        assert not banner.isVisible()
    finally:
        _remove(watcher)


def test_a_moved_mouse_dismisses_the_warning(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QPoint

    from testimony_app.ui import lock

    pointer = [QPoint(100, 100)]
    monkeypatch.setattr(lock, "_pointer", lambda: pointer[0])
    watcher, mono, wall = _watcher(qtbot, minutes=1)
    try:
        watcher.start()
        cleared = []
        watcher.warning_cleared.connect(lambda: cleared.append(True))
        mono.advance(40)
        wall.advance(40)
        watcher.check()
        assert watcher.warned
        mono.advance(1)
        wall.advance(1)
        watcher.check()  # the pointer did not move: still warned
        assert watcher.warned
        pointer[0] = QPoint(130, 90)
        watcher.check()
        assert cleared == [True]
        assert not watcher.warned
        assert watcher.idle_seconds() == 0
    finally:
        _remove(watcher)
