"""Fixtures for the end-to-end tests: real services, real window, scripted prompts.

``qtbot.keyClicks`` aborts the process on non-ASCII text (stack-findings §3), so text is typed
one key event per character by :func:`type_text`. Importing ``testimony_app.ui`` also guards
against the PySide6 6.12 / Python 3.11 ``None`` reference bug (see ``ui/qt_workarounds.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import testimony_app.ui  # noqa: F401 -- applies the None-refcount guard first
from testimony_app.ui import prompts as prompts_module
from testimony_app.ui.i18n import Translations, UiPreferences
from testimony_app.ui.main_window import MainWindow
from testimony_app.ui.prompts import ScriptedPrompts
from testkit.qt import OpenWindow


def _type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    """Type any Unicode text into a widget, one key event per character."""
    return _type_text


@pytest.fixture
def scripted_prompts() -> Iterator[ScriptedPrompts]:
    """Scripted prompts, installed as the process default too (for widgets without a window)."""
    scripted = ScriptedPrompts()
    prompts_module.set_default_prompts(scripted)
    yield scripted
    prompts_module.set_default_prompts(None)


@pytest.fixture
def trigger() -> Callable[[MainWindow, str], None]:
    """Trigger an action by object name after checking it exists and is enabled (KeePassXC)."""

    def fire(window: MainWindow, name: str) -> None:
        action = window.findChild(QAction, name)
        assert action is not None, f"no action {name}"
        assert action.isEnabled(), f"{name} is disabled"
        action.trigger()

    return fire


@pytest.fixture
def open_window(
    qtbot: QtBot, tmp_path: Path, scripted_prompts: ScriptedPrompts
) -> Iterator[OpenWindow]:
    """Build the real main window (cheap test KDF); closed (and so locked) after the test."""
    windows: list[MainWindow] = []

    def build(vault: Path, **kwargs: Any) -> MainWindow:
        kwargs.setdefault("prompts", scripted_prompts)
        kwargs.setdefault("kdf", "test")
        kwargs.setdefault("preferences", UiPreferences(tmp_path / "ui.ini"))
        kwargs.setdefault("watch_sleep", False)
        window = MainWindow(vault, **kwargs)
        window.resize(1200, 820)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    qtbot.wait(1)
    Translations().apply("en")
