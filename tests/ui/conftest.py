"""Fixtures shared by the widget tests: typing real text, scripted prompts, synthetic rows.

``qtbot.keyClicks`` aborts the whole process on any non-ASCII character (stack-findings §3), so
every test types through :func:`type_text`, which sends one key event per character.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.model import Status, TestimonySummary, initials
from testimony_app.ui import prompts as prompts_module
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.tasks import TaskRunner
from testkit.qt import FakeClock, MakeWindow

TypeText = Callable[[QWidget, str], None]


def _type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@pytest.fixture
def type_text() -> TypeText:
    """Type any Unicode text into a widget, one key event per character."""
    return _type_text


@pytest.fixture
def scripted_prompts() -> Iterator[ScriptedPrompts]:
    """Scripted prompts installed as the process default for the duration of a test."""
    scripted = ScriptedPrompts()
    prompts_module.set_default_prompts(scripted)
    yield scripted
    prompts_module.set_default_prompts(None)


PLACES = ["Tərtər", "Bərdə", "Bakı", "Gəncə", "Ağdam", "Баку", "Tartar"]
METHODS = ["beating", "electric_shock", "falanga", "suspension", "sleep_deprivation", "threats"]
NAMES = ["Nemət Məhərrəmov", "Əli Həsənov", "Иван Петров", "Aygün Quliyeva", "Rəşad İsmayılov"]


def make_summaries(count: int, seed: int = 7) -> list[TestimonySummary]:
    """``count`` synthetic (fictional) summaries with varied statuses, dates, places, methods."""
    rng = random.Random(seed)
    statuses = list(Status)
    rows = []
    for i in range(count):
        name = rng.choice(NAMES)
        year = rng.randint(2017, 2024)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        date = rng.choice([f"{year}-{month:02d}-{day:02d}"] * 6 + [f"{year}-{month:02d}", ""])
        rows.append(
            TestimonySummary(
                id=f"{i:08x}-0000-4000-8000-{i:012x}",
                status=rng.choice(statuses),
                version=1,
                interview_date=date,
                place=rng.choice(PLACES),
                language=rng.choice(["az", "ru", "en"]),
                witness_label=f"W-{i:05d}" if i % 3 else initials(name),
                witness_name=name,
                title="",
                methods=tuple(rng.sample(METHODS, rng.randint(0, 3))),
                updated_at=f"2025-01-01T00:{i % 60:02d}:00Z",
                fictional=True,
            )
        )
    return rows


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """The real task runner (the window's worker thread), idle and shut down after the test."""
    tasks = TaskRunner()
    yield tasks
    tasks.wait_idle(10000)
    tasks.shutdown()


@pytest.fixture
def summaries() -> Callable[[int], list[TestimonySummary]]:
    """A factory of synthetic testimony summaries."""
    return make_summaries


@pytest.fixture
def clocks() -> tuple[FakeClock, FakeClock]:
    """A boot-time clock and a wall clock, both under the test's control."""
    return FakeClock(), FakeClock(1.7e9)


@pytest.fixture
def make_window(
    qtbot: QtBot,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
    clocks: tuple[FakeClock, FakeClock],
) -> Iterator[MakeWindow]:
    """Build the real main window on a vault in ``tmp_path`` with the cheap test KDF."""
    from testimony_app.ui.i18n import UiPreferences
    from testimony_app.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def build(vault: Path | None = None, **kwargs: Any) -> MainWindow:
        kwargs.setdefault("prompts", scripted_prompts)
        kwargs.setdefault("kdf", "test")
        kwargs.setdefault("preferences", UiPreferences(tmp_path / "ui.ini"))
        kwargs.setdefault("monotonic", clocks[0])
        kwargs.setdefault("wall_clock", clocks[1])
        kwargs.setdefault("idle_check_ms", 600_000)
        kwargs.setdefault("watch_sleep", False)
        window = MainWindow(vault or tmp_path / "vault", **kwargs)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        if not shiboken6.isValid(window):
            continue
        window.close()  # locks, waits for the queue, stops the worker
        window.deleteLater()
    qtbot.wait(1)
    from testimony_app.ui.i18n import Translations

    Translations().apply("en")
