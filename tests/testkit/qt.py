"""Types of the fixtures the window tests share (``tests/ui/conftest.py``, ``tests/e2e``).

Only names for annotations: the fixtures themselves stay in the conftest files, where pytest
finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from testimony_app.domain.model import TestimonySummary
    from testimony_app.ui.main_window import MainWindow

#: ``type_text(widget, text)``: one key event per character (``qtbot.keyClicks`` aborts the
#: process on non-ASCII text, stack-findings §3).
TypeText = Callable[[QWidget, str], None]

#: ``trigger(window, "actionName")``: fire one of the window's menu actions.
Trigger = Callable[["MainWindow", str], None]


class MakeWindow(Protocol):
    """``make_window(vault=None, **options)``: the real main window, closed after the test."""

    def __call__(self, vault: Path | None = None, **kwargs: Any) -> MainWindow: ...


#: ``open_window(vault, **options)`` of the end-to-end tests: the real window, shown and exposed.
OpenWindow = Callable[..., "MainWindow"]

#: ``summaries(n)``: n synthetic list rows (a class named Test* must not be imported into a test
#: module, where pytest would try to collect it).
Summaries = Callable[[int], list["TestimonySummary"]]


T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, which the test expects to be there (Qt's getters may return None)."""
    assert value is not None
    return value


class FakeClock:
    """A clock that moves only when told (for the idle lock)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
