"""The mouse wheel never changes a field that does not have the keyboard focus (GUI review D4).

Every kind of field that the wheel could change is tried: plain and editable combo boxes, the
editor's choice fields, spin boxes, date, time and date-time fields, the list's date filters
and the real editor's "Language of the interview" inside the real main window. Each test first
shows that, with the focus, the same wheel event does change the field: a guard that swallowed
every wheel event, or a test event that reached nothing, would fail here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from testimony_app.ui.editor_fields import ChoiceField
from testimony_app.ui.wheel_guard import install_wheel_guard
from testkit.qt import MakeWindow, present

pytestmark = pytest.mark.gui


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One wheel turn over the middle of ``widget`` (negative: towards the user, "down")."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItems(["Azərbaycan", "Georgian", "Arabic", "Русский"])
    return combo


def _editable_combo(parent: QWidget) -> QComboBox:
    combo = _combo(parent)
    combo.setEditable(True)
    return combo


def _choice(parent: QWidget) -> ChoiceField:
    field = ChoiceField("interview.language", parent)
    field.set_choices([("az", "Azərbaycan"), ("ka", "Georgian"), ("ar", "Arabic")])
    return field


def _spin(parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(1, 15)
    spin.setValue(5)
    return spin


def _double(parent: QWidget) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setValue(5.0)
    return spin


def _date(parent: QWidget) -> QDateEdit:
    return QDateEdit(QDate(2017, 5, 12), parent)


def _time(parent: QWidget) -> QTimeEdit:
    return QTimeEdit(QTime(10, 30), parent)


def _datetime(parent: QWidget) -> QDateTimeEdit:
    return QDateTimeEdit(QDateTime(QDate(2017, 5, 12), QTime(10, 30)), parent)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QDateTimeEdit):  # QDateEdit and QTimeEdit are QDateTimeEdits
        return widget.dateTime()
    return widget.value()  # type: ignore[attr-defined]


KINDS: dict[str, Callable[[QWidget], QWidget]] = {
    "combo": _combo,
    "editable combo": _editable_combo,
    "choice field": _choice,
    "spin box": _spin,
    "double spin box": _double,
    "date": _date,
    "time": _time,
    "date and time": _datetime,
}


def test_the_guard_is_installed_by_the_main_window_and_covers_the_editor(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    """The real Interview page: scrolling over "Language of the interview" changes nothing."""
    window = make_window()
    editor = window.editor
    page = editor.page("interview")
    language = page.fields["language"]
    assert isinstance(language, ChoiceField)
    language.set_value("az")
    window.pages.setCurrentWidget(editor)
    editor.show_section("interview")
    page.ensureWidgetVisible(language)
    qtbot.waitUntil(language.isVisible)
    editor.navigator.setFocus()
    qtbot.waitUntil(editor.navigator.hasFocus)
    for _ in range(3):
        wheel(language)
    assert language.value() == "az"

    dates = (window.list_page.date_from, window.list_page.date_to)
    window.pages.setCurrentWidget(window.list_page)
    qtbot.waitUntil(dates[0].isVisible)
    window.list_page.search_box.setFocus()
    for edit in dates:
        before = edit.date()
        wheel(edit, 3)
        assert edit.date() == before


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QLineEdit]:
    """A shown form with a line edit that holds the focus, the guard installed."""
    install_wheel_guard()
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    other = QLineEdit(page)
    other.setObjectName("otherField")
    layout.addWidget(other)
    return page, other


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_wheel_leaves_an_unfocused_field_alone(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit], kind: str
) -> None:
    page, other = form
    field = KINDS[kind](page)
    present(page.layout()).addWidget(field)
    page.show()
    qtbot.waitExposed(page)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)

    before = _value(field)
    wheel(field)
    wheel(field, 2)
    wheel(field, -3)
    assert _value(field) == before, f"the wheel changed an unfocused {kind}"
    assert not field.hasFocus(), "the wheel must not take the focus either"
    # The wheel no longer gives these fields the focus (Qt's WheelFocus).
    assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus

    # With the focus (a click or Tab), the wheel works on the field as the user expects.
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    wheel(field)
    assert _value(field) != before, f"the test wheel event did not reach the {kind}"
