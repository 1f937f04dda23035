"""The guard against PySide6 6.12 dropping references to None and True (ui/qt_workarounds.py)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

import testimony_app.ui  # noqa: F401 -- the guard runs on import
from testimony_app.ui.qt_workarounds import immortalize_singletons


class _Emitter(QObject):
    flag = Signal(bool)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal")
def test_singletons_have_room_for_the_leaks() -> None:
    assert sys.getrefcount(None) > 1 << 39
    assert sys.getrefcount(True) > 1 << 39
    assert sys.getrefcount(False) > 1 << 39
    assert immortalize_singletons() is False  # once is enough


def test_many_invalid_variants_and_true_signals_do_not_abort(qtbot: QtBot) -> None:
    model = QStandardItemModel()
    model.appendRow(QStandardItem("x"))
    index = model.index(0, 0)
    for _ in range(20_000):  # without the guard this aborts after a few thousand
        assert index.data(Qt.ItemDataRole.UserRole + 9) is None
    emitter = _Emitter()
    seen: list[object] = []
    emitter.flag.connect(lambda value: seen.append(value) if len(seen) < 1 else None)
    for _ in range(5_000):  # without the guard this aborts after a few hundred
        emitter.flag.emit(True)
    assert seen == [True]
